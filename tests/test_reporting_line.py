"""The line a body reports on comes from its NEAREST parent, whatever order `thuc_hien` lists them in (trial 1,
defect 2: a Đảng ủy xã citing the Chỉ thị first, then the Tỉnh ủy's plan, as seed 002 does, reported to the Ban Bí
thư and lost the Tỉnh ủy's deadline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.drafting.reporting import nearest_first
from kehoach.generate import prepare
from kehoach.inputs.models import DocRef

from .examples import copy_examples

ROOT = Path(__file__).resolve().parents[1]
LEAD_LINE = ("- Chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này; tổng hợp kết quả thực hiện, tham mưu Ban "
             "Thường vụ Đảng ủy xã báo cáo về Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 30/12/2026.")
UNITS_LINE = ("Các cơ quan, đơn vị được giao nhiệm vụ tại Kế hoạch này định kỳ báo cáo kết quả thực hiện về Đảng ủy "
              "xã (qua Văn phòng Đảng ủy) trước ngày 25/12/2026.")


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> Path:
    ws = tmp_path_factory.mktemp("ws")
    copy_examples(ws, dirs_exist_ok=True)
    return ws


def draft_of(ws: Path, thuc_hien: str, profile: str = "gia-lai/dang-uy-xa-vi-du") -> list[str]:
    plan = ws / "ke-hoach" / "xa.yaml"
    plan.write_text(f"co_quan: {profile}\nloai: ke_hoach\nngay: tháng 11 năm 2026\nthuc_hien: {thuc_hien}\n",
                    encoding="utf-8")
    return [b.text for b in prepare(plan).draft.blocks]


@pytest.mark.parametrize("thuc_hien", ["[21-ct-tw, gia-lai-1-tinh-uy]", "[gia-lai-1-tinh-uy, 21-ct-tw]",
                                       "[gia-lai-1-tinh-uy]"])
def test_the_commune_reports_to_the_tinh_uy_whatever_the_order(ws, thuc_hien):
    text = draft_of(ws, thuc_hien)
    assert LEAD_LINE in text
    assert UNITS_LINE in text
    assert not any("Ban Bí thư" in t and "báo cáo" in t for t in text)


def test_the_tasks_come_from_the_nearest_parent_too(ws):
    """The Tỉnh ủy's tasks as the commune receives them, whichever parent is listed first."""
    first = draft_of(ws, "[21-ct-tw, gia-lai-1-tinh-uy]")
    alone = draft_of(ws, "[gia-lai-1-tinh-uy]")
    tasks = [t for t in alone if t.startswith(("1. Tổ chức quán triệt", "2. Thường xuyên kiểm tra"))]
    assert len(tasks) == 2 and all(t in first for t in tasks)


def test_nearest_first_orders_by_the_chain_not_the_list():
    """Three levels listed top first, and an unrelated document: the plan of the Ban Tuyên giáo và Dân vận (which
    implements the Tỉnh ủy's, which implements the Chỉ thị) is the nearest, then the Tỉnh ủy's, then the Chỉ thị;
    the unrelated one keeps its place among the nearest."""
    def doc(key: str, *implements: str) -> DocRef:
        return DocRef(key, "Kế hoạch", "KH", "", "TU", "dang", None, "Tỉnh ủy", None, implements=implements)

    docs = {d.key: d for d in (doc("21-ct-tw"), doc("kh-tu", "21-ct-tw"), doc("kh-btg", "kh-tu.yaml"), doc("khac"))}
    listed = [docs["21-ct-tw"], docs["kh-tu"], docs["khac"], docs["kh-btg"]]
    assert [d.key for d in nearest_first(listed, docs.get)] == ["khac", "kh-btg", "kh-tu", "21-ct-tw"]


def test_with_no_reporting_line_the_body_reports_to_its_own_superior(ws):
    """Only the Chỉ thị (no reporting line of its own): a body whose profile names its superior (`cap_tren`)
    reports there, not to the Ban Bí thư."""
    profile = ws / "profiles" / "xa-cap-tren.yaml"
    profile.parent.mkdir(exist_ok=True)
    profile.write_text("ke_thua: gia-lai/dang-uy-xa-vi-du\ncap_tren: [Ban Thường vụ Tỉnh ủy]\n", encoding="utf-8")
    text = draft_of(ws, "[21-ct-tw]", profile="xa-cap-tren")
    assert ("- Chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này; tổng hợp kết quả thực hiện, tham mưu Ban "
            "Thường vụ Đảng ủy xã báo cáo về Ban Thường vụ Tỉnh ủy.") in text
