"""Issue 16, kinds 8, 9 and 10: hostile templates (`mau:`) and hostile files for `kiemtra`.

A template only places values: loader tags, calls, assignments are refused when it is read; arithmetic and sizes are
bounded while it renders. A FIFO, a device, a folder is refused without waiting; a .docx is checked from its zip
directory before anything is inflated.
"""

from __future__ import annotations

import io
import os
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from docx import Document

from kehoach.docx.package import MAX_PART

from .hostile import GOOD, ROOT, deadline, files, invoke, no_traceback, refused, workspace

BASE = ROOT / "profiles" / "lai-chau" / "ldld-lai-chau.yaml"


def with_template(tmp_path: Path, mau: str, body: str | None = None, title: str | None = None):
    """A plan whose profile names `mau` as its template (a .docx made with `body` and core property `title`)."""
    root = workspace(tmp_path / "ws")
    if body is not None or title is not None:
        doc = Document()
        doc.add_paragraph(body or "{{ trich_yeu }}")
        if title is not None:
            doc.core_properties.title = title
        doc.save(root / mau)
    (root / "ho-so.yaml").write_text(f"ke_thua: {BASE}\nmau: '{mau}'\n", encoding="utf-8")
    plan = root / "ke-hoach" / "p.yaml"
    plan.write_text(GOOD.replace("lai-chau/ldld-lai-chau", str(root / "ho-so.yaml")), encoding="utf-8")
    before = files(tmp_path)
    with deadline(30):
        result = invoke("tao", plan, "--thu-muc", root / "ban-thao")
    assert files(tmp_path) == before  # nothing written
    return result, root


# -- 8: templates ---------------------------------------------------------------------------------------------------

LOADER = "mẫu phải là một tệp .docx trọn vẹn, không nạp tệp khác"
ONLY = "mẫu chỉ được đặt biến, dùng if, for và các bộ lọc chữ"


@pytest.mark.parametrize("body, message", [
    ("{% include 'ban-thao/khac.docx' %}", f"mẫu không được dùng {{% include %}}: {LOADER}"),
    ("{% import 'macros.xml' as m %}", f"mẫu không được dùng {{% import %}}: {LOADER}"),
    ("{% extends 'goc.xml' %}", f"mẫu không được dùng {{% extends %}}: {LOADER}"),
    ("{{ range(200000)|list }}", f"mẫu không được dùng gọi hàm hay phương thức (…()): {ONLY}"),
    ("{{ lipsum(2000000) }}", f"mẫu không được dùng gọi hàm hay phương thức (…()): {ONLY}"),
    ("{{ trich_yeu.center(2000000000) }}", f"mẫu không được dùng gọi hàm hay phương thức (…()): {ONLY}"),
    ("{% set x = trich_yeu %}{{ x }}", f"mẫu không được dùng {{% set %}}: {ONLY}"),
    ("{% macro m() %}x{% endmacro %}", f"mẫu không được dùng {{% macro %}}: {ONLY}"),
    ("{{ x }}{% filter upper %}{{ trich_yeu }}{% endfilter %}", f"mẫu không được dùng {{% filter %}}: {ONLY}"),
    ("{% autoescape false %}{{ trich_yeu }}{% endautoescape %}",
     "mẫu không được dùng {% autoescape %}: chữ trong văn bản luôn phải được thoát ký tự XML"),
])
def test_template_constructs_refused_when_read(tmp_path, body, message):
    result, root = with_template(tmp_path, "mau.docx", body)
    assert refused(result).strip() == f"Lỗi: {root / 'mau.docx'}: {message}"


