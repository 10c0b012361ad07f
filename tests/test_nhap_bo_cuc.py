"""kehoach nhap on the layouts offices receive beyond kehoach's examples (issue 11, second round).

Each plan of tests/fixtures/nhap-bo-cuc is drafted, exported to .docx and to PDF by LibreOffice (the one run of the
`pdfs` fixture), and imported: the document files must cite exactly as the files the draft was made from (the
writer is the oracle), and the header must be read as printed, the issuer apart from the national title.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from kehoach.catalog import citation_of
from kehoach.drafting import citations
from kehoach.drafting.cited import squash
from kehoach.generate import prepare
from kehoach.inputs.documents import Library
from kehoach.nhap import import_files, layout, read_file, write_documents
from kehoach.nhap.layout import Line, Page, lay_out
from kehoach.nhap.tasks import generic

from .conftest import LAYOUTS
from .tools import require

ROOT = Path(__file__).resolve().parents[1]
PLANS = sorted((LAYOUTS / "ke-hoach").glob("*.yaml"))
# What each header shows, read without the issuer's profile: (số, ngày, địa danh, cơ quan as the header spells it,
# cơ quan chủ quản). A one-line name beside "CỘNG HÒA …" or "ĐOÀN TNCS HỒ CHÍ MINH" is the name alone.
HEADERS = {
    "hoi-lhpn-mot-dong": ("07/KH-HPN", "05/02/2025", "Kon Tum", "Hội Liên hiệp Phụ nữ tỉnh Kon Tum", None),
    "hoi-nong-dan-theo-ten": ("03/KH-HNDT", "05/3/2023", "Kon Tum", "BCH Hội Nông dân tỉnh Kon Tum",
                              "Hội Nông dân Việt Nam"),
    "ubnd-xa-trich-yeu-ngay": ("15/KH-UBND", "02/4/2025", "Đăk Hà", "Ủy ban nhân dân xã Đăk Hà", "UBND tỉnh Kon Tum"),
    "ubnd-xa-trich-yeu-ngan": ("16/KH-UBND", "03/4/2025", "Ngọc Hồi", "Ủy ban nhân dân xã Ngọc Hồi", None),
    "ubnd-xa-cong-van": ("20/UBND-VP", "10/4/2025", "Ngọc Hồi", "Ủy ban nhân dân xã Ngọc Hồi", None),
    "dang-uy-xa-tuong-thuat": ("21-KH/ĐU", "10/5/2019", "Đăk Hà", "Ban Thường vụ Đảng ủy xã Đăk Hà",
                               "Đảng bộ tỉnh Kon Tum"),
    "tinh-uy-ngay-day-du": ("12-KH/TU", "20/02/2024", "Kon Tum", "Ban Thường vụ Tỉnh ủy Kon Tum", None),
    "tinh-doan-chuong-trinh": ("30-KH/TĐTN-TG", "20/02/2024", "Kon Tum", "Ban Chấp hành Tỉnh đoàn Kon Tum", None),
    "doan-xa-tuong-thuat-ten": ("04-KH/ĐTN-VP", "01/3/2024", "Đăk Hà", "BCH Đoàn xã Đăk Hà", "Tỉnh đoàn Kon Tum"),
}


def _source(plan: Path, kind: str, layout_drafts, pdfs) -> Path:
    return layout_drafts[plan.stem] if kind == "docx" else pdfs[plan.stem]


def _identity(doc) -> tuple:
    return (doc.type_code, doc.number, doc.issuer_symbol, doc.date.iso() if doc.date else "", doc.name)


def _as_shown(example: dict, text: str) -> dict:
    """The example's documents as the draft shows them: a trích yếu the draft never prints (a parent cited only
    dated, or in a chain without its last trích yếu) cannot come back."""
    def shown(doc):
        if doc.subject and squash(citations.as_cited(doc.subject, doc.about)) not in squash(text):
            return replace(doc, subject=None, subject_prefix="")
        return doc
    return {key: shown(doc) for key, doc in example.items()}


def test_every_layout_has_its_header_table():
    assert sorted(HEADERS) == [plan.stem for plan in PLANS]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_a_layout_comes_back_citing_as_its_own_files(plan, kind, layout_drafts, pdfs, tmp_path):
    """Number, date, issuer, trích yếu and the chain of the opening, through the citations they make."""
    ready = prepare(plan)
    imported = read_file(_source(plan, kind, layout_drafts, pdfs), LAYOUTS)
    folder = tmp_path / "van-ban"
    written = write_documents(imported.documents, folder)
    library = Library()
    main_doc = library.resolve(written.main.key, folder)
    got = {_identity(d): d for d in library.chain(main_doc)}
    mine = ready.draft.as_parent
    example = {d.key: d for d in (mine, *ready.chain)}
    assert set(got) == {_identity(d) for d in example.values()}
    text = " ".join([ready.draft.subject, *ready.draft.cv_subject, *(b.text for b in ready.draft.blocks)])
    shown = _as_shown(example, text)
    for doc in example.values():
        for comma in (True, False):
            expected = (citations.full(shown[doc.key], shown.get, comma), citations.short(doc))
            assert citation_of(got[_identity(doc)].key, comma, folder) == expected, doc.key
    # The parents in the order the opening cites them.
    assert [_identity(library.docs[k]) for k in main_doc.implements] == [_identity(example[k]) for k in mine.implements]
    # The trích yếu as printed, no more (never the opening after it) and no less.
    printed = " ".join(ready.draft.cv_subject) if ready.plan.kind == "cong_van" else ready.draft.subject
    assert next(f.value for f in imported.report if f.what == "Trích yếu") == printed


@pytest.mark.parametrize("kind", ["docx", "pdf"])
@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_a_header_is_read_as_printed_without_the_issuers_profile(plan, kind, layout_drafts, pdfs):
    data = read_file(_source(plan, kind, layout_drafts, pdfs)).document.data
    assert (data["so_ky_hieu"], data["ngay"], data["dia_danh"], data["co_quan"], data.get("co_quan_chu_quan")) == \
        HEADERS[plan.stem]


@pytest.mark.parametrize("stem", ["hoi-lhpn-mot-dong", "tinh-doan-chuong-trinh"])
def test_a_scan_of_a_one_line_header_is_read_through_ocr(stem, pdfs, tmp_path):
    """Page 1 as a picture (LibreOffice → PDF → PNG), read by Tesseract: the one-line name beside "CỘNG HÒA …" or
    "ĐOÀN TNCS HỒ CHÍ MINH" (with the "***" under it, which a scan reads as "?›k*%") is the issuer alone; the number,
    date and the documents of the chain are exact. (The words of a trích yếu may keep a letter the scan misread
    when only two readings of it disagree: "đối mới".)"""
    tools = require("pdftoppm", "tesseract")
    subprocess.run([tools["pdftoppm"], "-r", "300", "-png", "-f", "1", "-l", "1", str(pdfs[stem]),
                    str(tmp_path / "trang")], check=True)
    [image] = tmp_path.glob("trang*.png")
    imported = read_file(image)
    data = imported.document.data
    assert (data["so_ky_hieu"], data["ngay"], data["dia_danh"], data["co_quan"], data.get("co_quan_chu_quan")) == \
        HEADERS[stem]
    ready = prepare(LAYOUTS / "ke-hoach" / f"{stem}.yaml")
    folder = tmp_path / "van-ban"
    written = write_documents(imported.documents, folder)
    library = Library()
    doc = library.resolve(written.main.key, folder)
    mine = ready.draft.as_parent
    example = {d.key: d for d in (mine, *ready.chain)}
    assert {_identity(d) for d in library.chain(doc)} == {_identity(d) for d in example.values()}
    assert (doc.subject_prefix, [_identity(library.docs[k]) for k in doc.implements]) == \
        (mine.subject_prefix, [_identity(example[k]) for k in mine.implements])


def test_a_name_run_into_the_national_title_on_one_line_is_cut_before_it():
    """A scan or a text layer may give "HỘI LIÊN HIỆP PHỤ NỮ TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" as one
    line, with no gap to tell the columns apart: the right column's title starts the right column."""
    rows = [("HỘI LIÊN HIỆP PHỤ NỮ TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 68, 548, 56, True),
            ("Độc lập - Tự do - Hạnh phúc", 344, 503, 70, True),
            ("Số: 07/KH-HPN", 136, 222, 97, False), ("Kon Tum, ngày 05 tháng 02 năm 2025", 320, 527, 97, False),
            ("KẾ HOẠCH", 281, 357, 131, True), ("Tuyên truyền kỷ niệm ngày thành lập Hội", 190, 447, 149, True),
            ("Thực hiện Chương trình công tác năm 2025 của Ban Chấp hành Hội Liên hiệp Phụ nữ", 121, 552, 175, False),
            ("tỉnh Kon Tum, Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh ban hành Kế hoạch tuyên", 85, 552, 191, False),
            ("truyền như sau:", 85, 170, 207, False), ("I. MỤC ĐÍCH, YÊU CẦU", 121, 277, 229, True),
            ("1. Tuyên truyền sâu rộng đến cán bộ, hội viên, phụ nữ về truyền thống vẻ vang của", 121, 552, 251, False),
            ("Hội, gắn với các phong trào thi đua của địa phương, bảo đảm thiết thực, hiệu quả,", 85, 552, 267, False),
            ("tiết kiệm.", 85, 140, 283, False)]
    lines = [Line(1, x0, x1, top, top + 12, text, 12.0, bold) for text, x0, x1, top, bold in rows]
    model = lay_out(lines, [Page(1, 595.3, 841.9)]).model
    header = [(p.col, p.clean) for p in model.paragraphs if p.table == 0]
    assert header == [(0, "HỘI LIÊN HIỆP PHỤ NỮ TỈNH KON TUM"), (0, "Số: 07/KH-HPN"),
                      (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (1, "Độc lập - Tự do - Hạnh phúc"),
                      (1, "Kon Tum, ngày 05 tháng 02 năm 2025")]
    body = [p.clean for p in model.paragraphs if p.kind == "body"]
    assert body[:3] == ["KẾ HOẠCH", "Tuyên truyền kỷ niệm ngày thành lập Hội",
                        "Thực hiện Chương trình công tác năm 2025 của Ban Chấp hành Hội Liên hiệp Phụ nữ tỉnh Kon Tum, "
                        "Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh ban hành Kế hoạch tuyên truyền như sau:"]


def test_the_offices_own_copy_of_a_shipped_profile_is_the_one_matched(generated, tmp_path):
    """A văn thư copies a shipped profile into the workspace and edits it (profiles/README §5): a header both fit is
    the workspace's, not "several fit, none chosen"."""
    shipped = (ROOT / "profiles" / "gia-lai" / "hoi-lhpn-gia-lai.yaml").read_text(encoding="utf-8")
    own = tmp_path / "profiles" / "gia-lai" / "hoi-lhpn-gia-lai.yaml"
    own.parent.mkdir(parents=True)
    own.write_text(shipped.replace("ke_thua: ../co-so/hoi-phu-nu.yaml", "ke_thua: hoi-phu-nu").replace(
        "ten_day_du: Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh Gia Lai",
        "ten_day_du: Thường trực Hội Liên hiệp Phụ nữ tỉnh Gia Lai"), encoding="utf-8")
    draft = generated["gia-lai-8-hoi-lhpn"].path
    assert read_file(draft).document.data["co_quan"] == "Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh Gia Lai"
    assert read_file(draft, tmp_path).document.data["co_quan"] == "Thường trực Hội Liên hiệp Phụ nữ tỉnh Gia Lai"


def test_a_document_cited_by_name_already_in_the_workspace_is_reused(layout_drafts, tmp_path):
    """"Chương trình công tác năm 2023" written by hand as `loai` + `trich_yeu` is the document the import names
    with `ten`: reused, not written twice; a second import writes nothing."""
    folder = tmp_path / "van-ban"
    folder.mkdir()
    shutil.copy(LAYOUTS / "van-ban" / "chuong-trinh-cong-tac-2023.yaml", folder)
    [(_, written)] = import_files([layout_drafts["hoi-nong-dan-theo-ten"]], folder)
    assert [(o.key, o.status) for o in written.outcomes] == [
        ("03-kh-hndt-kon-tum", "ghi"), ("chuong-trinh-cong-tac-2023", "dung_lai"),
        ("nghi-quyet-dai-hoi-dai-bieu-hoi-nong-dan-tinh-kon-tum-lan-thu-x", "ghi")]
    assert "- chuong-trinh-cong-tac-2023\n" in (folder / "03-kh-hndt-kon-tum.yaml").read_text(encoding="utf-8")
    [(_, again)] = import_files([layout_drafts["hoi-nong-dan-theo-ten"]], folder)
    assert [o.status for o in again.outcomes] == ["da_co", "dung_lai", "dung_lai"]


def test_the_area_is_never_replaced_inside_the_name_of_a_document():
    name = "Chương trình hành động thực hiện Nghị quyết Đại hội Đoàn toàn tỉnh lần thứ XVI"
    text, swapped = generic(f"Quán triệt nội dung {name} trên địa bàn tỉnh.", "", "tỉnh", (name,))
    assert (text, swapped) == (f"Quán triệt nội dung {name} trên địa bàn {{dia_ban}}.", ["trên địa bàn tỉnh"])


@pytest.mark.parametrize("stem", ["hoi-lhpn-mot-dong", "ubnd-xa-trich-yeu-ngan"])
def test_in_a_text_layer_the_gap_alone_parts_the_columns(stem, pdfs, monkeypatch):
    """LibreOffice sets a one-line name less than a character from "CỘNG HÒA …": the blank no typed space covers,
    far wider than the line's spaces, is the column gap (pdf.py), even where no known title follows it; the văn
    thư's blank in "Số:      /KH-…" is typed spaces and parts nothing."""
    monkeypatch.setattr(layout, "_columns_apart", lambda line, pages: [line])
    data = read_file(pdfs[stem]).document.data
    assert (data["so_ky_hieu"], data["co_quan"]) == HEADERS[stem][0:1] + HEADERS[stem][3:4]
    unnumbered = read_file(pdfs["004-ldld-cao-bang"]).document.data  # "Số:      /KH-LĐLĐ", a date to fill
    assert (unnumbered["co_quan"], unnumbered["co_quan_chu_quan"], unnumbered.get("so_ky_hieu")) == (
        "Liên đoàn Lao động tỉnh Cao Bằng", "Tổng Liên đoàn Lao động Việt Nam", "/KH-LĐLĐ")
