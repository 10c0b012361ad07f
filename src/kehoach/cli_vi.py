"""Click's own words in Vietnamese: help pages ("Cách dùng:", "Tùy chọn:", "[mặc định: …]", "[bắt buộc]") and the
usage errors click raises itself (a mistyped option, a missing value), so every word a user reads is Vietnamese.

Click writes these through gettext, which answers from the process's locale and .mo files; a secretary's machine has
no Vietnamese catalogue for click. So the words are replaced where click hands them over: the help formatter (usage
line, section headings, the option table before it is wrapped) and the exception, translated by its type and, for the
message text of a parameter type, by the patterns below. Imports nothing of kehoach: any face can use it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click

USAGE = "Cách dùng: "
OPTIONS_METAVAR = "[TÙY_CHỌN]"
HEADINGS = {"Options": "Tùy chọn", "Commands": "Lệnh", "Positional arguments": "Tham số", "Arguments": "Tham số"}
# Metavars click makes from a parameter's type.
METAVARS = {"INTEGER RANGE": "SỐ", "FLOAT RANGE": "SỐ", "TEXT": "CHỮ", "PATH": "ĐƯỜNG_DẪN", "INTEGER": "SỐ",
            "FLOAT": "SỐ", "FILENAME": "TỆP", "FILE": "TỆP", "DIRECTORY": "THƯ_MỤC", "BOOLEAN": "CÓ/KHÔNG",
            "UUID": "MÃ", "OPTIONS": "TÙY_CHỌN", "COMMAND": "LỆNH", "ARGS": "THAM_SỐ"}
_METAVAR = re.compile(r"\b(" + "|".join(re.escape(k) for k in METAVARS) + r")\b")
HELP_WORDS = {
    "Show this message and exit.": "Hiện hướng dẫn này và thoát.",
    "Show the version and exit.": "In phiên bản và thoát.",
}
_EXTRA = re.compile(r"\[([^\[\]]*)\]\s*$")
_EXTRA_WORDS = ((re.compile(r"^default: "), "mặc định: "), (re.compile(r"^required$"), "bắt buộc"),
                (re.compile(r"^env var: "), "biến môi trường: "))
_PATH_KINDS = {"file": "tệp", "directory": "thư mục", "path": "đường dẫn"}
_PATH_STATES = {"does not exist": "không tồn tại", "is a file": "là một tệp", "is a directory": "là một thư mục",
                "is not readable": "không đọc được", "is not writable": "không ghi được",
                "is not executable": "không chạy được"}
# Messages of click's parameter types and parser, as click 8.1–8.5 word them.
_MESSAGES: Sequence[tuple[re.Pattern[str], Any]] = (
    (re.compile(r"^(File|Directory|Path|file|directory|path) '(.*)' (" + "|".join(_PATH_STATES) + r")\.$"),
     lambda m: f"{_PATH_KINDS[m[1].lower()]} '{m[2]}' {_PATH_STATES[m[3]]}"),
    (re.compile(r"^(.*) is not in the range (.*)\.$"), lambda m: f"{m[1]} không nằm trong khoảng {m[2]}"),
    (re.compile(r"^'?(.*?)'? is not a valid (integer|float|integer range|float range)\.$"),
     lambda m: f"'{m[1]}' không phải là số"),
    (re.compile(r"^'?(.*?)'? is not one of (.*)\.$", re.S), lambda m: f"'{m[1]}' không phải giá trị được chọn (chọn một "
                                                                        f"trong: {m[2]})"),
    (re.compile(r"^'?(.*?)'? is not (.*)\.$", re.S), lambda m: f"'{m[1]}' không phải giá trị được chọn (chỉ được: {m[2]})"),
    (re.compile(r"^Got unexpected extra arguments? \((.*)\)$"), lambda m: f"thừa tham số: {m[1]}"),
    (re.compile(r"^Option '(.*)' requires an argument\.$"), lambda m: f"tùy chọn '{m[1]}' cần một giá trị"),
    (re.compile(r"^Option '(.*)' requires (\d+) arguments\.$"), lambda m: f"tùy chọn '{m[1]}' cần {m[2]} giá trị"),
    (re.compile(r"^Option '(.*)' does not take a value\.$"), lambda m: f"tùy chọn '{m[1]}' không nhận giá trị"),
    (re.compile(r"^Missing command\.$"), lambda m: "thiếu tên lệnh"),
    (re.compile(r"^No such command '(.*)'\.$"), lambda m: f"không có lệnh '{m[1]}'"),
    (re.compile(r"^No such option:? '?([^'.]*)'?\.?$"), lambda m: f"không có tùy chọn '{m[1]}'"),
)


def translate_message(text: str) -> str | None:
    """A click message in Vietnamese, or None when it is not one of the known ones."""
    for pattern, make in _MESSAGES:
        match = pattern.match(text.strip())
        if match:
            return str(make(match))
    return None


def _extra(help_text: str) -> str:
    """'… [default: ban-thao; required]' → '… [mặc định: ban-thao; bắt buộc]'."""
    text = HELP_WORDS.get(help_text.strip(), help_text)
    match = _EXTRA.search(text)
    if not match:
        return text
    items = []
    for item in match[1].split("; "):
        for pattern, words in _EXTRA_WORDS:
            item = pattern.sub(words, item)
        items.append(item)
    return text[: match.start()] + f"[{'; '.join(items)}]"


class VietnameseFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, _METAVAR.sub(lambda m: METAVARS[m[1]], args), USAGE if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(HEADINGS.get(name, name)):
            yield

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(_METAVAR.sub(lambda m: METAVARS[m[1]], term), _extra(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class VietnameseContext(click.Context):
    formatter_class = VietnameseFormatter


def vietnamese(command: click.Command) -> click.Command:
    """A command (also one defined elsewhere, with plain click) that speaks Vietnamese in its help and errors."""
    command.context_class = VietnameseContext
    if command.options_metavar == "[OPTIONS]":
        command.options_metavar = OPTIONS_METAVAR
    return command


def error_lines(exc: click.exceptions.ClickException) -> list[str]:
    """A usage error of click in Vietnamese: what is wrong, the usage line, where to find help."""
    ctx = getattr(exc, "ctx", None)
    param = getattr(exc, "param", None)
    hint = param.get_error_hint(ctx) if param is not None and ctx is not None else ""
    if isinstance(exc, click.exceptions.NoSuchOption):
        message = f"không có tùy chọn '{exc.option_name}'"
        if exc.possibilities:
            message += f"; có phải ý bạn là {' hoặc '.join(repr(p) for p in exc.possibilities)}?"
    elif isinstance(exc, click.exceptions.MissingParameter):
        what = "tham số" if isinstance(param, click.Argument) else "tùy chọn"
        message = f"thiếu {what} {hint}".rstrip()
    elif isinstance(exc, click.exceptions.BadParameter):
        detail = translate_message(exc.message)
        message = f"giá trị không hợp lệ cho {hint}" + (f": {detail}" if detail else "")
    else:
        name = getattr(exc, "command_name", None)
        detail = f"không có lệnh '{name}'" if name else translate_message(exc.message)
        message = detail or "lệnh hoặc tùy chọn viết không đúng"
    possibilities = getattr(exc, "possibilities", None)
    if getattr(exc, "command_name", None) and possibilities:
        message += f"; có phải ý bạn là {' hoặc '.join(repr(p) for p in possibilities)}?"
    lines = [f"Lỗi: {message}" + ("" if message.endswith(("?", ".")) else ".")]
    if ctx is not None:
        lines.append(ctx.get_usage())
        lines.append(f"Xem '{ctx.command_path} --help' để biết thêm.")
    return lines


class VietnameseGroup(click.Group):
    """A command group whose help, whose commands' help, and whose usage errors are Vietnamese."""

    context_class = VietnameseContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", "LỆNH [THAM_SỐ]...")
        super().__init__(*args, **kwargs)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(vietnamese(cmd), name)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.ClickException as exc:
            for line in error_lines(exc):
                click.echo(line, err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort as exc:
            click.echo("Đã dừng.", err=True)
            sys.exit(130 if isinstance(exc.__cause__, KeyboardInterrupt) else 1)
        # Without standalone mode click returns the exit code of an Exit (--help, --version) or the command's value.
        sys.exit(result if isinstance(result, int) else 0)
