"""Every word a user reads is Vietnamese: help pages, click's own usage errors, and `kehoach ho-so NAME`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kehoach.cli import main
from kehoach.cli_vi import translate_message

ENGLISH = ("Usage:", "Options:", "Commands:", "Arguments:", "[default:", "[required]", "Show this message",
           "Show the version", " TEXT", " PATH", " INTEGER", "[OPTIONS]", "COMMAND [ARGS]", "Error:", "Try '")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("command", [[], *([name] for name in sorted(main.commands))], ids=lambda c: " ".join(c) or "kehoach")
def test_help_pages_have_no_english(command):
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Cách dùng: kehoach {' '.join(command)}".rstrip() + " [TÙY_CHỌN]")
    assert "\nTùy chọn:\n" in result.output and "Hiện hướng dẫn" in result.output
    assert not [word for word in ENGLISH if word in result.output], result.output


def test_defaults_and_required_options_are_marked_in_vietnamese():
    assert "[mặc định: ban-thao]" in " ".join(run("tao", "--help").output.split())
    assert "[bắt buộc]" in run("ban-hanh", "--help").output


@pytest.mark.parametrize(("args", "first_line"), [
    (["tao", "--sx", "1"], "Lỗi: không có tùy chọn '--sx'; có phải ý bạn là '--so'?"),
    (["tao", "--loai", "abc"], "Lỗi: giá trị không hợp lệ cho '--loai': 'abc' không phải giá trị được chọn (chọn một "
                               "trong: 'ke_hoach', 'huong_dan', 'cong_van')."),
    (["ban-hanh", "x.yaml"], "Lỗi: thiếu tùy chọn '--so'."),
    (["tao", "a.yaml", "b.yaml"], "Lỗi: thừa tham số: b.yaml."),
    (["taoo"], "Lỗi: không có lệnh 'taoo'; có phải ý bạn là 'tao'?"),
    (["xay-dung", "-j", "0"], "Lỗi: giá trị không hợp lệ cho '-j' / '--luong': 0 không nằm trong khoảng 1<=x<=64."),
    (["tao", "--ngay"], "Lỗi: tùy chọn '--ngay' cần một giá trị."),
])
def test_usage_errors_are_vietnamese(args, first_line):
    result = run(*args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == first_line
    assert not [word for word in ENGLISH if word in result.stderr], result.stderr
    if len(lines) > 1:
        assert lines[1].startswith("Cách dùng: kehoach") and lines[2].endswith("--help' để biết thêm.")


@pytest.mark.parametrize(("message", "vietnamese"), [
    ("Path '/tmp/kh.yaml' is not readable.", "đường dẫn '/tmp/kh.yaml' không đọc được"),
    ("File 'x.docx' does not exist.", "tệp 'x.docx' không tồn tại"),
    ("Directory 'ban-thao' is a file.", "thư mục 'ban-thao' là một tệp"),
    ("'abc' is not a valid integer.", "'abc' không phải là số"),
    ("Option '--so' does not take a value.", "tùy chọn '--so' không nhận giá trị"),
])
def test_messages_of_click_types_are_translated(message, vietnamese):
    assert translate_message(message) == vietnamese


def test_ho_so_prints_a_signer_of_several_lines_line_by_line():
    result = run("ho-so", "gia-lai/ubnd-xa-vi-du")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("  Người ký:")
    assert lines[start + 1:start + 3] == ["    chu-tich: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH",
                                          "    pho-chu-tich: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"]
