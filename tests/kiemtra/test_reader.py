"""The reader: inherited formatting, reading order with table locations, and unusable files."""

from __future__ import annotations

import pytest
from docx import Document
from docx.shared import Pt, RGBColor
from kiemtra_docs import state_spec

from kehoach.docx.reader import read_path, read_text
from kehoach.errors import InputError
from kehoach.kiemtra import check_path


def test_text_paragraphs_are_the_non_empty_lines():
    model = read_text("\n\nKẾ HOẠCH\n   \nvề việc\n")
    assert [(p.text, p.line) for p in model.paragraphs] == [("KẾ HOẠCH", 3), ("về việc", 5)]
    assert model.source == "txt" and model.page is None


def test_run_properties_come_from_the_style_chain_and_defaults(tmp_path):
    document = Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(14)
    heading = document.styles.add_style("Tieu de", 1)
    heading.base_style = document.styles["Normal"]
    heading.font.bold = True
    document.add_paragraph("Kế thừa", style=heading)
    run = document.add_paragraph().add_run("Trực tiếp")
    run.font.name, run.font.color.rgb, run.font.italic = "Arial", RGBColor(0xFF, 0, 0), True
    document.save(tmp_path / "a.docx")
    inherited, direct = read_path(tmp_path / "a.docx").paragraphs
    (r1,), (r2,) = inherited.runs, direct.runs
    assert (r1.bold, r1.size, r1.fonts["ascii"], r1.fonts["eastAsia"]) == (True, 14.0, "Times New Roman", None)
    assert (r2.bold, r2.italic, r2.size, r2.fonts["hAnsi"], r2.color) == (False, True, 14.0, "Arial", "FF0000")


def test_default_template_fonts_resolve_through_the_theme(tmp_path):
    document = Document()
    document.add_paragraph("Chữ")
    document.save(tmp_path / "b.docx")
    (para,) = read_path(tmp_path / "b.docx").paragraphs
    assert para.runs[0].fonts["ascii"] == "Cambria"  # minorHAnsi of python-docx's theme: not Times New Roman
    assert para.runs[0].size == 11.0 and para.line_rule == "auto" and para.space_after == 10.0


def test_reading_order_and_locations(make_docx):
    model = read_path(make_docx(state_spec()))
    first, number = model.paragraphs[0], next(p for p in model.paragraphs if p.clean.startswith("Số:"))
    assert (first.kind, first.table, first.row, first.col) == ("table", 0, 0, 0)
    assert number.where().endswith("bảng 1, hàng 1, cột 1")
    qh = next(p for p in model.paragraphs if p.clean.startswith("CỘNG HÒA"))
    assert qh.col == 1
    title = next(p for p in model.paragraphs if p.clean == "KẾ HOẠCH")
    assert title.kind == "body" and title.alignment == "center"
    assert model.paragraphs[-1].table == 1 and model.tables == 2
    rule = model.paragraphs[2]
    assert rule.clean == "" and rule.bottom_border
    assert model.page.title_page and model.page.page_field and model.page.page_field_centered


@pytest.mark.parametrize(("name", "content", "words"), [
    ("khong-co.docx", None, "không tìm thấy tệp"),
    ("hong.docx", b"day khong phai zip", "không phải tệp .docx"),
    ("anh.docx", b"PK\x03\x04 hong", "không phải tệp .docx"),
    ("latin1.txt", "Kế hoạch".encode("cp1258", errors="replace") + b"\xff\xfe\xfa", "UTF-8"),
])
def test_unusable_files_raise_input_error(tmp_path, name, content, words):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        check_path(path)
    assert words in str(caught.value) and name in str(caught.value)


def test_zip_that_is_not_a_word_document(tmp_path):
    import zipfile

    path = tmp_path / "nen.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "x")
    with pytest.raises(InputError, match="nen.docx"):
        check_path(path)


def test_unknown_system_is_an_input_error(seeds):
    with pytest.raises(InputError, match="hệ thống “abc” không có"):
        check_path(seeds / "000_965ccc07f17a42d3.txt", "abc")