@pytest.mark.parametrize("body, message", [
    ("{{ 7**100000000 }}", "phép lũy thừa cho số quá lớn (hơn 4096 bit)"),
    ("{{ 10**5000 }}", "phép lũy thừa cho số quá lớn (hơn 4096 bit)"),
    ("{{ 'ab' * 2000000000 }}", "phép nhân cho chữ hay danh sách dài quá 10.000.000 ký tự"),
    # Audit A, 16.8: 10,000,000 items, each a long text: refused from the estimate, before anything is made.
    ("{{ [trich_yeu] * 9999999 }}", "phép nhân cho chữ hay danh sách dài quá 10.000.000 ký tự"),
    ("{{ [trich_yeu] * 100000 }}", "phép nhân cho chữ hay danh sách dài quá 10.000.000 ký tự"),
    ("{{ [[trich_yeu] * 1000] * 1000 }}", "phép nhân cho chữ hay danh sách dài quá 10.000.000 ký tự"),
    ("{{ ['x' * 100] * 60000 + ['x' * 100] * 60000 }}", "phép cộng cho chữ hay danh sách dài quá 10.000.000 ký tự"),
    ("{{ [0] * 999999 + [0] * 999999 }}", "phép cộng cho chữ hay danh sách dài quá 10.000.000 ký tự"),
    ("{{ ['x' * 100] * 60000 ~ ['x' * 100] * 60000 }}", "mẫu nối chữ dài quá 10.000.000 ký tự"),
    ("{{ (['x'] * 999999)|join(trich_yeu * 90) }}", "bộ lọc join cho chữ dài quá 10.000.000 ký tự"),
    ("{{ ('x' * 2000000)|list }}", "bộ lọc list cho danh sách dài quá 1.000.000 phần tử"),
    ("{% for a in ['x'] * 999999 %}{{ (['x'] * 999999)|length }}{% endfor %}",  # hours of copying, little memory
     "mẫu tạo ra quá 100.000.000 ký tự chữ và danh sách cho một bản thảo"),
    ("{% for a in ['x'] * 999999 %}{{ ('x' * 9999999)|length }}{% endfor %}",
     "mẫu tạo ra quá 100.000.000 ký tự chữ và danh sách cho một bản thảo"),
    ("{% for a in ['x'] * 30 %}{{ ['x' * 100] * 90000 }}{% endfor %}",
     "mẫu viết ra quá 20.000.000 ký tự cho một bản thảo"),
    ("{{ '%999999999d' % 1 }}", "mẫu không được định dạng chữ bằng '%': hãy viết thẳng biến, ví dụ {{ so_ky_hieu }}"),
    ("{{ 1 / 0 }}", "mẫu có phép chia cho 0 (/, // hay %)"),  # audit A item 12: was English
    ("{{ 7 // 0 }}", "mẫu có phép chia cho 0 (/, // hay %)"),
    ("{{ 7 % 0 }}", "mẫu có phép chia cho 0 (/, // hay %)"),
    ("{{ 2.0 ** 5000 }}", "mẫu tính ra số quá lớn"),
    ("{{ trich_yeu - 1 }}", "mẫu tính toán trên giá trị sai kiểu (ví dụ trừ chữ cho số) (chi tiết: unsupported "
                            "operand type(s) for -: 'str' and 'int')"),
    ("{{ trich_yeu.khong_co }}", "mẫu dùng thuộc tính hay phần tử không có (chi tiết: 'str object' has no attribute "
                                 "'khong_co')"),
    ("{% for a in khoi %}{% for b in khoi %}{% for c in khoi %}{% for d in khoi %}{% for e in khoi %}"
     "{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}", "mẫu lặp quá 1.000.000 lần cho một bản thảo"),
    ("{% for a in khoi %}{% for b in khoi %}{% for c in khoi %}{% for d in trich_yeu %}{{ trich_yeu ~ trich_yeu }}"
     "{% endfor %}{% endfor %}{% endfor %}{% endfor %}", "mẫu viết ra quá 20.000.000 ký tự cho một bản thảo"),
])
def test_template_arithmetic_and_sizes_are_bounded(tmp_path, body, message):
    tracemalloc.start()
    started = time.monotonic()
    try:
        result, root = with_template(tmp_path, "mau.docx", body)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused(result).strip() == f"Lỗi: {root / 'mau.docx'}: lỗi khi điền mẫu: {message}"
    assert peak < 200 * 1024 * 1024
    assert time.monotonic() - started < 20  # [trich_yeu] * 9999999 took 70 s and 5.3 GB: now refused at once


def test_core_properties_are_checked_for_unknown_names_and_calls(tmp_path):
    result, root = with_template(tmp_path, "mau.docx", "x", title="{{ ten_nguoi_nhan }}")
    assert refused(result).startswith(f"Lỗi: {root / 'mau.docx'}: mẫu dùng biến không có: ten_nguoi_nhan (các biến có: ")
    result, root = with_template(tmp_path / "2", "mau.docx", "x", title="{{ range(200000)|list }}")
    assert refused(result).strip() == f"Lỗi: {root / 'mau.docx'}: mẫu không được dùng gọi hàm hay phương thức (…()): {ONLY}"


