"""A draft shown as HTML when LibreOffice is not installed: the .docx read as Word shows it (docx/reader.py).

Only the reading is shared with kiemtra; this is a look, not a layout: the header and signature tables as tables,
paragraphs with their alignment, bold, italic and underline. Every text is escaped; style comes from classes
(the page's Content-Security-Policy allows no inline style).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

from markupsafe import Markup, escape

from kehoach.docx.model import Para, Run
from kehoach.docx.reader import read_path

_ALIGN = {"center": "a-giua", "right": "a-phai", "both": "a-deu", "left": ""}


def render(path: Path) -> Markup:
    """The draft at `path` as HTML; raises InputError (kehoach.errors) when the file cannot be read."""
    model = read_path(path)
    parts: list[str] = []
    for table, group in groupby(model.paragraphs, key=lambda p: p.table if p.kind == "table" else None):
        paragraphs = list(group)
        if table is None:
            parts += (_paragraph(p) for p in paragraphs)
        else:
            parts.append(_table(paragraphs))
    return Markup('<div class="ban-thao">' + "".join(parts) + "</div>")


def _table(paragraphs: list[Para]) -> str:
    rows: dict[int, dict[int, list[Para]]] = {}
    for p in paragraphs:
        rows.setdefault(p.row or 0, {}).setdefault(p.col or 0, []).append(p)
    html = ['<table class="bang"><tbody>']
    for _row, cells in sorted(rows.items()):
        html.append("<tr>")
        html += ("<td>" + "".join(_paragraph(p) for p in cell) + "</td>" for _col, cell in sorted(cells.items()))
        html.append("</tr>")
    html.append("</tbody></table>")
    return "".join(html)


def _paragraph(p: Para) -> str:
    classes = [c for c in (_ALIGN.get(p.alignment or "", ""), "thut" if (p.first_line_mm or 0) > 1 else "") if c]
    size = _size(p.runs)
    if size:
        classes.append(size)
    inner = "".join(_runs(p.runs)) if p.runs else str(escape(p.text))
    attr = f' class="{" ".join(classes)}"' if classes else ""
    return f"<p{attr}>{inner or '&nbsp;'}</p>"


def _runs(runs: list[Run]) -> Iterator[str]:
    for run in runs:
        text = str(escape(run.text)).replace("\n", "<br>")
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        if run.underline:
            text = f"<u>{text}</u>"
        yield text


def _size(runs: list[Run]) -> str:
    """Small print (Nơi nhận, 11–12 pt) and large titles (15 pt and up) keep their relative size."""
    sizes = [r.size for r in runs if r.size and r.text.strip()]
    if not sizes:
        return ""
    size = max(sizes)
    return "co-nho" if size <= 12 else "co-lon" if size >= 15 else ""
