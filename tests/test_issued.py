"""Issued documents (trial 1 §10, §7, §6): an issue date before the parent's is refused; an issued draft is never
rewritten by a build; children implement what the parent issued, hand edits included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kehoach.cli import main

from .conftest import ROOT


def _workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    shutil.copytree(ROOT / "examples", ws)
    return ws


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


# -- §10: an issue date earlier than the parent's ---------------------------------------------------------------

def test_an_issue_date_before_the_parents_is_refused_with_both_dates(tmp_path):
    ws = _workspace(tmp_path)
    plan = ws / "ke-hoach" / "hd-ldld.yaml"
    plan.write_text("co_quan: gia-lai/ldld-gia-lai\nloai: huong_dan\nthuc_hien: [349-kh-tld]\n", encoding="utf-8")
    result = _run("ban-hanh", str(plan), "--so", "5", "--ngay", "01/01/2020")
    assert result.exit_code == 2
    assert result.output == (
        f"Lỗi: {plan}, dòng 3, mục thứ 1 của 'thuc_hien': ngày ban hành 01/01/2020 (--ngay) sớm hơn ngày của văn bản "
        "cấp trên Kế hoạch số 349/KH-TLĐ (15/8/2023): văn bản thực hiện không ban hành trước văn bản nó thực hiện; "
        "hãy xem lại ngày (nhất là năm), hoặc thêm --truoc-cap-tren nếu đúng là như vậy\n")
    assert "so:" not in plan.read_text(encoding="utf-8")  # nothing written
    # The same day as the parent, or later, is right; an earlier date confirmed by the option is written.
    assert _run("ban-hanh", str(plan), "--so", "5", "--ngay", "15/8/2023").exit_code == 0
    confirmed = _run("ban-hanh", str(plan), "--so", "5", "--ngay", "01/01/2020", "--truoc-cap-tren")
    assert confirmed.exit_code == 0, confirmed.output
    assert "ngay: 01/01/2020" in plan.read_text(encoding="utf-8")


def test_a_child_issued_before_its_issued_parent_plan_is_refused(tmp_path):
    ws = _workspace(tmp_path)
    parent, child = ws / "ke-hoach" / "gia-lai-3-ldld.yaml", ws / "ke-hoach" / "gia-lai-4-cong-doan-xa.yaml"
    assert _run("ban-hanh", str(parent), "--so", "88", "--ngay", "30/11/2026").exit_code == 0
    result = _run("ban-hanh", str(child), "--so", "3", "--ngay", "15/11/2026")
    assert result.exit_code == 2
    assert result.output == (
        f"Lỗi: {child}, dòng 6, mục thứ 1 của 'thuc_hien': ngày ban hành 15/11/2026 (--ngay) sớm hơn ngày của văn bản "
        "cấp trên Kế hoạch số 88/KH-LĐLĐ (30/11/2026): văn bản thực hiện không ban hành trước văn bản nó thực hiện; "
        "hãy xem lại ngày (nhất là năm), hoặc thêm --truoc-cap-tren nếu đúng là như vậy\n")
    assert "so:" not in child.read_text(encoding="utf-8")


@pytest.mark.parametrize(("when", "refused"), [("31/10/2026", True), ("01/11/2026", False), ("15/11/2026", False)])
def test_a_parent_dated_by_month_only_refuses_only_dates_surely_before_it(tmp_path, when, refused):
    ws = _workspace(tmp_path)  # gia-lai-2 is dated "tháng 11 năm 2026", not yet issued
    plan = ws / "ke-hoach" / "gia-lai-3-ldld.yaml"
    result = _run("ban-hanh", str(plan), "--so", "88", "--ngay", when)
    assert (result.exit_code, "(11/2026)" in result.output) == ((2, True) if refused else (0, False))


def test_a_quick_draft_issued_before_its_parent_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    made = _run("tao", "--ho-so", "gia-lai/tinh-uy-gia-lai", "--loai", "ke_hoach",
                "--van-ban", str(ROOT / "examples" / "van-ban" / "21-ct-tw.yaml"), "--ra", "kh.docx")
    assert made.exit_code == 0, made.output
    result = _run("ban-hanh", "kh.docx", "--so", "7", "--ngay", "3/5/2023")
    assert result.exit_code == 2
    assert result.output == (
        "Lỗi: kh.docx: ngày ban hành 03/5/2023 (--ngay) sớm hơn ngày của văn bản cấp trên Chỉ thị số 21-CT/TW "
        "(04/5/2023): văn bản thực hiện không ban hành trước văn bản nó thực hiện; hãy xem lại ngày (nhất là năm), "
        "hoặc thêm --truoc-cap-tren nếu đúng là như vậy\n")
    assert _run("ban-hanh", "kh.docx", "--so", "7", "--ngay", "4/5/2023").exit_code == 0
