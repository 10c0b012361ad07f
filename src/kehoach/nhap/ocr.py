"""Scans and photos read through Tesseract OCR with its Vietnamese data, on this machine (no service, no download).

Tesseract and its `vie` data are Debian packages (tesseract-ocr, tesseract-ocr-vie), an optional dependency: when
they are missing the user is told which packages to install. A scanned PDF is first rasterised page by page with
poppler's pdftoppm (poppler-utils). Tesseract's TSV output gives each word's box, so a scan goes through the same
layout as a PDF's text layer (layout.py); every page is scaled to the width of an A4 page in points.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from kehoach.errors import InputError, Problem
from kehoach.nhap.layout import Line, Page

A4_WIDTH_PT = 595.3
DPI = 300
TIMEOUT = 300  # seconds for one page
INSTALL = "sudo apt install tesseract-ocr tesseract-ocr-vie"
Runner = Callable[..., subprocess.CompletedProcess]


def missing(which: Callable[[str], str | None] | None = None, run: Runner | None = None) -> str | None:
    """Why OCR cannot run here, in Vietnamese; None when Tesseract with Vietnamese is installed."""
    which, run = which or shutil.which, run or subprocess.run
    exe = which("tesseract")
    if exe is None:
        return f"cần Tesseract OCR để đọc ảnh và bản quét; chưa cài (cài bằng: {INSTALL})."
    try:
        listed = run([exe, "--list-langs"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"không chạy được Tesseract OCR ({exc})."
    langs = {word.strip() for word in (listed.stdout + listed.stderr).splitlines()}
    if "vie" not in langs:
        return f"Tesseract OCR chưa có dữ liệu tiếng Việt (gói tesseract-ocr-vie; cài bằng: {INSTALL})."
    return None


def _require(path: Path) -> str:
    reason = missing()
    if reason:
        raise InputError([Problem(path, reason)])
    return shutil.which("tesseract") or "tesseract"


def rasterise(pdf: Path, folder: Path, dpi: int = DPI) -> list[Path]:
    """Every page of a PDF as a PNG (pdftoppm), in page order."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise InputError([Problem(pdf, "PDF này là bản quét (không có chữ); cần pdftoppm (gói poppler-utils) để đọc "
                                       "bằng OCR: sudo apt install poppler-utils.")])
    try:
        done = subprocess.run([exe, "-r", str(dpi), "-png", str(pdf), str(folder / "trang")], capture_output=True,
                              timeout=TIMEOUT * 4)
    except (OSError, subprocess.SubprocessError) as exc:
        raise InputError([Problem(pdf, f"không chuyển được PDF thành ảnh để OCR ({exc}).")]) from None
    images = sorted(folder.glob("trang*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[-1]))
    if done.returncode != 0 or not images:
        reason = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["không rõ lý do"]
        raise InputError([Problem(pdf, f"không chuyển được PDF thành ảnh để OCR ({reason[0]}).")])
    return images


def _tsv(exe: str, image: Path, origin: Path) -> str:
    try:
        # One thread: Tesseract's OpenMP threads make it several times slower on a small shared machine.
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        done = subprocess.run([exe, str(image), "stdout", "-l", "vie", "--psm", "3", "tsv"], capture_output=True,
                              timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        raise InputError([Problem(origin, f"OCR quá {TIMEOUT} giây cho một trang; ảnh quá lớn?")]) from None
    except OSError as exc:
        raise InputError([Problem(origin, f"không chạy được Tesseract OCR ({exc}).")]) from None
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["không rõ lý do"]
        raise InputError([Problem(origin, f"Tesseract không đọc được ảnh ({reason[0]}).")])
    return done.stdout.decode("utf-8", errors="replace")


def lines_of_tsv(tsv: str, page_no: int) -> tuple[list[Line], Page]:
    """Tesseract's TSV (one row per word, with its box in pixels) → lines in points, split at wide gaps."""
    words: dict[tuple[int, int, int], list[tuple[float, float, float, float, str]]] = {}
    width_px = height_px = 0.0
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12:
            continue
        level, block, par, line = (int(c) for c in (cols[0], cols[2], cols[3], cols[4]))
        left, top, width, height = (float(c) for c in cols[6:10])
        if level == 1:
            width_px, height_px = width, height
        if level == 5 and cols[11].strip():
            words.setdefault((block, par, line), []).append((left, top, left + width, top + height, cols[11].strip()))
    scale = A4_WIDTH_PT / width_px if width_px else 1.0
    out: list[Line] = []
    for group in words.values():
        for piece in _columns(sorted(group)):
            text = _clean(" ".join(w[4] for w in piece))
            if _mark(text):
                if "*" not in text:
                    continue  # a rule under a header line read as "-" or "_"
                text = "*"  # the star(s) under the issuer ("*", the Đoàn's "***"), read as "?›k*%": never its name
            out.append(Line(page_no, piece[0][0] * scale, max(w[2] for w in piece) * scale,
                            min(w[1] for w in piece) * scale, max(w[3] for w in piece) * scale, text))
    return out, Page(page_no, width_px * scale, height_px * scale)


Word = tuple[float, float, float, float, str]


def _columns(words: list[Word]) -> list[list[Word]]:
    """Tesseract may take the two header columns on one row for one line: cut it where the space between two words
    is far wider than between the others (a justified line spreads its spaces evenly) and the next word can start a
    column: never before a lower-case word, which goes on a sentence ("phòng UBND   tỉnh) trước ngày …", where a
    photo's box of "UBND" ends short)."""
    gaps = [b[0] - a[2] for a, b in zip(words, words[1:], strict=False)]
    heights = sorted(w[3] - w[1] for w in words)
    usual = sorted(gaps)[len(gaps) // 2] if len(gaps) >= 3 else heights[len(heights) // 2] * 0.3
    limit = max(usual * 2.5, heights[len(heights) // 2] * 0.6)
    pieces: list[list[Word]] = [[]]
    for word, gap in zip(words, [0.0, *gaps], strict=True):
        if pieces[-1] and gap > limit and not word[4][:1].islower():
            pieces.append([])
        pieces[-1].append(word)
    return pieces


def _mark(text: str) -> bool:
    """Marks, not words: no letter or digit, or a few characters that are mostly not letters ("?›k*%")."""
    letters = sum(ch.isalnum() for ch in text)
    return letters == 0 or (len(text.replace(" ", "")) <= 6 and letters * 2 < len(text.replace(" ", "")))


def _clean(text: str) -> str:
    """Marks the scan adds around a header line in capitals ("- NAM.", "LĐLĐ :"): a header line has none."""
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        text = re.sub(r"^[\W_]+\s+|\s+[\W_]+$|(?<=[^\W\d_])\.$", "", text.strip())
    return text


def image_lines(images: list[Path], origin: Path) -> tuple[list[Line], list[Page]]:
    """OCR every image (one page each) with Vietnamese."""
    exe = _require(origin)
    lines: list[Line] = []
    pages: list[Page] = []
    for number, image in enumerate(images, start=1):
        found, page = lines_of_tsv(_tsv(exe, image, origin), number)
        lines += found
        pages.append(page)
    return lines, pages


def scanned_pdf_lines(pdf: Path) -> tuple[list[Line], list[Page]]:
    _require(pdf)
    with tempfile.TemporaryDirectory(prefix="kehoach-ocr-") as tmp:
        return image_lines(rasterise(pdf, Path(tmp)), pdf)
