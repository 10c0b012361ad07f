"""Issue 16: one place turns every failure into Vietnamese lines and an exit code; nothing ends in a traceback."""

from __future__ import annotations

import errno

import pytest

from kehoach.errors import EXIT_BUG, EXIT_INPUT, EXIT_INTERRUPTED, InputError, Problem, explain, position

from .hostile import invoke, refused


@pytest.mark.parametrize("path, shown", [
    (("ngay",), "khóa 'ngay'"),
    (("thuc_hien", 0), "mục thứ 1 của 'thuc_hien'"),
    (("mo_dau", "tu"), "khóa 'tu' trong 'mo_dau'"),
    (("muc", 0, "muc_con", 2, "tieu_de"), "khóa 'tieu_de' trong mục thứ 3 của 'muc_con' trong mục thứ 1 của 'muc'"),
    (("a", "b", "c", "d", "e", "f"), "khóa 'f' trong 'e' trong 'd' trong 'c' trong …"),
])
def test_positions_are_vietnamese(path, shown):
    assert position(path) == shown
    assert str(Problem("k.yaml", "sai", 3, ".".join(map(str, path)), path)) == f"k.yaml, dòng 3, {shown}: sai"


def test_one_problem_is_one_line_several_are_a_list():
    assert explain(InputError([Problem("a.yaml", "x", 2)])) == (EXIT_INPUT, ["Lỗi: a.yaml, dòng 2: x"])
    assert explain(InputError([Problem("a.yaml", "x"), Problem("b.yaml", "y")])) == (
        EXIT_INPUT, ["Có 2 lỗi:", "  - a.yaml: x", "  - b.yaml: y"])


def test_os_errors_name_the_path_in_vietnamese():
    assert explain(PermissionError(errno.EACCES, "Permission denied", "/srv/ban-thao/x.docx")) == (
        EXIT_INPUT, ["Lỗi: /srv/ban-thao/x.docx: không có quyền đọc hoặc ghi ở đây"])
    assert explain(OSError(errno.ENOSPC, "No space left on device", "/srv/x")) == (
        EXIT_INPUT, ["Lỗi: /srv/x: ổ đĩa đã đầy"])


def test_system_exit_is_not_a_failure():
    assert explain(SystemExit(0)) is None


def _fails_with(exc: BaseException):
    def raise_it(*_args, **_kwargs):
        raise exc

    return raise_it


@pytest.mark.parametrize("exc, code, message", [
    (RuntimeError("boom"), EXIT_BUG, "Lỗi: lỗi ngoài dự kiến của kehoach (RuntimeError: boom). Đây là lỗi của chương "
                                     "trình, không phải của bạn: xin gửi lệnh đã chạy và các tệp đầu vào cho người phát triển"),
    (OSError(errno.EROFS, "Read-only file system", "/mnt/ban-thao"), EXIT_INPUT,
     "Lỗi: /mnt/ban-thao: ổ đĩa chỉ cho đọc, không ghi được"),
    (KeyboardInterrupt(), EXIT_INTERRUPTED, "Đã dừng theo yêu cầu (Ctrl+C). Các tệp đã ghi vẫn nguyên vẹn."),
    (MemoryError(), EXIT_BUG, "Lỗi: kehoach hết bộ nhớ khi xử lý yêu cầu này"),
])
def test_whatever_escapes_a_command_is_a_message_without_traceback(monkeypatch, tmp_path, exc, code, message):
    import kehoach.catalog

    monkeypatch.setattr(kehoach.catalog, "list_profiles", _fails_with(exc))
    assert refused(invoke("ho-so"), code=code).strip() == message


def test_kiemtra_failures_go_through_the_same_translation(monkeypatch, tmp_path):
    import kehoach.kiemtra.cli

    monkeypatch.setattr(kehoach.kiemtra.cli, "check_path", _fails_with(ValueError("hỏng")))
    stderr = refused(invoke("kiemtra", tmp_path / "x.docx"), code=EXIT_BUG)
    assert stderr.startswith("Lỗi: lỗi ngoài dự kiến của kehoach (ValueError: hỏng)")
