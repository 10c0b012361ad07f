"""The neutral model of a document: paragraphs in reading order with resolved formatting, and the page setup."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float | None = None
    fonts: dict[str, str | None] = field(default_factory=dict)
    color: str | None = None


@dataclass
class Para:
    index: int
    text: str
    kind: str = "body"  # "body" or "table"
    body_index: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    line: int | None = None  # line number in a .txt file
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
        return " ".join(unicodedata.normalize("NFC", self.text).replace("\u00a0", " ").split())

    @property
    def stripped(self) -> str:
        """NFC text without edge whitespace, inner spacing kept (for rules on exact wording)."""
        return unicodedata.normalize("NFC", self.text).replace("\u00a0", " ").strip()

    @property
    def cell(self) -> tuple[int | None, int | None, int | None] | None:
        return (self.table, self.row, self.col) if self.kind == "table" else None

    def where(self) -> str:
        if self.line is not None:
            return f"dòng {self.line}"
        if self.table is not None and self.row is not None and self.col is not None:
            return f"đoạn {self.index}, bảng {self.table + 1}, hàng {self.row + 1}, cột {self.col + 1}"
        return f"đoạn {self.index}"


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
