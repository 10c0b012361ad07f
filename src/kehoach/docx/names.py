"""Where a body's name in the header may be broken into lines: between word groups, never inside one.

"LIÊN ĐOÀN LAO ĐỘNG / TỈNH LAI CHÂU", "BAN TUYÊN GIÁO VÀ / DÂN VẬN", "TỔNG LIÊN ĐOÀN LAO ĐỘNG / VIỆT NAM" (so the
2011 copy of QĐ 1014/QĐ-TLĐ prints it, format-rules.md §4), "ĐẢNG ỦY / XÃ LONG THUẬN ĐÔNG": a line break goes before
the name of an administrative unit (which is never cut), before "VIỆT NAM" or "TRUNG ƯƠNG", before "CÁC …", or
after "VÀ" and after a comma. Only a name with no such place is broken at another space, as evenly as it can be.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

# Words that begin the name of an administrative unit; the place name after them stays on their line.
UNIT_WORDS = (("THÀNH", "PHỐ"), ("ĐẶC", "KHU"), ("THỊ", "XÃ"), ("THỊ", "TRẤN"), ("TỈNH",), ("XÃ",), ("PHƯỜNG",),
              ("HUYỆN",), ("QUẬN",))
WHOLE = (("VIỆT", "NAM"), ("TRUNG", "ƯƠNG"))  # a complete group of its own
LEADS = ("CÁC",)  # begins a group when something follows it
AFTER = ("VÀ",)  # ends a group
# The kind of body, before the name of what it is the body of: "ĐẢNG ỦY / MẶT TRẬN TỔ QUỐC, …", "ĐẢNG BỘ / THÀNH PHỐ …".
HEADS = (("ĐẢNG", "ỦY"), ("ĐẢNG", "UỶ"), ("ĐẢNG", "BỘ"), ("ỦY", "BAN", "NHÂN", "DÂN"), ("UỶ", "BAN", "NHÂN", "DÂN"))
MAX_PIECES = 4


def _starts(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[i:i + len(phrase)]) == phrase


def _inside(words: list[str]) -> set[int]:
    """Words that continue a fixed phrase ("XÃ" in "THỊ XÃ", "NAM" in "VIỆT NAM"): a line never starts with them."""
    inside: set[int] = set()
    for i in range(len(words)):
        for phrase in (*UNIT_WORDS, *WHOLE, *HEADS):
            if len(phrase) > 1 and _starts(words, i, phrase):
                inside.update(range(i + 1, i + len(phrase)))
    return inside


def break_points(text: str) -> list[int]:
    """Indices of the words a new line may start with (word 0 never), for a name written in capitals."""
    words = text.upper().split()
    inside = _inside(words)
    points = []
    for i in range(1, len(words)):
        if i in inside:
            continue
        unit = next((p for p in UNIT_WORDS if _starts(words, i, p)), None)
        if (words[i - 1] in AFTER or words[i - 1].endswith(",")
                or any(i == len(h) and _starts(words, 0, h) and i + 1 < len(words) for h in HEADS)
                or (unit is not None and i + len(unit) < len(words))
                or any(_starts(words, i, p) for p in WHOLE)
                or (words[i] in LEADS and i + 1 < len(words))):
            points.append(i)
    return points


def split_name(text: str, limit: float, width: Callable[[str], float]) -> list[str]:
    """The lines to print `text` in, each at most `limit` wide if possible (`width` measures a line).

    Fewest lines first, then the most even; at word-group boundaries (`break_points`), and only when no break there
    fits, at other spaces (never inside "THỊ XÃ", "VIỆT NAM", "ĐẢNG ỦY" …). A name that fits stays one line; one
    that cannot fit is broken as evenly as it can be.
    """
    words = text.split()
    if width(text) <= limit or len(words) < 2:
        return [text]
    grouped = _split(words, break_points(text), limit, width)
    if grouped is not None and grouped[0] <= limit:
        return grouped[1]
    inside = _inside(text.upper().split())
    anywhere = _split(words, [i for i in range(1, len(words)) if i not in inside], limit, width)
    if anywhere is not None and anywhere[0] <= limit:
        return anywhere[1]
    return (grouped or anywhere or (0.0, [text]))[1]


def _split(words: list[str], points: list[int], limit: float,
           width: Callable[[str], float]) -> tuple[float, list[str]] | None:
    """(widest line, lines) of the fewest lines that fit `limit` cutting at `points`, else of the most even cut."""
    best: tuple[float, list[str]] | None = None
    for count in range(1, min(MAX_PIECES - 1, len(points)) + 1):
        for cut in combinations(points, count):
            bounds = (0, *cut, len(words))
            pieces = [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
            widest = max(width(piece) for piece in pieces)
            if best is None or widest < best[0]:
                best = (widest, pieces)
        if best is not None and best[0] <= limit:
            return best
    return best
