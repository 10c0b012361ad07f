"""Read a .docx or .txt into the neutral model (lines in reading order, page setup), as Word shows the document.

Body paragraphs, the paragraphs of table cells and those of text boxes come in one list, in the order a reader meets
them; a paragraph split by Shift+Enter gives one entry per line (see model.Para). The XML walk is wordml.py's,
formatting is resolve.py's; opening the file (Strict Open XML, .docm/.dotx, .doc/.odt) is formats.py's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kehoach.docx import wordml
from kehoach.docx.formats import open_word
from kehoach.docx.model import Model, PageSetup, Para
from kehoach.docx.package import read_text_file
from kehoach.docx.resolve import Resolver
from kehoach.docx.wordfile import Section, WordFile, from_python_docx
from kehoach.docx.xml import box_mm, cell_margins_mm, cell_width_mm, qn, text_width_mm

EMU_PER_MM = 36000
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def read_path(path: Path, convert: bool = False) -> Model:
    """Read FILE; every reason it cannot be read becomes an InputError naming the file and saying what to do.
    The file is read bounded and without blocking, a .docx checked from its zip directory before anything is
    inflated (docx/package.py).

    `convert`: a .doc, .odt or .rtf file is converted to .docx with LibreOffice (in a temporary folder) first.
    """
    if path.suffix.lower() == ".txt":
        return read_text(read_text_file(path), name=str(path))
    document, notes = open_word(path, convert_other=convert)
    model = read_document(document, name=str(path))
    model.notes[:0] = notes
    return model


def read_text(text: str, name: str = "") -> Model:
    """Plain text: one paragraph per non-empty line, no formatting (only text-level rules apply)."""
    paragraphs: list[Para] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            paragraphs.append(Para(index=len(paragraphs), text=line.rstrip(), line=number))
    return Model(source="txt", paragraphs=paragraphs, name=name)


class _Reading:
    """The state of one pass over a document: the list being filled and the running numbers."""

    def __init__(self, resolver: Resolver, document: WordFile):
        self.resolver = resolver
        self.text_width = text_width_mm(document.body)
        self.paragraphs: list[Para] = []
        self.number = 0  # Word paragraphs met so far
        self.body_index = 0
        self.tables = 0
        self.boxes = 0

    def container(self, element, place: dict, width: float | None) -> None:
        """The blocks of a body, cell or text box; `width` is the container's width in mm (None when unknown)."""
        for block in wordml.blocks(element):
            if block.tag == wordml.W_TBL:
                self.table(block, place, width)
            else:
                self.paragraph(block, place, width)

    def table(self, tbl, place: dict, width: float | None) -> None:
        # Nested tables keep the location and the width of the outer cell: the rules only need to know the column.
        if place.get("kind") not in ("table", "box"):
            number = self.tables
            self.tables += 1
            for row_no, tr in enumerate(wordml.rows(tbl)):
                for col_no, tc in enumerate(wordml.cells(tr)):
                    cell = cell_width_mm(tbl, tr, tc)
                    cell = cell - cell_margins_mm(tbl, tc, self.resolver.table_styles(tbl)) if cell is not None else None
                    self.container(tc, {"kind": "table", "table": number, "row": row_no, "col": col_no}, cell)
            return
        for tr in wordml.rows(tbl):
            for tc in wordml.cells(tr):
                self.container(tc, place, width)

    def paragraph(self, p, place: dict, width: float | None) -> None:
        # A text box anchored in the paragraph is met before the paragraph's own text: header boxes are anchored
        # in the first paragraph but shown above it.
        for box in wordml.text_boxes(p):
            number = self.boxes
            self.boxes += 1
            self.container(box, {"kind": "box", "box": number}, None)
        self.number += 1
        body_index = None
        if not place:
            body_index = self.body_index
            self.body_index += 1
        available = box_mm(p, width)
        for line in self.resolver.lines(p):
            line.box_mm = available
            line.index = len(self.paragraphs)
            line.number = self.number
            line.body_index = body_index
            for key, value in place.items():
                setattr(line, key, value)
            self.paragraphs.append(line)


def read_document(document: WordFile | Any, name: str = "") -> Model:
    """The model of an opened package (formats.open_word), or of a python-docx Document a caller already has."""
    if not isinstance(document, WordFile):
        document = from_python_docx(document)
    reading = _Reading(Resolver(document), document)
    reading.container(document.body, {}, reading.text_width)
    return Model(source="docx", paragraphs=reading.paragraphs, page=_page_setup(document, reading.resolver),
                 tables=reading.tables, name=name)


def _page_setup(document: WordFile, resolver: Resolver) -> PageSetup | None:
    sect_pr = document.first_section
    if sect_pr is None:
        return None
    section = Section.of(sect_pr)  # python-docx's sections[0], its lengths in EMU
    setup = PageSetup(
        width_mm=section.page_width / EMU_PER_MM if section.page_width else 0.0,
        height_mm=section.page_height / EMU_PER_MM if section.page_height else 0.0,
        top_mm=(section.top_margin or 0) / EMU_PER_MM, bottom_mm=(section.bottom_margin or 0) / EMU_PER_MM,
        left_mm=(section.left_margin or 0) / EMU_PER_MM, right_mm=(section.right_margin or 0) / EMU_PER_MM,
        title_page=section.title_page,
    )
    # The header parts, through the main part's relationships.
    for ref in sect_pr.findall(qn("w:headerReference")):
        part = document.related.get(ref.get(R_ID))
        if part is None:
            continue
        kind = ref.get(qn("w:type"), "default")
        elements = list(part.iter(qn("w:p")))
        lines = [resolver.lines(p) for p in elements]
        with_field = [para[0] for para, p in zip(lines, elements, strict=True) if _has_page_field(p)]
        if kind == "default" and with_field:
            setup.page_field = True
            setup.page_field_centered = with_field[0].alignment == "center"
            sizes = [r.size for r in with_field[0].runs if r.size]
            setup.page_field_size = sizes[0] if sizes else None
        if kind == "first":
            setup.first_header_empty = not any(line.text.strip() for para in lines for line in para) and not with_field
    return setup


def _has_page_field(p) -> bool:
    for simple in p.iter(qn("w:fldSimple")):
        if "PAGE" in (simple.get(qn("w:instr")) or "").split():
            return True
    return any("PAGE" in (instr.text or "").split() for instr in p.iter(qn("w:instrText")))
