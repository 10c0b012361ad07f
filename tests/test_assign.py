"""Tổ chức thực hiện that assigns real work, and reporting re-addressed (issue 13 items 4 and 5).

The bodies are the ones the issue was tried with: a UBND xã and a Đảng ủy xã of a merged Tây Ninh commune
(tests/fixtures/ten-dai/profiles), implementing the province's Kế hoạch 112/KH-UBND whose last task is the
province's reporting line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach.errors import InputError
from kehoach.generate import prepare
from kehoach.kiemtra import check_text

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ROOT / "tests" / "fixtures" / "ten-dai" / "profiles"
KH_112 = """loai: Kế hoạch
so_ky_hieu: 112/KH-UBND
ngay: 20/3/2026
co_quan: Ủy ban nhân dân tỉnh Tây Ninh
trich_yeu: về phát triển giáo dục nghề nghiệp năm 2026
nhiem_vu:
  - Tổ chức tuyên truyền sâu rộng đến {doi_tuong} về vai trò của giáo dục nghề nghiệp.
  - Rà soát nhu cầu học nghề, giới thiệu việc làm cho lao động nông thôn trên địa bàn {dia_ban}.
  - Định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ) trước ngày 15/6.
"""
PROVINCE_LINE = "báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ)"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    shutil.copytree(PROFILES, tmp_path / "profiles")
    (tmp_path / "van-ban").mkdir()
    (tmp_path / "van-ban" / "112-kh-ubnd.yaml").write_text(KH_112, encoding="utf-8")
    (tmp_path / "ke-hoach").mkdir()
    return tmp_path


def blocks(ws: Path, profile: str, extra: str = "") -> list[str]:
    plan = ws / "ke-hoach" / "kh.yaml"
    plan.write_text(f"co_quan: {profile}\nloai: ke_hoach\nngay: 01/4/2026\nthuc_hien: [112-kh-ubnd]\n{extra}",
                    encoding="utf-8")
    return [b.text for b in prepare(plan).draft.blocks]


def organisation(texts: list[str]) -> list[str]:
    start = next(i for i, t in enumerate(texts) if "TỔ CHỨC THỰC HIỆN" in t)
    return texts[start + 1:-1]  # up to the closing sentence


def test_a_task_goes_to_the_department_the_plan_names(ws):
    """"task 2 goes to Phòng Văn hóa - Xã hội": one short line, and the department gets the task as text."""
    text = organisation(blocks(ws, "ubnd-xa-long-thuan-dong", 'phan_cong: "VHXH: 2"\n'))
    at = text.index("1. Phòng Văn hóa - Xã hội")
    assert text[at + 1] == ("- Rà soát nhu cầu học nghề, giới thiệu việc làm cho lao động nông thôn trên địa bàn "
                            "địa phương.")


def test_the_body_never_lists_itself_and_no_two_departments_share_a_line(ws):
    text = organisation(blocks(ws, "ubnd-xa-long-thuan-dong", 'phan_cong: "VHXH: 1, 2"\n'))
    assert not any(t.startswith("1. Ủy ban nhân dân xã") for t in text)
    assert not any("Theo chức năng, nhiệm vụ, tham mưu triển khai thực hiện" in t for t in text)
    lines = [t for t in text if t.startswith("- ")]
    assert len(lines) == len(set(lines))
    # A department with no task is left out: the Văn phòng has none and does not draft this plan.
    assert "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân" not in "\n".join(text)


def test_units_below_are_told_this_plan_and_report_to_this_body(ws):
    text = organisation(blocks(ws, "ubnd-xa-long-thuan-dong", 'phan_cong: "VHXH: 1, 2"\n'))
    assert text[text.index("2. Các thôn, ấp") + 1] == ("- Căn cứ Kế hoạch này, xây dựng kế hoạch thực hiện phù hợp "
                                                       "với tình hình thực tế của địa phương, đơn vị.")
    assert text[-1] == ("Các cơ quan, đơn vị được giao nhiệm vụ tại Kế hoạch này định kỳ báo cáo kết quả thực hiện về "
                        "Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội) trước ngày 10/6/2026.")


def test_the_parents_reporting_line_becomes_this_bodys_own(ws):
    """The province's "báo cáo … (qua Sở Khoa học và Công nghệ) trước ngày 15/6" is not copied as a task: the
    commune reports upward on it through its drafting department, its units report to it five days earlier."""
    texts = blocks(ws, "ubnd-xa-long-thuan-dong", 'phan_cong: "VHXH: 1, 2"\n')
    tasks = texts[texts.index("II. NHIỆM VỤ VÀ GIẢI PHÁP") + 1:texts.index("III. TỔ CHỨC THỰC HIỆN")]
    assert tasks == ["1. Tổ chức tuyên truyền sâu rộng đến cán bộ, công chức, viên chức, người lao động và Nhân dân "
                     "về vai trò của giáo dục nghề nghiệp.",
                     "2. Rà soát nhu cầu học nghề, giới thiệu việc làm cho lao động nông thôn trên địa bàn địa phương."]
    text = organisation(texts)
    assert text[text.index("1. Phòng Văn hóa - Xã hội") + 3] == (
        "- Chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này; tổng hợp kết quả thực hiện, tham mưu Ủy ban nhân "
        "dân xã báo cáo về Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ) trước ngày 15/6/2026.")


def test_the_plan_sets_its_own_deadlines(ws):
    text = organisation(blocks(ws, "ubnd-xa-long-thuan-dong",
                               "bao_cao: {han: 12/6/2026, han_cap_duoi: 01/6/2026}\n"))
    assert any(t.endswith("(qua Sở Khoa học và Công nghệ) trước ngày 12/6/2026.") for t in text)
    assert text[-1].endswith("(qua Phòng Văn hóa - Xã hội) trước ngày 01/6/2026.")


def test_a_party_plan_never_reports_through_a_state_department(ws):
    text = "\n".join(blocks(ws, "dang-uy-xa-long-thuan-dong"))
    assert "Sở Khoa học và Công nghệ" not in text
    assert PROVINCE_LINE not in text
    assert "Ban Thường vụ Đảng ủy xã tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày " \
           "15/6/2026." in text


def test_a_party_plan_reports_to_its_own_superior_when_the_profile_names_one(ws):
    profile = ws / "profiles" / "dang-uy-xa-long-thuan-dong.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "cap_tren: [Ban Thường vụ Tỉnh ủy]\n", encoding="utf-8")
    text = "\n".join(blocks(ws, "dang-uy-xa-long-thuan-dong"))
    assert "báo cáo kết quả thực hiện về Ban Thường vụ Tỉnh ủy trước ngày 15/6/2026." in text
    assert "Ủy ban nhân dân tỉnh" not in text.split("TỔ CHỨC THỰC HIỆN")[1]


def test_the_verb_follows_the_relation(ws):
    state = blocks(ws, "ubnd-xa-long-thuan-dong")
    assert ", yêu cầu các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện" in state[-1]
    party = blocks(ws, "dang-uy-xa-long-thuan-dong")
    assert ", yêu cầu các cơ quan, đơn vị liên quan" in party[-1]  # a Party committee to its party bodies
    board = blocks(ws, "ban-tgdv-thanh-uy-ho-chi-minh")  # a Party staff body commands no one
    assert ", đề nghị các cơ quan, đơn vị liên quan" in board[-1]
    union = blocks(ws, "ldld-tp-ho-chi-minh")
    assert ", đề nghị các cơ quan, đơn vị liên quan" in union[-1]
    profile = ws / "profiles" / "ubnd-xa-long-thuan-dong.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace(
        'don_vi_cap_duoi: ["Các thôn, ấp"]',
        'don_vi_cap_duoi: ["Các thôn, ấp", {ten: Ủy ban Mặt trận Tổ quốc Việt Nam xã, quan_he: phoi_hop}]'),
        encoding="utf-8")
    asked = organisation(blocks(ws, "ubnd-xa-long-thuan-dong"))
    assert "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã" in asked


def test_a_letter_asks_as_the_relation_says(ws):
    plan = ws / "ke-hoach" / "cv.yaml"
    plan.write_text("co_quan: ubnd-xa-long-thuan-dong\nloai: cong_van\nngay: 01/4/2026\nthuc_hien: [112-kh-ubnd]\n",
                    encoding="utf-8")
    texts = [b.text for b in prepare(plan).draft.blocks]
    assert texts[0].endswith("Ủy ban nhân dân xã yêu cầu các cơ quan, đơn vị thực hiện một số nội dung sau:")
    assert texts[-1].startswith("Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện Kế hoạch số 112/KH-UBND")
    assert texts[-1].endswith("Định kỳ báo cáo kết quả về Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội) trước "
                              "ngày 10/6/2026./.")


def test_departments_take_the_tasks_of_their_fields(ws):
    """No phan_cong: each department takes the tasks written in the words of its `linh_vuc`."""
    profile = ws / "profiles" / "ubnd-xa-long-thuan-dong.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace(
        "  - {ten: Phòng Văn hóa - Xã hội, viet_tat: VHXH}",
        "  - {ten: Phòng Văn hóa - Xã hội, viet_tat: VHXH, linh_vuc: [tuyên truyền]}\n"
        "  - {ten: Phòng Kinh tế, viet_tat: KT, linh_vuc: [việc làm, nông thôn]}"), encoding="utf-8")
    text = organisation(blocks(ws, "ubnd-xa-long-thuan-dong"))
    assert text[text.index("1. Phòng Văn hóa - Xã hội") + 1].startswith("- Tổ chức tuyên truyền sâu rộng")
    assert text[text.index("2. Phòng Kinh tế") + 1].startswith("- Rà soát nhu cầu học nghề")


def test_a_task_given_to_two_departments_is_led_by_the_first_named(ws):
    """One line for the task, under the department named first, naming the other: never the same task twice."""
    text = organisation(blocks(ws, "ubnd-xa-long-thuan-dong", 'phan_cong: "VP: 2; VHXH: 1, 2"\n'))
    assert text[text.index("1. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân") + 1] == (
        "- Chủ trì, phối hợp với Phòng Văn hóa - Xã hội rà soát nhu cầu học nghề, giới thiệu việc làm cho lao động "
        "nông thôn trên địa bàn địa phương.")
    assert sum("rà soát nhu cầu học nghề" in t for t in text) == 1


@pytest.mark.parametrize("line, message", [
    ("XYZ: 1", "không có phòng, ban hay đơn vị “XYZ” trong hồ sơ (có: VP, VHXH, Các thôn, ấp)"),
    ("VHXH: 7", "không có nhiệm vụ số 7 (mục Nhiệm vụ có 2 nhiệm vụ)"),
    ("VHXH: du lịch", "không nhiệm vụ nào có chữ “du lịch”"),
])
def test_a_wrong_allotment_names_the_file_and_key(ws, line, message):
    with pytest.raises(InputError) as caught:
        blocks(ws, "ubnd-xa-long-thuan-dong", f'phan_cong: "{line}"\n')
    (problem,) = caught.value.problems
    assert (problem.file.name, problem.key, problem.message) == ("kh.yaml", "phan_cong", message)


def test_the_commune_examples_assign_real_work(generated):
    """Done when: each named department has its own tasks, the body does not list itself, units are told "Căn cứ
    Kế hoạch này", and reporting goes to this body."""
    for key, body_name, units in (("gia-lai-6-ubnd-xa", "Ủy ban nhân dân xã", "Các thôn, tổ dân phố"),
                                  ("gia-lai-7-dang-uy-xa", "Đảng ủy xã", "Các chi bộ, đảng bộ trực thuộc"),
                                  ("gia-lai-4-cong-doan-xa", "Công đoàn xã", "Các công đoàn cơ sở trực thuộc")):
        text = generated[key].body_texts()
        section = text[next(i for i, t in enumerate(text) if "TỔ CHỨC THỰC HIỆN" in t) + 1:]
        assert not any(t.split(". ", 1)[-1] == body_name for t in section if t[:1].isdigit()), key
        assert "- Căn cứ Kế hoạch này, xây dựng kế hoạch thực hiện phù hợp với tình hình thực tế của địa phương, " \
               "đơn vị." == section[section.index(next(t for t in section if t.endswith(units))) + 1], key
        assert any(f"báo cáo kết quả thực hiện về {body_name}" in t for t in section), key
        assert "ND-01" not in check_text("\n".join(text)).rule_ids(), key
    xa = generated["gia-lai-6-ubnd-xa"].body_texts()
    assert xa[xa.index("2. Phòng Văn hóa - Xã hội") + 1].startswith("- Tổ chức quán triệt, tuyên truyền sâu rộng")
    # "VHXH: 1, 2; KT: 2": task 2 is one line, led by the department named first.
    assert xa[xa.index("2. Phòng Văn hóa - Xã hội") + 2].startswith("- Chủ trì, phối hợp với Phòng Kinh tế rà soát")
    assert "2. Phòng Kinh tế" not in xa and "3. Phòng Kinh tế" not in xa
    party = generated["gia-lai-7-dang-uy-xa"].body_texts()
    assert party[party.index("3. Cơ quan Ủy ban Kiểm tra Đảng ủy") + 1].startswith("- Thường xuyên kiểm tra, giám sát")


