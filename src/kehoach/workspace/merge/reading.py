"""One side of a merge (the base kehoach generated, the person's file, the new draft) read as blocks.

A block is a top-level element of a body, a header or a table cell: a paragraph (its style, what its direct
formatting changes, its tokens), a table (its visible properties and its cells, each a list of blocks), or anything
else (compared by its text and canonical XML). Every block has a fingerprint of what a reader sees, `key`; a block
of an old record (kehoach 0.2 and before) only has its text and the signature of its XML then, `legacy`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from kehoach.docx.effective import Look, Props, Sheet, borders, canonical, w
from kehoach.docx.parts import DOCUMENT, Package
from kehoach.workspace.merge.tokens import Tok, digest, fmt_key, paragraph_tokens

_VAL = w("val")
_MM = 56.7  # twips per millimetre: table lengths compare to the millimetre (editors round them differently)


@dataclass(eq=False)
class Cell:
    el: Any
    props: Props
    blocks: list[Block]


@dataclass(eq=False)
class Row:
    el: Any
    props: Props
    cells: list[Cell]


@dataclass(eq=False)
class Table:
    props: Props
    rows: list[Row]

    def shape(self) -> list[list[tuple[str, str]]]:
        return [[(c.props.get("span", "1"), c.props.get("vmerge", "")) for c in row.cells] for row in self.rows]


@dataclass(eq=False)
class Block:
    kind: str  # "p", "tbl", or the local name of anything else ("sdt", "bookmarkStart" …)
    text: str
    key: str | None  # what a reader sees; None when unknown (a block of an old record)
    el: Any = None
    side: Side | None = None
    part: str = DOCUMENT
    pfmt: Look = field(default_factory=lambda: Look(()))
    toks: list[Tok] = field(default_factory=list)
    table: Table | None = None
    legacy: str | None = None  # the XML signature an old record kept


class Side:
    """A package and the lookups its blocks need: styles, notes and comments by content, link targets."""

    def __init__(self, pkg: Package, name: str):
        self.pkg = pkg
        self.name = name
        styles = pkg.xml_or_none(pkg.part_of("/styles"))
        theme = pkg.xml_or_none(pkg.part_of("/theme"))
        numbering = pkg.xml_or_none(pkg.part_of("/numbering"))
        self.sheet = Sheet(styles, theme, numbering)
        self._keys: dict[tuple[str, str | None], str] = {}
        self._bookmarks: dict[str, dict[str, str]] = {}

    # --- lookups by content (ids differ from one package to another) ------------------------------------------

    def note_key(self, kind: str, note_id: str | None) -> str:
        return self._content_key(kind, note_id)

    def comment_key(self, comment_id: str | None) -> str:
        return self._content_key("comments", comment_id)

    def _content_key(self, kind: str, item_id: str | None) -> str:
        if (kind, item_id) not in self._keys:
            self._keys[(kind, item_id)] = "?"  # a note that refers to itself must not loop
            found = self.item(kind, item_id)
            if found is None:
                self._keys[(kind, item_id)] = f"?{item_id}"
            else:
                part, el = found
                who = el.get(w("author"), "")
                self._keys[(kind, item_id)] = digest(who + "".join(b.key or b.text for b in self.blocks(el, part)))
        return self._keys[(kind, item_id)]

    def item(self, kind: str, item_id: str | None) -> tuple[str, Any] | None:
        """(part, element) of a footnote, endnote or comment by its id."""
        part = self.pkg.part_of(f"/{kind}")
        root = self.pkg.xml_or_none(part)
        if root is None or part is None:
            return None
        tag = {"footnotes": "footnote", "endnotes": "endnote", "comments": "comment"}[kind]
        el = next((e for e in root.iter(w(tag)) if e.get(w("id")) == item_id), None)
        return (part, el) if el is not None else None

    def link_key(self, part: str, rid: str) -> str:
        rel = self.pkg.rels(part).get(rid)
        if rel is None:
            return f"?{rid}"
        if rel.external:
            return f"url:{rel.target}"
        if not self.pkg.has(rel.target):
            return f"?{rel.target}"
        return f"part:{hashlib.blake2b(self.pkg.bytes_of(rel.target), digest_size=8).hexdigest()}"

    def bookmark_name(self, part: str, el: Any) -> str | None:
        if el.tag == w("bookmarkStart"):
            return el.get(w("name"))
        if part not in self._bookmarks:
            root = el.getroottree().getroot()
            self._bookmarks[part] = {b.get(w("id")): b.get(w("name")) for b in root.iter(w("bookmarkStart"))}
        return self._bookmarks[part].get(el.get(w("id")))

    # --- blocks ---------------------------------------------------------------------------------------------

    def blocks(self, container: Any, part: str = DOCUMENT) -> list[Block]:
        """The blocks of a body, header, footer, note, comment or table cell (not its section properties)."""
        found = []
        for el in container:
            if not isinstance(el.tag, str) or el.tag in (w("sectPr"), w("tcPr"), w("proofErr")):
                continue
            if el.tag == w("p"):
                found.append(self.paragraph(el, part))
            elif el.tag == w("tbl"):
                found.append(self._table(el, part))
            else:
                text = "\n".join(self.paragraph(p, part).text for p in el.iter(w("p")))
                found.append(Block(el.tag.rpartition("}")[2], text, digest(canonical(el) + text), el, self, part))
        return found

    def paragraph(self, p: Any, part: str = DOCUMENT) -> Block:
        p_pr = p.find(w("pPr"))
        pfmt = self.sheet.paragraph(p_pr)
        section = p_pr.find(w("sectPr")) if p_pr is not None else None
        if section is not None:  # a section break the person inserted: seen, and their own
            mark = (("section", canonical(section)),)
            pfmt = Look(pfmt.seen + mark, pfmt.own + mark)
        toks = paragraph_tokens(self, p, part, dict(pfmt.own)["style"])
        text = "".join(t.text for t in toks)
        key = digest(pfmt.key() + "\x1d" + "\x1f".join(f"{t.key}\x1e{t.fmt.key() if t.fmt else ''}" for t in toks))
        return Block("p", text, key, p, self, part, pfmt, toks)

    def _table(self, tbl: Any, part: str) -> Block:
        rows = []
        for tr in tbl.iterchildren(w("tr")):
            cells = [Cell(tc, _cell_props(tc), self.blocks(tc, part)) for tc in tr.iterchildren(w("tc"))]
            rows.append(Row(tr, _row_props(tr), cells))
        table = Table(self._table_props(tbl), rows)
        text = " || ".join(" | ".join("\n".join(b.text for b in c.blocks) for c in r.cells) for r in rows)
        inner = "".join(fmt_key(r.props) + "".join(fmt_key(c.props) + "".join(b.key or "" for b in c.blocks)
                                                    for c in r.cells) for r in rows)
        return Block("tbl", text, digest(fmt_key(table.props) + inner), tbl, self, part, table=table)

    def _table_props(self, tbl: Any) -> Props:
        pr = tbl.find(w("tblPr"))
        style_el = pr.find(w("tblStyle")) if pr is not None else None
        style = style_el.get(_VAL) if style_el is not None else (self.sheet.default_table or "")
        levels = [x for x in [pr, *self.sheet.chain(style, "tblPr")] if x is not None]

        def first(tag: str) -> Any | None:
            return next((lv.find(w(tag)) for lv in levels if lv.find(w(tag)) is not None), None)

        jc, ind, layout = first("jc"), first("tblInd"), first("tblLayout")
        margins = {"top": "0", "left": "108", "bottom": "0", "right": "108"}  # Word's defaults, in twips
        for level in reversed(levels):
            mar = level.find(w("tblCellMar"))
            for side in mar if mar is not None else ():
                if isinstance(side.tag, str):
                    name = {"start": "left", "end": "right"}.get(side.tag.rpartition("}")[2], side.tag.rpartition("}")[2])
                    margins[name] = side.get(w("w"), "0")
        grid = tbl.find(w("tblGrid"))
        widths = [_mm(c.get(w("w"))) for c in grid.iterchildren(w("gridCol"))] if grid is not None else []
        return {
            "style": style,
            "jc": {"start": "left", "end": "right"}.get(jc.get(_VAL, ""), jc.get(_VAL, "")) if jc is not None else "left",
            "ind": _mm(ind.get(w("w"))) if ind is not None else "0",
            "layout": layout.get(w("type"), "") if layout is not None else "autofit",
            "borders": borders(first("tblBorders")),
            "margins": ",".join(_mm(margins[s]) for s in ("top", "left", "bottom", "right")),
            "grid": ",".join(widths),
        }


def alike(a: Block, b: Block) -> bool:
    """Do two blocks look the same to a reader (docx/effective.py's Look.alike, token by token, cell by cell)?"""
    if a.key is not None and a.key == b.key:
        return True
    if a.kind != b.kind or a.text != b.text or a.key is None or b.key is None:
        return False
    if a.kind == "p":
        return a.pfmt.alike(b.pfmt) and len(a.toks) == len(b.toks) and all(
            x.key == y.key and (x.fmt is None or y.fmt is None or x.fmt.alike(y.fmt))
            for x, y in zip(a.toks, b.toks, strict=True))
    if a.kind == "tbl" and a.table is not None and b.table is not None:
        ta, tb = a.table, b.table
        return ta.props == tb.props and ta.shape() == tb.shape() and all(
            ra.props == rb.props and all(ca.props == cb.props and alike_all(ca.blocks, cb.blocks)
                                         for ca, cb in zip(ra.cells, rb.cells, strict=True))
            for ra, rb in zip(ta.rows, tb.rows, strict=True))
    return False


def alike_all(xs: list[Block], ys: list[Block]) -> bool:
    return len(xs) == len(ys) and all(alike(x, y) for x, y in zip(xs, ys, strict=True))


def _mm(value: str | None) -> str:
    try:
        return str(round(float(value or 0) / _MM))
    except ValueError:
        return "0"


def _row_props(tr: Any) -> Props:
    pr = tr.find(w("trPr"))
    props: Props = {}
    if pr is not None:
        height = pr.find(w("trHeight"))
        if height is not None:
            props["height"] = f"{_mm(height.get(_VAL))}{height.get(w('hRule'), '')}"
        for tag in ("tblHeader", "cantSplit"):
            el = pr.find(w(tag))
            if el is not None and el.get(_VAL, "1") not in ("0", "false", "off"):
                props[tag] = "1"
    return props


def _cell_props(tc: Any) -> Props:
    pr = tc.find(w("tcPr"))
    props: Props = {}
    if pr is None:
        return props
    span = pr.find(w("gridSpan"))
    if span is not None and span.get(_VAL, "1") != "1":
        props["span"] = span.get(_VAL, "1")
    merge = pr.find(w("vMerge"))
    if merge is not None:
        props["vmerge"] = merge.get(_VAL, "continue")
    shd = pr.find(w("shd"))
    if shd is not None and (shd.get(w("fill")) or "auto").upper() not in ("AUTO", "FFFFFF"):
        props["shd"] = (shd.get(w("fill")) or "").upper()
    align = pr.find(w("vAlign"))
    if align is not None and align.get(_VAL, "top") != "top":
        props["valign"] = align.get(_VAL, "")
    lines = borders(pr.find(w("tcBorders")))
    if lines:
        props["borders"] = lines
    return props
