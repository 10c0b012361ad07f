"""One example per system through LibreOffice: the draft opens and lays out as the seeds do."""

from __future__ import annotations

import shutil
import subprocess

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice/poppler chưa được cài (.ci/run cài chúng)")


@pytest.mark.parametrize("seed, expected", [
    ("000", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Lai Châu, ngày 23 tháng 8 năm 2023", "KẾ HOẠCH",
             "TM. BAN THƯỜNG VỤ", "Hoàng Thọ Trung"]),
    ("002", ["ĐẢNG CỘNG SẢN VIỆT NAM", "Số 452-KH/HU", "T/M BAN THƯỜNG VỤ", "Nguyễn Văn Thanh"]),
])
def test_renders_to_pdf(generated, tmp_path, seed, expected):
    source = generated[seed].path
    done = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                           "pdf", "--outdir", str(tmp_path), str(source)], capture_output=True, timeout=180)
    pdf = tmp_path / (source.stem + ".pdf")
    assert pdf.is_file(), done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    for line in expected:
        assert line in text
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    count = int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")))
    assert 1 <= count <= 6
    assert "(A4)" in next(line for line in pages.splitlines() if line.startswith("Page size"))
