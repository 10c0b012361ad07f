"""Regenerate exactly the drafts of a workspace whose inputs changed, merging hand edits instead of overwriting them.

Per draft, in this order, each file written atomically: a backup of the edited file, the new or merged draft, then
its record. Killed at any point, a draft is the old file or the new one, and the next build finishes the job.

One bad plan, one damaged record or draft, even a fault of kehoach itself, is one "lỗi" line: the other drafts are
built. The pool's workers die with the build (killed by the kernel when their parent dies, or by a watchdog).
"""

from __future__ import annotations

import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.docx.render import LoadedTemplate
from kehoach.errors import KehoachError, explain, os_problem
from kehoach.files import check_target
from kehoach.generate import generate_draft, new_library
from kehoach.inputs.documents import Library
from kehoach.inputs.recorded import record_path
from kehoach.workspace.folders import Workspace
from kehoach.workspace.keep import CONFLICT, CREATED, MERGED, NEEDS_PERSON, REGENERATED, UNTOUCHED, save
from kehoach.workspace.lock import BuildLock
from kehoach.workspace.record import RECORD_DIR
from kehoach.workspace.state import DELETED, FRESH, NEW, Hashes, draft_state

# Statuses, as the report prints them.
UNCHANGED, FAILED, SKIPPED = "không đổi", "lỗi", "bỏ qua"
__all__ = ["CONFLICT", "CREATED", "FAILED", "MERGED", "REGENERATED", "SKIPPED", "UNCHANGED", "UNTOUCHED", "Entry",
           "Report", "build"]


@dataclass(frozen=True)
class Entry:
    plan: Path
    output: Path
    status: str
    detail: str = ""


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
        """A draft holds conflicts, or could not be merged and was left as it is."""
        return any(e.status in NEEDS_PERSON for e in self.entries)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.needs_person


@dataclass(frozen=True)
class Job:
    plan: Path
    output: Path
    dry_run: bool


