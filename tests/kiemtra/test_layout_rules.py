"""kiemtra's page rules (rules_layout.py, TB-01 … TB-04): each fails on a draft broken the way issue 13 saw it."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from kehoach.kiemtra import RULES, check_path, check_text
from tests.loose import signature_alone


def _edit(source: Path, target: Path, edit) -> Path:
    doc = Document(str(source))
    edit(doc)
    doc.save(str(target))
    return target


def _column(doc, col: int, mm: float) -> None:
    """Set one column of the header table to `mm` wide, as a fixed 73/92 mm template did."""
    tbl = doc.tables[0]._tbl
    tbl.tblGrid.findall(qn("w:gridCol"))[col].set(qn("w:w"), str(int(Mm(mm).twips)))
    for tr in tbl.findall(qn("w:tr")):
        tr.findall(qn("w:tc"))[col].find(f"{qn('w:tcPr')}/{qn('w:tcW')}").set(qn("w:w"), str(int(Mm(mm).twips)))


def _findings(path: Path, rule_id: str):
    return [f for f in check_path(path).findings if f.rule_id == rule_id]


def test_rules_are_registered_with_sources():
    for rule_id in ("TB-01", "TB-02", "TB-03", "TB-04"):
        info = RULES[rule_id]
        assert info.title and info.pick(info.text, "nha_nuoc") and info.pick(info.source, "dang")


def test_a_wrapped_national_title_and_date_line_are_errors(generated, tmp_path):
    broken = _edit(generated["000"].path, tmp_path / "hep.docx", lambda doc: _column(doc, 1, 70))
    found = _findings(broken, "TB-01")
    assert [f.quote for f in found] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Lai Châu, ngày 23 tháng 8 năm 2023"]
    assert all(f.severity == "loi" for f in found)
    assert "xuống dòng thành “CỘNG HÒA XÃ HỘI CHỦ NGHĨA / VIỆT NAM”" in found[0].message
    assert _findings(generated["000"].path, "TB-01") == []


def test_a_name_wrapped_inside_a_word_group_is_reported(generated, tmp_path):
    """Issue 13: a fixed 73 mm column shows "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT / NAM", "… TỈNH LAI / CHÂU"."""
    broken = _edit(generated["000"].path, tmp_path / "73.docx", lambda doc: _column(doc, 0, 73))
    found = _findings(broken, "TB-02")
    assert [f.quote for f in found] == ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"]
    assert "“TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT / NAM”" in found[0].message
    assert "“LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI / CHÂU”" in found[1].message


def test_a_name_that_wraps_between_word_groups_is_accepted(generated, tmp_path):
    # 58 mm: "LIÊN ĐOÀN LAO ĐỘNG" fits, "… TỈNH" does not: the line breaks before "TỈNH LAI CHÂU".
    broken = _edit(generated["000"].path, tmp_path / "58.docx", lambda doc: _column(doc, 0, 58))
    quotes = [f.quote for f in _findings(broken, "TB-02")]
    assert "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU" not in quotes


def _rule_indent(doc, col: int, side_mm: float) -> None:
    cell = doc.tables[0].rows[0].cells[col]
    rule = next(p for p in cell.paragraphs if not p.text and p._p.pPr.find(qn("w:pBdr")) is not None)
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Mm(side_mm)


@pytest.mark.parametrize("col, side, what", [(0, 5, "tên cơ quan ban hành"), (1, 25, "Tiêu ngữ")])
def test_rule_lengths_outside_the_rule_books_are_reported(generated, tmp_path, col, side, what):
    broken = _edit(generated["000"].path, tmp_path / f"ke-{col}.docx", lambda doc: _rule_indent(doc, col, side))
    found = _findings(broken, "TB-03")
    assert len(found) == 1 and f"Đường kẻ dưới {what}" in found[0].message


def test_a_party_title_rule_longer_than_the_title_is_reported(generated, tmp_path):
    broken = _edit(generated["002"].path, tmp_path / "dang.docx", lambda doc: _rule_indent(doc, 1, 2))
    (found,) = _findings(broken, "TB-03")
    assert found.message.startswith("Đường kẻ dưới tiêu đề")


def test_a_signature_alone_on_the_last_page_is_reported(generated, tmp_path):
    """003 and gia-lai-2 once printed Nơi nhận and the signature alone on their last page: a draft whose body ends
    where the signature no longer fits, without keep-with-next, is reported; with it, it is not."""
    broken = signature_alone(generated["gia-lai-2-ban-tgdv"].path, tmp_path / "long.docx")
    (found,) = _findings(broken, "TB-04")
    assert found.severity == "canh_bao" and found.message.startswith("Ước tính")
    kept = _edit(broken, tmp_path / "kept.docx", _keep_last)
    assert _findings(kept, "TB-04") == []
    assert _findings(generated["gia-lai-2-ban-tgdv"].path, "TB-04") == []


def _keep_last(doc) -> None:
    last = doc.tables[-1]._tbl.getprevious()
    last.get_or_add_pPr().insert(0, last.makeelement(qn("w:keepNext"), {}))


def test_plain_text_has_no_page_to_measure():
    text = "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT\nNAM\nSố: 12/KH-TLĐ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    assert not {r for r in check_text(text, "cong_doan").rule_ids() if r.startswith("TB-")}


def _break_by_hand(doc, name: str, before: str) -> None:
    """Type the issuer's name as one paragraph with Shift+Enter (w:br) before the word `before`."""
    cell = doc.tables[0].rows[0].cells[0]
    para = next(p for p in cell.paragraphs if p.text == name)
    first, *rest = para.runs
    for run in rest:
        run._r.getparent().remove(run._r)
    head, tail = name.split(f" {before}", 1)
    first.text = head
    first.add_break()
    first.add_text(before + tail)


