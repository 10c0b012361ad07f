"""The workspace build: only what changed is regenerated, hand edits survive, a killed build leaves no half file."""

from __future__ import annotations

import copy
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.text.paragraph import Paragraph

from kehoach.cli import main
from kehoach.docx.markers import MARK_END, MARK_OURS, MARK_SPLIT
from kehoach.errors import WorkspaceLocked
from kehoach.workspace import build as build_module
from kehoach.workspace.build import CONFLICT, CREATED, FAILED, MERGED, REGENERATED, SKIPPED, UNCHANGED, build
from kehoach.workspace.folders import Workspace
from kehoach.workspace.lock import BuildLock

from .conftest import ROOT
from .examples import copy_examples

LEVELS = ["gia-lai-1-tinh-uy", "gia-lai-2-ban-tgdv", "gia-lai-3-ldld", "gia-lai-4-cong-doan-xa"]


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    copy_examples(root)
    return Workspace.open(root)


def statuses(report) -> dict[str, str]:
    return {e.plan.stem: e.status for e in report.entries}


def texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def draft(ws: Workspace, name: str) -> Path:
    return ws.out_dir / f"{name}.docx"


def edit_parent_task(ws: Workspace, old: str, new: str) -> None:
    plan = ws.plans_dir / "gia-lai-1-tinh-uy.yaml"
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new), encoding="utf-8")


def test_first_build_creates_everything_and_the_second_touches_nothing(ws):
    first = build(ws, jobs=1)
    assert set(statuses(first).values()) == {CREATED}
    stamps = {p: p.stat().st_mtime_ns for p in ws.out_dir.rglob("*") if p.is_file()}
    second = build(ws, jobs=1)
    assert set(statuses(second).values()) == {UNCHANGED}
    assert stamps == {p: p.stat().st_mtime_ns for p in ws.out_dir.rglob("*") if p.is_file()}


def test_only_the_descendants_of_a_changed_parent_are_regenerated(ws):
    build(ws, jobs=1)
    edit_parent_task(ws, "biểu dương người lao động có tay nghề cao", "tôn vinh người lao động có tay nghề cao")
    report = statuses(build(ws, jobs=1))
    # Every plan below the Tỉnh ủy's: the chain to the commune union, the commune plans of the State and the Party, and
    # the mass organisations' plans.
    below = {*LEVELS, "gia-lai-5-ubnd-tinh", "gia-lai-6-ubnd-xa", "gia-lai-7-dang-uy-xa", "gia-lai-8-hoi-lhpn",
             "gia-lai-9-tinh-doan"}
    assert {k for k, v in report.items() if v == REGENERATED} == below
    assert {k for k, v in report.items() if v != REGENERATED} == {k for k in report if k not in below}
    assert any("tôn vinh người lao động" in t for t in texts(draft(ws, "gia-lai-4-cong-doan-xa")))


def test_a_profile_or_the_kehoach_version_counts_as_an_input(ws, monkeypatch):
    build(ws, jobs=1)
    profile = ws.root / "profiles" / "x.yaml"  # not used: adding a file changes nothing
    profile.parent.mkdir(exist_ok=True)
    profile.write_text("ten_goi: x\n", encoding="utf-8")
    assert set(statuses(build(ws, jobs=1)).values()) == {UNCHANGED}
    monkeypatch.setattr("kehoach.workspace.state.__version__", "9.9.9")
    monkeypatch.setattr("kehoach.workspace.record.__version__", "9.9.9")
    monkeypatch.setattr("kehoach.workspace.verdicts.__version__", "9.9.9")
    report = statuses(build(ws, jobs=1))
    # The seeds are issued (so, ngay): the office's copies of signed documents are not rewritten by a new kehoach.
    issued = {"000-ldld-lai-chau", "001-btg-binh-dinh", "002-huyen-uy-phong-tho", "003-ldld-binh-dinh"}
    assert {k for k, v in report.items() if v == UNCHANGED} == issued
    assert {v for k, v in report.items() if k not in issued} == {REGENERATED}


