"""External programs some tests need (LibreOffice, poppler, Tesseract, Chromium), and batch conversions with them.

Locally a missing program skips the test with the reason; in CI (`KEHOACH_CI=1`, set by .ci/run, which installs them
all) it fails it: a test that needs a tool must run there, never skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterable
from pathlib import Path

import pytest

IN_CI = os.environ.get("KEHOACH_CI") == "1"


def require(*programs: str) -> dict[str, str]:
    """The full path of each program; skip (locally) or fail (in CI) when one is missing."""
    found = {name: shutil.which(name) for name in programs}
    missing = [name for name, path in found.items() if path is None]
    if missing:
        message = f"thiếu chương trình: {', '.join(missing)} (.ci/run cài chúng)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return {name: path for name, path in found.items() if path is not None}


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        if shutil.which(name):
            return shutil.which(name)  # type: ignore[return-value]
    return require("soffice")["soffice"]


def convert(files: Iterable[Path], to: str, outdir: Path, timeout: float = 600) -> list[Path]:
    """Convert many files in ONE LibreOffice run (starting it costs seconds): `to` is "pdf" or "docx".

    Returns the converted files in the order given; fails naming the files LibreOffice could not convert.
    """
    files = list(files)
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / f".lo-{uuid.uuid4().hex[:8]}"  # a private LibreOffice profile: runs in parallel never collide
    done = subprocess.run([soffice(), "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", to,
                           "--outdir", str(outdir), *map(str, files)], capture_output=True, timeout=timeout)
    shutil.rmtree(profile, ignore_errors=True)
    out = [outdir / f"{f.stem}.{to.split(':')[0]}" for f in files]
    missing = [str(f) for f, o in zip(files, out, strict=True) if not o.is_file()]
    assert not missing, f"LibreOffice không chuyển được {missing}: {done.stderr.decode(errors='replace')[-2000:]}"
    return out


def pdf_text(pdf: Path, layout: bool = True) -> str:
    require("pdftotext")
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: Path) -> int:
    require("pdfinfo")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def image_pdf(jpeg: Path, out: Path) -> Path:
    """A scanned document as offices receive it: one A4 page that is only an image (the JPEG), no text layer.

    Written by hand (a few PDF objects), so no extra program is needed to make a scan for the OCR tests.
    """
    data = jpeg.read_bytes()
    at = data.index(b"\xff\xc0") if b"\xff\xc0" in data else data.index(b"\xff\xc2")
    height, width = int.from_bytes(data[at + 5:at + 7], "big"), int.from_bytes(data[at + 7:at + 9], "big")
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /XObject << /Im0 4 0 R >> >> " \
           b"/Contents 5 0 R >>"
    image = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 "
             b"/Filter /DCTDecode /Length %d >>\nstream\n" % (width, height, len(data)) + data + b"\nendstream")
    draw = b"q 595.28 0 0 841.89 0 0 cm /Im0 Do Q"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page, image,
               b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream"]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    out.write_bytes(body)
    return out
