"""Name a paragraph so a person finds it in Word: the section it is in and its first words.

Word shows no paragraph numbers, so "đoạn 37" alone is hard to find; "mục “II. NHIỆM VỤ, GIẢI PHÁP › 2. Tuyên
truyền”, đoạn bắt đầu “Các cơ quan, đơn vị…”" is not. kiemtra and the workspace build (merge reports) name paragraphs
the same way through these functions; they work on plain texts, one per paragraph or line, in reading order.

    locate(["I. MỤC ĐÍCH", "1. Mục đích", "Nâng cao nhận thức."], 2)
    → 'mục “I. MỤC ĐÍCH › 1. Mục đích”, đoạn bắt đầu “Nâng cao nhận thức.”'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kehoach.docx import wordml
from kehoach.text.numbering import KHOAN, roman_heading
from kehoach.text.symbols import TYPE_CODES

FIRST_WORDS = 6
HEADING_CHARS = 45
KHOAN_TITLE_WORDS = 12  # a khoản line this short is a heading ("1. Mục đích"), a longer one is running text
TRICH_YEU_LINES = 6
TITLE_LINE = re.compile("^(" + "|".join(sorted((name.upper() for name in TYPE_CODES), key=len, reverse=True)) + ")$")
# The closing formula after the last section ("Trên đây là Kế hoạch …", "Trong quá trình thực hiện, nếu có vướng
# mắc …"): not a paragraph of the last sub-heading.
CLOSING = re.compile(r"^(Trên đây\b|Trong quá trình (tổ chức )?(triển khai|thực hiện)\b.*\b(nếu|có)\b|"
                     r"Nhận được (Công văn|Kế hoạch|Hướng dẫn|Thông báo) này\b|"
                     r"(Đề nghị|Yêu cầu) các\b.*\b(triển khai|thực hiện)\b.*\./\.$)")


def part_of(texts: Sequence[str], index: int) -> str | None:
    """"trích yếu" for the lines under the title ("KẾ HOẠCH" / "thực hiện Chỉ thị số …"), "phần kết" for the closing
    after the last section ("Trên đây là Kế hoạch …") and what follows it; None elsewhere. Words the opening shares
    with the trích yếu, or a closing under the last sub-heading, would send a person to the wrong paragraph."""
    own = " ".join(texts[index].split())
    if not own:
        return None
    title = next((i for i, t in enumerate(texts[:index]) if TITLE_LINE.match(" ".join(t.split()))), None)
    if title is not None and index - title <= TRICH_YEU_LINES:
        between = [" ".join(t.split()) for t in texts[title + 1:index + 1]]
        if all(t and not _ends_trich_yeu(t) for t in between):
            return "trích yếu"
    # After the last section: the last Roman heading, or the last khoản heading of a text without them (công văn).
    heads = [i for i, t in enumerate(texts) if roman_heading(" ".join(t.split()))] or \
        [i for i, t in enumerate(texts) if _khoan_heading(" ".join(t.split()))]
    if heads and index > heads[-1]:
        closing = next((i for i in range(heads[-1] + 1, len(texts)) if CLOSING.match(" ".join(texts[i].split()))),
                       None)
        if closing is not None and index >= closing:
            return "phần kết"
    return None


def _ends_trich_yeu(text: str) -> bool:
    """The line is no longer the trích yếu: the opening ("… như sau:"), a sentence, a heading, "Kính gửi"."""
    return (text[-1] in ".:;" or bool(roman_heading(text)) or text.lower().startswith(("kính gửi", "căn cứ"))
            or not any(c.isalpha() for c in text))  # "-----" under a Party trích yếu


def heading_path(texts: Sequence[str], index: int) -> list[str]:
    """The headings of the section that holds `index`: the Roman section above it and the khoản heading between
    them. A Roman heading belongs to no section, a khoản heading only to its Roman section."""
    own = " ".join(texts[index].split())
    if roman_heading(own) or part_of(texts, index):
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


def locate(texts: Sequence[str], index: int, cell: tuple[int, int, int] | None = None, picture: bool = False) -> str:
    """'mục “II. NHIỆM VỤ › 2. Tuyên truyền”, đoạn bắt đầu “…”' (without the section part outside any section).

    `cell` (table, row, column, from 0): a paragraph of a table cell, named by its cell rather than by a section
    ('đoạn bắt đầu “Số: 15/KH-LĐLĐ” ở bảng 1, hàng 1, cột 1'). An empty paragraph is named by the one before it,
    a picture as a picture: 'hình sau “…”'."""
    if texts[index].strip():
        where = f"đoạn bắt đầu “{first_words(texts[index])}”"
        if cell is None and (part := part_of(texts, index)):
            return f"{part}, {where}"
    else:
        before = next((texts[k] for k in range(index - 1, -1, -1) if texts[k].strip()), "")
        kind = "hình" if picture else "đoạn trống"
        where = f"{kind} sau “{first_words(before, 4)}”" if before else kind
    if cell is not None:
        return f"{where} ở bảng {cell[0] + 1}, hàng {cell[1] + 1}, cột {cell[2] + 1}"
    path = heading_path(texts, index)
    return f"mục “{' › '.join(path)}”, {where}" if path else where


def _short(text: str) -> str:
    return text if len(text) <= HEADING_CHARS else text[: HEADING_CHARS - 1].rstrip() + "…"


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Spot:
    """A paragraph of a w:body in reading order: its element, text, table cell (or None) and whether it holds a
    picture."""

    el: Any
    text: str
    cell: tuple[int, int, int] | None = None
    picture: bool = False


def body_spots(body: Any) -> list[Spot]:
    """Every paragraph of a w:body in the reader's order and with its text (docx/wordml.py, as docx/reader.py walks
    it), for naming places in a document read as XML: the merge's reports, conflicts left in a draft."""
    found: list[Spot] = []
    tables = 0

    def text(p: Any) -> str:
        return "".join(wordml.run_text(r) for r in wordml.runs(p))

    def picture(p: Any) -> bool:
        return next(p.iter(f"{_W}drawing", f"{_W}pict"), None) is not None

    for block in wordml.blocks(body):
        if block.tag == wordml.W_P:
            found.append(Spot(block, text(block), None, picture(block)))
            continue
        for row, tr in enumerate(wordml.rows(block)):
            for col, tc in enumerate(wordml.cells(tr)):
                found.extend(Spot(p, text(p), (tables, row, col), picture(p)) for p in tc.iter(wordml.W_P))
        tables += 1
    return found


def name_spot(spots: Sequence[Spot], index: int) -> str:
    """locate() for one spot of body_spots()."""
    spot = spots[index]
    return locate([" ".join(s.text.split()) for s in spots], index, spot.cell, spot.picture)
