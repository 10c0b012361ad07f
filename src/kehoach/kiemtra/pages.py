"""What a reader sees on the page, estimated from a .docx without a word processor: line widths and page breaks.

Lines are measured with Times New Roman's metrics (kehoach.docx.metrics, the measurement kehoach lays its own
drafts out with) and filled as Word fills them. Page breaks are estimated from the number of lines, the line height
of Times New Roman (1.15 × the size at single spacing) and the spacing before and after paragraphs: an estimate
good to a few lines, enough to tell a signature block that stands alone on a page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kehoach.docx.metrics import text_width, wrap
from kehoach.docx.model import Model, Para

LINE_HEIGHT = 1.15  # Times New Roman: (ascent + descent + line gap) / em
PT_PER_MM = 72 / 25.4
DEFAULT_SIZE = 13.0


def style_of(para: Para) -> tuple[float, bool, bool]:
    """(size, bold, italic) most of the paragraph's text is set in."""
    counts: Counter[tuple[float, bool, bool]] = Counter()
    for run in para.runs:
        if run.text.strip():
            counts[(run.size or DEFAULT_SIZE, run.bold, run.italic)] += len(run.text)
    return counts.most_common(1)[0][0] if counts else (DEFAULT_SIZE, False, False)


def width_of(para: Para) -> float:
    """The width in mm of the paragraph's text set on one line, run by run."""
    return sum(text_width(run.text, run.size or DEFAULT_SIZE, run.bold, run.italic) for run in para.runs)


def lines_of(para: Para) -> list[str]:
    """The lines the paragraph fills in its box (one line when its box is unknown)."""
    if para.box_mm is None or not para.clean:
        return [para.clean]
    size, bold, italic = style_of(para)
    return list(_wrapped(para.clean, para.box_mm, size, bold, italic))


# The drafts of a folder share most of their lines, and a page estimate fills every line of a document: each line is
# wrapped once per box and style.
@lru_cache(maxsize=1 << 14)
def _wrapped(text: str, box: float, size: float, bold: bool, italic: bool) -> tuple[str, ...]:
    return tuple(wrap(text, box, size, bold, italic) or [""])


def height_pt(para: Para, first: bool = True, last: bool = True) -> float:
    """The height of the lines `para` fills, with its paragraph's space before (when it is the paragraph's first
    line) and after (when it is its last): the lines of a paragraph split by Shift+Enter share one paragraph's
    spacing, as Word and LibreOffice set them."""
    size = style_of(para)[0]
    count = len(lines_of(para))
    if para.line_rule in ("exact", "atLeast") and para.line_spacing:
        line = max(para.line_spacing, size * LINE_HEIGHT) if para.line_rule == "atLeast" else para.line_spacing
    else:
        line = size * LINE_HEIGHT * (para.line_spacing or 1.0)
    return count * line + (para.space_before or 0 if first else 0) + (para.space_after or 0 if last else 0)


def _same_paragraph(a: Para, b: Para) -> bool:
    """Two lines of one Word paragraph (split by Shift+Enter)."""
    return a.number is not None and a.number == b.number and a.part is not None and b.part is not None


@dataclass
class Block:
    paras: list[Para]
    table: int | None
    height: float  # pt
    keep_next: bool


def _blocks(model: Model) -> list[Block]:
    blocks: list[Block] = []
    cells: dict[tuple[int, int, int], float] = {}
    current: int | None = None

    def close_table() -> None:
        if current is None:
            return
        rows: dict[int, float] = {}
        for (_t, row, _c), h in cells.items():
            rows[row] = max(rows.get(row, 0.0), h)
        members = [p for p in model.paragraphs if p.table == current]
        blocks.append(Block(members, current, sum(rows.values()), False))
        cells.clear()

    paras = model.paragraphs
    for i, para in enumerate(paras):
        first = i == 0 or not _same_paragraph(paras[i - 1], para)
        last = i == len(paras) - 1 or not _same_paragraph(para, paras[i + 1])
        height = height_pt(para, first, last)
        if para.kind == "table" and para.table is not None:
            if para.table != current:
                close_table()
                current = para.table
            key = (para.table, para.row or 0, para.col or 0)
            cells[key] = cells.get(key, 0.0) + height
            continue
        close_table()
        current = None
        if not first and blocks and blocks[-1].table is None:  # the next line of the same paragraph: one block
            blocks[-1].paras.append(para)
            blocks[-1].height += height
            blocks[-1].keep_next = para.keep_next
            continue
        blocks.append(Block([para], None, height, para.keep_next))
    close_table()
    return blocks


def last_page(model: Model, blocks: list[Block] | None = None) -> tuple[float, float, float] | None:
    """(pt used on the page where the body ends, pt of a page, pt of the signature table), or None when the document
    has no page setup or no table after its body. `blocks`: the model's, when the caller has them already."""
    if model.page is None or model.page.height_mm <= 0:
        return None
    blocks = _blocks(model) if blocks is None else blocks
    last = max((i for i, b in enumerate(blocks) if b.table is not None), default=None)
    if last is None or last == 0 or blocks[last].table == blocks[0].table:
        return None
    page = (model.page.height_mm - model.page.top_mm - model.page.bottom_mm) * PT_PER_MM
    used = 0.0
    for block in blocks[:last]:
        used += block.height
        while used > page:
            used -= page
    return used, page, blocks[last].height


def signature_alone(model: Model) -> bool | None:
    """Whether the last table (the signature and Nơi nhận) is estimated to start a page with nothing of the body
    before it: it does not fit after the body, and the body's last paragraph is not kept with it."""
    if model.page is None or model.page.height_mm <= 0:
        return None
    blocks = _blocks(model)
    fill = last_page(model, blocks)
    if fill is None:
        return None
    last = max(i for i, b in enumerate(blocks) if b.table is not None)
    if blocks[last - 1].keep_next:
        return False  # the end of the body moves to the next page with the signature
    used, page, signature = fill
    return used + signature > page >= signature
