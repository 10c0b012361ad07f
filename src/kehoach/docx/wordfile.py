"""A Word package opened for reading the way python-docx opens it, as plain lxml trees, without its object model.

python-docx makes an object of every part and gives every element a Python class of its own; the reader needs five
things of a package (the document, the styles, the first section, the parts the document points to, the themes) and
walks hundreds of thousands of elements, each slower through a custom class. Opening a draft with python-docx was a
third of what kiemtra spent on it. This module opens a package as python-docx 1.2 does (docx.opc.pkgreader,
docx.opc.package, docx.api.Document) and refuses the packages it refuses:

- the parts are those reached from the package's relationships, part by part, each part's own relationships read
  with it (a target missing from the zip, a part without a content type, a .rels that is not XML: refused);
- the parts python-docx parses when it opens a file (the XML part classes it registers: document, styles, settings,
  numbering, headers, footers, comments, core properties) are parsed, with its parser's settings (blank text
  removed, no entities), so the trees hold the same nodes and the same broken parts are refused;
- the main part is the package's one officeDocument relationship, of the Word document content type;
- a document without a styles part reads python-docx's default styles, as python-docx does.

    word = open_package(read, "/work/a.docx")   # read(member) -> bytes, KeyError when absent; NotWord when refused
    word.body, word.styles, word.related["rId8"], word.themes, word.first_section

Raises NotWord (never an InputError: the caller names the file and says what to do, formats.py).
"""

from __future__ import annotations

import posixpath
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

import docx  # noqa: F401  (registers python-docx's part classes, read below)
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.simpletypes import ST_OnOff, ST_SignedTwipsMeasure, ST_TwipsMeasure
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# The content types python-docx parses when it opens a package: those of its XML part classes.
PARSED_TYPES = frozenset(kind for kind, cls in PartFactory.part_type_for.items() if issubclass(cls, XmlPart))
_SECTIONS = etree.XPath("./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr", namespaces={"w": W})  # python-docx's


class NotWord(Exception):
    """python-docx would not open this package (the reason, in English, for the log; the user is told formats.py's)."""


@dataclass(frozen=True)
class _Rel:
    type: str
    target: str | None  # the part name ("/word/header1.xml"), None for an external target


@dataclass
class WordFile:
    element: Any  # the root of the main document part (w:document)
    styles: Any  # the root of its styles part, or python-docx's default styles when it has none
    related: dict[str | None, Any] = field(default_factory=dict)  # rId of the main part → that part's parsed root, or None
    themes: list[tuple[str, bytes]] = field(default_factory=list)  # (part name, bytes) of the main part's themes
    shared_styles: bool = True  # `styles` is a read-only tree shared by the documents with the same styles part

    @property
    def body(self) -> Any | None:
        return self.element.find(f"{{{W}}}body") if self.element.tag == f"{{{W}}}document" else None

    @property
    def first_section(self) -> Any | None:
        """The first w:sectPr in document order (python-docx's sections[0]), or None."""
        found = _SECTIONS(self.element)
        return found[0] if found else None


def parser() -> etree.XMLParser:
    # python-docx's parser settings (docx.oxml.parser), without its element classes; one per call (not thread-safe).
    return etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def open_package(read: Callable[[str], bytes]) -> WordFile:
    """The package whose members `read` returns (zip member names, without a leading "/"); NotWord when
    python-docx would refuse it."""
    try:
        return _open(read)
    except NotWord:
        raise
    except Exception as exc:  # what python-docx raises on the same bytes: the package is not usable
        raise NotWord(f"{type(exc).__name__}: {exc}") from None


def _open(read: Callable[[str], bytes]) -> WordFile:
    overrides, defaults = _content_types(read("[Content_Types].xml"))
    package_rels = _rels_of(read, "/")
    parts: dict[str, tuple[str | None, Any, bytes]] = {}  # part name → (content type, parsed root or None, bytes)
    rels: dict[str, list[tuple[str | None, _Rel]]] = {"/": package_rels}
    for name, reltype, own_rels, blob in _walk(read, package_rels):
        if name.lower() in overrides:  # an override wins even when it names no type (python-docx's _ContentTypeMap)
            kind = overrides[name.lower()]
        elif _ext(name).lower() in defaults:
            kind = defaults[_ext(name).lower()]
        else:
            raise NotWord(f"no content type for partname '{name}'")
        if reltype == RT.IMAGE or kind not in PARSED_TYPES:
            root = None
        elif kind == CT.WML_STYLES:
            root = _parsed_styles(blob)
        else:
            root = etree.fromstring(blob, parser())
        parts[name] = (kind, root, blob)
        rels[name] = own_rels
    main = _one(dict(package_rels), RT.OFFICE_DOCUMENT)
    if main is None or main.target is None:
        raise NotWord("no internal officeDocument relationship")
    main_kind, element, _blob = parts[main.target]
    if main_kind != CT.WML_DOCUMENT_MAIN:
        raise NotWord(f"not a Word file, content type is '{main_kind}'")
    main_rels = dict(rels[main.target])  # by id, the last of a repeated id winning (python-docx's _Relationships)
    styles_rel = next((rel for rel in main_rels.values() if rel.type == RT.STYLES and rel.target), None)
    styles = parts[styles_rel.target][1] if styles_rel and styles_rel.target else None
    themes = [(rel.target, parts[rel.target][2]) for rel in main_rels.values()
              if rel.type.endswith("/theme") and rel.target is not None]
    related = {rid: parts[rel.target][1] for rid, rel in main_rels.items() if rel.target is not None}
    return WordFile(element=element, styles=styles if styles is not None else _default_styles(), related=related,
                    themes=themes)


