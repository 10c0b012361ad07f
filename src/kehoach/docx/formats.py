"""Open a Word file whatever way it was saved: a .docx, a "Strict Open XML Document", a .docm or .dotx; tell a .doc,
.odt, .rtf, a password-protected file or a web page saved as .doc apart, and say in Vietnamese how to convert it.

Strict files use the ISO namespaces (http://purl.oclc.org/ooxml/…) where every other tool expects the transitional
ones (http://schemas.openxmlformats.org/…/2006/…); the content is the same, so the names are rewritten part by part
and the package is opened from memory. ECMA-376 Part 1, §A (Strict) and Part 4 (Transitional).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from kehoach.docx import convert, package
from kehoach.docx.wordfile import NotWord, WordFile, open_package
from kehoach.errors import InputError, Problem

ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
ODT_MIME = b"application/vnd.oasis.opendocument.text"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Macro-enabled documents and templates hold the same WordprocessingML; only the content type of the main part differs.
OTHER_MAIN_TYPES = ("application/vnd.ms-word.document.macroEnabled.main+xml",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/(officeDocument|wordprocessingml|drawingml|schemaLibrary)"
                    rb"/([A-Za-z][A-Za-z/-]*)")
# Strict names written in camel case where the transitional ones use hyphens.
HYPHENATED = {b"extendedProperties": b"extended-properties", b"customProperties": b"custom-properties"}
STRICT_NOTE = ("tệp được lưu dạng “Strict Open XML Document”; kehoach đã đọc nó như một tệp .docx thường. "
               "Nếu phần mềm khác không mở được, mở bằng Word và lưu lại dạng “Word Document (*.docx)”.")


def open_word(path: Path, convert_other: bool = False) -> tuple[WordFile, list[str]]:
    """(the package opened for reading, notes for the user) for PATH; an InputError in Vietnamese for what cannot be
    read."""
    # Read bounded and without blocking (a FIFO, /dev/zero, a folder are refused); a zip is checked from its
    # directory, and every part inflated once, before anything else reads it (docx/package.py).
    data = package.read_file(path)
    head = data[: 1 << 20]
    checked = None
    if head.startswith(b"PK") and zipfile.is_zipfile(io.BytesIO(data)):
        checked = package.inflate_checked(data, path)  # the parts, inflated once: read from here on
    kind = _foreign_kind(data, head, checked)
    if kind is not None:
        if not convert_other or kind not in convert.CONVERTIBLE:
            raise InputError([Problem(path, _how_to_convert(kind))])
        return convert.open_converted(path, kind, lambda p: open_word(p)[0])
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError([Problem(path, "không phải tệp .docx (Word) hoặc .txt đọc được.")])
    if checked is not None:
        return _from_parts(checked, path)
    try:  # a zip with bytes before it (not checked above): its parts are read as they are needed
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if _variant(_read(archive, "_rels/.rels"), _read(archive, "[Content_Types].xml")) == (False, False):
                return _open(archive.read, path), []
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, KeyError) as exc:
        raise InputError([Problem(path, _broken())]) from exc
    return _from_parts(parts, path)


def _variant(rels: bytes, types: bytes) -> tuple[bool, bool]:
    """(a Strict Open XML package, a .docm/.dotx/.dotm whose main part has another content type)."""
    return STRICT.search(rels) is not None, any(t.encode() in types for t in OTHER_MAIN_TYPES)


def _from_parts(parts: dict[str, bytes], path: Path) -> tuple[WordFile, list[str]]:
    """Open the package of `parts` (zip name → bytes); a Strict or macro/template package is read with its names
    rewritten to those of a plain .docx."""
    strict, other = _variant(parts.get("_rels/.rels", b""), parts.get("[Content_Types].xml", b""))
    if not (strict or other):
        return _open(parts.__getitem__, path), []
    parts = dict(parts)
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            data = to_transitional(data) if strict else data
            if name == "[Content_Types].xml":
                for other_type in OTHER_MAIN_TYPES:
                    data = data.replace(other_type.encode(), MAIN_TYPE.encode())
            parts[name] = data
    return _open(parts.__getitem__, path), [STRICT_NOTE] if strict else []


def to_transitional(data: bytes) -> bytes:
    """Rewrite the Strict namespace and relationship-type names of one XML part to their transitional twins."""
    def swap(match: re.Match) -> bytes:
        area, rest = match[1], match[2]
        for camel, hyphen in HYPHENATED.items():
            rest = rest.replace(camel, hyphen)
        return b"http://schemas.openxmlformats.org/" + area + b"/2006/" + rest
    return STRICT.sub(swap, data)


def _open(read: Callable[[str], bytes], path: Path) -> WordFile:
    """The package whose zip members `read` returns, opened as python-docx opens it (wordfile.py)."""
    try:
        document = open_package(read)
    except NotWord as exc:  # any reason python-docx would refuse it: the file is not usable
        raise InputError([Problem(path, _broken())]) from exc
    package.require_body(document, path)
    return document


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError:
        return b""


def _broken() -> str:
    return ("tệp .docx bị hỏng hoặc không phải văn bản Word (không mở được phần nội dung chính). "
            "Thử mở bằng Word rồi lưu lại dạng “Word Document (*.docx)”.")


def _foreign_kind(data: bytes, head: bytes, parts: dict[str, bytes] | None = None) -> str | None:
    """'doc', 'encrypted', 'rtf', 'html', 'odt' for a file that is not a Word package, else None. `parts`: the zip's
    entries when they were inflated already."""
    if head.startswith(package.OLE_MAGIC):
        return "encrypted" if ENCRYPTED_STREAM in head else "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if re.match(rb"\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html)", head[:512].lower()):
        return "html"
    if head.startswith(b"PK") and parts is not None:
        return "odt" if parts.get("mimetype", b"").startswith(ODT_MIME) else None
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if archive.read("mimetype").startswith(ODT_MIME):
                    return "odt"
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
    return None


WHAT = {"doc": "tệp Word 97–2003 (.doc)", "odt": "tệp OpenDocument (.odt, của LibreOffice/OpenOffice)",
        "rtf": "tệp RTF", "html": "một trang web (HTML) được lưu với đuôi của Word"}


def _how_to_convert(kind: str) -> str:
    if kind == "encrypted":
        return ("tệp Word này được đặt mật khẩu (mã hóa) nên không đọc được nội dung. Mở bằng Word, bỏ mật khẩu "
                "(Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi kiểm tra.")
    if kind == "html":
        return (f"đây là {WHAT[kind]}, không phải văn bản Word. Mở bằng Word rồi chọn Tệp → Lưu thành → "
                "“Word Document (*.docx)”, hoặc sao chép nội dung vào một tệp .txt rồi kiểm tra tệp đó.")
    app = "LibreOffice Writer" if kind == "odt" else "Word (hoặc LibreOffice Writer)"
    message = (f"đây là {WHAT[kind]}; kehoach đọc tệp .docx. Mở tệp bằng {app}, chọn Tệp → Lưu thành → "
               "“Word Document (*.docx)”, rồi kiểm tra tệp .docx.")
    if convert.available():
        message += (" Máy này có LibreOffice nên kehoach tự chuyển được: chạy lại lệnh kiemtra với tùy chọn "
                    "--chuyen-doi (bản .docx chỉ nằm trong thư mục tạm, tệp gốc không đổi).")
    else:
        message += " Nếu cài LibreOffice, kehoach tự chuyển được (tùy chọn --chuyen-doi)."
    return message
