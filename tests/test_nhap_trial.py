"""kehoach nhap on the cases of the first new-user trial (reports/trial-1.md, defects 3, 4 and 11).

3: the parent's reporting line ("… báo cáo kết quả thực hiện về <to> (qua <via>) trước ngày <by>") becomes its file's
   `bao_cao`, so a plan drafted from the imported parent reports with its deadline and its "qua".
4: an issuer's name ends where the name ends, before any verb or adverb ("… của Ban Thường vụ Tỉnh ủy tiếp tục thực
   hiện …").
11: photos of a multi-page document, given together, are its pages in the order given; a page that cannot be read
   is reported and the others are read.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from kehoach.catalog import citation_of
from kehoach.cli import main
from kehoach.drafting.cited import read_all
from kehoach.drafting.predicate import name_before
from kehoach.inputs.yamlfile import read_yaml
from kehoach.nhap import read_file
from kehoach.nhap.importing import documents_of
from kehoach.workspace.drafts import generate

from .tools import convert, require

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Defect 3, the minimal case: a 13-line text whose section II says where the units report.
CV_TXT = "\n".join([
    "ỦY BAN NHÂN DÂN", "TỈNH GIA LAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Số: 125/KH-UBND", "Gia Lai, ngày 25 tháng 11 năm 2026", "KẾ HOẠCH",
    "Thực hiện Kế hoạch số 15-KH/TU ngày 20/11/2026 của Ban Thường vụ Tỉnh ủy tiếp tục thực hiện Chỉ thị số "
    "21-CT/TW ngày 04/5/2023 của Ban Bí thư",
    "Thực hiện Kế hoạch số 15-KH/TU ngày 20/11/2026 của Ban Thường vụ Tỉnh ủy tiếp tục thực hiện Chỉ thị số "
    "21-CT/TW ngày 04/5/2023 của Ban Bí thư về tiếp tục đổi mới, phát triển và nâng cao chất lượng giáo dục nghề "
    "nghiệp đến năm 2030, tầm nhìn đến năm 2045, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:",
    "I. NHIỆM VỤ",
    "1. Tổ chức quán triệt, tuyên truyền sâu rộng Chỉ thị số 21-CT/TW đến cán bộ, công chức, viên chức và Nhân dân.",
    "II. TỔ CHỨC THỰC HIỆN",
    "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Sở Giáo dục và Đào tạo) trước ngày "
    "25/12/2026.",
]) + "\n"

# What each example's draft tells its units (its "Chế độ báo cáo" or the line its tasks end with), read back.
# None: the draft names no one to report to ("định kỳ báo cáo kết quả thực hiện."), or only the issuer's own line
# upward ("Ban Thường vụ … tổng hợp, báo cáo kết quả thực hiện về <its superior>"), which is not the units' line.
REPORTING = {
    "000": None,
    "001": None,
    "002": {"ve": "Ban Thường vụ Huyện ủy"},  # "định kỳ báo cáo Ban Thường vụ Huyện ủy": a name as the object
    "003": {"ve": "LĐLĐ tỉnh", "qua": "Ban Tuyên giáo - Nữ công LĐLĐ tỉnh"},
    "004": {"ve": "Liên đoàn Lao động tỉnh"},  # "… gửi về Liên đoàn Lao động tỉnh để tổng hợp"
    "gia-lai-1-tinh-uy": {"ve": "Tỉnh ủy", "qua": "Văn phòng Tỉnh ủy", "han": "30/12/2026"},
    # The department's own line upward ("… tổng hợp, báo cáo … về Tỉnh ủy …") comes first and is passed over.
    "gia-lai-2-ban-tgdv": {"ve": "Ban Tuyên giáo và Dân vận Tỉnh ủy", "han": "25/12/2026"},
    "gia-lai-3-ldld": {"ve": "LĐLĐ tỉnh", "qua": "Văn phòng LĐLĐ tỉnh", "han": "20/12/2026"},
    "gia-lai-4-cong-doan-xa": {"ve": "Công đoàn xã", "han": "15/12/2026"},
    "gia-lai-5-ubnd-tinh": {"ve": "Ủy ban nhân dân tỉnh", "qua": "Phòng Khoa giáo - Văn xã, Văn phòng UBND tỉnh",
                            "han": "25/12/2026"},
    "gia-lai-6-ubnd-xa": {"ve": "Ủy ban nhân dân xã", "qua": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
                          "han": "20/12/2026"},
    "gia-lai-7-dang-uy-xa": {"ve": "Đảng ủy xã", "qua": "Văn phòng Đảng ủy", "han": "25/12/2026"},
    "gia-lai-8-hoi-lhpn": {"ve": "Hội LHPN tỉnh", "qua": "Ban Tuyên giáo Hội LHPN tỉnh", "han": "25/12/2026"},
    "gia-lai-9-tinh-doan": {"ve": "Tỉnh đoàn", "qua": "Ban Tuyên giáo Tỉnh đoàn", "han": "25/12/2026"},
}


def test_every_example_has_its_reporting_line(generated):
    assert sorted(REPORTING) == sorted(generated)


@pytest.mark.parametrize("key", sorted(REPORTING))
def test_the_reporting_line_of_every_example_is_read(key, generated):
    imported = read_file(generated[key].path)
    assert imported.document.data.get("bao_cao") == REPORTING[key]
    found = next(f for f in imported.report if f.what == "Báo cáo kết quả")
    notes = [n.message for n in imported.document.notes if n.key == "bao_cao"]
    if REPORTING[key] is None:  # the report says it was not found, and the file asks the person to check
        assert (found.value, len(notes)) == ("", 1)
    else:
        assert found.value.startswith(f"về {REPORTING[key]['ve']}") and notes == []


@pytest.mark.parametrize("key", ["gia-lai-1-tinh-uy", "gia-lai-5-ubnd-tinh"])
def test_the_reporting_line_of_the_trials_pdfs_is_read(key, generated, pdfs):
    """The province's PDFs of the trial: the Party's ("về Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 30/12/2026")
    and the State's ("về Ủy ban nhân dân tỉnh (qua Phòng Khoa giáo - Văn xã, Văn phòng UBND tỉnh) trước ngày
    25/12/2026")."""
    assert read_file(pdfs[generated[key].path.stem]).document.data["bao_cao"] == REPORTING[key]


