"""The index beside the drafts (issue 15 item 2): a build with nothing to do reads no record and no input, and every
verdict is the one the records give, after any change, with the index damaged, missing, moved or of another version."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from kehoach.cli import main
from kehoach.files import signature
from kehoach.workspace import index as index_module
from kehoach.workspace import state as state_module
from kehoach.workspace import verdicts as verdicts_module
from kehoach.workspace.build import CONFLICT, FAILED, REGENERATED, SKIPPED, UNCHANGED, build
from kehoach.workspace.folders import Workspace
from kehoach.workspace.index import FILE, Known
from kehoach.workspace.indexfile import load as load_index
from kehoach.workspace.state import Hashes

from .conftest import ROOT
from .examples import copy_examples

CHAIN = ["gia-lai-1-tinh-uy", "gia-lai-2-ban-tgdv", "gia-lai-3-ldld", "gia-lai-4-cong-doan-xa", "gia-lai-5-ubnd-tinh",
         "gia-lai-6-ubnd-xa", "gia-lai-7-dang-uy-xa"]


def _age(root: Path, seconds: float = 30) -> None:
    """Every input older than the racy window, as files are that were not written a moment ago."""
    past = time.time() - seconds
    for path in root.rglob("*.yaml"):
        os.utime(path, (past, past))


@pytest.fixture
def ws(tmp_path: Path, monkeypatch) -> Workspace:
    return make_ws(tmp_path, monkeypatch)


def make_ws(tmp_path: Path, monkeypatch) -> Workspace:
    """The examples, with the Gia Lai profiles and their bases as the workspace's own (so a base can be edited)."""
    root = tmp_path / "ws"
    copy_examples(root)
    for folder in ("gia-lai", "co-so"):
        shutil.copytree(ROOT / "profiles" / folder, root / "profiles" / folder)
    _age(root)
    # Setting mtimes back changed every ctime to now: a racy window of 2 s would make every test wait for it.
    monkeypatch.setattr(index_module, "RACY_NS", 20_000_000)
    time.sleep(0.05)
    return Workspace.open(root)


def outcome(report) -> dict[str, tuple[str, str]]:
    return {e.plan.stem: (e.status, e.detail) for e in report.entries}


def without_index(ws: Workspace) -> dict[str, tuple[str, str]]:
    """The verdicts of a dry run that reads every record (the index moved away for it)."""
    index = ws.out_dir / ".kehoach" / FILE
    kept = index.with_name("giu.idx")
    if index.exists():
        index.rename(kept)
    try:
        return outcome(build(ws, dry_run=True))
    finally:
        if kept.exists():
            kept.rename(index)


def with_index(ws: Workspace) -> dict[str, tuple[str, str]]:
    return outcome(build(ws, dry_run=True))


class Reads:
    """Counts the records and inputs a build reads."""

    def __init__(self, monkeypatch):
        self.records: list[Path] = []
        self.hashed: list[str] = []
        read_record, hash_file = state_module.read_record, state_module.file_sha256

        def counted_record(output, *args, **kwargs):
            self.records.append(output)
            return read_record(output, *args, **kwargs)

        def counted_hash(path):
            self.hashed.append(path)
            return hash_file(path)

        monkeypatch.setattr(state_module, "read_record", counted_record)
        monkeypatch.setattr(verdicts_module, "read_record", counted_record)
        monkeypatch.setattr(state_module, "file_sha256", counted_hash)
        monkeypatch.setattr(verdicts_module, "file_sha256", counted_hash)


def test_a_build_with_nothing_to_do_reads_no_record_and_no_input(ws, monkeypatch):
    first = build(ws, jobs=1)
    assert load_index(ws.out_dir).loaded
    reads = Reads(monkeypatch)
    second = build(ws, jobs=1)
    assert {status for status, _ in outcome(second).values()} == {UNCHANGED} and len(second.entries) == len(first.entries)
    assert reads.records == [] and reads.hashed == []


@pytest.mark.parametrize("change", ["parent", "base profile", "plan", "record", "draft deleted", "draft edited",
                                    "input deleted"])
