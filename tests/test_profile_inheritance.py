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


# Trial 1, defect 16: a profile copied out of kehoach's profiles/ into an office's keeps finding its base.

SHIPPED = Path(__file__).resolve().parent.parent / "profiles"
OWN_PROFILES = sorted(p for p in SHIPPED.rglob("*.yaml") if p.parent.name != "co-so")


def test_the_trial_copy_of_an_old_shipped_profile_finds_its_base(tmp_path):
    """`ke_thua: ../co-so/nha-nuoc.yaml` (how kehoach shipped it until now) copied into an office's profiles/gia-lai/,
    where there is no ../co-so/: the path leads nowhere, so the name under it, co-so/nha-nuoc, is looked up."""
    from .hostile import invoke

    office = tmp_path / "van-phong"
    (office / "profiles" / "gia-lai").mkdir(parents=True)
    text = (SHIPPED / "gia-lai" / "ubnd-xa-vi-du.yaml").read_text(encoding="utf-8")
    old = text.replace("ke_thua: co-so/nha-nuoc\n", "ke_thua: ../co-so/nha-nuoc.yaml\n")
    assert old != text
    (office / "profiles" / "gia-lai" / "ubnd-xa-chu-se.yaml").write_text(old, encoding="utf-8")
    result = invoke("ho-so", "ubnd-xa-chu-se", cwd=office)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"Hồ sơ hợp lệ: {office / 'profiles' / 'gia-lai' / 'ubnd-xa-chu-se.yaml'}"
    profile = load_profile(office / "profiles" / "gia-lai" / "ubnd-xa-chu-se.yaml")
    assert [s.name for s in profile.sources] == ["nha-nuoc.yaml", "ubnd-xa-chu-se.yaml"]
    assert profile.sources[0].resolve() == (SHIPPED / "co-so" / "nha-nuoc.yaml").resolve()


@pytest.mark.parametrize("shipped", OWN_PROFILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_shipped_profile_copied_into_an_office_loads_as_in_kehoach(tmp_path, shipped):
    copy = tmp_path / "profiles" / shipped.parent.name / f"{shipped.stem}-rieng.yaml"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(shipped.read_bytes())
    assert not shipped.read_text(encoding="utf-8").count("ke_thua: ../")  # shipped with names, which work anywhere
    assert load_profile(copy).issuer_lines == load_profile(shipped).issuer_lines
    flat = tmp_path / "mot-thu-muc" / shipped.name  # another depth: a name still finds its base
    flat.parent.mkdir()
    flat.write_bytes(shipped.read_bytes())
    assert load_profile(flat).signers == load_profile(shipped).signers


def test_an_office_base_of_the_same_name_inherits_the_shipped_one(tmp_path):
    """profiles/co-so/dang.yaml of an office changes a few keys of the shipped base: `ke_thua: co-so/dang` is the
    shipped one, not itself; the office's profiles that name co-so/dang get the office's base."""
    (tmp_path / "profiles" / "co-so").mkdir(parents=True)
    own_base = write(tmp_path / "profiles" / "co-so", "dang.yaml", "ke_thua: co-so/dang\nluu: VT, VPĐU\n")
    office = write(tmp_path / "profiles", "dang-uy-xa-a.yaml", "ke_thua: co-so/dang\nten_co_quan: Đảng ủy xã A\n"
                   "ten_goi: Đảng ủy xã\nky_hieu: ĐU\ndia_danh: A\n")
    profile = load_profile(office)
    assert [s.resolve() for s in profile.sources] == [(SHIPPED / "co-so" / "dang.yaml").resolve(), own_base.resolve(),
                                                      office.resolve()]
    assert profile.archive == "VT, VPĐU" and profile.system == "dang"


def test_a_profile_naming_only_itself_is_still_a_loop(tmp_path):
    path = write(tmp_path, "rieng-biet.yaml", "he_thong: dang\nke_thua: rieng-biet.yaml\n")
    with pytest.raises(InputError) as caught:
        load_profile(path)
    assert [(p.key, p.message) for p in caught.value.problems] == [
        ("ke_thua", "kế thừa vòng tròn: hồ sơ kế thừa lại chính nó")]
