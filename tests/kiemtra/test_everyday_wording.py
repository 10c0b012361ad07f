"""Everyday administrative wording is not a mistake (audit of issues 14.13 and 14.15): a doubled syllable that ends
one word and starts the next ("hành vi vi phạm"), and the hamlets and villages below the commune in the South, the
Central Highlands and the northern mountains (ấp, bản, khóm, buôn, sóc, plon …), which are not near-misses of
"cấp", "ban"."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.kiemtra import check_path, check_text

ROOT = Path(__file__).resolve().parents[2]


def findings(sentence: str) -> list[tuple[str, str, str]]:
    report = check_text(f"KẾ HOẠCH\nvề việc tổ chức\n{sentence}./.\n", "nha_nuoc")
    return [(f.rule_id, f.message, f.suggestion) for f in report.findings]


@pytest.mark.parametrize("sentence", [
    "Xử lý nghiêm các hành vi vi phạm pháp luật",  # the audit's case: "hành vi" + "vi phạm"
    "Cơ quan quan tâm đến tổ chức chức năng của đơn vị vị trí việc làm",
    "Thực hiện nghị quyết của hội nghị nghị quyết chuyên đề về phát triển triển khai",
    "Đẩy mạnh công tác tác động đến gia đình, quốc gia gia tăng đầu tư",
])
def test_a_syllable_shared_by_two_words_is_not_written_twice(sentence):
    assert findings(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Triển khai đến các ấp trên địa bàn xã",  # the audit's case ("các cấp", 85%)
    "Phát huy vai trò của già làng, trưởng bản, người có uy tín",  # the audit's case ("trưởng ban", 90%)
    "Các ấp, khóm, buôn, sóc tổ chức thực hiện",
    "Tổ chức tuyên truyền tại các bản, các buôn, các sóc và các plon",
    "Trưởng ấp, trưởng khóm, trưởng buôn, trưởng sóc họp dân",
    "Đồng chí Trưởng bản Nà Hỳ báo cáo kết quả",
])
def test_hamlets_and_villages_are_words_of_their_own(sentence):
    assert findings(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Triển khai đến các các chi bộ", [("VB-01", "Từ “các” viết hai lần liền nhau.", "Xóa một chữ “các”.")]),
    ("Xử lý các hành vi vi vi phạm", [("VB-01", "Từ “vi” viết hai lần liền nhau.", "Xóa một chữ “vi”.")]),
    ("Xử lý các vi vi phạm", [("VB-01", "Từ “vi” viết hai lần liền nhau.", "Xóa một chữ “vi”.")]),
    ("Ủy ban nhân dân xã bản hành kế hoạch", [
        ("VB-06", "“bản hành” có thể là “ban hành” (độ tin cậy 90%).", "Viết “ban hành” nếu đúng ý.")]),
    ("Tuyên tuyền đến các ấp", [
        ("VB-06", "“Tuyên tuyền” có thể là “Tuyên truyền” (độ tin cậy 85%).", "Viết “Tuyên truyền” nếu đúng ý.")]),
])
def test_real_slips_beside_them_are_still_found(sentence, expected):
    assert findings(sentence) == expected


def test_kehoachs_own_drafts_for_a_commune_of_hamlets_have_no_finding(tmp_path, monkeypatch):
    """A UBND xã whose units are ấp, bản, khóm, buôn, sóc: its Kế hoạch, Hướng dẫn and Công văn name them in Tổ chức
    thực hiện, Kính gửi and Nơi nhận; none is "các cấp" (main gave 2–5 VB-06 warnings per draft)."""
    from kehoach.workspace.drafts import generate_quick

    profile = tmp_path / "ubnd-xa-co-ap.yaml"
    profile.write_text(
        f"ke_thua: {ROOT / 'profiles' / 'gia-lai' / 'ubnd-xa-vi-du.yaml'}\n"
        "don_vi_cap_duoi:\n  - Các ấp\n  - Các bản\n  - Các khóm, buôn, sóc\n"
        "  - ten: Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội xã\n    quan_he: phoi_hop\n"
        "ten_chung_don_vi_cap_duoi: Các ấp, bản\n"
        "noi_nhan:\n  - Ủy ban nhân dân tỉnh (để b/c)\n  - Các ấp\n  - Các bản\n", encoding="utf-8")
    monkeypatch.chdir(ROOT / "examples")
    for kind in ("ke_hoach", "huong_dan", "cong_van"):
        result = generate_quick(str(profile), ("21-ct-tw",), kind, out_dir=tmp_path / kind)
        assert [(f.rule_id, f.message) for f in check_path(result.output).findings] == [], kind
