"""Naming a paragraph the way a person finds it in Word: its section and its first words (docx/locate.py)."""

from __future__ import annotations

from kehoach.docx.locate import heading_path, locate

TEXTS = ["KẾ HOẠCH", "Thực hiện Chỉ thị số 21-CT/TW, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
         "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân.",
         "2. Yêu cầu", "a) Bảo đảm thống nhất.", "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM CỦA CÁC CƠ QUAN, ĐƠN VỊ",
         "1. Các sở, ngành xây dựng kế hoạch thực hiện và báo cáo kết quả trước ngày 15 tháng 12 hằng năm.",
         "Các cơ quan, đơn vị nghiêm túc thực hiện."]


def test_locate_names_the_section_and_the_first_words():
    assert locate(TEXTS, 4) == "mục “I. MỤC ĐÍCH, YÊU CẦU › 1. Mục đích”, đoạn bắt đầu “Nâng cao nhận thức của cán…”"
    assert locate(TEXTS, 6) == "mục “I. MỤC ĐÍCH, YÊU CẦU › 2. Yêu cầu”, đoạn bắt đầu “a) Bảo đảm thống nhất.”"
    assert locate(TEXTS, 1) == "đoạn bắt đầu “Thực hiện Chỉ thị số 21-CT/TW,…”"


def test_headings_belong_to_the_section_above_them_only():
    assert heading_path(TEXTS, 2) == []  # a Roman heading opens a section, it is in none
    assert heading_path(TEXTS, 5) == ["I. MỤC ĐÍCH, YÊU CẦU"]  # a khoản heading is only in its Roman section
    # A long numbered line is running text, not a khoản heading; long headings are shortened.
    assert heading_path(TEXTS, 9) == ["II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM CỦA CÁC CƠ…"]
