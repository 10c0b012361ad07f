"""Regenerate exactly the drafts of a workspace whose inputs changed, merging hand edits instead of overwriting them.

Per draft, in this order, each file written atomically: a backup of the edited file, the new or merged draft, then
its record. Killed at any point, a draft is the old file or the new one, and the next build finishes the job.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.docx.render import LoadedTemplate
from kehoach.errors import KehoachError
from kehoach.generate import generate_draft, new_library
from kehoach.inputs.documents import Library
from kehoach.workspace.folders import Workspace
from kehoach.workspace.keep import CONFLICT, CREATED, MERGED, NEEDS_PERSON, REGENERATED, UNTOUCHED, save
from kehoach.workspace.lock import BuildLock
from kehoach.workspace.record import RECORD_DIR
from kehoach.workspace.state import DELETED, FRESH, Hashes, draft_state

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
    hashes = Hashes()
    todo: list[Job] = []
    plans = ws.plans()
    total = len(plans)

    def done(entry: Entry) -> None:
        report.entries.append(entry)
        if progress is not None:
            progress(len(report.entries), total, entry)

    for plan in plans:
        output = ws.output_of(plan)
        state = draft_state(output, hashes, check_edits=False)
        if state.status == FRESH and state.conflicts:  # a person has to resolve them: say so on every build
            done(Entry(plan, output, CONFLICT, _left(state.conflicts)))
        elif state.status == FRESH:
            done(Entry(plan, output, UNCHANGED))
        elif state.status == DELETED and not recreate:
            done(Entry(plan, output, SKIPPED, "bản thảo đã bị xóa; thêm --tao-lai để soạn lại"))
        else:
            todo.append(Job(plan, output, dry_run))
    # Starting workers costs about as much as a dozen drafts: a small build runs in this process.
    workers = 1 if len(todo) < _POOL_FROM else min(jobs or os.cpu_count() or 1, len(todo) // 8)
    for entry in _run(todo, ws, workers):
        done(entry)
    report.entries.sort(key=lambda e: str(e.plan))
    return report


def _left(places: tuple[str, ...]) -> str:
    return "\n".join([f"còn {len(places)} chỗ xung đột: giữ một trong hai bản ở mỗi chỗ, xóa các dòng đánh dấu",
                      *(f"- xung đột: {p}" for p in places)])


def _run(todo: list[Job], ws: Workspace, workers: int) -> Iterator[Entry]:
    if not todo:
        return
    if workers <= 1:
        _setup(ws.index())
        yield from map(_work, todo)
        return
    # Each worker loads templates, profiles and parents once; chunks keep the pool's overhead small.
    with ProcessPoolExecutor(max_workers=workers, initializer=_setup, initargs=(ws.index(),)) as pool:
        yield from pool.map(_work, todo, chunksize=max(1, min(32, len(todo) // (workers * 8) or 1)))


@dataclass
class _Caches:
    """What one process of a build reads once: templates, profiles' and parents' documents."""

    library: Library
    templates: dict[Path, LoadedTemplate] = field(default_factory=dict)


# Set by _setup in each worker (and in the main process for a serial build).
_caches: _Caches | None = None


def _setup(index: dict[str, Path]) -> None:
    global _caches
    _caches = _Caches(new_library(index))


def _work(job: Job) -> Entry:
    try:
        return _regenerate(job)
    except KehoachError as exc:
        return Entry(job.plan, job.output, FAILED, "; ".join(str(p) for p in exc.problems))
    except OSError as exc:
        return Entry(job.plan, job.output, FAILED, f"lỗi ghi tệp: {exc}")


def _regenerate(job: Job) -> Entry:
    if _caches is None:
        raise RuntimeError("_setup was not run in this process")
    saved = save(generate_draft(job.plan, job.output, templates=_caches.templates, library=_caches.library), job.dry_run)
    return Entry(job.plan, job.output, saved.status, saved.detail)


def _clean_temporaries(out_dir: Path) -> None:
    """Half-written temporary files of a killed build (never a draft: drafts are replaced by rename)."""
    if not out_dir.is_dir():
        return
    for tmp in out_dir.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)
