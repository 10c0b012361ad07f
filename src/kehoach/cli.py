"""The command line: parses options, calls one library function, turns errors into Vietnamese messages."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kehoach import __version__
from kehoach.cli_vi import VietnameseGroup
from kehoach.errors import EXIT_FINDINGS, EXIT_NEEDS_PERSON, EXIT_OK, explain

F = TypeVar("F", bound=Callable[..., Any])
# Exit codes besides 0 (done) and 2 (a user mistake, KehoachError): 1 some draft failed, 3 a draft needs a person
# (conflicts to resolve, or edits that could not be merged and were left as they are). All in errors.py.
EXIT_FAILED = EXIT_FINDINGS


def _detail(detail: str, indent: str) -> str:
    """A report's detail: its first line as it is, each further line (a place) on its own indented line."""
    first, *rest = detail.split("\n")
    return first + "".join(f"\n{indent}{line}" for line in rest)


def reports_errors(func: F) -> F:
    """Whatever a command raises ends here: Vietnamese lines on stderr (errors.explain, the one translation), the exit
    code of the README's table, never a traceback. Click's own exits and usage errors pass through."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BaseException as exc:
            if isinstance(exc, BrokenPipeError) and _output_closed():
                sys.exit(EXIT_OK)  # `kehoach ho-so | head -1`: the reader has all it wanted; nothing went wrong
            explained = explain(exc)
            if explained is None:
                raise
            code, lines = explained
            for line in lines:
                click.echo(line, err=True)
            sys.exit(code)

    return wrapper  # type: ignore[return-value]


def _output_closed() -> bool:
    """Whether the broken pipe is our output (the program reading it stopped: `| head`). Then what is left to print,
    and the interpreter's last flush of it, goes to the null device, so nothing is said about it at exit."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError, io.UnsupportedOperation):  # not a file (a test's runner): only output breaks so
        return True
    try:
        import select

        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        if not any(events & (select.POLLERR | select.POLLHUP) for _fd, events in poller.poll(0)):
            return False  # our output is fine: the pipe that broke is another's, a fault to report
    except (AttributeError, OSError):  # no poll (Windows): a broken pipe there is the output's
        pass
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)
    return True


class _Commands(VietnameseGroup):
    """Every subcommand, also one added from another module (kiemtra), runs inside `reports_errors`; help pages and
    click's own usage errors are Vietnamese (cli_vi).

    A command defined in another module is loaded only when it is run or listed: `kehoach tao` starts without loading
    the checker (a cold start is most of the time of one draft)."""

    def invoke(self, ctx: click.Context) -> Any:
        return reports_errors(super().invoke)(ctx)

    listing = False  # while `kehoach --help` lists the commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *ELSEWHERE})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self.listing = False

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in ELSEWHERE and cmd_name not in self.commands:
            if self.listing:  # its line in the list needs its words, not the checker
                return click.Command(cmd_name, help=ELSEWHERE[cmd_name])
            from kehoach.kiemtra.cli import kiemtra

            self.add_command(kiemtra)
        return super().get_command(ctx, cmd_name)


# Commands defined in another module, loaded only to run them (or show their own help), with the words `kehoach
# --help` lists them with: the first paragraph of their help (tests/test_cold_start.py checks it is theirs).
ELSEWHERE = {"kiemtra": "Kiểm tra thể thức văn bản TỆP (.docx hoặc .txt) theo quy định của hệ thống và giải thích "
                        "từng phát hiện."}


@click.group("kehoach", cls=_Commands, help="kehoach: soạn bản thảo Kế hoạch, Hướng dẫn, Công văn triển khai văn bản cấp trên.")
@click.version_option(__version__, "--version", message="kehoach %(version)s", help="In phiên bản và thoát.")
@click.help_option("-h", "--help", help="Hiện hướng dẫn và thoát.")
def main() -> None:
    pass


@main.command("tao", help="Soạn một bản thảo .docx từ tệp kế hoạch (YAML), hoặc từ --ho-so và --van-ban.")
@click.argument("ke_hoach", required=False, type=click.Path(path_type=Path))
@click.option("--ho-so", "profile", help="Hồ sơ cơ quan ban hành (tên hoặc đường dẫn .yaml).")
@click.option("--van-ban", "parents", multiple=True,
              help="Văn bản cấp trên được triển khai (lặp lại được): tên tệp trong van-ban/, hoặc chính tệp văn bản "
                   "(.pdf, .docx, ảnh, .txt), được nhập vào van-ban/ trước khi soạn. Ảnh chụp các trang của một "
                   "văn bản: ghi --van-ban cho từng trang, theo thứ tự.")
