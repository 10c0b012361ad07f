"""docxtpl's steps around Jinja, reimplemented on lxml and re alone, for the renderer of the shipped data (replay.py);
compiled.py takes `finish` too, with docxtpl's own resolve_listing.

Each function follows docxtpl 0.20.2's method of the same name (docxtpl/template.py) line for line, so a draft from
the shipped data is the draft docxtpl writes without importing docxtpl (and with it python-docx, 60-100 ms of a
cold start). tests/test_prepared.py compares the bytes of both paths for every built-in template and for templates
with a table to widen and a picture; a new docxtpl that changes one of these fails there (the shipped data is made
from docxtpl's own patch_xml, and is regenerated and compared in the same tests).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from lxml import etree

_PARAGRAPH_BREAK = re.compile(r"\n(?=<w:p[ >])")  # render_xml_part: re.sub(r"\n<w:p([ >])", r"<w:p\1", ...)
_LISTING_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_LISTING_CHARS = re.compile("[\t\a\n\f]")
_RUN = re.compile(r"<w:r(?: [^>]*)?>.*?</w:r>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>.*?</w:t>", re.DOTALL)
_RPR = re.compile(r"<w:rPr>.*?</w:rPr>")
_PPR = re.compile(r"<w:pPr>.*?</w:pPr>")
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def finish(rendered: str, resolve: Callable[[re.Match[str]], str] | None = None) -> str:
    """render_xml_part after Jinja: the paragraph breaks patch_xml added go, the escaped braces come back, and the
    listing characters become runs, breaks and paragraphs. `resolve` rewrites one paragraph that has one of them
    (default: resolve_listing's steps below; compiled.py passes docxtpl's own)."""
    xml = _PARAGRAPH_BREAK.sub("", rendered)
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if not _LISTING_CHARS.search(xml):
        return xml
    # resolve_listing rewrites each paragraph on its own and leaves one without those characters as it was: only the
    # paragraphs it would change are given to it (its several regexes over every run of a long draft cost).
    each = resolve or _resolve_paragraph
    return _LISTING_PARAGRAPH.sub(lambda m: each(m) if _LISTING_CHARS.search(m.group(0)) else m.group(0), xml)


def _resolve_paragraph(m: re.Match[str]) -> str:
    """resolve_listing's resolve_paragraph, resolve_run and resolve_text."""
    found = _PPR.search(m.group(0))
    paragraph_properties = found.group(0) if found else ""

    def run(rm: re.Match[str]) -> str:
        found = _RPR.search(rm.group(0))
        run_properties = found.group(0) if found else ""

        def text(tm: re.Match[str]) -> str:
            xml = tm.group(0).replace(
                "\t", "</w:t></w:r>"
                f"<w:r>{run_properties}<w:tab/></w:r>"
                f'<w:r>{run_properties}<w:t xml:space="preserve">')
            xml = xml.replace(
                "\a", "</w:t></w:r></w:p>"
                f'<w:p>{paragraph_properties}<w:r>{run_properties}<w:t xml:space="preserve">')
            xml = xml.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
            return xml.replace(
                "\f", "</w:t></w:r></w:p>"
                '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
                f'<w:p>{paragraph_properties}<w:r>{run_properties}<w:t xml:space="preserve">')

        return _TEXT.sub(text, rm.group(0))

    return _RUN.sub(run, m.group(0))


def fix_tables(xml: str) -> Any:
    """docxtpl's fix_tables: the body parsed (recovering, as docxtpl's parser), and each table's grid made to fit its
    widest row: columns added (old ones scaled to keep the width), or extra ones removed (their width shared out)."""
    tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True))
    ns = "{" + tree.nsmap["w"] + "}"
    for t in tree.iter(ns + "tbl"):
        grid = t.find(ns + "tblGrid")
        columns = grid.findall(ns + "gridCol")
        to_add = 0
        for r in t.iter(ns + "tr"):
            cells = r.findall(ns + "tc")
            if (len(columns) + to_add) < len(cells):
                to_add = len(cells) - len(columns)
        if to_add > 0:
            width = 0.0
            for c in columns:
                if c.get(ns + "w") is not None:
                    width += float(c.get(ns + "w"))
            if width > 0:
                old_average = width / len(columns)
                new_average = width / (len(columns) + to_add)
                for c in columns:
                    c.set(ns + "w", str(int(float(c.get(ns + "w")) * new_average / old_average)))
                for _ in range(to_add):
                    etree.SubElement(grid, ns + "gridCol", {ns + "w": str(int(new_average))})
        columns = grid.findall(ns + "gridCol")

        def cell_len(total: int, cell: Any) -> int:
            tc_pr = cell.find(ns + "tcPr")
            span = None if tc_pr is None else tc_pr.find(ns + "gridSpan")
            return total + int(span.get(ns + "val")) if span is not None else total + 1

        widest = 0
        for r in t.iter(ns + "tr"):
            widest = max(widest, functools.reduce(cell_len, r.findall(ns + "tc"), 0))
        to_remove = len(columns) - widest
        if to_remove > 0:
            removed = 0.0
            for c in columns[-to_remove:]:
                removed += float(c.get(ns + "w"))
                grid.remove(c)
            left = grid.findall(ns + "gridCol")
            extra = int(removed / len(left)) if left else 0
            for c in left:
                c.set(ns + "w", str(int(float(c.get(ns + "w")) + extra)))
    return tree


def fix_docpr_ids(tree: Any, start: int = 1000) -> None:
    """docxtpl's fix_docpr_ids: every picture's wp:docPr renumbered from start + 1 (a new DocxTemplate's counter is
    1000 at each render), so pictures never share an id."""
    for number, element in enumerate(tree.xpath("//wp:docPr", namespaces={"wp": _WP}), start + 1):
        element.attrib["id"] = str(number)
