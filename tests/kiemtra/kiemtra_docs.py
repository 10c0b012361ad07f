"""Build small .docx drafts in the generator's shape, one per system, so each test can add its own mistakes.

A spec lists the paragraphs of each part; tests copy a clean spec, change what they want, and write it."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "both": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT}


@dataclass
class Line:
    text: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    underline: bool = False
    align: str | None = "center"
    border: bool = False
    font: str | None = None
    color: tuple[int, int, int] | None = None
    indent_mm: float | None = None
    after_pt: float | None = None
    exact_pt: float | None = None
    drawing: bool = False  # a drawn line shape (VML) instead of a paragraph border


def body(text: str, **kw) -> Line:
    kw = {"align": "both", "indent_mm": 12.7, "after_pt": 6, **kw}
    return Line(text, **kw)


def heading(text: str, **kw) -> Line:
    return body(text, bold=True, **kw)


@dataclass
class Spec:
    left: list[Line]
    right: list[Line]
    top: list[Line]  # tên loại, trích yếu, rule, Kính gửi …
    body: list[Line]
    noi_nhan: list[Line]
    sign: list[Line]
    paper_mm: tuple[float, float] = (210, 297)
    margins_mm: tuple[float, float, float, float] = (20, 20, 30, 15)  # top, bottom, left, right
    page_number: bool = True
    extra: dict = field(default_factory=dict)

    def copy(self) -> Spec:
        return copy.deepcopy(self)

    def find(self, part: str, start: str) -> Line:
        return next(line for line in getattr(self, part) if line.text.startswith(start))


def rule_line(width: str = "") -> Line:
    """An empty paragraph with a bottom border: how the generator draws the short rules."""
    return Line(width, border=True, size=6)


def state_spec() -> Spec:
    return Spec(
        left=[Line("ỦY BAN NHÂN DÂN", 13, bold=True), Line("TỈNH NGHỆ AN", 13, bold=True), rule_line(),
              Line("Số: 05/KH-UBND", 13)],
        right=[Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True),
               Line("Độc lập - Tự do - Hạnh phúc", 14, bold=True, border=True),
               Line("Nghệ An, ngày 05 tháng 3 năm 2024", 14, italic=True)],
        top=[Line("KẾ HOẠCH", 14, bold=True), Line("Triển khai thực hiện Chỉ thị số 21-CT/TW ngày 04/5/2023 "
                                                     "của Ban Bí thư", 14, bold=True), rule_line()],
        body=[
            body("Thực hiện Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư, Ủy ban nhân dân tỉnh ban hành "
                 "Kế hoạch thực hiện như sau:"),
            heading("I. MỤC ĐÍCH, YÊU CẦU"),
            heading("1. Mục đích"),
            body("- Nâng cao nhận thức về giáo dục nghề nghiệp."),
            heading("2. Yêu cầu"),
            body("a) Bảo đảm thống nhất, đồng bộ."),
            body("b) Bám sát Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ."),
            heading("II. NHIỆM VỤ, GIẢI PHÁP"),
            body("1. Các sở, ngành xây dựng kế hoạch trước ngày 24/01/2025."),
            body("2. Ủy ban nhân dân cấp huyện tổ chức thực hiện."),
            heading("III. TỔ CHỨC THỰC HIỆN"),
            body("Các cơ quan, đơn vị nghiêm túc triển khai thực hiện./."),
        ],
        noi_nhan=[Line("Nơi nhận:", 12, bold=True, italic=True, align="left"),
                  Line("- Bộ Lao động - Thương binh và Xã hội;", 11, align="left"),
                  Line("- Thường trực Tỉnh ủy;", 11, align="left"),
                  Line("- Các sở, ban, ngành;", 11, align="left"),
                  Line("- Lưu: VT, VX.", 11, align="left")],
        sign=[Line("TM. ỦY BAN NHÂN DÂN", 14, bold=True), Line("CHỦ TỊCH", 14, bold=True),
              Line(""), Line(""), Line(""), Line(""), Line("Nguyễn Văn An", 14, bold=True)],
    )


def party_spec() -> Spec:
    return Spec(
        left=[Line("ĐẢNG BỘ TỈNH LAI CHÂU", 14), Line("HUYỆN ỦY PHONG THỔ", 14, bold=True), Line("*", 14),
              Line("Số 452-KH/HU", 14)],
        right=[Line("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True, border=True),
               Line("Phong Thổ, ngày 13 tháng 8 năm 2024", 14, italic=True)],
        top=[Line("KẾ HOẠCH", 16, bold=True),
             Line("thực hiện Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư", 14, bold=True), Line("-----", 14)],
        body=[
            body("Thực hiện Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư; Kế hoạch số 184-KH/TU, ngày "
                 "27/6/2023 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng Kế hoạch như sau:",
                 indent_mm=10, exact_pt=20),
            heading("I- MỤC ĐÍCH, YÊU CẦU", indent_mm=10),
            body("1. Quán triệt đầy đủ Chỉ thị số 21-CT/TW.", indent_mm=10, exact_pt=20),
            body("2. Tổ chức thực hiện nghiêm túc, hiệu quả.", indent_mm=10, exact_pt=20),
            heading("II- TỔ CHỨC THỰC HIỆN", indent_mm=10),
            body("Ban Tuyên giáo Huyện ủy theo dõi, đôn đốc, định kỳ báo cáo Ban Thường vụ Huyện ủy.", indent_mm=10,
                 exact_pt=20),
        ],
        noi_nhan=[Line("Nơi nhận:", 14, underline=True, align="left"),
                  Line("- Thường trực Tỉnh ủy (b/c),", 12, align="left"),
                  Line("- Các chi, đảng bộ cơ sở,", 12, align="left"),
                  Line("- Lưu VPHU.", 12, align="left")],
        sign=[Line("T/M BAN THƯỜNG VỤ", 14, bold=True), Line("PHÓ BÍ THƯ", 14),
              Line(""), Line(""), Line(""), Line(""), Line("Nguyễn Văn Thanh", 14, bold=True)],
    )


def union_letter_spec() -> Spec:
    return Spec(
        left=[Line("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", 13), Line("LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH", 13, bold=True),
              rule_line(), Line("Số: 301/LĐLĐ-TGNC", 13),
              Line("V/v triển khai thực hiện Kế hoạch số 72-KH/TU ngày 17/8/2023 của Ban Thường vụ Tỉnh ủy", 12)],
        right=[Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True),
               Line("Độc lập - Tự do - Hạnh phúc", 14, bold=True, border=True),
               Line("Bình Định, ngày 14 tháng 6 năm 2024", 14, italic=True)],
        top=[Line("Kính gửi:", 14), Line("- Liên đoàn lao động các huyện, thị xã, thành phố;", 14),
             Line("- Các công đoàn ngành tỉnh.", 14)],
        body=[
            body("Thực hiện Hướng dẫn số 108-HD/BTGTU ngày 30/5/2024 của Ban Tuyên giáo Tỉnh ủy, Ban Thường vụ "
                 "Liên đoàn Lao động tỉnh đề nghị các cấp công đoàn thực hiện một số nội dung sau:"),
            heading("1. Đối với các cấp công đoàn"),
            body("- Đẩy mạnh tuyên truyền trong đoàn viên, người lao động."),
            heading("2. Trung tâm Giáo dục nghề nghiệp Công đoàn"),
            body("- Đổi mới nội dung, chương trình đào tạo./."),
        ],
        noi_nhan=[Line("Nơi nhận:", 12, bold=True, italic=True, align="left"),
                  Line("- Như trên;", 11, align="left"), Line("- Ban Tuyên giáo Tỉnh ủy;", 11, align="left"),
                  Line("- Lưu: VT, TGNC.", 11, align="left")],
        sign=[Line("TM. BAN THƯỜNG VỤ", 14, bold=True), Line("PHÓ CHỦ TỊCH", 14, bold=True),
              Line(""), Line(""), Line(""), Line(""), Line("Nguyễn Văn Bình", 14, bold=True)],
    )


def doan_spec() -> Spec:
    """A Tỉnh đoàn plan in the Đoàn's look (org-catalog §2.4): "ĐOÀN TNCS HỒ CHÍ MINH" on the right, "***" under the
    issuer, "Số: 12-KH/TĐTN-VP", the State's signing prefixes."""
    return Spec(
        left=[Line("BCH ĐOÀN TỈNH LAI CHÂU", 14), Line("TỈNH ĐOÀN LAI CHÂU", 14, bold=True), Line("***", 14),
              Line("Số: 12-KH/TĐTN-VP", 14)],
        right=[Line("ĐOÀN TNCS HỒ CHÍ MINH", 15, bold=True, underline=True),
               Line("Lai Châu, ngày 20 tháng 02 năm 2025", 14, italic=True)],
        top=[Line("KẾ HOẠCH", 15, bold=True), Line("tổ chức Tháng Thanh niên năm 2025", 14, bold=True),
             Line("-----", 14)],
        body=[
            body("Thực hiện Kế hoạch số 45-KH/TWĐTN-VP, ngày 10/01/2025 của Ban Bí thư Trung ương Đoàn, Ban Thường vụ "
                 "Tỉnh đoàn xây dựng Kế hoạch như sau:"),
            heading("I. MỤC ĐÍCH, YÊU CẦU"),
            body("1. Phát huy vai trò xung kích của đoàn viên, thanh niên."),
            body("2. Các hoạt động thiết thực, hiệu quả."),
            heading("II. TỔ CHỨC THỰC HIỆN"),
            body("Các huyện đoàn, đoàn trực thuộc triển khai thực hiện./."),
        ],
        noi_nhan=[Line("Nơi nhận:", 12, bold=True, italic=True, align="left"),
                  Line("- Trung ương Đoàn (b/c);", 11, align="left"),
                  Line("- Các huyện đoàn, đoàn trực thuộc;", 11, align="left"),
                  Line("- Lưu: VP, TNCN.", 11, align="left")],
        sign=[Line("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", 14, bold=True), Line("BÍ THƯ", 14, bold=True),
              Line(""), Line(""), Line(""), Line(""), Line("Nguyễn Thị Lan", 14, bold=True)],
    )


