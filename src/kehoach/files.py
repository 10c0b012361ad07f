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
import sys
from collections.abc import Callable
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


Signature = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns: what git's index compares


def signature(path: Path | str) -> Signature | None:
    """The signature of a regular file (None: missing, a folder, a device …): it changes whenever the file does."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    # _signature written out: a build with nothing to do takes 40,000 signatures at 10,000 plans.
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns) if stat.S_ISREG(info.st_mode) else None


def _signature(info: os.stat_result) -> Signature:
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)


def read_input(path: Path, limit: int, what: str = "tệp") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError naming the path otherwise.

    Never blocks: opened without waiting (a FIFO has no writer to wait for), and a FIFO, a device or a folder is
    refused before anything is read."""
    return read_input_signed(path, limit, what)[0]


def read_input_signed(path: Path, limit: int, what: str = "tệp",
                      sniff: Callable[[bytes], None] | None = None) -> tuple[bytes, Signature]:
    """read_input, with the signature of the file as it was opened (taken before its bytes were read).

    `sniff`, given the first 4 KB of a file bigger than `limit`, may raise its own InputError first (the YAML loader
    says a big PDF is a PDF, not a YAML file too big)."""
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
            if sniff is not None:
                sniff(os.read(fd, 4096))
            raise InputError([Problem(path, f"{what} quá lớn ({_mb(info.st_size)}; tối đa {_mb(limit)})")])
        data = read_to_end(fd, info.st_size, limit)
    except OSError as exc:
        raise InputError([os_problem(exc, path, f"không đọc được {what}")]) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise InputError([Problem(path, f"{what} quá lớn (hơn {_mb(limit)})")])
    return data, _signature(info)


