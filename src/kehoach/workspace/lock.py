"""One build at a time per workspace: a lock file created atomically, naming the process that holds it."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from types import TracebackType

from kehoach.errors import OutputError, Problem, WorkspaceLocked, os_problem
from kehoach.files import check_target, make_folder, write_refused

_PID_MAX = 1 << 22  # Linux's largest process id (4,194,304); anything else in a lock file is garbage


def _alive(pid: int) -> bool:
    if not 0 < pid <= _PID_MAX:  # 0 or -1 would ask about a whole group or every process
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


class BuildLock:
    def __init__(self, path: Path):
        self.path = path
        self.held = False

    def __enter__(self) -> BuildLock:
        check_target(self.path)  # a folder of the path that is a file, a read-only folder, a lock that is a folder
        make_folder(self.path.parent, self.path)
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                check_target(self.path)  # it became a folder meanwhile
                holder = self._holder()
                if holder is not None and (holder[0] is None or _alive(holder[0])):
                    pid, started = holder
                    raise WorkspaceLocked([Problem(self.path.parent.parent, (
                        f"một lần soạn lại khác đang chạy trên thư mục này (tiến trình {pid}, bắt đầu lúc {started}); "
                        f"hãy chờ nó xong. Nếu chắc chắn không còn chạy, xóa tệp {self.path}"))]) from None
                # The process that held it died (killed, power cut): the lock is stale.
                try:
                    self.path.unlink(missing_ok=True)
                except OSError as exc:
                    raise OutputError([os_problem(exc, self.path, "không xóa được khóa cũ")]) from None
                continue
            except OSError as exc:
                raise write_refused(exc, self.path.parent, self.path) from None
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"pid": os.getpid(), "bat_dau": time.strftime("%H:%M:%S %d/%m/%Y")}, handle)
            self.held = True
            return self
        raise WorkspaceLocked([Problem(self.path, "không lấy được khóa thư mục làm việc")])

    def _holder(self) -> tuple[int | None, str] | None:
        """(pid, start time) of the build holding the lock; pid None while another build is still writing it."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return int(raw["pid"]), str(raw.get("bat_dau", "?"))
        except (OSError, ValueError, KeyError, TypeError):
            # Being written this very moment by another build, or garbage: treat a fresh file as held.
            try:
                age = time.time() - self.path.stat().st_mtime
            except OSError:
                return None
            return (None, "vừa xong") if age < 5 else None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False
