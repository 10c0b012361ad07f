"""Files keep their permissions: new ones get the mode the user's umask gives any new file, replaced ones keep theirs.

On a shared office folder (umask 002, group-writable) colleagues must keep access to drafts, records, backups and
the plan a văn thư issues; mkstemp's 0600 took it away.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from kehoach.cli import main
from kehoach.files import write_atomic
from kehoach.workspace.build import MERGED, build
from kehoach.workspace.folders import Workspace

from .examples import copy_examples

pytestmark = pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")


@pytest.fixture(params=[0o022, 0o002], ids=["umask-022", "umask-002"])
def umask(request) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_write_atomic_new_and_replaced(tmp_path, umask):
    new = tmp_path / "moi.txt"
    write_atomic(new, b"1")
    assert mode(new) == 0o666 & ~umask
    new.chmod(0o640)
    write_atomic(new, b"2")
    assert mode(new) == 0o640 and new.read_bytes() == b"2"
    given = tmp_path / "sao.txt"
    write_atomic(given, b"3", mode=0o640)  # a backup takes its draft's mode
    assert mode(given) == 0o640
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_workspace_keeps_everyones_access(tmp_path, umask):
    root = tmp_path / "ws"
    copy_examples(root)
    ws = Workspace.open(root)
    build(ws, jobs=1)
    usual = 0o666 & ~umask
    written = [p for p in ws.out_dir.rglob("*") if p.is_file()]
    assert {p.suffix for p in written} >= {".docx", ".json", ".z"}  # drafts, records, shared parts of the base
    assert {mode(p) for p in written} == {usual}

    # A draft a person edited and made private to their group: the merge keeps its mode, and so does its backup.
    target = ws.out_dir / "gia-lai-3-ldld.docx"
    doc = Document(str(target))
    p = next(p for p in doc.paragraphs if p.text.startswith("- Xác định cụ thể"))
    p.runs[0].text = p.text.replace("phù hợp với", "sát với")
    for run in p.runs[1:]:
        run.text = ""
    doc.save(str(target))
    target.chmod(0o640)
    plan = ws.plans_dir / "gia-lai-1-tinh-uy.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("biểu dương", "tôn vinh"), encoding="utf-8")
    plan.chmod(0o664)
    report = build(ws, jobs=1)
    assert next(e for e in report.entries if e.plan.stem == "gia-lai-3-ldld").status == MERGED
    assert mode(target) == 0o640
    (backup,) = (ws.out_dir / ".kehoach" / "sao-luu").glob("gia-lai-3-ldld.*.docx")
    assert mode(backup) == 0o640
    assert mode(ws.out_dir / "gia-lai-4-cong-doan-xa.docx") == usual  # regenerated: replaced, keeps its mode

    # ban-hanh rewrites the plan: its mode stays.
    result = CliRunner().invoke(main, ["ban-hanh", str(plan), "--so", "15", "--ngay", "01/12/2026"])
    assert result.exit_code == 0, result.output
    assert mode(plan) == 0o664
    assert [line for line in plan.read_text(encoding="utf-8").splitlines() if line.startswith("so:")] == ["so: '15'"]
