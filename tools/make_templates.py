"""Build the layout templates in templates/<system>/ (run: python tools/make_templates.py).

The .docx files are committed so an office can open one in Word and adapt it; this script is how the
project's own copies are made, so their formatting is reviewable as code. Sizes follow
../shared/reference/format-rules.md (NĐ 30/2020 Phụ lục I; HD 36-HD/VPTW Phụ lục 3; QĐ 933/QĐ-TLĐ).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

ROOT = Path(__file__).resolve().parent.parent / "templates"
FONT = "Times New Roman"
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
LEFT_COL, RIGHT_COL = Cm(7.3), Cm(9.2)


@dataclass(frozen=True)
class Sizes:
    national: float  # Quốc hiệu, or ĐẢNG CỘNG SẢN VIỆT NAM
    motto: float
    issuer: float
    number: float
    date: float
    type_title: float
    subject: float
    body: float
    signature: float
    label: float
    recipients: float
    cv_subject: float
    page_number: float
    first_indent: Cm
    party: bool


STATE = Sizes(12, 13, 12, 13, 14, 14, 14, 14, 14, 12, 11, 12, 13, Cm(1.27), False)
PARTY = Sizes(15, 0, 14, 14, 14, 16, 14, 14, 14, 14, 12, 12, 14, Cm(1.0), True)


def _fonts(element) -> None:
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _para(container, text="", size=14.0, bold=False, italic=False, underline=False, align=CENTER,
          before=0.0, after=0.0, indent=None, left=None, right=None, exact=None):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if exact:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(exact)
    else:
        fmt.line_spacing = 1.0
    if indent is not None:
        fmt.first_line_indent = indent
    if left is not None:
        fmt.left_indent = left
    if right is not None:
        fmt.right_indent = right
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    _fonts(run._r)
    # Paragraph mark formatting too, so an empty paragraph keeps the size and font.
    mark = p._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    size_el = OxmlElement("w:sz")
    size_el.set(qn("w:val"), str(int(size * 2)))
    rpr.append(size_el)
    mark.append(rpr)
    return p


def _bottom_rule(p) -> None:
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    # pBdr must come before spacing/ind/jc in CT_PPr; insert it right after pStyle/keepNext-like items.
    ppr.insert(0, borders)


def _tag(container, tag: str) -> None:
    """A docxtpl paragraph tag ({%p ... %}); the paragraph disappears when rendered."""
    _para(container, tag, size=1)


def _rule(container, width: Cm, total: Cm) -> None:
    side = Cm((total.cm - width.cm) / 2)
    p = _para(container, "", size=2, left=side, right=side, after=2)
    _bottom_rule(p)


def _borderless(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)


def _two_columns(doc):
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borderless(table)
    left, right = table.rows[0].cells
    left.width, right.width = LEFT_COL, RIGHT_COL
    # Word and LibreOffice size columns from tblGrid and a fixed layout, not from the cells alone.
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), (LEFT_COL, RIGHT_COL), strict=True):
        col.set(qn("w:w"), str(int(width.twips)))
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for cell in (left, right):
        cell._tc.remove(cell.paragraphs[0]._p)
    return left, right


def _page(doc, s: Sizes) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True
    header_p = section.header.paragraphs[0]
    header_p.alignment = CENTER
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = header_p.add_run()
        run.font.size = Pt(s.page_number)
        _fonts(run._r)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(s.body)
    _fonts(style.element)


def _header(doc, s: Sizes, cong_van: bool) -> None:
    left, right = _two_columns(doc)
    _tag(left, "{%p if co_quan_chu_quan %}")
    _para(left, "{{ co_quan_chu_quan }}", s.issuer)
    _tag(left, "{%p endif %}")
    _tag(left, "{%p for dong in co_quan %}")
    _para(left, "{{ dong }}", s.issuer, bold=True)
    _tag(left, "{%p endfor %}")
    if s.party:
        _para(left, "*", s.issuer)
    else:
        _rule(left, Cm(2.4), LEFT_COL)
    _para(left, "{{ so_ky_hieu }}", s.number, before=4)
    if cong_van:
        _tag(left, "{%p for dong in vv %}")
        _para(left, "{{ dong }}", s.cv_subject, italic=s.party, before=6)
        _tag(left, "{%p endfor %}")
    if s.party:
        title = _para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", s.national, bold=True, left=Cm(0.4), right=Cm(0.4))
        _bottom_rule(title)
    else:
        _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s.national, bold=True)
        motto = _para(right, "Độc lập - Tự do - Hạnh phúc", s.motto, bold=True, left=Cm(1.6), right=Cm(1.6))
        _bottom_rule(motto)
    _para(right, "{{ ngay_thang }}", s.date, italic=True, before=8)


def _title(doc, s: Sizes) -> None:
    _para(doc, "{{ ten_loai }}", s.type_title, bold=True, before=18)
    _para(doc, "{{ trich_yeu }}", s.subject, bold=True, before=2)
    if s.party:
        _para(doc, "-----", s.subject, after=6)
    else:
        _rule(doc, Cm(5.5), Cm(LEFT_COL.cm + RIGHT_COL.cm))


def _addressees(doc, s: Sizes) -> None:
    _tag(doc, "{%p for dong in kinh_gui %}")
    _para(doc, "{{ dong }}", s.body, align=LEFT, left=Cm(3.0), before=2)
    _tag(doc, "{%p endfor %}")


def _body(doc, s: Sizes) -> None:
    exact = 18 if s.party else None
    common = dict(size=s.body, align=JUSTIFY, indent=s.first_indent, before=0, after=6, exact=exact)
    _tag(doc, "{%p for k in khoi %}")
    # A heading is kept on the page of the paragraph it introduces.
    _tag(doc, "{%p if k.loai == 'muc' %}")
    _para(doc, "{{ k.noi_dung }}", bold=True, **common).paragraph_format.keep_with_next = True
    _tag(doc, "{%p elif k.loai == 'khoan' %}")
    _para(doc, "{{ k.noi_dung }}", bold=True, **common).paragraph_format.keep_with_next = True
    _tag(doc, "{%p elif k.loai == 'diem' %}")
    _para(doc, "{{ k.noi_dung }}", italic=True, **common).paragraph_format.keep_with_next = True
    _tag(doc, "{%p else %}")
    _para(doc, "{{ k.noi_dung }}", **common)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")


def _signature(doc, s: Sizes) -> None:
    left, right = _two_columns(doc)
    # The signature and Nơi nhận move to the next page together rather than leave a few recipients behind.
    doc.tables[-1].rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    if s.party:
        _para(left, "Nơi nhận:", s.label, underline=True, align=LEFT, before=12)
    else:
        _para(left, "Nơi nhận:", s.label, bold=True, italic=True, align=LEFT, before=12)
    _tag(left, "{%p for dong in noi_nhan %}")
    _para(left, "{{ dong }}", s.recipients, align=LEFT)
    _tag(left, "{%p endfor %}")
    _tag(right, "{%p if tham_quyen %}")
    _para(right, "{{ tham_quyen }}", s.signature, bold=True, before=12)
    _para(right, "{{ chuc_vu }}", s.signature, bold=not s.party)
    _tag(right, "{%p else %}")
    # A head signing directly has one line: it stands where the authority line goes, in bold (HD 36, 1.7.1).
    _para(right, "{{ chuc_vu }}", s.signature, bold=True, before=12)
    _tag(right, "{%p endif %}")
    for _ in range(4):
        _para(right, "", s.signature)
    _para(right, "{{ ho_ten }}", s.signature, bold=True)


def _preserve_spaces(doc) -> None:
    # Blank numbers and dates ("Số:      /KH-LĐLĐ") must keep their spaces once rendered.
    for t in doc.element.body.iter(qn("w:t")):
        t.set(qn("xml:space"), "preserve")


def build(system: str, s: Sizes, cong_van: bool) -> Path:
    doc = Document()
    doc.element.body.remove(doc.paragraphs[0]._p) if doc.paragraphs else None
    _page(doc, s)
    _header(doc, s, cong_van)
    if cong_van:
        _addressees(doc, s)
    else:
        _title(doc, s)
    _body(doc, s)
    _signature(doc, s)
    _preserve_spaces(doc)
    doc.core_properties.author = "kehoach"
    doc.core_properties.title = f"Mẫu {'công văn' if cong_van else 'kế hoạch, hướng dẫn'} ({system})"
    out = ROOT / system / ("cong_van.docx" if cong_van else "van_ban.docx")
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


def main() -> None:
    for system, sizes in (("nha_nuoc", STATE), ("cong_doan", STATE), ("dang", PARTY)):
        for cong_van in (False, True):
            print(build(system, sizes, cong_van))


if __name__ == "__main__":
    main()
