"""Regenerate exactly the drafts of a workspace whose inputs changed, merging hand edits instead of overwriting them.

Per draft, in this order, each file written atomically: a backup of the edited file, the new or merged draft, then
its record (drafts and records in batches, flushed to the disk once a batch: workers.py). Killed at any point, a
draft is the old file or the new one, and the next build finishes the job.

What is up to date is decided from the index beside the drafts (index.py) where it can be trusted, else from the
records, with the same verdicts: a build with nothing to do reads one file and looks at the others' signatures.

One bad plan, one damaged record or draft, even a fault of kehoach itself, is one "lỗi" line: the other drafts are
built. The pool's workers die with the build (killed by the kernel when their parent dies, or by a watchdog).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.errors import KehoachError
from kehoach.inputs.once import reading_once
from kehoach.workspace.folders import Found, Workspace
from kehoach.workspace.index import Known
from kehoach.workspace.keep import CONFLICT, CREATED, ISSUED, MERGED, NEEDS_PERSON, REGENERATED, UNCHANGED, UNTOUCHED
from kehoach.workspace.lock import BuildLock
from kehoach.workspace.record import RECORD_DIR
from kehoach.workspace.state import DELETED, FRESH, NEW, damaged_draft
from kehoach.workspace.verdicts import Verdicts
from kehoach.workspace.workers import Done, Job, detail, setup, work

# Statuses, as the report prints them.
FAILED, SKIPPED = "lỗi", "bỏ qua"
__all__ = ["CONFLICT", "CREATED", "FAILED", "ISSUED", "MERGED", "REGENERATED", "SKIPPED", "UNCHANGED", "UNTOUCHED",
           "Entry", "Report", "build", "damaged_draft"]


class Entry:
    """One line of the report: a plan, its draft, what the build did with it.

    `plan` and `output` are Paths made when first asked for (a national build reports 10,000 lines, most of them
    "không đổi", that nobody looks at one by one)."""

    __slots__ = ("_plan", "_output", "status", "detail")

    def __init__(self, plan: Path | str, output: Path | str, status: str, detail: str = ""):
        self._plan, self._output, self.status, self.detail = plan, output, status, detail

    @property
    def plan(self) -> Path:
        if not isinstance(self._plan, Path):
            self._plan = Path(self._plan)
        return self._plan

    @property
    def output(self) -> Path:
        if not isinstance(self._output, Path):
            self._output = Path(self._output)
        return self._output

    def _key(self) -> tuple[str, str, str, str]:
        return (os.fspath(self._plan), os.fspath(self._output), self.status, self.detail)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entry) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Entry(plan={self.plan!r}, output={self.output!r}, status={self.status!r}, detail={self.detail!r})"


@dataclass
class Report:
    entries: list[Entry] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)

    @property
    def failed(self) -> bool:
        return any(e.status == FAILED for e in self.entries)

    @property
    def needs_person(self) -> bool:
        """A draft holds conflicts, or could not be merged and was left as it is, or was issued and its inputs
        changed since (an office decides whether to issue a correction)."""
        return any(e.status in NEEDS_PERSON for e in self.entries)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.needs_person


_POOL_FROM = 16
_BATCH = 32  # drafts a worker writes with one flush to the disk
Progress = Callable[[int, int, Entry], None]


def build(ws: Workspace, dry_run: bool = False, jobs: int | None = None, recreate: bool = False,
          progress: Progress | None = None) -> Report:
    if dry_run:
        return _build(ws, dry_run, jobs, recreate, progress)
    with BuildLock(ws.out_dir / RECORD_DIR / "lock"):
        _clean_temporaries(ws.out_dir)
        return _build(ws, dry_run, jobs, recreate, progress)


def _build(ws: Workspace, dry_run: bool, jobs: int | None, recreate: bool, progress: Progress | None) -> Report:
    report = Report()
    verdicts = Verdicts(ws.out_dir)
    hashes = verdicts.hashes
    ws.refresh()
    found = ws.scan(known=hashes.index)
    if not dry_run:
        ws.remember()
    for item in found:  # the plan files' hashes from the bytes scan read (or knew): not read a second time
        if item.digest is not None:
            hashes.known[item.key] = item.digest
            if item.known is not None:
                hashes.seen[item.key] = item.known
    todo: list[Job] = []
    total = len(found)

    def done(entry: Entry) -> None:
        report.entries.append(entry)
        if progress is not None:
            progress(len(report.entries), total, entry)

    for item in found:
        if item.problems:
            done(Entry(item.file_text, item.output_text, FAILED, "; ".join(str(p) for p in item.problems)))
        elif item.note:
            done(Entry(item.file_text, item.output_text, SKIPPED, item.note))
        else:
            entry = _triage(item, verdicts, recreate)
            if entry is None:
                todo.append(Job(item.file, item.output, dry_run))
            else:
                done(entry)
    # Starting workers costs about as much as a dozen drafts: a small build runs in this process.
    workers = 1 if len(todo) < _POOL_FROM else min(jobs or os.cpu_count() or 1, len(todo) // 8)
    for result in _run(todo, ws, workers):
        if result.indexed is not None:
            verdicts.learn(result.job.output, result.indexed, {})
        for key, (sig, digest, taken) in result.read.items():
            hashes.seen.setdefault(key, Known(sig, digest, taken))
        done(Entry(result.job.plan, result.job.output, result.status, result.detail))
    if not dry_run:
        with contextlib.suppress(OSError, KehoachError):  # an index not written only makes the next build slower
            verdicts.save()
    report.entries.sort(key=lambda e: os.fspath(e._plan))  # scan's paths are as str(Path) gives them
    return report


def _left(places: tuple[str, ...]) -> str:
    return "\n".join([f"còn {len(places)} chỗ xung đột: giữ một trong hai bản ở mỗi chỗ, xóa các dòng đánh dấu",
                      *(f"- xung đột: {p}" for p in places)])


def _triage(item: Found, verdicts: Verdicts, recreate: bool) -> Entry | None:
    """The entry of a draft that needs no work (or cannot have any); None when it must be regenerated."""
    plan, output, key = item.file_text, item.output_text, item.output_key
    try:
        state = verdicts.state(output, check_edits=False, key=key)
        if state.status == FRESH and not state.conflicts and key in verdicts.kept:  # the index's row holds: whole
            return Entry(plan, output, UNCHANGED)
        if state.status == DELETED and not recreate:
            return Entry(plan, output, SKIPPED, "bản thảo đã bị xóa; thêm --tao-lai để soạn lại")
        if state.status not in (DELETED, NEW) and not verdicts.whole(output, key):
            damaged = damaged_draft(item.output, "chạy lại kehoach xay-dung --tao-lai")
            if damaged:
                verdicts.forget(output, key)
                return Entry(plan, output, FAILED, damaged)
            verdicts.seen_whole(output, key)
        if state.status == FRESH and state.conflicts:  # a person has to resolve them: say so on every build
            return Entry(plan, output, CONFLICT, _left(state.conflicts))
        return Entry(plan, output, UNCHANGED) if state.status == FRESH else None
    except Exception as exc:  # a damaged record, an unreadable folder: this draft only
        verdicts.forget(output, key)
        return Entry(plan, output, FAILED, detail(exc))


def _run(todo: list[Job], ws: Workspace, workers: int) -> Iterator[Done]:
    if not todo:
        return
    size = max(1, min(_BATCH, len(todo) // (workers * 4) or 1))
    batches = [todo[i:i + size] for i in range(0, len(todo), size)]
    if workers <= 1:
        with reading_once():
            setup(ws.index(), ws.out_dir)
            for batch in batches:
                yield from work(batch)
        return
    # Each worker loads templates, profiles and parents once, and writes a batch of drafts with one flush.
    finished = 0
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=setup, initargs=(ws.index(), ws.out_dir, os.getpid())) as pool:
            for results in pool.map(work, batches):
                for result in results:
                    finished += 1
                    yield result
    except BrokenProcessPool:  # a worker was killed (out of memory): the drafts it had are listed, not lost silently
        for job in todo[finished:]:
            yield Done(job, FAILED, "tiến trình soạn bị dừng đột ngột (có thể do hết bộ nhớ); hãy chạy lại kehoach "
                                    "xay-dung")


def _clean_temporaries(out_dir: Path | str) -> None:
    """Half-written temporary files of a killed build (never a draft: drafts are replaced by rename).

    os.scandir, not os.walk: a national drafts folder has 20,000 files, and only their names are looked at (the kind
    of each entry comes with the listing); links to folders are not followed."""
    try:
        entries = list(os.scandir(out_dir))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        try:
            if name.startswith(".") and name.endswith(".tmp"):
                if entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                _clean_temporaries(entry.path)
        except OSError:
            continue
