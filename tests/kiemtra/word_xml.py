"""Write a Spec (kiemtra_docs) as the WordprocessingML Word itself writes, byte for byte in its habits, with the
variants offices produce: lines joined by Shift+Enter (<w:br/>), the header in two text boxes (stored twice by Word:
mc:Choice and mc:Fallback), a "Strict Open XML Document", a motto typed with non-breaking hyphens.

No python-docx here: the point is to read what Word writes, not what a library chooses to write.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from kiemtra_docs import Line, Spec

from kehoach.docx.metrics import text_width

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{R}" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{W}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 wp14"'
)
# Strict Open XML: the ISO names Word writes when the user picks "Strict Open XML Document".
TO_STRICT = [
    ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math"),
    ("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
     "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
]


@dataclass
class Variant:
    """How the office typed the same document."""

    joined: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # part → (first line, count) per paragraph
    boxes: bool = False  # header cells in two text boxes instead of a table
    strict: bool = False
    motto_nb_hyphen: bool = False  # "Độc lập‑Tự do‑Hạnh phúc" typed with Ctrl+Shift+- (w:noBreakHyphen)


def _rpr(line: Line) -> str:
    props = []
    if line.font:
        props.append(f'<w:rFonts w:ascii="{line.font}" w:hAnsi="{line.font}"/>')
    if line.bold:
        props.append("<w:b/><w:bCs/>")
    if line.italic:
        props.append("<w:i/><w:iCs/>")
    if line.color:
        props.append('<w:color w:val="{:02X}{:02X}{:02X}"/>'.format(*line.color))
    half = int(line.size * 2)
    props.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if line.underline:
        props.append('<w:u w:val="single"/>')
    return "<w:rPr>" + "".join(props) + "</w:rPr>"


# The header table as a careful office lays it out: each column as wide as its longest line needs (reaching into
# the margins if it must), Word's default cell margins (108 twips a side), each rule as long as the rule books ask.
BODY_MM = 165.0
CELL_MARGINS_MM = 2 * 108 / 56.7
TWIPS = 56.7


def _width(line: Line) -> float:
    return text_width(line.text, line.size, line.bold, line.italic) if line.text else 0.0


def rule_indents(lines: list[Line], box: float) -> dict[int, float]:
    """Indent (mm, each side) of every bordered paragraph, so that its border has the length the rule books ask:
    under a text line as long as the line; an empty rule line 40 % of the (bold) lines above it."""
    indents: dict[int, float] = {}
    for k, line in enumerate(lines):
        if not line.border:
            continue
        if line.text:
            length = _width(line) + 1
        else:
            above = []
            for prev in reversed(lines[:k]):
                if not prev.text or prev.border:
                    break
                above.append(prev)
            bold = [p for p in above if p.bold] or above
            length = 0.4 * max((_width(p) for p in bold), default=box / 0.4 / 2)
        indents[k] = max(0.0, (box - length) / 2)
    return indents


def _ppr(line: Line, last: Line, side_mm: float = 0.0) -> str:
    props = []
    if last.border:  # Word draws a paragraph's bottom border under its last line
        props.append('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>')
    spacing = []
    if line.after_pt is not None:
        spacing.append(f'w:after="{int(line.after_pt * 20)}"')
    if line.exact_pt is not None:
        spacing.append(f'w:line="{int(line.exact_pt * 20)}" w:lineRule="exact"')
    if spacing:
        props.append(f"<w:spacing {' '.join(spacing)}/>")
    indents = []
    if side_mm:
        side = round(side_mm * TWIPS)
        indents.append(f'w:left="{side}" w:right="{side}"')
    if line.indent_mm is not None:
        indents.append(f'w:firstLine="{round(line.indent_mm * TWIPS)}"')
    if indents:
        props.append(f"<w:ind {' '.join(indents)}/>")
    if line.align:
        props.append(f'<w:jc w:val="{line.align}"/>')
    return "<w:pPr>" + "".join(props) + "</w:pPr>" if props else ""


def _text(text: str, nb_hyphen: bool) -> str:
    if nb_hyphen and " - " in text:
        # Ctrl+Shift+- between the words: Word stores no character, only the element.
        pieces = text.split(" - ")
        out = f'<w:t xml:space="preserve">{escape(pieces[0])} </w:t>'
        for n, piece in enumerate(pieces[1:], start=2):
            tail = " " if n < len(pieces) else ""
            out += f'<w:noBreakHyphen/><w:t xml:space="preserve"> {escape(piece)}{tail}</w:t>'
        return out
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def _line_shape() -> str:
    return ('<w:r><w:pict><v:line id="_x0000_s1030" style="position:absolute;z-index:251659264" from="0,0" '
            'to="120pt,0" strokeweight=".5pt"/></w:pict></w:r>')


def paragraphs(lines: list[Line], groups: list[tuple[int, int]], variant: Variant, box: float) -> str:
    """The paragraphs of one part; lines in a group share one paragraph, separated by <w:br/> (Shift+Enter)."""
    starts = {first: count for first, count in groups}
    sides = rule_indents(lines, box)
    out, i = [], 0
    while i < len(lines):
        count = starts.get(i, 1)
        chunk = lines[i:i + count]
        runs = []
        for n, line in enumerate(chunk):
            if n:
                runs.append(f"<w:r>{_rpr(line)}<w:br/></w:r>")
            if line.drawing:
                runs.append(_line_shape())
            if line.text:
                nb = variant.motto_nb_hyphen and line.text.startswith("Độc lập")
                runs.append(f"<w:r>{_rpr(line)}{_text(line.text, nb)}</w:r>")
        out.append(f"<w:p>{_ppr(chunk[0], chunk[-1], sides.get(i + count - 1, 0.0))}{''.join(runs)}</w:p>")
        i += count
    return "".join(out)


def _cell(xml: str, width: int) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{xml}</w:tc>'


def column_mm(lines: list[Line]) -> float:
    return max(60.0, max((_width(line) for line in lines), default=0.0) + CELL_MARGINS_MM + 3)


def _table(left: str, right: str, left_mm: float, right_mm: float) -> str:
    lw, rw = round(left_mm * TWIPS), round(right_mm * TWIPS)
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblInd w:w="-680" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{lw}"/><w:gridCol w:w="{rw}"/></w:tblGrid>'
            f"<w:tr>{_cell(left, lw)}{_cell(right, rw)}</w:tr></w:tbl>")


def _box(content: str, number: int, x_emu: int) -> str:
    """A text box as Word 2010+ stores it: DrawingML in mc:Choice, the same paragraphs again as VML in mc:Fallback."""
    anchor = (f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
              f'relativeHeight="{251659264 + number}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
              '<wp:simplePos x="0" y="0"/>'
              f'<wp:positionH relativeFrom="column"><wp:posOffset>{x_emu}</wp:posOffset></wp:positionH>'
              '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
              '<wp:extent cx="2880000" cy="1080000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
              f'<wp:docPr id="{number + 1}" name="Text Box {number + 1}"/><wp:cNvGraphicFramePr/>'
              '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
              '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
              '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2880000" cy="1080000"/>'
              '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
              f'</wps:spPr><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
              '<wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
              '</wps:wsp></a:graphicData></a:graphic></wp:anchor>')
    fallback = (f'<w:pict><v:shape id="Text Box {number + 1}" o:spid="_x0000_s10{26 + number}" type="#_x0000_t202" '
                'style="position:absolute;margin-left:0;margin-top:0;width:226.8pt;height:85.05pt;z-index:251659264" '
                f'filled="f" stroked="f"><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox>'
                '</v:shape></w:pict>')
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{anchor}</w:drawing></mc:Choice>'
            f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>")


def document_xml(spec: Spec, variant: Variant) -> str:
    join = variant.joined.get
    left_mm, right_mm = column_mm(spec.left), column_mm(spec.right)
    left_box, right_box = left_mm - CELL_MARGINS_MM, right_mm - CELL_MARGINS_MM
    left = paragraphs(spec.left, join("left", []), variant, left_box)
    right = paragraphs(spec.right, join("right", []), variant, right_box)
    top = paragraphs(spec.top + spec.body, join("top", []), variant, BODY_MM)
    sign_left, sign_right = column_mm(spec.noi_nhan), column_mm(spec.sign)
    sign = _table(paragraphs(spec.noi_nhan, join("noi_nhan", []), variant, sign_left - CELL_MARGINS_MM),
                  paragraphs(spec.sign, join("sign", []), variant, sign_right - CELL_MARGINS_MM), sign_left, sign_right)
    if variant.boxes:
        # The two boxes are anchored in an empty first paragraph, which keeps room for them above the title.
        head = f"<w:p>{_box(left, 0, 0)}{_box(right, 1, 2880000)}</w:p>"
    else:
        head = _table(left, right, left_mm, right_mm)
    width, height = (round(v * 56.7) for v in spec.paper_mm)
    top_m, bottom_m, left_m, right_m = (round(v * 56.7) for v in spec.margins_mm)
    refs = ('<w:headerReference w:type="default" r:id="rId8"/><w:headerReference w:type="first" r:id="rId9"/>'
            if spec.page_number else "")
    title_pg = "<w:titlePg/>" if spec.page_number else ""
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="{width}" w:h="{height}"/>'
            f'<w:pgMar w:top="{top_m}" w:right="{right_m}" w:bottom="{bottom_m}" w:left="{left_m}" w:header="709" '
            f'w:footer="709" w:gutter="0"/>{title_pg}</w:sectPr>')
    conformance = ' w:conformance="strict"' if variant.strict else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:document {NAMESPACES}{conformance}><w:body>{head}{top}{sign}{sect}</w:body></w:document>")


STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" '
          'w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/>'
          '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
          '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
          '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
          '<w:qFormat/></w:style></w:styles>')
HEADER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W}"><w:p><w:pPr>'
          '<w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
          'xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
          '</w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>')
FIRST_HEADER = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W}"><w:p/></w:hdr>'
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="{main}"/>'
                 '<Override PartName="/word/styles.xml" '
                 'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                 '<Override PartName="/word/header1.xml" '
                 'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
                 '<Override PartName="/word/header2.xml" '
                 'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>')
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId8" Type="{R}/header" Target="header1.xml"/>'
            f'<Relationship Id="rId9" Type="{R}/header" Target="header2.xml"/></Relationships>')

STYLES_ONLY_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'<Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/></Relationships>')


def write(spec: Spec, path: Path, variant: Variant | None = None, main_type: str = MAIN) -> Path:
    variant = variant or Variant()
    parts = {"[Content_Types].xml": CONTENT_TYPES.format(main=main_type), "_rels/.rels": ROOT_RELS,
             "word/_rels/document.xml.rels": DOC_RELS, "word/document.xml": document_xml(spec, variant),
             "word/styles.xml": STYLES, "word/header1.xml": HEADER, "word/header2.xml": FIRST_HEADER}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            if variant.strict:
                for old, new in TO_STRICT:
                    text = text.replace(old, new)
                text = text.replace('w:jc w:val="left"', 'w:jc w:val="start"')  # Strict has no "left"
            archive.writestr(name, text.encode("utf-8"))
    return path


def write_body(path: Path, body: str) -> Path:
    """A document whose body is the given WordprocessingML (paragraphs as Word writes them), on an A4 page."""
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document {NAMESPACES}><w:body>{body}<w:sectPr><w:pgSz w:w="11907" w:h="16840"/>'
                '<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" '
                'w:gutter="0"/></w:sectPr></w:body></w:document>')
    parts = {"[Content_Types].xml": CONTENT_TYPES.format(main=MAIN), "_rels/.rels": ROOT_RELS,
             "word/_rels/document.xml.rels": STYLES_ONLY_RELS, "word/document.xml": document,
             "word/styles.xml": STYLES}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return path
