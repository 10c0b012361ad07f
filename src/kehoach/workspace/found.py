"""One .yaml file found under the plans folder (Workspace.scan): a plan and its draft, or why it is not built."""

from __future__ import annotations

import os
from pathlib import Path

from kehoach.errors import InputError, Problem
from kehoach.inputs.yamlfile import read_yaml
from kehoach.workspace.index import Known


class Found:
    """One .yaml file under the plans folder: a plan and its draft, or why it is not built.

    `file` and `output` are Paths made when first asked for: a build with nothing to do never needs the 20,000 of a
    national workspace (it works on `key` and `output_key`)."""

    __slots__ = ("_file", "_output", "problems", "note", "output_line", "digest", "tep_ra", "known", "key",
                 "output_key", "folder")

    def __init__(self, file: Path | str, output: Path | str, problems: tuple[Problem, ...] = (), note: str = "",
                 output_line: int | None = None, digest: str | None = None, tep_ra: str | None = None,
                 known: Known | None = None, key: str = "", output_key: str = ""):
        self._file = file
        self.folder: Path | None = None  # the Path of the file's folder, shared by its neighbours (scan sets it)
        self._output = output  # the draft it writes (for a file that is not a plan: the draft its name would give)
        self.problems = problems  # why it cannot be built (listed as "lỗi")
        self.note = note  # a document among the plans: listed, not built
        self.output_line = output_line  # the line of its tep_ra
        self.digest = digest  # sha256 of the bytes that were read (a build's record compares it: no second read)
        self.tep_ra = tep_ra  # the plan's tep_ra, None when it names its draft after its file
        self.known = known  # the file's signature with that sha256 when newly taken, for the build's index
        self.key = key  # the plan file's absolute path, and its draft's: made once (looked up 10,000 times)
        self.output_key = output_key

    @property
    def file(self) -> Path:
        if not isinstance(self._file, Path):  # a child of a Path made once: half the cost of parsing it whole
            self._file = (self.folder / os.path.basename(self._file) if self.folder is not None
                          else Path(self._file))
        return self._file

    @property
    def output(self) -> Path:
        if not isinstance(self._output, Path):
            self._output = Path(self._output)
        return self._output

    @property
    def file_text(self) -> str:
        return os.fspath(self._file)

    @property
    def output_text(self) -> str:
        return os.fspath(self._output)

    @property
    def is_plan(self) -> bool:
        return not self.problems and not self.note

    def __repr__(self) -> str:
        return f"Found({self.file_text!r}, {self.output_text!r}, problems={self.problems!r}, note={self.note!r})"


def refuse_shared_outputs(found: list[Found]) -> list[Found]:
    """Two plans writing one draft would overwrite each other, and its record would name only one: both refused."""
    # Compared as Windows and macOS compare names: "Chung.docx" and "chung.docx" are one file there.
    names = [os.path.normcase(item.output_text).casefold() for item in found if item.is_plan]
    if len(set(names)) == len(names):  # as always but for a mistake: no grouping of 10,000 plans
        return found
    by_output: dict[str, list[Found]] = {}
    for item in found:
        if item.is_plan:
            by_output.setdefault(os.path.normcase(item.output_text).casefold(), []).append(item)
    shared = {id(item): group for group in by_output.values() if len(group) > 1 for item in group}
    out = []
    for item in found:
        group = shared.get(id(item))
        if group is None:
            out.append(item)
            continue
        others = ", ".join(str(other.file) for other in group if other is not item)
        message = (f"bản thảo {item.output} cũng là đầu ra của {others}: hai kế hoạch không được ghi vào cùng một "
                   "tệp; hãy đặt 'tep_ra' khác nhau")
        if item.tep_ra is None:  # named after the plan file: there is no tep_ra line to point at
            problem = Problem(item.file, message)
        else:
            problem = Problem(item.file, message, item.output_line or _line_of_tep_ra(item.file), "tep_ra", ("tep_ra",))
        out.append(Found(item.file, item.output, (problem,), key=item.key, output_key=item.output_key))
    return out


def _line_of_tep_ra(file: Path) -> int | None:
    try:
        return read_yaml(file, strict=False).line(("tep_ra",))
    except InputError:
        return None
