"""A docx template compiled once: the parts docxtpl renders, patched and compiled; every other part compressed once.

Per draft only what depends on the draft is done: Jinja on the compiled parts, docxtpl's own post-processing and
table fix on the results, and a zip written from those parts and the stored ones. The bytes are the ones the plain
docxtpl path writes (tests/test_render_fast.py compares them for every built-in template).
"""

from __future__ import annotations

import copy
import io
import re
from typing import Any, cast

import jinja2
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.opc.package import OpcPackage
from docx.opc.phys_pkg import PhysPkgWriter
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate

from kehoach.docx.jinjacode import MARKUP, CompiledSource, names_of
from kehoach.docx.layout import arrange
from kehoach.docx.tplsteps import finish
from kehoach.docx.zipout import _Member, _write_zip

# docxtpl's render_properties: the core properties it renders as templates, in its order.
CORE_PROPS = ("author", "comments", "identifier", "language", "subject", "title")
_NEW_PARAGRAPH = re.compile(r"<w:p([ >])")
_SCRATCH = DocxTemplate(io.BytesIO())  # for docxtpl's stateless helpers: patch_xml, resolve_listing


class _Part(CompiledSource):
    """One XML part as docxtpl's render_xml_part takes it: patched once, and compiled once if it has Jinja markup."""

    def __init__(self, env: jinja2.Environment, xml: str, patch: bool = True):
        source = _SCRATCH.patch_xml(xml) if patch else xml
        self.static = not MARKUP.search(source)  # no markup: Jinja gives the same text whatever the values
        super().__init__(env, _NEW_PARAGRAPH.sub(r"\n<w:p\1", source) if patch else source)

    def finish(self, values: dict[str, Any]) -> str:
        """docxtpl's render_xml_part: Jinja, then the same steps after it, in the same order (tplsteps.finish, with
        docxtpl's own resolve_listing)."""
        return finish(self.run(values), _resolve_paragraph)


def _resolve_paragraph(match: re.Match[str]) -> str:
    """A paragraph with a listing character, as docxtpl's resolve_listing rewrites it."""
    return str(_SCRATCH.resolve_listing(match.group(0)))


