"""Positioned lines (a PDF's text layer, or OCR) → the reader's neutral model, in the order a person reads.

A page of an administrative document has three zones: the header, two columns side by side (issuer, number and V/v
on the left; Quốc hiệu or ĐẢNG CỘNG SẢN VIỆT NAM and the date on the right), the body, and the signature block
(Nơi nhận on the left, the signer on the right). Read line by line across the page, the two columns interleave; here
each column is read whole, left then right, and given the table and column a .docx header table has
(docx/reader.py), so kiemtra's structure search finds the parts the same way in a PDF, a scan and a .docx.
Body lines are joined into paragraphs by their first-line indent and the space between paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kehoach.docx.model import Model, Para, Run
from kehoach.kiemtra.structure import AUTHORITY_LOOSE, NOI_NHAN, PARTY_TITLE, QUOC_HIEU, is_caps, title_type
from kehoach.text.vntext import nfc

# What an e-office signature stamp prints over a page; it is not part of the document (Ký bởi / Cơ quan / Thời gian ký).
STAMP = re.compile(r"^\s*(?:được\s+)?(?:ký\s+(?:số\s+)?bởi|người\s+ký|cơ\s+quan|thời\s+gian\s+ký|ngày\s+ký|email|"
                   r"chức\s+vụ|signed\s+by|signature\s+valid)\s*:", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*-)?$", re.IGNORECASE)
DATE_LINE = re.compile(r"^[^,]{2,40},\s*ngày\b.*\bnăm\s*\d{4}$")
NUMBER_LINE = re.compile(r"^Số\b\s*:?")
# The number line of a header ("Số: 07/KH-HPN", "Số 21-KH/ĐU", "Số:      /KH-LĐLĐ"), not a body line "Số lượng …".
HEADER_NUMBER = re.compile(r"^Số\s*:?\s*[\d…]*\s*[/-]")
# What starts the right column of a header: the Quốc hiệu, the Tiêu ngữ, "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐOÀN TNCS HỒ CHÍ
# MINH". A one-line name set close beside it may come out of a text layer or a scan as one line with it.
RIGHT_TITLE = re.compile(r"\s(?=CỘNG\s+HO?[ÒÀ]A?\s+XÃ\s+HỘI|Độc\s+lập\s*-\s*Tự\s+do|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM$|"
                         r"ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH$)")
MARKER = re.compile(r"^(?:[IVXL]{1,6}\s*[.\-–]|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|[-+•])\s")
_STARTS = ("V/v", "Kính gửi", "*", "-----", "Số", "Nơi nhận")


@dataclass
class Line:
    """One line of text on a page, in points from the top-left corner."""

    page: int  # from 1
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float = 0.0  # font size in points; 0 when unknown (OCR)
    bold: bool | None = None  # None when unknown (OCR)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Page:
    number: int
    width: float
    height: float


@dataclass
class Laid:
    """The model built, where each paragraph was (its page), and what was left out and why."""

    model: Model
    pages: list[int]  # page of each paragraph, by index
    dropped: list[tuple[int, str]] = field(default_factory=list)  # (page, text) of stamp lines not read as text


def strip_stamps(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Lines of a signature stamp ("Ký bởi: …", "Cơ quan: …", "Thời gian ký: …") and the lines that wrap them."""
    kept: list[Line] = []
    stamps: list[Line] = []
    for line in sorted(lines, key=lambda ln: (ln.page, ln.top, ln.x0)):
        if STAMP.match(line.text):
            stamps.append(line)
            continue
        last = stamps[-1] if stamps else None
        wraps = (last is not None and last.page == line.page and abs(line.x0 - last.x0) < 4
                 and 0 <= line.top - last.bottom < max(last.height, 4) * 0.8
                 and (not line.size or not last.size or abs(line.size - last.size) < 0.6)
                 and not MARKER.match(line.text) and not is_caps(line.text))
        (stamps if wraps else kept).append(line)
    return kept, stamps


def _page_numbers(lines: list[Line], pages: dict[int, Page]) -> set[int]:
    out = set()
    for i, line in enumerate(lines):
        page = pages[line.page]
        edge = line.top < page.height * 0.1 or line.bottom > page.height * 0.9
        if edge and PAGE_NUMBER.match(line.text.strip()):
            out.add(i)
    return out