def test_a_plain_template_with_filters_and_small_arithmetic_still_works(tmp_path):
    root = workspace(tmp_path / "ws")
    doc = Document()
    doc.add_paragraph("{{ trich_yeu|upper }} {{ 2**10 }} {{ '-' * 3 }} {{ so_ky_hieu ~ '!' }}")
    doc.save(root / "mau.docx")
    (root / "ho-so.yaml").write_text(f"ke_thua: {BASE}\nmau: mau.docx\n", encoding="utf-8")
    plan = root / "ke-hoach" / "p.yaml"
    plan.write_text(GOOD.replace("lai-chau/ldld-lai-chau", str(root / "ho-so.yaml")), encoding="utf-8")
    result = invoke("tao", plan, "--thu-muc", root / "ban-thao")
    assert result.exit_code == 0, result.output
    text = Document(str(root / "ban-thao" / "p.docx")).paragraphs[0].text
    assert text.endswith(" 1024 --- Số: 470/KH-LĐLĐ!") and text.startswith("THỰC HIỆN KẾ HOẠCH SỐ 349/KH-TLĐ")


# -- 9: special files -----------------------------------------------------------------------------------------------

def test_mau_that_is_a_folder_a_device_or_a_fifo(tmp_path):
    result, root = with_template(tmp_path / "a", ".")
    assert refused(result).strip() == f"Lỗi: {root}: đây là một thư mục, không phải tệp mẫu."
    result, _ = with_template(tmp_path / "b", "/dev/zero")
    assert refused(result).strip() == "Lỗi: /dev/zero: không phải tệp thường (thiết bị, ống dẫn hay socket): không đọc " \
                                      "được tệp mẫu"
    fifo = tmp_path / "ong.docx"
    os.mkfifo(fifo)
    result, _ = with_template(tmp_path / "c", str(fifo))
    assert refused(result).strip() == f"Lỗi: {fifo}: không phải tệp thường (thiết bị, ống dẫn hay socket): không đọc " \
                                      "được tệp mẫu"


