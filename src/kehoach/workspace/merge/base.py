"""The base of the next merge, kept in the record: the parts kehoach generated, as it generated them.

A merge compares the person's file and the new draft with what kehoach generated last: its body, headers, footers,
notes, page setup and styles. The record keeps those parts compressed (`goc` in the record); the parts every draft of
a template shares (styles, theme, numbering) are kept once per folder, named by their hash, in `.kehoach/goc/`.
Nothing is fingerprinted when a draft is written: the merge reads these parts when, and only when, it needs them.

Records of kehoach 0.2 and before kept, instead, each block's text and XML signature (`paragraphs`); they still
merge (see legacy.py), conservatively: what cannot be told apart counts as the person's edit.
"""

from __future__ import annotations

import base64
import hashlib
import io
import struct
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from kehoach.docx.parts import DOCUMENT, Package, rels_name
from kehoach.errors import InputError, Problem
from kehoach.files import write_atomic
from kehoach.inputs import once

KEY = "goc"
_SHARED = ("/styles", "/theme", "/numbering")
_OWN = ("/header", "/footer", "/footnotes", "/endnotes", "/comments")


@dataclass(frozen=True)
class Base:
    """What kehoach generated last: its parts (`pkg`), or for an old record the blocks' texts and signatures."""

    pkg: Package | None = None
    legacy: tuple[tuple[str, str], ...] = ()


def keep(generated: bytes, record_dir: Path, dry_run: bool = False,
         parts: dict[str, tuple[bytes, bytes]] | None = None) -> dict[str, str]:
    """The record's `goc` for a generated draft; shared parts are written to record_dir/goc/ (unless dry_run).

    `parts`: the draft's parts as the renderer wrote them, each with its raw deflate (render.LoadedTemplate.render_parts);
    given, the zip is not taken apart again nor its parts compressed a second time."""
    packed: dict[str, bytes] = {}
    if parts:
        entries = {name: raw for name, (raw, _deflated) in parts.items()}
        packed = {name: deflated for name, (_raw, deflated) in parts.items()}
    else:
        with zipfile.ZipFile(io.BytesIO(generated)) as z:
            entries = {info.filename: z.read(info) for info in z.infolist()}
    own, shared = _names(entries, bool(parts))
    kept: dict[str, str] = {n: "z:" + base64.b64encode(_zlib(entries[n], packed.get(n))).decode("ascii")
                            for n in own if n in entries}
    for name in shared:
        if name in entries:
            digest = _digest(entries[name]) if parts else hashlib.sha256(entries[name]).hexdigest()
            blob = record_dir / KEY / f"{digest}.z"
            if not dry_run:
                _stored(blob, entries[name])
            kept[name] = f"sha256:{digest}"
    return kept


def _stored(blob: Path, data: bytes) -> None:
    once.memo(("goc", str(blob)), lambda: _store(blob, data))


def _store(blob: Path, data: bytes) -> bool:
    """A shared part kept once per folder (asked once per build for each folder: inputs/once.py)."""
    if not blob.exists():
        write_atomic(blob, zlib.compress(data, 6))
    return True


def _names(entries: dict[str, bytes], reuse: bool) -> tuple[list[str], list[str]]:
    """(the draft's own parts, the parts its template shares), from its relationships. `reuse`: the relationships are
    a compiled template's stored part, the same object in every draft: read once."""
    rels = entries.get(rels_name(DOCUMENT))
    known = _relations.get(id(rels)) if reuse and rels is not None else None
    if known is not None and known[0] is rels:
        return known[1], known[2]
    pkg = Package(entries, "")
    own = [DOCUMENT, rels_name(DOCUMENT)]
    for suffix in _OWN:
        own += [n for n in pkg.related(DOCUMENT, suffix) if n in entries]
    shared = [name for suffix in _SHARED for name in pkg.related(DOCUMENT, suffix)]
    if reuse and rels is not None:
        if len(_relations) > 16:
            _relations.clear()
        _relations[id(rels)] = (rels, own, shared)
    return own, shared


_relations: dict[int, tuple[bytes, list[str], list[str]]] = {}
_digests: dict[int, tuple[bytes, str]] = {}  # a template's shared parts are the same bytes in every draft


def _digest(data: bytes) -> str:
    """sha256 of a part; the same object (a part a compiled template stores once) is hashed once."""
    known = _digests.get(id(data))
    if known is not None and known[0] is data:
        return known[1]
    if len(_digests) > 64:
        _digests.clear()
    digest = hashlib.sha256(data).hexdigest()
    _digests[id(data)] = (data, digest)
    return digest


def _zlib(data: bytes, deflated: bytes | None) -> bytes:
    """zlib's format of `data`: its raw deflate (as the zip holds it) between zlib's header and checksum (RFC 1950)."""
    if deflated is None:
        return zlib.compress(data, 6)
    return b"\x78\x9c" + deflated + struct.pack(">I", zlib.adler32(data))


def load(record: dict[str, Any], record_dir: Path) -> Base | None:
    """The base a record keeps; None when it keeps none that can be read (then no merge can be trusted)."""
    parts = record.get(KEY)
    if isinstance(parts, dict) and parts:
        pkg = _package(parts, record_dir)
        if pkg is not None:
            return Base(pkg)
    legacy = record.get("paragraphs")
    if isinstance(legacy, list) and legacy:
        try:
            return Base(legacy=tuple(_legacy_item(item) for item in legacy))
        except InputError:
            return None
    return None


def _package(parts: dict[str, Any], record_dir: Path) -> Package | None:
    entries: dict[str, bytes] = {}
    try:
        for name, value in parts.items():
            if not isinstance(value, str):
                return None
            if value.startswith("z:"):
                entries[name] = zlib.decompress(base64.b64decode(value[2:]))
            elif value.startswith("sha256:"):
                entries[name] = zlib.decompress((record_dir / KEY / f"{value[7:]}.z").read_bytes())
        pkg = Package(entries, "bản ghi")
        if DOCUMENT not in entries or pkg.xml(DOCUMENT).find(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body") is None:
            return None
        return pkg
    except (OSError, ValueError, zlib.error, etree.XMLSyntaxError):
        return None  # a shared part removed by hand, a record edited: no base


def _legacy_item(item: Any) -> tuple[str, str]:
    """A block of an old record: a text (0.1) or [text, signature] (0.2)."""
    if isinstance(item, str):
        return unicodedata.normalize("NFC", item), ""
    if isinstance(item, list | tuple) and len(item) == 2 and all(isinstance(x, str) for x in item):
        return unicodedata.normalize("NFC", item[0]), item[1]
    raise InputError([Problem(None, f"bản ghi có một đoạn không đọc được: {item!r}")])
