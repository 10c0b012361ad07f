"""Edit distance between two short strings (Damerau–Levenshtein with adjacent transpositions).

Used to tell a slip of the keyboard from a different word: "BTGW" is one step from "BTGTW", "quán triêt" one step
from "quán triệt". Strings here are a few dozen characters, so the plain quadratic table is fast enough.
"""

from __future__ import annotations


def distance(a: str, b: str, limit: int | None = None) -> int:
    """Insertions, deletions, substitutions and swaps of two neighbours needed to turn `a` into `b`.

    With `limit`, any distance above it may be returned as limit + 1 (the search stops early).
    """
    if a == b:
        return 0
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if limit is not None and min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
