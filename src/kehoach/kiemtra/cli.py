"""The `kiemtra` command: a thin shell over check_path. Exit 0 = no finding, 1 = findings, 2 = unusable input."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kehoach.errors import KehoachError, explain
from kehoach.kiemtra import RULE_MODULES, check_path, format_text, to_json
from kehoach.kiemtra.catalog import SYSTEMS
from kehoach.kiemtra.rulebook import format_rulebook, rulebook_json

EXIT_CLEAN, EXIT_FINDINGS = 0, 1


@click.command("kiemtra")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True, exists=False), required=False)
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
def kiemtra(file: Path | None, system: str | None, as_json: bool, convert: bool, whole: bool, rulebook: bool) -> None:
    """Kiểm tra thể thức văn bản TỆP (.docx hoặc .txt) theo quy định của hệ thống và giải thích từng phát hiện.

    Mã thoát: 0 khi không có phát hiện nào, 1 khi có lỗi hoặc cảnh báo, 2 khi không đọc được tệp.
    Tệp .txt chỉ được kiểm tra các quy tắc về chữ (số, ký hiệu, ngày tháng, đánh số, trích dẫn, nơi nhận);
    định dạng (phông, cỡ chữ, lề, đường kẻ) chỉ kiểm tra được trên tệp .docx.
    """
    if rulebook:
        click.echo(rulebook_json(RULE_MODULES) if as_json else format_rulebook(RULE_MODULES, system), nl=not as_json)
        return
    if file is None:
        raise click.UsageError("thiếu TỆP cần kiểm tra (hoặc dùng --quy-tac để xem các quy tắc).")
    try:
        report = check_path(file, system, convert=convert, whole=whole)
    except KehoachError as exc:
        _code, lines = explain(exc) or (exc.exit_code, [str(exc)])
        for line in lines:
            click.echo(line, err=True)
        sys.exit(exc.exit_code)
    if as_json:
        click.echo(to_json(report))
    else:
        colour = sys.stdout.isatty()
        click.echo(format_text(report, color=colour), nl=False)
    sys.exit(EXIT_FINDINGS if report.findings else EXIT_CLEAN)
