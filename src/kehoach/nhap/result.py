"""What an import gives back, as plain data: the document files to be, the doubts about them, and the report.

These are the shapes of the library API (`kehoach.nhap.read_file`, `write_documents`) the CLI and the web page use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The keys of a document file (inputs/documents.py DOCUMENT), in the order a person writes them.
KEY_ORDER = ("loai", "so_ky_hieu", "ten", "ngay", "dia_danh", "co_quan", "khoa", "co_quan_chu_quan", "he_thong", "trich_yeu",
             "cum_tu", "trich_yeu_theo", "thuc_hien", "bao_cao", "doi_tuong", "nhiem_vu", "ghi_chu")


@dataclass(frozen=True)
class Note:
    """A doubt about one key of one document, for the person to check: `key` is a path in the document's data
    ("co_quan", "nhiem_vu.2.giao_cho"), `where` the page, paragraph or line it was read from ("" when none)."""

    key: str
    message: str
    where: str = ""


@dataclass
class Found:
    """One document file to be: `key` is its file name without .yaml, `data` has exactly the keys of a document
    file (KEY_ORDER, only those found), `notes` what the reader is not sure of."""

    key: str
    data: dict[str, Any]
    notes: list[Note] = field(default_factory=list)
    cited_only: bool = False  # known only from a citation in the text (a parent in the chain)

    def ordered(self) -> dict[str, Any]:
        """The data in the order a person writes a document file; a key KEY_ORDER does not name (one a person gave in
        the web page's form, e.g. `ten`) follows the others instead of being lost."""
        first = {k: self.data[k] for k in KEY_ORDER if k in self.data}
        return first | {k: v for k, v in self.data.items() if k not in first}


@dataclass(frozen=True)
class Finding:
    """One line of the report: what was looked for, what was found ("" when not), and where."""

    what: str
    value: str
    where: str = ""

    @property
    def found(self) -> bool:
        return bool(self.value)


@dataclass
class Imported:
    """A file read: its documents (the document itself first, then the chain it cites), and the report."""

    source: Path
    kind: str  # "docx", "pdf", "pdf-ocr", "anh", "txt"
    documents: list[Found]
    report: list[Finding]
    ignored: list[str] = field(default_factory=list)  # signature-stamp lines left out
    pages: list[Path] = field(default_factory=list)  # the photos of its pages, in order, when read from several images

    @property
    def document(self) -> Found:
        return self.documents[0]

    @property
    def notes(self) -> list[tuple[str, Note]]:
        """Every doubt, with the key of the document it is about."""
        return [(doc.key, note) for doc in self.documents for note in doc.notes]


@dataclass(frozen=True)
class Outcome:
    """What happened to one document when written: 'ghi' (written), 'dung_lai' (an equal document was there, reused),
    'da_co' (this very document was imported before)."""

    key: str
    path: Path
    status: str
    wrote: bool
    detail: str = ""  # why, when nothing was written


@dataclass
class Written:
    outcomes: list[Outcome]
    keys: dict[str, str]  # key proposed by the import → key of the file that stands for it

    @property
    def main(self) -> Outcome:
        return self.outcomes[0]
