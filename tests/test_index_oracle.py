"""The index beside the drafts against an oracle (issue 15): whatever happens to a workspace between builds, the build
judges every draft as it would with no index at all, and `kehoach cay` prints the same lines.

Hypothesis draws a sequence of things people (and programs) do to a small built workspace: edit a plan, a profile,
its base, a parent document; rewrite a file with the same bytes; change a file keeping its size and setting its
mtime back (only the ctime tells); edit, truncate, empty, delete or swap drafts; damage or hand-edit a record or the
index; rename or add a plan; move the workspace; issue a draft; make a merge conflict. After each step the same
workspace is copied with its index files deleted (the oracle: every record read, every input hashed), both are built,
and the verdicts (status and detail of every plan) and the trees before and after the build must be equal.

The examples are derandomised (the same every run: CI never flakes) and bounded; to search longer locally:
    KEHOACH_HYPOTHESIS_EXAMPLES=500 python -m pytest -q tests/test_index_oracle.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.cli import main
from kehoach.errors import WorkspaceLocked
from kehoach.workspace import cascade, workers
from kehoach.workspace import index as index_module
from kehoach.workspace.build import build
from kehoach.workspace.folders import Workspace
from kehoach.workspace.lock import BuildLock

from .conftest import ROOT
from .examples import copy_examples

PLANS = ["gia-lai-1-tinh-uy", "gia-lai-2-ban-tgdv", "gia-lai-3-ldld", "gia-lai-4-cong-doan-xa", "gia-lai-5-ubnd-tinh"]
PROFILES = ["tinh-uy-gia-lai", "ban-tgdv-tinh-uy-gia-lai", "ldld-gia-lai", "cong-doan-xa-vi-du", "ubnd-tinh-gia-lai"]
BASES = ["dang", "cong-doan", "nha-nuoc"]
PARENTS = ["21-ct-tw", "51-kl-tw"]
INDEX_FILES = ("chi-muc.idx", "chi-muc-van-ban.idx", "ke-hoach.idx")  # every cache the build keeps beside the drafts
EXAMPLES = int(os.environ.get("KEHOACH_HYPOTHESIS_EXAMPLES", "20"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
# Long enough for the racy rule (index.RACY_NS, set to 20 ms here) to be past: the signatures are then what decides.
SETTLE = 0.03


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A small built workspace: a chain of three plans under Chỉ thị 21 with a branch, a fourth level, profiles that
    are the workspace's own with their bases (so a base can be edited)."""
    root = tmp_path_factory.mktemp("oracle") / "ws"
    (root / "ke-hoach").mkdir(parents=True)
    copy_examples(root / "van-ban", "van-ban")
    for name in PLANS:
        shutil.copy(ROOT / "examples" / "ke-hoach" / f"{name}.yaml", root / "ke-hoach")
    for folder in ("gia-lai", "co-so"):
        shutil.copytree(ROOT / "profiles" / folder, root / "profiles" / folder)
    build(Workspace.open(root), jobs=1)
    return root


# -- what is done to the workspace ----------------------------------------------------------------------------------

def _replace(path: Path, old: str, new: str) -> None:
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old, new) if old in text else text.replace(new, old), encoding="utf-8")


def _draft(root: Path, i: int) -> Path:
    drafts = sorted(p for p in (root / "ban-thao").glob("*.docx"))
    return drafts[i % len(drafts)] if drafts else root / "ban-thao" / "khong-co.docx"


def _record(root: Path, i: int) -> Path:
    records = sorted((root / "ban-thao" / ".kehoach").glob("*.json"))
    return records[i % len(records)] if records else root / "ban-thao" / ".kehoach" / "khong-co.json"


def _input(root: Path, i: int) -> Path:
    files = sorted((root / "ke-hoach").glob("*.yaml")) + [root / "profiles" / "gia-lai" / f"{p}.yaml" for p in PROFILES]
    files += [root / "profiles" / "co-so" / f"{b}.yaml" for b in BASES] + [root / "van-ban" / f"{p}.yaml" for p in PARENTS]
    return files[i % len(files)]


