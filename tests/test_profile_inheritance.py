"""The documented merge rules of profile inheritance (profiles/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.errors import InputError
from kehoach.inputs.profiles import load_profile

BASE = """\
he_thong: cong_doan
co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
tap_the: Ban Thường vụ
nguoi_ky:
  - ma: chu-tich
    tham_quyen: TM. BAN THƯỜNG VỤ
    chuc_vu: CHỦ TỊCH
noi_nhan: [Tổng LĐLĐ Việt Nam, Ban Tuyên giáo Tỉnh ủy]
trinh_bay:
  ket_thuc: "./."
  dau_phay_truoc_ngay: false
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def child(tmp_path: Path, extra: str) -> Path:
    write(tmp_path, "co-so.yaml", BASE)
    return write(tmp_path, "con.yaml", "ke_thua: co-so.yaml\nten_co_quan: Liên đoàn Lao động tỉnh X\n"
                 "ten_goi: LĐLĐ tỉnh X\nky_hieu: LĐLĐ\ndia_danh: X\n" + extra)


def test_child_inherits_everything_it_does_not_say(tmp_path):
    profile = load_profile(child(tmp_path, ""))
    assert profile.parent_body == "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"
    assert profile.subject == "Ban Thường vụ LĐLĐ tỉnh X"
    assert profile.recipients == ("Tổng LĐLĐ Việt Nam", "Ban Tuyên giáo Tỉnh ủy")
    assert [p.name for p in profile.sources] == ["co-so.yaml", "con.yaml"]


def test_scalar_replaces_and_group_merges_key_by_key(tmp_path):
    profile = load_profile(child(tmp_path, "tap_the: Ban Chấp hành\ntrinh_bay:\n  dau_phay_truoc_ngay: true\n"))
    assert profile.collective == "Ban Chấp hành"
    assert profile.layout.comma_before_date is True
    assert profile.layout.closing_mark == "./."  # kept from the base


def test_list_replaces_whole_and_null_removes(tmp_path):
    profile = load_profile(child(tmp_path, "noi_nhan: [Ban Dân vận Tỉnh ủy;]\nco_quan_chu_quan: null\n"))
    assert profile.recipients == ("Ban Dân vận Tỉnh ủy",)
    assert profile.parent_body == ""


def test_inheritance_cycle_is_refused(tmp_path):
    write(tmp_path, "a.yaml", "ke_thua: b.yaml\n")
    write(tmp_path, "b.yaml", "ke_thua: a.yaml\n")
    with pytest.raises(InputError, match="vòng tròn"):
        load_profile(tmp_path / "a.yaml")


def test_missing_base_names_the_key_and_line(tmp_path):
    path = write(tmp_path, "x.yaml", "he_thong: dang\nke_thua: khong-co\n")
    with pytest.raises(InputError) as err:
        load_profile(path)
    problem = err.value.problems[0]
    assert (problem.line, problem.key) == (2, "ke_thua") and "khong-co" in problem.message


def test_required_keys_are_reported_together(tmp_path):
    path = write(tmp_path, "x.yaml", "he_thong: dang\n")
    with pytest.raises(InputError) as err:
        load_profile(path)
    assert {p.key for p in err.value.problems} == {"ten_co_quan", "ten_goi", "ky_hieu", "dia_danh", "nguoi_ky"}