def lay_out(lines: list[Line], pages: list[Page], source: str = "docx", name: str = "") -> Laid:
    """Lines of every page → paragraphs: header columns (table 0), body, signature columns (table 1)."""
    by_number = {p.number: p for p in pages}
    lines, stamps = strip_stamps([ln for ln in lines if ln.text.strip()])
    for line in lines:
        line.text = nfc(line.text)
    lines = [piece for line in lines for piece in _columns_apart(line, by_number)]
    lines.sort(key=lambda ln: (ln.page, round(ln.top, 1), ln.x0))
    numbers = _page_numbers(lines, by_number)
    lines = [ln for i, ln in enumerate(lines) if i not in numbers]
    if not lines:
        return Laid(Model(source=source, paragraphs=[], name=name), [], [(s.page, s.text) for s in stamps])
    # The text block's edges come from the full-width lines of the body: a header laid out into the margins (as
    # kehoach and many offices' templates do) has short centred lines further out that are not the margin.
    widest = max(ln.x1 - ln.x0 for ln in lines)
    wide = [ln for ln in lines if ln.x1 - ln.x0 >= 0.6 * widest]
    block = wide if len(wide) >= 3 else lines
    left = _margin([ln.x0 for ln in block], +1)
    right = _margin([ln.x1 for ln in block], -1)
    middle = (min(ln.x0 for ln in lines) + right) / 2
    head_end = _header_end(lines, left, right)
    sign_start = _signature_start(lines, head_end)
    paras: list[Para] = []
    pages_of: list[int] = []

    def add(group: list[Line], kind: str, table: int | None = None, col: int | None = None,
            alignment: str | None = None) -> None:
        text = joined(group)
        weights = [ln.bold for ln in group if ln.bold is not None]
        runs = [Run(text, bold=sum(weights) > len(weights) / 2, size=group[0].size or None)] if weights else []
        para = Para(index=len(paras), text=text, kind=kind, table=table, row=0 if table is not None else None,
                    col=col, alignment=alignment, runs=runs)
        if kind == "body":
            para.body_index = len([p for p in paras if p.kind == "body"])
        paras.append(para)
        pages_of.append(group[0].page)

    header = lines[:head_end]
    for col in (0, 1):
        column = [ln for ln in header if (ln.center >= middle) == bool(col)]
        for group in _column_paragraphs(column, width=(right - middle) if col else (middle - left)):
            add(group, "table", 0, col)
    for group, alignment in _body_paragraphs(lines[head_end:sign_start], left, right):
        add(group, "body", alignment=alignment)
    closing = lines[sign_start:]
    for col in (0, 1):
        column = [ln for ln in closing if (ln.x0 >= middle - 20) == bool(col)]
        for group in _column_paragraphs(column, join=False):
            add(group, "table", 1, col)
    return Laid(Model(source=source, paragraphs=paras, tables=2 if closing else 1, name=name), pages_of,
                [(s.page, s.text) for s in stamps])


def _columns_apart(line: Line, pages: dict[int, Page]) -> list[Line]:
    """A line at the top of the first page that runs from the left column into the right one ("HỘI LIÊN HIỆP PHỤ NỮ
    TỈNH GIA LAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") is cut before the right column's title; each part gets its
    share of the line's width by its letters."""
    page = pages.get(line.page)
    match = RIGHT_TITLE.search(line.text)
    if line.page != 1 or match is None or (page is not None and line.top > page.height * 0.3):
        return [line]
    left, right = line.text[:match.start()].strip(), line.text[match.end():].strip()
    cut = line.x0 + (line.x1 - line.x0) * (match.start() + 0.5) / len(line.text)
    return [Line(line.page, line.x0, cut, line.top, line.bottom, left, line.size, line.bold),
            Line(line.page, cut, line.x1, line.top, line.bottom, right, line.size, line.bold)]


