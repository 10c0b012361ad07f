"""Walk WordprocessingML the way Word displays it: each piece of text once, in reading order.

What a plain `iter()` over a paragraph gets wrong, and what this module does instead:

- Word stores a text box twice, as DrawingML in `mc:Choice` and as VML in `mc:Fallback`; a reader that understands
  the choice shows only one. We take the first `mc:Choice` (what Word 2010 and later show), else the `mc:Fallback`.
- A text box's paragraphs are paragraphs of their own, not runs of the paragraph that anchors the box.
- Deleted text of tracked changes (`w:del`, `w:moveFrom`) is not shown; inserted text (`w:ins`, `w:moveTo`) is.
- Inside a run: `w:br` and `w:cr` are line breaks (Shift+Enter), `w:tab`/`w:ptab` a tab, `w:noBreakHyphen` a hyphen
  (Ctrl+Shift+-), `w:softHyphen` nothing (Word shows it only where it breaks a line), `w:sym` its character.

Everything here is pure XML (lxml elements of a python-docx document); formatting is resolve.py's job.
"""

from __future__ import annotations

from collections.abc import Iterator

from kehoach.docx.xml import qn

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
ALTERNATE = f"{{{MC}}}AlternateContent"
CHOICE = f"{{{MC}}}Choice"
FALLBACK = f"{{{MC}}}Fallback"
W_P, W_TBL, W_TR, W_TC, W_R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
TEXT_BOX = qn("w:txbxContent")
# Containers whose text Word does not show: deleted or moved-away text, properties.
HIDDEN_CONTAINERS = {qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr"), qn("w:sdtPr"), qn("w:sdtEndPr")}
LINE_BREAK = "\n"  # what a w:br / w:cr becomes in a run's text: the reader splits lines there
SOFT_HYPHEN = "\u00ad"
# Characters of the Symbol font that have an ASCII twin (the star under a Party issuer, a hyphen).
SYMBOL_FONT_ASCII = {"F02A": "*", "F02D": "-", "F02E": ".", "F02C": ",", "F028": "(", "F029": ")"}
VML = "urn:schemas-microsoft-com:vml"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
LINE_SHAPES = {"line", "straightConnector1"}
_VML_LINE, _PRESET, _PICT = f"{{{VML}}}line", f"{{{A_NS}}}prstGeom", qn("w:pict")


def chosen(alternate) -> object | None:
    """The branch of an mc:AlternateContent Word shows: its first mc:Choice, else its mc:Fallback."""
    choice = alternate.find(CHOICE)
    return choice if choice is not None else alternate.find(FALLBACK)


def blocks(container) -> Iterator:
    """The w:p and w:tbl of a body, cell or text box, in order, through content controls and custom XML."""
    for child in container:
        tag = child.tag
        if tag in (W_P, W_TBL):
            yield child
        elif tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from blocks(content)
        elif tag == W_CUSTOM_XML or tag in (qn("w:ins"), qn("w:moveTo")):
            yield from blocks(child)
        elif tag == ALTERNATE:
            branch = chosen(child)
            if branch is not None:
                yield from blocks(branch)


def rows(table) -> Iterator:
    yield from _wrapped(table, W_TR)


def cells(row) -> Iterator:
    yield from _wrapped(row, W_TC)


def _wrapped(parent, tag) -> Iterator:
    """Children with `tag`, also when Word wrapped them in a content control or custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from _wrapped(content, tag)
        elif child.tag == W_CUSTOM_XML:
            yield from _wrapped(child, tag)


def runs(paragraph) -> Iterator:
    """The w:r of a paragraph Word shows, in order: through hyperlinks, fields, insertions, content controls and the
    chosen branch of mc:AlternateContent; never into deleted text or into text boxes (those are paragraphs of
    their own, see `text_boxes`)."""
    for child in paragraph:
        tag = child.tag
        if tag == W_R:
            yield child
        elif tag == ALTERNATE:
            branch = chosen(child)
            if branch is not None:
                yield from runs(branch)
        elif tag in HIDDEN_CONTAINERS or tag == TEXT_BOX:
            continue
        elif isinstance(tag, str):  # skip comments and processing instructions
            yield from runs(child)


def text_boxes(paragraph) -> Iterator:
    """The w:txbxContent anchored in a paragraph, each once (the chosen branch of each mc:AlternateContent), without
    the boxes nested in them (those come when their own paragraphs are read)."""
    if next(paragraph.iter(TEXT_BOX), None) is None:
        return  # most paragraphs hold no text box: no walk of their children
    for child in paragraph:
        if child.tag == TEXT_BOX:
            yield child
        elif child.tag == ALTERNATE:
            branch = chosen(child)
            if branch is not None:
                yield from text_boxes(branch)
        elif isinstance(child.tag, str) and child.tag not in HIDDEN_CONTAINERS:
            yield from text_boxes(child)


def run_text(run) -> str:
    """A run's text as Word shows it; line breaks as "\\n" (the caller splits there), tabs as "\\t"."""
    pieces: list[str] = []
    for child in run:
        tag = child.tag
        if tag == qn("w:t"):
            pieces.append(child.text or "")
        elif tag in (qn("w:tab"), qn("w:ptab")):
            pieces.append("\t")
        elif tag in (qn("w:br"), qn("w:cr")):
            pieces.append(LINE_BREAK)
        elif tag == qn("w:noBreakHyphen"):
            pieces.append("-")
        elif tag == qn("w:sym"):
            pieces.append(_symbol(child))
        # w:softHyphen shows nothing inside a line; w:instrText, w:delText, w:fldChar, drawings: no text.
    return "".join(pieces)


def _symbol(sym) -> str:
    code = (sym.get(qn("w:char")) or "").upper()
    if code in SYMBOL_FONT_ASCII:
        return SYMBOL_FONT_ASCII[code]
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    # F000–F0FF map a symbol font's glyphs, not Unicode characters: only the ones with a known twin are text.
    return "" if 0xF000 <= value <= 0xF0FF else chr(value)


def has_line_shape(paragraph) -> bool:
    """A drawn line in the paragraph (how Word users draw the rule under a header line): a VML line or horizontal
    rule, or a DrawingML line or connector. Text boxes and pictures are not lines."""
    if next(paragraph.iter(_VML_LINE, _PRESET, _PICT), None) is None:
        return False  # most paragraphs draw nothing: no walk of what Word shows
    for node in _shown(paragraph):
        if node.tag == f"{{{VML}}}line":
            return True
        if node.tag == f"{{{A_NS}}}prstGeom" and node.get("prst") in LINE_SHAPES:
            return True
        if node.tag == qn("w:pict") and not any(True for _ in node.iter(TEXT_BOX, f"{{{VML}}}imagedata")):
            return True
    return False


def _shown(element) -> Iterator:
    """Every descendant Word shows: the chosen branch of each mc:AlternateContent, not inside text boxes."""
    for child in element:
        if child.tag == ALTERNATE:
            branch = chosen(child)
            if branch is not None:
                yield from _shown(branch)
        elif child.tag == TEXT_BOX or not isinstance(child.tag, str):
            continue
        else:
            yield child
            yield from _shown(child)