def test_the_minimal_text_of_the_trial(tmp_path, monkeypatch):
    """`kehoach nhap cv.txt`: bao_cao from section II, a body of its own after "qua" left as written; the Party
    plan it cites is issued by "Ban Thường vụ Tỉnh ủy", linked by "tiếp tục thực hiện" (defect 4)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cv.txt").write_text(CV_TXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["nhap", "cv.txt"])
    assert result.exit_code == 0, result.output
    assert "    - Báo cáo kết quả: về Ủy ban nhân dân tỉnh (qua Sở Giáo dục và Đào tạo) trước ngày 25/12/2026 " \
           "(dòng 13)\n" in result.output
    parent = read_yaml(tmp_path / "van-ban" / "125-kh-ubnd-gia-lai.yaml").data
    assert parent["bao_cao"] == {"ve": "Ủy ban nhân dân tỉnh", "qua": "Sở Giáo dục và Đào tạo", "han": "25/12/2026"}
    party = read_yaml(tmp_path / "van-ban" / "15-kh-tu.yaml").data
    assert (party["co_quan"], party["cum_tu"], party["thuc_hien"]) == (
        "Ban Thường vụ Tỉnh ủy", "tiếp tục thực hiện", ["21-ct-tw"])


@pytest.fixture(scope="module")
def issued_chain(tmp_path_factory) -> Path:
    """The trial's workspace: the Tỉnh ủy's plan issued as 15-KH/TU on 20/11/2026, the province's as 125/KH-UBND on
    25/11/2026, the province's draft imported into a fresh van-ban/."""
    root = tmp_path_factory.mktemp("trial")
    (root / "ke-hoach").mkdir()
    (root / "van-ban").mkdir()
    shutil.copy(EXAMPLES / "van-ban" / "21-ct-tw.yaml", root / "van-ban")
    for name, number, when in (("gia-lai-1-tinh-uy", "15", "20/11/2026"), ("gia-lai-5-ubnd-tinh", "125", "25/11/2026")):
        text = (EXAMPLES / "ke-hoach" / f"{name}.yaml").read_text(encoding="utf-8")
        (root / "ke-hoach" / f"{name}.yaml").write_text(
            text.replace("ngay: tháng 11 năm 2026", f'so: "{number}"\nngay: {when}'), encoding="utf-8")
    draft = generate(root / "ke-hoach" / "gia-lai-5-ubnd-tinh.yaml", out_dir=root / "ban-thao").output
    imported = root / "nhap"
    result = CliRunner().invoke(main, ["nhap", str(draft), "--ra", str(imported)])
    assert result.exit_code == 0, result.output
    return root


