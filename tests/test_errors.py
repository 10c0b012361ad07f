"""Bad input: a Vietnamese message with file, line and key, exit code 2, no traceback, no output file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from kehoach.cli import main

from .examples import copy_examples

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
co_quan: lai-chau/ldld-lai-chau
loai: ke_hoach
so: 470
ngay: 23/8/2023
thuc_hien: [349-kh-tld]
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    copy_examples(tmp_path / "van-ban", "van-ban")
    (tmp_path / "ke-hoach").mkdir()
    return tmp_path


def run(workspace: Path, plan_text: str, *extra: str):
    plan = workspace / "ke-hoach" / "ke-hoach.yaml"
    plan.write_text(plan_text, encoding="utf-8")
    out = workspace / "ra"
    result = CliRunner().invoke(main, ["tao", str(plan), "--thu-muc", str(out), *extra])
    return result, out


def assert_refused(result, out: Path, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr
    assert not out.exists() or not list(out.rglob("*.docx"))


def test_good_plan_is_accepted(workspace):
    result, out = run(workspace, GOOD)
    assert result.exit_code == 0, result.output
    assert (out / "ke-hoach.docx").is_file()


def test_malformed_yaml_names_file_and_line(workspace):
    result, out = run(workspace, GOOD + "muc:\n  - tieu_de: A\n   noi_dung: x\n")
    assert_refused(result, out, "ke-hoach.yaml", "dòng 8", "YAML sai cú pháp")


def test_unknown_key_suggests_the_right_one(workspace):
    result, out = run(workspace, GOOD + "trich_yue: abc\n")
    assert_refused(result, out, "dòng 6", "khóa 'trich_yue'", "có phải ý bạn là 'trich_yeu'")


def test_missing_required_field(workspace):
    result, out = run(workspace, GOOD.replace("loai: ke_hoach\n", ""))
    assert_refused(result, out, "thiếu khóa bắt buộc 'loai'")


def test_impossible_date(workspace):
    result, out = run(workspace, GOOD.replace("23/8/2023", "31/02/2024"))
    assert_refused(result, out, "dòng 4", "khóa 'ngay'", "không có ngày 31")


def test_every_problem_of_a_file_at_once(workspace):
    text = GOOD.replace("23/8/2023", "31/02/2024").replace("loai: ke_hoach", "loai: ke_hoahc") + "nguoi_kyy: x\n"
    result, out = run(workspace, text)
    assert_refused(result, out, "Có 3 lỗi", "không có ngày 31", "có phải ý bạn là 'ke_hoach'",
                   "có phải ý bạn là 'nguoi_ky'")


def test_profile_that_does_not_exist(workspace):
    result, out = run(workspace, GOOD.replace("lai-chau/ldld-lai-chau", "lai-chau/khong-co"))
    assert_refused(result, out, "lai-chau/khong-co", "không tìm thấy hồ sơ")


def test_parent_that_does_not_exist(workspace):
    result, out = run(workspace, GOOD.replace("349-kh-tld", "999-kh-tld"))
    assert_refused(result, out, "dòng 5", "không tìm thấy văn bản '999-kh-tld'")


def test_unknown_signer(workspace):
    result, out = run(workspace, GOOD + "nguoi_ky: bi-thu\n")
    assert_refused(result, out, "khóa 'nguoi_ky'", "không có người ký 'bi-thu'", "chu-tich")


def test_unknown_placeholder_in_own_text(workspace):
    result, out = run(workspace, GOOD + "ket_thuc: 'Trên đây là {ke_hoach_nay}'\n")
    assert_refused(result, out, "khóa 'ket_thuc'", "{ke_hoach_nay}")


def _profile_with_template(workspace: Path, template_text: str) -> str:
    doc = Document()
    doc.add_paragraph(template_text)
    doc.save(workspace / "mau.docx")
    profile = workspace / "ho-so.yaml"
    base = ROOT / "profiles" / "lai-chau" / "ldld-lai-chau.yaml"
    profile.write_text(f"ke_thua: {base}\nmau: mau.docx\n", encoding="utf-8")
    return GOOD.replace("lai-chau/ldld-lai-chau", str(profile))


def test_template_with_unknown_variable(workspace):
    result, out = run(workspace, _profile_with_template(workspace, "{{ ten_nguoi_nhan }}"))
    assert_refused(result, out, "mau.docx", "ten_nguoi_nhan")


def test_template_cannot_reach_python_internals(workspace):
    result, out = run(workspace, _profile_with_template(workspace, "{{ ten_loai.__class__.__mro__ }}"))
    assert_refused(result, out, "mau.docx")


def test_nfd_and_stray_spaces_are_not_refused(workspace):
    import unicodedata

    text = unicodedata.normalize("NFD", GOOD).replace("ngay: 23/8/2023", "ngay: ' 23/08/2023 '")
    result, out = run(workspace, text)
    assert result.exit_code == 0, result.stderr
    doc = Document(str(out / "ke-hoach.docx"))
    right = [p.text for cell in doc.tables[0].columns[1].cells for p in cell.paragraphs]
    assert "Lai Châu, ngày 23 tháng 8 năm 2023" in right


def test_text_is_escaped_not_evaluated(workspace):
    result, out = run(workspace, GOOD + "ket_thuc: 'A & B <C> {{ 7*7 }} {% if x %}'\n")
    assert result.exit_code == 0, result.stderr
    doc = Document(str(out / "ke-hoach.docx"))
    assert doc.paragraphs[-1].text == "A & B <C> {{ 7*7 }} {% if x %}./."
