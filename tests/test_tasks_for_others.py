"""Tasks a plan gives to other kinds of body (`giao_cho`) are in its own Tổ chức thực hiện, addressed to those bodies
(trial 1, defect 9: the Tỉnh ủy's plan listed tasks 2-4 in section II and never said who does them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.generate import prepare
from kehoach.inputs.yamlfile import read_yaml

from .examples import copy_examples

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "ke-hoach"


def organisation(text: list[str]) -> list[str]:
    return text[next(i for i, t in enumerate(text) if "TỔ CHỨC THỰC HIỆN" in t) + 1:]


def test_the_tinh_uy_example_says_who_does_each_task():
    text = [b.text for b in prepare(EXAMPLES / "gia-lai-1-tinh-uy.yaml").draft.blocks]
    assert organisation(text)[2:8] == [
        "2. Đảng ủy Ủy ban nhân dân tỉnh",
        "- Rà soát, sắp xếp mạng lưới cơ sở giáo dục nghề nghiệp công lập của tỉnh mới; bảo đảm đủ điều kiện đào tạo "
        "tại các xã, phường xa trung tâm.",
        "- Đổi mới nội dung, chương trình đào tạo theo nhu cầu của doanh nghiệp; tăng cường liên kết Nhà nước - Nhà "
        "trường - Doanh nghiệp.",
        "3. Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh",
        "- Vận động cán bộ, đảng viên và Nhân dân tham gia học nghề, học tập nâng cao trình độ, kỹ năng nghề; biểu "
        "dương người lao động có tay nghề cao.",
        "4. Các đảng ủy trực thuộc Tỉnh ủy",
    ]


PLAN = """co_quan: gia-lai/dang-uy-xa-vi-du
loai: {loai}
ngay: 20/11/2026
thuc_hien: [21-ct-tw]
nhiem_vu:
  - Tổ chức quán triệt, tuyên truyền Chỉ thị số 21-CT/TW đến {{doi_tuong}}.
  - tieu_de: Vận động {{doi_tuong}} tham gia học nghề; tuyên truyền gương người lao động giỏi.
    giao_cho: [mat_tran, doan_the]
  - tieu_de: Mở lớp đào tạo nghề ngắn hạn cho lao động nông thôn.
    giao_cho: [co_so_dao_tao]
"""


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    copy_examples(tmp_path / "van-ban", "van-ban")
    return tmp_path


def draft(ws: Path, loai: str) -> list[str]:
    plan = ws / "kh.yaml"
    plan.write_text(PLAN.format(loai=loai), encoding="utf-8")
    return [b.text for b in prepare(plan).draft.blocks]


def test_a_body_with_no_unit_of_that_kind_addresses_the_kind(ws):
    """The Đảng ủy xã has no unit of those kinds: the tasks go to the bodies of that kind, never to one of its own
    departments by the words of its fields (its Ban Xây dựng Đảng has "vận động", "tuyên truyền", "nghề")."""
    section = organisation(draft(ws, "ke_hoach"))
    assert section[:8] == [
        "1. Văn phòng Đảng ủy",
        "- Chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này; tổng hợp kết quả thực hiện, tham mưu Ban Thường "
        "vụ Đảng ủy xã báo cáo về Ban Bí thư.",
        "2. Ban Xây dựng Đảng",
        "- Tổ chức quán triệt, tuyên truyền Chỉ thị số 21-CT/TW đến cán bộ, đảng viên và Nhân dân.",
        "3. Đề nghị Mặt trận Tổ quốc Việt Nam các cấp và các tổ chức chính trị - xã hội",
        "- Vận động cán bộ, đảng viên và Nhân dân tham gia học nghề; tuyên truyền gương người lao động giỏi.",
        "4. Đề nghị các cơ sở giáo dục nghề nghiệp",
        "- Mở lớp đào tạo nghề ngắn hạn cho lao động nông thôn.",
    ]


def test_a_letter_groups_them_apart(ws):
    text = draft(ws, "cong_van")
    assert text[1:7] == [
        "1. Đối với các chi bộ, đảng bộ trực thuộc",
        "- Tổ chức quán triệt, tuyên truyền Chỉ thị số 21-CT/TW đến cán bộ, đảng viên và Nhân dân.",
        "2. Đối với Mặt trận Tổ quốc Việt Nam các cấp và các tổ chức chính trị - xã hội",
        "- Vận động cán bộ, đảng viên và Nhân dân tham gia học nghề; tuyên truyền gương người lao động giỏi.",
        "3. Đối với các cơ sở giáo dục nghề nghiệp",
        "- Mở lớp đào tạo nghề ngắn hạn cho lao động nông thôn.",
    ]


def _given_away(plan: Path) -> list[dict]:
    data = read_yaml(plan).data
    if data.get("muc") is not None:
        return []  # its sections are written by hand: what it prints is the secretary's
    return [t for t in data.get("nhiem_vu") or [] if isinstance(t, dict) and t.get("giao_cho")]


GIVING = sorted(p.name for p in EXAMPLES.glob("*.yaml") if _given_away(p))


def test_some_example_gives_tasks_away():
    assert "gia-lai-1-tinh-uy.yaml" in GIVING


@pytest.mark.parametrize("plan", GIVING)
def test_every_task_an_example_gives_away_is_in_its_organisation(plan):
    """The whole kind: in every shipped example, each of its own tasks with `giao_cho` is printed in Tổ chức thực
    hiện (as its first words show), under a heading that is not one of the body's departments."""
    ready = prepare(EXAMPLES / plan)
    section = organisation([b.text for b in ready.draft.blocks])
    departments = {d.name for d in ready.profile.departments}
    for task in _given_away(EXAMPLES / plan):
        words = task["tieu_de"].split("{")[0][:25]
        at = next((i for i, t in enumerate(section) if t.startswith(f"- {words}")), None)
        assert at is not None, (plan, words)
        heading = next(t for t in reversed(section[:at]) if t[:1].isdigit())
        assert heading.split(". ", 1)[1] not in departments, (plan, heading)
