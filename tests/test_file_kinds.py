"""Trial 1, defect 14: a Word file, a PDF, a photo … given where a YAML file is expected is named for what it is, with
the command that takes it; never advice to re-save it as UTF-8. The one YAML loader says it, so plans, profiles,
documents and a workspace's plans all get it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from kehoach.inputs import filekind

from .hostile import GOOD, invoke, refused, workspace


def _word(path: Path) -> Path:
    Document().save(str(path))
    return path


def _zip(names: list[str], mimetype: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        if mimetype is not None:  # OpenDocument: the first entry, stored
            package.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        for name in names:
            package.writestr(name, "<x/>" * 500)
    return out.getvalue()


def test_word_file_given_as_plan(tmp_path):
    _word(tmp_path / "van-ban-cap-tren.docx")
    result = invoke("tao", "van-ban-cap-tren.docx", cwd=tmp_path)
    assert refused(result).strip() == (
        "Lỗi: van-ban-cap-tren.docx: đây là tệp Word (.docx), không phải tệp kế hoạch YAML. Để soạn từ văn bản cấp "
        "trên: kehoach tao --ho-so … --van-ban van-ban-cap-tren.docx. Để chỉ nhập văn bản vào van-ban/: kehoach nhap "
        "van-ban-cap-tren.docx. Để kiểm tra: kehoach kiemtra van-ban-cap-tren.docx.")


def test_word_file_renamed_yaml_given_as_plan(tmp_path):
    (tmp_path / "ke-hoach").mkdir()
    _word(tmp_path / "ke-hoach" / "g.yaml")
    result = invoke("tao", "ke-hoach/g.yaml", cwd=tmp_path)
    assert refused(result).strip() == (
        "Lỗi: ke-hoach/g.yaml: đây là tệp Word (.docx) dù tên tệp có đuôi .yaml, không phải tệp kế hoạch YAML. Hãy "
        "đổi tên tệp thành g.docx. Để soạn từ văn bản cấp trên: kehoach tao --ho-so … --van-ban ke-hoach/g.docx. Để "
        "chỉ nhập văn bản vào van-ban/: kehoach nhap ke-hoach/g.docx. Để kiểm tra: kehoach kiemtra ke-hoach/g.docx.")


def test_word_file_given_as_profile_is_found_and_named(tmp_path):
    _word(tmp_path / "thu.docx")
    result = invoke("ho-so", "thu.docx", cwd=tmp_path)
    assert refused(result).strip() == (
        "Lỗi: thu.docx: đây là tệp Word (.docx), không phải tệp hồ sơ cơ quan YAML. Để soạn từ văn bản cấp trên: "
        "kehoach tao --ho-so … --van-ban thu.docx. Để chỉ nhập văn bản vào van-ban/: kehoach nhap thu.docx. Để kiểm "
        "tra: kehoach kiemtra thu.docx.")


def test_pdf_too_big_for_yaml_is_named_a_pdf(tmp_path):
    scan = tmp_path / "cong van so 12.pdf"
    with scan.open("wb") as out:  # a 5 MB scan: bigger than any YAML file may be
        out.write(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
        out.truncate(5 * 1024 * 1024)
    result = invoke("tao", scan.name, cwd=tmp_path)
    assert refused(result).strip() == (
        'Lỗi: cong van so 12.pdf: đây là tệp PDF (.pdf), không phải tệp kế hoạch YAML. Để soạn từ văn bản cấp trên: '
        'kehoach tao --ho-so … --van-ban "cong van so 12.pdf". Để chỉ nhập văn bản vào van-ban/: kehoach nhap '
        '"cong van so 12.pdf".')


def test_photo_named_yaml_among_documents(tmp_path):
    root = workspace(tmp_path / "ws", {"p.yaml": GOOD})
    (root / "van-ban" / "349-kh-tld.yaml").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(4000))
    result = invoke("tao", "ke-hoach/p.yaml", cwd=root)
    assert refused(result).strip() == (
        "Lỗi: van-ban/349-kh-tld.yaml: đây là ảnh JPEG (.jpg) dù tên tệp có đuôi .yaml, không phải tệp văn bản YAML. "
        "Hãy đổi tên tệp thành 349-kh-tld.jpg. Để soạn từ văn bản cấp trên: kehoach tao --ho-so … --van-ban "
        "van-ban/349-kh-tld.jpg. Để chỉ nhập văn bản vào van-ban/: kehoach nhap van-ban/349-kh-tld.jpg.")


def test_build_names_a_word_file_among_the_plans(tmp_path):
    root = workspace(tmp_path / "ws", {"p.yaml": GOOD})
    _word(root / "ke-hoach" / "g.yaml")
    result = invoke("xay-dung", ".", cwd=root)
    assert result.exit_code == 1, result.output
    assert ("lỗi  ban-thao/g.docx: ke-hoach/g.yaml: đây là tệp Word (.docx) dù tên tệp có đuôi .yaml, không phải tệp "
            "kế hoạch YAML. Hãy đổi tên tệp thành g.docx.") in result.output
    assert (root / "ban-thao" / "p.docx").is_file()  # the other plan is built


@pytest.mark.parametrize("head, suffix, name, use", [
    (_zip(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]), ".yaml", "tệp Word (.docx)", "word"),
    (_zip(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"]), ".xlsx", "tệp Excel (.xlsx)", ""),
    (_zip(["[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml"]), ".yaml", "tệp PowerPoint (.pptx)", ""),
    (_zip(["content.xml"], "application/vnd.oasis.opendocument.text"), ".yaml", "tệp LibreOffice Writer (.odt)",
     "convert"),
    (_zip(["a.txt"]), ".yaml", "tệp nén (.zip)", ""),
    (_zip(["[Content_Types].xml"] + [f"media/{i}.bin" for i in range(200)] + ["word/document.xml"]), ".docx",
     "tệp Word (.docx)", "word"),  # parts named late: the suffix says it
    (b"%PDF-1.7\n", ".yaml", "tệp PDF (.pdf)", "parent"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), ".doc", "tệp Word cũ (.doc)", "convert"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), ".xls", "tệp Excel cũ (.xls)", ""),
    (b"\x89PNG\r\n\x1a\n" + bytes(20), ".yaml", "ảnh PNG (.png)", "parent"),
    (b"\xff\xd8\xff\xe1", ".jpeg", "ảnh JPEG (.jpg)", "parent"),
    (b"II*\x00", ".tif", "ảnh TIFF (.tif)", "parent"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", ".webp", "ảnh WebP (.webp)", "parent"),
    (b"\x00\x00\x00\x18ftypheic", ".heic", "ảnh HEIC (.heic)", "parent"),
    (b"{\\rtf1\\ansi", ".yaml", "tệp RTF (.rtf)", "convert"),
    (b"\x1f\x8b\x08\x00", ".yaml", "tệp nén (.gz)", ""),
    (b"MZ\x90\x00", ".yaml", "tệp chương trình (.exe)", ""),
    (b"<!DOCTYPE html><html>", ".yaml", "trang web (.html)", "convert"),
    (b"co_quan: x\n\x00\x01\x02", ".yaml", "tệp nhị phân (không phải chữ)", ""),
])
def test_kinds_told_by_first_bytes(head, suffix, name, use):
    kind = filekind.recognise(head[:filekind.HEAD], suffix)
    assert kind is not None and (kind.name, kind.use) == (name, use)


@pytest.mark.parametrize("text", [
    b"co_quan: lai-chau/ldld-lai-chau\n",
    "\ufeffco_quan: x\n".encode(),
    "co_quan: x\n".encode("utf-16"),
    b"so: 470 # s\xf4 c\xfb\n",  # Windows-1258: told to re-save as UTF-8, as before
    b"",
    b"MZ: a key that happens to be written so\n",
])
def test_text_is_left_to_the_yaml_reader(text):
    assert filekind.recognise(text, ".yaml") is None


def test_every_other_kind_is_told_what_kehoach_needs(tmp_path):
    sheet = tmp_path / "bang.xlsx"
    sheet.write_bytes(_zip(["[Content_Types].xml", "xl/workbook.xml"]))
    result = invoke("tao", sheet.name, cwd=tmp_path)
    assert refused(result).strip() == (
        "Lỗi: bang.xlsx: đây là tệp Excel (.xlsx), không phải tệp kế hoạch YAML. Ở đây kehoach cần tệp kế hoạch viết "
        "bằng chữ, đuôi .yaml (mở bằng Notepad thấy các dòng 'khóa: giá trị').")
    old = tmp_path / "cu.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    result = invoke("tao", old.name, cwd=tmp_path)
    assert refused(result).strip() == (
        "Lỗi: cu.doc: đây là tệp Word cũ (.doc), không phải tệp kế hoạch YAML. Nếu là văn bản cấp trên: mở bằng Word "
        "hoặc LibreOffice, lưu thành .docx (hoặc PDF), rồi kehoach tao --ho-so … --van-ban <tệp .docx>. Để kiểm tra "
        "thể thức: kehoach kiemtra --chuyen-doi cu.doc.")
