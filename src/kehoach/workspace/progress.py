"""Progress of a long build on stderr: a live counter on a terminal, a line every tenth otherwise (logs, CI)."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any


class Ticker:
    def __init__(self, stream: Any = None):
        self.stream = stream or sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self.started = time.monotonic()
        self.last_step = -1
        self.shown = False

    def tick(self, done: int, total: int, _entry: object = None) -> None:
        if total < 20:
            return  # a handful of drafts needs no progress bar
        if self.live:
            rate = done / max(time.monotonic() - self.started, 1e-6)
            self.stream.write(f"\r  {done}/{total} bản thảo ({rate:.0f}/giây)")
            self.stream.flush()
            self.shown = True
        elif done * 10 // total != self.last_step:
            self.last_step = done * 10 // total
            self.stream.write(f"  {done}/{total} bản thảo\n")

    def __enter__(self) -> Ticker:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self.shown:
            self.stream.write("\n")
