"""Helpers for the tests of hostile input (issue 16): run a command, then check it failed as a secretary needs.

A refusal is: the exit code of the README's table, the exact message on stderr, no traceback, nothing written
outside the drafts folder, no draft without its record or record without its draft.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner, Result

from kehoach.cli import main
from kehoach.workspace.folders import MEMO

from .examples import copy_examples

ROOT = Path(__file__).resolve().parents[1]
GOOD = """\
co_quan: lai-chau/ldld-lai-chau
loai: ke_hoach
so: 470
ngay: 23/8/2023
thuc_hien: [349-kh-tld]
"""


def workspace(root: Path, plans: dict[str, str] | None = None, examples: bool = False) -> Path:
    """A workspace: the example documents (and, with `examples`, the example plans) and these plans."""
    if examples:
        copy_examples(root)
    else:
        copy_examples(root / "van-ban", "van-ban")
        (root / "ke-hoach").mkdir(parents=True)
    for name, text in (plans or {}).items():
        (root / "ke-hoach" / name).write_text(text, encoding="utf-8")
    return root


def invoke(*args: str | Path, cwd: Path | None = None) -> Result:
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args])
    finally:
        os.chdir(old)


def no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output and "Traceback" not in result.stderr


def refused(result: Result, *fragments: str, code: int = 2) -> str:
    """Exit `code`, every fragment on stderr, no traceback; returns stderr."""
    no_traceback(result)
    assert result.exit_code == code, (result.exit_code, result.output)
    for fragment in fragments:
        assert fragment in result.stderr, f"{fragment!r} not in {result.stderr!r}"
    return result.stderr


def files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file() or p.is_symlink()}


def whole_outputs(out: Path) -> None:
    """Every draft has its record and every record its draft: nothing half written, no temporary left."""
    drafts = {p.relative_to(out).with_suffix("") for p in out.rglob("*.docx") if ".kehoach" not in p.parts}
    records = {(p.parent.parent / p.stem).relative_to(out) for p in out.rglob(".kehoach/*.json") if p.name != MEMO}
    assert drafts == records, (drafts, records)
    assert not list(out.rglob("*.tmp"))


class Hang(BaseException):
    """Not an Exception: no handler of kehoach may turn it into a message."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail instead of hanging: the code under test must finish within `seconds` (a hang is the bug, not slowness)."""

    def expire(_signum: int, _frame: object) -> None:
        raise Hang(f"did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
