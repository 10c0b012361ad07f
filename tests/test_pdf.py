"""One example per system through LibreOffice: the draft opens and lays out as the seeds do."""

from __future__ import annotations

import subprocess

import pytest

from .tools import convert, pdf_pages, pdf_text, require


@pytest.mark.parametrize("seed, expected", [
    ("000", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Lai Châu, ngày 23 tháng 8 năm 2023", "KẾ HOẠCH",
             "TM. BAN THƯỜNG VỤ", "Hoàng Thọ Trung"]),
    ("002", ["ĐẢNG CỘNG SẢN VIỆT NAM", "Số 452-KH/HU", "T/M BAN THƯỜNG VỤ", "Nguyễn Văn Thanh"]),
])
def test_renders_to_pdf(generated, tmp_path, seed, expected):
    require("soffice", "pdftotext", "pdfinfo")
    [pdf] = convert([generated[seed].path], "pdf", tmp_path)
    text = pdf_text(pdf)
    for line in expected:
        assert line in text
    count = pdf_pages(pdf)
    assert 1 <= count <= 6
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in next(line for line in pages.splitlines() if line.startswith("Page size"))