@click.option("--loai", type=click.Choice(["ke_hoach", "huong_dan", "cong_van"]), help="Loại văn bản cần soạn.")
@click.option("--so", "number", help="Số văn bản (bỏ trống để văn thư điền khi ban hành).")
@click.option("--ngay", "when", help="Ngày ban hành, ví dụ 23/8/2023 (hoặc 'tháng 8 năm 2023').")
@click.option("--nguoi-ky", "signer", help="Mã người ký trong hồ sơ.")
@click.option("-o", "--ra", "output", type=click.Path(path_type=Path), help="Tệp .docx đầu ra.")
@click.option("--thu-muc", "out_dir", type=click.Path(path_type=Path), default=Path("ban-thao"),
              show_default=True, help="Thư mục đầu ra khi không ghi --ra.")
@click.option("--soan-lai-ban-hanh", "redo_issued", is_flag=True,
              help="Soạn lại cả bản thảo đã ban hành (để ban hành văn bản đính chính); mặc định bản đã ban hành giữ nguyên.")
@reports_errors
def create(ke_hoach: Path | None, profile: str | None, parents: tuple[str, ...], loai: str | None,
           number: str | None, when: str | None, signer: str | None, output: Path | None, out_dir: Path,
           redo_issued: bool) -> None:
    from kehoach.workspace.drafts import generate, generate_quick

    if ke_hoach is None and parents:
        from kehoach.nhap import parents_for_draft

        # A parent given as its file (.pdf, .docx, a scan, text) is imported into van-ban/ first.
        parents, lines = parents_for_draft(parents, Path("van-ban"))
        for line in lines:
            click.echo(line)
    if ke_hoach is not None:
        result = generate(ke_hoach, out_dir=out_dir, output=output, number=number, when=when, signer=signer,
                          redo_issued=redo_issued)
    else:
        result = generate_quick(profile, parents, loai, out_dir=out_dir, output=output, number=number,
                                when=when, signer=signer, redo_issued=redo_issued)
    head = "Chưa soạn lại" if result.untouched else "Đã soạn"
    click.echo(f"{head}: {result.output}" + (f": {_detail(result.note, '  ')}" if result.note else ""))
    if result.needs_person:
        sys.exit(EXIT_NEEDS_PERSON)


@main.command("tao-tat-ca", help="Soạn mọi kế hoạch trong một thư mục (mặc định examples/ke-hoach).")
@click.argument("thu_muc", type=click.Path(path_type=Path), default=Path("examples/ke-hoach"))
@click.option("--ra", "out_dir", type=click.Path(path_type=Path), default=Path("ban-thao"), show_default=True,
              help="Thư mục chứa các bản thảo.")
@reports_errors
def create_all(thu_muc: Path, out_dir: Path) -> None:
    from kehoach.workspace.drafts import generate_folder

    results = generate_folder(thu_muc, out_dir)
    for result in results:
        head = "Chưa soạn lại" if result.untouched else "Đã soạn"
        click.echo(f"{head}: {result.output}" + (f": {_detail(result.note, '  ')}" if result.note else ""))
    if any(r.needs_person for r in results):
        sys.exit(EXIT_NEEDS_PERSON)


@main.command("ho-so", help="Liệt kê các hồ sơ cơ quan có sẵn, hoặc kiểm tra một hồ sơ.")
@click.argument("ten", required=False)
@reports_errors
def profiles(ten: str | None) -> None:
    from kehoach.catalog import describe_profile, list_profiles

    if ten is None:
        for line in list_profiles():
            click.echo(line)
    else:
        click.echo(describe_profile(ten))


@main.command("trich-dan", help="In trích dẫn đầy đủ và dạng viết tắt của một văn bản.")
@click.argument("van_ban")
@click.option("--dau-phay/--khong-dau-phay", default=False, help="Đặt dấu phẩy trước 'ngày' (lối Đảng).")
@reports_errors
def cite(van_ban: str, dau_phay: bool) -> None:
    from kehoach.catalog import citation_of

    full, short = citation_of(van_ban, dau_phay)
    click.echo(full)
    click.echo(f"Viết tắt: {short}")


