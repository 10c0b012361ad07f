"""The build's work on drafts, in the build's worker processes (or in the build's own for a small build).

A worker composes and renders the drafts of one batch, adds each draft and its record to one `files.Batch`, then
commits it: one flush of the disk for the batch instead of two per draft, and each draft still old or new after a
crash. It reads each input once for the whole build (inputs/once.py) and tells the build, with each result, the
signatures of what it read and the index entry of what it wrote (index.py), so the next build need not read them.

A worker must not outlive its build (killed by the OOM killer, say): it would write on, unlocked, forever. Linux kills
it when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere a thread checks the parent every second.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kehoach.docx.render import LoadedTemplate
from kehoach.errors import KehoachError, explain
from kehoach.files import Batch, Signature, signature
from kehoach.generate import generate_draft
from kehoach.inputs import once
from kehoach.inputs.documents import Library
from kehoach.inputs.recorded import record_path, summary
from kehoach.workspace import passdown
from kehoach.workspace.index import Entry as IndexEntry
from kehoach.workspace.keep import Saved, save
from kehoach.workspace.record import conflicts_of, generated_sha
from kehoach.workspace.state import file_sha256, recorded_inputs

FAILED = "lỗi"


@dataclass(frozen=True)
class Job:
    plan: Path
    output: Path
    dry_run: bool


@dataclass(frozen=True)
class Done:
    """One draft's outcome, with what the build's index learns from it."""

    job: Job
    status: str
    detail: str = ""
    indexed: IndexEntry | None = None  # the entry of the draft written (None: nothing written)
    read: dict[str, tuple[Signature, str, int]] = field(default_factory=dict)  # inputs read (once.learnt)


@dataclass
class _Caches:
    """What one process of a build reads once: templates, profiles' and parents' documents."""

    library: Library
    templates: dict[Path, LoadedTemplate] = field(default_factory=dict)


# Set by setup in each worker (and in the main process for a serial build).
_caches: _Caches | None = None


def setup(index: dict[str, Path], out_dir: Path | None = None, parent: int | None = None) -> None:
    """Prepare this process for the drafts of one build (drafts in `out_dir`: an issued parent passes down the tasks
    of its issued draft there, passdown.py); in a worker (`parent` given), for the rest of its life."""
    global _caches
    if parent is not None:
        _die_with(parent)
        once.begin()
    _caches = _Caches(passdown.library(index, out_dir))


def work(jobs: list[Job]) -> list[Done]:
    """The drafts of one batch, in order; whatever goes wrong with one plan is that plan's "lỗi" line."""
    batch = Batch()
    results: list[Done | tuple[Job, Saved]] = []
    for job in jobs:
        before = len(batch)
        try:
            results.append((job, _regenerate(job, batch)))
        except Exception as exc:
            batch.discard(keep=before)  # a draft added without its record is not written
            results.append(Done(job, FAILED, detail(exc)))
    try:
        batch.commit()
    except Exception as exc:  # nothing of the batch is left half-written (files.Batch): every draft says why
        why = detail(exc)
        return [r if isinstance(r, Done) else Done(r[0], FAILED, why) for r in results]
    done = [r if isinstance(r, Done) else Done(r[0], r[1].status, r[1].detail,
                                               _entry(r[0], r[1].record, r[1].written) if r[1].record is not None else None)
            for r in results]
    if done:  # what was read for the whole batch travels with its first result
        done[0] = replace(done[0], read=once.learnt())
    return done


def _regenerate(job: Job, batch: Batch) -> Saved:
    if _caches is None:
        raise RuntimeError("setup was not run in this process")
    if not job.dry_run:  # both targets writable before anything is written: never a draft without its record
        batch.check(job.output)
        batch.check(record_path(job.output))
    rendered = generate_draft(job.plan, job.output, templates=_caches.templates, library=_caches.library)
    return save(rendered, job.dry_run, batch)


def _entry(job: Job, record: dict[str, Any] | None, written: bool = True) -> IndexEntry | None:
    """The index entry of a draft and record just written (their signatures taken after the rename). A record
    written without its draft (an issued draft's, keep.save) says nothing of the draft: it is looked at again."""
    rsig, dsig = signature(record_path(job.output)), signature(job.output)
    if record is None or rsig is None or dsig is None:
        return None
    generated = generated_sha(record)
    if not written:
        return IndexEntry(rsig, None, recorded_inputs(job.output, record), bool(conflicts_of(record)), generated, None,
                          summary(record))
    # The signature is taken after the rename: a person saving the draft in between would leave an edited draft
    # under a signature indexed as "not edited" (cay would show it fresh). The bytes under it, read after it was
    # taken, must be those the record names; else the draft is looked at again next time, as an unwritten one is.
    if file_sha256(os.fspath(job.output)) != record.get("output_sha256"):
        return IndexEntry(rsig, None, recorded_inputs(job.output, record), bool(conflicts_of(record)), generated,
                          None, summary(record))
    return IndexEntry(rsig, dsig, recorded_inputs(job.output, record), bool(conflicts_of(record)), generated,
                      record.get("output_sha256") != generated, summary(record))


def detail(exc: BaseException) -> str:
    if isinstance(exc, KehoachError):
        return "; ".join(str(p) for p in exc.problems)
    explained = explain(exc)
    return explained[1][0].removeprefix("Lỗi: ") if explained else repr(exc)


_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
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