@pytest.mark.parametrize("name", ["ong.docx", "ong.txt"])
def test_kiemtra_on_a_fifo_does_not_wait(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    with deadline(10):
        result = invoke("kiemtra", fifo)
    what = "tệp văn bản"
    assert refused(result).strip() == f"Lỗi: {fifo}: không phải tệp thường (thiết bị, ống dẫn hay socket): không đọc " \
                                      f"được {what}"


@pytest.mark.parametrize("name", ["ong.txt", "ong.docx", "ong.pdf"])
def test_nhap_on_a_fifo_does_not_wait(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    with deadline(10):
        result = invoke("nhap", fifo, "--ra", tmp_path / "van-ban")
    assert refused(result).strip() == f"Lỗi: {fifo}: không phải tệp thường (thiết bị, ống dẫn hay socket): không đọc " \
                                      "được tệp văn bản"
    assert not (tmp_path / "van-ban").exists()


@pytest.mark.parametrize("target, message", [
    ("/dev/zero", "không phải tệp thường (thiết bị, ống dẫn hay socket): không đọc được tệp văn bản"),
    # A folder is checked file by file (issue 15): an empty one says there is nothing to check.
    (".", "không có tệp .docx hay .txt nào để kiểm tra"),
])
def test_kiemtra_on_a_device_or_a_folder(tmp_path, target, message):
    with deadline(10):
        result = invoke("kiemtra", target, cwd=tmp_path)
    assert refused(result).strip() == f"Lỗi: {target}: {message}"


# -- 10: hostile .docx for kiemtra ----------------------------------------------------------------------------------

def _docx_bytes() -> bytes:
    doc = Document()
    doc.add_paragraph("KẾ HOẠCH")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _rezip(data: bytes, change: dict[str, bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = change.get(info.filename, src.read(info.filename))
            if body is not None:
                dst.writestr(info.filename, body)
    return out.getvalue()


def _encrypted(data: bytes) -> bytes:
    """The same zip with every entry's 'encrypted' flag set, as a password-protecting zip tool leaves it."""
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := raw.find(signature, start)) >= 0:
            flags = struct.unpack_from("<H", raw, start + offset)[0]
            struct.pack_into("<H", raw, start + offset, flags | 0x1)
            start += 4
    return bytes(raw)


def _corrupt_deflate(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
    raw = bytearray(data)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + min(info.compress_size, 60)):
        raw[i] ^= 0x5A
    return bytes(raw)


def _bomb(data: bytes) -> bytes:
    """document.xml declared (truthfully) to inflate past MAX_PART: zeros compress about a thousandfold."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                with dst.open("word/document.xml", "w", force_zip64=True) as part:
                    chunk = b"\0" * (1 << 20)
                    for _ in range(MAX_PART // len(chunk) + 8):
                        part.write(chunk)
            else:
                dst.writestr(info.filename, src.read(info.filename))
    return out.getvalue()


ENTITY_BOMB = (b'<?xml version="1.0"?><!DOCTYPE a:theme [<!ENTITY a "aaaaaaaaaa">' + b"".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9)) +
    b']><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">&j;</a:theme>')
NO_BODY = b'<?xml version="1.0" encoding="UTF-8"?><w:document ' \
          b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:document>'
CASES = {
    "no-body": (lambda d: _rezip(d, {"word/document.xml": NO_BODY}),
                "tệp .docx không có phần nội dung (w:body): tệp hỏng hoặc không do Word tạo."),
    "no-document": (lambda d: _rezip(d, {"word/document.xml": None}), "tệp .docx bị hỏng hoặc không phải văn bản Word ("),
    "password-zip": (_encrypted, "tệp .docx được đặt mật khẩu: hãy mở bằng Word, bỏ mật khẩu rồi lưu lại."),
    "password-word": (lambda d: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le"),
                      "tệp Word này được đặt mật khẩu (mã hóa) nên không đọc được nội dung."),
    "bad-deflate": (_corrupt_deflate, "phần word/document.xml của tệp .docx bị hỏng (dữ liệu nén không giải được: "),
    "truncated": (lambda d: d[: len(d) // 2], "không phải tệp .docx (Word) hoặc .txt đọc được."),
    "empty": (lambda d: b"", "không phải tệp .docx (Word) hoặc .txt đọc được."),
    "theme": (lambda d: _rezip(d, {"word/theme/theme1.xml": b"<x"}),  # python-docx leaves the theme unparsed
              "phần word/theme/theme1.xml của tệp .docx bị hỏng (không phải XML đọc được, dòng 1, cột 3; hoặc khai "
              "báo thực thể (ENTITY) tự nhân lên)."),
    "theme-entities": (lambda d: _rezip(d, {"word/theme/theme1.xml": ENTITY_BOMB}),
                       "phần word/theme/theme1.xml của tệp .docx bị hỏng (không phải XML đọc được, dòng 1, cột 4; hoặc "
                       "khai báo thực thể (ENTITY) tự nhân lên)."),
    "bomb": (_bomb, f"phần word/document.xml của tệp giải nén ra {MAX_PART // (1 << 20) + 8} MB (tối đa "
                    f"{MAX_PART // (1 << 20)} MB): tệp hỏng hoặc cố ý làm tràn bộ nhớ."),
}


@pytest.mark.parametrize("case", list(CASES))
def test_kiemtra_on_a_hostile_docx(tmp_path, case):
    make, message = CASES[case]
    path = tmp_path / f"{case}.docx"
    path.write_bytes(make(_docx_bytes()))
    tracemalloc.start()
    started = time.monotonic()
    try:
        with deadline(30):
            result = invoke("kiemtra", path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused(result).startswith(f"Lỗi: {path}: {message}")
    assert peak < 64 * 1024 * 1024, peak  # nothing was inflated to its declared size
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("theme", [b"<x", ENTITY_BOMB])
def test_a_broken_theme_is_a_damaged_file_in_a_batch_too(tmp_path, theme):
    """Audit A, 16.10: the theme was parsed with lxml's default parser, outside the package checks (exit 70)."""
    good, bad = tmp_path / "tot.docx", tmp_path / "hong.docx"
    good.write_bytes(_docx_bytes())
    bad.write_bytes(_rezip(_docx_bytes(), {"word/theme/theme1.xml": theme}))
    with deadline(30):
        result = invoke("kiemtra", tmp_path)
    no_traceback(result)
    assert result.exit_code == 2
    assert f"{bad}: phần word/theme/theme1.xml của tệp .docx bị hỏng (không phải XML đọc được, dòng 1, cột " in result.output
    assert str(good) in result.output  # the other file is checked