_POOL_FROM = 16
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
    ws.refresh()
    found = ws.scan()
    if not dry_run:
        ws.remember()
    hashes = Hashes(ws.digests())  # the plan files' hashes from the bytes scan read: not read a second time
    todo: list[Job] = []
    total = len(found)

    def done(entry: Entry) -> None:
        report.entries.append(entry)
        if progress is not None:
            progress(len(report.entries), total, entry)

    for item in found:
        if item.problems:
            done(Entry(item.file, item.output, FAILED, "; ".join(str(p) for p in item.problems)))
        elif item.note:
            done(Entry(item.file, item.output, SKIPPED, item.note))
        else:
            entry = _triage(Job(item.file, item.output, dry_run), hashes, recreate)
            if entry is None:
                todo.append(Job(item.file, item.output, dry_run))
            else:
                done(entry)
    # Starting workers costs about as much as a dozen drafts: a small build runs in this process.
    workers = 1 if len(todo) < _POOL_FROM else min(jobs or os.cpu_count() or 1, len(todo) // 8)
    for entry in _run(todo, ws, workers):
        done(entry)
    report.entries.sort(key=lambda e: str(e.plan))
    return report


def _left(places: tuple[str, ...]) -> str:
    return "\n".join([f"còn {len(places)} chỗ xung đột: giữ một trong hai bản ở mỗi chỗ, xóa các dòng đánh dấu",
                      *(f"- xung đột: {p}" for p in places)])


def _triage(job: Job, hashes: Hashes, recreate: bool) -> Entry | None:
    """The entry of a draft that needs no work (or cannot have any); None when it must be regenerated."""
    try:
        state = draft_state(job.output, hashes, check_edits=False)
        if state.status == DELETED and not recreate:
            return Entry(job.plan, job.output, SKIPPED, "bản thảo đã bị xóa; thêm --tao-lai để soạn lại")
        if state.status not in (DELETED, NEW):
            damaged = damaged_draft(job.output, "chạy lại kehoach xay-dung --tao-lai")
            if damaged:
                return Entry(job.plan, job.output, FAILED, damaged)
        if state.status == FRESH and state.conflicts:  # a person has to resolve them: say so on every build
            return Entry(job.plan, job.output, CONFLICT, _left(state.conflicts))
        return Entry(job.plan, job.output, UNCHANGED) if state.status == FRESH else None
    except Exception as exc:  # a damaged record, an unreadable folder: this draft only
        return Entry(job.plan, job.output, FAILED, _detail(exc))


def damaged_draft(output: Path, rerun: str) -> str:
    """Why a draft kehoach wrote can no longer be read (emptied, truncated, replaced by a folder), or "".

    Such a draft is never merged into nor "không đổi": a person decides (restore the edited copy, or delete it)."""
    try:
        fd = os.open(output, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            regular = stat.S_ISREG(os.fstat(fd).st_mode)  # a FIFO put in its place is not waited on
            head = os.read(fd, 4) if regular else b""
        finally:
            os.close(fd)
    except OSError as exc:
        return f"không đọc được bản thảo: {os_problem(exc).message}"
    if head != b"PK\x03\x04":
        return ("bản thảo trống hoặc không còn là tệp .docx; hãy khôi phục bản đã sửa (thư mục .kehoach/sao-luu/ "
                f"bên cạnh), hoặc xóa tệp rồi {rerun}")
    return ""


def _detail(exc: BaseException) -> str:
    if isinstance(exc, KehoachError):
        return "; ".join(str(p) for p in exc.problems)
    explained = explain(exc)
    return explained[1][0].removeprefix("Lỗi: ") if explained else repr(exc)


def _run(todo: list[Job], ws: Workspace, workers: int) -> Iterator[Entry]:
    if not todo:
        return
    if workers <= 1:
        _setup(ws.index())
        yield from map(_work, todo)
        return
    # Each worker loads templates, profiles and parents once; chunks keep the pool's overhead small.
    finished = 0
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=_setup, initargs=(ws.index(), os.getpid())) as pool:
            for entry in pool.map(_work, todo, chunksize=max(1, min(32, len(todo) // (workers * 8) or 1))):
                finished += 1
                yield entry
    except BrokenProcessPool:  # a worker was killed (out of memory): the drafts it had are listed, not lost silently
        for job in todo[finished:]:
            yield Entry(job.plan, job.output, FAILED, "tiến trình soạn bị dừng đột ngột (có thể do hết bộ nhớ); "
                                                      "hãy chạy lại kehoach xay-dung")


@dataclass
class _Caches:
    """What one process of a build reads once: templates, profiles' and parents' documents."""

    library: Library
    templates: dict[Path, LoadedTemplate] = field(default_factory=dict)


# Set by _setup in each worker (and in the main process for a serial build).
_caches: _Caches | None = None


def _setup(index: dict[str, Path], parent: int | None = None) -> None:
    global _caches
    if parent is not None:
        _die_with(parent)
    _caches = _Caches(new_library(index))


_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """A worker must not outlive its build (killed by the OOM killer, say): it would write on, unlocked, forever.

    Linux kills it when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere a thread checks the parent every second."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch, args=(parent,), daemon=True, name="kehoach-watchdog").start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _work(job: Job) -> Entry:
    try:
        return _regenerate(job)
    except Exception as exc:  # whatever goes wrong with one plan is that plan's "lỗi" line
        return Entry(job.plan, job.output, FAILED, _detail(exc))


def _regenerate(job: Job) -> Entry:
    if _caches is None:
        raise RuntimeError("_setup was not run in this process")
    if not job.dry_run:  # both targets writable before anything is written: never a draft without its record
        check_target(job.output)
        check_target(record_path(job.output))
    saved = save(generate_draft(job.plan, job.output, templates=_caches.templates, library=_caches.library), job.dry_run)
    return Entry(job.plan, job.output, saved.status, saved.detail)


def _clean_temporaries(out_dir: Path) -> None:
    """Half-written temporary files of a killed build (never a draft: drafts are replaced by rename)."""
    if not out_dir.is_dir():
        return
    for tmp in out_dir.rglob(".*.tmp"):
        if tmp.is_file():
            tmp.unlink(missing_ok=True)
