"""Checking many files in one go: a folder of drafts, or several files named on the command line.

    for checked in check_many([Path("ban-thao")]):   # every document below the folder, in name order
        checked.report or checked.problems            # a report, or why the file could not be read
    summary = Summary.of(results)                    # the counts, and the exit code of the worst file

A file that cannot be read is one result with its problems, never the end of the batch. Many files are checked by a
pool of processes (one per CPU unless told), each file on its own; the results come back in the order of the files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, KehoachError, Problem, explain, os_problem
from kehoach.inputs import once
from kehoach.kiemtra import check_path, lexicon, syllables
from kehoach.kiemtra.report import Report

# What a folder is searched for: what the reader opens as Word or text; with conversion also what LibreOffice opens.
READABLE = (".docx", ".docm", ".dotx", ".txt")
CONVERTIBLE = (".doc", ".odt", ".rtf")
_POOL_FROM = 8  # fewer files are checked in this process: starting workers costs about as much as a few files


@dataclass(frozen=True)
class Checked:
    path: Path
    report: Report | None = None
    problems: tuple[Problem, ...] = ()  # why it could not be read (then no report)
    failure: int = EXIT_INPUT  # the exit code of that reason (errors.explain: 3 for a fault of kehoach itself)

    @property
    def exit_code(self) -> int:
        if self.report is None:
            return self.failure
        return EXIT_FINDINGS if self.report.findings else EXIT_OK


@dataclass
class Summary:
    files: int = 0
    clean: int = 0
    with_findings: int = 0
    unreadable: int = 0
    worst: int = EXIT_OK
    errors: int = 0
    warnings: int = 0
    left_out: list[Path] = field(default_factory=list)  # files of a folder not checked (.doc … without conversion)

    @classmethod
    def of(cls, results: Iterable[Checked], left_out: Iterable[Path] = ()) -> Summary:
        summary = cls(left_out=list(left_out))
        for checked in results:
            summary.add(checked)
        return summary

    def add(self, checked: Checked) -> None:
        self.files += 1
        self.worst = max(self.worst, checked.exit_code)
        if checked.report is None:
            self.unreadable += 1
        elif checked.report.findings:
            self.with_findings += 1
            self.errors += len(checked.report.errors)
            self.warnings += len(checked.report.warnings)
        else:
            self.clean += 1

    @property
    def exit_code(self) -> int:
        """The code of the worst file: 2 (3 for a fault of kehoach) when one could not be read, else 1 when one has
        findings, else 0."""
        return self.worst


def gather(paths: Iterable[Path], convert: bool = False) -> tuple[list[Path], list[Path]]:
    """(files to check, files of folders left out): a file named is checked whatever it is (the reader says why it
    cannot be read); a folder gives every document below it, in name order, except hidden folders and files (the
    drafts' records in .kehoach/), Word's lock files (~$…) and, without `convert`, .doc/.odt/.rtf files."""
    wanted = READABLE + (CONVERTIBLE if convert else ())
    files: list[Path] = []
    left_out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found: list[str] = []
        for folder, subfolders, names in os.walk(path):
            subfolders[:] = [d for d in subfolders if not d.startswith(".")]
            for name in names:
                if name.startswith((".", "~$")):
                    continue
                suffix = os.path.splitext(name)[1].lower()
                if suffix in wanted:
                    found.append(os.path.join(folder, name))
                elif suffix in CONVERTIBLE:
                    left_out.append(Path(folder, name))
        files += [Path(p) for p in sorted(found)]
    return files, sorted(left_out)


def check_one(path: Path, system: str | None = None, convert: bool = False, whole: bool = False) -> Checked:
    """One file: its report, or the problems that kept it from being read (any failure, named in Vietnamese)."""
    try:
        return Checked(path, report=check_path(path, system, convert=convert, whole=whole))
    except KehoachError as exc:
        return Checked(path, problems=tuple(exc.problems), failure=exc.exit_code)
    except OSError as exc:
        return Checked(path, problems=(os_problem(exc, path, "không đọc được tệp"),))
    except Exception as exc:  # a file that breaks the reader is that file's problem, not the end of the batch
        code, lines = explain(exc) or (EXIT_INPUT, [str(exc)])
        return Checked(path, problems=(Problem(path, lines[0].removeprefix("Lỗi: ")),), failure=code)


def _check(task: tuple[Path, str | None, bool, bool]) -> Checked:
    return check_one(*task)


def _load_word_lists() -> None:
    """The syllable dictionary (hunspell-vi, 80 ms) and the term list's tables, which every check of a Word or text
    file reads."""
    syllables.known()
    lexicon.load()


def check_many(files: list[Path], system: str | None = None, convert: bool = False, whole: bool = False,
               jobs: int | None = None) -> Iterator[Checked]:
    """Each file's result, in the order of `files`; `jobs` processes (default: the number of CPUs)."""
    tasks = [(path, system, convert, whole) for path in files]
    workers = min(jobs or os.cpu_count() or 1, len(tasks))
    # A batch reads the profile of each draft's record: the drafts of a folder share a few, parsed once (once.py).
    if workers <= 1 or len(tasks) < _POOL_FROM:
        with once.reading_once():
            yield from map(_check, tasks)
        return
    _load_word_lists()  # before the workers are forked: each inherits them instead of reading them again
    with ProcessPoolExecutor(max_workers=workers, initializer=once.begin) as pool:
        yield from pool.map(_check, tasks, chunksize=max(1, min(16, len(tasks) // (workers * 4))))
