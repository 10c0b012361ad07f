"""Any file an office receives → the reader's neutral model: .docx (the shared reader, as kiemtra reads it), a PDF's
text layer, a scanned PDF or a photo (OCR), plain text. The kind is told by the file's first bytes, not its name.

A file that cannot be read raises InputError naming it, so the importer writes nothing.
"""

from __future__ import annotations

import stat
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from kehoach.docx.model import Model
from kehoach.docx.reader import read_path, read_text
from kehoach.errors import InputError, Problem
from kehoach.nhap import ocr, pdf
from kehoach.nhap.layout import STAMP, Line, Page, lay_out

KINDS = {"docx": "Word (.docx)", "pdf": "PDF có lớp chữ", "pdf-ocr": "PDF bản quét (OCR)", "anh": "ảnh (OCR)",
         "txt": "văn bản thuần"}
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM", b"GIF8")
MAX_BYTES = 200 * 1024 * 1024


@dataclass
class Source:
    """A file read: its model, what kind it was, where each paragraph stands, and the stamp lines left out."""

    path: Path
    kind: str  # a key of KINDS
    model: Model
    pages: list[int] | None = None  # page of each paragraph (PDF, OCR)
    stamps: list[str] = field(default_factory=list)
    files: dict[int, str] = field(default_factory=dict)  # page → the photo it was read from (read_pages)
    unread: list[tuple[int, Problem]] = field(default_factory=list)  # pages given that could not be read, and why

    def where(self, index: int | None) -> str:
        """'trang 2' (PDF, scan), 'trang 2 (anh-2.jpg)' (photos of the pages), 'đoạn 14' (.docx), 'dòng 40' (text)."""
        if index is None or not 0 <= index < len(self.model.paragraphs):
            return ""
        if self.pages is not None:
            page = self.pages[index]
            return f"trang {page} ({self.files[page]})" if page in self.files else f"trang {page}"
        para = self.model.paragraphs[index]
        return f"dòng {para.line}" if para.line is not None else f"đoạn {index + 1}"


def _kind(path: Path) -> str:
    try:
        info = path.stat()
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):  # a FIFO or a device: never waited on
            raise InputError([Problem(path, "không phải tệp thường (thiết bị, ống dẫn hay socket): không đọc được "
                                            "tệp văn bản")])
        size = info.st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise InputError([Problem(path, "không tìm thấy tệp.")]) from None
    except IsADirectoryError:
        raise InputError([Problem(path, "đây là một thư mục, không phải tệp văn bản.")]) from None
    except OSError as exc:
        raise InputError([Problem(path, f"không mở được tệp ({exc.strerror}).")]) from None
    if size == 0:
        raise InputError([Problem(path, "tệp rỗng.")])
    if size > MAX_BYTES:
        raise InputError([Problem(path, "tệp quá lớn (trên 200 MB) cho một văn bản.")])
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError([Problem(path, "tệp Word cũ (.doc): hãy mở bằng Word hoặc LibreOffice, lưu thành .docx "
                                        "hoặc PDF rồi nhập lại.")])
    if head.startswith(_IMAGE_MAGIC) or head[:4] == b"RIFF" or head[4:8] == b"ftyp":
        return "anh"
    return "txt"


def _text(path: Path) -> str:
    raw = path.read_bytes()
    refused = InputError([Problem(path, "không đọc được: không phải .docx, PDF, ảnh, hay văn bản UTF-8.")])
    text = None
    for bom, encoding in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"), (b"\xef\xbb\xbf", "utf-8-sig")):
        if raw.startswith(bom):
            text = raw.decode(encoding, errors="replace")
            break
    if text is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise refused from None
    odd = sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f") or ch == "\ufffd")
    if odd > len(text) / 100:
        raise refused
    return text


def _without_stamps(model: Model) -> tuple[Model, list[str]]:
    kept = [p for p in model.paragraphs if not STAMP.match(p.clean)]
    stamps = [p.clean for p in model.paragraphs if STAMP.match(p.clean)]
    for i, para in enumerate(kept):
        para.index = i
    return replace(model, paragraphs=kept), stamps


def read_source(path: Path) -> Source:
    """Read FILE whatever its kind; InputError (naming the file) when it cannot be read."""
    kind = _kind(path)
    if kind == "docx":
        model, stamps = _without_stamps(read_path(path) if path.suffix.lower() == ".docx" else _docx_any_name(path))
        return Source(path, kind, model, stamps=stamps)
    if kind == "txt":
        model, stamps = _without_stamps(read_text(_text(path), name=str(path)))
        return Source(path, kind, model, stamps=stamps)
    if kind == "pdf":
        lines, pages, has_text = pdf.text_lines(path)
        if not has_text:
            kind = "pdf-ocr"
            lines, pages = ocr.scanned_pdf_lines(path)
    else:
        lines, pages = ocr.image_lines([path], path)
    laid = lay_out(lines, pages, name=str(path))
    if not laid.model.paragraphs:
        raise InputError([Problem(path, "không thấy chữ nào trong tệp (ảnh trống hoặc quá mờ?).")])
    return Source(path, kind, laid.model, laid.pages, [text for _, text in laid.dropped])


def is_photo(path: Path) -> bool:
    """Whether `path` is an image (a photo or a scan of a page), told by its first bytes; False for anything that
    cannot be opened (reading it then says why)."""
    try:
        return _kind(path) == "anh"
    except InputError:
        return False


def read_pages(paths: list[Path]) -> Source:
    """Photos or scans of the pages of ONE document, in the order given ("kehoach nhap trang-1.jpg trang-2.jpg"), each
    read through OCR on its own and numbered by its place in the list. A page that cannot be read (damaged, not an
    image, no text on it) is kept in `unread` with the reason, and the other pages are read: one bad photo does not
    lose the rest. Raises InputError (naming every file) when no page can be read."""
    lines: list[Line] = []
    pages: list[Page] = []
    files: dict[int, str] = {}
    unread: list[tuple[int, Problem]] = []
    for number, path in enumerate(paths, start=1):
        try:
            if _kind(path) != "anh":
                raise InputError([Problem(path, "không phải ảnh: các trang chụp của một văn bản phải đều là ảnh "
                                                "(.jpg, .png, .tif).")])
            found, [page] = ocr.image_lines([path], path)
        except InputError as exc:
            unread += [(number, problem) for problem in exc.problems]
            continue
        if not any(ch.isalnum() for line in found for ch in line.text):
            unread.append((number, Problem(path, "không thấy chữ nào trên trang này (ảnh trống hoặc quá mờ?).")))
            continue
        lines += [replace(line, page=number) for line in found]
        pages.append(replace(page, number=number))
        files[number] = path.name
    if not pages:
        raise InputError([problem for _, problem in unread])
    laid = lay_out(lines, pages, name=str(paths[0]))
    if not laid.model.paragraphs:
        raise InputError([problem for _, problem in unread] +
                         [Problem(paths[0], "không thấy chữ nào trong các ảnh (ảnh trống hoặc quá mờ?).")])
    return Source(paths[0], "anh", laid.model, laid.pages, [text for _, text in laid.dropped], files, unread)


def _docx_any_name(path: Path) -> Model:
    # The shared reader tells .docx from .txt by name; a Word file saved without its extension is still Word.
    with tempfile.TemporaryDirectory(prefix="kehoach-nhap-") as tmp:
        copy = Path(tmp) / "van-ban.docx"
        copy.write_bytes(path.read_bytes())
        model = read_path(copy)
    model.name = str(path)
    return model
