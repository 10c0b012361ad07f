"""Pairing the items of two versions (blocks or tokens), and the three-way walk over base, ours and theirs (diff3).

Pairs are found from the strictest likeness to the loosest, each level only between the pairs already found: first
equal in text and look, then equal in text (a paragraph whose formatting alone changed), then — for blocks —
similar text of the same kind (a paragraph reworded, still the same paragraph). With several empty paragraphs, an
added one is then not paired with the rule under the title.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TypeVar

T = TypeVar("T")
Pairs = dict[int, int]  # index in base -> index in the other version
_SIMILAR = 0.5  # share of words two versions of one paragraph have in common, at least
_SIMILAR_MAX = 2500  # pairs of blocks compared for likeness in one gap: a rewritten document is not searched


def align(base: Sequence[T], other: Sequence[T], levels: Sequence[Callable[[T], Hashable]],
          similar: Callable[[T, T], float] | None = None) -> Pairs:
    pairs: Pairs = {}

    def fill(a0: int, a1: int, b0: int, b1: int, level: int) -> None:
        if a0 >= a1 or b0 >= b1:
            return
        if level == len(levels):
            if similar is not None and (a1 - a0) * (b1 - b0) <= _SIMILAR_MAX:
                pairs.update(_likeness(base, other, a0, a1, b0, b1, similar))
            return
        project = levels[level]
        matcher = SequenceMatcher(None, [project(x) for x in base[a0:a1]], [project(x) for x in other[b0:b1]],
                                  autojunk=False)
        i, j = a0, b0
        for a, b, n in matcher.get_matching_blocks():
            fill(i, a0 + a, j, b0 + b, level + 1)
            pairs.update({a0 + a + k: b0 + b + k for k in range(n)})
            i, j = a0 + a + n, b0 + b + n

    fill(0, len(base), 0, len(other), 0)
    return pairs


def _likeness(base: Sequence[T], other: Sequence[T], a0: int, a1: int, b0: int, b1: int,
              similar: Callable[[T, T], float]) -> Pairs:
    """The most pairs of alike items, in order (a longest common subsequence over likeness)."""
    n, m = a1 - a0, b1 - b0
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    like = [[0.0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            like[i][j] = similar(base[a0 + i], other[b0 + j])
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if like[i][j] >= _SIMILAR:
                best = max(best, score[i + 1][j + 1] + 1 + like[i][j] / 2)
            score[i][j] = best
    pairs: Pairs = {}
    i = j = 0
    while i < n and j < m:
        if like[i][j] >= _SIMILAR and score[i][j] == score[i + 1][j + 1] + 1 + like[i][j] / 2:
            pairs[a0 + i] = b0 + j
            i, j = i + 1, j + 1
        elif score[i + 1][j] >= score[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def word_likeness(a: str, b: str) -> float:
    wa, wb = a.split(), b.split()
    if not wa and not wb:
        return 1.0
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    if matcher.real_quick_ratio() < _SIMILAR or matcher.quick_ratio() < _SIMILAR:
        return 0.0
    return matcher.ratio()


@dataclass(frozen=True)
class Chunk:
    base: range
    ours: range
    theirs: range
    paired: bool  # one base item, paired with one item on each side; else a gap between paired items


def diff3(n_base: int, n_ours: int, n_theirs: int, ours: Pairs, theirs: Pairs) -> Iterator[Chunk]:
    """The chunks of a three-way walk, in order: items of the base paired on both sides, and the gaps between."""
    i = a = b = 0
    for k in sorted(set(ours) & set(theirs)):
        o, t = ours[k], theirs[k]
        if o < a or t < b:  # crosses an earlier pair (cannot happen with ordered pairs): leave it to the gap
            continue
        if k > i or o > a or t > b:
            yield Chunk(range(i, k), range(a, o), range(b, t), False)
        yield Chunk(range(k, k + 1), range(o, o + 1), range(t, t + 1), True)
        i, a, b = k + 1, o + 1, t + 1
    if i < n_base or a < n_ours or b < n_theirs:
        yield Chunk(range(i, n_base), range(a, n_ours), range(b, n_theirs), False)
