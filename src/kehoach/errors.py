"""One exception tree for every mistake a user can make.

The core raises these; only the CLI turns them into Vietnamese text on stderr and an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one input file, located as precisely as we can."""

    file: Path | str | None
    message: str
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = str(self.file) if self.file else ""
        if self.line:
            where += f", dòng {self.line}"
        if self.key:
            where += f", khóa '{self.key}'"
        return f"{where}: {self.message}" if where else self.message


class KehoachError(Exception):
    """Base of every error the user can cause; the CLI exits 2 on it."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(None, problems)]
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class InputError(KehoachError):
    """A profile, document or plan file is missing, malformed or inconsistent."""


class TemplateProblem(KehoachError):
    """A layout template cannot be read or refers to something the draft does not have."""


class WorkspaceLocked(KehoachError):
    """Another build holds the workspace."""
