"""Conflicts are remembered until a person resolves them; reports name places a person can find; a dry run names
no file it will not write; a draft that cannot be merged is left as it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from kehoach.cli import EXIT_NEEDS_PERSON, main
from kehoach.docx.markers import MARK_END, MARK_OURS, MARK_SPLIT, is_marker
from kehoach.workspace.build import CONFLICT, MERGED, REGENERATED, UNCHANGED, UNTOUCHED, build
from kehoach.workspace.folders import Workspace
from kehoach.workspace.record import record_path

from .examples import copy_examples

TASK_OLD, TASK_NEW = "biểu dương người lao động có tay nghề cao", "tôn vinh người lao động có tay nghề cao"
MINE = "khen thưởng người lao động có tay nghề cao"  # the person's rewording of the same words: overlaps
# Named by its section and first words, as kiemtra names paragraphs (docx/locate.py).
TASK_PLACE = "mục “II. NHIỆM VỤ VÀ GIẢI PHÁP”, đoạn bắt đầu “2. Vận động đoàn viên, người…”"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    copy_examples(root)
    return Workspace.open(root)


def draft(ws: Workspace, name: str) -> Path:
    return ws.out_dir / f"{name}.docx"


def texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def edit_plan(ws: Workspace, name: str, old: str, new: str) -> None:
    plan = ws.plans_dir / f"{name}.yaml"
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new), encoding="utf-8")


def reword(path: Path, start: str, old: str, new: str) -> str:
    """Reword one paragraph the way a person does in Word: the text of its first run, the others emptied."""
    doc = Document(str(path))
    (p,) = [p for p in doc.paragraphs if p.text.startswith(start)]
    assert old in p.text
    changed = p.text.replace(old, new)
    p.runs[0].text = changed
    for run in p.runs[1:]:
        run.text = ""
    doc.save(str(path))
    return changed


def entry(report, name: str):
    return next(e for e in report.entries if e.plan.stem == name)


def resolve_keeping_mine(path: Path) -> None:
    """What a person does: keep their version, delete the new one and the three marker lines."""
    doc = Document(str(path))
    body = doc.element.body
    paragraphs = doc.paragraphs
    starts = [i for i, p in enumerate(paragraphs) if p.text.startswith(MARK_OURS)]
    for start in reversed(starts):
        split = next(i for i in range(start, len(paragraphs)) if paragraphs[i].text.startswith(MARK_SPLIT))
        end = next(i for i in range(split, len(paragraphs)) if paragraphs[i].text.startswith(MARK_END))
        for p in [paragraphs[start], *paragraphs[split:end + 1]]:
            body.remove(p._p)
    doc.save(str(path))


def test_a_conflict_is_remembered_until_a_person_resolves_it(ws):
    runner = CliRunner()
    build(ws, jobs=1)
    target, plan = draft(ws, "gia-lai-3-ldld"), ws.plans_dir / "gia-lai-3-ldld.yaml"
    mine = reword(target, "2. Vận động", TASK_OLD, MINE)
    edit_plan(ws, "gia-lai-1-tinh-uy", TASK_OLD, TASK_NEW)

    first = runner.invoke(main, ["xay-dung", str(ws.root)])
    assert first.exit_code == EXIT_NEEDS_PERSON, first.output
    assert f"xung đột  {target}: 1 chỗ xung đột" in first.output
    assert f"- xung đột: {TASK_PLACE} (cấp trên đổi: nghề; biểu dương → tôn vinh)" in first.output
    now = texts(target)
    at = now.index(MARK_OURS)
    assert now[at + 1] == mine and now[at + 2] == MARK_SPLIT and TASK_NEW in now[at + 3] and now[at + 4] == MARK_END

    # Every later build says so (not "không đổi"), with the same place, and exits "needs a person".
    again = runner.invoke(main, ["xay-dung", str(ws.root)])
    assert again.exit_code == EXIT_NEEDS_PERSON
    assert f"xung đột  {target}: còn 1 chỗ xung đột" in again.output and f"- xung đột: {TASK_PLACE}" in again.output
    assert entry(build(ws, jobs=1), "gia-lai-3-ldld").status == CONFLICT

    tree = runner.invoke(main, ["cay", str(ws.root)]).output
    (line,) = [x for x in tree.splitlines() if "gia-lai-3-ldld" in x]
    assert "còn 1 chỗ xung đột, cần người xử lý" in line and "bản thảo mới nhất" in line

    # ban-hanh refuses the draft, by itself or through its plan; nothing is written.
    before = (plan.read_bytes(), record_path(target).read_bytes())
    for what in (target, plan):
        refused = runner.invoke(main, ["ban-hanh", str(what), "--so", "12", "--ngay", "01/12/2026"])
        assert refused.exit_code == 2, refused.output
        assert f"bản thảo còn 1 chỗ xung đột chưa xử lý ({TASK_PLACE})" in refused.output
    assert (plan.read_bytes(), record_path(target).read_bytes()) == before

    # kiemtra finds it, as an error, at the same place; the other rules do not read the marker lines.
    checked = runner.invoke(main, ["kiemtra", str(target), "--json"])
    assert checked.exit_code == 1
    findings = json.loads(checked.output)["findings"]
    (conflict,) = [f for f in findings if f["rule_id"] == "XD-01"]
    # Named as the build names it: the same section, the same first words.
    assert conflict["severity"] == "loi" and conflict["section"] == "II. NHIỆM VỤ VÀ GIẢI PHÁP"
    assert conflict["quote"].startswith("2. Vận động đoàn viên, người lao động và cán bộ công đoàn")
    assert not [f for f in findings if f["rule_id"] != "XD-01" and is_marker(f["quote"])]

    # Resolved: the markers are gone, the build proceeds as for any edit, ban-hanh and kiemtra accept it.
    resolve_keeping_mine(target)
    clean = runner.invoke(main, ["xay-dung", str(ws.root)])
    assert clean.exit_code == 0 and "xung đột" not in clean.output, clean.output
    assert entry(build(ws, jobs=1), "gia-lai-3-ldld").status == UNCHANGED
    checked = json.loads(runner.invoke(main, ["kiemtra", str(target), "--json"]).output)
    assert "XD-01" not in {f["rule_id"] for f in checked["findings"]}
    assert runner.invoke(main, ["ban-hanh", str(target), "--so", "12", "--ngay", "01/12/2026"]).exit_code == 0
    # The person's choice is their edit now: the next parent change keeps it.
    edit_plan(ws, "gia-lai-1-tinh-uy", "định kỳ sơ kết, tổng kết", "định kỳ 6 tháng sơ kết, tổng kết")
    report = build(ws, jobs=1)
    assert entry(report, "gia-lai-3-ldld").status == MERGED, entry(report, "gia-lai-3-ldld").detail
    now = texts(target)
    assert mine in now and any("định kỳ 6 tháng sơ kết" in t for t in now) and not any(map(is_marker, now))


def test_a_draft_with_conflicts_is_not_merged_again(ws):
    build(ws, jobs=1)
    target = draft(ws, "gia-lai-3-ldld")
    reword(target, "2. Vận động", TASK_OLD, MINE)
    edit_plan(ws, "gia-lai-1-tinh-uy", TASK_OLD, TASK_NEW)
    assert entry(build(ws, jobs=1), "gia-lai-3-ldld").status == CONFLICT
    with_markers = target.read_bytes()
    # The parent changes again before anyone resolved: merging now would take the markers for the person's text.
    edit_plan(ws, "gia-lai-1-tinh-uy", "định kỳ sơ kết, tổng kết", "định kỳ 6 tháng sơ kết, tổng kết")
    later = entry(build(ws, jobs=1), "gia-lai-3-ldld")
    assert later.status == CONFLICT and later.detail.startswith("còn 1 chỗ xung đột chưa xử lý: bản thảo chưa được "
                                                                "soạn lại theo đầu vào mới")
    assert target.read_bytes() == with_markers
    plan = ws.plans_dir / "gia-lai-3-ldld.yaml"  # kehoach tao on the plan: the same answer, exit "needs a person"
    alone = CliRunner().invoke(main, ["tao", str(plan), "--ra", str(target)])
    assert alone.exit_code == EXIT_NEEDS_PERSON and alone.output.startswith(f"Chưa soạn lại: {target}: còn 1 chỗ")
    assert target.read_bytes() == with_markers
    resolve_keeping_mine(target)
    report = build(ws, jobs=1)  # still out of date: merged now, as any edited draft
    assert entry(report, "gia-lai-3-ldld").status == MERGED
    assert any("định kỳ 6 tháng sơ kết" in t for t in texts(target))


def test_a_parents_date_changed_twice_lands_beside_a_persons_edit(ws):
    # The opening paragraph cites the parent with its date; the person shortened the end of that paragraph.
    build(ws, jobs=1)
    target = draft(ws, "gia-lai-2-ban-tgdv")
    opening = "Thực hiện Kế hoạch số"
    mine = reword(target, opening, " (viết tắt là Kế hoạch số …-KH/TU);", ";")
    for old, new, was in (("ngay: tháng 11 năm 2026", "ngay: 03/10/2026", "…/11/2026"),
                          ("ngay: 03/10/2026", "ngay: 06/10/2026", "03/10/2026")):
        edit_plan(ws, "gia-lai-1-tinh-uy", old, new)
        report = build(ws, jobs=1)
        done = entry(report, "gia-lai-2-ban-tgdv")
        assert done.status == MERGED, done.detail
        day = new.split()[-1]
        assert f"- hợp nhất: đoạn bắt đầu “Thực hiện Kế hoạch số …-KH/TU,…” (cấp trên đổi: ngày {was} → {day})" in \
            done.detail.splitlines()
        (now,) = [t for t in texts(target) if t.startswith(opening)]
        mine = mine.replace(was, day)
        assert now == mine  # both changes: the new date, and the person's shorter ending
        assert f"ngày {day} của Ban Thường vụ Tỉnh ủy" in now and now.endswith("tầm nhìn đến năm 2045;")


def test_a_dry_run_names_no_file_that_will_not_exist(ws):
    build(ws, jobs=1)
    target = draft(ws, "gia-lai-3-ldld")
    reword(target, "- Xác định cụ thể", "phù hợp với tình hình thực tế", "sát với tình hình thực tế của tỉnh")
    edit_plan(ws, "gia-lai-1-tinh-uy", TASK_OLD, TASK_NEW)
    before = {p: p.read_bytes() for p in ws.out_dir.rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, ["xay-dung", str(ws.root), "--thu"])
    assert result.exit_code == 0, result.output
    (line,) = [x for x in result.output.splitlines() if str(target) in x]
    assert line.startswith("  hợp nhất") and "sẽ sao lưu bản đã sửa" in line and "sao-luu" not in result.output
    assert {p: p.read_bytes() for p in ws.out_dir.rglob("*") if p.is_file()} == before


def test_edits_that_cannot_be_carried_leave_the_draft_as_it_is(ws):
    build(ws, jobs=1)
    target = draft(ws, "gia-lai-3-ldld")
    reword(target, "- Xác định cụ thể", "phù hợp với tình hình thực tế", "sát với tình hình thực tế của tỉnh")
    # A picture whose image part is missing from the person's own file: nothing to bring along with it.
    doc = Document(str(target))
    p = next(p for p in doc.paragraphs if p.text.startswith("- Xác định cụ thể"))
    from docx.oxml import parse_xml
    p._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:imagedata r:id="rIdMat"/></v:shape></w:pict></w:r>'))
    doc.save(str(target))
    edited = target.read_bytes()
    edit_plan(ws, "gia-lai-1-tinh-uy", TASK_OLD, TASK_NEW)
    result = CliRunner().invoke(main, ["xay-dung", str(ws.root)])
    assert result.exit_code == EXIT_NEEDS_PERSON
    assert (f"giữ nguyên  {target}: cần người xử lý: không mang được sang bản mới: một liên kết (rIdMat) trong "
            "word/document.xml trỏ tới chỗ không có trong tệp đã sửa; bản thảo giữ nguyên, chưa soạn lại") in result.output
    assert target.read_bytes() == edited
    assert entry(build(ws, jobs=1), "gia-lai-3-ldld").status == UNTOUCHED  # and so on every build, until fixed


def test_a_record_without_a_base_leaves_the_draft_as_it_is(ws):
    build(ws, jobs=1)
    target = draft(ws, "gia-lai-3-ldld")
    reword(target, "- Xác định cụ thể", "phù hợp với tình hình thực tế", "sát với tình hình thực tế")
    record = json.loads(record_path(target).read_text(encoding="utf-8"))
    del record["goc"]
    record_path(target).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    edited = target.read_bytes()
    edit_plan(ws, "gia-lai-1-tinh-uy", TASK_OLD, TASK_NEW)
    done = entry(build(ws, jobs=1), "gia-lai-3-ldld")
    assert done.status == UNTOUCHED and "bản ghi không còn bản gốc" in done.detail
    assert target.read_bytes() == edited
    assert entry(build(ws, jobs=1), "gia-lai-4-cong-doan-xa").status in (UNCHANGED, REGENERATED)
