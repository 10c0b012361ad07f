"""Name a paragraph so a person finds it in Word: the section it is in and its first words.

Word shows no paragraph numbers, so "đoạn 37" alone is hard to find; "mục “II. NHIỆM VỤ, GIẢI PHÁP › 2. Tuyên
truyền”, đoạn bắt đầu “Các cơ quan, đơn vị…”" is not. kiemtra and the workspace build (merge reports) name paragraphs
the same way through these functions; they work on plain texts, one per paragraph or line, in reading order.

    locate(["I. MỤC ĐÍCH", "1. Mục đích", "Nâng cao nhận thức."], 2)
    → 'mục “I. MỤC ĐÍCH › 1. Mục đích”, đoạn bắt đầu “Nâng cao nhận thức.”'
"""

from __future__ import annotations

from collections.abc import Sequence

from kehoach.text.numbering import KHOAN, roman_heading

FIRST_WORDS = 6
HEADING_CHARS = 45
KHOAN_TITLE_WORDS = 12  # a khoản line this short is a heading ("1. Mục đích"), a longer one is running text


def heading_path(texts: Sequence[str], index: int) -> list[str]:
    """The headings of the section that holds `index`: the Roman section above it and the khoản heading between
    them. A Roman heading belongs to no section, a khoản heading only to its Roman section."""
    own = " ".join(texts[index].split())
    if roman_heading(own):
        return []
    khoan: str | None = None
    look_for_khoan = not _khoan_heading(own)
    for i in range(index - 1, -1, -1):
        text = " ".join(texts[i].split())
        if roman_heading(text):
            return [_short(text)] + ([khoan] if khoan else [])
        if look_for_khoan and khoan is None and _khoan_heading(text):
            khoan = _short(text)
    return [khoan] if khoan else []


def _khoan_heading(text: str) -> bool:
    return bool(KHOAN.match(text)) and len(text.split()) <= KHOAN_TITLE_WORDS


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def locate(texts: Sequence[str], index: int) -> str:
    """'mục “II. NHIỆM VỤ › 2. Tuyên truyền”, đoạn bắt đầu “…”' (without the section part outside any section)."""
    path = heading_path(texts, index)
    where = f"đoạn bắt đầu “{first_words(texts[index])}”" if texts[index].strip() else "đoạn trống"
    return f"mục “{' › '.join(path)}”, {where}" if path else where


def _short(text: str) -> str:
    return text if len(text) <= HEADING_CHARS else text[: HEADING_CHARS - 1].rstrip() + "…"