def test_the_issued_party_plan_cited_by_the_province_keeps_its_issuer(issued_chain):
    folder = issued_chain / "nhap"
    party = read_yaml(folder / "15-kh-tu.yaml").data
    assert (party["co_quan"], party["cum_tu"]) == ("Ban Thường vụ Tỉnh ủy", "tiếp tục thực hiện")
    full, short = citation_of("15-kh-tu", False, folder)
    assert full.startswith("Kế hoạch số 15-KH/TU ngày 20/11/2026 của Ban Thường vụ Tỉnh ủy tiếp tục thực hiện Chỉ thị "
                           "số 21-CT/TW ngày 04/5/2023 của Ban Bí thư về tiếp tục đổi mới")
    assert short == "Kế hoạch số 15-KH/TU"


def test_a_commune_drafted_from_the_imported_parent_reports_with_its_deadline_and_qua(issued_chain):
    """The commune's draft from the imported 125/KH-UBND says what the one drafted from the workspace record says:
    its own line upward with "(qua …) trước ngày 25/12/2026", and its units an earlier date."""
    plan = issued_chain / "nhap" / "xa.yaml"
    plan.write_text((EXAMPLES / "ke-hoach" / "gia-lai-6-ubnd-xa.yaml").read_text(encoding="utf-8").replace(
        "thuc_hien: [gia-lai-5-ubnd-tinh]", "thuc_hien: [125-kh-ubnd-gia-lai]"), encoding="utf-8")
    draft = generate(plan, out_dir=issued_chain / "ban-thao").output
    text = "\n".join(p.text for p in Document(str(draft)).paragraphs)
    assert "tham mưu Ủy ban nhân dân xã báo cáo về Ủy ban nhân dân tỉnh (qua Phòng Khoa giáo - Văn xã, Văn phòng UBND " \
           "tỉnh) trước ngày 25/12/2026." in text
    assert "báo cáo kết quả thực hiện về Ủy ban nhân dân xã (qua Văn phòng Hội đồng nhân dân và Ủy ban nhân dân) " \
           "trước ngày 20/12/2026." in text


# Defect 4, the kind: any verb or adverb after an issuer's name starts what follows it (the link to the parent, or the
# trích yếu), never the end of the name.
_CITED = "Kế hoạch số 15-KH/TU ngày 20/11/2026 của {issuer} {rest}"
_PARENT = "Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư"


@pytest.mark.parametrize("link", ["tiếp tục thực hiện", "tiếp tục triển khai", "triển khai thực hiện",
                                  "tổ chức thực hiện", "thực hiện"])
@pytest.mark.parametrize("issuer", ["Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh Gia Lai",
                                    "Ban Bí thư Trung ương Đảng (khóa XII)", "Ban Tuyên giáo và Dân vận Tỉnh ủy"])
def test_a_link_to_the_parent_is_never_part_of_the_issuer(issuer, link):
    [cited] = read_all(_CITED.format(issuer=issuer, rest=f"{link} {_PARENT}"))
    assert (cited.issuer, cited.connector, cited.parent.symbol if cited.parent else None) == (
        issuer.replace(" (khóa XII)", ""), link, "21-CT/TW")