def test_the_verdicts_are_the_records_verdicts_after_each_change(ws, change):
    build(ws, jobs=1)
    out = ws.out_dir
    if change == "parent":
        parent = ws.root / "van-ban" / "21-ct-tw.yaml"
        parent.write_text(parent.read_text(encoding="utf-8").replace("04/5/2023", "05/5/2023"), encoding="utf-8")
    elif change == "base profile":  # the base of the Party bodies of the Gia Lai chain
        base = ws.root / "profiles" / "co-so" / "dang.yaml"
        base.write_text(base.read_text(encoding="utf-8") + "\n# một dòng ghi chú\n", encoding="utf-8")
    elif change == "plan":
        plan = ws.plans_dir / "gia-lai-1-tinh-uy.yaml"
        plan.write_text(plan.read_text(encoding="utf-8") + "\n# sửa\n", encoding="utf-8")
    elif change == "record":  # issued: the record is rewritten with the number
        result = CliRunner().invoke(main, ["ban-hanh", str(out / "gia-lai-1-tinh-uy.docx"), "--so", "12", "--ngay",
                                           "3/11/2026"])
        assert result.exit_code == 0, result.output
    elif change == "draft deleted":
        (out / "002-huyen-uy-phong-tho.docx").unlink()
    elif change == "draft edited":
        doc = Document(str(out / "gia-lai-3-ldld.docx"))
        doc.paragraphs[-1].add_run(" (sửa tay)")
        doc.save(str(out / "gia-lai-3-ldld.docx"))
    elif change == "input deleted":
        (ws.root / "van-ban" / "349-kh-tld.yaml").unlink()
    expected = without_index(ws)
    assert with_index(ws) == expected
    if change in ("parent", "base profile", "plan", "input deleted"):
        assert any(status != UNCHANGED for status, _ in expected.values())
    if change == "base profile":  # its Party bodies and everything below the Tỉnh ủy; nothing of other provinces
        stale = {k for k, (status, _) in expected.items() if status != UNCHANGED}
        assert {"gia-lai-1-tinh-uy", "gia-lai-2-ban-tgdv", "gia-lai-7-dang-uy-xa", "gia-lai-4-cong-doan-xa"} <= stale
        assert all(k.startswith("gia-lai-") for k in stale)
    if change == "draft deleted":
        assert expected["002-huyen-uy-phong-tho"][0] == SKIPPED
    # The real build agrees, and the build after it has nothing to do.
    build(ws, jobs=1)
    assert with_index(ws) == without_index(ws)


def test_a_new_kehoach_version_trusts_no_index(ws, monkeypatch):
    build(ws, jobs=1)
    for module in ("state", "record", "verdicts"):
        monkeypatch.setattr(f"kehoach.workspace.{module}.__version__", "9.9.9")
    report = with_index(ws)
    # The seeds are issued: the office's copies of signed documents are not rewritten by a new kehoach.
    issued = {"000-ldld-lai-chau", "001-btg-binh-dinh", "002-huyen-uy-phong-tho", "003-ldld-binh-dinh"}
    assert {name for name, (status, _) in report.items() if status != REGENERATED} == issued
    assert report == without_index(ws)


def test_conflicts_are_reported_on_every_build(ws):
    build(ws, jobs=1)
    target = ws.out_dir / "gia-lai-3-ldld.docx"
    doc = Document(str(target))
    task = next(p for p in doc.paragraphs if p.text.startswith("2. Vận động"))
    task.runs[0].text = task.text.replace("biểu dương người lao động", "khen thưởng người lao động")
    for run in task.runs[1:]:
        run.text = ""
    doc.save(str(target))
    plan = ws.plans_dir / "gia-lai-1-tinh-uy.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("biểu dương người lao động có tay nghề cao",
                                                              "tôn vinh người lao động có tay nghề cao"), encoding="utf-8")
    assert outcome(build(ws, jobs=1))["gia-lai-3-ldld"][0] == CONFLICT
    for _ in range(2):
        again = outcome(build(ws, jobs=1))["gia-lai-3-ldld"]
        assert again[0] == CONFLICT and again[1].startswith("còn 1 chỗ xung đột")
    assert with_index(ws) == without_index(ws)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "edited", "other version", "folder", "empty"])
