"""What a merge tells a person: where each kept, merged or conflicting place is, and what changed upstream there.

    Place("mục III.2, đoạn «Trên đây là Kế hoạch…»", "ngày 03/10/2025 → 06/10/2025")
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from kehoach.docx.effective import w
from kehoach.docx.locate import body_spots, locate, name_spot
from kehoach.workspace.merge.session import Event

_SPAN = 8  # words of a changed span shown before "…"
_CHANGES = 3  # changes described per place; more are counted


@dataclass(frozen=True)
class Place:
    where: str  # as docx/locate.py names paragraphs (the same names kiemtra uses)
    upstream: str = ""  # what the new draft changed there, "" when nothing


def _span(words: list[str]) -> str:
    return " ".join(words[:_SPAN]) + (" …" if len(words) > _SPAN else "")


def describe(old: str, new: str) -> str:
    """The changes from `old` to `new`, word by word: "ngày 03/10/2025 → 06/10/2025; thêm «…» sau «…»"."""
    a, b = old.split(), new.split()
    changes = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        before = f"{a[i1 - 1]} " if i1 > 0 else ""
        if tag == "replace":
            changes.append(f"{before}{_span(a[i1:i2])} → {_span(b[j1:j2])}")
        elif tag == "delete":
            changes.append(f"bỏ «{_span(a[i1:i2])}»")
        elif tag == "insert":
            changes.append(f"thêm «{_span(b[j1:j2])}»" + (f" sau «{a[i1 - 1]}»" if i1 > 0 else ""))
    shown = "; ".join(changes[:_CHANGES])
    if len(changes) > _CHANGES:
        shown += f" và {len(changes) - _CHANGES} chỗ khác"
    if not shown and old != new:
        shown = "đổi định dạng"
    return shown


def locate_events(body: Any, events: list[Event]) -> list[tuple[Event, Place]]:
    """Each event with its place in the merged body."""
    spots = body_spots(body)
    index = {id(spot.el): i for i, spot in enumerate(spots)}
    out = []
    for event in events:
        anchor = event.anchor
        if anchor is not None and anchor.tag == w("tbl"):
            anchor = next(anchor.iter(w("p")), None)
        if anchor is not None and id(anchor) in index:
            where = name_spot(spots, index[id(anchor)])
        else:  # a deletion the person made: named by what it was
            where = locate([event.base or event.ours], 0) + " (đã xóa)"
        out.append((event, Place(where, describe(event.base, event.theirs))))
    return out
