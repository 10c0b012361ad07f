"""The header of a draft, laid out after its text is known: column widths, names broken into lines, rule lengths.

The texts come from the template and the profile, whatever they are (a State, Party or union look, an office's own
template): every line of the header table is measured with Times New Roman's metrics (metrics.py). The rules:

- The right column holds the national title (Quốc hiệu and Tiêu ngữ, or "ĐẢNG CỘNG SẢN VIỆT NAM") and the date line;
  none of them ever wraps (NĐ 30/2020 Phụ lục I ô 1, ô 4; HD 36 ô 1, ô 4): the column is as wide as its widest line.
- The left column holds the names and the number line; a name too wide is broken between word groups (names.py).
- The two columns together take the text width (165 mm); when their lines need more, the table reaches into the
  margins as offices' own templates do, at most to 15 mm from the left edge of the paper and 10 mm from the right.
- The rule under the issuer is 2/5 of its longest line, inside the 1/3–1/2 of NĐ 30 Phụ lục I; the rule under the
  Tiêu ngữ (NĐ 30) or under "ĐẢNG CỘNG SẢN VIỆT NAM" (HD 36, 1.1.2) is as long as that line.

The layout finds the header table by its caption (HEADER_MARK); a template without it keeps its own geometry.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from kehoach.docx.metrics import text_width
from kehoach.docx.names import split_name
from kehoach.docx.xml import (
    cell_margins_mm,
    mm_to_twips,
    para_format,
    para_indents,
    para_text,
    qn,
    set_indents,
    set_text,
    table_caption,
    twips_to_mm,
)

HEADER_MARK = "kehoach:dau"  # w:tblCaption of the header table
SIGNATURE_MARK = "kehoach:ky"  # and of the signature table
ISSUER_RULE = 0.4  # of the issuer's longest line: within NĐ 30's 1/3 to 1/2
EDGE_LEFT, EDGE_RIGHT = 15.0, 10.0  # mm of paper kept clear beside a header that reaches into the margins
LEFT_SHARE = 73 / 165  # the template's own split of the text width (73 mm + 92 mm)
SAFETY = 3.0  # mm added to every measured line: rounding never wraps it, and the columns never touch


@dataclass
class Line:
    """One paragraph of the header table as measured: its cell's column, text, size and style."""

    p: Any  # w:p
    col: int
    text: str
    size: float
    bold: bool
    italic: bool
    indents: float  # mm, left + right indent
    margins: float = 0.0  # mm, the cell's inner margins, left + right

    @property
    def inset(self) -> float:
        return self.indents + self.margins

    @property
    def rule(self) -> bool:
        return not self.text.strip() and self.p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None

    def width(self, text: str | None = None) -> float:
        return text_width(self.text if text is None else text, self.size, self.bold, self.italic)

    @property
    def name(self) -> bool:
        """A name in capitals (left column): the only lines that may be broken."""
        letters = [c for c in self.text if c.isalpha()]
        return self.col == 0 and bool(letters) and all(c.isupper() for c in letters) and not self.text.startswith("Số")

    @property
    def fixed(self) -> bool:
        """A line that must stay one line: everything on the right, the names and the number line on the left."""
        if self.rule or not self.text.strip():
            return False
        return self.col == 1 or self.name or self.text.startswith("Số") or len(self.text.strip()) <= 5


def find_table(body: Any, mark: str) -> Any | None:
    for tbl in body.iterchildren(qn("w:tbl")):
        if table_caption(tbl) == mark:
            return tbl
    return None


def _lines(tbl: Any) -> list[Line]:
    out = []
    for tr in tbl.iterchildren(qn("w:tr")):
        for col, tc in enumerate(tr.iterchildren(qn("w:tc"))):
            margins = cell_margins_mm(tbl, tc)  # kehoach's templates have none; an office's may have Word's 1.9 mm
            for p in tc.iterchildren(qn("w:p")):
                size, bold, italic = para_format(p)
                left, right = para_indents(p)
                out.append(Line(p, min(col, 1), para_text(p), size, bold, italic, left + right, margins))
    return out


def _need(lines: list[Line], col: int) -> float:
    return max((line.width() + line.inset + SAFETY for line in lines if line.col == col and line.fixed), default=0.0)