def _edit_level_3(path: Path) -> dict[str, str]:
    """Change a sentence, add a paragraph, delete one, make a word bold — as a secretary would in Word."""
    doc = Document(str(path))
    paras = doc.paragraphs
    by_text = {p.text: p for p in paras}
    aims = next(p for p in paras if p.text.startswith("- Xác định cụ thể nhiệm vụ"))
    changed = aims.text.replace("phù hợp với tình hình thực tế", "sát với tình hình thực tế của tỉnh")
    aims.runs[0].text = changed
    for run in aims.runs[1:]:
        run.text = ""
    added_text = "- Phấn đấu 100% công đoàn cơ sở tổ chức quán triệt trong quý I."
    new = copy.deepcopy(aims._p)
    aims._p.addnext(new)
    added = Paragraph(new, aims._parent)
    for run in added.runs[1:]:
        run._r.getparent().remove(run._r)
    added.runs[0].text = added_text
    deleted = next(p for p in paras if p.text.startswith("- Phân công rõ trách nhiệm"))
    deleted_text = deleted.text
    deleted._p.getparent().remove(deleted._p)
    heading = by_text["2. Yêu cầu"]
    heading.runs[0].text = "2. "
    for run in heading.runs[1:]:
        run.text = ""
    bold = heading.add_run("Yêu cầu")
    bold.bold, bold.italic = True, True
    doc.save(str(path))
    return {"changed": changed, "added": added_text, "deleted": deleted_text}


def test_hand_edits_survive_a_parent_change(ws):
    build(ws, jobs=1)
    target = draft(ws, "gia-lai-3-ldld")
    edits = _edit_level_3(target)
    edited_bytes = target.read_bytes()
    edit_parent_task(ws, "biểu dương người lao động có tay nghề cao", "tôn vinh người lao động có tay nghề cao")
    report = build(ws, jobs=1)
    entry = next(e for e in report.entries if e.plan.stem == "gia-lai-3-ldld")
    assert entry.status == MERGED, entry.detail
    now = texts(target)
    assert edits["changed"] in now and edits["added"] in now and edits["deleted"] not in now
    assert now.index(edits["added"]) == now.index(edits["changed"]) + 1
    assert any("tôn vinh người lao động có tay nghề cao" in t for t in now)  # the parent's change
    runs = [r for p in Document(str(target)).paragraphs if p.text == "2. Yêu cầu" for r in p.runs if r.text == "Yêu cầu"]
    assert runs and runs[0].bold and runs[0].italic
    backups = list((ws.out_dir / ".kehoach" / "sao-luu").glob("gia-lai-3-ldld.*.docx"))
    assert len(backups) == 1 and backups[0].read_bytes() == edited_bytes
    # The merged file is the person's now: the next build leaves it alone.
    assert statuses(build(ws, jobs=1))["gia-lai-3-ldld"] == UNCHANGED
    # And the next parent change still keeps the old edits.
    edit_parent_task(ws, "định kỳ sơ kết, tổng kết", "định kỳ 6 tháng sơ kết, tổng kết")
    assert statuses(build(ws, jobs=1))["gia-lai-3-ldld"] == MERGED
    now = texts(target)
    assert edits["changed"] in now and edits["added"] in now and any("định kỳ 6 tháng sơ kết" in t for t in now)


def test_both_sides_changing_one_paragraph_keeps_both_marked(ws):
    build(ws, jobs=1)
    target = draft(ws, "gia-lai-3-ldld")
    doc = Document(str(target))
    task = next(p for p in doc.paragraphs if p.text.startswith("2. Vận động"))
    mine = task.text.replace("biểu dương người lao động", "khen thưởng người lao động")  # the words the parent changes
    task.runs[0].text = mine
    for run in task.runs[1:]:
        run.text = ""
    doc.save(str(target))
    edit_parent_task(ws, "biểu dương người lao động có tay nghề cao", "tôn vinh người lao động có tay nghề cao")
    report = build(ws, jobs=1)
    entry = next(e for e in report.entries if e.plan.stem == "gia-lai-3-ldld")
    assert entry.status == CONFLICT and "1 chỗ" in entry.detail and "đoạn " in entry.detail
    now = Document(str(target)).paragraphs
    marks = [i for i, p in enumerate(now) if p.text.startswith((MARK_OURS, MARK_SPLIT, MARK_END))]
    assert len(marks) == 3
    between_ours = [p.text for p in now[marks[0] + 1: marks[1]]]
    between_theirs = [p.text for p in now[marks[1] + 1: marks[2]]]
    assert mine in between_ours
    assert any("tôn vinh người lao động có tay nghề cao" in t for t in between_theirs)
    assert all(r.bold for i in marks for r in now[i].runs if r.text)
    assert not report.ok and report.needs_person and not report.failed
    result = CliRunner().invoke(main, ["xay-dung", str(ws.root)])
    assert result.exit_code == 3 and "còn 1 chỗ xung đột" in result.output  # until a person resolves it


