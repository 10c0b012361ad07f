"""A .docx package as parts: read, edit (parts, relationships, content types) and write back in the same order.

    pkg = Package.open(data, "tệp đã sửa")      # InputError naming the file when it is not a readable .docx
    root = pkg.xml("word/document.xml")         # parsed once, edited in place, written back by to_bytes()
    pkg.rels("word/document.xml").get("rId4")   # Rel(type, target part or URL, external)

Part names are zip names without a leading "/" ("word/media/image1.png"); relationship targets are resolved
against the folder of their source part (ECMA-376 Part 2, §9.3).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from lxml import etree

from kehoach.errors import InputError, Problem

FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # same inputs, same bytes: no zip timestamps of the day (compiled.py too)
CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT = "word/document.xml"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class Rel:
    """One relationship of a part's .rels: its type, its target, whether the target is outside the package."""

    type: str  # the full relationship type URI
    target: str  # a part name, or the URL of an external target
    external: bool


def rels_name(part: str) -> str:
    """word/document.xml -> word/_rels/document.xml.rels"""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target)).lstrip("/")


def _relative(source: str, part: str) -> str:
    return posixpath.relpath(part, posixpath.dirname(source) or ".")


def parser() -> etree.XMLParser:
    # One per call: lxml parsers are not thread-safe; no entities, no network (the file is the user's).
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class Rels:
    """The relationships of one part; edits are written back by Package.to_bytes()."""

    def __init__(self, source: str, root: Any | None):
        self.source = source
        self.root = root if root is not None else etree.Element(f"{{{_REL_NS}}}Relationships", nsmap={None: _REL_NS})
        self.items: dict[str, Rel] = {}
        for r in self.root.iter(f"{{{_REL_NS}}}Relationship"):
            external = r.get("TargetMode") == "External"
            target = r.get("Target") or ""
            self.items[r.get("Id") or ""] = Rel(r.get("Type") or "", target if external else _resolve(source, target),
                                               external)
        self.changed = False

    def get(self, rid: str | None) -> Rel | None:
        return self.items.get(rid or "")

    def of_type(self, suffix: str) -> list[tuple[str, Rel]]:
        return [(rid, rel) for rid, rel in self.items.items() if rel.type.endswith(suffix)]

    def add(self, rel: Rel) -> str:
        """The id of an equal relationship, or of a new one."""
        for rid, known in self.items.items():
            if known == rel:
                return rid
        n = len(self.items) + 1
        while f"rId{n}" in self.items:
            n += 1
        rid = f"rId{n}"
        el = etree.SubElement(self.root, f"{{{_REL_NS}}}Relationship")
        el.set("Id", rid)
        el.set("Type", rel.type)
        el.set("Target", rel.target if rel.external else _relative(self.source, rel.target))
        if rel.external:
            el.set("TargetMode", "External")
        self.items[rid] = rel
        self.changed = True
        return rid

    def remove(self, rid: str) -> None:
        for el in list(self.root.iter(f"{{{_REL_NS}}}Relationship")):
            if el.get("Id") == rid:
                self.root.remove(el)
        self.items.pop(rid, None)
        self.changed = True


