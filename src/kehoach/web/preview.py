"""The pages of a draft as pictures: LibreOffice makes a PDF, poppler's pdftoppm makes one JPEG per page.

Starting LibreOffice costs seconds on this machine and tens of seconds on an office PC, so ONE LibreOffice is kept
running for the whole session (lo_worker.py, run by a Python that has LibreOffice's `uno` bridge) and started as the
page starts, before anyone presses Soạn. Without the bridge each preview starts LibreOffice once; without LibreOffice
the page shows the draft as HTML (htmldraft.py) instead of pictures.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

log = logging.getLogger("kehoach.web")

_WORKER = Path(__file__).with_name("lo_worker.py")
_WINDOWS_OFFICE = [Path(os.environ.get(v, "")) / "LibreOffice" / "program" for v in ("PROGRAMFILES", "PROGRAMFILES(X86)")]
_MAC_OFFICE = Path("/Applications/LibreOffice.app/Contents")


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for folder in [*_WINDOWS_OFFICE, _MAC_OFFICE / "MacOS"]:
        for name in ("soffice.exe", "soffice"):
            if (folder / name).is_file():
                return str(folder / name)
    return None


def _uno_python(soffice: str) -> str | None:
    """A Python that can `import uno`: LibreOffice's own (Windows, macOS), or the system's with python3-uno (Linux)."""
    program = Path(soffice).resolve().parent
    candidates = [os.environ.get("KEHOACH_UNO_PYTHON", ""), str(program / "python.exe"), str(program / "python"),
                  str(_MAC_OFFICE / "Resources" / "python"), "/usr/bin/python3", shutil.which("python3") or ""]
    for candidate in dict.fromkeys(c for c in candidates if c):
        if not Path(candidate).is_file():
            continue
        try:
            probe = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return candidate
    return None


class Converter:
    """.docx → PDF through one LibreOffice kept warm. Thread-safe: conversions take turns (one LibreOffice)."""

    def __init__(self, soffice: str | None = None, warm: bool = True, find: bool = True):
        """`soffice`: LibreOffice's program (default: found on this machine unless `find` is False, then none);
        `warm`: keep one running (False: start one per preview)."""
        self.soffice = soffice if soffice is not None or not find else find_soffice()
        self.warm = warm
        self._lock = threading.Lock()
        self._worker: subprocess.Popen[str] | None = None
        self._made: Path | None = None  # private LibreOffice profiles, made when first needed, removed at close
        self._python: str | None = None
        self._probed = False

    @property
    def _home(self) -> Path:
        if self._made is None:
            self._made = Path(tempfile.mkdtemp(prefix="kehoach-lo-"))
        return self._made

    @property
    def available(self) -> bool:
        return self.soffice is not None

    def start(self) -> None:
        """Start LibreOffice in the background now, so the first preview finds it running."""
        if self.available and self.warm:
            threading.Thread(target=self._ensure_started, name="kehoach-lo-start", daemon=True).start()

    def _ensure_started(self) -> bool:
        with self._lock:
            return self._start_locked()

    def _start_locked(self) -> bool:
        if self._worker is not None and self._worker.poll() is None:
            return True
        if not self._probed and self.soffice is not None:
            self._python, self._probed = _uno_python(self.soffice), True
        if self._python is None or self.soffice is None:
            return False
        self._worker = subprocess.Popen([self._python, str(_WORKER), self.soffice, str(self._home / "warm")],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                        text=True, encoding="utf-8")
        ready = self._answer()
        if not ready.get("ready"):
            log.warning("LibreOffice chạy sẵn không khởi động được; mỗi lần xem trước sẽ khởi động LibreOffice")
            self._stop_worker()
            self._python = None
            return False
        return True

    def _answer(self) -> dict[str, object]:
        assert self._worker is not None and self._worker.stdout is not None
        line = self._worker.stdout.readline()
        try:
            answer = json.loads(line) if line else {}
        except ValueError:
            answer = {}
        return answer if isinstance(answer, dict) else {}

    def to_pdf(self, docx: Path, pdf: Path) -> bool:
        """Convert one file; False when LibreOffice could not (the page then shows the draft as HTML)."""
        if self.soffice is None:
            return False
        with self._lock:
            if self.warm and self._start_locked():
                assert self._worker is not None and self._worker.stdin is not None
                try:
                    self._worker.stdin.write(json.dumps({"in": str(docx.resolve()), "out": str(pdf.resolve())}) + "\n")
                    self._worker.stdin.flush()
                    if self._answer().get("ok") and pdf.is_file():
                        return True
                except OSError:
                    pass
                self._stop_worker()  # broken: the next preview starts a new one
            return self._once(docx, pdf)

    def _once(self, docx: Path, pdf: Path) -> bool:
        """LibreOffice started for this one file (no `uno` bridge, or the warm one failed)."""
        assert self.soffice is not None
        outdir = pdf.parent / f".lo-{os.getpid()}"
        profile = (self._home / "once").resolve().as_uri()
        try:
            subprocess.run([self.soffice, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
                            "--outdir", str(outdir), str(docx)], capture_output=True, timeout=300)
            made = outdir / f"{docx.stem}.pdf"
            if made.is_file():
                os.replace(made, pdf)
                return True
            return False
        except (OSError, subprocess.TimeoutExpired):
            return False
        finally:
            shutil.rmtree(outdir, ignore_errors=True)

    def _stop_worker(self) -> None:
        worker, self._worker = self._worker, None
        if worker is None:
            return
        try:
            if worker.stdin is not None:
                worker.stdin.close()
            worker.wait(timeout=15)
        except (OSError, subprocess.TimeoutExpired):
            worker.kill()
            worker.wait()

    def close(self) -> None:
        with self._lock:
            self._stop_worker()
            if self._made is not None:
                shutil.rmtree(self._made, ignore_errors=True)
                self._made = None


def pdf_to_pictures(pdf: Path, folder: Path, dpi: int = 110) -> list[Path]:
    """One JPEG per page (trang-1.jpg …), or [] without poppler's pdftoppm.

    JPEG, not PNG: pdftoppm compresses a page to PNG in about half a second, to JPEG in a twentieth; at quality 90 and
    110 dpi (an A4 page 909 pixels wide, shown at about 750) the text is as sharp to read."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([tool, "-jpeg", "-jpegopt", "quality=90", "-r", str(dpi), str(pdf), str(folder / "trang")],
                       capture_output=True, timeout=120, check=True)
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(folder.glob("trang-*.jpg"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