def test_a_deleted_draft_is_not_recreated_unless_asked(ws):
    build(ws, jobs=1)
    draft(ws, "002-huyen-uy-phong-tho").unlink()
    assert statuses(build(ws, jobs=1))["002-huyen-uy-phong-tho"] == SKIPPED
    assert not draft(ws, "002-huyen-uy-phong-tho").exists()
    assert statuses(build(ws, jobs=1, recreate=True))["002-huyen-uy-phong-tho"] == REGENERATED
    assert draft(ws, "002-huyen-uy-phong-tho").exists()


def test_dry_run_writes_nothing(ws):
    report = build(ws, dry_run=True)
    assert set(statuses(report).values()) == {CREATED}
    assert not ws.out_dir.exists()


def test_a_broken_plan_fails_alone_with_its_reason(ws):
    (ws.plans_dir / "hong.yaml").write_text("co_quan: khong-co-ho-so\nloai: ke_hoach\nthuc_hien: [21-ct-tw]\n",
                                            encoding="utf-8")
    report = build(ws, jobs=1)
    entry = next(e for e in report.entries if e.plan.stem == "hong")
    assert entry.status == FAILED and "không tìm thấy hồ sơ" in entry.detail
    assert statuses(report)["003-ldld-binh-dinh"] == CREATED and not report.ok
    result = CliRunner().invoke(main, ["xay-dung", str(ws.root)])
    assert result.exit_code == 1 and "lỗi" in result.output and "Traceback" not in result.output


def test_two_builds_at_once_are_refused_and_a_dead_holder_is_ignored(ws):
    lock = ws.out_dir / ".kehoach" / "lock"
    with BuildLock(lock), pytest.raises(WorkspaceLocked) as caught:
        build(ws, jobs=1)
    assert "đang chạy" in str(caught.value)
    result = CliRunner().invoke(main, ["xay-dung", str(ws.root)])
    assert result.exit_code == 0  # the lock was released
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    lock.write_text(f'{{"pid": {dead.stdout.strip()}, "bat_dau": "hôm qua"}}', encoding="utf-8")
    os.utime(lock, (time.time() - 60, time.time() - 60))
    assert build(ws, jobs=1).ok and not lock.exists()


def test_parallel_build_equals_serial(ws, tmp_path):
    _many_communes(ws, 12)
    serial = Workspace.open(ws.root, tmp_path / "serial")
    build(serial, jobs=1)
    build(ws, jobs=2)
    for path in serial.out_dir.rglob("*.docx"):
        if ".kehoach" in path.parts:
            continue
        assert texts(path) == texts(ws.out_dir / path.relative_to(serial.out_dir))


def _many_communes(ws: Workspace, count: int) -> list[Path]:
    folder = ws.plans_dir / "xa"
    folder.mkdir()
    source = (ws.plans_dir / "gia-lai-4-cong-doan-xa.yaml").read_text(encoding="utf-8")
    made = []
    for i in range(count):
        path = folder / f"xa-{i:03d}.yaml"
        path.write_text(source.replace("tháng 11 năm 2026", f"{1 + i % 28}/11/2026"), encoding="utf-8")
        made.append(path)
    return made


def test_a_killed_build_leaves_every_draft_old_or_new(ws):
    _many_communes(ws, 60)
    build(ws, jobs=2)
    outputs = sorted(p for p in ws.out_dir.rglob("*.docx") if ".kehoach" not in p.parts)
    old = {p: texts(p) for p in outputs}
    edit_parent_task(ws, "biểu dương người lao động có tay nghề cao", "tôn vinh người lao động có tay nghề cao")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "kehoach.cli", "xay-dung", str(ws.root), "-j", "2"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if any(texts(p) != old[p] for p in outputs[::7] if p.stat().st_size):
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers, mid-write
    proc.wait()
    midway = {p: texts(p) for p in outputs}  # every draft still opens
    assert build(ws, jobs=2).ok  # the stale lock of the killed build does not block the next one
    new = {p: texts(p) for p in outputs}
    assert any(old[p] != new[p] for p in outputs)
    for p in outputs:
        assert midway[p] in (old[p], new[p]), p
    assert not list(ws.out_dir.rglob(".*.tmp"))


