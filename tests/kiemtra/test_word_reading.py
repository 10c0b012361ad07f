"""Documents typed the way offices type them, stored as Word stores them, read as Word shows them (issue 14, 1–4).

Each misread case is checked against its clean twin: the same document typed with Enter, in a header table, saved as
a normal .docx. The twin's findings are the expected ones, exactly.
"""

from __future__ import annotations

import zipfile

import pytest
from kiemtra_docs import SPECS, Line, party_spec, state_spec, union_letter_spec
from word_xml import Variant, write, write_body

from kehoach.docx.reader import read_path
from kehoach.errors import InputError
from kehoach.kiemtra import check_path


def findings(report) -> list[tuple[str, str, str, str]]:
    return sorted((f.rule_id, f.message, f.suggestion, f.quote) for f in report.findings)


def texts(path) -> list[str]:
    return [p.clean for p in read_path(path).paragraphs]


def twins(tmp_path, spec, variant: Variant):
    """(findings of the document as typed, findings of its clean twin)."""
    typed = check_path(write(spec, tmp_path / "go-tat.docx", variant))
    clean = check_path(write(spec, tmp_path / "sinh-doi.docx"))
    assert typed.system == clean.system
    return findings(typed), findings(clean)


def lai_chau_union_spec():
    spec = union_letter_spec()
    spec.left[1].text = "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"
    return spec


# --- 1. Shift+Enter ---------------------------------------------------------------------------------------------

def test_two_header_lines_typed_with_shift_enter_are_two_lines(tmp_path):
    spec = lai_chau_union_spec()
    path = write(spec, tmp_path / "a.docx", Variant(joined={"left": [(0, 2)]}))
    lines = read_path(path).paragraphs
    assert [p.clean for p in lines[:2]] == ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"]
    assert [(p.number, p.part) for p in lines[:2]] == [(1, 1), (1, 2)]
    assert lines[1].where() == "đoạn 1, dòng 2 trong đoạn, bảng 1, hàng 1, cột 1"
    assert [r.bold for r in lines[0].runs] == [False] and [r.bold for r in lines[1].runs] == [True]
    typed, clean = twins(tmp_path, spec, Variant(joined={"left": [(0, 2)]}))
    assert typed == clean == []  # no "chưa in đậm" on the issuer


def test_noi_nhan_block_typed_with_shift_enter(tmp_path):
    spec = state_spec()
    typed, clean = twins(tmp_path, spec, Variant(joined={"noi_nhan": [(0, len(spec.noi_nhan))]}))
    assert typed == clean == []  # no wrong "Nơi nhận:" label


def motto_with_a_drawn_line(spec):
    # In one paragraph with the Quốc hiệu, the rule under the motto is a drawn line: a paragraph border would run
    # under the whole paragraph, as wide as the Quốc hiệu (issue 13's rule lengths, TB-03).
    motto = spec.find("right", "Độc lập")
    motto.border, motto.drawing = False, True
    return spec


def test_quoc_hieu_and_motto_in_one_paragraph(tmp_path):
    spec = state_spec()
    path = write(spec, tmp_path / "a.docx", Variant(joined={"right": [(0, 2)]}))
    assert texts(path)[4:6] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    qh, motto = read_path(path).paragraphs[4:6]
    assert (qh.bottom_border, motto.bottom_border) == (False, True)  # the border is drawn under the last line
    spec = motto_with_a_drawn_line(spec)
    typed, clean = twins(tmp_path, spec, Variant(joined={"right": [(0, 2)]}))
    assert typed == clean == []  # not "Chữ chưa đúng quốc hiệu", not "không thấy Tiêu ngữ"


def two_line_authority(spec):
    spec.sign = [Line("TM. ỦY BAN NHÂN DÂN", 14, bold=True), Line("KT. CHỦ TỊCH", 14, bold=True),
                 Line("PHÓ CHỦ TỊCH", 14, bold=True), Line(""), Line(""), Line(""), Line(""),
                 Line("Nguyễn Văn Bình", 14, bold=True)]
    return spec


def test_kehoach_two_line_signer_authority(tmp_path):
    spec = two_line_authority(state_spec())
    typed, clean = twins(tmp_path, spec, Variant(joined={"sign": [(0, 2)]}))
    assert typed == clean == []


def test_every_part_typed_with_shift_enter_gives_the_twins_findings(tmp_path):
    """The whole kind: any block of lines, in any part, joined by Shift+Enter, with mistakes in it."""
    spec = motto_with_a_drawn_line(two_line_authority(state_spec()))
    spec.find("left", "Số").text = "Số 5/KH-UBND"  # TT-11 and TT-12
    spec.find("right", "Độc lập").text = "Độc lập – Tự do – Hạnh phúc"  # TT-08
    spec.noi_nhan[2].text = "- Thường trực Tỉnh ủy"  # TT-29
    spec.sign[-1].bold = False  # TT-26
    variant = Variant(joined={"left": [(0, 2)], "right": [(0, 2)], "noi_nhan": [(0, len(spec.noi_nhan))],
                              "sign": [(0, len(spec.sign))]})
    typed, clean = twins(tmp_path, spec, variant)
    assert typed == clean
    assert [f[0] for f in clean] == ["TT-08", "TT-11", "TT-12", "TT-26", "TT-29"]


