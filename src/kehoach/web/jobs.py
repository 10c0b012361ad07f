"""Long work (a build, a preview) in background threads, so a request returns at once and the page polls.

Each job has an unguessable id, a progress counter and, when it ends, a result or the Vietnamese problems of the
KehoachError that stopped it. Only the last few jobs are kept: a job is something to look at now, not a history.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kehoach.errors import KehoachError

log = logging.getLogger("kehoach.web")

RUNNING, DONE, FAILED = "dang_chay", "xong", "loi"
Progress = Callable[[int, int], None]


@dataclass
class Job:
    id: str
    kind: str  # "soan-lai", "xem-truoc"
    state: str = RUNNING
    done: int = 0
    total: int = 0
    step: str = ""  # what is happening now, in Vietnamese
    result: Any = None
    problems: list[str] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)  # what the page needs to link back (a plan's name …)

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else (100 if self.state != RUNNING else 0)


class Jobs:
    """Two jobs run side by side (a preview need not wait for a long build to start), in daemon threads: Ctrl+C stops
    the page at once, and a build stopped halfway is safe (every file is written whole; the next build finishes)."""

    def __init__(self, workers: int = 2, keep: int = 50, shown: Callable[[str], str] = str):
        """`shown` turns a problem into the text the page shows (the workspace's paths made relative)."""
        self._slots = threading.BoundedSemaphore(workers)
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._keep = keep
        self._shown = shown

    def submit(self, kind: str, work: Callable[[Job], Any], **info: str) -> Job:
        job = Job(secrets.token_hex(8), kind, info=dict(info))
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > self._keep:
                self._jobs.popitem(last=False)
        threading.Thread(target=self._run, args=(job, work), name=f"kehoach-viec-{kind}", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _run(self, job: Job, work: Callable[[Job], Any]) -> None:
        with self._slots:
            self._work(job, work)

    def _work(self, job: Job, work: Callable[[Job], Any]) -> None:
        try:
            job.result = work(job)
            job.state = DONE
        except KehoachError as exc:
            job.problems = [self._shown(str(p)) for p in exc.problems]
            job.state = FAILED
        except Exception as exc:  # a bug: the page says so plainly, the console gets where (never the data)
            log_bug(f"việc {job.kind}", exc)
            job.problems = [BUG_MESSAGE]
            job.state = FAILED


BUG_MESSAGE = "Lỗi chương trình (không phải lỗi của bạn). Chi tiết kỹ thuật đã ghi ở cửa sổ dòng lệnh."


class _Scrubbed(Exception):
    pass


def log_bug(where: str, exc: BaseException) -> None:
    """Log where a bug happened, frames only: an exception's message may quote a person's name or a file's text."""
    scrubbed = _Scrubbed(f"{type(exc).__name__} (nội dung lỗi không ghi vào nhật ký)")
    log.error("%s: lỗi chương trình", where, exc_info=(_Scrubbed, scrubbed, exc.__traceback__))