def arrange_header(body: Any, text_width_mm: float, margins: tuple[float, float]) -> None:
    """Lay out the header table of a rendered draft in place. `margins`: the left and right page margins in mm."""
    tbl = find_table(body, HEADER_MARK)
    if tbl is None:
        return
    lines = _lines(tbl)
    room_left, room_right = max(0.0, margins[0] - EDGE_LEFT), max(0.0, margins[1] - EDGE_RIGHT)
    widest = text_width_mm + room_left + room_right
    right_need, left_need = _need(lines, 1), _need(lines, 0)
    right = max(right_need, text_width_mm * (1 - LEFT_SHARE))
    left = max(left_need, text_width_mm * LEFT_SHARE)
    if left + right > text_width_mm:
        right = max(right_need, text_width_mm - left)
    if left + right > text_width_mm:
        left = max(left_need, text_width_mm - right)
    if left + right > widest:
        limit = widest - right
        for line in [ln for ln in lines if ln.name and ln.width() + ln.inset + SAFETY > limit]:
            _break(line, limit - line.inset - SAFETY, lines)
        left = max(_need(lines, 0), text_width_mm - right)
    total = left + right
    into_left = min(room_left, max(0.0, total - text_width_mm))
    _set_widths(tbl, left, right, -into_left)
    _set_rules(lines, left, right)


def _break(line: Line, limit: float, lines: list[Line]) -> None:
    pieces = split_name(line.text, limit, line.width)
    if len(pieces) < 2:
        return
    set_text(line.p, pieces[0])
    line.text = pieces[0]
    anchor, at = line.p, lines.index(line)
    for offset, piece in enumerate(pieces[1:], start=1):
        twin = copy.deepcopy(line.p)
        set_text(twin, piece)
        anchor.addnext(twin)
        anchor = twin
        lines.insert(at + offset, Line(twin, line.col, piece, line.size, line.bold, line.italic, line.indents,
                                       line.margins))


def _set_widths(tbl: Any, left: float, right: float, indent: float) -> None:
    widths = [mm_to_twips(left), mm_to_twips(right)]
    tbl_pr = tbl.find(qn("w:tblPr"))
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:w"), str(sum(widths)))
        tbl_w.set(qn("w:type"), "dxa")
    jc = tbl_pr.find(qn("w:jc"))
    if jc is not None:  # a centred table ignores its indent
        tbl_pr.remove(jc)
    ind = tbl_pr.find(qn("w:tblInd"))
    if ind is None:
        ind = tbl_pr.makeelement(qn("w:tblInd"), {})
        after = [tbl_pr.find(qn(t)) for t in ("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                                 "w:tblCaption", "w:tblDescription")]
        nxt = next((el for el in after if el is not None), None)
        if nxt is not None:
            nxt.addprevious(ind)
        else:
            tbl_pr.append(ind)
    ind.set(qn("w:w"), str(mm_to_twips(indent)))
    ind.set(qn("w:type"), "dxa")
    for col, width in zip(tbl.find(qn("w:tblGrid")).iterchildren(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(width))
    for tr in tbl.iterchildren(qn("w:tr")):
        for tc, width in zip(tr.iterchildren(qn("w:tc")), widths, strict=False):
            tc_w = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            if tc_w is not None:
                tc_w.set(qn("w:w"), str(width))
                tc_w.set(qn("w:type"), "dxa")


def _set_rules(lines: list[Line], left: float, right: float) -> None:
    for i, line in enumerate(lines):
        if not line.rule:
            continue
        above = [ln for ln in lines[:i] if ln.col == line.col and ln.text.strip() and ln.p.getparent() is line.p.getparent()]
        if not above:
            continue
        cell = (left if line.col == 0 else right) - line.margins  # the box between the cell's inner margins
        if line.col == 0:
            bold = [ln.width() for ln in above if ln.name and ln.bold] or [above[-1].width()]
            length = ISSUER_RULE * max(bold)
        else:
            length = above[-1].width()
        side = max(0.0, (cell - length) / 2)
        set_indents(line.p, side, side)


def rule_length(cell_mm: float, indents: tuple[float, float]) -> float:
    """How long a rule paragraph draws: its cell (or text) width less its indents."""
    return cell_mm - indents[0] - indents[1]


__all__ = ["HEADER_MARK", "SIGNATURE_MARK", "arrange_header", "find_table", "rule_length", "twips_to_mm"]
