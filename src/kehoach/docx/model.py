"""The neutral model of a document: paragraphs in reading order with resolved formatting, and the page setup."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float | None = None
    fonts: dict[str, str | None] = field(default_factory=dict)
    color: str | None = None


# What Word shows as space in a line: the no-break spaces (U+00A0, U+202F, U+2007) are spaces to a reader.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})


# The rules read a paragraph's clean text dozens of times: it is made once per text.
@lru_cache(maxsize=8192)
def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).translate(_SPACES).split())


@lru_cache(maxsize=8192)
def _stripped(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_SPACES).strip()


@dataclass
class Para:
    """One line of text as a reader sees it, with its paragraph's resolved formatting.

    A Word paragraph split by Shift+Enter (w:br, w:cr) gives one Para per line, all with the same `number` and
    `part` 1, 2 …: the rules then read it as they read the same lines typed with Enter.
    """

    index: int  # position in Model.paragraphs
    text: str
    kind: str = "body"  # "body", "table" (a table cell) or "box" (a text box)
    body_index: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    box: int | None = None  # text box number (0-based) for kind "box"
    line: int | None = None  # line number in a .txt file
    number: int | None = None  # Word paragraph number, 1-based, in reading order (.docx)
    part: int | None = None  # line within a paragraph split by Shift+Enter, 1-based; None when not split
    origin: int | None = None  # index in the reader's full list when a model is cut to the document's extent
    alignment: str | None = None  # "left", "center", "right", "both"
    first_line_mm: float | None = None
    space_before: float | None = None  # pt
    space_after: float | None = None  # pt
    line_spacing: float | None = None  # multiple when line_rule == "auto", else pt
    line_rule: str | None = None
    bottom_border: bool = False
    has_drawing: bool = False
    runs: list[Run] = field(default_factory=list)
    box_mm: float | None = None  # how wide its lines may be: its cell (or the text width) less its indents
    keep_next: bool = False  # kept on the page of the next paragraph or table

    @property
    def clean(self) -> str:
        """Text for matching: NFC (TT-05 reports NFD on the raw text), single spaces, no edge whitespace."""
        return _clean(self.text)

    @property
    def stripped(self) -> str:
        """NFC text without edge whitespace, inner spacing kept (for rules on exact wording)."""
        return _stripped(self.text)

    @property
    def cell(self) -> tuple | None:
        """The container the line sits in (a table cell or a text box), None for the body: equal means together."""
        if self.kind == "table":
            return ("table", self.table, self.row, self.col)
        if self.kind == "box":
            return ("box", self.box)
        return None

    @property
    def source_index(self) -> int:
        return self.index if self.origin is None else self.origin

    def where(self) -> str:
        """Where a person finds it: "dòng 38" in a text file; "đoạn 12" (the 12th paragraph of the document, table
        cells and text boxes included, in reading order), the line of a paragraph split by Shift+Enter, the table
        cell or the text box."""
        if self.line is not None:
            return f"dòng {self.line}"
        number = self.number if self.number is not None else self.index + 1
        place = f"đoạn {number}"
        if self.part is not None:
            place += f", dòng {self.part} trong đoạn"
        if self.kind == "table" and self.table is not None and self.row is not None and self.col is not None:
            place += f", bảng {self.table + 1}, hàng {self.row + 1}, cột {self.col + 1}"
        elif self.kind == "box" and self.box is not None:
            place += f", khung văn bản {self.box + 1}"
        return place


@dataclass
class PageSetup:
    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    title_page: bool = False
    page_field: bool = False
    page_field_centered: bool = False
    page_field_size: float | None = None
    first_header_empty: bool = True


@dataclass
class Model:
    source: str  # "docx" or "txt"
    paragraphs: list[Para]
    page: PageSetup | None = None
    tables: int = 0
    name: str = ""
    notes: list[str] = field(default_factory=list)  # what the reader did that the user should know (in Vietnamese)