def test_a_commune_with_only_the_provinces_draft_still_knows_where_to_report(tmp_path, monkeypatch):
    """The reporting line travels in the record beside a draft: a commune given only the province's .docx and its
    record reports on that line, and tells its own units an earlier date."""
    from kehoach.workspace.drafts import generate

    from .conftest import Parts
    from .examples import copy_examples

    ws = copy_examples(tmp_path / "ws")
    made = generate(ws / "ke-hoach" / "gia-lai-5-ubnd-tinh.yaml", out_dir=ws / "ban-thao")
    office = tmp_path / "xa"
    (office / ".kehoach").mkdir(parents=True)
    shutil.copy(made.output, office / "kh-tinh.docx")
    shutil.copy(made.record, office / ".kehoach" / "kh-tinh.json")
    monkeypatch.chdir(office)
    plan = office / "kh.yaml"
    plan.write_text("co_quan: gia-lai/ubnd-xa-vi-du\nloai: ke_hoach\nngay: tháng 12 năm 2026\nthuc_hien: [kh-tinh.docx]\n",
                    encoding="utf-8")
    text = Parts(generate(plan, out_dir=office / "ban-thao").output).body_texts()
    assert ("- Chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này; tổng hợp kết quả thực hiện, tham mưu Ủy ban "
            "nhân dân xã báo cáo về Ủy ban nhân dân tỉnh (qua Phòng Khoa giáo - Văn xã, Văn phòng UBND tỉnh) trước "
            "ngày 25/12/2026.") in text
    assert text[-1].startswith("Trên đây là")
    assert any(t.endswith("về Ủy ban nhân dân xã (qua Văn phòng Hội đồng nhân dân và Ủy ban nhân dân) trước ngày "
                          "20/12/2026.") for t in text)


