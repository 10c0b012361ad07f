"""Build the layout templates in templates/<system>/ (run: python tools/make_templates.py).

The .docx files are committed so an office can open one in Word and adapt it; this script is how the
project's own copies are made, so their formatting is reviewable as code. Sizes follow
../shared/reference/format-rules.md (NĐ 30/2020 Phụ lục I; HD 36-HD/VPTW Phụ lục 3; QĐ 933/QĐ-TLĐ).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from kehoach.docx.header import HEADER_MARK, SIGNATURE_MARK

try:  # run as a script (python tools/make_templates.py): tools/ is on the path
    import prepare_templates
except ImportError:  # imported as tools.make_templates
    from tools import prepare_templates

ROOT = Path(__file__).resolve().parent.parent / "templates"
FONT = "Times New Roman"
LANGUAGE = "vi-VN"  # Word checks the spelling of Vietnamese, not English (issue 13)
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
# The widths a template opens with in Word; each draft's header is measured and re-laid out (kehoach.docx.header).
LEFT_COL, RIGHT_COL = Cm(7.3), Cm(9.2)
TABLE_PROPS = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize", "w:tblStyleColBandSize",
               "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
               "w:tblLook", "w:tblCaption", "w:tblDescription")


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


def _rule(container, width: Cm, total: Cm, after: float = 2) -> None:
    """An empty paragraph whose bottom border is the rule; its indents make its length (the layout sets them)."""
    side = Cm((total.cm - width.cm) / 2)
    p = _para(container, "", size=2, left=side, right=side, after=after)
    _bottom_rule(p)


def _element(tag: str, **attrs: str):
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def _table(doc, rows: int, caption: str, centred: bool):
    """A borderless two-column table of fixed layout, its properties in schema order, named by a caption.

    The caption is how the layout step (kehoach.docx.header) finds the header and the signature table of a draft.
    """
    table = doc.add_table(rows=rows, cols=2)
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    for child in list(tbl_pr):
        tbl_pr.remove(child)
    total = int(LEFT_COL.twips + RIGHT_COL.twips)
    props = {"w:tblW": _element("w:tblW", w=str(total), type="dxa"), "w:tblLayout": _element("w:tblLayout", type="fixed"),
             "w:tblCaption": _element("w:tblCaption", val=caption)}
    if centred:
        props["w:jc"] = _element("w:jc", val="center")
    else:
        props["w:tblInd"] = _element("w:tblInd", w="0", type="dxa")
    borders = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{edge}", val="nil"))
    props["w:tblBorders"] = borders
    margins = _element("w:tblCellMar")
    for edge in ("left", "right"):
        margins.append(_element(f"w:{edge}", w="0", type="dxa"))
    props["w:tblCellMar"] = margins
    for tag in TABLE_PROPS:
        if tag in props:
            tbl_pr.append(props[tag])
    # Word and LibreOffice size columns from tblGrid and a fixed layout, not from the cells alone.
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), (LEFT_COL, RIGHT_COL), strict=True):
        col.set(qn("w:w"), str(int(width.twips)))
    cells = []
    for row in table.rows:
        left, right = row.cells
        left.width, right.width = LEFT_COL, RIGHT_COL
        for cell in (left, right):
            cell._tc.remove(cell.paragraphs[0]._p)
        cells.append((left, right))
    return table, cells


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
    """Two rows: the names (left) and the national title (right); then the number (left) level with the date (right),
    as NĐ 30 Phụ lục I and HD 36 place ô 3 and ô 4 on one line."""
    _, ((left, right), (number, date)) = _table(doc, 2, HEADER_MARK, centred=False)
    _tag(left, "{%p if co_quan_chu_quan %}")
    _para(left, "{{ co_quan_chu_quan }}", s.issuer)
    _tag(left, "{%p endif %}")
    _tag(left, "{%p for dong in co_quan %}")
    _para(left, "{{ dong }}", s.issuer, bold=True)
    _tag(left, "{%p endfor %}")
    _issuer_mark(left, s)
    _national_lines(right, s)
    _para(number, "{{ so_ky_hieu }}", s.number, before=6)
    if cong_van:
        _tag(number, "{%p for dong in vv %}")
        _para(number, "{{ dong }}", s.cv_subject, italic=s.party, before=6)
        _tag(number, "{%p endfor %}")
    _para(date, "{{ ngay_thang }}", s.date, italic=True, before=6)


# -- the look as data (issue 17): what a profile chooses is a template variable, not text fixed here ----------------

def _issuer_mark(left, s: Sizes) -> None:
    """Under the issuer, as the draft says (dau_duoi_ten): '*' (HD 36), '***' (Đoàn TNCS Hồ Chí Minh), a rule (NĐ 30)."""
    _tag(left, "{%p if dau_duoi_ten == 'gach' %}")
    _rule(left, Cm(2.4), LEFT_COL)
    _tag(left, "{%p elif dau_duoi_ten %}")
    _para(left, "{{ dau_duoi_ten }}", s.issuer)
    _tag(left, "{%p endif %}")


def _national_lines(right, s: Sizes) -> None:
    """The right-hand title, as the draft says (quoc_hieu): Quốc hiệu and Tiêu ngữ, "ĐẢNG CỘNG SẢN VIỆT NAM", or a mass
    organisation's ("ĐOÀN TNCS HỒ CHÍ MINH"). The first line at the title's size, the next at the motto's; the rule
    under the last is as long as it (NĐ 30 Phụ lục I; HD 36, 1.1.2): the layout measures it per draft."""
    _tag(right, "{%p for dong in quoc_hieu %}")
    _tag(right, "{%p if loop.first %}")
    _para(right, "{{ dong }}", s.national, bold=True)
    _tag(right, "{%p else %}")
    _para(right, "{{ dong }}", s.motto or s.national, bold=True)
    _tag(right, "{%p endif %}")
    _tag(right, "{%p endfor %}")
    _rule(right, Cm(6.4) if s.party else Cm(5.6), RIGHT_COL)


def _title(doc, s: Sizes) -> None:
    _para(doc, "{{ ten_loai }}", s.type_title, bold=True, before=18)
    _tag(doc, "{%p if trich_yeu %}")  # some documents have none ("Định hướng tuyên truyền tháng 9")
    _para(doc, "{{ trich_yeu }}", s.subject, bold=True, before=2)
    _tag(doc, "{%p endif %}")
    if s.party:
        _para(doc, "-----", s.subject, after=6)
    else:
        _rule(doc, Cm(5.5), Cm(LEFT_COL.cm + RIGHT_COL.cm), after=6)


def _addressees(doc, s: Sizes) -> None:
    _tag(doc, "{%p for dong in kinh_gui %}")
    _tag(doc, "{%p if loop.first and not loop.last %}")
    _para(doc, "{{ dong }}", s.body, align=LEFT, left=Cm(3.0), before=12)  # apart from the number and V/v above
    _tag(doc, "{%p elif loop.first %}")
    _para(doc, "{{ dong }}", s.body, align=LEFT, left=Cm(3.0), before=12, after=12)
    _tag(doc, "{%p elif loop.last %}")
    _para(doc, "{{ dong }}", s.body, align=LEFT, left=Cm(3.0), before=2, after=12)  # a blank before the body
    _tag(doc, "{%p else %}")
    _para(doc, "{{ dong }}", s.body, align=LEFT, left=Cm(3.0), before=2)
    _tag(doc, "{%p endif %}")
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
    table, ((left, right),) = _table(doc, 1, SIGNATURE_MARK, centred=True)
    # The signature and Nơi nhận move to the next page together rather than leave a few recipients behind; the layout
    # keeps the last paragraph of the body with them (kehoach.docx.layout).
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
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
    _vietnamese(doc)
    _properties(doc)
    out = ROOT / system / ("cong_van.docx" if cong_van else "van_ban.docx")
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


def _vietnamese(doc) -> None:
    """The document's language is Vietnamese: in the default run properties, the styles and the settings."""
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for styles_rpr in [rpr, *(s.find(qn("w:rPr")) for s in styles.findall(qn("w:style")))]:
        if styles_rpr is None:
            continue
        lang = styles_rpr.find(qn("w:lang"))
        if lang is not None:
            for attr in ("w:val", "w:eastAsia"):
                lang.set(qn(attr), LANGUAGE)
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)
    proof = settings.find(qn("w:proofState"))
    if proof is not None:  # "already checked" would stop Word checking the Vietnamese text
        settings.remove(proof)


def _properties(doc) -> None:
    """Core properties a draft gets: its own title and issuer (rendered per draft), Vietnamese, and no dates.

    A generation time would make the same inputs give different bytes; python-docx's defaults ("generated by
    python-docx", 2013) must not reach a draft. The preview picture python-docx ships goes too.
    """
    props = doc.core_properties
    props.title = "{{ tieu_de_tep|safe }}"  # safe: set as text, python-docx escapes it once
    props.author = "{{ tac_gia|safe }}"
    props.language = LANGUAGE
    props.comments = props.subject = props.keywords = props.category = props.last_modified_by = ""
    core = props._element
    for name in ("created", "modified", "lastPrinted", "revision"):
        for el in core.findall(f"{{*}}{name}"):
            core.remove(el)
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]


def main() -> None:
    for system, sizes in (("nha_nuoc", STATE), ("cong_doan", STATE), ("dang", PARTY)):
        for cong_van in (False, True):
            print(build(system, sizes, cong_van))
    prepare_templates.main()  # the data one draft renders from (kehoach.docx.prepared), made from these very bytes


if __name__ == "__main__":
    main()
