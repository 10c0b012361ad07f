"""What the index lets a no-op build and `kehoach cay` skip (issue 15 items 2 and 3), and the cases where what it
says is no longer true: the tree and the verdicts are then the ones the records and drafts give.

`cay` reads the documents of fresh drafts from the index (chi-muc-van-ban.idx) and does not open a draft last seen
whole with its present signature; a draft or record changed since is read as it is."""

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
from kehoach.workspace import cascade
from kehoach.workspace import index as index_module
from kehoach.workspace.build import FAILED, REGENERATED, UNCHANGED, build
from kehoach.workspace.folders import Workspace
from kehoach.workspace.index import DOCUMENTS, FILE, Files, trusted_digest
from kehoach.workspace.indexfile import load as load_index

from .test_index import Reads, make_ws, outcome, with_index, without_index


@pytest.fixture
def ws(tmp_path: Path, monkeypatch) -> Workspace:
    return make_ws(tmp_path, monkeypatch)


class Opened:
    """Counts the records cay reads for a document and the drafts it opens to see whether they are whole."""

    def __init__(self, monkeypatch):
        self.records: list[Path] = []
        self.drafts: list[Path] = []
        document_of, damaged_draft = cascade.document_of, cascade.damaged_draft

        def counted_document(path):
            self.records.append(path)
            return document_of(path)

        def counted_damaged(output, rerun):
            self.drafts.append(output)
            return damaged_draft(output, rerun)

        monkeypatch.setattr(cascade, "document_of", counted_document)
        monkeypatch.setattr(cascade, "damaged_draft", counted_damaged)


def tree_of(ws: Workspace) -> list[str]:
    return cascade.tree(Workspace.open(ws.root))


def tree_without_index(ws: Workspace) -> list[str]:
    """The tree as the records and the drafts give it (the index moved away for it)."""
    moved = []
    for name in (FILE, DOCUMENTS):
        path = ws.out_dir / ".kehoach" / name
        if path.exists():
            path.rename(path.with_name(name + ".giu"))
            moved.append(path)
    try:
        return tree_of(ws)
    finally:
        for path in moved:
            path.with_name(path.name + ".giu").rename(path)


def test_cay_after_a_build_reads_no_record_and_opens_no_draft(ws, monkeypatch):
    build(ws, jobs=1)
    expected = tree_without_index(ws)
    opened = Opened(monkeypatch)
    assert tree_of(ws) == expected
    assert opened.records == [] and opened.drafts == []
    assert any("bản thảo mới nhất" in line for line in expected)


def test_cay_after_a_no_op_build_that_judged_from_the_records_reads_no_record(ws, monkeypatch):
    """An index lost and rebuilt by a build with nothing to do (from the records) serves cay as well."""
    build(ws, jobs=1)
    (ws.out_dir / ".kehoach" / FILE).unlink()
    assert {s for s, _ in outcome(build(ws, jobs=1)).values()} == {UNCHANGED}
    expected = tree_without_index(ws)
    opened = Opened(monkeypatch)
    assert tree_of(ws) == expected
    assert opened.records == [] and opened.drafts == []


@pytest.mark.parametrize("change", ["draft edited", "draft emptied", "draft truncated", "issued", "record rewritten",
                                    "record damaged", "index missing", "documents missing", "documents damaged",
                                    "documents of another index"])
