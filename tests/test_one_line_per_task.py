"""A task given to several departments is one line, under the department that fits it best, naming the others
(trial 1, defect 8): never the same line under two departments, never "phối hợp với … phối hợp với", and a fresh
draft raises none of kehoach's own content warnings (kiemtra ND-01, ND-02)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kehoach.generate import prepare
from kehoach.kiemtra import check_text

ROOT = Path(__file__).resolve().parents[1]
PROFILE = """ke_thua: gia-lai/ldld-gia-lai
phong_ban:
  - ten: Văn phòng
    viet_tat: VP
  - ten: Ban Tuyên giáo - Nữ công
    viet_tat: TG-NC
    linh_vuc: [tuyên truyền, quán triệt, học tập, nghề]
  - ten: Ban Chính sách - Pháp luật
    viet_tat: CS-PL
    linh_vuc: [chính sách, pháp luật, doanh nghiệp]
  - ten: Ban Tổ chức - Kiểm tra
    viet_tat: TC-KT
    linh_vuc: [kiểm tra, giám sát]
"""
TASKS = ["Tuyên truyền, quán triệt sâu rộng Kế hoạch số 88/KH-TLĐ đến {doi_tuong}.",
         "Phối hợp với doanh nghiệp đề xuất chính sách hỗ trợ học nghề cho người lao động.",
         "Kiểm tra, giám sát việc thực hiện chế độ đào tạo nghề cho người lao động tại doanh nghiệp."]


def parent(tasks: list[str]) -> str:
    lines = "".join(f'  - "{t}"\n' for t in tasks)
    return ("loai: Kế hoạch\nso_ky_hieu: 88/KH-TLĐ\nngay: 10/10/2026\nco_quan: Tổng Liên đoàn Lao động Việt Nam\n"
            f"trich_yeu: về đào tạo nghề cho người lao động\nnhiem_vu:\n{lines}")


def draft(tmp_path: Path, profile: str, tasks: list[str], profile_text: str | None = None) -> list[str]:
    (tmp_path / "van-ban").mkdir(exist_ok=True)
    (tmp_path / "van-ban" / "88-kh-tld.yaml").write_text(parent(tasks), encoding="utf-8")
    if profile_text is not None:
        (tmp_path / "profiles").mkdir(exist_ok=True)
        (tmp_path / "profiles" / f"{profile}.yaml").write_text(profile_text, encoding="utf-8")
    plan = tmp_path / "kh.yaml"
    plan.write_text(f"co_quan: {profile}\nloai: ke_hoach\nngay: 20/11/2026\nthuc_hien: [88-kh-tld]\n", encoding="utf-8")
    return [b.text for b in prepare(plan).draft.blocks]


def organisation(text: list[str]) -> list[str]:
    return text[next(i for i, t in enumerate(text) if "TỔ CHỨC THỰC HIỆN" in t) + 1:]


def test_the_trial_case_one_line_per_task_the_best_fit_leads(tmp_path):
    text = draft(tmp_path, "ldld-thu", TASKS, PROFILE)
    assert [f.rule_id for f in check_text("\n".join(text)).findings if f.rule_id.startswith("ND-")] == []
    section = organisation(text)
    assert section[:8] == [
        "1. Văn phòng",
        "- Chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này; tổng hợp kết quả thực hiện, tham mưu Ban Thường "
        "vụ LĐLĐ tỉnh báo cáo về Tổng Liên đoàn Lao động Việt Nam.",
        "2. Ban Tuyên giáo - Nữ công",
        "- Tuyên truyền, quán triệt sâu rộng Kế hoạch số 88/KH-TLĐ đến đoàn viên, người lao động và cán bộ công đoàn "
        "các cấp.",
        "3. Ban Chính sách - Pháp luật",
        "- Chủ trì, phối hợp với Ban Tuyên giáo - Nữ công và doanh nghiệp đề xuất chính sách hỗ trợ học nghề cho "
        "người lao động.",
        "4. Ban Tổ chức - Kiểm tra",
        "- Chủ trì, phối hợp với Ban Tuyên giáo - Nữ công, Ban Chính sách - Pháp luật kiểm tra, giám sát việc thực "
        "hiện chế độ đào tạo nghề cho người lao động tại doanh nghiệp.",
    ]


def test_the_order_of_phong_ban_does_not_choose_the_lead(tmp_path):
    """The same departments listed the other way round: the same department leads each task (the others are named
    in the profile's order, the office's own order of its departments)."""
    blocks = PROFILE.split("  - ten: ")
    reversed_profile = blocks[0] + "".join("  - ten: " + b for b in [blocks[1], *reversed(blocks[2:])])
    section = organisation(draft(tmp_path, "ldld-nguoc", TASKS, reversed_profile))
    assert section[2:8] == [
        "2. Ban Tổ chức - Kiểm tra",
        "- Chủ trì, phối hợp với Ban Chính sách - Pháp luật, Ban Tuyên giáo - Nữ công kiểm tra, giám sát việc thực "
        "hiện chế độ đào tạo nghề cho người lao động tại doanh nghiệp.",
        "3. Ban Chính sách - Pháp luật",
        "- Chủ trì, phối hợp với Ban Tuyên giáo - Nữ công và doanh nghiệp đề xuất chính sách hỗ trợ học nghề cho "
        "người lao động.",
        "4. Ban Tuyên giáo - Nữ công",
        "- Tuyên truyền, quán triệt sâu rộng Kế hoạch số 88/KH-TLĐ đến đoàn viên, người lao động và cán bộ công đoàn "
        "các cấp.",
    ]


SHIPPED = sorted(str(p.relative_to(ROOT / "profiles").with_suffix("")) for p in (ROOT / "profiles").glob("*/*.yaml")
                 if p.parent.name != "co-so")


@pytest.mark.parametrize("profile", SHIPPED)
def test_no_shipped_profile_drafts_what_kiemtra_warns_about(tmp_path, profile):
    """Every shipped profile, given a parent whose tasks each fit two or three of its departments (and one that says
    "phối hợp với" itself): no ND finding, no doubled "phối hợp", no line given twice."""
    from kehoach.inputs.profiles import load_profile

    fields = [w for d in load_profile(profile).departments for w in d.fields]
    tasks = list(TASKS)
    tasks += [f"Tổ chức {a}, {b} và {c} cho {{doi_tuong}} trên địa bàn, đợt {i + 1} năm 2027."
              for i, (a, b, c) in enumerate(zip(fields, fields[1:], fields[2:], strict=False))][:16]
    text = draft(tmp_path, profile, tasks)
    report = check_text("\n".join(text))
    assert [f for f in report.findings if f.rule_id.startswith("ND-")] == []
    assert not any(re.search(r"phối hợp với .*phối hợp với", t, re.IGNORECASE) for t in text)
    lines = [t for t in organisation(text) if t.startswith("- ")]
    assert len(lines) == len(set(lines))