@pytest.mark.parametrize("subject", [
    "tiếp tục đẩy mạnh công tác tuyên truyền", "tăng cường công tác giáo dục nghề nghiệp", "đẩy mạnh phong trào thi đua",
    "thường xuyên kiểm tra việc thực hiện", "khẩn trương triển khai các nhiệm vụ", "tổ chức các hoạt động kỷ niệm",
    "nâng cao chất lượng đào tạo", "phát động phong trào học nghề", "kiện toàn tổ chức bộ máy",
    "sơ kết 5 năm thực hiện Chỉ thị", "hưởng ứng Tháng hành động"])
def test_a_trich_yeu_that_starts_with_a_verb_or_an_adverb_is_not_the_issuer(subject):
    [cited] = read_all(_CITED.format(issuer="Ban Thường vụ Tỉnh ủy", rest=subject))
    assert (cited.issuer, cited.subject) == ("Ban Thường vụ Tỉnh ủy", subject)


@pytest.mark.parametrize("name", [
    "Ủy ban nhân dân tỉnh Gia Lai", "Bộ Ngoại giao", "Văn phòng Tỉnh ủy", "Cục Hàng không Việt Nam",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Hội Cựu chiến binh tỉnh", "Ban chỉ đạo tỉnh", "Ủy ban kiểm tra Tỉnh ủy",
    "Bộ Nông nghiệp và Phát triển nông thôn"])
def test_a_name_with_lower_case_words_stays_whole(name):
    assert name_before(name) == name
    [cited] = read_all(_CITED.format(issuer=name, rest="về công tác tuyên truyền"))
    assert cited.issuer == name


def test_the_issuing_sentence_of_a_text_without_header_names_the_body_alone(tmp_path):
    """"…, Ban Thường vụ Tỉnh ủy tiếp tục ban hành Kế hoạch …": the issuer read from the opening is the body."""
    text = tmp_path / "khong-dau.txt"
    text.write_text("KẾ HOẠCH\ntiếp tục thực hiện Chỉ thị số 21-CT/TW\nThực hiện Chỉ thị số 21-CT/TW ngày 04/5/2023 "
                    "của Ban Bí thư, Ban Thường vụ Tỉnh ủy tiếp tục ban hành Kế hoạch thực hiện như sau:\n"
                    "I. NHIỆM VỤ\n1. Tuyên truyền sâu rộng Chỉ thị số 21-CT/TW.\n", encoding="utf-8")
    assert read_file(text).document.data["co_quan"] == "Ban Thường vụ Tỉnh ủy"


