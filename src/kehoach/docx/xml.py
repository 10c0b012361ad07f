"""Small reads and edits of WordprocessingML elements, on plain lxml trees (a rendered body is not python-docx's).

Properties are inserted in the order the schema requires : Word refuses a
document whose properties are out of order.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# python-docx 1.2's docx.oxml.ns.nsmap, copied: importing anything of python-docx runs its package __init__, which
# registers every element class (60-100 ms), and one draft from a built-in template needs none of it.
NSMAP = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "dcterms": "http://purl.org/dc/terms/",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


@cache  # reading or laying out a draft asks for the same few dozen names hundreds of thousands of times
def qn(tag: str) -> str:
    """python-docx's qn: "w:p" → "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"; KeyError for an
    unknown prefix, ValueError for a name without one (as python-docx's)."""
    prefix, local = tag.split(":")
    return f"{{{NSMAP[prefix]}}}{local}"

TWIPS_PER_MM = 1440 / 25.4
DEFAULT_SIZE = 13.0  # pt, when neither the run nor the paragraph mark says
_OFF = ("0", "false", "off", "none")
_PPR_ORDER = [qn(f"w:{tag}") for tag in (  # CT_PPr in the WordprocessingML schema
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers",
    "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
    "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange")]
_T, _TAB, _NB_HYPHEN = qn("w:t"), qn("w:tab"), qn("w:noBreakHyphen")
_PPR_IND = f"{qn('w:pPr')}/{qn('w:ind')}"  # asked for every paragraph a reader reads


def style_chain(styles: Any, style_id: str | None, tag: str) -> list[Any]:
    """The `tag` properties (a Clark name: w:pPr, w:rPr, w:tblPr …) of style `style_id` and of the styles it is based
    on, nearest first (ECMA-376 Part 1, §17.7.2); `styles` maps w:styleId to w:style. A loop of basedOn ends where it
    comes back; a style not in `styles` ends the chain."""
    found: list[Any] = []
    seen: set[str] = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        style = styles[style_id]
        props = style.find(tag)
        if props is not None:
            found.append(props)
        based = style.find(_BASED_ON)
        style_id = based.get(_VAL) if based is not None else None
    return found


_BASED_ON, _VAL = qn("w:basedOn"), qn("w:val")


def mm_to_twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def twips_to_mm(twips: float) -> float:
    return twips / TWIPS_PER_MM


def para_text(p: Any) -> str:
    """The text a reader sees: a non-breaking hyphen is a hyphen, a tab a space."""
    out = []
    for el in p.iter(_T, _TAB, _NB_HYPHEN):
        out.append(el.text or "" if el.tag == _T else "-" if el.tag == _NB_HYPHEN else " ")
    return "".join(out)


def _on(rpr: Any, tag: str) -> bool | None:
    el = rpr.find(qn(tag)) if rpr is not None else None
    if el is None:
        return None
    return el.get(qn("w:val"), "true").lower() not in _OFF


def para_format(p: Any) -> tuple[float, bool, bool]:
    """(size in pt, bold, italic) of the first run with text, else of the paragraph mark."""
    candidates = [r.find(qn("w:rPr")) for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(_T)).strip()]
    ppr = p.find(qn("w:pPr"))
    candidates.append(ppr.find(qn("w:rPr")) if ppr is not None else None)
    for rpr in candidates:
        if rpr is None:
            continue
        size = rpr.find(qn("w:sz"))
        if size is not None and size.get(qn("w:val")):
            return int(size.get(qn("w:val"))) / 2, bool(_on(rpr, "w:b")), bool(_on(rpr, "w:i"))
    return DEFAULT_SIZE, False, False


def para_indents(p: Any) -> tuple[float, float]:
    """(left, right) indent in mm."""
    ind = p.find(_PPR_IND)
    if ind is None:
        return 0.0, 0.0
    left = ind.get(qn("w:left")) or ind.get(qn("w:start")) or "0"
    right = ind.get(qn("w:right")) or ind.get(qn("w:end")) or "0"
    return twips_to_mm(int(left)), twips_to_mm(int(right))


def ppr(p: Any) -> Any:
    found = p.find(qn("w:pPr"))
    if found is None:
        found = p.makeelement(qn("w:pPr"), {})
        p.insert(0, found)
    return found