@main.command("ban-hanh", help="Ghi số và ngày ban hành vào một kế hoạch (tệp .yaml) hoặc một bản thảo (.docx) "
                               "để các văn bản cấp dưới trích dẫn đúng số đã ban hành.")
@click.argument("van_ban", type=click.Path(path_type=Path))
@click.option("--so", "number", required=True, help="Số văn bản do văn thư cấp, ví dụ 108.")
@click.option("--ngay", "when", required=True, help="Ngày ban hành, ví dụ 30/5/2024.")
@click.option("--truoc-cap-tren", "earlier", is_flag=True,
              help="Ghi cả khi ngày ban hành sớm hơn ngày của văn bản cấp trên (mặc định: từ chối).")
@reports_errors
def issue(van_ban: Path, number: str, when: str, earlier: bool) -> None:
    from kehoach.errors import InputError, Problem
    from kehoach.workspace.issuing import issue_draft, issue_plan

    if not van_ban.is_file():
        raise InputError([Problem(van_ban, "không có tệp này")])
    messages = (issue_draft(van_ban, number, when, earlier) if van_ban.suffix == ".docx"
                else [issue_plan(van_ban, number, when, earlier)])
    for message in messages:
        click.echo(message)
    click.echo("Các bản thảo cấp dưới sẽ trích dẫn số này khi soạn lại (kehoach xay-dung).")


@main.command("cay", help="In cây văn bản của một thư mục làm việc: văn bản nào thực hiện văn bản nào, đã ban hành "
                          "hay dự thảo, bản thảo nào cần soạn lại.")
@click.argument("thu_muc", type=click.Path(path_type=Path), default=Path("."))
@click.option("--ra", "out_dir", type=click.Path(path_type=Path), help="Thư mục bản thảo (mặc định THU_MUC/ban-thao).")
@reports_errors
def show_tree(thu_muc: Path, out_dir: Path | None) -> None:
    from kehoach.errors import InputError, Problem
    from kehoach.workspace.cascade import tree
    from kehoach.workspace.folders import Workspace

    problems: list[Problem] = []
    for line in tree(Workspace.open(thu_muc, out_dir), problems):
        click.echo(line)
    if problems:  # the tree of what could be read is printed; what could not is the error
        raise InputError(problems)


@main.command("xay-dung", help="Soạn lại đúng những bản thảo có đầu vào đã đổi trong một thư mục làm việc "
                                "(ke-hoach/, van-ban/, profiles/), giữ nguyên các chỗ đã sửa tay. Mã thoát: 0 xong, "
                                "1 có bản thảo lỗi, 3 có bản thảo cần người xử lý (còn chỗ xung đột, hoặc không hợp "
                                "nhất được nên giữ nguyên), 2 lỗi đầu vào.")
@click.argument("thu_muc", type=click.Path(path_type=Path), default=Path("."))
@click.option("--ra", "out_dir", type=click.Path(path_type=Path), help="Thư mục bản thảo (mặc định THU_MUC/ban-thao).")
@click.option("--thu", "dry_run", is_flag=True, help="Chỉ báo sẽ làm gì, không ghi gì.")
@click.option("--tao-lai", "recreate", is_flag=True, help="Soạn lại cả những bản thảo người dùng đã xóa.")
@click.option("-j", "--luong", "jobs", type=click.IntRange(1, 64), help="Số tiến trình (mặc định: số nhân CPU).")
@click.option("--tat-ca", "show_all", is_flag=True, help="Liệt kê từng bản thảo, cả những bản không đổi.")
@reports_errors
def rebuild(thu_muc: Path, out_dir: Path | None, dry_run: bool, recreate: bool, jobs: int | None, show_all: bool) -> None:
    from kehoach.workspace.build import CREATED, REGENERATED, UNCHANGED, build
    from kehoach.workspace.folders import Workspace
    from kehoach.workspace.progress import Ticker

    ws = Workspace.open(thu_muc, out_dir)
    with Ticker() as ticker:
        report = build(ws, dry_run=dry_run, jobs=jobs, recreate=recreate, progress=ticker.tick)
    # Every draft that needs a person (merged, conflict, failed, skipped) is listed; thousands of routine ones are not.
    routine = [e for e in report.entries if e.status in (CREATED, REGENERATED)]
    width = max([10] + [len(e.status) for e in report.entries])  # 'đã ban hành' is one wider than the rest
    for entry in report.entries:
        listed = entry.status not in (UNCHANGED, CREATED, REGENERATED) or (entry in routine and len(routine) <= 30)
        if listed or show_all:
            detail = f": {_detail(entry.detail, ' ' * (width + 4))}" if entry.detail else ""
            click.echo(f"{entry.status:>{width}}  {entry.output}{detail}")
    counts = {s: report.count(s) for s in dict.fromkeys(e.status for e in report.entries)}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items()) or "không có kế hoạch nào"
    click.echo(("Thử (không ghi gì): " if dry_run else "Xong: ") + summary)
    if report.failed:
        sys.exit(EXIT_FAILED)
    if report.needs_person:
        sys.exit(EXIT_NEEDS_PERSON)


