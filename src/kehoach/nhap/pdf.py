"""The text layer of a PDF, as positioned lines (pdfminer.six, MIT: kept up, pure Python, gives each character's
position, size and font, which the two header columns and the paragraph breaks need).

A PDF whose pages carry (almost) no text is a scan: `text_lines` says so and the caller reads it through OCR.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psexceptions import PSException

from kehoach.errors import InputError, Problem
from kehoach.nhap.layout import Line, Page

MIN_CHARS_PER_PAGE = 40  # fewer than this on average: a scan with at most a few stray characters


def _cuts(chars: list) -> set[int]:
    """ids of the glyphs that start another column: after a gap wider than two characters, or after a gap between
    two header columns set close together (a one-line name "HỘI LIÊN HIỆP PHỤ NỮ TỈNH GIA LAI" beside "CỘNG HÒA …"
    leaves less than one character between them): at least half a character and far wider than the line's spaces
    between words. Only the blank that no typed space covers counts: "Số:      /KH-LĐLĐ" (the văn thư's blank
    for the number) and the blanks of a date still to fill are typed spaces. A justified line spreads its spaces
    evenly, so it is never cut."""
    gaps: list[tuple[object, float, float]] = []  # (glyph, blank before it not covered by a typed space, size)
    last = None
    blank = 0.0
    for ch in chars:
        if not isinstance(ch, LTChar):
            continue
        if last is not None:
            blank += max(0.0, ch.x0 - last.x1)
        if ch.get_text().strip():
            if last is not None:
                gaps.append((ch, blank, max(ch.size, last.size)))
            blank = 0.0
        last = ch
    words = [gap for _, gap, size in gaps if gap > 0.1 * size]
    cuts = set()
    for ch, gap, size in gaps:
        others = sorted(w for w in words if w != gap) or [0.25 * size]
        usual = others[len(others) // 2]
        if gap > 2.0 * size or (gap > 0.5 * size and gap > 2.0 * max(usual, 0.2 * size)):
            cuts.add(id(ch))
    return cuts


def _split(chars: list, page_no: int, height: float) -> list[Line]:
    """One pdfminer line → Lines, cut where a gap separates two columns (_cuts)."""
    starts = _cuts(chars)
    pieces: list[list] = [[]]
    for ch in chars:
        if id(ch) in starts:
            pieces.append([])
        pieces[-1].append(ch)
    out = []
    for piece in pieces:
        real = [c for c in piece if isinstance(c, LTChar)]
        if not real:
            continue
        text = "".join(c.get_text() for c in piece)
        sizes = [c.size for c in real if c.get_text().strip()] or [real[0].size]
        glyphs = [c for c in real if c.get_text().strip()] or real
        bold = sum("bold" in c.fontname.lower() or "black" in c.fontname.lower() for c in glyphs) > len(glyphs) / 2
        out.append(Line(page_no, min(c.x0 for c in real), max(c.x1 for c in real), height - max(c.y1 for c in real),
                        height - min(c.y0 for c in real), text.strip(), round(Counter(sizes).most_common(1)[0][0], 1), bold))
    return out


def text_lines(path: Path) -> tuple[list[Line], list[Page], bool]:
    """(lines, pages, has_text). Raises InputError for a file pdfminer cannot open (damaged, encrypted)."""
    lines: list[Line] = []
    pages: list[Page] = []
    try:
        for number, layout in enumerate(extract_pages(str(path), laparams=LAParams()), start=1):
            x0, y0, x1, y1 = layout.bbox
            height = y1 - y0
            pages.append(Page(number, x1 - x0, height))
            for element in layout:
                if isinstance(element, LTTextContainer):
                    for line in element:
                        if isinstance(line, LTTextLine):
                            lines += _split(list(line), number, y1)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError([Problem(path, "tệp PDF có mật khẩu: hãy mở khóa (in ra PDF không mật khẩu) rồi nhập lại.")]) from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise InputError([Problem(path, f"tệp PDF bị hỏng, không đọc được ({type(exc).__name__}).")]) from None
    if not pages:
        raise InputError([Problem(path, "tệp PDF không có trang nào.")])
    chars = sum(len(ln.text) for ln in lines)
    return lines, pages, chars >= MIN_CHARS_PER_PAGE * len(pages) / 2