def hoi_spec() -> Spec:
    """A provincial Hội LHPN plan: the State look, with the hội's own issuer code."""
    spec = state_spec()
    spec.left = [Line("HỘI LHPN VIỆT NAM", 13), Line("HỘI LHPN TỈNH LAI CHÂU", 13, bold=True), rule_line(),
                 Line("Số: 25/KH-HPN", 13)]
    spec.find("right", "Nghệ An").text = "Lai Châu, ngày 05 tháng 3 năm 2024"
    spec.body[0].text = ("Thực hiện Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư, Ban Thường vụ Hội Liên hiệp Phụ "
                         "nữ tỉnh ban hành Kế hoạch thực hiện như sau:")
    spec.noi_nhan = [Line("Nơi nhận:", 12, bold=True, italic=True, align="left"),
                     Line("- Trung ương Hội LHPN Việt Nam;", 11, align="left"),
                     Line("- Hội LHPN các huyện, thành phố;", 11, align="left"), Line("- Lưu: VT, TG.", 11, align="left")]
    spec.sign = [Line("TM. BAN THƯỜNG VỤ", 14, bold=True), Line("CHỦ TỊCH", 14, bold=True),
                 Line(""), Line(""), Line(""), Line(""), Line("Lò Thị Mai", 14, bold=True)]
    return spec