class Package:
    """Every part of a .docx in memory; XML parts are parsed on first use and serialised again if they were."""

    def __init__(self, entries: dict[str, bytes], label: str):
        self.label = label
        self.order = list(entries)
        self.raw = entries
        self._xml: dict[str, Any] = {}
        self._rels: dict[str, Rels] = {}
        types = self.xml(CONTENT_TYPES) if CONTENT_TYPES in entries else None
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        if types is not None:
            for el in types:
                if el.tag == f"{{{_CT_NS}}}Default":
                    self.defaults[(el.get("Extension") or "").lower()] = el.get("ContentType") or ""
                elif el.tag == f"{{{_CT_NS}}}Override":
                    self.overrides[(el.get("PartName") or "").lstrip("/")] = el.get("ContentType") or ""
        self._types_changed = False

    @classmethod
    def open(cls, data: bytes, label: str) -> Package:
        """Read every entry; a broken zip or a missing document part is the user's file, so an InputError."""
        def fail(why: str) -> InputError:
            return InputError([Problem(None, f"{label} không mở được như .docx: {why}")])
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                entries = {info.filename: z.read(info) for info in z.infolist() if not info.is_dir()}
        except zipfile.BadZipFile:
            raise fail("không phải tệp nén zip (tệp hỏng, hoặc được đặt mật khẩu)") from None
        except (zlib.error, EOFError, ValueError, RuntimeError, NotImplementedError) as exc:
            raise fail(f"tệp nén bị hỏng ({exc})") from None
        if DOCUMENT not in entries:
            raise fail(f"thiếu {DOCUMENT}")
        pkg = cls(entries, label)
        try:
            root = pkg.xml(DOCUMENT)
        except etree.XMLSyntaxError as exc:
            raise fail(f"{DOCUMENT} hỏng ({exc})") from None
        if root.find(f"{{{OFFICE_W}}}body") is None:
            raise fail(f"{DOCUMENT} không có phần thân (w:body)")
        return pkg

    # --- parts ---------------------------------------------------------------------------------------------------

    def has(self, name: str) -> bool:
        return name in self.raw or name in self._xml

    def xml(self, name: str) -> Any:
        """The parsed part (edited in place); XMLSyntaxError when it is not XML."""
        if name not in self._xml:
            self._xml[name] = etree.fromstring(self.raw[name], parser())
        return self._xml[name]

    def xml_or_none(self, name: str | None) -> Any | None:
        if name is None or not self.has(name):
            return None
        try:
            return self.xml(name)
        except etree.XMLSyntaxError:
            return None

    def content_type(self, name: str) -> str | None:
        if name in self.overrides:
            return self.overrides[name]
        return self.defaults.get(name.rpartition("/")[2].rpartition(".")[2].lower())

    def put(self, name: str, data: bytes | Any, content_type: str | None) -> None:
        """Add or replace a part (bytes, or an lxml root to serialise), registering its content type."""
        if name not in self.order:
            self.order.append(name)
        if isinstance(data, bytes):
            self.raw[name] = data
            self._xml.pop(name, None)
        else:
            self._xml[name] = data
            self.raw.setdefault(name, b"")
        if content_type and self.content_type(name) != content_type:
            self.overrides[name] = content_type
            self._types_changed = True

    def free_name(self, wanted: str) -> str:
        if not self.has(wanted):
            return wanted
        stem, ext = posixpath.splitext(wanted)
        n = 2
        while self.has(f"{stem}_{n}{ext}"):
            n += 1
        return f"{stem}_{n}{ext}"

    def bytes_of(self, name: str) -> bytes:
        if name in self._xml:
            return etree.tostring(self._xml[name], xml_declaration=True, encoding="UTF-8", standalone=True)
        return self.raw[name]

    # --- relationships ------------------------------------------------------------------------------------------

    def rels(self, source: str) -> Rels:
        if source not in self._rels:
            name = rels_name(source)
            root = None
            if self.has(name):
                try:
                    root = self.xml(name)
                except etree.XMLSyntaxError:
                    root = None
            self._rels[source] = Rels(source, root)
        return self._rels[source]

    def related(self, source: str, suffix: str) -> list[str]:
        """Internal targets of `source`'s relationships whose type ends with `suffix` ("/header", "/styles" …)."""
        return [rel.target for _rid, rel in self.rels(source).of_type(suffix) if not rel.external]

    def part_of(self, suffix: str, source: str = DOCUMENT) -> str | None:
        found = [name for name in self.related(source, suffix) if self.has(name)]
        return found[0] if found else None

    # --- writing ------------------------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The package, entries in their first order (new ones last), fixed timestamps: same edits, same bytes."""
        for source, rels in self._rels.items():
            if rels.changed:
                self.put(rels_name(source), rels.root, "application/vnd.openxmlformats-package.relationships+xml")
        if self._types_changed:
            self._write_types()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for name in self.order:
                info = zipfile.ZipInfo(name, FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                dst.writestr(info, self.bytes_of(name))
        return out.getvalue()

    def _write_types(self) -> None:
        root = etree.Element(f"{{{_CT_NS}}}Types", nsmap={None: _CT_NS})
        for ext, kind in self.defaults.items():
            etree.SubElement(root, f"{{{_CT_NS}}}Default", Extension=ext, ContentType=kind)
        for name, kind in self.overrides.items():
            etree.SubElement(root, f"{{{_CT_NS}}}Override", PartName=f"/{name}", ContentType=kind)
        self._xml[CONTENT_TYPES] = root
        if CONTENT_TYPES not in self.order:
            self.order.insert(0, CONTENT_TYPES)

    def add_default_type(self, ext: str, kind: str) -> None:
        if ext.lower() not in self.defaults:
            self.defaults[ext.lower()] = kind
            self._types_changed = True


OFFICE_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
