"""Reading the literal numbering of a Vietnamese document: Roman sections "I.", khoản "1.", điểm "a)", "1.1.".

Shared by the checker (which checks the order) and by the .docx locator (which names the section a paragraph is in),
so both agree on what a heading is. Rule book: NĐ 30/2020/NĐ-CP, Phụ lục I (bố cục phần, mục, khoản, điểm);
HD 36-HD/VPTW ("I-" or "I." for sections).
"""

from __future__ import annotations

import re
from functools import lru_cache

ROMAN = re.compile(r"^(?P<num>[IVXL]{1,6})\s*(?P<sep>[.\-–])(?P<space>\s*)(?P<title>\S.*)$")
KHOAN = re.compile(r"^(?P<num>\d{1,2})\s*\.(?!\d)(?P<space>\s*)(?P<rest>\S.*)$")
SUB_KHOAN = re.compile(r"^(?P<num>\d{1,2})\.(?P<sub>\d{1,2})(?:\.(?P<subsub>\d{1,2}))?\.?(?P<space>\s*)(?P<rest>\S.*)$")
DIEM = re.compile(r"^(?P<letter>[abcdđeghiklmnopqrstuvxy])\)\s*(?P<rest>\S.*)$")
VIET_LETTERS = "abcdđeghiklmnopqrstuvxy"


@lru_cache(maxsize=8192)  # asked of the same lines by many rules
def is_caps(text: str) -> bool:
    """Every letter is a capital (and there is at least one letter)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def to_roman(number: int) -> str:
    out = ""
    for value, numeral in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + numeral, number - value
    return out


def roman_value(numeral: str) -> int | None:
    """'IV' → 4; None for a string that is not a well-formed numeral below 90 ('IIII', 'VX')."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, ch in enumerate(numeral):
        value = values[ch]
        total += -value if i + 1 < len(numeral) and values[numeral[i + 1]] > value else value
    return total if to_roman(total) == numeral else None


def roman_heading(text: str) -> re.Match | None:
    """A Roman section heading: a valid numeral, "." or "-", then a title written mostly in capitals."""
    match = ROMAN.match(text)
    if not match or roman_value(match["num"]) is None or len(text) > 200:
        return None
    letters = [c for c in match["title"] if c.isalpha()]
    return match if letters and sum(c.isupper() for c in letters) >= 0.6 * len(letters) else None