def ppr_child(p: Any, tag: str) -> Any:
    """The w:pPr child `tag` of paragraph p, added in schema order when missing."""
    props = ppr(p)
    name = qn(tag)
    found = props.find(name)
    if found is not None:
        return found
    found = props.makeelement(name, {})
    rank = _PPR_ORDER.index(name)
    for i, child in enumerate(props):
        if child.tag in _PPR_ORDER and _PPR_ORDER.index(child.tag) > rank:
            props.insert(i, found)
            return found
    props.append(found)
    return found


def set_indents(p: Any, left: float, right: float) -> None:
    ind = ppr_child(p, "w:ind")
    for attr in ("w:start", "w:end"):
        ind.attrib.pop(qn(attr), None)
    ind.set(qn("w:left"), str(mm_to_twips(left)))
    ind.set(qn("w:right"), str(mm_to_twips(right)))


def set_text(p: Any, text: str) -> None:
    """Put `text` in the paragraph's first text element, emptying the others (formatting stays)."""
    texts = list(p.iter(_T))
    for extra in list(p.iter(_NB_HYPHEN, _TAB)):
        extra.getparent().remove(extra)
    if not texts:
        return
    texts[0].text = text
    texts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for t in texts[1:]:
        t.text = ""


def table_caption(tbl: Any) -> str | None:
    caption = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
    return caption.get(qn("w:val")) if caption is not None else None


def text_width_mm(body: Any) -> float:
    """The width between the margins of the (last) section, in mm: A4 with 30/15 mm margins when unsaid."""
    sect = body.find(qn("w:sectPr"))
    size = sect.find(qn("w:pgSz")) if sect is not None else None
    margin = sect.find(qn("w:pgMar")) if sect is not None else None

    def twips(el: Any, attr: str, default_mm: float) -> float:
        value = el.get(qn(attr)) if el is not None else None
        return twips_to_mm(int(value)) if value and value.lstrip("-").isdigit() else default_mm

    return twips(size, "w:w", 210.0) - twips(margin, "w:left", 30.0) - twips(margin, "w:right", 15.0)


WORD_CELL_MARGIN = 108  # twips each side: Word's "Normal Table" style, when nothing else says


def _margins(el: Any) -> tuple[int | None, int | None]:
    if el is None:
        return None, None
    out = []
    for names in (("w:left", "w:start"), ("w:right", "w:end")):
        side = next((el.find(qn(n)) for n in names if el.find(qn(n)) is not None), None)
        value = side.get(qn("w:w")) if side is not None else None
        out.append(int(value) if value and value.lstrip("-").isdigit() else None)
    return out[0], out[1]


def cell_margins_mm(tbl: Any, tc: Any, table_styles: Any = None) -> float:
    """Left + right inner margins of a cell in mm: the cell's own, the table's, its style's, else Word's default.
    `table_styles`: the w:style elements of type "table" of the document's styles part, in order."""
    levels = [tc.find(f"{qn('w:tcPr')}/{qn('w:tcMar')}"), tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")]
    if table_styles is not None:
        style_id = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
        for style in table_styles:
            wanted = style_id.get(qn("w:val")) if style_id is not None else None
            if style.get(qn("w:type")) == "table" and (
                    style.get(qn("w:styleId")) == wanted or (wanted is None and style.get(qn("w:default")) in ("1", "true"))):
                levels.append(style.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}"))
    left = right = None
    for level in levels:
        lv, rv = _margins(level)
        left = lv if left is None else left
        right = rv if right is None else right
    return twips_to_mm((WORD_CELL_MARGIN if left is None else left) + (WORD_CELL_MARGIN if right is None else right))


def cell_width_mm(tbl: Any, tr: Any, tc: Any) -> float | None:
    """A table cell's width in mm: its grid columns (fixed layout), else its own tcW in twips; None when unknown."""
    grid = [int(c.get(qn("w:w"), "0") or 0) for c in tbl.iterfind(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    start = 0
    for cell in tr.iterchildren(qn("w:tc")):
        span_el = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        span = int(span_el.get(qn("w:val"), "1")) if span_el is not None else 1
        if cell is tc:
            widths = grid[start:start + span]
            if len(widths) == span and all(widths):
                return twips_to_mm(sum(widths))
            break
        start += span
    tc_w = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if tc_w is not None and tc_w.get(qn("w:type"), "dxa") == "dxa" and (tc_w.get(qn("w:w")) or "").isdigit():
        return twips_to_mm(int(tc_w.get(qn("w:w"))))
    return None


def box_mm(p: Any, container: float | None) -> float | None:
    """How wide the lines of paragraph p may be: its container's width less its own indents."""
    if container is None:
        return None
    left, right = para_indents(p)
    return container - left - right
