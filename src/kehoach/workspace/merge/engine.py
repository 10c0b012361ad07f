"""The merge itself (see the package's docstring): loaded only when a person's edits are merged."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from kehoach.docx.effective import w
from kehoach.docx.integrity import problems
from kehoach.docx.markers import MARK_END, MARK_OURS, MARK_SPLIT, note
from kehoach.docx.parts import DOCUMENT, Package
from kehoach.workspace.merge.base import Base
from kehoach.workspace.merge.body import merge_blocks
from kehoach.workspace.merge.carry import CannotCarry, Carrier
from kehoach.workspace.merge.outer import merge_section, merge_styles
from kehoach.workspace.merge.places import Place, describe, locate_events
from kehoach.workspace.merge.reading import Block, Side
from kehoach.workspace.merge.session import CONFLICT, KEPT, MERGED, Session, marker

__all__ = ["MARK_END", "MARK_OURS", "MARK_SPLIT", "Base", "MergeResult", "Place", "base_of", "describe", "fingerprint",
           "merge"]

_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@dataclass
class MergeResult:
    data: bytes = field(repr=False)
    conflicts: list[Place] = field(default_factory=list)  # both changed, overlapping: marked in the draft
    merged: list[Place] = field(default_factory=list)  # both changed one paragraph or table, merged inside it
    kept: list[Place] = field(default_factory=list)  # only the person changed it
    outer: list[str] = field(default_factory=list)  # page settings, headers, footers, styles the person changed
    brought: dict[str, int] = field(default_factory=dict)  # what came along with the edits, by kind
    notes: list[str] = field(default_factory=list)  # conflicts outside the body (also marked at the body's top)
    blocked: str = ""  # why the merge cannot be written (then `data` is empty)

    @property
    def conflict_count(self) -> int:
        return len(self.conflicts) + len(self.notes)

    @property
    def kept_edits(self) -> int:
        return len(self.kept) + len(self.merged) + len(self.outer)


def base_of(generated: bytes) -> Base:
    """The base of a merge from a generated draft held in memory (a record keeps it as merge/base.py says)."""
    return Base(Package.open(generated, "bản gốc"))


def fingerprint(data: bytes) -> list[tuple[str, str | None]]:
    """(text, what a reader sees) of each block of a .docx body: equal for files that look the same."""
    side = Side(Package.open(data, "tệp"), "tệp")
    return [(b.text, b.key) for b in side.blocks(_body(side.pkg))]


def _body(pkg: Package) -> Any:
    return pkg.xml(DOCUMENT).find(w("body"))


def merge(base: Base, ours: bytes, theirs: bytes) -> MergeResult:
    """Merge the edits made in `ours` since `base` into `theirs` (bytes of .docx files).

    InputError when `ours` is not a readable .docx at all. Anything of it that cannot be read or carried gives a
    result with `blocked` saying what: the caller leaves the draft as it is (a person's file is never half-merged)."""
    mine = Package.open(ours, "tệp đã sửa")
    new = Package.open(theirs, "bản mới do kehoach soạn")
    try:
        return _merge(base, mine, new)
    except CannotCarry as exc:
        return MergeResult(b"", blocked=exc.what)
    except (etree.XMLSyntaxError, ValueError, KeyError, IndexError, StopIteration, zlib.error) as exc:
        # A part of the person's file this merge cannot read (a damaged comments.xml, a numbering without ids):
        # said, and the draft left alone, rather than a traceback or a guess.
        return MergeResult(b"", blocked=f"một phần của tệp đã sửa không đọc được ({type(exc).__name__}: {exc})")


def _merge(base: Base, mine: Package, new: Package) -> MergeResult:
    s = Session(Side(base.pkg, "base") if base.pkg is not None else None, Side(mine, "ours"), Side(new, "theirs"),
                Carrier(mine, new))
    base_body = _body(base.pkg) if base.pkg is not None else None
    base_blocks = s.base.blocks(base_body) if s.base is not None else [
        Block("?", text, None, legacy=sig) for text, sig in base.legacy]
    ours_body, body = _body(mine), _body(new)
    ours_blocks, theirs_blocks = s.ours.blocks(ours_body), s.theirs.blocks(body)
    section = body.find(w("sectPr"))
    elements = merge_blocks(s, base_blocks, ours_blocks, theirs_blocks, DOCUMENT)
    for child in list(body):
        body.remove(child)
    for el in elements:
        body.append(el)
    if section is not None:
        body.append(section)
    merge_section(s, base_body, ours_body, body)
    merge_styles(s)
    for i, text in enumerate(s.notes):
        body.insert(i, marker(note(text)))
    _number_pictures(new)
    data = new.to_bytes()
    broken = problems(data)
    if broken:
        return MergeResult(b"", blocked="bản hợp nhất không mở được: " + "; ".join(broken[:5]))
    located = locate_events(body, s.events)
    return MergeResult(
        data,
        conflicts=[p for e, p in located if e.kind == CONFLICT],
        merged=[p for e, p in located if e.kind == MERGED],
        kept=[p for e, p in located if e.kind == KEPT],
        outer=s.outer, brought=dict(s.carrier.brought), notes=s.notes)


def _number_pictures(pkg: Package) -> None:
    """Every picture its own number (wp:docPr id): pictures from both files may share one, which Word rejects."""
    n = 0
    for name in [DOCUMENT, *pkg.related(DOCUMENT, "/header"), *pkg.related(DOCUMENT, "/footer")]:
        root = pkg.xml_or_none(name)
        for pr in root.iter(f"{_WP}docPr") if root is not None else ():
            n += 1
            pr.set("id", str(n))
