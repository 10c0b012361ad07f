"""Times New Roman's metrics (docx/metrics.py) and where a name may be broken (docx/names.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kehoach.docx.metrics import text_width, wrap
from kehoach.docx.names import break_points, split_name

from .tools import IN_CI

ROOT = Path(__file__).resolve().parents[1]
FONTS = Path("/usr/share/fonts/truetype/liberation2")


def test_the_shipped_table_is_what_the_tool_reads_from_the_font():
    """fontdata.py is generated, never edited: the tool run on Liberation Serif 2 writes the same file."""
    if not (FONTS / "LiberationSerif-Regular.ttf").is_file() or importlib.util.find_spec("fontTools") is None:
        message = "thiếu fonts-liberation2 hoặc fonttools (.ci/run cài chúng)"
        pytest.fail(message) if IN_CI else pytest.skip(message)
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_metrics
    finally:
        sys.path.pop(0)
    expected = (ROOT / "src" / "kehoach" / "docx" / "fontdata.py").read_text(encoding="utf-8")
    assert make_metrics.render(FONTS) == expected


@pytest.mark.parametrize("text, size, bold, mm", [
    # The widths issue 13 quotes for the names that wrapped in a 73 mm column.
    ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", 12, False, 80.4),
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU", 12, True, 81.9),
    ("BAN TUYÊN GIÁO VÀ DÂN VẬN", 14, True, 75.6),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True, 88.3),
])
def test_widths_of_the_names_in_the_issue(text, size, bold, mm):
    assert text_width(text, size, bold) == pytest.approx(mm, abs=0.1)


def test_widths_add_up_and_scale():
    assert text_width("AB", 14) == pytest.approx(text_width("A", 14) + text_width("B", 14))
    assert text_width("Độc lập", 28) == pytest.approx(2 * text_width("Độc lập", 14))
    assert text_width("f", 14, italic=True) != text_width("f", 14, bold=True)
    # Decomposed input measures as its composed form; a non-breaking hyphen as a hyphen.
    assert text_width("Hòa", 13) == pytest.approx(text_width("Ho\u0300a", 13))
    assert text_width("21\u2011CT", 13) == pytest.approx(text_width("21-CT", 13))


def test_wrap_fills_lines_greedily_at_spaces():
    line = "Long Thuận Đông, ngày     tháng 10 năm 2025"
    width = text_width(line, 14, italic=True)
    assert wrap(line, width + 0.1, 14, italic=True) == [line]
    assert wrap(line, width - 0.1, 14, italic=True) == ["Long Thuận Đông, ngày     tháng 10 năm", "2025"]
    assert wrap("SIÊUDÀIKHÔNGCÁCH", 5, 14) == ["SIÊUDÀIKHÔNGCÁCH"]  # a word is never cut


@pytest.mark.parametrize("name, size, bold, limit, lines", [
    # Issue 13: "…VIỆT / NAM", "TỈNH LAI / CHÂU", "DÂN / VẬN", "ĐẢNG ỦY XÃ LONG THUẬN / ĐÔNG" become:
    ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", 12, False, 73, ["TỔNG LIÊN ĐOÀN LAO ĐỘNG", "VIỆT NAM"]),
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU", 12, True, 73, ["LIÊN ĐOÀN LAO ĐỘNG", "TỈNH LAI CHÂU"]),
    ("BAN TUYÊN GIÁO VÀ DÂN VẬN", 14, True, 73, ["BAN TUYÊN GIÁO VÀ", "DÂN VẬN"]),
    ("ĐẢNG ỦY XÃ LONG THUẬN ĐÔNG", 14, True, 73, ["ĐẢNG ỦY", "XÃ LONG THUẬN ĐÔNG"]),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", 12, True, 70, ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]),
    ("ĐẢNG ỦY MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ THÀNH PHỐ", 14, True, 72,
     ["ĐẢNG ỦY", "MẶT TRẬN TỔ QUỐC,", "CÁC ĐOÀN THỂ THÀNH PHỐ"]),
    ("ĐẢNG ỦY THỊ XÃ AN NHƠN", 14, True, 45, ["ĐẢNG ỦY", "THỊ XÃ AN NHƠN"]),
    ("ĐẢNG ỦY ĐẶC KHU PHÚ QUÝ", 14, True, 50, ["ĐẢNG ỦY", "ĐẶC KHU PHÚ QUÝ"]),
    # No group boundary fits: cut at another space, never inside "THỊ XÃ".
    ("ĐẢNG ỦY THỊ XÃ AN NHƠN", 14, True, 40, ["ĐẢNG ỦY", "THỊ XÃ", "AN NHƠN"]),
    ("TỈNH ỦY GIA LAI", 14, True, 73, ["TỈNH ỦY GIA LAI"]),  # fits: one line
])
def test_a_name_is_broken_between_word_groups(name, size, bold, limit, lines):
    assert split_name(name, limit, lambda text: text_width(text, size, bold)) == lines


def test_break_points_never_cut_a_place_name_or_a_unit_word():
    words = "ĐẢNG ỦY THỊ XÃ AN NHƠN".split()
    assert [words[i] for i in break_points("ĐẢNG ỦY THỊ XÃ AN NHƠN")] == ["THỊ"]  # not before "XÃ" of "THỊ XÃ"
    assert break_points("ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH") == [2]  # "TỈNH" at the end names nothing: no break
    assert break_points("HỘI ĐỒNG NHÂN DÂN") == []


def test_a_name_with_no_group_boundary_that_fits_nowhere_is_cut_evenly_at_spaces():
    assert split_name("AAAA BBBB CCCC DDDD", 30, lambda text: text_width(text, 14)) == ["AAAA BBBB", "CCCC DDDD"]
