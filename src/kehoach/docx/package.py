"""Opening a .docx that may be hostile (a file to check with kiemtra, a template named by a profile's `mau:`).

A .docx is a zip. Before anything is inflated, the sizes in the zip's directory are read and a file whose parts
would inflate past MAX_PART each or MAX_TOTAL together is refused (zipfile never inflates a part past the size its
directory declares, so the declared sizes bound the memory). Every part is then inflated once to check it: corrupt
deflate data, an encrypted part, an unknown compression method are refused by name. Only then is it opened, from
memory (a template by python-docx; a document to read from the parts the check inflated, by wordfile.py, as
python-docx would); a package without a document body is refused too. Files are read with files.read_input: a FIFO,
a device or a folder is refused before it is opened for reading, and never waited on.

Every refusal is an InputError naming the file, in Vietnamese.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from lxml import etree

from kehoach.docx.parts import parser
from kehoach.errors import InputError, Problem
from kehoach.files import MB, read_input

if TYPE_CHECKING:
    from kehoach.docx.wordfile import WordFile

MAX_FILE = 50 * MB  # a .docx on disk: a long plan with pictures is a few MB
MAX_PART = 100 * MB  # one part inflated (document.xml of a 300-page document is about 20 MB)
MAX_TOTAL = 300 * MB  # every part inflated
MAX_PARTS = 5000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 .doc, and Word's encrypted .docx: OLE files, not zips


def _refuse(path: Path | str, message: str) -> InputError:
    return InputError([Problem(path, message)])


def read_docx_bytes(path: Path, what: str = "tệp văn bản") -> bytes:
    """The bytes of a .docx file, bounded and never blocking; checked as a zip whose parts all inflate."""
    data = read_file(path, what)
    check_zip(data, path)
    return data


def check_zip(data: bytes, path: Path | str) -> None:
    """Raise InputError unless `data` is a zip whose every part is within the bounds and inflates cleanly."""
    inflate_checked(data, path)


def inflate_checked(data: bytes, path: Path | str) -> dict[str, bytes]:
    """Every entry of the zip `data`, inflated, by name (the last of a repeated name, as ZipFile.read gives it),
    once check_zip's checks pass: a reader of the parts need not inflate them again. InputError as check_zip."""
    if data.startswith(OLE_MAGIC):
        raise _refuse(path, "tệp Word được đặt mật khẩu, hoặc là tệp .doc cũ: hãy mở bằng Word, bỏ mật khẩu và lưu "
                            "thành .docx.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise _refuse(path, "không phải tệp .docx (Word) đọc được: không phải tệp nén zip hoặc tệp bị cắt cụt.") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise _refuse(path, f"tệp .docx có quá nhiều phần ({len(infos)}; tối đa {MAX_PARTS}).")
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise _refuse(path, "tệp .docx được đặt mật khẩu: hãy mở bằng Word, bỏ mật khẩu rồi lưu lại.")
            if info.file_size > MAX_PART:
                raise _refuse(path, f"phần {info.filename} của tệp giải nén ra {info.file_size // MB} MB (tối đa "
                                    f"{MAX_PART // MB} MB): tệp hỏng hoặc cố ý làm tràn bộ nhớ.")
            total += info.file_size
        if total > MAX_TOTAL:
            raise _refuse(path, f"tệp giải nén ra {total // MB} MB (tối đa {MAX_TOTAL // MB} MB): tệp hỏng hoặc cố ý "
                                "làm tràn bộ nhớ.")
        entries: dict[str, bytes] = {}
        for info in infos:
            try:
                with archive.open(info) as part:
                    chunks = []
                    while chunk := part.read(1 << 20):
                        chunks.append(chunk)
                entries[info.filename] = b"".join(chunks)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
                raise _refuse(path, f"phần {info.filename} của tệp .docx bị hỏng (dữ liệu nén không giải được: "
                                    f"{type(exc).__name__}).") from None
            except (NotImplementedError, RuntimeError):
                raise _refuse(path, f"phần {info.filename} của tệp .docx dùng kiểu nén hoặc mã hóa không đọc "
                                    "được.") from None
    return entries


def zip_problem(file: BinaryIO) -> str:
    """Why an open file is not a whole .docx package, read from the zip's directory only, or "" when it is.

    Cheap (the end record and the central directory, which is bounded by the file's size; nothing is inflated):
    an emptied or truncated file has no end record, or a directory pointing past where it starts; a zip without
    word/document.xml or [Content_Types].xml is not a Word document. Used on drafts kehoach wrote (state.py), where
    the whole check of check_zip would cost a read of every part."""
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
            directory = archive.start_dir
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        return "không phải tệp nén zip hoặc tệp bị cắt cụt"
    names = {info.filename for info in infos}
    if not {"[Content_Types].xml", "word/document.xml"} <= names:
        return "thiếu phần nội dung văn bản (word/document.xml)"
    if any(info.header_offset + info.compress_size > directory for info in infos):
        return "tệp bị cắt cụt hoặc hỏng (danh mục tệp nén trỏ ra ngoài dữ liệu)"
    return ""


def read_file(path: Path, what: str = "tệp văn bản") -> bytes:
    """The bytes of a file to read as a document: it must exist and be a regular file of at most MAX_FILE bytes."""
    if not path.exists():
        raise _refuse(path, "không tìm thấy tệp.")
    if path.is_dir():
        raise _refuse(path, f"đây là một thư mục, không phải {what}.")
    return read_input(path, MAX_FILE, what)


def document_of(data: bytes, path: Path | str) -> Any:
    """A python-docx Document of checked bytes (check_zip); a package python-docx cannot read as a Word document,
    or whose document has no body, is refused."""
    # Imported here: reading a built-in template's bytes (one draft) must not load python-docx (issue 15 item 5).
    from docx import Document as open_document

    from kehoach.docx.wordfile import from_python_docx

    try:
        document = open_document(io.BytesIO(data))
    except Exception as exc:  # python-docx and lxml on hostile bytes: any failure means the file is not usable
        raise _refuse(path, f"tệp .docx bị hỏng hoặc không phải văn bản Word ({_reason(exc)}).") from None
    require_body(from_python_docx(document), path)
    return document


def require_body(document: WordFile, path: Path | str) -> None:
    """A main document part without w:body (python-docx opens it, then every reader of the body fails), or a theme
    that is not XML (python-docx parses every other part it reads when it opens the file, not the theme, which
    docx/resolve.py reads for the fonts a style names by theme): refused as a damaged file, as Word does."""
    if document.body is None:
        raise _refuse(path, "tệp .docx không có phần nội dung (w:body): tệp hỏng hoặc không do Word tạo.")
    for name, blob in document.themes:
        try:
            etree.fromstring(blob, parser())
        except etree.XMLSyntaxError as exc:  # lxml's words are English: say where, not what
            line, column = exc.position
            raise _refuse(path, f"phần {name.lstrip('/')} của tệp .docx bị hỏng (không phải XML đọc "
                                f"được, dòng {line}, cột {column}; hoặc khai báo thực thể (ENTITY) tự nhân lên).") from None


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "…"


def read_text_file(path: Path) -> str:
    """A .txt file's text (UTF-8, with or without a BOM), bounded and never blocking."""
    data = read_file(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refuse(path, f"không đọc được tệp văn bản UTF-8 (byte 0x{data[exc.start]:02X} ở vị trí {exc.start}).") from None
