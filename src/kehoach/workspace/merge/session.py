"""One merge in progress: the three sides, what is brought from the person's file, and what happened where.

Elements of the new draft (theirs) are used as they are; elements of the person's file (ours) are copied and
adopted by the carrier, so their links, notes, lists and styles exist in the result.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from kehoach.docx.effective import w
from kehoach.docx.markers import MARK_END, MARK_OURS, MARK_SPLIT
from kehoach.docx.parts import DOCUMENT
from kehoach.workspace.merge.carry import Carrier
from kehoach.workspace.merge.legacy import legacy_sig
from kehoach.workspace.merge.reading import Block, Side, alike

KEPT, MERGED, CONFLICT = "kept", "merged", "conflict"


@dataclass
class Event:
    kind: str  # KEPT (only the person changed it), MERGED (both, merged), CONFLICT (both, marked)
    anchor: Any | None  # the first element of the place in the result (None: a deletion kept)
    base: str  # texts of the place in the base, the person's file and the new draft
    ours: str
    theirs: str


@dataclass
class Session:
    base: Side | None  # None: an old record, only texts and XML signatures known
    ours: Side
    theirs: Side
    carrier: Carrier
    events: list[Event] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # conflicts outside the body (page setup, styles, headers)
    outer: list[str] = field(default_factory=list)  # what the person changed outside the body, kept

    def take(self, side: Side, el: Any, src: str = DOCUMENT, dst: str = DOCUMENT, whole: bool = False) -> Any:
        """An element of one side, fit for part `dst` of the result. `whole`: theirs' own element is moved, not copied."""
        if side is self.ours:
            return self.carrier.adopt(copy.deepcopy(el), src, dst)
        return el if whole else copy.deepcopy(el)

    def unchanged(self, b: Block, x: Block, side: Side) -> bool:
        """Is x (of the person's file or the new draft) the base block b, as a reader sees it?"""
        if b.text != x.text:
            return False
        if b.key is not None:
            return alike(b, x)
        # An old record: only the text and the XML signature of the generated block are known. The new draft is
        # taken as unchanged in look; the person's block counts as edited unless its XML is what was generated.
        if side is self.theirs:
            return True
        return bool(b.legacy) and x.el is not None and legacy_sig(x.el) == b.legacy

    def event(self, kind: str, anchor: Any | None, base: list[Block], ours: list[Block], theirs: list[Block]) -> None:
        def text(blocks: list[Block]) -> str:
            return "\n".join(b.text for b in blocks)
        self.events.append(Event(kind, anchor, text(base), text(ours), text(theirs)))

    def conflict(self, base: list[Block], ours: list[Block], theirs: list[Block], dst: str) -> list[Any]:
        """Both versions between marker paragraphs, the person's first."""
        mine = [self.take(self.ours, b.el, b.part, dst) for b in ours]
        new = [self.take(self.theirs, b.el, b.part, dst, whole=True) for b in theirs]
        # Named by the paragraph a person has to look at: its first version (the person's, if they kept one).
        self.event(CONFLICT, (mine or new or [None])[0], base, ours, theirs)
        return [marker(MARK_OURS), *mine, marker(MARK_SPLIT), *new, marker(MARK_END)]


def marker(text: str) -> Any:
    """A marker paragraph: bold red text on yellow, so nobody misses it."""
    p = etree.Element(w("p"))
    run = etree.SubElement(p, w("r"))
    props = etree.SubElement(run, w("rPr"))
    etree.SubElement(props, w("b"))
    etree.SubElement(props, w("color")).set(w("val"), "FF0000")
    etree.SubElement(props, w("highlight")).set(w("val"), "yellow")
    t = etree.SubElement(run, w("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return p
