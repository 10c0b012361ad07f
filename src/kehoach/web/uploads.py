"""Files sent through the page: checked by their content, kept under a name the page makes, removed after use.

The name a browser sends is shown back to the person (escaped) and never used for anything else: not as a path, not
as a suffix. The kind of file is read from its first bytes; the size limit is the app's MAX_CONTENT_LENGTH.
"""

from __future__ import annotations

import contextlib
import io
import secrets
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehoach.errors import InputError, Problem

MAX_BYTES = 25 * 1024 * 1024  # a scanned parent of a dozen pages; a request above it is refused before it is read

# Kind → (suffix the file is kept with, what the person is told it is).
NAMES = {"docx": ".docx", "pdf": ".pdf", "png": ".png", "jpeg": ".jpg", "tiff": ".tif", "txt": ".txt"}
SHOWN = {"docx": "Word (.docx)", "pdf": "PDF", "png": "ảnh PNG", "jpeg": "ảnh JPEG", "tiff": "ảnh TIFF",
         "txt": "văn bản thuần (.txt)"}


@dataclass(frozen=True)
class Upload:
    path: Path  # where the content is kept for this request: a name the page made
    kind: str  # docx, pdf, png, jpeg, tiff, txt
    shown: str  # the name the browser sent, to show back (never a path)


def sniff(head: bytes, data: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                return "docx" if "word/document.xml" in package.namelist() else None
        except zipfile.BadZipFile:
            return None
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return "txt" if b"\x00" not in data else None


@contextlib.contextmanager
def received(storage: Any, allowed: tuple[str, ...], field: str = "tep") -> Iterator[Upload]:
    """The uploaded file of a form, kept in a private temporary folder for the time of the `with` block.

    Raises InputError (with `field` as the problem's key, so the form shows it beside the file control) when no file
    was chosen, the file is empty, or its content is not one of the `allowed` kinds."""
    if storage is None or not getattr(storage, "filename", ""):
        raise InputError([Problem(None, "chưa chọn tệp", key=field)])
    data = storage.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError([Problem(None, f"tệp lớn hơn {MAX_BYTES // (1024 * 1024)} MB", key=field)])
    if not data:
        raise InputError([Problem(None, "tệp rỗng", key=field)])
    kind = sniff(data[:16], data)
    if kind not in allowed:
        wanted = ", ".join(SHOWN[k] for k in allowed)
        raise InputError([Problem(None, f"tệp này không phải {wanted}", key=field)])
    folder = Path(tempfile.mkdtemp(prefix="kehoach-tai-len-"))
    try:
        path = folder / f"{secrets.token_hex(8)}{NAMES[kind]}"
        path.write_bytes(data)
        yield Upload(path, kind, Path(str(storage.filename).replace("\\", "/")).name[:200])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
