"""`kehoach kiemtra` over many files and folders: one process, a summary, JSON for all, the exit code of the worst."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from kiemtra_docs import state_spec

from kehoach.kiemtra import check_path, to_json
from kehoach.kiemtra.batch import Summary, check_many, gather
from kehoach.kiemtra.cli import kiemtra

SEED_000 = "000_965ccc07f17a42d3.txt"  # 1 error, 3 warnings (test_report_cli)
SEED_002 = "002_24f0aacb16f28d3b.txt"


@pytest.fixture
def folder(tmp_path: Path, make_docx, seeds: Path) -> Path:
    """A clean .docx, two texts with findings, a damaged .docx, a .doc; and what a folder walk must not take."""
    root = tmp_path / "ho-so"
    (root / "con").mkdir(parents=True)
    shutil.copyfile(make_docx(state_spec()), root / "a-sach.docx")
    shutil.copyfile(seeds / SEED_000, root / "b-000.txt")
    shutil.copyfile(seeds / SEED_002, root / "con" / "c-002.txt")
    (root / "d-hong.docx").write_bytes(b"PK\x03\x04 not a zip")
    (root / "e-cu.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    (root / ".kehoach").mkdir()
    (root / ".kehoach" / "an.docx").write_bytes(b"hidden: never read")
    (root / "~$khoa.docx").write_bytes(b"Word's lock file")
    (root / "ghi-chu.yaml").write_text("not a document\n", encoding="utf-8")
    return root


def test_a_folder_gives_its_documents_in_name_order(folder):
    files, left_out = gather([folder])
    assert [p.relative_to(folder).as_posix() for p in files] == ["a-sach.docx", "b-000.txt", "con/c-002.txt",
                                                                 "d-hong.docx"]
    assert left_out == [folder / "e-cu.doc"]
    files, left_out = gather([folder], convert=True)
    assert folder / "e-cu.doc" in files and left_out == []


def test_each_file_as_if_checked_alone_and_the_worst_exit_code(folder, seeds):
    files, _ = gather([folder])
    results = list(check_many(files, jobs=1))
    assert [r.path for r in results] == files
    alone = check_path(folder / "b-000.txt")
    assert to_json(results[1].report) == to_json(alone)
    assert [r.exit_code for r in results] == [0, 1, 1, 2]
    assert results[3].report is None and "không phải tệp .docx" in results[3].problems[0].message
    summary = Summary.of(results)
    assert (summary.files, summary.clean, summary.with_findings, summary.unreadable) == (4, 1, 2, 1)
    assert summary.errors == len(alone.errors) + len(results[2].report.errors)
    assert summary.exit_code == 2
    assert Summary.of(results[:3]).exit_code == 1 and Summary.of(results[:1]).exit_code == 0


def test_a_pool_of_processes_gives_the_same_results_in_the_same_order(folder, seeds):
    for n in range(8):  # enough files for the pool
        shutil.copyfile(seeds / SEED_000, folder / f"z-{n}.txt")
    files, _ = gather([folder])
    serial = [(r.path, r.exit_code, to_json(r.report) if r.report else r.problems) for r in check_many(files, jobs=1)]
    pooled = [(r.path, r.exit_code, to_json(r.report) if r.report else r.problems) for r in check_many(files, jobs=2)]
    assert pooled == serial


def test_cli_folder_prints_every_report_then_the_summary(folder):
    result = CliRunner().invoke(kiemtra, [str(folder)])
    assert result.exit_code == 2
    out = result.output
    assert out.count("Kiểm tra thể thức: ") == 4
    assert f"Không đọc được: {folder / 'd-hong.docx'}: không phải tệp .docx" in out
    assert out.index("a-sach.docx") < out.index("b-000.txt") < out.index("c-002.txt") < out.index("d-hong.docx")
    lines = out.rstrip().splitlines()
    assert lines[-2].startswith("Tổng kết: đã kiểm tra 4 tệp: 1 tệp không có phát hiện nào, 2 tệp có lỗi hoặc cảnh "
                                "báo (")
    assert lines[-2].endswith(" cảnh báo), 1 tệp không đọc được.")
    assert lines[-1] == (f"Không kiểm tra 1 tệp .doc, .odt, .rtf ({folder / 'e-cu.doc'}): thêm --chuyen-doi để "
                         "chuyển sang .docx rồi kiểm tra.")


def test_cli_many_files_exit_with_the_worst(folder):
    runner = CliRunner()
    assert runner.invoke(kiemtra, [str(folder / "a-sach.docx"), str(folder / "b-000.txt")]).exit_code == 1
    assert runner.invoke(kiemtra, [str(folder / "a-sach.docx"), str(folder / "a-sach.docx")]).exit_code == 0
    missing = runner.invoke(kiemtra, [str(folder / "a-sach.docx"), str(folder / "khong-co.docx")])
    assert missing.exit_code == 2 and f"Không đọc được: {folder / 'khong-co.docx'}: không tìm thấy tệp." in missing.output


def test_cli_json_for_all(folder):
    result = CliRunner().invoke(kiemtra, [str(folder), "--json"])
    assert result.exit_code == 2
    data = json.loads(result.output)
    assert [r["file"] for r in data["reports"]] == [str(folder / n) for n in ("a-sach.docx", "b-000.txt",
                                                                              "con/c-002.txt")]
    assert data["reports"][1] == json.loads(to_json(check_path(folder / "b-000.txt")))
    assert data["unreadable"] == [{"file": str(folder / "d-hong.docx"), "problems": [
        f"{folder / 'd-hong.docx'}: không phải tệp .docx (Word) hoặc .txt đọc được."]}]
    assert data["left_out"] == [str(folder / "e-cu.doc")]
    summary = data["summary"]
    assert (summary["files"], summary["clean"], summary["with_findings"], summary["unreadable"],
            summary["exit_code"]) == (4, 1, 2, 1, 2)
    assert summary["errors"] == sum(r["errors"] for r in data["reports"])


def test_cli_brief_one_line_a_file(folder):
    result = CliRunner().invoke(kiemtra, [str(folder), "--tom-tat"])
    report = check_path(folder / "b-000.txt")
    lines = result.output.splitlines()
    assert lines[:4] == [
        f"{folder / 'a-sach.docx'}: không có phát hiện nào",
        f"{folder / 'b-000.txt'}: {len(report.errors)} lỗi, {len(report.warnings)} cảnh báo",
        lines[2],
        f"{folder / 'd-hong.docx'}: không đọc được: không phải tệp .docx (Word) hoặc .txt đọc được.",
    ]
    assert lines[2].startswith(f"{folder / 'con' / 'c-002.txt'}: ") and lines[4].startswith("Tổng kết:")


def test_cli_a_folder_with_nothing_to_check(tmp_path):
    (tmp_path / "cu.odt").write_bytes(b"PK")
    result = CliRunner().invoke(kiemtra, [str(tmp_path)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (f"Lỗi: {tmp_path}: không có tệp .docx hay .txt nào để kiểm tra (có tệp .doc, "
                                     ".odt, .rtf: thêm --chuyen-doi để kiểm tra chúng)")