def read_regular(path: Path | str, limit: int | None = None) -> bytes | None:
    """The bytes of a regular file (at most `limit`); None when it is missing, unreadable, not a regular file or
    longer than `limit`. Never blocks: a file kehoach keeps or hashes, replaced by a FIFO or a device, is "not there",
    not a hang. For files kehoach can do without (an index, a hash to compare); inputs use read_input_signed."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return None
            data = read_to_end(fd, info.st_size, sys.maxsize - 1 if limit is None else limit)
        finally:
            os.close(fd)
    except OSError:
        return None
    return data if limit is None or len(data) <= limit else None


def read_to_end(fd: int, size: int, limit: int) -> bytes:
    """The bytes of an open file to its end, at most `limit` + 1 (more tells the caller it is too big).

    Asked for by its size first (a read of `limit` bytes allocates them before reading: 4 MB for a plan of a few
    hundred bytes, the largest cost of reading one), then on to the end: a file may have grown since it was statted."""
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = os.read(fd, min(max(size + 1 - total, 1 << 16), limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _regular(path: Path, mode: int, what: str) -> None:
    if stat.S_ISDIR(mode):
        raise InputError([Problem(path, f"đây là một thư mục, không phải {what}")])
    if not stat.S_ISREG(mode):
        raise InputError([Problem(path, f"không phải tệp thường (thiết bị, ống dẫn hay socket): không đọc được {what}")])


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB".replace(".", ",")


def check_target(path: Path, folder_checked: bool = False) -> None:
    """Refuse, before anything is written, a target that cannot or must not be written; OutputError says why.

    `folder_checked`: its folder was found writable for the file before it (a batch writes 64 files in two folders)."""
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
    while not folder_checked:  # the nearest folder that exists must be a folder we may write in
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


def write_atomic(path: Path, data: bytes, mode: int | None = None, durable: bool = True) -> None:
    """Write beside the target, then rename: a reader sees the old file or the new one, never half.

    `mode`: the permission bits of a NEW file (a backup takes its draft's); an existing file keeps its own.
    `durable`: the bytes reach the disk before the rename (fsync), so a power cut too leaves the old file or the new
    one; False for what kehoach can make again (an index). Raises OutputError (naming the path) for a target that is
    not a regular file or cannot be written."""
    staged = _stage(path, data, mode)
    try:
        if durable:
            os.fsync(staged.fd)
        staged.close()
        os.replace(staged.tmp, path)
    except BaseException as exc:
        staged.discard()
        if isinstance(exc, OSError):
            raise write_refused(exc, path.parent, path) from None
        raise


class _Staged:
    """A file's new bytes written to a temporary file beside it, not yet renamed into place."""

    def __init__(self, path: Path, fd: int, tmp: Path):
        self.path, self.fd, self.tmp = path, fd, tmp

    def close(self) -> None:
        if self.fd >= 0:
            fd, self.fd = self.fd, -1
            os.close(fd)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.close()
        self.tmp.unlink(missing_ok=True)


def _stage(path: Path, data: bytes, mode: int | None, made: set[Path] | None = None) -> _Staged:
    """`made`: folders already checked and made for this batch (each once: a batch writes 64 files in two folders)."""
    known = made is not None and path.parent in made
    check_target(path, folder_checked=known)
    if not known:
        make_folder(path.parent, path)
        if made is not None:
            made.add(path.parent)
    try:
        try:
            old: os.stat_result | None = os.stat(path)
        except FileNotFoundError:
            old = None
        fd, tmp = _temporary(path)
    except OSError as exc:
        raise write_refused(exc, path.parent, path) from None
    staged = _Staged(path, fd, tmp)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if old is not None:
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
            if hasattr(os, "chown") and old.st_gid != os.fstat(fd).st_gid:
                with contextlib.suppress(OSError):  # only a member of the group may give a file to it
                    os.chown(tmp, -1, old.st_gid)
        elif mode is not None:
            os.chmod(tmp, mode)
    except BaseException as exc:
        staged.discard()
        if isinstance(exc, OSError):
            raise write_refused(exc, path.parent, path) from None
        raise
    return staged


class Batch:
    """Files written together, each atomically as write_atomic writes one, with fewer flushes to the disk.

    `add` writes each file's bytes beside it; `commit` makes them all durable at once (one flush of the file system
    where the system has one, syncfs on Linux; else each file's own), then renames each into place in the order
    added (a draft before its record), then flushes each folder once so the renames last. Killed or powered off
    before the renames, every target is its old file; after, its new one; never half (tests/test_build.py kills a
    build mid-write). On failure no temporary file is left and no target is touched that was not renamed already.
    """

    def __init__(self) -> None:
        self.staged: list[_Staged] = []
        self.made: set[Path] = set()

    def __len__(self) -> int:
        return len(self.staged)

    def check(self, path: Path) -> None:
        """check_target for a file this batch will add, its folder checked once per batch."""
        check_target(path, folder_checked=path.parent in self.made)

    def add(self, path: Path, data: bytes, mode: int | None = None) -> None:
        self.staged.append(_stage(path, data, mode, self.made))

    def commit(self) -> None:
        staged, self.staged = self.staged, []
        if not staged:
            return
        try:
            if len(staged) == 1 or not _sync_file_system(staged[0].fd):
                for item in staged:
                    os.fsync(item.fd)
            folders: dict[str, None] = {}
            for item in staged:
                item.close()
                os.replace(item.tmp, item.path)
                folders[os.path.dirname(item.path) or "."] = None
            for folder in folders:
                _sync_folder(folder)
        except BaseException as exc:
            for item in staged:
                item.discard()
            if isinstance(exc, OSError):
                raise write_refused(exc, staged[0].path.parent, staged[0].path) from None
            raise

    def discard(self, keep: int = 0) -> None:
        """Drop what was added, or all but the first `keep` files (one draft of a batch failed half-way)."""
        staged, self.staged = self.staged[keep:], self.staged[:keep]
        for item in staged:
            item.discard()


_syncfs: object = None  # libc's syncfs, looked up once (False: there is none)


def _sync_file_system(fd: int) -> bool:
    """Flush every file of the file system holding `fd` in one call (Linux syncfs); False where there is none."""
    global _syncfs
    if _syncfs is None:
        try:
            import ctypes

            _syncfs = ctypes.CDLL(None, use_errno=True).syncfs if sys.platform.startswith("linux") else False
        except (OSError, AttributeError):
            _syncfs = False
    return bool(_syncfs) and _syncfs(fd) == 0  # type: ignore[operator]


def _sync_folder(folder: str) -> None:
    """Make the renames in `folder` durable; not every system can open a folder (Windows): then the rename stands."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
