"""How wide a line of Times New Roman text is, and where a line of a given width wraps.

The widths come from a table (fontdata.py) made once from Liberation Serif 2, whose advance widths are Times New
Roman's: no font is read when kehoach runs, so a draft is laid out the same on every machine. Pair kerning is not
applied (Word does not kern by default; LibreOffice kerns, which only makes lines a little shorter), so a width here
is what Word shows and at most a little more than what LibreOffice shows.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kehoach.docx.fontdata import UNITS_PER_EM, WIDTHS

MM_PER_PT = 25.4 / 72
_SPACES = re.compile(r"( +)")
# Characters the table may not hold, by what they look like: a non-breaking hyphen is a hyphen, the joiners are nothing.
_SAME_AS = {"\u2011": "-", "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": ""}


@lru_cache(maxsize=4)
def _table(style: str) -> dict[str, int]:
    table: dict[str, int] = {}
    for start, widths in WIDTHS[style]:
        for offset, width in enumerate(widths):
            table[chr(start + offset)] = width
    return table


def _style(bold: bool, italic: bool) -> str:
    if bold:
        return "bold_italic" if italic else "bold"
    return "italic" if italic else "regular"


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width in mm of `text` set on one line at `size` pt. A character outside the table counts as an "n"."""
    return _units(text, _style(bold, italic)) / UNITS_PER_EM * size * MM_PER_PT


@lru_cache(maxsize=8192)  # a draft measures the same words again and again (every line of every wrap)
def _units(text: str, style: str) -> int:
    table = _table(style)
    fallback = table["n"]
    units = 0
    for char in unicodedata.normalize("NFC", text):
        char = _SAME_AS.get(char, char)
        if not char:
            continue
        width = table.get(char)
        if width is None:
            width = 0 if unicodedata.combining(char) else fallback
        units += width
    return units


def wrap(text: str, box: float, size: float, bold: bool = False, italic: bool = False) -> list[str]:
    """The lines `text` takes in a box `box` mm wide, breaking at spaces only, as Word fills a line (greedy).

    Spaces inside a line are kept as written (a draft's blank date "ngày     tháng"); those at a break vanish. A single
    word longer than the box stays whole on its own line (Word would cut it; kehoach never lets it).
    """
    pieces = _SPACES.split(text.strip())  # word, spaces, word, spaces, …
    lines: list[str] = []
    current, width = "", 0.0
    for i in range(0, len(pieces), 2):
        word = pieces[i]
        gap = pieces[i - 1] if i else ""
        word_width = text_width(word, size, bold, italic)
        added = text_width(gap, size, bold, italic) + word_width  # widths add up: no kerning (module docstring)
        if current and width + added > box:
            lines.append(current)
            current, width = word, word_width
        elif current:
            current, width = f"{current}{gap}{word}", width + added
        else:
            current, width = word, word_width
    if current:
        lines.append(current)
    return lines
