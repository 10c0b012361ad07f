"""Reading inputs and writing outputs safely: the one rule for what kehoach opens and where it may write.

Reading: only regular files, bounded in size, opened so that a FIFO or a device never blocks (a `mau:` or a
`kiemtra` argument may be /dev/zero or a named pipe). Writing: beside the target, then rename, so a reader sees the
old file or the new one, never half; an existing target that is not a regular file (a device, a folder) is refused,
since the rename would replace it. Every OS failure becomes a Vietnamese message naming the path.

Permissions: a new file gets the mode the user's umask gives any new file (0644 under umask 022, 0664 under 002:
colleagues sharing an office folder keep reading it); a replaced file keeps its mode, and its group when the user
may set it (mkstemp's 0600 took colleagues' access away).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from kehoach.errors import InputError, OutputError, Problem, os_problem

# A file name (one path component) is at most 255 bytes on the usual file systems; the temporary file written beside
# a target adds ".<name>.<8 random>.tmp", and a backup "<stem>.<date-time>-<n>.docx".
NAME_MAX = 255
_TEMP_EXTRA = len("..12345678.tmp")
NAME_LIMIT = NAME_MAX - _TEMP_EXTRA - len(".20240101-000000-99")  # what a name kehoach chooses may use, in bytes
_WINDOWS = set('<>:"|?*')  # a draft folder is often shared with Windows machines, where these cannot be in a name

MB = 1024 * 1024


def check_name(name: str) -> str | None:
    """Why `name` cannot be an output file name (a plan's `tep_ra`), or None when it can.

    A name only: no folder part, no "..", nothing hidden, nothing Windows refuses, short enough to be written with
    its temporary file, record and backups beside it."""
    if not name.strip():
        return "tên tệp trống"
    if "/" in name or "\\" in name or name in (".", ".."):
        return "chỉ ghi tên tệp, không ghi thư mục hay đường dẫn (bản thảo luôn nằm trong thư mục bản thảo)"
    if name.startswith("."):
        return "tên tệp không được bắt đầu bằng dấu chấm (tệp ẩn)"
    bad = sorted({c for c in name if c in _WINDOWS or ord(c) < 32 or ord(c) == 127})
    if bad:
        shown = " ".join(repr(c) for c in bad)
        return f"tên tệp có ký tự không dùng được trong tên tệp ({shown})"
    size = len(name.encode("utf-8", "surrogatepass"))
    if size > NAME_LIMIT:
        return f"tên tệp quá dài ({size} byte; tối đa {NAME_LIMIT})"
    return None


def read_input(path: Path, limit: int, what: str = "tệp") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError naming the path otherwise.

    Never blocks: opened without waiting (a FIFO has no writer to wait for), and a FIFO, a device or a folder is
    refused before anything is read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError([Problem(path, "không tìm thấy tệp")]) from None
    except OSError as exc:
        raise InputError([os_problem(exc, path, f"không đọc được {what}")]) from None
    try:
        info = os.fstat(fd)
        _regular(path, info.st_mode, what)
        if info.st_size > limit:
            raise InputError([Problem(path, f"{what} quá lớn ({_mb(info.st_size)}; tối đa {_mb(limit)})")])
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError([os_problem(exc, path, f"không đọc được {what}")]) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise InputError([Problem(path, f"{what} quá lớn (hơn {_mb(limit)})")])
    return data


def _regular(path: Path, mode: int, what: str) -> None:
    if stat.S_ISDIR(mode):
        raise InputError([Problem(path, f"đây là một thư mục, không phải {what}")])
    if not stat.S_ISREG(mode):
        raise InputError([Problem(path, f"không phải tệp thường (thiết bị, ống dẫn hay socket): không đọc được {what}")])


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB".replace(".", ",")


def check_target(path: Path) -> None:
    """Refuse, before anything is written, a target that cannot or must not be written; OutputError says why."""
    name = path.name
    if not name or name in (".", ".."):
        raise OutputError([Problem(path, "cần tên một tệp, không phải một thư mục")])
    size = len(os.fsencode(name))
    if size > NAME_MAX - _TEMP_EXTRA:
        raise OutputError([Problem(path, f"tên tệp quá dài ({size} byte; tối đa {NAME_MAX - _TEMP_EXTRA})")])
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):  # not there, or a folder above it is a file (found below)
        info = None
    except OSError as exc:
        raise OutputError([os_problem(exc, path, "không ghi được")]) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError([Problem(path, "đây là một thư mục, không ghi đè bằng một tệp được")])
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
            # Renaming over a device or a pipe would replace it: /dev/full must stay a device.
            raise OutputError([Problem(path, "không phải tệp thường (thiết bị, ống dẫn hay socket): không ghi đè")])
    folder = path.parent
    while True:  # the nearest folder that exists must be a folder we may write in
        try:
            info = os.stat(folder)
        except (FileNotFoundError, NotADirectoryError):
            if folder.parent == folder:
                break
            folder = folder.parent
            continue
        except OSError as exc:
            raise OutputError([os_problem(exc, folder, "không ghi được vào thư mục")]) from None
        if not stat.S_ISDIR(info.st_mode):
            raise OutputError([Problem(folder, f"là một tệp, không phải thư mục: không ghi được {path}")])
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError([Problem(folder, f"thư mục không cho ghi: không ghi được {path}")])
        break


def make_folder(folder: Path, target: Path | None = None) -> None:
    """mkdir -p, with OutputError naming the folder that refused (and the file it was for)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_refused(exc, folder, target or folder) from None


def write_refused(exc: OSError, folder: Path, path: Path) -> OutputError:
    """The error for an OS refusal to write `path` in `folder`."""
    if exc.errno in (errno.EACCES, errno.EPERM):  # the same words whether a check or the OS found it
        while not folder.exists() and folder.parent != folder:
            folder = folder.parent
        return OutputError([Problem(folder, f"thư mục không cho ghi: không ghi được {path}")])
    return OutputError([os_problem(exc, path, "không ghi được")])


def _temporary(path: Path) -> tuple[int, Path]:
    """An exclusive new file beside `path`, created 0666 so the kernel applies the umask (mkstemp gives 0600)."""
    while True:
        tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), tmp
        except FileExistsError:
            continue


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write beside the target, then rename: a reader sees the old file or the new one, never half.

    `mode`: the permission bits of a NEW file (a backup takes its draft's); an existing file keeps its own.
    Raises OutputError (naming the path) for a target that is not a regular file or cannot be written."""
    check_target(path)
    make_folder(path.parent, path)
    try:
        try:
            old: os.stat_result | None = os.stat(path)
        except FileNotFoundError:
            old = None
        fd, tmp = _temporary(path)
    except OSError as exc:
        raise write_refused(exc, path.parent, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if old is not None:
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
            if hasattr(os, "chown") and old.st_gid != os.stat(tmp).st_gid:
                with contextlib.suppress(OSError):  # only a member of the group may give a file to it
                    os.chown(tmp, -1, old.st_gid)
        elif mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise write_refused(exc, path.parent, path) from None
        raise
