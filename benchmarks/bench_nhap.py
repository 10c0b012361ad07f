#!/usr/bin/env python
"""Time to import one parent document of each kind with `kehoach nhap` (kehoach.nhap.read_file, nothing written).

    python benchmarks/bench_nhap.py              # each kind, median of 3 runs
    python benchmarks/bench_nhap.py --runs 5 --json

The documents: the draft of examples/ke-hoach/000-ldld-lai-chau.yaml as .docx, its PDF made by LibreOffice (text
layer, 2 pages), page 1 of it as a 300 dpi PNG (photo or scan, OCR), the same page as a PDF that is only an image
(scanned PDF: rasterised, then OCR), and seed 000 as plain text. LibreOffice, poppler and Tesseract with Vietnamese
must be installed (as .ci/run installs them). Each figure is the wall-clock time of read_file in this process, after
one warm-up import (Python imports and the profile catalogue are not counted); the machine's load is printed with it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kehoach.nhap import read_file  # noqa: E402
from kehoach.workspace.drafts import generate  # noqa: E402
from tests.tools import convert, image_pdf  # noqa: E402


def _documents(folder: Path) -> dict[str, Path]:
    draft = generate(REPO / "examples" / "ke-hoach" / "000-ldld-lai-chau.yaml", out_dir=folder).output
    [pdf] = convert([draft], "pdf", folder)
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", str(pdf), str(folder / "trang")], check=True)
    subprocess.run(["pdftoppm", "-r", "300", "-jpeg", "-f", "1", "-l", "1", str(pdf), str(folder / "quet")], check=True)
    [png] = folder.glob("trang*.png")
    [jpeg] = folder.glob("quet*.jpg")
    return {
        ".docx": draft,
        "PDF có lớp chữ (2 trang)": pdf,
        "ảnh PNG 300 dpi (OCR, 1 trang)": png,
        "PDF bản quét (OCR, 1 trang)": image_pdf(jpeg, folder / "ban-quet.pdf"),
        "văn bản thuần (seed 000)": next((REPO / "tests" / "fixtures" / "seeds").glob("000_*.txt")),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-nhap-") as tmp:
        documents = _documents(Path(tmp))
        read_file(documents[".docx"])  # warm-up: imports, profile catalogue
        figures = {}
        for kind, path in documents.items():
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                imported = read_file(path)
                times.append(time.perf_counter() - start)
            figures[kind] = {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
                             "documents": len(imported.documents), "number": imported.document.data.get("so_ky_hieu")}
    load = os.getloadavg()[0]
    print(f"Nhập một văn bản ({platform.processor() or platform.machine()}, {os.cpu_count()} nhân, tải {load:.1f}; "
          f"trung vị {args.runs} lần):")
    print(f"| {'Loại tệp':32} | {'Thời gian':>10} | {'nhanh nhất':>10} | văn bản |")
    print(f"|{'-' * 34}|{'-' * 12}|{'-' * 12}|---------|")
    for kind, f in figures.items():
        print(f"| {kind:32} | {f['median_s']:>8.2f} s | {f['min_s']:>8.2f} s | {f['documents']:>7} |")
    if args.json:
        print(json.dumps({"load": load, "figures": figures}, ensure_ascii=False, indent=2))
    wrong = [k for k, f in figures.items() if f["number"] != "470/KH-LĐLĐ" and "seed" not in k]
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
