"""Issue 16, kind 16 (and `co_quan: /etc/passwd` of kind 9): messages a secretary can act on, all in one run.

Every problem of a plan, of its profile chain and of the documents it names comes at once; positions are Vietnamese;
an unknown document or profile gets "có phải ý bạn là …" and the folders searched; a profile's problem names the plan
file and line that asked for it; a problem with --van-ban blames the option.
"""

from __future__ import annotations

from pathlib import Path

from kehoach.inputs.paths import builtin_profiles
from kehoach.inputs.profile_keys import PROFILE

from .hostile import GOOD, files, invoke, refused, workspace

KEYS = ", ".join(PROFILE.fields)  # the valid keys, as the message lists them


def test_plan_profile_chain_and_parents_are_reported_in_one_run(tmp_path):
    root = workspace(tmp_path / "ws")
    plans = root / "ke-hoach"
    base = plans / "co-so.yaml"
    base.write_text("ke_thua: lai-chau/ldld-lai-chau\ndia_danhh: Lai Châu\n", encoding="utf-8")
    profile = plans / "ho-so.yaml"
    profile.write_text("ke_thua: co-so.yaml\nten_goii: LĐLĐ tỉnh\n", encoding="utf-8")
    plan = plans / "p.yaml"
    plan.write_text("co_quan: ho-so.yaml\nloai: ke_hoach\nso: 1\nngay: 31/02/2024\nthuc_hien: [349-kh-tld, 349-kh-tldd]\n",
                    encoding="utf-8")
    before = files(tmp_path)
    result = invoke("tao", plan, "--thu-muc", root / "ban-thao", cwd=root)
    lines = refused(result).strip().splitlines()
    assert lines == [
        "Có 5 lỗi:",
        f"  - {plan}, dòng 4, khóa 'ngay': ngày không hợp lệ: '31/02/2024': tháng 2 năm 2024 không có ngày 31",
        f"  - {profile}, dòng 2, khóa 'ten_goii': khóa không được hỗ trợ; có phải ý bạn là 'ten_goi'? (các khóa hợp lệ: "
        f"{KEYS})",
        f"  - {base}, dòng 2, khóa 'dia_danhh': khóa không được hỗ trợ; có phải ý bạn là 'dia_danh'? (các khóa hợp lệ: "
        f"{KEYS})",
        f"  - {plan}, dòng 1, khóa 'co_quan': hồ sơ 'ho-so.yaml' ({profile}) có 2 lỗi kể trên",
        f"  - {plan}, dòng 5, mục thứ 2 của 'thuc_hien': không tìm thấy văn bản '349-kh-tldd'; có phải ý bạn là "
        f"'349-kh-tld'? (đã tìm trong: {plans}, {root / 'van-ban'}, {root})",
    ]
    assert files(tmp_path) == before


def test_unknown_profile_names_the_plan_line_a_guess_and_the_folders(tmp_path):
    root = workspace(tmp_path / "ws", {"p.yaml": GOOD.replace("ldld-lai-chau", "ldld-lai-chauu")})
    plan = root / "ke-hoach" / "p.yaml"
    result = invoke("tao", plan, "--thu-muc", root / "ban-thao", cwd=root)
    assert refused(result).strip() == (
        f"Lỗi: {plan}, dòng 1, khóa 'co_quan': không tìm thấy hồ sơ cơ quan 'lai-chau/ldld-lai-chauu'; có phải ý bạn "
        f"là 'lai-chau/ldld-lai-chau'? (đã tìm trong: {builtin_profiles()})")  # a folder of plans is no profile folder


def test_absolute_path_or_pattern_as_profile_does_not_crash_the_search(tmp_path):
    for ref in ("/etc/passwd", "*", "lai-chau/*", "[x]", "../../../../etc/hostname"):
        root = workspace(tmp_path / ref.replace("/", "_").replace("*", "sao"), {"p.yaml": GOOD.replace(
            "lai-chau/ldld-lai-chau", f"'{ref}'")})
        plan = root / "ke-hoach" / "p.yaml"
        result = invoke("tao", plan, "--thu-muc", root / "ban-thao", cwd=root)
        stderr = refused(result)
        assert stderr.startswith(f"Lỗi: {plan}, dòng 1, khóa 'co_quan': không tìm thấy hồ sơ cơ quan '{ref}'"), stderr
        assert f"(đã tìm trong: {builtin_profiles()})" in stderr


def test_van_ban_option_is_blamed_not_a_file_that_does_not_exist(tmp_path):
    root = workspace(tmp_path / "ws")
    result = invoke("tao", "--ho-so", "lai-chau/ldld-lai-chau", "--van-ban", "349-kh-tld", "--van-ban", "999-kh-tld",
                    "--loai", "ke_hoach", "--thu-muc", root / "ban-thao", cwd=root)
    stderr = refused(result)
    assert stderr.startswith("Lỗi: --van-ban 999-kh-tld: không tìm thấy văn bản '999-kh-tld'; có phải ý bạn là "
                             "'349-kh-tld'? (đã tìm trong: "), stderr
    assert ".yaml" not in stderr.partition("(")[0]  # no invented plan file named in the message
    result = invoke("tao", "--ho-so", "lai-chau/khong-co", "--van-ban", "349-kh-tld", "--loai", "ke_hoach",
                    "--thu-muc", root / "ban-thao", cwd=root)
    assert refused(result).startswith("Lỗi: --ho-so: không tìm thấy hồ sơ cơ quan 'lai-chau/khong-co'")
    assert not (root / "ban-thao").exists()


def test_ngay_option_is_blamed_with_the_plans_own_problems(tmp_path):
    root = workspace(tmp_path / "ws", {"p.yaml": GOOD + "ngay_ky: x\n"})
    plan = root / "ke-hoach" / "p.yaml"
    result = invoke("tao", plan, "--ngay", "30/02/2024", "--thu-muc", root / "ban-thao")
    lines = refused(result).strip().splitlines()
    assert lines[0] == "Có 2 lỗi:" and lines[2] == ("  - --ngay: ngày không hợp lệ: '30/02/2024': tháng 2 năm 2024 "
                                                    "không có ngày 30")
    assert lines[1].startswith(f"  - {plan}, dòng 6, khóa 'ngay_ky': khóa không được hỗ trợ")


def test_nested_positions_are_vietnamese(tmp_path):
    root = workspace(tmp_path / "ws", {"p.yaml": GOOD + "mo_dau:\n  van_ban:\n    - {ma: 349-kh-tld, dang: dai}\n"})
    plan = root / "ke-hoach" / "p.yaml"
    assert refused(invoke("tao", plan, "--thu-muc", root / "ban-thao")).startswith(
        f"Lỗi: {plan}, dòng 8, khóa 'dang' trong mục thứ 1 của 'van_ban' trong 'mo_dau': giá trị 'dai' không hợp lệ "
        "(chọn một trong: day_du, ")


def test_profile_listing_survives_a_broken_profile(tmp_path):
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "hong.yaml").write_bytes(b"he_thong: \xff\n")
    result = invoke("ho-so", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert any(line.startswith("hong") and "LỖI: tệp không phải văn bản UTF-8" in line for line in result.output.splitlines())
    assert Path(tmp_path / "profiles" / "hong.yaml").read_bytes() == b"he_thong: \xff\n"