def _content_types(xml: bytes) -> tuple[dict[str, str | None], dict[str, str | None]]:
    root = etree.fromstring(xml, parser())
    overrides = {o.get("PartName").lower(): o.get("ContentType") for o in root.findall(f"{_CT}Override")}
    defaults = {d.get("Extension").lower(): d.get("ContentType") for d in root.findall(f"{_CT}Default")}
    return overrides, defaults


def _ext(name: str) -> str:
    raw = posixpath.splitext(name)[1]
    return raw[1:] if raw.startswith(".") else raw


def _rels_of(read: Callable[[str], bytes], source: str) -> list[tuple[str | None, _Rel]]:
    """The relationships of part `source` ("/" for the package) as (id, relationship), in order; every one is
    followed (also a repeated id), the last of a repeated id is the one looked up (dict() of the list)."""
    folder, filename = posixpath.split(source)
    try:
        xml = read(posixpath.join(folder, "_rels", f"{filename}.rels")[1:])
    except KeyError:
        return []
    found: list[tuple[str | None, _Rel]] = []
    for el in etree.fromstring(xml, parser()).iterchildren(_REL):
        rid, reltype, target = el.get("Id"), el.get("Type"), el.get("Target")
        if el.get("TargetMode", RTM.INTERNAL) == RTM.EXTERNAL:
            found.append((rid, _Rel(reltype, None)))
        else:  # python-docx's PackURI.from_rel_ref
            found.append((rid, _Rel(reltype, posixpath.abspath(posixpath.join(folder, target)))))
    return found


def _walk(read: Callable[[str], bytes], package_rels: list[tuple[str | None, _Rel]]
          ) -> Iterator[tuple[str, str, list[tuple[str | None, _Rel]], bytes]]:
    """(part name, type of the relationship that reached it first, its relationships, its bytes), depth first in
    python-docx's order; each part once. A loop, not python-docx's recursion: a chain of parts is no deeper a stack."""
    visited: set[str] = set()
    stack = [iter(package_rels)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        rel = item[1]
        if rel.target is None or rel.target in visited:
            continue
        visited.add(rel.target)
        own = _rels_of(read, rel.target)
        yield rel.target, rel.type, own, read(rel.target[1:])
        stack.append(iter(own))


def _one(rels: dict[str | None, _Rel], reltype: str) -> _Rel | None:
    matching = [rel for rel in rels.values() if rel.type == reltype]
    if len(matching) > 1:
        raise NotWord(f"multiple relationships of type '{reltype}'")
    return matching[0] if matching else None


# A draft's styles part is most of its XML (Word's template: 350 KB, 6 ms to parse), and the drafts of one folder
# share one: the trees of the last few are kept, found by size and CRC-32 and used only for equal bytes (a CRC is
# not trusted alone). The trees are read only: nothing that reads a document edits its styles.
STYLES_KEPT = 8
_styles: dict[tuple[int, int], tuple[bytes, Any]] = {}


def _parsed_styles(blob: bytes) -> Any:
    key = (len(blob), zlib.crc32(blob))
    kept = _styles.pop(key, None)
    if kept is not None and kept[0] == blob:
        root = kept[1]
    else:
        root = etree.fromstring(blob, parser())  # XMLSyntaxError: refused by the caller, nothing kept
        if len(_styles) >= STYLES_KEPT:
            del _styles[next(iter(_styles))]
    _styles[key] = (blob, root)  # the most recently used last
    return root


@lru_cache(maxsize=1)
def _default_styles() -> Any:
    # Read only (the resolver never edits styles): one tree shared by every document without a styles part.
    return etree.fromstring((files("docx") / "templates" / "default-styles.xml").read_bytes(), parser())


@dataclass(frozen=True)
class Section:
    """The measures of a w:sectPr as python-docx's Section gives them: lengths in EMU, None when unsaid."""

    page_width: int | None
    page_height: int | None
    top_margin: int | None
    bottom_margin: int | None
    left_margin: int | None
    right_margin: int | None
    title_page: bool

    @classmethod
    def of(cls, sect_pr: Any) -> Section:
        size, margins = sect_pr.find(f"{{{W}}}pgSz"), sect_pr.find(f"{{{W}}}pgMar")
        title = sect_pr.find(f"{{{W}}}titlePg")
        return cls(page_width=_measure(size, "w", ST_TwipsMeasure), page_height=_measure(size, "h", ST_TwipsMeasure),
                   top_margin=_measure(margins, "top", ST_SignedTwipsMeasure),
                   bottom_margin=_measure(margins, "bottom", ST_SignedTwipsMeasure),
                   left_margin=_measure(margins, "left", ST_TwipsMeasure),
                   right_margin=_measure(margins, "right", ST_TwipsMeasure),
                   title_page=title is not None and _on_off(title.get(f"{{{W}}}val")))


def _measure(element: Any, name: str, kind: Any) -> int | None:
    value = element.get(f"{{{W}}}{name}") if element is not None else None
    return kind.convert_from_xml(value) if value is not None else None


def _on_off(value: str | None) -> bool:
    return True if value is None else bool(ST_OnOff.convert_from_xml(value))


def from_python_docx(document: Any) -> WordFile:
    """A python-docx Document already open (a test that edits one and reads it again) as a WordFile."""
    part = document.part
    related = {rid: getattr(rel.target_part, "element", None) for rid, rel in part.rels.items() if not rel.is_external}
    themes = [(str(rel.target_part.partname), rel.target_part.blob) for rel in part.rels.values()
              if rel.reltype.endswith("/theme") and not rel.is_external]
    return WordFile(element=document.element, styles=document.styles.element, related=related, themes=themes,
                    shared_styles=False)