@main.command("nhap", help="Nhập văn bản cấp trên (.docx, .pdf, bản quét hay ảnh, .txt) thành các tệp văn bản "
                            "trong van-ban/: số, ký hiệu, ngày, cơ quan, trích yếu, chuỗi văn bản nó thực hiện và "
                            "các nhiệm vụ, nơi và hạn báo cáo. Nhiều ảnh trong một lần nhập là ảnh chụp các trang "
                            "của MỘT văn bản, theo thứ tự đã ghi (kehoach nhap trang-1.jpg trang-2.jpg); trang nào "
                            "không đọc được thì được báo, các trang khác vẫn được đọc. Không ghi đè tệp nào.")
@click.argument("tep", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--ra", "folder", type=click.Path(path_type=Path), default=Path("van-ban"), show_default=True,
              help="Thư mục ghi các tệp văn bản.")
@click.option("--thu", "dry_run", is_flag=True, help="Chỉ cho xem kết quả, không ghi gì.")
@reports_errors
def import_parent(tep: tuple[Path, ...], folder: Path, dry_run: bool) -> None:
    from kehoach.nhap import describe, import_files, previews

    for imported, written in import_files(list(tep), folder, dry_run=dry_run):
        for line in describe(imported, written, dry_run):
            click.echo(line)
        if dry_run:
            for line in previews(imported, folder):
                click.echo(line)


@main.command("web", help="Mở trang soạn thảo trên trình duyệt của máy này, trên thư mục làm việc THU_MUC (mặc định "
                           "thư mục hiện tại; tạo profiles/, van-ban/, ke-hoach/, ban-thao/ nếu thiếu).")
@click.argument("thu_muc", type=click.Path(path_type=Path, file_okay=False), default=Path("."))
@click.option("--cong", "port", type=click.IntRange(0, 65535), default=8421, show_default=True, help="Cổng mạng.")
@click.option("--khong-mo", "no_browser", is_flag=True, help="Không tự mở trình duyệt.")
@click.option("--dia-chi", "host", default="127.0.0.1", show_default=True,
              help="Địa chỉ nghe. Mặc định chỉ máy này; địa chỉ khác cho máy khác trong mạng mở được trang.")
@reports_errors
def web(thu_muc: Path, port: int, no_browser: bool, host: str) -> None:
    from kehoach.web.server import is_local, serve
    from kehoach.web.site import prepare

    try:
        created = prepare(thu_muc)
    except OSError as exc:
        from kehoach.errors import InputError, Problem

        raise InputError([Problem(thu_muc, f"không tạo được thư mục làm việc ({exc.strerror})")]) from None
    for folder in created:
        click.echo(f"Đã tạo thư mục {folder}")
    if not is_local(host):
        click.echo(f"CẢNH BÁO: trang nghe trên địa chỉ {host}: máy khác trong mạng mở được trang và đọc, sửa mọi tệp "
                   "của thư mục làm việc. Chỉ dùng trong mạng tin cậy.", err=True)
    try:
        serve(thu_muc, click.echo, host=host, port=port, open_browser=not no_browser)
    except OSError as exc:
        from kehoach.errors import InputError, Problem

        raise InputError([Problem(f"{host}:{port}", f"không mở được cổng ({exc.strerror}); thử --cong khác")]) from None


if __name__ == "__main__":  # pragma: no cover
    main()
