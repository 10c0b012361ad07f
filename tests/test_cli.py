from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from kehoach import __version__
from kehoach.cli import main

from .conftest import header_columns

ROOT = Path(__file__).resolve().parents[1]


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"kehoach {__version__}"


def test_help_is_vietnamese():
    result = CliRunner().invoke(main, ["tao", "--help"])
    assert result.exit_code == 0 and "Soạn một bản thảo" in result.output


def test_generate_every_example_into_a_folder(tmp_path):
    result = CliRunner().invoke(main, ["tao-tat-ca", str(ROOT / "examples" / "ke-hoach"), "--ra", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.glob("*.docx"))
    assert names == ["000-ldld-lai-chau.docx", "001-btg-binh-dinh.docx", "002-huyen-uy-phong-tho.docx",
                     "003-ldld-binh-dinh.docx", "004-ldld-cao-bang.docx", "gia-lai-1-tinh-uy.docx",
                     "gia-lai-2-ban-tgdv.docx", "gia-lai-3-ldld.docx", "gia-lai-4-cong-doan-xa.docx",
                     "gia-lai-5-ubnd-tinh.docx", "gia-lai-6-ubnd-xa.docx", "gia-lai-7-dang-uy-xa.docx",
                     "gia-lai-8-hoi-lhpn.docx", "gia-lai-9-tinh-doan.docx"]
    assert sorted(p.name for p in (tmp_path / ".kehoach").glob("*.json")) == [n.replace(".docx", ".json")
                                                                            for n in names]


def test_quick_draft_without_a_plan_file(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT / "examples")
    out = tmp_path / "nhanh.docx"
    result = CliRunner().invoke(main, ["tao", "--ho-so", "lai-chau/ldld-lai-chau", "--van-ban", "349-kh-tld",
                                       "--loai", "ke_hoach", "--so", "12", "--ngay", "05/02/2024", "--ra", str(out)])
    assert result.exit_code == 0, result.stderr
    doc = Document(str(out))
    left, right = header_columns(doc)
    assert "Số: 12/KH-LĐLĐ" in [p.text for p in left]
    assert "Lai Châu, ngày 05 tháng 02 năm 2024" in [p.text for p in right]
    headings = [p.text for p in doc.paragraphs if p.runs and p.runs[0].bold][2:]
    assert [h for h in headings if h[:2] in ("I.", "II", "II")] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ VÀ GIẢI PHÁP", "III. TỔ CHỨC THỰC HIỆN"]
    # The drafting department follows the plan up (issue 13: no boilerplate line for every department).
    texts = [p.text for p in doc.paragraphs]
    assert texts[texts.index("1. Ban Chính sách pháp luật và Quan hệ lao động") + 1].startswith("- Chủ trì, theo dõi")
    assert doc.paragraphs[-1].text.endswith("nghiêm túc triển khai thực hiện./.")


def test_quick_draft_needs_its_options(tmp_path):
    result = CliRunner().invoke(main, ["tao", "--ho-so", "lai-chau/ldld-lai-chau", "--ra", str(tmp_path / "x.docx")])
    assert result.exit_code == 2 and "--van-ban" in result.stderr and "--loai" in result.stderr


def test_citation_command():
    result = CliRunner().invoke(main, ["trich-dan", str(ROOT / "examples" / "van-ban" / "349-kh-tld.yaml"),
                                       "--dau-phay"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của Tổng Liên đoàn Lao động Việt Nam về thực hiện Chỉ thị số "
        "21-CT/TW, ngày 04/5/2023 của Ban Bí thư về tiếp tục đổi mới, phát triển và nâng cao chất lượng giáo dục "
        "nghề nghiệp đến năm 2030, tầm nhìn đến năm 2045",
        "Viết tắt: Kế hoạch số 349/KH-TLĐ",
    ]


def test_profile_command_validates_one_profile():
    result = CliRunner().invoke(main, ["ho-so", "lai-chau/ldld-lai-chau"])
    assert result.exit_code == 0 and "Hồ sơ hợp lệ" in result.output and "CSPL&QHLĐ" in result.output


def test_record_beside_the_draft(tmp_path):
    CliRunner().invoke(main, ["tao", str(ROOT / "examples" / "ke-hoach" / "000-ldld-lai-chau.yaml"),
                              "--thu-muc", str(tmp_path)])
    import json

    record = json.loads((tmp_path / ".kehoach" / "000-ldld-lai-chau.json").read_text(encoding="utf-8"))
    assert record["document"]["number"] == "470" and record["document"]["type_code"] == "KH"
    assert set(record["inputs"]) == {"plan", "profile", "documents", "template"}
    assert len(record["inputs"]["profile"]) == 2  # the profile and its base
    assert record["text"][0].startswith("Thực hiện Kế hoạch số 349/KH-TLĐ")


def test_output_is_deterministic(tmp_path):
    plan = ROOT / "examples" / "ke-hoach" / "002-huyen-uy-phong-tho.yaml"
    for name in ("a", "b"):
        CliRunner().invoke(main, ["tao", str(plan), "--thu-muc", str(tmp_path / name)])
    import zipfile

    def xml(path: Path) -> str:
        with zipfile.ZipFile(path) as z:
            return z.read("word/document.xml").decode()

    assert xml(tmp_path / "a" / "002-huyen-uy-phong-tho.docx") == xml(tmp_path / "b" / "002-huyen-uy-phong-tho.docx")


def test_console_script_runs_without_traceback(tmp_path):
    exe = shutil.which("kehoach")
    if exe is None:
        pytest.skip("kehoach chưa được cài như một lệnh")
    done = subprocess.run([exe, "tao", str(tmp_path / "khong-co.yaml")], capture_output=True, text=True)
    assert done.returncode == 2 and "không tìm thấy tệp" in done.stderr and "Traceback" not in done.stderr
    assert sys.executable