def _same_size_change(path: Path) -> None:
    """One byte changed for another, size kept, mtime and atime set back: only the ctime (and the bytes) tell."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    info = path.stat()
    data = bytearray(path.read_bytes())
    at = len(data) // 2
    data[at] = ord("x") if data[at] != ord("x") else ord("y")
    with open(path, "r+b") as f:  # in place: the same inode
        f.write(bytes(data))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def _hand_edit_draft(path: Path, keep_mtime: bool) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        return
    info = path.stat()
    try:
        doc = Document(str(path))
    except Exception:  # a draft damaged by an earlier step: nothing to edit in it
        return
    para = next((p for p in reversed(doc.paragraphs) if p.text.strip() and p.runs), None)
    if para is None:
        return
    para.runs[0].text = para.runs[0].text + " (sửa tay)"
    doc.save(str(path))
    if keep_mtime:
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def _edit_json(path: Path, how: int) -> None:
    """A record or index edited by a person: a value changed, the file still JSON (the checksum not made again)."""
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8", errors="replace")
    if how == 0:  # damaged
        path.write_text(text[: len(text) // 2], encoding="utf-8")
    elif how == 1:
        path.write_text("{", encoding="utf-8")
    elif how == 2:  # a hash changed in place, size kept
        at = text.find('"', text.find("sha")) if "sha" in text else -1
        digits = [i for i in range(max(at, 0), len(text)) if text[i] in "0123456789abcdef"][:1]
        if digits:
            i = digits[0]
            text = text[:i] + ("0" if text[i] != "0" else "1") + text[i + 1:]
            path.write_text(text, encoding="utf-8")
    else:  # reformatted, the same values
        try:
            lines = text.split("\n", 1)
            if path.suffix == ".json":
                path.write_text(json.dumps(json.loads(text), ensure_ascii=False, indent=2), encoding="utf-8")
            else:
                path.write_text(lines[0] + "\n" + json.dumps(json.loads(lines[1]), indent=1), encoding="utf-8")
        except (ValueError, IndexError):
            path.write_text(text + " ", encoding="utf-8")


def _conflict(root: Path) -> None:
    """The same words changed by the person in the LĐLĐ draft and by the Tỉnh ủy's plan (tests/test_build.py)."""
    target = root / "ban-thao" / "gia-lai-3-ldld.docx"
    plan = root / "ke-hoach" / "gia-lai-1-tinh-uy.yaml"
    try:
        doc = Document(str(target))
    except Exception:
        return
    task = next((p for p in doc.paragraphs if p.text.startswith("2. Vận động") and p.runs), None)
    if task is None or not plan.is_file() or "biểu dương người lao động" not in plan.read_text(encoding="utf-8"):
        return
    task.runs[0].text = task.text.replace("biểu dương người lao động", "khen thưởng người lao động")
    for run in task.runs[1:]:
        run.text = ""
    doc.save(str(target))
    _replace(plan, "biểu dương người lao động có tay nghề cao", "tôn vinh người lao động có tay nghề cao")


