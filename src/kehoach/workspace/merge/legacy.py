"""Reading the records of kehoach 0.2 and before: they kept each generated block's text and a signature of its XML.

A block of such a record is unchanged in the person's file when the text and this signature are both the same;
the signature is computed here exactly as those versions did (Word's bookkeeping left out, nothing resolved).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from typing import Any

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_PIECE_TEXT = {_w("tab"): "\t", _w("br"): "\n", _w("cr"): "\n", _w("noBreakHyphen"): "-"}
# What Word adds or renumbers on every save without the person changing anything they can see.
_NOISE_TAGS = {_w(n) for n in ("proofErr", "bookmarkStart", "bookmarkEnd", "lastRenderedPageBreak", "noProof", "lang")}
_NOISE_NAMESPACES = ("http://schemas.microsoft.com/office/word/2010/wordml",
                     "http://schemas.microsoft.com/office/word/2012/wordml")
_TOGGLES = {"true": "1", "on": "1", "false": "0", "off": "0"}


def _canonical(el: Any, out: list[Any]) -> None:
    """Tokens of el's content: structure and properties as strings, runs as [properties, content].

    Adjacent runs with the same properties are joined, because Word splits runs on every save (revision ids)."""
    for child in el:
        if not isinstance(child.tag, str) or child.tag in _NOISE_TAGS:
            continue
        if child.tag == _w("r"):
            props, content = "", []
            for part in child:
                if not isinstance(part.tag, str) or part.tag in _NOISE_TAGS:
                    continue
                if part.tag == _w("rPr"):
                    props = "".join(_flat(part))
                elif part.tag in (_w("t"), _w("delText"), _w("instrText")):
                    content.append(_nfc(part.text or ""))
                else:
                    content.append(_PIECE_TEXT.get(part.tag) or "".join(_flat(part)))
            if out and isinstance(out[-1], list) and out[-1][0] == props:
                out[-1][1] += "".join(content)
            else:
                out.append([props, "".join(content)])
        elif child.tag.endswith("Pr"):
            out.append("".join(_flat(child)))
        else:
            out.append(_open_tag(child))
            _canonical(child, out)
            out.append("/")


def _local(name: str) -> str:
    return name.rpartition("}")[2]


_NOISE_PREFIXES = tuple(f"{{{ns}}}" for ns in _NOISE_NAMESPACES)
_W_ID = _w("id")


def _open_tag(el: Any) -> str:
    # Called for every element of every draft a build records: plain string work, no QName objects.
    attrs = []
    for name, value in sorted(el.attrib.items()):
        local = _local(name)
        if local.startswith("rsid") or name.startswith(_NOISE_PREFIXES):
            continue
        if name == _W_ID:  # revision, comment and bookmark ids are renumbered by Word on save
            continue
        attrs.append(f"{local}={_TOGGLES.get(value, value)}")
    return f"<{_local(el.tag)} {' '.join(attrs)}>"


def _flat(el: Any) -> Iterator[str]:
    yield _open_tag(el)
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _NOISE_TAGS:
            yield from _flat(child)
    if el.text and el.text.strip():
        yield _nfc(el.text)
    yield "/"


def legacy_sig(el: Any) -> str:
    tokens: list[Any] = [_open_tag(el)]
    _canonical(el, tokens)
    flat = "\x1f".join(t if isinstance(t, str) else f"{t[0]}\x1e{t[1]}" for t in tokens)
    return hashlib.blake2b(flat.encode("utf-8"), digest_size=8).hexdigest()
