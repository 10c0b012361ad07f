"""The pieces the merge stands on: formatting as seen, the names of places, conflict markers, the check of a written
package, and the words describing an upstream change."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from kehoach.docx.effective import Sheet
from kehoach.docx.integrity import problems
from kehoach.docx.locate import locate
from kehoach.docx.markers import MARK_END, MARK_OURS, MARK_SPLIT, conflicts, note
from kehoach.workspace.merge import describe

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'
STYLES = f"""<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"
  w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="200"
  w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts
  w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs>
  <w:tab w:val="center" w:pos="4680"/></w:tabs></w:pPr></w:style></w:styles>"""
# What LibreOffice writes for the same styles: spacing moved into Normal, theme fonts and explicit defaults.
STYLES_LO = f"""<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Cambria" w:hAnsi="Cambria"
  w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault>
  <w:pPr><w:suppressAutoHyphens w:val="true"/></w:pPr></w:pPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:pPr><w:widowControl/>
  <w:spacing w:lineRule="auto" w:line="276" w:before="0" w:after="200"/><w:jc w:val="start"/></w:pPr><w:rPr>
  <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:color w:val="auto"/><w:kern w:val="0"/>
  <w:sz w:val="28"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs>
  <w:tab w:val="clear" w:pos="720"/><w:tab w:val="center" w:leader="none" w:pos="4680"/></w:tabs></w:pPr></w:style>
  </w:styles>"""


def el(text: str):
    return etree.fromstring(text)


def ppr(inner: str):
    return el(f"<w:pPr {NS}>{inner}</w:pPr>")


def rpr(inner: str):
    return el(f"<w:rPr {NS}>{inner}</w:rPr>")


def test_what_another_editor_writes_for_the_same_look_is_alike():
    word, lo = Sheet(el(STYLES)), Sheet(el(STYLES_LO))
    # A heading as kehoach writes it, and as LibreOffice writes it back.
    assert lo.paragraph(ppr('<w:pStyle w:val="Normal"/><w:ind w:start="1389" w:end="1389" w:hanging="0"/>'
                            '<w:jc w:val="both"/>')).alike(
        word.paragraph(ppr('<w:ind w:left="1389" w:right="1389"/><w:jc w:val="both"/>')))
    assert lo.run(rpr('<w:b/><w:i w:val="false"/><w:sz w:val="28"/>'), "Normal").alike(
        word.run(rpr('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:b/><w:i w:val="0"/>'
                     '<w:sz w:val="28"/>'), "Normal"))
    assert lo.run(rpr('<w:color w:val="000000"/>'), "Normal").alike(word.run(None, "Normal"))
    assert lo.style("Normal") == word.style("Normal") and lo.style("Header") == word.style("Header")


def test_what_a_reader_can_see_is_not_alike():
    word = Sheet(el(STYLES))
    plain = word.run(rpr('<w:sz w:val="28"/>'), "Normal")
    for changed in ('<w:b/>', '<w:i/>', '<w:u w:val="single"/>', '<w:sz w:val="26"/>', '<w:color w:val="FF0000"/>',
                    '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>', '<w:highlight w:val="yellow"/>'):
        assert not word.run(rpr(changed), "Normal").alike(plain), changed
    body = word.paragraph(ppr('<w:jc w:val="both"/>'))
    for changed in ('<w:jc w:val="center"/>', '<w:jc w:val="both"/><w:ind w:firstLine="720"/>',
                    '<w:jc w:val="both"/><w:spacing w:before="120"/>', '<w:pStyle w:val="Header"/><w:jc w:val="both"/>'):
        assert not word.paragraph(ppr(changed)).alike(body), changed


def test_a_style_changed_under_a_run_is_no_edit_of_the_run():
    before = Sheet(el(STYLES))
    after = Sheet(el(STYLES.replace('<w:sz w:val="28"/></w:rPr></w:style>', '<w:sz w:val="26"/></w:rPr></w:style>', 1)))
    assert after.style("Normal")["r.sz"] == "26" and before.style("Normal")["r.sz"] == "28"
    direct = rpr('<w:sz w:val="28"/>')  # kehoach writes the size on every run: it still shows 14 pt
    assert after.run(direct, "Normal").alike(before.run(direct, "Normal"))
    assert after.run(None, "Normal").alike(before.run(None, "Normal"))  # it follows the style: the style's edit


def test_lists_compare_by_their_look_not_their_number():
    def numbering(num_id: str, glyph: str) -> str:
        return (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
                f'<w:lvlText w:val="{glyph}"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>'
                f'</w:abstractNum><w:num w:numId="{num_id}"><w:abstractNumId w:val="4"/></w:num></w:numbering>')
    a = Sheet(el(STYLES), numbering=el(numbering("10", "•")))
    b = Sheet(el(STYLES), numbering=el(numbering("3", "•")))
    c = Sheet(el(STYLES), numbering=el(numbering("10", "o")))
    listed = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{}"/></w:numPr>'
    assert a.paragraph(ppr(listed.format("10"))).alike(b.paragraph(ppr(listed.format("3"))))
    assert not a.paragraph(ppr(listed.format("10"))).alike(c.paragraph(ppr(listed.format("10"))))


def test_table_cells_empty_paragraphs_and_pictures_are_named_too():
    # docx/locate.py (shared with kiemtra) names a paragraph by its section and first words; the merge's reports
    # also name paragraphs of table cells, empty ones and pictures, which have no words of their own.
    texts = ["KẾ HOẠCH", "Số: 15/KH-LĐLĐ", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
             "- Các cấp Công đoàn tổ chức quán triệt nội dung Chỉ thị.", "", "III. TỔ CHỨC THỰC HIỆN",
             "2. Các công đoàn cơ sở", "Trên đây là Kế hoạch triển khai thực hiện Kế hoạch số 349/KH-TLĐ, ngày 03/10/2025"]
    assert locate(texts, 1, (0, 0, 1)) == "đoạn bắt đầu “Số: 15/KH-LĐLĐ” ở bảng 1, hàng 1, cột 2"
    assert locate(texts, 5) == "mục “I. MỤC ĐÍCH, YÊU CẦU › 1. Mục đích”, đoạn trống sau “- Các cấp Công…”"
    assert locate(texts, 5, picture=True) == "mục “I. MỤC ĐÍCH, YÊU CẦU › 1. Mục đích”, hình sau “- Các cấp Công…”"
    # The closing is not a paragraph of the last sub-heading (audit A, 10.5).
    assert locate(texts, 8) == "phần kết, đoạn bắt đầu “Trên đây là Kế hoạch triển…”"


def test_a_change_upstream_is_described_in_words():
    old = "Trên đây là Kế hoạch thực hiện Kế hoạch số 15-KH/TU, ngày 03/10/2025 của Tỉnh ủy."
    assert describe(old, old.replace("03/10/2025", "06/10/2025")) == "ngày 03/10/2025 → 06/10/2025"
    assert describe(old, old.replace("số 15-KH/TU", "số 17-KH/TU")) == "số 15-KH/TU, → 17-KH/TU,"
    assert describe("a b c", "a x b c") == "thêm «x» sau «a»" and describe("a b c", "a c") == "bỏ «b»"
    assert describe("a", "a") == ""


def test_markers_count_every_conflict_even_half_resolved():
    block = [MARK_OURS, "của tôi", MARK_SPLIT, "mới", MARK_END]
    assert conflicts(["x", *block, "y", *block]) == [1, 7]
    assert conflicts([note("lề trái: bản đã sửa 35 mm, bản mới 30 mm"), "x"]) == [0]
    assert conflicts(["x", "của tôi", MARK_SPLIT, "mới", MARK_END, "z"]) == [2]  # the opening line deleted alone
    assert conflicts(["x", "mới", MARK_END]) == [2]
    assert conflicts(["x", "<<< không phải", "== không", "y"]) == []


def _docx(parts: dict[str, str] | None = None) -> bytes:
    base = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                               'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                               '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                               'officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<w:document {NS}><w:body><w:p/></w:body></w:document>',
    }
    base.update(parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in base.items():
            z.writestr(name, text)
    return out.getvalue()


def test_a_package_is_checked_before_it_replaces_anything():
    assert problems(_docx()) == []
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
            'Target="media/image1.png"/></Relationships>')
    body = (f'<w:document {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<w:body><w:p><w:r><w:footnoteReference w:id="1"/></w:r><w:commentRangeStart w:id="0"/><w:pPr><w:numPr>'
            '<w:numId w:val="10"/></w:numPr></w:pPr><w:hyperlink r:id="rId9"/></w:p></w:body></w:document>')
    found = problems(_docx({"word/document.xml": body, "word/_rels/document.xml.rels": rels}))
    assert found == [
        "liên kết rId5 của word/document.xml trỏ tới word/media/image1.png, phần này không có",
        "word/document.xml dùng liên kết rId9 không có trong word/document.xml.rels",
        "word/document.xml: chú thích cuối trang số 1 không có",
        "word/document.xml: ghi chú số 0 không có",
        "word/document.xml: danh sách số 10 không có trong numbering.xml",
    ]
    assert problems(b"not a zip")[0].startswith("bản hợp nhất không mở được như .docx")


@pytest.mark.parametrize("text", ["<<<<<<< BẢN ĐÃ SỬA", "  ======= BẢN MỚI", ">>>>>>> HẾT"])
def test_a_marker_line_is_recognised_with_leading_space(text):
    assert conflicts(["a", text]) == [1]