def test_the_layouts_tell_their_units_or_say_they_do_not(layout_drafts):
    """The layouts of tests/fixtures/nhap-bo-cuc: the units' line where the draft has one."""
    got = {stem: read_file(path).document.data.get("bao_cao") for stem, path in layout_drafts.items()}
    assert got == {
        "dang-uy-xa-tuong-thuat": None, "doan-xa-tuong-thuat-ten": None, "hoi-lhpn-mot-dong": None,
        "hoi-nong-dan-theo-ten": None, "tinh-doan-chuong-trinh": None,
        "tinh-uy-ngay-day-du": {"ve": "Ban Thường vụ Tỉnh ủy Kon Tum"},
        "ubnd-xa-cong-van": {"ve": "Ủy ban nhân dân xã", "qua": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"},
        "ubnd-xa-trich-yeu-ngan": {"ve": "Ủy ban nhân dân xã", "qua": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"},
        "ubnd-xa-trich-yeu-ngay": {"ve": "Ủy ban nhân dân xã", "qua": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"},
    }


# Defect 11: photos of a multi-page document. The province's issued plan (125/KH-UBND) as a PDF, photographed one
# page per image as the trial did (pdftoppm -r 200), with a damaged photo given between its two pages.
@pytest.fixture(scope="module")
def photos(issued_chain, tmp_path_factory) -> list[Path]:
    tools = require("soffice", "pdftoppm", "tesseract")
    folder = tmp_path_factory.mktemp("anh")
    [pdf] = convert([issued_chain / "ban-thao" / "gia-lai-5-ubnd-tinh.docx"], "pdf", folder)
    subprocess.run([tools["pdftoppm"], "-png", "-r", "200", str(pdf), str(folder / "scan")], check=True)
    first, second = sorted(folder.glob("scan-*.png"))
    damaged = folder / "hong.png"
    damaged.write_bytes(first.read_bytes()[:200] + bytes(range(256)))  # a PNG's first bytes, then nothing readable
    return [first, damaged, second]


def test_photos_of_the_pages_are_one_document_and_a_bad_page_does_not_block(photos, issued_chain, tmp_path,
                                                                            monkeypatch):
    """`kehoach nhap scan-1.png hong.png scan-2.png`: one document, read as the text layer reads it (number, date,
    issuer, trích yếu, chain, tasks from page 1, the reporting line from the last page); the damaged page is named in
    the report and at the head of the file; exit 0."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["nhap", *map(str, photos)])
    assert result.exit_code == 0, result.output
    first, damaged, second = photos
    assert result.output.startswith(f"Tệp: {first}, {damaged}, {second} (ảnh (OCR), 3 trang của một văn bản, theo thứ "
                                    "tự đã ghi)\n")
    text_layer = read_file(issued_chain / "ban-thao" / "gia-lai-5-ubnd-tinh.docx").document.data
    [written] = [f for f in (tmp_path / "van-ban").glob("*.yaml") if "ubnd" in f.name]
    data = read_yaml(written).data
    keys = ("loai", "so_ky_hieu", "ngay", "dia_danh", "co_quan", "cum_tu", "bao_cao")
    assert {k: data.get(k) for k in keys} == {k: text_layer.get(k) for k in keys}
    assert (data["so_ky_hieu"], data["ngay"], data["bao_cao"]) == ("125/KH-UBND", "25/11/2026",
                                                                   REPORTING["gia-lai-5-ubnd-tinh"])
    party = read_yaml(tmp_path / "van-ban" / "15-kh-tu.yaml").data
    assert (data["thuc_hien"], party["co_quan"], party["cum_tu"]) == (
        ["15-kh-tu"], "Ban Thường vụ Tỉnh ủy", "tiếp tục thực hiện")
    assert len(data["nhiem_vu"]) == len(text_layer["nhiem_vu"]) == 3
    head = written.read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# KIỂM TRA: không đọc được trang 2 (hong.png): Tesseract không đọc được ảnh")
    assert "trang 3 (" + second.name + ")" in result.output


def test_tao_with_the_photos_of_one_parent_drafts_from_all_its_pages(photos, tmp_path, monkeypatch):
    """`kehoach tao --ho-so … --van-ban scan-1.png --van-ban scan-2.png`: one parent, its reporting line (page 2) in
    the draft."""
    monkeypatch.chdir(tmp_path)
    first, _, second = photos
    result = CliRunner().invoke(main, ["tao", "--ho-so", "gia-lai/ubnd-xa-vi-du", "--loai", "ke_hoach",
                                       "--van-ban", str(first), "--van-ban", str(second)])
    assert result.exit_code == 0, result.output
    assert result.output.count("Tệp: ") == 1
    [draft] = (tmp_path / "ban-thao").glob("*.docx")
    text = "\n".join(p.text for p in Document(str(draft)).paragraphs)
    assert "báo cáo về Ủy ban nhân dân tỉnh (qua Phòng Khoa giáo - Văn xã, Văn phòng UBND tỉnh) trước ngày 25/12/2026" \
        in text


def test_images_given_together_make_one_document_in_the_order_given(tmp_path):
    """Without OCR: how the files given are grouped (documents_of); a single image stays a document of its own."""
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
    files = []
    for name in ("b.png", "a.pdf", "c.jpg", "d.txt"):
        (tmp_path / name).write_bytes(png if name.endswith(("png", "jpg")) else b"%PDF-1.4\n" if name.endswith("pdf")
                                      else "KẾ HOẠCH\n".encode())
        files.append(tmp_path / name)
    b, a, c, d = files
    assert documents_of(files) == [[b, c], a, d]
    assert documents_of([a, b, d]) == [a, b, d]