class CompiledPackage:
    """The output package of one template: the parts docxtpl renders, compiled, and every other part, compressed."""

    def __init__(self, probe: DocxTemplate, env: jinja2.Environment):
        docx = probe.docx
        package = docx.part.package
        self.document = str(docx.part.partname).lstrip("/")
        self.body = _Part(env, probe.get_xml())
        # The <w:document> element without its body: each draft's copy gets the rendered body in its place.
        self.root = copy.deepcopy(docx.element)
        body = self.root.find(qn("w:body"))
        self.body_at = self.root.index(body)
        self.root.replace(body, self.root.makeelement(body.tag))
        self.headers_footers: dict[str, tuple[_Part, str]] = {}  # zip name: part, encoding; in docxtpl's order
        self.shared_header = False
        for uri in (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI):
            for _rel, part in probe.get_headers_footers(uri):
                xml = probe.get_part_xml(part)
                name = str(part.partname).lstrip("/")
                self.shared_header |= name in self.headers_footers
                self.headers_footers[name] = (_Part(env, xml), probe.get_headers_footers_encoding(xml))
        self.footnotes = any(part.content_type == CT.WML_FOOTNOTES for part in package.iter_parts())
        # Reading the core properties makes python-docx add a default part when there is none, as docxtpl's render does.
        props = docx.core_properties
        core_part = package.part_related_by(RT.CORE_PROPERTIES)
        self.core_name = str(core_part.partname).lstrip("/")
        self.core = [_Part(env, getattr(props, prop), patch=False) for prop in CORE_PROPS]
        self.core_xml = core_part.blob
        # Parts docxtpl renders and whose text has no markup come out the same for every draft: rendered here, once.
        fixed = {name: self.render_part(name, {}) for name in self.parts() if self.is_static(name)}
        saved = saved_members(package)  # every part nothing renders, as python-docx writes it (XML re-serialised)
        self.members: list[_Member | str] = []  # in python-docx's order; a name where a part rendered per draft goes
        rendered = self.parts()
        for name in saved.names:
            if name in fixed:
                self.members.append(_Member(name, fixed[name]))
            elif name in rendered:
                self.members.append(name)
            else:
                self.members.append(_Member(name, saved.blobs[name]))

    def variables(self) -> set[str]:
        """The names every rendered part (body, headers, footers, core properties) uses (jinjacode.names_of);
        TemplateError when one of them cannot be parsed."""
        return names_of([self.body, *(p for p, _encoding in self.headers_footers.values()), *self.core])

    @property
    def handled(self) -> bool:
        """Whether the fast path writes what docxtpl writes; otherwise the template is left to docxtpl (the fallback).

        docxtpl renders a footnotes part once per section, the later times over its own output; and a header under two
        relationships it renders twice, into two parts of one name. Neither is worth copying: such templates use docxtpl.
        """
        return not self.footnotes and not self.shared_header

    def parts(self) -> list[str]:
        """The parts docxtpl renders, in its order (so a draft's first error is docxtpl's first error)."""
        return [self.document, *self.headers_footers, self.core_name]

    def is_static(self, name: str) -> bool:
        if name == self.document:
            return self.body.static
        if name == self.core_name:
            return all(part.static for part in self.core)
        return self.headers_footers[name][0].static

    def render_part(self, name: str, values: dict[str, Any]) -> bytes:
        """One part as DocxTemplate.render leaves it, and as python-docx then writes it."""
        if name == self.document:
            xml = self.body.finish(values)
            scratch = DocxTemplate(io.BytesIO())  # for docxtpl's own fixes, with a fresh docPr id counter
            tree = scratch.fix_tables(xml)  # parses (recovering) as docxtpl does; the table fix is a walk of the tables
            if "docPr" in xml:
                scratch.docx_ids_index = 1000
                scratch.fix_docpr_ids(tree)
            root = copy.deepcopy(self.root)
            root.replace(root[self.body_at], tree)
            arrange(root)  # the layout step, as _render_with_docxtpl does it
            return bytes(serialize_part_xml(root))
        if name == self.core_name:
            element = parse_xml(self.core_xml)
            props = CoreProperties(element)
            for prop, part in zip(CORE_PROPS, self.core, strict=True):
                setattr(props, prop, part.run(values))
            return bytes(serialize_part_xml(element))
        # docxtpl loads a rendered header as a new python-docx part: parsed, then written again.
        part, encoding = self.headers_footers[name]
        return bytes(serialize_part_xml(parse_xml(part.finish(values).encode(encoding))))

    def render(self, values: dict[str, Any]) -> bytes:
        return _write_zip(self.render_members(values))

    def render_members(self, values: dict[str, Any]) -> list[_Member]:
        """Every zip member of the draft, in order: the stored ones and the ones rendered for `values`."""
        rendered = {name: self.render_part(name, values) for name in self.parts() if not self.is_static(name)}
        return [m if isinstance(m, _Member) else _Member(m, rendered[m]) for m in self.members]


class Saved:
    """The members python-docx's `save` would zip, in its order: `names` (a name twice when two parts share it, as
    in its zip) and each name's bytes, the last written (what reading that zip gives)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.blobs: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes | str) -> None:  # python-docx's PhysPkgWriter.write
        name = str(pack_uri.membername)
        self.names.append(name)
        self.blobs[name] = blob.encode("utf-8") if isinstance(blob, str) else bytes(blob)  # as zipfile.writestr


def saved_members(package: OpcPackage) -> Saved:
    """What `package.save(file)` writes, member by member, without compressing it into a zip to read it back (for a
    template with large styles that was a third of loading it, for one draft). The steps of python-docx's
    OpcPackage.save and PackageWriter.write, in their order, with `Saved` as the physical writer;
    tests/test_render_fast.py checks it gives what reading the saved zip gives."""
    parts = package.parts
    for part in parts:
        part.before_marshal()
    out = Saved()
    PackageWriter._write_content_types_stream(out, package.parts)
    PackageWriter._write_pkg_rels(out, package.rels)
    PackageWriter._write_parts(cast(PhysPkgWriter, out), package.parts)  # typed for its zip writer; any writer does
    return out