SPECS = {"nha_nuoc": state_spec, "dang": party_spec, "cong_doan": union_letter_spec, "doan": doan_spec,
         "hoi": hoi_spec}


def _bottom_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc")


def _line_shape(paragraph) -> None:
    run = paragraph.add_run()
    pict = OxmlElement("w:pict")
    shape = parse_xml('<v:line xmlns:v="urn:schemas-microsoft-com:vml" from="0,0" to="120pt,0" strokeweight="0.5pt"/>')
    pict.append(shape)
    run._r.append(pict)


def _fill(paragraph, line: Line) -> None:
    fmt = paragraph.paragraph_format
    if line.align:
        fmt.alignment = ALIGN[line.align]
    if line.indent_mm is not None:
        fmt.first_line_indent = Mm(line.indent_mm)
    if line.after_pt is not None:
        fmt.space_after = Pt(line.after_pt)
    if line.exact_pt is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line.exact_pt)
    if line.border:
        _bottom_border(paragraph)
    if line.drawing:
        _line_shape(paragraph)
    if not line.text:
        return
    run = paragraph.add_run(line.text)
    run.font.size, run.font.bold, run.font.italic = Pt(line.size), line.bold, line.italic
    run.font.underline = line.underline or None
    if line.font:
        run.font.name = line.font
    if line.color:
        run.font.color.rgb = RGBColor(*line.color)


