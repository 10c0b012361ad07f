"""What a file given where a YAML file was expected really is (a Word file, a PDF, a photo …), told by its first
bytes, and the kehoach command that does take it: a secretary who types `kehoach tao van-ban.docx` is told to use
`--van-ban`, not to re-save a Word file as UTF-8.

Only the first bytes are looked at (the signatures of the formats, and the names of the first entries of a zip
package, which a .docx, .xlsx, .odt … stores uncompressed): a file of any size is recognised without being read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HEAD = 4096  # bytes looked at: a zip package names its first parts (word/, xl/, ppt/) well within this


@dataclass(frozen=True)
class Kind:
    """A kind of file: its Vietnamese name, its usual suffix, and what kehoach can do with it."""

    name: str  # "tệp Word (.docx)"
    suffix: str  # ".docx"
    use: str  # "word": parent or draft; "parent": parent only (nhap reads it); "convert": save as .docx first; "" none


WORD = Kind("tệp Word (.docx)", ".docx", "word")
PDF = Kind("tệp PDF (.pdf)", ".pdf", "parent")
_ZIPPED = (  # a part name in the package → what it is; the first match wins
    (b"word/", WORD),
    (b"xl/", Kind("tệp Excel (.xlsx)", ".xlsx", "")),
    (b"ppt/", Kind("tệp PowerPoint (.pptx)", ".pptx", "")),
    (b"application/vnd.oasis.opendocument.text", Kind("tệp LibreOffice Writer (.odt)", ".odt", "convert")),
    (b"application/vnd.oasis.opendocument.spreadsheet", Kind("tệp LibreOffice Calc (.ods)", ".ods", "")),
    (b"application/vnd.oasis.opendocument.presentation", Kind("tệp LibreOffice Impress (.odp)", ".odp", "")),
)
_BY_SUFFIX = {kind.suffix: kind for _part, kind in _ZIPPED}
ZIP = Kind("tệp nén (.zip)", ".zip", "")
_OLE = {".xls": Kind("tệp Excel cũ (.xls)", ".xls", ""), ".ppt": Kind("tệp PowerPoint cũ (.ppt)", ".ppt", "")}
OLD_WORD = Kind("tệp Word cũ (.doc)", ".doc", "convert")
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", Kind("ảnh PNG (.png)", ".png", "parent")),
    (b"\xff\xd8\xff", Kind("ảnh JPEG (.jpg)", ".jpg", "parent")),
    (b"II*\x00", Kind("ảnh TIFF (.tif)", ".tif", "parent")),
    (b"MM\x00*", Kind("ảnh TIFF (.tif)", ".tif", "parent")),
    (b"GIF87a", Kind("ảnh GIF (.gif)", ".gif", "parent")),
    (b"GIF89a", Kind("ảnh GIF (.gif)", ".gif", "parent")),
)
_OTHER = (  # signatures (Gary Kessler's table of file signatures) of what an office also has lying around
    (b"%PDF-", PDF),
    (b"{\\rtf", Kind("tệp RTF (.rtf)", ".rtf", "convert")),
    (b"Rar!\x1a\x07", Kind("tệp nén (.rar)", ".rar", "")),
    (b"7z\xbc\xaf\x27\x1c", Kind("tệp nén (.7z)", ".7z", "")),
    (b"\x1f\x8b", Kind("tệp nén (.gz)", ".gz", "")),
    (b"MZ", Kind("tệp chương trình (.exe)", ".exe", "")),
    (b"\x7fELF", Kind("tệp chương trình", "", "")),
)
_HTML = re.compile(rb"\s*(<!doctype html|<html)", re.IGNORECASE)
BINARY = Kind("tệp nhị phân (không phải chữ)", "", "")
# Suffixes of the kinds above, and their other spellings: a name ending so, given where a profile or document name is
# expected, is taken as that file (the loader then says what it is), not as a name to search for.
SUFFIXES = frozenset(({kind.suffix for _p, kind in _ZIPPED + _IMAGES + _OTHER} | set(_OLE) | {
    ".doc", ".zip", ".jpeg", ".tiff", ".webp", ".heic", ".html", ".htm"}) - {""})


def recognise(head: bytes, suffix: str = "") -> Kind | None:
    """The kind of a file from its first bytes (and, for a zip package that does not name its parts early, from its
    suffix); None for text, which may be YAML. A UTF-16 text with its BOM is text."""
    suffix = suffix.lower()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        for part, kind in _ZIPPED:
            if part in head:
                return kind
        return _BY_SUFFIX.get(suffix, ZIP)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: Word, Excel, PowerPoint before 2007
        return _OLE.get(suffix, OLD_WORD)
    for magic, kind in _IMAGES + _OTHER:
        if head.startswith(magic) and (magic != b"MZ" or b"\x00" in head):  # "MZ: …" could begin a text
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Kind("ảnh WebP (.webp)", ".webp", "parent")
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1"):
        return Kind("ảnh HEIC (.heic)", ".heic", "parent")
    if _HTML.match(head):
        return Kind("trang web (.html)", ".html", "convert")
    if b"\x00" in head[:HEAD]:  # no text kehoach reads has a NUL byte (UTF-16 is told by its BOM)
        return BINARY
    return None


def explain(file: Path, head: bytes, what: str) -> str | None:
    """The message for a file of another kind given as `what` ("tệp kế hoạch"): what it is and the command that takes
    it; None when the bytes may be text (then the YAML loader reads them and says what is wrong)."""
    kind = recognise(head, file.suffix)
    if kind is None:
        return None
    renamed = bool(kind.suffix) and file.suffix.lower() != kind.suffix and not (
        kind.suffix == ".jpg" and file.suffix.lower() == ".jpeg") and not (
        kind.suffix == ".tif" and file.suffix.lower() == ".tiff") and not (
        kind.suffix == ".html" and file.suffix.lower() == ".htm")
    said = f"đây là {kind.name}"
    if renamed and file.suffix:
        said += f" dù tên tệp có đuôi {file.suffix}"
    said += f", không phải {what} YAML."
    usable = file.with_suffix(kind.suffix) if renamed else file
    rename = f" Hãy đổi tên tệp thành {usable.name}." if renamed and kind.use else ""
    shown = _shell(usable)
    if kind.use == "word":
        todo = (f" Để soạn từ văn bản cấp trên: kehoach tao --ho-so … --van-ban {shown}."
                f" Để chỉ nhập văn bản vào van-ban/: kehoach nhap {shown}."
                f" Để kiểm tra: kehoach kiemtra {shown}.")
    elif kind.use == "parent":
        todo = (f" Để soạn từ văn bản cấp trên: kehoach tao --ho-so … --van-ban {shown}."
                f" Để chỉ nhập văn bản vào van-ban/: kehoach nhap {shown}.")
    elif kind.use == "convert":
        todo = (" Nếu là văn bản cấp trên: mở bằng Word hoặc LibreOffice, lưu thành .docx (hoặc PDF), rồi "
                "kehoach tao --ho-so … --van-ban <tệp .docx>."
                f" Để kiểm tra thể thức: kehoach kiemtra --chuyen-doi {shown}.")
    else:
        todo = f" Ở đây kehoach cần {what} viết bằng chữ, đuôi .yaml (mở bằng Notepad thấy các dòng 'khóa: giá trị')."
    return said + rename + todo


def _shell(path: Path) -> str:
    """A path as it is typed in a command: in double quotes when it has a space or a character a shell would read."""
    text = str(path)
    return text if re.fullmatch(r"[\w./\\:@%+=,-]+", text) else '"' + text.replace('"', '\\"') + '"'
