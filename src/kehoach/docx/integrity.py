"""Is a .docx whole? Checked before a merged draft replaces anything: Word and LibreOffice refuse to open a file
whose references point nowhere ("the source file could not be loaded").

    problems(data)  # [] when every part has a content type, every XML part parses, every relationship target
                    # exists, and every r:id, footnote, endnote, comment and list (numId) named resolves; no two
                    # bookmarks or pictures share a number

Problems are Vietnamese sentences naming the part and the reference.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from kehoach.docx.parts import CONTENT_TYPES, DOCUMENT, Package
from kehoach.errors import InputError

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_KINDS = {"footnoteReference": ("footnotes", "footnote", "chú thích cuối trang"),
          "endnoteReference": ("endnotes", "endnote", "chú thích cuối văn bản"),
          "commentReference": ("comments", "comment", "ghi chú"),
          "commentRangeStart": ("comments", "comment", "ghi chú"),
          "commentRangeEnd": ("comments", "comment", "ghi chú")}


def problems(data: bytes) -> list[str]:
    try:
        pkg = Package.open(data, "bản hợp nhất")
    except InputError as exc:
        return [p.message for p in exc.problems]
    found: list[str] = []
    xml: dict[str, Any] = {}
    for name in pkg.order:
        if name == CONTENT_TYPES or name.endswith("/"):
            continue
        if pkg.content_type(name) is None:
            found.append(f"{name} không có kiểu nội dung trong {CONTENT_TYPES}")
        if name.endswith((".xml", ".rels")):
            try:
                xml[name] = pkg.xml(name)
            except etree.XMLSyntaxError as exc:
                found.append(f"{name} không phải XML hợp lệ ({exc})")
    for name in pkg.overrides:
        if not pkg.has(name):
            found.append(f"{CONTENT_TYPES} khai báo {name} nhưng không có phần này")
    for name, root in xml.items():
        if name.endswith(".rels"):
            continue
        rels = pkg.rels(name)
        for rid, rel in rels.items.items():
            if not rel.external and not pkg.has(rel.target):
                found.append(f"liên kết {rid} của {name} trỏ tới {rel.target}, phần này không có")
        for node in root.iter():
            if not isinstance(node.tag, str):
                continue
            for attr, value in node.attrib.items():
                if attr.startswith(f"{{{_R}}}") and rels.get(value) is None:
                    found.append(f"{name} dùng liên kết {value} không có trong {name}.rels")
    found += _references(pkg)
    if not found:
        found += _opens(data)
    return found


def _opens(data: bytes) -> list[str]:
    """The package opens as Word's object model reads it (python-docx: package graph, main part, styles)."""
    try:
        document = open_docx(io.BytesIO(data))
        document.styles  # noqa: B018 - reading the styles part is part of opening
    except (PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError, etree.XMLSyntaxError) as exc:
        return [f"không mở được như văn bản Word ({type(exc).__name__}: {exc})"]
    return []


def _ids(pkg: Package, kind: str, tag: str) -> set[str]:
    root = pkg.xml_or_none(pkg.part_of(f"/{kind}"))
    return set() if root is None else {e.get(f"{{{_W}}}id", "") for e in root.iter(f"{{{_W}}}{tag}")}


def _references(pkg: Package) -> list[str]:
    found: list[str] = []
    known = {kind: _ids(pkg, kind, tag) for kind, tag, _ in _KINDS.values()}
    numbering = pkg.xml_or_none(pkg.part_of("/numbering"))
    nums = set() if numbering is None else {n.get(f"{{{_W}}}numId") for n in numbering.iter(f"{{{_W}}}num")}
    parts = [DOCUMENT, *(pkg.part_of(f"/{k}") for k in ("footnotes", "endnotes", "comments")),
             *pkg.related(DOCUMENT, "/header"), *pkg.related(DOCUMENT, "/footer")]
    for name in [p for p in parts if p]:
        root = pkg.xml_or_none(name)
        if root is None:
            continue
        bookmarks: dict[str, int] = {}
        for node in root.iter():
            if not isinstance(node.tag, str) or not node.tag.startswith(f"{{{_W}}}"):
                continue
            local = node.tag.rpartition("}")[2]
            value = node.get(f"{{{_W}}}id")
            if local in _KINDS and value not in known[_KINDS[local][0]]:
                found.append(f"{name}: {_KINDS[local][2]} số {value} không có")
            elif local == "numId" and node.get(f"{{{_W}}}val", "0") not in ("0", *nums):
                found.append(f"{name}: danh sách số {node.get(f'{{{_W}}}val')} không có trong numbering.xml")
            elif local == "bookmarkStart" and value is not None:
                bookmarks[value] = bookmarks.get(value, 0) + 1
        found += [f"{name}: hai dấu trang cùng số {k}" for k, n in bookmarks.items() if n > 1]
    drawings = [d.get("id") for n in parts if n and pkg.xml_or_none(n) is not None
                for d in pkg.xml(n).iter(f"{{{_WP}}}docPr")]
    if len(drawings) != len(set(drawings)):
        found.append("hai hình cùng số (wp:docPr id)")
    return found
