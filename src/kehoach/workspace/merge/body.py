"""Merging lists of blocks (a body, a header, a table cell): diff3 over blocks, then inside each block both sides
changed — word by word in a paragraph, cell by cell in a table of the same shape.

A block only the person changed is theirs; one only the new draft changed is the new one; one both changed the same
way is taken once; otherwise the merge goes inside it, and only changes that overlap there are a conflict, marked.
"""

from __future__ import annotations

from typing import Any

from kehoach.docx.effective import Props, w
from kehoach.workspace.merge.align import align, diff3, word_likeness
from kehoach.workspace.merge.reading import Block, Cell, alike_all
from kehoach.workspace.merge.session import KEPT, MERGED, Session
from kehoach.workspace.merge.words import merge_paragraph

_LEVELS = [lambda b: (b.text, b.key), lambda b: b.text]


def _similar(a: Block, b: Block) -> float:
    if a.kind != b.kind and "?" not in (a.kind, b.kind):
        return 0.0
    return word_likeness(a.text, b.text)


def merge_blocks(s: Session, base: list[Block], ours: list[Block], theirs: list[Block], dst: str) -> list[Any]:
    """The merged elements, in order (the new draft's own elements are reused, the person's adopted)."""
    out: list[Any] = []
    pairs_o, pairs_t = align(base, ours, _LEVELS, _similar), align(base, theirs, _LEVELS, _similar)
    for c in diff3(len(base), len(ours), len(theirs), pairs_o, pairs_t):
        bs, os_, ts = [base[k] for k in c.base], [ours[k] for k in c.ours], [theirs[k] for k in c.theirs]
        if c.paired:
            out += _one(s, bs[0], os_[0], ts[0], dst)
        elif _all(s, bs, os_, s.ours) or _equal(os_, ts):
            out += [s.take(s.theirs, t.el, t.part, dst, whole=True) for t in ts]
        elif _all(s, bs, ts, s.theirs):
            taken = [s.take(s.ours, o.el, o.part, dst) for o in os_]
            s.event(KEPT, taken[0] if taken else None, bs, os_, ts)
            out += taken
        else:
            out += s.conflict(bs, os_, ts, dst)
    return out


def _one(s: Session, b: Block, o: Block, t: Block, dst: str) -> list[Any]:
    if s.unchanged(b, o, s.ours) or _equal([o], [t]):
        return [s.take(s.theirs, t.el, t.part, dst, whole=True)]
    if s.unchanged(b, t, s.theirs):
        taken = s.take(s.ours, o.el, o.part, dst)
        s.event(KEPT, taken, [b], [o], [t])
        return [taken]
    merged, events = None, len(s.events)
    if o.kind == t.kind == "p" and b.kind in ("p", "?"):
        merged = merge_paragraph(s, b, o, t, dst)
    elif o.kind == t.kind == "tbl" and b.table is not None:
        merged = merge_table(s, b, o, t, dst)
    if merged is None:
        return s.conflict([b], [o], [t], dst)
    if len(s.events) == events:  # a table reports its cells' places itself
        s.event(MERGED, merged, [b], [o], [t])
    return [merged]


def _all(s: Session, base: list[Block], other: list[Block], side: Any) -> bool:
    return len(base) == len(other) and all(s.unchanged(b, x, side) for b, x in zip(base, other, strict=True))


def _equal(xs: list[Block], ys: list[Block]) -> bool:
    return alike_all(xs, ys)


# --- tables -----------------------------------------------------------------------------------------------------


def merge_table(s: Session, b: Block, o: Block, t: Block, dst: str) -> Any | None:
    """Theirs' table with, cell by cell, what the person changed; None when the shapes differ or both sides
    changed the look of the table, a row or a cell (checked before anything is changed)."""
    bt, ot, tt = b.table, o.table, t.table
    assert bt is not None and ot is not None and tt is not None
    if not (bt.shape() == ot.shape() == tt.shape()):
        return None
    table_mine = _three_way(bt.props, ot.props, tt.props)
    rows = list(zip(bt.rows, ot.rows, tt.rows, strict=True))
    row_mine = [_three_way(br.props, orow.props, trow.props) for br, orow, trow in rows]
    cell_mine = [[_three_way(bc.props, oc.props, tc.props) for bc, oc, tc in zip(*(r.cells for r in row), strict=True)]
                 for row in rows]
    if table_mine is None or None in row_mine or any(None in cells for cells in cell_mine):
        return None
    table = t.el
    if table_mine:  # the person changed the table's look (widths, borders, alignment): their tblPr and grid
        for tag in ("tblPr", "tblGrid"):
            _replace(s, table, o.el, tag, o.part, dst)
    for (brow, orow, trow), mine_row, mine_cells in zip(rows, row_mine, cell_mine, strict=True):
        if mine_row:
            _replace(s, trow.el, orow.el, "trPr", o.part, dst)
        for bc, oc, tc, mine_cell in zip(brow.cells, orow.cells, trow.cells, mine_cells, strict=True):
            if mine_cell:
                _replace(s, tc.el, oc.el, "tcPr", o.part, dst)
            _merge_cell(s, bc, oc, tc, dst)
    return table


def _merge_cell(s: Session, bc: Cell, oc: Cell, tc: Cell, dst: str) -> None:
    merged = merge_blocks(s, bc.blocks, oc.blocks, tc.blocks, dst)
    for child in [c for c in tc.el if c.tag != w("tcPr")]:
        tc.el.remove(child)
    for el in merged:
        tc.el.append(el)


def _replace(s: Session, new_parent: Any, mine_parent: Any, tag: str, part: str, dst: str) -> None:
    """new_parent's `tag` child becomes a copy of mine_parent's (same place; first child when it had none)."""
    mine, new = mine_parent.find(w(tag)), new_parent.find(w(tag))
    taken = s.take(s.ours, mine, part, dst) if mine is not None else None
    if new is not None:
        if taken is not None:
            new.addprevious(taken)
        new_parent.remove(new)
    elif taken is not None:
        new_parent.insert(0 if tag != "tblGrid" else 1, taken)


def _three_way(b: Props, o: Props, t: Props) -> list[str] | None:
    """Keys only the person changed; None when both sides changed something of it (the same property or not:
    the element is taken whole from one side)."""
    mine, theirs = [], []
    for key in set(b) | set(o) | set(t):
        bv, ov, tv = b.get(key, ""), o.get(key, ""), t.get(key, "")
        if ov == tv:
            continue
        if ov != bv:
            mine.append(key)
        if tv != bv:
            theirs.append(key)
    return None if mine and theirs else mine
