"""One exception tree for every mistake a user can make, and the one place that turns any failure into words.

The core raises these; the faces (the CLI, `kiemtra`, the web page) call `explain` to turn whatever reached them,
including an OS error or a bug, into Vietnamese lines and an exit code (README, "Mã thoát"):

    0 done (also when the program reading the output stopped early: `| head`);
    1 done, with findings (kiemtra) or drafts that failed (xay-dung);
    2 the input, a file or the workspace is unusable (the message says which and why);
    3 a draft needs a person (conflicts to resolve, edits that could not be merged: tao, tao-tat-ca, xay-dung);
    70 a fault of kehoach itself (a bug, or memory exhausted; EX_SOFTWARE of sysexits.h); 130 stopped with Ctrl+C.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_NEEDS_PERSON, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 70, 130

KeyPath = tuple["str | int", ...]


def position(path: KeyPath) -> str:
    """A key path as a secretary reads it: ('thuc_hien', 0) → "mục thứ 1 của 'thuc_hien'",
    ('muc', 0, 'tieu_de') → "khóa 'tieu_de' trong mục thứ 1 của 'muc'"."""
    parts: list[str] = []
    items = list(path)
    i = len(items) - 1
    while i >= 0:
        item = items[i]
        if isinstance(item, int):
            owner = items[i - 1] if i > 0 and not isinstance(items[i - 1], int) else None
            parts.append(f"mục thứ {item + 1}" + (f" của '{owner}'" if owner is not None else ""))
            i -= 2 if owner is not None else 1
        else:
            parts.append(f"khóa '{item}'" if not parts else f"'{item}'")
            i -= 1
    if len(parts) > 4:  # a deeply nested place: the innermost levels say enough
        parts = parts[:4] + ["…"]
    return " trong ".join(parts)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one input file, located as precisely as we can.

    `key` is the dotted key path for programs (the web page puts the message beside its field: "thuc_hien.0");
    `path` the same path as a tuple, from which the message names the place in Vietnamese.
    """

    file: Path | str | None
    message: str
    line: int | None = None
    key: str | None = None
    path: KeyPath = ()

    def __str__(self) -> str:
        where = str(self.file) if self.file else ""
        if self.line:
            where += f", dòng {self.line}"
        place = position(self.path) if self.path else f"khóa '{self.key}'" if self.key else ""
        if place:
            where += f", {place}" if where else place
        return f"{where}: {self.message}" if where else self.message


class KehoachError(Exception):
    """Base of every error the user can cause; the CLI exits 2 on it."""

    exit_code = EXIT_INPUT

    def __init__(self, problems: list[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(None, problems)]
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class InputError(KehoachError):
    """A profile, document or plan file is missing, malformed or inconsistent."""


class TemplateProblem(KehoachError):
    """A layout template cannot be read or refers to something the draft does not have."""


class OutputError(KehoachError):
    """A draft, record or lock cannot be written where it was asked to go."""


class WorkspaceLocked(KehoachError):
    """Another build holds the workspace."""


# Why an OS call failed, as the person at the keyboard can act on it.
_ERRNO = {
    errno.ENOENT: "không có tệp hay thư mục này",
    errno.EACCES: "không có quyền đọc hoặc ghi ở đây",
    errno.EPERM: "không được phép thao tác trên tệp này",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết hạn mức dung lượng",
    errno.EROFS: "ổ đĩa chỉ cho đọc, không ghi được",
    errno.EEXIST: "đã có một tệp hay thư mục tên này",
    errno.ELOOP: "liên kết (symlink) trỏ vòng tròn",
    errno.EINVAL: "tên hoặc thao tác không hợp lệ",
    errno.EFBIG: "tệp quá lớn",
    errno.EIO: "lỗi đọc/ghi của thiết bị",
    errno.EBUSY: "tệp đang bị chương trình khác dùng",
    errno.ETXTBSY: "tệp đang bị chương trình khác dùng",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ENFILE: "mở quá nhiều tệp cùng lúc",
    errno.EXDEV: "không chuyển được tệp sang ổ đĩa khác",
    errno.ENXIO: "thiết bị không tồn tại",
    errno.ENOTEMPTY: "thư mục không rỗng",
    errno.EPIPE: "đường truyền dữ liệu đã bị đóng (chương trình nhận dữ liệu đã dừng)",
}


def os_problem(exc: OSError, path: Path | str | None = None, doing: str = "") -> Problem:
    """An OSError as a Problem naming the path: `doing` says what was being done ("ghi bản thảo")."""
    reason = _ERRNO.get(exc.errno or -1) or f"lỗi hệ thống ({exc.strerror or exc})"
    file = path if path is not None else exc.filename
    return Problem(file, f"{doing}: {reason}" if doing else reason)


def explain(exc: BaseException) -> tuple[int, list[str]] | None:
    """Any failure that reached a face → (exit code, lines to print on stderr); None for what is not a failure
    (SystemExit and the like, which the face lets through)."""
    if isinstance(exc, KehoachError):
        problems = exc.problems or [Problem(None, "lỗi không rõ")]
        code = exc.exit_code
    elif isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED, ["Đã dừng theo yêu cầu (Ctrl+C). Các tệp đã ghi vẫn nguyên vẹn."]
    elif isinstance(exc, OSError):
        problems, code = [os_problem(exc)], EXIT_INPUT
    elif isinstance(exc, MemoryError):
        problems, code = [Problem(None, "kehoach hết bộ nhớ khi xử lý yêu cầu này")], EXIT_BUG
    elif isinstance(exc, Exception):
        detail = f"{type(exc).__name__}: {exc}"[:300]
        problems = [Problem(None, f"lỗi ngoài dự kiến của kehoach ({detail}). Đây là lỗi của chương trình, không "
                                  f"phải của bạn: xin gửi lệnh đã chạy và các tệp đầu vào cho người phát triển")]
        code = EXIT_BUG
    else:
        return None
    if len(problems) == 1:
        return code, [f"Lỗi: {problems[0]}"]
    return code, [f"Có {len(problems)} lỗi:", *(f"  - {p}" for p in problems)]
