from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from kehoach.text.symbols import number_line, parse_symbol, symbol, type_code
from kehoach.text.vntext import PartialDate, date_line, letter, nfc, number_vi, parse_date, roman, short_date


@pytest.mark.parametrize("when, line", [
    (PartialDate(2024, 2, 5), "Lai Châu, ngày 05 tháng 02 năm 2024"),
    (PartialDate(2024, 1, 31), "Lai Châu, ngày 31 tháng 01 năm 2024"),
    (PartialDate(2023, 3, 1), "Lai Châu, ngày 01 tháng 3 năm 2023"),
    (PartialDate(2023, 12, 9), "Lai Châu, ngày 09 tháng 12 năm 2023"),
    (PartialDate(2023, 10, 10), "Lai Châu, ngày 10 tháng 10 năm 2023"),
])
def test_date_line_pads_day_and_only_january_february(when, line):
    assert date_line("Lai Châu", when) == line


def test_date_line_leaves_blanks_for_the_van_thu():
    assert date_line("Lai Châu", PartialDate(2023, 8)) == "Lai Châu, ngày        tháng 8 năm 2023"
    assert date_line("Cao Bằng", PartialDate(2019)) == "Cao Bằng, ngày        tháng        năm 2019"


@pytest.mark.parametrize("when, text", [
    (PartialDate(2023, 5, 4), "04/5/2023"), (PartialDate(2025, 1, 24), "24/01/2025"),
    (PartialDate(2020, 3, 5), "05/3/2020"), (PartialDate(2021, 7, 16), "16/7/2021"),
    (PartialDate(2019, 10, 4), "04/10/2019"), (PartialDate(2024, 2, 29), "29/02/2024"),
])
def test_short_date(when, text):
    assert short_date(when) == text


@pytest.mark.parametrize("raw", ["04/05/2023", "4/5/2023", "2023-05-04", " 04/5/2023 ", "4-5-2023", "04.05.2023",
                                 date(2023, 5, 4), "ngày 04 tháng 5 năm 2023"])
def test_parse_date_accepts_every_usual_form(raw):
    assert parse_date(raw) == PartialDate(2023, 5, 4)


def test_parse_date_partial():
    assert parse_date("tháng 8 năm 2023") == PartialDate(2023, 8)
    assert parse_date("2023-08") == PartialDate(2023, 8)
    assert parse_date(2019) == PartialDate(2019)


@pytest.mark.parametrize("raw, reason", [("31/02/2024", "không có ngày 31"), ("29/02/2023", "không có ngày 29"),
                                         ("12/13/2023", "không có tháng 13"), ("hôm qua", "không phải là ngày")])
def test_parse_date_rejects_impossible_dates(raw, reason):
    with pytest.raises(ValueError, match=reason):
        parse_date(raw)


def test_leap_day_is_a_date():
    assert parse_date("29/02/2024") == PartialDate(2024, 2, 29)


@pytest.mark.parametrize("n, text", [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1999, "MCMXCIX")])
def test_roman(n, text):
    assert roman(n) == text


def test_vietnamese_letters_have_d_stroke_and_skip_f_j_w_z():
    assert [letter(i) for i in range(1, 11)] == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"]
    with pytest.raises(ValueError):
        letter(0)


def test_numbers_use_vietnamese_marks():
    assert number_vi(1500) == "1.500"
    assert number_vi(2500000) == "2.500.000"
    assert number_vi(2.5) == "2,5"


def test_nfc_normalises_decomposed_text_and_spaces():
    decomposed = unicodedata.normalize("NFD", "Liên đoàn  Lao động\u00a0tỉnh ")
    assert nfc(decomposed) == "Liên đoàn Lao động tỉnh"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


@pytest.mark.parametrize("text, parts", [
    ("21-CT/TW", ("21", "CT", "TW", "dang")), ("108-HD/BTGTU", ("108", "HD", "BTGTU", "dang")),
    ("349/KH-TLĐ", ("349", "KH", "TLĐ", "nha_nuoc")), ("301/LĐLĐ-TGNC", ("301", "", "LĐLĐ-TGNC", "nha_nuoc")),
    ("30/2020/NĐ-CP", ("30/2020", "", "NĐ-CP", "nha_nuoc")), (" 72 - KH / TU ", ("72", "KH", "TU", "dang")),
])
def test_parse_symbol(text, parts):
    assert parse_symbol(text) == parts


def test_parse_symbol_rejects_nonsense():
    with pytest.raises(ValueError):
        parse_symbol("KH 349")


def test_symbol_per_system():
    assert number_line("470", "KH", "LĐLĐ", "cong_doan") == "Số: 470/KH-LĐLĐ"
    assert number_line("452", "KH", "HU", "dang") == "Số 452-KH/HU"
    assert number_line("108", "HD", "BTGTU", "dang") == "Số 108-HD/BTGTU"
    assert number_line("5", "KH", "UBND", "nha_nuoc") == "Số: 05/KH-UBND"
    assert number_line("", "KH", "LĐLĐ", "cong_doan") == "Số:       /KH-LĐLĐ"
    assert number_line("", "KH", "TU", "dang") == "Số       -KH/TU"
    assert symbol("301", "", "LĐLĐ-TGNC", "cong_doan") == "301/LĐLĐ-TGNC"
    assert symbol("45", "CV", "BTGDVTU", "dang") == "45-CV/BTGDVTU"


def test_type_codes():
    assert type_code("Kế hoạch hành động", "cong_doan") == "KH"
    assert type_code("Hướng dẫn", "dang") == "HD"
    assert type_code("Quy định", "nha_nuoc") == "QyĐ"
    assert type_code("Quy định", "dang") == "QĐ"
    assert type_code("Chương trình", "dang") == "CTr"
