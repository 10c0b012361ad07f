"""One draft from a built-in template's shipped data (prepared.py), on lxml and jinja2 alone.

The steps and their order are compiled.CompiledPackage.render_part's: Jinja on each rendered part, docxtpl's steps
after it (tplsteps.py), the body put into the document root and laid out (layout.arrange), headers and footers
parsed and serialised again as python-docx does, the core properties set as python-docx's CoreProperties does, and
the zip written from the stored members and the rendered ones (zipout.py). The bytes are the docxtpl path's
(tests/test_prepared.py, for every built-in template).
"""

from __future__ import annotations

import copy
import zlib
from typing import Any

import jinja2
from lxml import etree

from kehoach.docx.jinjacode import MARKUP, CompiledSource, names_of
from kehoach.docx.layout import arrange
from kehoach.docx.tplsteps import finish, fix_docpr_ids, fix_tables
from kehoach.docx.zipout import _Member

# python-docx's oxml_parser (docx/oxml/parser.py) without its element classes: they do not change the bytes written.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_DC = "http://purl.org/dc/elements/1.1/"
# compiled.CORE_PROPS in order, each as the element python-docx's CoreProperties setter writes (docx/oxml/coreprops.py).
_CORE_TAGS = ("creator", "description", "identifier", "language", "subject", "title")


class PreparedPackage:
    """A built-in template's shipped data, compiled: `render_members(values)` gives every zip member of a draft.

    `data` is what prepared.load returned. Raises ValueError (or lxml's XMLSyntaxError, a ValueError) when the data
    is not usable after all; the caller then takes the docxtpl path.
    """

    def __init__(self, data: dict[str, Any], env: jinja2.Environment):
        self.document = data["document"]
        self.core_name = data["core_name"]
        self.root = etree.fromstring(data["root"], _PARSER)
        self.body_at = data["body_at"]
        if not 0 <= self.body_at < len(self.root) or etree.QName(self.root[self.body_at]).localname != "body":
            raise ValueError("the document root has no body where the data says")
        self.body = CompiledSource(env, data["body"])
        self.headers_footers = {name: (CompiledSource(env, source), encoding)
                                for name, source, encoding in data["headers_footers"]}
        for _name, encoding in self.headers_footers.values():
            "".encode(encoding)  # LookupError for an encoding Python does not know
        self.core_xml = data["core_xml"].encode("utf-8")
        self.core = [CompiledSource(env, source) for source in data["core"]]
        etree.fromstring(self.core_xml, _PARSER)
        self.members: list[_Member | str] = []
        for member in data["members"]:
            if member.get("rendered"):
                self.members.append(member["name"])
            else:
                packed = member["deflate"]
                self.members.append(_Member(member["name"], zlib.decompress(packed, -15), packed))
        self.rendered = [m for m in self.members if isinstance(m, str)]
        # Rendered per draft exactly the parts with Jinja markup, the others stored as rendered once (as
        # CompiledPackage decides): data that says otherwise would write a draft docxtpl does not.
        marked = {self.document: MARKUP.search(self.body.source) is not None,
                  self.core_name: any(MARKUP.search(part.source) for part in self.core),
                  **{name: MARKUP.search(part.source) is not None for name, (part, _e) in self.headers_footers.items()}}
        names = {m if isinstance(m, str) else m.name for m in self.members}
        if any((name in self.rendered) != rendered or name not in names for name, rendered in marked.items()):
            raise ValueError("the rendered parts are not the ones with markup")

    def variables(self) -> set[str]:
        """The names the template's parts use (jinjacode.names_of); jinja2.TemplateError when a part does not parse."""
        return names_of([self.body, *(p for p, _encoding in self.headers_footers.values()), *self.core])

    def render_part(self, name: str, values: dict[str, Any]) -> bytes:
        """One rendered part's bytes, as CompiledPackage.render_part writes them."""
        if name == self.document:
            xml = finish(self.body.run(values))
            tree = fix_tables(xml)
            if "docPr" in xml:
                fix_docpr_ids(tree)
            root = copy.deepcopy(self.root)
            root.replace(root[self.body_at], tree)
            arrange(root)
            return _serialize(root)
        if name == self.core_name:
            element = etree.fromstring(self.core_xml, _PARSER)
            for tag, part in zip(_CORE_TAGS, self.core, strict=True):
                _set_core_text(element, tag, part.run(values))
            return _serialize(element)
        part, encoding = self.headers_footers[name]
        return _serialize(etree.fromstring(finish(part.run(values)).encode(encoding), _PARSER))

    def render_members(self, values: dict[str, Any]) -> list[_Member]:
        """Every zip member of the draft, in order (compiled.CompiledPackage.render_members); rendered parts in
        docxtpl's order, so the first error is docxtpl's first error."""
        order = [self.document, *self.headers_footers, self.core_name]
        rendered = {name: self.render_part(name, values) for name in order if name in self.rendered}
        return [m if isinstance(m, _Member) else _Member(m, rendered[m]) for m in self.members]


def _serialize(element: Any) -> bytes:
    """python-docx's serialize_part_xml (docx/opc/oxml.py)."""
    return bytes(etree.tostring(element, encoding="UTF-8", standalone=True))


def _set_core_text(element: Any, tag: str, value: str) -> None:
    """python-docx's CT_CoreProperties._set_element_text for a dc: element: at most 255 characters (its ValueError and
    words), into the first such child, or a new one appended (its ZeroOrOne get_or_add, made as OxmlElement makes it)."""
    if len(value) > 255:
        raise ValueError(f"exceeded 255 char limit for property, got:\n\n'{value}'")
    child = element.find(f"{{{_DC}}}{tag}")
    if child is None:
        child = element.makeelement(f"{{{_DC}}}{tag}", nsmap={"dc": _DC})
        element.append(child)
    child.text = value