def test_the_drafting_department_with_a_duty_of_its_own_is_one_khoan(generated):
    """Tỉnh đoàn (gia-lai-9): the Ban Tuyên giáo drafts the plan AND has a duty with a placeholder in the profile;
    it was printed twice ("1. Ban Tuyên giáo … 2. Ban Tuyên giáo …"). One khoản holds its duty and the follow-up."""
    text = generated["gia-lai-9-tinh-doan"].body_texts()
    section = text[next(i for i, t in enumerate(text) if "TỔ CHỨC THỰC HIỆN" in t) + 1:]
    assert [t for t in section if t.endswith(". Ban Tuyên giáo")] == ["1. Ban Tuyên giáo"]
    at = section.index("1. Ban Tuyên giáo")
    assert section[at + 1] == "- Chủ trì tham mưu Ban Thường vụ Tỉnh đoàn triển khai Kế hoạch số …-KH/TU; theo dõi, " \
                              "tổng hợp, báo cáo kết quả."
    assert section[at + 2].startswith("- Chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này; tổng hợp kết quả")
    assert section[at + 3] == "2. Ban Phong trào"


def test_no_example_names_one_department_or_unit_twice(generated):
    for key, parts in generated.items():
        text = parts.body_texts()
        start = next((i for i, t in enumerate(text) if "TỔ CHỨC THỰC HIỆN" in t.upper()), None)
        if start is None:
            continue
        heads = [t.split(". ", 1)[1] for t in text[start + 1:] if t[:1].isdigit() and ". " in t[:4]]
        assert len(heads) == len(set(heads)), (key, heads)