@pytest.mark.parametrize("system", sorted(SPECS))
def test_shift_enter_in_each_system(tmp_path, system):
    spec = SPECS[system]()
    variant = Variant(joined={"left": [(0, 2)], "noi_nhan": [(0, len(spec.noi_nhan))],
                              "sign": [(0, len(spec.sign))]})
    typed, clean = twins(tmp_path, spec, variant)
    assert typed == clean == []


# --- 2. Characters Word shows differently from how it stores them -----------------------------------------------

@pytest.mark.parametrize("spec", [state_spec, lai_chau_union_spec])
def test_non_breaking_hyphens_in_the_motto(tmp_path, spec):
    path = write(spec(), tmp_path / "a.docx", Variant(motto_nb_hyphen=True))
    assert "noBreakHyphen" in zipfile.ZipFile(path).read("word/document.xml").decode()
    assert "Độc lập - Tự do - Hạnh phúc" in texts(path)
    assert check_path(path).findings == []  # not "Độc lậpTự doHạnh phúc", no false TT-08


def run(text: str, props: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def test_spaces_hyphens_tabs_and_symbols_read_as_word_shows_them(tmp_path):
    body = "".join([
        f"<w:p>{run('Số:')}{run(chr(0xA0) + '05/KH' + chr(0x2011) + 'UBND')}</w:p>",  # no-break space
        f"<w:p>{run('giáo dục nghề ngh')}<w:r><w:softHyphen/></w:r>{run('iệp')}</w:p>",  # soft hyphen
        f"<w:p>{run('Nơi nhận:')}<w:r><w:tab/></w:r></w:p>",
        f"<w:p>{run('- Lưu:')}<w:r><w:tab/></w:r>{run('VT, VX.')}</w:p>",
        '<w:p><w:r><w:sym w:font="Symbol" w:char="F02A"/></w:r></w:p>',  # the Party star inserted as a symbol
        f"<w:p>{run('Độc lập')}<w:r><w:t xml:space=\"preserve\"> </w:t><w:noBreakHyphen/>"
        f"<w:t xml:space=\"preserve\"> Tự do</w:t></w:r></w:p>",
        f"<w:p>{run('Ẩn', '<w:vanish/>')}{run('cộng hòa xã hội chủ nghĩa việt nam', '<w:caps/>')}</w:p>",
        f"<w:p><w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>đã xóa </w:delText></w:r></w:del>"
        f"<w:ins w:id=\"2\" w:author=\"A\">{run('thêm vào')}</w:ins></w:p>",
    ])
    lines = read_path(write_body(tmp_path / "a.docx", body)).paragraphs
    assert [p.clean for p in lines] == ["Số: 05/KH‑UBND", "giáo dục nghề nghiệp", "Nơi nhận:", "- Lưu: VT, VX.", "*",
                                        "Độc lập - Tự do", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "thêm vào"]
    assert lines[3].text == "- Lưu:\tVT, VX."  # the tab itself is kept where exact wording matters


# --- 3. Text boxes ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("system", sorted(SPECS))
def test_header_in_text_boxes_is_read_once_with_its_paragraphs_apart(tmp_path, system):
    spec = SPECS[system]()
    path = write(spec, tmp_path / "a.docx", Variant(boxes=True))
    document = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert document.count("<w:txbxContent>") == 4  # two boxes, each stored twice (mc:Choice and mc:Fallback)
    lines = read_path(path).paragraphs
    header = [line.text for line in spec.left + spec.right]
    assert [p.text for p in lines[:len(header)]] == header
    assert {p.kind for p in lines[:len(header)]} == {"box"}
    assert [p.box for p in lines[:len(header)]] == [0] * len(spec.left) + [1] * len(spec.right)
    typed, clean = twins(tmp_path, spec, Variant(boxes=True))
    assert typed == clean == []  # not "Không thấy Quốc hiệu"


def test_text_boxes_with_shift_enter_and_mistakes(tmp_path):
    spec = party_spec()
    spec.find("left", "Số").text = "Số: 452-KH/HU"  # TT-11: a colon in a Party number line
    typed, clean = twins(tmp_path, spec, Variant(boxes=True, joined={"left": [(0, 3)]}))
    assert typed == clean and [f[0] for f in clean] == ["TT-11"]


# --- 4. Strict Open XML, macro-enabled files and templates, and files that are not .docx ------------------------

@pytest.mark.parametrize("system", sorted(SPECS))
def test_strict_open_xml_is_read(tmp_path, system):
    spec = SPECS[system]()
    path = write(spec, tmp_path / "strict.docx", Variant(strict=True))
    assert b"purl.oclc.org/ooxml" in zipfile.ZipFile(path).read("_rels/.rels")
    report = check_path(path)
    assert findings(report) == findings(check_path(write(spec, tmp_path / "sinh-doi.docx"))) == []
    assert report.notes == ["tệp được lưu dạng “Strict Open XML Document”; kehoach đã đọc nó như một tệp .docx "
                            "thường. Nếu phần mềm khác không mở được, mở bằng Word và lưu lại dạng “Word Document "
                            "(*.docx)”."]


def test_strict_file_with_a_mistake_gives_the_mistake(tmp_path):
    spec = state_spec()
    spec.find("left", "Số").text = "Số: 5/KH-UBND"
    report = check_path(write(spec, tmp_path / "strict.docx", Variant(strict=True)))
    assert [(f.rule_id, f.suggestion) for f in report.findings] == [("TT-12", "Viết “05”.")]


@pytest.mark.parametrize("main_type", ["application/vnd.ms-word.document.macroEnabled.main+xml",
                                       "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"])
def test_macro_enabled_documents_and_templates_are_read(tmp_path, main_type):
    path = write(state_spec(), tmp_path / "a.docm", main_type=main_type)
    assert check_path(path).findings == []


def _odt(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


@pytest.mark.parametrize(("name", "make", "start"), [
    ("cu.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
     "đây là tệp Word 97–2003 (.doc); kehoach đọc tệp .docx. Mở tệp bằng Word (hoặc LibreOffice Writer), chọn Tệp → "
     "Lưu thành → “Word Document (*.docx)”, rồi kiểm tra tệp .docx."),
    ("mo.odt", _odt, "đây là tệp OpenDocument (.odt, của LibreOffice/OpenOffice); kehoach đọc tệp .docx. Mở tệp bằng "
     "LibreOffice Writer, chọn Tệp → Lưu thành → “Word Document (*.docx)”, rồi kiểm tra tệp .docx."),
    ("mo-dat-ten.docx", _odt, "đây là tệp OpenDocument (.odt"),
    ("van-ban.rtf", lambda p: p.write_bytes(rb"{\rtf1\ansi Noi dung}"), "đây là tệp RTF; kehoach đọc tệp .docx."),
    ("mat-khau.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)
                                              + "EncryptedPackage".encode("utf-16-le")),
     "tệp Word này được đặt mật khẩu (mã hóa) nên không đọc được nội dung."),
    ("trang-web.doc", lambda p: p.write_bytes(b"<html><body>Ke hoach</body></html>"),
     "đây là một trang web (HTML) được lưu với đuôi của Word, không phải văn bản Word."),
])
def test_files_that_are_not_docx_get_a_vietnamese_way_out(tmp_path, name, make, start):
    path = tmp_path / name
    make(path)
    with pytest.raises(InputError) as caught:
        check_path(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {start}")
    assert "bị hỏng" not in message
    for english in ("relationship", "officeDocument", "package", "body", "file", "content type"):
        assert english not in message.replace(str(path), "")


def test_conversion_is_offered_where_libreoffice_is(tmp_path, monkeypatch):
    from kehoach.docx import convert

    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    monkeypatch.setattr(convert, "soffice", lambda: "/usr/bin/soffice")
    with pytest.raises(InputError, match="Máy này có LibreOffice nên kehoach tự chuyển được: chạy lại lệnh kiemtra "
                                         "với tùy chọn --chuyen-doi"):
        check_path(path)
    monkeypatch.setattr(convert, "soffice", lambda: None)
    with pytest.raises(InputError, match="Nếu cài LibreOffice, kehoach tự chuyển được"):
        check_path(path)
    with pytest.raises(InputError, match="không tìm thấy LibreOffice"):
        check_path(path, convert=True)


def test_doc_and_odt_converted_with_libreoffice_give_the_findings_of_the_docx(tmp_path):
    from tests.tools import convert, require

    require("soffice")
    spec = state_spec()
    spec.find("left", "Số").text = "Số: 5/KH-UBND"
    original = write(spec, tmp_path / "goc.docx")
    [odt] = convert([original], "odt", tmp_path / "odt")
    [doc] = convert([original], "doc", tmp_path / "doc")
    expected = findings(check_path(original))
    assert [f[0] for f in expected] == ["TT-12"]
    for path, suffix in ((odt, ".odt"), (doc, ".doc")):
        report = check_path(path, convert=True)
        assert findings(report) == expected
        assert report.notes == [f"tệp {suffix} đã được LibreOffice chuyển sang .docx để kiểm tra (trong thư mục tạm); "
                                "định dạng có thể khác đôi chút so với khi mở bằng Word."]
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["goc.doc", "goc.docx", "goc.odt"]
