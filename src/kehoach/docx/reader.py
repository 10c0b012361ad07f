"""Read a .docx or .txt into the neutral model (paragraphs in reading order, page setup).

Body paragraphs and the paragraphs of table cells come in one list, so the rules see the header table, the body and
the signature table in the order a reader meets them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from kehoach.docx.model import Model, PageSetup, Para
from kehoach.docx.resolve import Resolver
from kehoach.docx.xml import box_mm, cell_margins_mm, cell_width_mm, text_width_mm
from kehoach.errors import InputError, Problem

EMU_PER_MM = 36000
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def read_path(path: Path) -> Model:
    """Read FILE; every reason it cannot be read becomes an InputError naming the file."""
    if not path.exists():
        raise InputError([Problem(path, "không tìm thấy tệp.")])
    if path.is_dir():
        raise InputError([Problem(path, "đây là một thư mục, không phải tệp văn bản.")])
    if path.suffix.lower() == ".txt":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError([Problem(path, f"không đọc được tệp văn bản UTF-8 ({exc}).")]) from exc
        return read_text(text, name=str(path))
    if not zipfile.is_zipfile(path):
        raise InputError([Problem(path, "không phải tệp .docx (Word) hoặc .txt đọc được.")])
    try:
        document = open_docx(str(path))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError, zipfile.BadZipFile) as exc:
        raise InputError([Problem(path, f"tệp .docx bị hỏng hoặc không phải văn bản Word ({exc}).")]) from exc
    return read_document(document, name=str(path))


def read_text(text: str, name: str = "") -> Model:
    """Plain text: one paragraph per non-empty line, no formatting (only text-level rules apply)."""
    paragraphs: list[Para] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            paragraphs.append(Para(index=len(paragraphs), text=line.rstrip(), line=number))
    return Model(source="txt", paragraphs=paragraphs, name=name)


def read_document(document, name: str = "") -> Model:
    resolver = Resolver(document)
    paragraphs: list[Para] = []
    body_index = 0
    table_index = 0
    text_width = text_width_mm(document.element.body)
    styles = document.styles.element
    for child in _block_children(document.element.body):
        if child.tag == qn("w:p"):
            para = resolver.paragraph(child, len(paragraphs))
            para.box_mm = box_mm(child, text_width)
            para.body_index = body_index
            paragraphs.append(para)
            body_index += 1
        elif child.tag == qn("w:tbl"):
            for row_no, tr in enumerate(child.findall(qn("w:tr"))):
                for col_no, tc in enumerate(tr.findall(qn("w:tc"))):
                    cell = cell_width_mm(child, tr, tc)
                    cell = cell - cell_margins_mm(child, tc, styles) if cell is not None else None
                    # Nested tables keep the location of the outer cell: the rules only need to know the column.
                    for p in tc.iter(qn("w:p")):
                        para = resolver.paragraph(p, len(paragraphs))
                        para.box_mm = box_mm(p, cell)
                        para.kind, para.table, para.row, para.col = "table", table_index, row_no, col_no
                        paragraphs.append(para)
            table_index += 1
    return Model(source="docx", paragraphs=paragraphs, page=_page_setup(document, resolver), tables=table_index,
                 name=name)


def _block_children(body):
    for child in body:
        if child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _block_children(content)
        elif child.tag in (qn("w:p"), qn("w:tbl")):
            yield child

def _page_setup(document, resolver: Resolver) -> PageSetup | None:
    if not document.sections:
        return None
    section = document.sections[0]
    sect_pr = section._sectPr
    setup = PageSetup(
        width_mm=section.page_width / EMU_PER_MM if section.page_width else 0.0,
        height_mm=section.page_height / EMU_PER_MM if section.page_height else 0.0,
        top_mm=(section.top_margin or 0) / EMU_PER_MM, bottom_mm=(section.bottom_margin or 0) / EMU_PER_MM,
        left_mm=(section.left_margin or 0) / EMU_PER_MM, right_mm=(section.right_margin or 0) / EMU_PER_MM,
        title_page=section.different_first_page_header_footer,
    )
    # Read the header parts through their relationships: python-docx's header API adds a definition when asked.
    for ref in sect_pr.findall(qn("w:headerReference")):
        part = document.part.related_parts.get(ref.get(R_ID))
        if part is None:
            continue
        kind = ref.get(qn("w:type"), "default")
        elements = list(part.element.iter(qn("w:p")))
        paras = [resolver.paragraph(p, i) for i, p in enumerate(elements)]
        with_field = [para for para, p in zip(paras, elements, strict=True) if _has_page_field(p)]
        if kind == "default" and with_field:
            setup.page_field = True
            setup.page_field_centered = with_field[0].alignment == "center"
            sizes = [r.size for r in with_field[0].runs if r.size]
            setup.page_field_size = sizes[0] if sizes else None
        if kind == "first":
            setup.first_header_empty = not any(p.text.strip() for p in paras) and not with_field
    return setup


def _has_page_field(p) -> bool:
    for simple in p.iter(qn("w:fldSimple")):
        if "PAGE" in (simple.get(qn("w:instr")) or "").split():
            return True
    return any("PAGE" in (instr.text or "").split() for instr in p.iter(qn("w:instrText")))