@pytest.mark.parametrize(("before", "expected"), [
    ("CHÂU", "Tên “LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU” được xuống dòng (Shift+Enter) giữa một cụm từ: "
             "“LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI / CHÂU”."),
    ("ĐỘNG", "Tên “LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU” được xuống dòng (Shift+Enter) giữa một cụm từ: "
             "“LIÊN ĐOÀN LAO / ĐỘNG TỈNH LAI CHÂU”."),
])
def test_a_name_broken_by_hand_inside_a_word_group_is_reported(generated, tmp_path, before, expected):
    """Audit A, 13 (kiemtra): "…TỈNH LAI⏎CHÂU" typed with Shift+Enter gave no finding; the fix is the split kehoach's
    own headers use for that cell (here the name fits one line)."""
    name = "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"
    broken = _edit(generated["000"].path, tmp_path / "tay.docx", lambda doc: _break_by_hand(doc, name, before))
    assert [(f.message, f.suggestion, f.quote) for f in _findings(broken, "TB-02")] == [
        (expected, f"Bỏ chỗ xuống dòng: “{name}” vừa một dòng.", name)]
    narrow = _edit(broken, tmp_path / "tay-hep.docx", lambda doc: _column(doc, 0, 58))
    assert [f.suggestion for f in _findings(narrow, "TB-02") if f.quote == name] == [
        "Xuống dòng giữa hai cụm từ: “LIÊN ĐOÀN LAO ĐỘNG / TỈNH LAI CHÂU”."]


def test_a_name_broken_by_hand_between_word_groups_is_right(generated, tmp_path):
    name = "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"
    broken = _edit(generated["000"].path, tmp_path / "tay.docx", lambda doc: _break_by_hand(doc, name, "TỈNH"))
    assert _findings(broken, "TB-02") == []


def test_a_rule_whose_indents_are_wider_than_its_cell_has_no_negative_length(generated, tmp_path):
    """Audit A, 13: a left column narrowed to 45 mm gave "dài -7 mm, bằng -21% dòng chữ"."""
    broken = _edit(generated["000"].path, tmp_path / "45.docx", lambda doc: _column(doc, 0, 45))
    found = [f.message for f in _findings(broken, "TB-03")]
    assert not any("-" in message.split("dài")[-1][:4] for message in found), found
    assert found == ["Đường kẻ dưới tên cơ quan ban hành không hiện ra: thụt lề trái và phải của đoạn kẻ đường rộng "
                     "hơn ô chứa nó (dòng chữ 34 mm)."]
