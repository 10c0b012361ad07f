"""A paragraph both sides changed, merged word by word (three-way, the same rules as for paragraphs).

Words, spaces and objects are paired by what they are; formatting is then merged token by token. Only changes that
overlap conflict: the parent's new date lands in a closing paragraph the person shortened elsewhere. A word the new
draft rewrote where the person changed only the formatting takes the person's formatting (the new date in bold, if
they had bolded the old one).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from lxml import etree

from kehoach.docx.effective import PARA_PROPS, Look, w
from kehoach.docx.restyle import copy_direct
from kehoach.workspace.merge.align import align, diff3
from kehoach.workspace.merge.reading import Block, Side
from kehoach.workspace.merge.session import Session
from kehoach.workspace.merge.tokens import _WORD, Tok

_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class _Item:
    tok: Tok
    side: Side  # where the token's content comes from
    run: Any | None = None  # the run whose properties it is written with (None: the token's own)
    run_side: Side | None = None


def merge_paragraph(s: Session, b: Block, o: Block, t: Block, dst: str) -> Any | None:
    """The merged paragraph (a new element), or None when the two sides' changes overlap."""
    pprs = _paragraph_props(s, b, o, t, dst)
    if pprs is None:
        return None
    # A block of an old record: its words, in a look unknown (None), taken to be the new draft's.
    base = b.toks if b.key is not None else [Tok(p, p, None) for p in _WORD.findall(b.text)]
    items = _tokens(s, base, o.toks, t.toks)
    if items is None:
        return None
    p = etree.Element(w("p"))
    if pprs is not None and len(pprs):
        p.append(pprs)
    _emit(s, p, items, o.part, t.part, dst)
    return p


def _alike(a: Look | None, b: Look | None) -> bool:
    return a is None or b is None or a.alike(b)


def _paragraph_props(s: Session, b: Block, o: Block, t: Block, dst: str) -> Any | None:
    """theirs' pPr with the properties only the person changed; None when both changed one differently."""
    known = b.key is not None
    mine = o.pfmt.changed(b.pfmt) if known else o.pfmt.changed(t.pfmt)
    if known and mine & t.pfmt.changed(b.pfmt) & o.pfmt.changed(t.pfmt):
        return None  # both changed a property, differently
    mine -= t.pfmt.changed(b.pfmt) if known else set()
    theirs_ppr = t.el.find(w("pPr"))
    result = copy.deepcopy(theirs_ppr) if theirs_ppr is not None else etree.Element(w("pPr"))
    if mine:
        ours_ppr = o.el.find(w("pPr"))
        source = s.take(s.ours, ours_ppr, o.part, dst) if ours_ppr is not None else None
        own = dict(o.pfmt.own)
        if own.get("style") != dict(t.pfmt.own).get("style"):
            mine.add("style")  # the person's look came with their choice of style
        for key in sorted(mine):
            copy_direct(result, source, key, PARA_PROPS)
    return result


def _tokens(s: Session, base: list[Tok], ours: list[Tok], theirs: list[Tok]) -> list[_Item] | None:
    def key(t: Tok) -> str:
        return t.key
    out: list[_Item] = []
    restyled: tuple[Any, Look | None] | None = None  # the person's run and the look it replaced, at the last word
    for c in diff3(len(base), len(ours), len(theirs), align(base, ours, [key]), align(base, theirs, [key])):
        bs, os_, ts = [base[k] for k in c.base], [ours[k] for k in c.ours], [theirs[k] for k in c.theirs]
        if c.paired:
            bt, ot, tt = bs[0], os_[0], ts[0]
            bf = bt.fmt if bt.fmt is not None else tt.fmt
            restyled = None
            if _alike(ot.fmt, bf) or _alike(ot.fmt, tt.fmt):
                out.append(_Item(tt, s.theirs))
            elif _alike(tt.fmt, bf):
                out.append(_Item(ot, s.ours))
                restyled = (ot.run, tt.fmt) if ot.run is not None and not ot.nodes else None
            else:
                return None
        elif not bs and not os_ and restyled and all(_alike(x.fmt, restyled[1]) and x.run is not None and not x.nodes
                                                     for x in ts):
            # Words the new draft inserted where the person had restyled the text: in the person's look.
            out += [_Item(x, s.theirs, restyled[0], s.ours) for x in ts]
        elif _same(bs, os_) or _same(os_, ts):
            out += [_Item(x, s.theirs) for x in ts]
        elif _same(bs, ts):
            out += [_Item(x, s.ours) for x in os_]
        elif (run := _restyled(bs, os_, ts)) is not None:
            out += [_Item(x, s.theirs, run, s.ours) for x in ts]  # the new words, as the person formatted the old
        elif (run := _restyled(bs, ts, os_)) is not None:
            out += [_Item(x, s.ours, run, s.theirs) for x in os_]
        else:
            return None
    return out


def _same(xs: list[Tok], ys: list[Tok]) -> bool:
    """Same words in a like look; a token of unknown look (old record) is not known to be the same."""
    return len(xs) == len(ys) and all(x.key == y.key and x.fmt is not None and y.fmt is not None and
                                      x.fmt.alike(y.fmt) for x, y in zip(xs, ys, strict=True))


def _restyled(base: list[Tok], restyled: list[Tok], rewritten: list[Tok]) -> Any | None:
    """The run to write `rewritten` with, when `restyled` is the base's words in one new look and `rewritten` the
    base's look with new words; None otherwise."""
    if not base or not rewritten or [x.key for x in base] != [x.key for x in restyled]:
        return None
    if any(x.run is None or x.nodes for x in restyled + rewritten):
        return None
    first = restyled[0].fmt
    if not all(_alike(x.fmt, first) for x in restyled) or not all(_alike(x.fmt, rewritten[0].fmt) for x in rewritten):
        return None
    known = [x.fmt for x in base if x.fmt is not None]
    if known and not all(_alike(x, known[0]) for x in known):
        return None
    if known and not _alike(known[0], rewritten[0].fmt):
        return None  # the new draft changed the look as well: both changed it
    if known and _alike(first, known[0]):
        return None  # not restyled at all
    return restyled[0].run


def _emit(s: Session, p: Any, items: list[_Item], ours_part: str, theirs_part: str, dst: str) -> None:
    run: Any | None = None
    source: Any | None = None
    text: Any | None = None
    for item in items:
        tok, part = item.tok, ours_part if item.side is s.ours else theirs_part
        if tok.nodes:
            for node in tok.nodes:
                p.append(s.take(item.side, node, part, dst))
            run = None
            continue
        props_run = item.run if item.run is not None else tok.run
        props_side = item.run_side if item.run_side is not None else item.side
        if run is None or props_run is not source:
            run = etree.SubElement(p, w("r"))
            source, text = props_run, None
            r_pr = props_run.find(w("rPr")) if props_run is not None else None
            if r_pr is not None:
                run.append(s.take(props_side, r_pr, ours_part if props_side is s.ours else theirs_part, dst))
        if tok.child is None:
            if text is None:
                text = etree.SubElement(run, w("t"))
                text.set(_SPACE, "preserve")
                text.text = ""
            text.text += tok.text
        else:
            run.append(s.take(item.side, tok.child, part, dst))
            text = None
