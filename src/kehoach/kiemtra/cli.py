"""The `kiemtra` command: a thin shell over check_path and, for many files, batch.check_many.

Exit 0 = no finding, 1 = findings, 2 = unusable input; for many files, the code of the worst file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NoReturn

import click

from kehoach.errors import InputError, KehoachError, Problem, explain
from kehoach.kiemtra import RULE_MODULES, check_path, format_text, to_json
from kehoach.kiemtra.batch import Checked, Summary, check_many, gather
from kehoach.kiemtra.catalog import SYSTEMS
from kehoach.kiemtra.report import to_dict
from kehoach.kiemtra.rulebook import format_rulebook, rulebook_json

EXIT_CLEAN, EXIT_FINDINGS = 0, 1


@click.command("kiemtra")
@click.argument("files", nargs=-1, metavar="TỆP...", type=click.Path(path_type=Path, dir_okay=True, exists=False))
@click.option("--he-thong", "system", type=click.Choice(SYSTEMS), default=None,
              help="Hệ thống thể thức: nha_nuoc (NĐ 30/2020), dang (HD 36-HD/VPTW), cong_doan (QĐ 933/QĐ-TLĐ), "
                   "doan (Đoàn TNCS Hồ Chí Minh), hoi (Mặt trận, hội quần chúng). Mặc định: tự nhận diện từ văn bản.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cho chương trình khác đọc).")
@click.option("--chuyen-doi", "convert", is_flag=True,
              help="Tệp .doc, .odt, .rtf: chuyển sang .docx bằng LibreOffice (trong thư mục tạm) rồi kiểm tra.")
@click.option("--ca-tep", "whole", is_flag=True,
              help="Kiểm tra cả tệp, kể cả các dòng của trang web quanh văn bản (mặc định chỉ kiểm tra phần văn bản).")
@click.option("--quy-tac", "rulebook", is_flag=True,
              help="In danh sách các quy tắc được kiểm tra (nội dung, mức độ, nguồn) thay vì kiểm tra một tệp; "
                   "dùng với --he-thong để chỉ in cách viết của một hệ thống.")
@click.option("--tom-tat", "brief", is_flag=True,
              help="Nhiều tệp: mỗi tệp một dòng (số lỗi, cảnh báo) thay vì cả bản kiểm tra, rồi dòng tổng kết.")
@click.option("-j", "--luong", "jobs", type=click.IntRange(1, 64),
              help="Số tiến trình kiểm tra song song khi có nhiều tệp (mặc định: số nhân CPU).")
def kiemtra(files: tuple[Path, ...], system: str | None, as_json: bool, convert: bool, whole: bool, rulebook: bool,
            brief: bool, jobs: int | None) -> None:
    """Kiểm tra thể thức văn bản TỆP (.docx hoặc .txt) theo quy định của hệ thống và giải thích từng phát hiện.

    Nhiều tệp, hoặc một thư mục (mọi tệp .docx, .txt trong đó): kiểm tra lần lượt từng tệp rồi in dòng tổng kết.
    Mã thoát: 0 khi không có phát hiện nào, 1 khi có lỗi hoặc cảnh báo, 2 khi không đọc được tệp; với nhiều tệp là
    mã của tệp tệ nhất.
    Tệp .txt chỉ được kiểm tra các quy tắc về chữ (số, ký hiệu, ngày tháng, đánh số, trích dẫn, nơi nhận);
    định dạng (phông, cỡ chữ, lề, đường kẻ) chỉ kiểm tra được trên tệp .docx.
    """
    if rulebook:
        click.echo(rulebook_json(RULE_MODULES) if as_json else format_rulebook(RULE_MODULES, system), nl=not as_json)
        return
    if not files:
        raise click.UsageError("thiếu TỆP cần kiểm tra (hoặc dùng --quy-tac để xem các quy tắc).")
    if len(files) > 1 or files[0].is_dir():
        _many(files, system, as_json, convert, whole, brief, jobs)
    file = files[0]
    try:
        report = check_path(file, system, convert=convert, whole=whole)
    except KehoachError as exc:
        _fail(exc)
    if as_json:
        click.echo(to_json(report))
    else:
        colour = sys.stdout.isatty()
        click.echo(format_text(report, color=colour), nl=False)
    sys.exit(EXIT_FINDINGS if report.findings else EXIT_CLEAN)


def _fail(exc: KehoachError) -> NoReturn:
    _code, lines = explain(exc) or (exc.exit_code, [str(exc)])
    for line in lines:
        click.echo(line, err=True)
    sys.exit(exc.exit_code)


def _many(paths: tuple[Path, ...], system: str | None, as_json: bool, convert: bool, whole: bool, brief: bool,
          jobs: int | None) -> NoReturn:
    files, left_out = gather(paths, convert)
    if not files:
        hint = " (có tệp .doc, .odt, .rtf: thêm --chuyen-doi để kiểm tra chúng)" if left_out else ""
        _fail(InputError([Problem(", ".join(str(p) for p in paths),
                                  f"không có tệp .docx hay .txt nào để kiểm tra{hint}")]))
    summary = Summary(left_out=left_out)
    reports: list[dict[str, object]] = []
    unreadable: list[dict[str, object]] = []
    colour = sys.stdout.isatty()
    for checked in check_many(files, system, convert=convert, whole=whole, jobs=jobs):
        summary.add(checked)
        if as_json:
            if checked.report is not None:
                reports.append(to_dict(checked.report))
            else:
                unreadable.append({"file": str(checked.path), "problems": [str(p) for p in checked.problems]})
        elif brief:
            click.echo(_brief(checked))
        elif checked.report is not None:
            click.echo(format_text(checked.report, color=colour))
        else:
            click.echo(f"Kiểm tra thể thức: {checked.path}\n" + "\n".join(f"Không đọc được: {p}" for p in
                                                                              checked.problems) + "\n")
    if as_json:
        click.echo(json.dumps({"summary": _summary_dict(summary), "reports": reports, "unreadable": unreadable,
                               "left_out": [str(p) for p in left_out]}, ensure_ascii=False, indent=2))
    else:
        for line in _summary_lines(summary):
            click.echo(line)
    sys.exit(summary.exit_code)


def _brief(checked: Checked) -> str:
    if checked.report is None:
        return f"{checked.path}: không đọc được: " + "; ".join(p.message for p in checked.problems)
    report = checked.report
    if not report.findings:
        return f"{checked.path}: không có phát hiện nào"
    return f"{checked.path}: {len(report.errors)} lỗi, {len(report.warnings)} cảnh báo"


def _summary_lines(summary: Summary) -> list[str]:
    lines = [f"Tổng kết: đã kiểm tra {summary.files} tệp: {summary.clean} tệp không có phát hiện nào, "
             f"{summary.with_findings} tệp có lỗi hoặc cảnh báo ({summary.errors} lỗi, {summary.warnings} cảnh báo), "
             f"{summary.unreadable} tệp không đọc được."]
    if summary.left_out:
        shown = ", ".join(str(p) for p in summary.left_out[:5]) + (" …" if len(summary.left_out) > 5 else "")
        lines.append(f"Không kiểm tra {len(summary.left_out)} tệp .doc, .odt, .rtf ({shown}): thêm --chuyen-doi để "
                     "chuyển sang .docx rồi kiểm tra.")
    return lines


def _summary_dict(summary: Summary) -> dict[str, object]:
    return {"files": summary.files, "clean": summary.clean, "with_findings": summary.with_findings,
            "unreadable": summary.unreadable, "errors": summary.errors, "warnings": summary.warnings,
            "left_out": len(summary.left_out), "exit_code": summary.exit_code}