def _cell(cell, lines: list[Line], header: bool = False) -> None:
    for n, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        if header and line.border and line.text:
            # A rule under a header line is its own empty paragraph, as the generator draws it: its length is then
            # the layout's (as long as the Tiêu ngữ), not the cell's.
            _fill(paragraph, _no_border(line))
            _fill(cell.add_paragraph(), rule_line())
        else:
            _fill(paragraph, line)


def _no_border(line: Line) -> Line:
    plain = copy.copy(line)
    plain.border = False
    return plain


def _page_number(section) -> None:
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field_ = OxmlElement("w:fldSimple")
    field_.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field_.append(run)
    paragraph._p.append(field_)
    section.first_page_header.paragraphs[0].text = ""


def write_docx(spec: Spec, path: Path) -> Path:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "Times New Roman")
    fonts.set(qn("w:cs"), "Times New Roman")
    section = document.sections[0]
    section.page_width, section.page_height = Mm(spec.paper_mm[0]), Mm(spec.paper_mm[1])
    top, bottom, left, right = spec.margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    if spec.page_number:
        _page_number(section)
    header = document.add_table(rows=1, cols=2)
    _cell(header.cell(0, 0), spec.left, header=True)
    _cell(header.cell(0, 1), spec.right, header=True)
    for line in spec.top + spec.body:
        _fill(document.add_paragraph(), line)
    signature = document.add_table(rows=1, cols=2)
    _cell(signature.cell(0, 0), spec.noi_nhan)
    _cell(signature.cell(0, 1), spec.sign)
    _lay_out(document, header, signature)
    document.save(str(path))
    return path


def _lay_out(document, header, signature) -> None:
    """Column widths, rule lengths and page breaks as the generator lays a draft out (kehoach.docx.layout), so a
    clean spec is clean on the page too (issue 13's page rules, TB-01 … TB-04)."""
    from kehoach.docx.header import HEADER_MARK, SIGNATURE_MARK
    from kehoach.docx.layout import arrange

    for table, mark in ((header, HEADER_MARK), (signature, SIGNATURE_MARK)):
        tbl_pr = table._tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        margins = OxmlElement("w:tblCellMar")
        for edge in ("left", "right"):
            side = OxmlElement(f"w:{edge}")
            side.set(qn("w:w"), "0")
            side.set(qn("w:type"), "dxa")
            margins.append(side)
        caption = OxmlElement("w:tblCaption")
        caption.set(qn("w:val"), mark)
        look = tbl_pr.find(qn("w:tblLook"))
        for element in (layout, margins):  # schema order: … tblLayout, tblCellMar, tblLook, tblCaption
            if look is not None:
                look.addprevious(element)
            else:
                tbl_pr.append(element)
        tbl_pr.append(caption)
    arrange(document.element)
