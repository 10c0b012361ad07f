"""Convert a .doc, .odt or .rtf file to .docx with LibreOffice, in a temporary folder, so it can be read.

Only on request (the user's file is never touched and nothing is left behind); LibreOffice runs headless with a
private profile so an open LibreOffice window does not block it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from kehoach.errors import InputError, Problem

CONVERTIBLE = {"doc", "odt", "rtf"}
TIMEOUT_S = 180
NAMES = {"doc": ".doc", "odt": ".odt", "rtf": ".rtf"}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice() is not None


def open_converted(path: Path, kind: str, opener: Callable[[Path], object]):
    """(what `opener` returns for the converted .docx, notes for the user); InputError when conversion fails."""
    program = soffice()
    if program is None:
        raise InputError([Problem(path, "không tìm thấy LibreOffice (soffice) để chuyển tệp sang .docx.")])
    with tempfile.TemporaryDirectory(prefix="kehoach-chuyen-") as tmp:
        folder = Path(tmp)
        # A copy with a plain name: LibreOffice picks its import filter from the extension.
        source = folder / f"van-ban{NAMES[kind]}"
        shutil.copyfile(path, source)
        command = [program, "--headless", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                   "--convert-to", "docx", "--outdir", str(folder / "ra"), str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise InputError([Problem(path, "LibreOffice không chuyển được tệp sang .docx.")]) from exc
        converted = folder / "ra" / "van-ban.docx"
        if not converted.is_file():
            raise InputError([Problem(path, "LibreOffice không chuyển được tệp sang .docx "
                                            "(tệp có thể bị hỏng hoặc được đặt mật khẩu).")])
        document = opener(converted)
    note = (f"tệp {NAMES[kind]} đã được LibreOffice chuyển sang .docx để kiểm tra (trong thư mục tạm); "
            "định dạng có thể khác đôi chút so với khi mở bằng Word.")
    return document, [note]