def test_cay_says_what_the_records_say_after_each_change(ws, change, monkeypatch):
    build(ws, jobs=1)
    out = ws.out_dir
    kehoach = out / ".kehoach"
    draft = out / "gia-lai-3-ldld.docx"
    if change == "draft edited":
        doc = Document(str(draft))
        doc.paragraphs[-1].add_run(" (sửa tay)")
        doc.save(str(draft))
    elif change == "draft emptied":
        draft.write_bytes(b"")
    elif change == "draft truncated":  # still begins like a zip
        data = draft.read_bytes()
        draft.write_bytes(data[: len(data) // 2])
    elif change == "issued":  # the plan and the record are rewritten with the number
        result = CliRunner().invoke(main, ["ban-hanh", str(draft), "--so", "12", "--ngay", "3/11/2026"])
        assert result.exit_code == 0, result.output
    elif change == "record rewritten":  # by hand, the draft and its inputs as they were
        record = kehoach / "gia-lai-3-ldld.json"
        data = json.loads(record.read_text(encoding="utf-8"))
        data["document"].update(number="12", date="2026-11-03")
        record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    elif change == "record damaged":
        (kehoach / "gia-lai-3-ldld.json").write_text("{", encoding="utf-8")
    elif change == "index missing":
        (kehoach / FILE).unlink()
    elif change == "documents missing":
        (kehoach / DOCUMENTS).unlink()
    elif change == "documents damaged":  # the head still names the index: the body's checksum does not hold
        head, _, body = (kehoach / DOCUMENTS).read_bytes().partition(b"\n")
        (kehoach / DOCUMENTS).write_bytes(head + b"\n" + body.replace(b"gia-lai", b"gia-lao"))
    elif change == "documents of another index":
        (kehoach / DOCUMENTS).write_bytes((kehoach / DOCUMENTS).read_bytes().replace(b'"chi_muc": "', b'"chi_muc": "0'))
    expected = tree_without_index(ws)
    opened = Opened(monkeypatch)
    assert tree_of(ws) == expected
    if change.startswith("draft"):
        assert draft in opened.drafts  # a draft changed since it was last seen whole is opened
        assert len(opened.drafts) == 1 and opened.records == []
    if change == "draft edited":
        assert any("gia-lai-3-ldld" in line and "có sửa tay" in line for line in expected)
    if change in ("draft emptied", "draft truncated"):
        assert not any("gia-lai-3-ldld" in line and "bản thảo mới nhất" in line for line in expected)
    if change in ("issued", "record rewritten"):
        assert any("Kế hoạch số 12/KH-LĐLĐ ngày 03/11/2026" in line and "đã ban hành" in line for line in expected)
    if change == "record rewritten":
        assert any("12/KH-LĐLĐ" in line and "bản thảo mới nhất" in line for line in expected)
        assert opened.records == []  # read once, by its verdict, which keeps its document
    if change.startswith("documents"):
        assert not load_index(out, documents=True).drafts.documents  # not used: read from the records
    if change in ("index missing", "documents missing", "documents of another index"):
        assert not load_index(out).loaded  # a build then judges from the records and writes both again
        build(ws, jobs=1)
        assert load_index(out, documents=True).drafts.documents


def test_a_file_changed_with_the_same_size_and_mtime_is_caught(ws):
    """Rewritten in place with as many bytes and its old mtime put back: its ctime (and signature) still tell."""
    build(ws, jobs=1)
    base = ws.root / "profiles" / "co-so" / "dang.yaml"
    text = base.read_text(encoding="utf-8")
    before = os.stat(base)
    changed = text.replace('dau_noi_nhan: ","', 'dau_noi_nhan: ";"', 1)
    assert changed != text and len(changed.encode()) == len(text.encode())
    base.write_text(changed, encoding="utf-8")
    os.utime(base, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(base).st_size == before.st_size and os.stat(base).st_mtime_ns == before.st_mtime_ns
    expected = without_index(ws)
    assert with_index(ws) == expected
    assert any(status != UNCHANGED for status, _ in expected.values())


def test_the_index_columns_never_trust_a_signature_taken_too_soon_after_a_change(tmp_path, monkeypatch):
    """As Known.trusted, for the columns a loaded index keeps (Files): git's racily clean entries."""
    monkeypatch.setattr(index_module, "RACY_NS", 2_000_000_000)  # as shipped
    path = tmp_path / "a.yaml"
    path.write_text("x: 1\n", encoding="utf-8")
    sig = signature(path)
    assert sig is not None
    changed_ns = max(sig[1], sig[3])
    wrong = "0" * 64  # what the index would say if the file had changed in the same instant
    key = str(path)

    def files(sig: tuple[int, int, int, int], taken: int) -> Files:
        return Files([key], list(sig), [wrong], [taken])

    assert trusted_digest(files(sig, changed_ns + index_module.RACY_NS // 2), key, sig) is None  # hashed again
    assert trusted_digest(files(sig, changed_ns + 2 * index_module.RACY_NS), key, sig) == wrong  # not read at all
    other = (sig[0], sig[1], sig[2] + 1, sig[3])  # another file (inode) with the same size and times
    assert trusted_digest(files(other, changed_ns + 2 * index_module.RACY_NS), key, sig) is None
    assert trusted_digest(files(sig, changed_ns + 2 * index_module.RACY_NS), key, None) is None  # gone


def test_a_build_right_after_its_inputs_changed_rehashes_them_and_gives_the_records_verdicts(ws, monkeypatch):
    """Every signature within the racy window (a window larger than any file's age): every input is hashed again, and
    the verdicts are still the records' ones; a change of content with it is caught."""
    build(ws, jobs=1)
    monkeypatch.setattr(index_module, "RACY_NS", 10**18)
    reads = Reads(monkeypatch)
    assert {s for s, _ in outcome(build(ws, jobs=1)).values()} == {UNCHANGED}
    assert reads.hashed  # nothing trusted
    parent = ws.root / "van-ban" / "21-ct-tw.yaml"
    parent.write_text(parent.read_text(encoding="utf-8").replace("04/5/2023", "05/5/2023"), encoding="utf-8")
    expected = without_index(ws)
    assert with_index(ws) == expected and any(s != UNCHANGED for s, _ in expected.values())


def test_an_edited_index_with_its_old_checksum_is_not_trusted(ws):
    """The signature of a changed parent put into the index by hand: the checksum no longer holds."""
    build(ws, jobs=1)
    index = ws.out_dir / ".kehoach" / FILE
    head, _, body = index.read_bytes().partition(b"\n")
    parent = ws.root / "van-ban" / "21-ct-tw.yaml"
    parent.write_text(parent.read_text(encoding="utf-8").replace("04/5/2023", "05/5/2023"), encoding="utf-8")
    data = json.loads(body)
    row = next(i for i, p in enumerate(data["tep"]) if p.endswith("21-ct-tw.yaml"))
    data["chu_ky"][4 * row:4 * row + 4] = list(signature(parent) or ())
    index.write_bytes(head + b"\n" + json.dumps(data, separators=(",", ":")).encode())
    assert not load_index(ws.out_dir).loaded
    report = outcome(build(ws, jobs=1))
    assert report["gia-lai-1-tinh-uy"][0] == REGENERATED


def test_a_draft_emptied_after_the_build_is_a_failure_not_unchanged(ws):
    build(ws, jobs=1)
    (ws.out_dir / "gia-lai-5-ubnd-tinh.docx").write_bytes(b"PK\x03\x04 truncated")
    status, detail = outcome(build(ws, jobs=1))["gia-lai-5-ubnd-tinh"]
    assert status == FAILED and "không còn là tệp .docx đọc được" in detail


def test_a_copied_workspace_gives_the_same_tree(ws, tmp_path, monkeypatch):
    build(ws, jobs=1)
    lines = tree_of(ws)
    copy = tmp_path / "ban-sao"
    shutil.copytree(ws.root, copy, symlinks=True)
    past = time.time() - 30
    for path in copy.rglob("*"):
        if path.is_file():
            os.utime(path, (past, past))
    moved = Workspace.open(copy)
    assert cascade.tree(moved) == [line.replace(str(ws.root), str(copy)) for line in lines]
    assert {s for s, _ in outcome(build(moved, jobs=1)).values()} == {UNCHANGED}
    opened = Opened(monkeypatch)
    assert cascade.tree(Workspace.open(copy)) == cascade.tree(moved)
    assert opened.records == []


def test_an_index_without_the_signature_of_an_input_is_completed_by_the_next_build(ws, monkeypatch):
    """A valid index that does not hold an input (it could not be hashed when written) is written again with it, so
    the builds after do not hash it again."""
    from kehoach.workspace.indexfile import save as save_index

    build(ws, jobs=1)
    index = load_index(ws.out_dir, documents=True)
    plan = os.path.abspath(ws.plans_dir / "gia-lai-1-tinh-uy.yaml")
    files = {key: index.files[key] for key in index.files if key != plan}
    drafts = {key: index.drafts.entry(row) for key, row in index.drafts.ids.items()}
    assert len(files) == len(index.files) - 1
    save_index(ws.out_dir, files, drafts)
    assert plan not in load_index(ws.out_dir).files
    assert {s for s, _ in outcome(build(ws, jobs=1)).values()} == {UNCHANGED}
    assert plan in load_index(ws.out_dir).files
    reads = Reads(monkeypatch)
    assert {s for s, _ in outcome(build(ws, jobs=1)).values()} == {UNCHANGED}
    assert reads.hashed == [] and reads.records == []
