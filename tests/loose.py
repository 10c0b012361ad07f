"""A draft made to show the fault issue 13 saw: Nơi nhận and the signature alone on the last page.

The layout's keep-with-next is taken off, and one-line paragraphs are added at the end of the body until the body
ends in the middle of the band where the signature table no longer fits after it (by kiemtra's estimate): a few
lines of error either way still leave the signature alone, so LibreOffice shows the same fault the estimate sees.
"""

from __future__ import annotations

import copy
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from kehoach.docx.reader import read_document
from kehoach.kiemtra.pages import last_page

FILLER = "Nội dung bổ sung."


def _unkeep(doc) -> None:
    for p in doc.paragraphs:
        keep = p._p.pPr.find(qn("w:keepNext")) if p._p.pPr is not None else None
        if keep is not None and not (p.runs and p.runs[0].bold):  # headings keep theirs
            p._p.pPr.remove(keep)


def signature_alone(source: Path, target: Path) -> Path:
    doc = Document(str(source))
    _unkeep(doc)
    signature = doc.tables[-1]._tbl
    model = copy.deepcopy(signature.getprevious())  # the closing paragraph: body formatting
    for _ in range(60):
        fill = last_page(read_document(doc))
        assert fill is not None
        used, page, height = fill
        if page - height * 0.6 <= used <= page - height * 0.4:
            break
        line = copy.deepcopy(model)
        texts = list(line.iter(qn("w:t")))
        texts[0].text = FILLER
        for t in texts[1:]:
            t.text = ""
        signature.addprevious(line)
    else:
        raise AssertionError("không dựng được trang chỉ có chữ ký")
    doc.save(str(target))
    return target
