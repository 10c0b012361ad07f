"""A paragraph as the reader meets it: words, spaces and objects, each with the formatting it is seen in.

Tokens are what the merge compares inside a paragraph (a three-way merge at the word level) and what it writes
back: a text token carries the run whose formatting it has, an object (a picture, a footnote or comment mark, a
field, a hyperlink, a tracked change) carries the elements it is copied from whole.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Protocol

from kehoach.docx.effective import Look, Sheet, canonical, w


class Side(Protocol):
    """What tokens need of the package they come from (reading.Side)."""

    sheet: Sheet

    def note_key(self, kind: str, note_id: str | None) -> str: ...
    def comment_key(self, comment_id: str | None) -> str: ...
    def link_key(self, part: str, rid: str) -> str: ...
    def bookmark_name(self, part: str, el: Any) -> str | None: ...

_WORD = re.compile(r"\w+|\s+|[^\w\s]")
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_VAL = w("val")
_EMU_PER_MM = 36000

# Written by editors on every save, seen by nobody: proofing marks, the last rendered page break, permissions.
NOISE = {w(n) for n in ("proofErr", "lastRenderedPageBreak", "permStart", "permEnd", "pPr", "rPr")}
_CHARS = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}
_NOTES = {w("footnoteReference"): "footnotes", w("endnoteReference"): "endnotes"}
_HIDDEN_BOOKMARK = "_GoBack"  # where Word put the cursor: renamed, moved and re-added on every save


@dataclass(eq=False)
class Tok:
    key: str  # what the diff compares: a word, a space, "\t", or "\x00…" for an object
    text: str  # what it shows ("" for marks and fields)
    fmt: Look | None  # how it looks (None: unknown, a token of an old record)
    run: Any | None = None  # text and run objects: the run whose properties it is written with
    child: Any | None = None  # a run child copied as it is (w:tab, w:drawing, w:footnoteReference …)
    nodes: tuple[Any, ...] = ()  # paragraph-level objects: the elements copied whole


PLAIN = Look(())  # objects: their look is part of their key


def fmt_key(props: dict[str, str]) -> str:
    return ";".join(f"{k}={v}" for k, v in sorted(props.items()))


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _Tokens:
    """Collects a paragraph's tokens; text of neighbouring runs that look the same is split into words as one text
    (editors split runs anywhere: "HO" + "ẠCH" is one word)."""

    def __init__(self) -> None:
        self.toks: list[Tok] = []
        self._text = ""
        self._fmt: Look = PLAIN
        self._run: Any = None

    def text(self, text: str, fmt: Look, run: Any) -> None:
        if self._text and fmt != self._fmt:
            self.flush()
        if not self._text:
            self._fmt, self._run = fmt, run
        self._text += text

    def add(self, tok: Tok) -> None:
        self.flush()
        self.toks.append(tok)

    def flush(self) -> None:
        for piece in _WORD.findall(unicodedata.normalize("NFC", self._text)):
            self.toks.append(Tok(piece, piece, self._fmt, self._run))
        self._text = ""


def paragraph_tokens(side: Side, p: Any, part: str, style: str) -> list[Tok]:
    out = _Tokens()
    _children_tokens(side, [c for c in p if isinstance(c.tag, str) and c.tag not in NOISE], part, style, out)
    out.flush()
    return out.toks


def _children_tokens(side: Side, children: list[Any], part: str, style: str, out: _Tokens) -> None:
    i = 0
    while i < len(children):
        child = children[i]
        tag = child.tag
        if tag == w("r") and _field_char(child) == "begin":
            end = _field_end(children, i)
            group = tuple(children[i:end + 1])
            out.add(Tok(f"\x00field:{_instruction(group)}", "", PLAIN, nodes=group))
            i = end + 1
            continue
        if tag == w("r"):
            _run_tokens(side, child, part, style, out)
        elif tag in (w("bookmarkStart"), w("bookmarkEnd")):
            name = side.bookmark_name(part, child)
            if name and name != _HIDDEN_BOOKMARK:
                out.add(Tok(f"\x00{_local(tag)}:{name}", "", PLAIN, nodes=(child,)))
        elif tag in (w("commentRangeStart"), w("commentRangeEnd")):
            out.add(Tok(f"\x00{_local(tag)}:{side.comment_key(child.get(w('id')))}", "", PLAIN, nodes=(child,)))
        else:
            inner = _Tokens()
            _children_tokens(side, [c for c in child if isinstance(c.tag, str) and c.tag not in NOISE], part, style,
                             inner)
            inner.flush()
            shown = "" if tag in (w("del"), w("moveFrom")) else "".join(t.text for t in inner.toks)
            keys = "".join(t.key + "~" + (t.fmt.key() if t.fmt else "") for t in inner.toks)
            out.add(Tok(f"\x00{_local(tag)}:{_attributes(side, part, child)}[{keys}]", shown, PLAIN, nodes=(child,)))
        i += 1


def _run_tokens(side: Side, r: Any, part: str, style: str, out: _Tokens) -> None:
    fmt = side.sheet.run(r.find(w("rPr")), style)
    for child in r:
        tag = child.tag
        if not isinstance(tag, str) or tag in NOISE:
            continue
        if tag in (w("t"), w("delText")):
            out.text(child.text or "", fmt, r)
        elif tag in _CHARS and not (tag == w("br") and child.get(w("type")) in ("page", "column")):
            out.add(Tok(_CHARS[tag], _CHARS[tag], fmt, r, child))
        elif tag in _NOTES:
            key = side.note_key(_NOTES[tag], child.get(w("id")))
            out.add(Tok(f"\x00{_NOTES[tag]}:{key}", "", fmt, r, child))
        elif tag == w("commentReference"):
            out.add(Tok(f"\x00commentReference:{side.comment_key(child.get(w('id')))}", "", fmt, r, child))
        elif tag in (w("drawing"), w("pict"), w("object")):
            out.add(Tok(f"\x00{_local(tag)}:{_picture_key(side, part, child)}", "", fmt, r, child))
        else:
            out.add(Tok(f"\x00{_local(tag)}:{_attributes(side, part, child)}", "", fmt, r, child))


def _field_char(r: Any) -> str | None:
    found = r.find(w("fldChar"))
    return found.get(w("fldCharType")) if found is not None else None


def _field_end(children: list[Any], start: int) -> int:
    depth = 0
    for k in range(start, len(children)):
        if children[k].tag != w("r"):
            continue
        for fld in children[k].iter(w("fldChar")):
            kind = fld.get(w("fldCharType"))
            depth += 1 if kind == "begin" else -1 if kind == "end" else 0
        if depth <= 0:
            return k
    return len(children) - 1


def _instruction(runs: tuple[Any, ...]) -> str:
    # The field's code, not its result: PAGE shows 2 in one editor and nothing in another.
    text = "".join(t.text or "" for r in runs for t in r.iter(w("instrText")))
    return " ".join(text.upper().split())


def _attributes(side: Side, part: str, el: Any) -> str:
    """An object's attributes as its identity: links by their target, ids and revision dates left out."""
    found = []
    for name, value in sorted(el.attrib.items()):
        local = _local(name)
        if name.startswith(f"{{{_R}}}"):
            found.append(f"{local}={side.link_key(part, value)}")
        elif local in ("id", "date") or local.startswith(("rsid", "paraId", "textId")):
            continue
        elif local == "instr":
            found.append(f"instr={' '.join(value.upper().split())}")
        else:
            found.append(f"{local}={value}")
    inner = [canonical(c) for c in el if isinstance(c.tag, str) and c.tag.endswith("Pr")]
    return ",".join(found) + "".join(inner)


def _picture_key(side: Side, part: str, el: Any) -> str:
    """A picture is its image bytes and its size on the page (to 0.1 mm), not its ids or the XML around it."""
    targets = sorted(side.link_key(part, value) for node in el.iter() if isinstance(node.tag, str)
                     for name, value in node.attrib.items() if name.startswith(f"{{{_R}}}"))
    extent = next(el.iter(f"{{{_WP}}}extent"), None)
    size = ""
    if extent is not None:
        try:
            size = f"{round(int(extent.get('cx', '0')) / 3600)}x{round(int(extent.get('cy', '0')) / 3600)}"
        except ValueError:
            size = ""
    return f"{','.join(targets)}@{size}"