def _margin(values: list[float], side: int) -> float:
    """The text block's left (side +1) or right (-1) edge: the outermost position at least three lines share within
    3 pt (an OCR box edge wanders by a point or two; a lone line further out is not the margin)."""
    ordered = sorted(values, reverse=side < 0)
    for v in ordered:
        near = [w for w in ordered if abs(w - v) <= 3]
        if len(near) >= min(3, len(ordered)):
            return sorted(near)[len(near) // 2]
    return ordered[0]


def _mode(values) -> float:
    counts = Counter(round(v) for v in values)
    return float(counts.most_common(1)[0][0])


def _header_end(lines: list[Line], left: float, right: float) -> int:
    """Index of the first line below the header: the type title, "Kính gửi", or the first full-width line, below the
    number line and the date line (a long one-line name in the margins is still the header)."""
    first_page = [i for i, ln in enumerate(lines) if ln.page == lines[0].page]
    if not any(QUOC_HIEU.match(lines[i].text) or lines[i].text.upper() == PARTY_TITLE or NUMBER_LINE.match(lines[i].text)
               for i in first_page[:20]):
        return 0  # no header on this document (a text that starts at its title)
    width = right - left
    marks = [i for i in first_page[:20] if HEADER_NUMBER.match(lines[i].text) or DATE_LINE.match(lines[i].text)]
    floor = max(marks, default=-1)
    for i in first_page:
        line = lines[i]
        if i <= floor:
            continue
        if title_type(line.text) or line.text.startswith("Kính gửi") or line.x1 - line.x0 > width * 0.75:
            return i
    return len(first_page)


def _signature_start(lines: list[Line], start: int) -> int:
    for i in range(start, len(lines)):
        text = lines[i].text
        if NOI_NHAN.match(text) or (AUTHORITY_LOOSE.match(text) and is_caps(text) and len(text) < 60):
            top, page = lines[i].top, lines[i].page
            first = i
            while first - 1 >= start and lines[first - 1].page == page and lines[first - 1].top >= top - 2:
                first -= 1
            return first
    return len(lines)


def _complete(text: str) -> bool:
    """A header line that is whole by itself: nothing below it continues it."""
    return bool(QUOC_HIEU.match(text) or ("độc lập" in text.lower() and "hạnh phúc" in text.lower())
                or text.upper() == PARTY_TITLE or DATE_LINE.match(text) or NUMBER_LINE.match(text) or text == "*")


def _starts_part(text: str) -> bool:
    return _complete(text) or text.startswith(_STARTS)


def joined(lines: list[Line]) -> str:
    """The text of lines read as one paragraph; a symbol cut after its hyphen or slash ("72-" / "KH/TU") is whole again."""
    text = ""
    for line in lines:
        piece = line.text.strip()
        glue = "" if not text or re.search(r"\w[-/]$", text) and piece[:1].isalnum() else " "
        text = f"{text}{glue}{piece}" if text else piece
    return text


def _column_paragraphs(column: list[Line], join: bool = True, width: float = 0.0) -> list[list[Line]]:
    """One header column: a line that wrapped (nearly as wide as the column) goes on with the next, in the same type."""
    column = sorted(column, key=lambda ln: (ln.page, ln.top))
    if not column:
        return []
    widest = width or max(ln.x1 - ln.x0 for ln in column)
    groups: list[list[Line]] = []
    for line in column:
        prev = groups[-1][-1] if groups else None
        joins = (join and prev is not None and prev.page == line.page
                 and line.top - prev.bottom < max(prev.height, 6) * 0.9
                 and prev.x1 - prev.x0 >= widest * 0.75 and not _starts_part(line.text) and not _complete(prev.text)
                 and prev.bold == line.bold and (not prev.size or abs(prev.size - line.size) < 0.6)
                 and not _two_names(prev, line))
        if not join and prev is not None and _wrapped_item(prev, line):
            joins = True
        if joins:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _title_block(lines: list[Line], left: float, right: float) -> int:
    """How many lines from the top form the title block: the type title, the trích yếu, "-----". They are centred
    (equal margins left and right, a long trích yếu line nearly full width), in one weight, and stop at the first
    line that is not: the opening's first line has a first-line indent."""
    count = 0
    weight = None
    for line in lines:
        symmetric = abs((line.x0 - left) - (right - line.x1)) < 6
        if line.text.strip() == "-----":
            return count + 1
        if not symmetric or (line.page != lines[0].page):
            break
        if not title_type(line.text):
            if weight is not None and line.bold is not None and line.bold != weight:
                break
            weight = line.bold
        count += 1
    return count


def _two_names(prev: Line, line: Line) -> bool:
    """Two lines in capitals, the second as long as the first: the parent body above the issuer, not one name that
    wrapped (a wrapped name leaves a short rest: "… TỈNH BÌNH" / "ĐỊNH"). Only a scan needs this: a PDF's text layer
    tells them apart by weight (the issuer is bold)."""
    return (prev.bold is None and is_caps(prev.text) and is_caps(line.text)
            and line.x1 - line.x0 >= 0.8 * (prev.x1 - prev.x0))


def _wrapped_item(prev: Line, line: Line) -> bool:
    """A Nơi nhận item too long for its column goes on, unmarked, on the next line."""
    return (prev.text.startswith("-") and not prev.text.rstrip().endswith((";", ",", ".")) and prev.page == line.page
            and not line.text.startswith(("-", "+")) and not is_caps(line.text)
            and line.top - prev.bottom < max(prev.height, 6) * 0.9)


def _body_paragraphs(lines: list[Line], left: float, right: float) -> list[tuple[list[Line], str]]:
    """Body lines → paragraphs: the title block's lines (title, trích yếu, "-----") each a centred paragraph, then a
    new paragraph at a first-line indent, a marker after a finished sentence, or a wider gap than between lines."""
    if not lines:
        return []
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page and 0 < b.top - a.top < 40]
    pitch = _mode(pitches) if pitches else 16.0
    titled = _title_block(lines, left, right)
    out: list[tuple[list[Line], str]] = []
    for i, line in enumerate(lines):
        prev = out[-1][0][-1] if out else None
        in_title = i < titled
        new = prev is None or (i == titled)
        if prev is not None and not new:
            gap = line.top - prev.top if line.page == prev.page else pitch
            new = (
                gap > pitch * 1.3
                or bool(title_type(line.text)) or bool(title_type(prev.text))
                or line.text.strip() == "-----" or prev.text.strip() == "-----"
                or (not in_title and line.x0 > left + 8)
                or (not in_title and MARKER.match(line.text) is not None and prev.text.rstrip().endswith((".", ":", ";")))
            )
        if new:
            out.append(([line], "center" if in_title else "both"))
        else:
            out[-1][0].append(line)
    return out