def test_a_damaged_index_is_never_trusted_and_is_written_again(ws, damage, monkeypatch):
    build(ws, jobs=1)
    index = ws.out_dir / ".kehoach" / FILE
    head, _, body = index.read_bytes().partition(b"\n")
    parent = ws.root / "van-ban" / "21-ct-tw.yaml"
    parent.write_text(parent.read_text(encoding="utf-8").replace("04/5/2023", "05/5/2023"), encoding="utf-8")
    if damage == "garbage":
        index.write_bytes(b"\x00\xff not an index")
    elif damage == "truncated":
        index.write_bytes(head + b"\n" + body[: len(body) // 2])
    elif damage == "edited":  # still JSON, its checksum no longer matches: the verdicts it would give are wrong
        data = json.loads(body)
        for row in data["tep"]:
            if row[0].endswith("21-ct-tw.yaml"):
                row[1:5] = list(signature(parent))
        index.write_bytes(head + b"\n" + json.dumps(data).encode())
    elif damage == "other version":
        index.write_bytes(head.replace(b'"kehoach": "', b'"kehoach": "0.0.0-') + b"\n" + body)
    elif damage == "folder":
        index.unlink()
        index.mkdir()
    elif damage == "empty":
        index.write_bytes(b"")
    assert not load_index(ws.out_dir).loaded
    expected = without_index(ws) if damage != "folder" else None
    report = build(ws, jobs=1)
    assert {e.plan.stem for e in report.entries if e.status == REGENERATED} >= set(CHAIN)
    if expected is not None:
        assert {k: v[0] for k, v in outcome(report).items()} == {k: v[0] for k, v in expected.items()}
    if damage == "folder":  # not a file kehoach may replace: left alone, the build unharmed
        assert index.is_dir() and not report.failed
    else:
        assert load_index(ws.out_dir).loaded
        reads = Reads(monkeypatch)
        assert {s for s, _ in outcome(build(ws, jobs=1)).values()} == {UNCHANGED} and not reads.records


def test_a_copied_workspace_keeps_its_verdicts(ws, tmp_path):
    build(ws, jobs=1)
    copy = tmp_path / "ban-sao"
    shutil.copytree(ws.root, copy, symlinks=True)
    _age(copy)
    moved = Workspace.open(copy)
    assert {s for s, _ in outcome(build(moved, jobs=1)).values()} == {UNCHANGED}


def test_a_signature_taken_too_soon_after_a_change_is_not_trusted(tmp_path, monkeypatch):
    """A file changed within the instant its signature was taken could keep its signature: it is hashed again."""
    monkeypatch.setattr(index_module, "RACY_NS", 2_000_000_000)  # as shipped
    path = tmp_path / "a.yaml"
    path.write_text("x: 1\n", encoding="utf-8")
    sig = signature(path)
    assert sig is not None
    mtime = max(sig[1], sig[3])
    wrong = "0" * 64  # what the index would say if the file had changed in the same instant
    racy_ns = index_module.RACY_NS
    racy = Hashes(index={str(path): Known(sig, wrong, mtime + racy_ns // 2)})
    assert racy.of(path) != wrong  # hashed again
    settled = Hashes(index={str(path): Known(sig, wrong, mtime + 2 * racy_ns)})
    assert settled.of(path) == wrong  # trusted: not read at all
    changed = Hashes(index={str(path): Known((sig[0] + 1, *sig[1:]), wrong, mtime + 2 * racy_ns)})
    assert changed.of(path) != wrong


def test_a_build_killed_before_writing_its_index_is_caught_up_by_the_records(ws, monkeypatch):
    build(ws, jobs=1)
    parent = ws.root / "van-ban" / "21-ct-tw.yaml"
    parent.write_text(parent.read_text(encoding="utf-8").replace("04/5/2023", "05/5/2023"), encoding="utf-8")
    monkeypatch.setattr(verdicts_module.Verdicts, "save", lambda self: False)  # killed at the end
    assert any(s == REGENERATED for s, _ in outcome(build(ws, jobs=1)).values())
    monkeypatch.undo()
    # The index still says the old hashes; the records were rewritten (their signatures changed): no work is redone.
    assert {s for s, _ in outcome(build(ws, jobs=1)).values()} == {UNCHANGED}


def test_a_draft_that_became_unreadable_is_still_caught(ws):
    build(ws, jobs=1)
    target = ws.out_dir / "gia-lai-2-ban-tgdv.docx"
    target.write_bytes(b"")
    entry = outcome(build(ws, jobs=1))["gia-lai-2-ban-tgdv"]
    assert entry[0] == FAILED and "bản thảo trống" in entry[1]


def test_cay_reads_the_records_of_fresh_drafts_and_says_what_composing_says(ws, monkeypatch):
    from kehoach import generate
    from kehoach.workspace import cascade

    build(ws, jobs=1)
    plan = ws.plans_dir / "gia-lai-1-tinh-uy.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("biểu dương người lao động có tay nghề cao",
                                                              "tôn vinh người lao động có tay nghề cao"), encoding="utf-8")
    composed: list[Path] = []
    prepare = generate.prepare

    def counted(plan_file, *args, **kwargs):
        composed.append(plan_file)
        return prepare(plan_file, *args, **kwargs)

    monkeypatch.setattr(generate, "prepare", counted)
    from_records = cascade.tree(Workspace.open(ws.root))
    stale = {p.stem for p in composed}
    assert stale and all(s.startswith("gia-lai-") for s in stale)  # only the drafts that are not up to date
    assert "000-ldld-lai-chau" not in stale
    monkeypatch.setattr(cascade, "_recorded", lambda output, plan: None)  # everything composed, as before
    assert cascade.tree(Workspace.open(ws.root)) == from_records