def apply(root: Path, op: tuple[str, int, bool]) -> Path:
    """Does `op` (name, which file, a flag) to the workspace at `root`; returns the workspace's root after it."""
    name, i, flag = op
    out = root / "ban-thao"
    meta = out / ".kehoach"
    if name == "reword plan":
        _replace(root / "ke-hoach" / f"{PLANS[i % len(PLANS)]}.yaml", "Thường xuyên kiểm tra", "Thường xuyên đôn đốc")
        _replace(root / "ke-hoach" / f"{PLANS[i % len(PLANS)]}.yaml", "tháng 11 năm 2026", "tháng 12 năm 2026")
    elif name == "date format":  # the same date written two ways
        _replace(root / "ke-hoach" / "gia-lai-1-tinh-uy.yaml", "30/12/2026", "2026-12-30")
        _replace(root / "van-ban" / "21-ct-tw.yaml", "04/5/2023", "2023-05-04")
    elif name == "edit profile":
        path = root / "profiles" / "gia-lai" / f"{PROFILES[i % len(PROFILES)]}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\n# sửa\n", encoding="utf-8")
    elif name == "edit base":
        path = root / "profiles" / "co-so" / f"{BASES[i % len(BASES)]}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\n# sửa\n", encoding="utf-8")
    elif name == "edit parent":
        _replace(root / "van-ban" / f"{PARENTS[i % len(PARENTS)]}.yaml", "Ban Bí thư", "Ban Chấp hành Trung ương")
    elif name == "same bytes":  # a new mtime (and inode when replaced), nothing else
        path = [_input(root, i), _draft(root, i), _record(root, i)][int(flag)]
        if path.is_file():
            data = path.read_bytes()
            if flag:
                path.unlink()
            path.write_bytes(data)
    elif name == "same size":
        _same_size_change([_input(root, i), _draft(root, i), _record(root, i)][i % 3])
    elif name == "hand edit draft":
        _hand_edit_draft(_draft(root, i), keep_mtime=flag)
    elif name == "truncate draft":
        path = _draft(root, i)
        if path.is_file():
            path.write_bytes(b"" if flag else path.read_bytes()[: path.stat().st_size // 2])
    elif name == "delete draft":
        _draft(root, i).unlink(missing_ok=True)
    elif name == "edit record":
        _edit_json(_record(root, i), i % 4)
    elif name == "delete index":
        (meta / INDEX_FILES[i % 3]).unlink(missing_ok=True)
    elif name == "edit index":
        _edit_json(meta / INDEX_FILES[i % 3], i % 4 if not flag else 2)
    elif name == "swap drafts":
        a, b = _draft(root, i), _draft(root, i + 1)
        if a != b and a.is_file() and b.is_file():
            a.rename(out / "doi.tmp")
            b.rename(a)
            (out / "doi.tmp").rename(b)
    elif name == "rename plan":
        plans = sorted((root / "ke-hoach").glob("*.yaml"))
        if plans:
            old = plans[i % len(plans)]
            old.rename(old.with_name(f"{old.stem}-moi.yaml"))
    elif name == "add plan":
        source = root / "ke-hoach" / "gia-lai-4-cong-doan-xa.yaml"
        if source.is_file():
            target = root / "ke-hoach" / f"gia-lai-4-xa-{i % 3}.yaml"
            target.write_text(source.read_text(encoding="utf-8").replace("tháng 11 năm 2026", f"{1 + i % 28}/11/2026"),
                              encoding="utf-8")
    elif name == "move workspace":
        moved = root.with_name(root.name + "m")
        shutil.copytree(root, moved, symlinks=True)
        shutil.rmtree(root)
        return moved
    elif name == "ban-hanh":
        draft = _draft(root, i)
        if draft.is_file():
            CliRunner().invoke(main, ["ban-hanh", str(draft), "--so", str(10 + i), "--ngay", "3/11/2026"])
    elif name == "conflict":
        _conflict(root)
    return root


OPS = ["reword plan", "date format", "edit profile", "edit base", "edit parent", "same bytes", "same size",
       "hand edit draft", "truncate draft", "delete draft", "edit record", "delete index", "edit index", "swap drafts",
       "rename plan", "add plan", "move workspace", "ban-hanh", "conflict"]
STEP = st.tuples(st.sampled_from(OPS), st.integers(0, 11), st.booleans(), st.booleans())


# -- the oracle -----------------------------------------------------------------------------------------------------

_BACKUP_TIME = re.compile(r"\.\d{8}-\d{6}(-\d+)?\.docx")  # a backup's name says when it was made


def outcome(report, root: Path) -> dict[str, tuple[str, str]]:
    return {os.path.relpath(e.plan, root): (e.status, _BACKUP_TIME.sub(".<giờ>.docx", e.detail.replace(str(root), "<ws>")))
            for e in report.entries}


def tree(root: Path) -> list[str]:
    return [line.replace(str(root), "<ws>") for line in cascade.tree(Workspace.open(root))]


def oracle_of(root: Path) -> Path:
    """The workspace as it is, copied with every index file deleted: its build reads every record, hashes every input."""
    oracle = root.with_name(root.name + "-oracle")
    shutil.rmtree(oracle, ignore_errors=True)
    shutil.copytree(root, oracle, symlinks=True)
    for name in INDEX_FILES:
        (oracle / "ban-thao" / ".kehoach" / name).unlink(missing_ok=True)
    return oracle


def check_step(root: Path, settle: bool) -> None:
    """Trees, then a build, then trees: the workspace with its index as the copy without."""
    if settle:
        time.sleep(SETTLE)
    oracle = oracle_of(root)
    assert tree(root) == tree(oracle)
    expected = outcome(build(Workspace.open(oracle), jobs=1), oracle)
    assert outcome(build(Workspace.open(root), jobs=1), root) == expected
    assert tree(root) == tree(oracle)
    shutil.rmtree(oracle)


@SETTINGS
@given(steps=st.lists(STEP, min_size=1, max_size=5))
def test_the_index_judges_as_the_records_do(built, tmp_path, steps):
    root = tmp_path / f"ws{time.monotonic_ns()}"
    shutil.copytree(built, root, symlinks=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_module, "RACY_NS", 20_000_000)
        time.sleep(SETTLE)
        build(Workspace.open(root), jobs=1)  # the copy's own index: its signatures, not the built one's
        try:
            for name, i, flag, settle in steps:
                root = apply(root, (name, i, flag))
                check_step(root, settle)
        finally:
            shutil.rmtree(root, ignore_errors=True)


# -- what Hypothesis does not draw: other kinds of files, a build killed at every write, two builds at once ---------

@pytest.fixture
def subject(built, tmp_path, monkeypatch) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(built, root, symlinks=True)
    monkeypatch.setattr(index_module, "RACY_NS", 20_000_000)
    time.sleep(SETTLE)
    build(Workspace.open(root), jobs=1)
    return root


@pytest.mark.parametrize("what", ["draft", "record", "plan", "profile"])
@pytest.mark.parametrize("kind", ["symlink to another", "symlink to itself moved", "folder"])
def test_a_file_replaced_by_a_symlink_or_a_folder(subject, what, kind):
    out = subject / "ban-thao"
    path, other = {
        "draft": (out / "gia-lai-3-ldld.docx", out / "gia-lai-4-cong-doan-xa.docx"),
        "record": (out / ".kehoach" / "gia-lai-3-ldld.json", out / ".kehoach" / "gia-lai-4-cong-doan-xa.json"),
        "plan": (subject / "ke-hoach" / "gia-lai-3-ldld.yaml", subject / "ke-hoach" / "gia-lai-4-cong-doan-xa.yaml"),
        "profile": (subject / "profiles" / "gia-lai" / "ldld-gia-lai.yaml",
                    subject / "profiles" / "gia-lai" / "cong-doan-xa-vi-du.yaml"),
    }[what]
    if kind == "symlink to another":
        path.unlink()
        path.symlink_to(other)
    elif kind == "symlink to itself moved":  # the same bytes, the same inode, reached through a link
        moved = subject / "noi-khac" / path.name
        moved.parent.mkdir()
        path.rename(moved)
        path.symlink_to(moved)
    else:
        path.unlink()
        path.mkdir()
    check_step(subject, settle=True)


def _kill_at(root: Path, write: int, after: bool) -> int:
    """Builds `root` in a forked child killed (os._exit, nothing cleaned up) at its `write`-th file rename, before or
    after it; the number of renames the child made (less than `write`: the build ended first)."""
    pid = os.fork()
    if pid == 0:  # the child: no pytest code runs here past the build
        replace, count = os.replace, [0]

        def killing(src, dst, *args, **kwargs):
            count[0] += 1
            if count[0] == write and not after:
                os._exit(9)
            replace(src, dst, *args, **kwargs)
            if count[0] == write:
                os._exit(9)

        os.replace = killing  # type: ignore[assignment]
        try:
            build(Workspace.open(root), jobs=1)
        finally:
            os._exit(min(count[0], 100))
    _, status = os.waitpid(pid, 0)
    return 9 if os.waitstatus_to_exitcode(status) == 9 else -1


def test_a_build_killed_at_any_write_then_built_again_judges_as_the_records(built, tmp_path, monkeypatch):
    """Killed before each of its renames in turn (drafts, records, backups, the index, the documents beside it), then
    killed after the last one (the lock left behind): the next build judges as the records do."""
    monkeypatch.setattr(index_module, "RACY_NS", 20_000_000)
    write, after, last = 1, False, 0
    while True:
        root = tmp_path / f"ws{write}{after}"
        shutil.copytree(built, root, symlinks=True)
        time.sleep(SETTLE)
        build(Workspace.open(root), jobs=1)
        _conflict(root)  # every draft stale, one merged with a conflict, one hand edit kept with a backup
        _hand_edit_draft(root / "ban-thao" / "gia-lai-5-ubnd-tinh.docx", keep_mtime=False)
        time.sleep(SETTLE)
        if _kill_at(root, write, after) != 9:  # the build ended first: every rename has been a place to die
            assert not after
            after, last, write = True, write - 1, write - 1
            shutil.rmtree(root)
            continue
        check_step(root, settle=True)
        shutil.rmtree(root)
        if after:
            break
        write += 1
    assert last > 10  # drafts, records, backups, the index: the kill did fall on each


def test_a_second_build_while_one_holds_the_lock_changes_nothing(subject):
    _replace(subject / "van-ban" / "21-ct-tw.yaml", "Ban Bí thư", "Ban Chấp hành Trung ương")
    meta = subject / "ban-thao" / ".kehoach"
    before = {name: (meta / name).read_bytes() for name in INDEX_FILES}
    with BuildLock(meta / "lock"), pytest.raises(WorkspaceLocked):
        build(Workspace.open(subject), jobs=1)
    assert {name: (meta / name).read_bytes() for name in INDEX_FILES} == before
    check_step(subject, settle=True)


def test_a_draft_saved_by_a_person_just_after_kehoachs_rename_is_not_indexed_as_not_edited(subject, monkeypatch):
    """Found by the oracle's way of looking: the index took the draft's signature after the rename and said "not
    edited" from the record; a person saving in between left an edited draft that `cay` showed as fresh."""
    _replace(subject / "van-ban" / "21-ct-tw.yaml", "Ban Bí thư", "Ban Chấp hành Trung ương")
    target = subject / "ban-thao" / "gia-lai-3-ldld.docx"
    signature, saved = workers.signature, []

    def person_saves_first(path):
        if os.fspath(path) == os.fspath(target) and not saved:
            saved.append(path)
            _hand_edit_draft(target, keep_mtime=False)
        return signature(path)

    monkeypatch.setattr(workers, "signature", person_saves_first)
    time.sleep(SETTLE)
    build(Workspace.open(subject), jobs=1)
    assert saved
    monkeypatch.setattr(workers, "signature", signature)
    time.sleep(SETTLE)
    ldld = [line for line in tree(subject) if "gia-lai-3-ldld" in line]
    assert ldld == ["    │   └── Kế hoạch số …/KH-LĐLĐ ngày …/11/2026 của Liên đoàn Lao động tỉnh Gia Lai — "
                    "ke-hoach/gia-lai-3-ldld.yaml  [dự thảo · bản thảo mới nhất · có sửa tay]"]
    check_step(subject, settle=True)


def test_a_plan_memo_edited_by_hand_is_not_trusted(subject):
    """Found by the oracle: ke-hoach.idx (each plan file's sha256 → its tep_ra) had no checksum; a name edited in it
    made the build write the Tỉnh ủy's draft as ten-khac.docx ("soạn mới") where the records say "không đổi"."""
    memo = subject / "ban-thao" / ".kehoach" / "ke-hoach.idx"
    text = memo.read_text(encoding="utf-8")
    assert '": null' in text  # the plans have no tep_ra: their drafts are named after them
    memo.write_text(text.replace('": null', '": "ten-khac"', 1), encoding="utf-8")
    time.sleep(SETTLE)
    report = build(Workspace.open(subject), jobs=1)
    assert {os.path.basename(e.plan): e.status for e in report.entries} == {f"{p}.yaml": "không đổi" for p in PLANS}
    assert not (subject / "ban-thao" / "ten-khac.docx").exists()
    check_step(subject, settle=True)