def test_progress_is_reported(ws, monkeypatch):
    _many_communes(ws, 25)
    seen: list[tuple[int, int]] = []
    build(ws, jobs=1, progress=lambda done, total, _e: seen.append((done, total)))
    total = len(ws.plans())
    assert seen[-1] == (total, total) and [d for d, _t in seen] == list(range(1, total + 1))


def test_workers_are_not_started_for_a_handful_of_drafts(ws, monkeypatch):
    def no_pool(*_args, **_kwargs):
        raise AssertionError("a pool for nine drafts")

    monkeypatch.setattr(build_module, "ProcessPoolExecutor", no_pool)
    assert build(ws).ok


def test_generating_one_plan_again_keeps_hand_edits_too(tmp_path):
    plan = ROOT / "examples" / "ke-hoach" / "000-ldld-lai-chau.yaml"
    runner = CliRunner()
    assert runner.invoke(main, ["tao", str(plan), "--thu-muc", str(tmp_path)]).exit_code == 0
    target = tmp_path / "000-ldld-lai-chau.docx"
    doc = Document(str(target))
    extra = copy.deepcopy(doc.paragraphs[-1]._p)
    doc.paragraphs[-1]._p.addnext(extra)
    Paragraph(extra, doc.paragraphs[-1]._parent).runs[0].text = "Ghi chú của văn phòng."
    doc.save(str(target))
    # 000 is issued (so: 470): only the explicit option redoes it, as a correction with another number.
    result = runner.invoke(main, ["tao", str(plan), "--thu-muc", str(tmp_path), "--so", "471", "--soan-lai-ban-hanh"])
    assert result.exit_code == 0 and "giữ 1 chỗ sửa tay" in result.output, result.output
    assert "Ghi chú của văn phòng." in texts(target)
    assert "Số: 471/KH-LĐLĐ" in [p.text for t in Document(str(target)).tables for c in t._cells for p in c.paragraphs]
    stranger = tmp_path / "khac.docx"
    stranger.write_bytes(target.read_bytes())
    result = runner.invoke(main, ["tao", str(plan), "--ra", str(stranger)])
    assert "đã sao lưu" in result.output and list((tmp_path / ".kehoach" / "sao-luu").glob("khac.*.docx"))


@pytest.mark.parametrize("name", ["ke-hoach", "chi-muc", "lock", "goc", "sao-luu", "xem-truoc"])
def test_a_plan_may_take_the_name_of_any_file_kehoach_keeps_beside_the_drafts(tmp_path, name):
    """A plan named ke-hoach.yaml had its record at .kehoach/ke-hoach.json, the file where the build remembered the
    plans it had read: each overwrote the other, the draft was reported deleted, then 'không đổi' though its parent
    had changed. Every internal file or folder name must leave every plan name free."""
    root = tmp_path / "ws"
    copy_examples(root)
    (root / "ke-hoach" / "gia-lai-1-tinh-uy.yaml").rename(root / "ke-hoach" / f"{name}.yaml")
    for child in (root / "ke-hoach").glob("*.yaml"):
        text = child.read_text(encoding="utf-8")
        child.write_text(text.replace("gia-lai-1-tinh-uy", name), encoding="utf-8")
    ws = Workspace.open(root)
    assert statuses(build(ws, jobs=1))[name] == CREATED
    assert statuses(build(ws, jobs=1))[name] == UNCHANGED
    plan = root / "ke-hoach" / f"{name}.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("biểu dương người lao động", "tôn vinh người lao động"),
                    encoding="utf-8")
    report = statuses(build(ws, jobs=1))
    assert report[name] == REGENERATED
    assert report["gia-lai-2-ban-tgdv"] == REGENERATED
    assert any("tôn vinh người lao động" in t for t in texts(draft(ws, "gia-lai-2-ban-tgdv")))
