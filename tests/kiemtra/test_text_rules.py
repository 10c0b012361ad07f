"""Text-level rules on small plain-text documents: what must be flagged and what must not."""

from __future__ import annotations

import pytest

from kehoach.kiemtra import check_text

STATE_HEAD = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
{number}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{date}
{title}
về phát triển giáo dục nghề nghiệp
"""
STATE_TAIL = """Các cơ quan, đơn vị nghiêm túc thực hiện./.
Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT, VX.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def state_doc(body: str = "Nội dung.\n", number="Số: 05/KH-UBND", date="Nghệ An, ngày 05 tháng 3 năm 2024",
              title="KẾ HOẠCH", tail=STATE_TAIL) -> str:
    return STATE_HEAD.format(number=number, date=date, title=title) + body + tail


def union_doc(**kw) -> str:
    return state_doc(**kw).replace("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN", "LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN")


def ids(text: str, system: str | None = None) -> set[str]:
    return check_text(text, system).rule_ids()


def test_clean_state_text_has_no_finding():
    assert ids(state_doc()) == set()


@pytest.mark.parametrize("date", [
    "Nghệ An, ngày 05 tháng 3 năm 2024", "Nghệ An, ngày 24 tháng 01 năm 2025", "Nghệ An, ngày 31 tháng 12 năm 2024",
    "Nghệ An, ngày      tháng 8 năm 2023", "Nghệ An, ngày  tháng   năm 2026",
])
def test_good_date_lines(date):
    assert "TT-14" not in ids(state_doc(date=date))


@pytest.mark.parametrize(("date", "part"), [
    ("Nghệ An, ngày 5 tháng 3 năm 2024", "ngày “5”"), ("Nghệ An, ngày 05 tháng 03 năm 2024", "tháng “03”"),
    ("Nghệ An, ngày 05 tháng 1 năm 2024", "tháng “1”"), ("Nghệ An ngày 05 tháng 3 năm 2024", "dấu phẩy"),
])
def test_bad_date_lines(date, part):
    (finding,) = [f for f in check_text(state_doc(date=date)).findings if f.rule_id == "TT-14"]
    assert part in finding.message.lower()


@pytest.mark.parametrize(("number", "system", "expected"), [
    ("Số: 05/KH-UBND", "nha_nuoc", set()),
    ("Số:      /KH-UBND", "nha_nuoc", {"TT-12b"}),  # dated and signed: it looks issued (a draft leaves the day)
    ("Số 05/KH-UBND", "nha_nuoc", {"TT-11"}),
    ("Số: 5/KH-UBND", "nha_nuoc", {"TT-12"}),
    ("Số: 05/HD-UBND", "nha_nuoc", {"TT-13"}),
    ("Số: 05-KH/UBND", "nha_nuoc", {"TT-11"}),
])
def test_number_line(number, system, expected):
    assert ids(state_doc(number=number), system) == expected


def test_union_number_line():
    assert ids(union_doc(number="Số: 5/KH-LĐLĐ"), "cong_doan") == {"TT-12"}


def test_number_padding_is_a_warning_for_the_union():
    (finding,) = check_text(union_doc(number="Số: 5/KH-LĐLĐ"), "cong_doan").findings
    assert finding.severity == "canh_bao"


PARTY = """Số {number}
Phong Thổ, ngày 13 tháng 8 năm 2024
KẾ HOẠCH
thực hiện Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư
Nội dung.
Nơi nhận:
- Thường trực Tỉnh ủy (b/c),
- Lưu VPHU.
{authority}
PHÓ BÍ THƯ
Nguyễn Văn Thanh
"""


@pytest.mark.parametrize(("number", "authority", "expected"), [
    ("452-KH/HU", "T/M BAN THƯỜNG VỤ", set()),
    ("05-KH/HU", "T/M BAN THƯỜNG VỤ", set()),
    ("5-KH/HU", "T/M BAN THƯỜNG VỤ", {"TT-12"}),
    ("452-HD/HU", "T/M BAN THƯỜNG VỤ", {"TT-13"}),
    ("452-KH/HU", "TM. BAN THƯỜNG VỤ", {"TT-23"}),
    ("452-KH/HU", "K/T BÍ THƯ", {"TT-24"}),
])
def test_party_number_and_signature(number, authority, expected):
    assert ids(PARTY.format(number=number, authority=authority)) == expected


def test_party_number_with_colon():
    text = PARTY.format(number="452-KH/HU", authority="T/M BAN THƯỜNG VỤ").replace("Số 452", "Số: 452")
    report = check_text(text, "dang")
    assert report.rule_ids() == {"TT-11"}
    assert report.findings[0].message == "Văn bản của Đảng không có dấu hai chấm sau “Số”."


def test_cong_van_type_code():
    letter = state_doc(title="", number="Số: 301/UBND-VX").replace("về phát triển", "V/v phát triển")
    assert ids(letter, "nha_nuoc") == set()
    assert ids(letter.replace("301/UBND-VX", "301/CV-UBND"), "nha_nuoc") == {"TT-13"}


NUMBERED = """I. MỤC ĐÍCH
1. Mục đích
- Việc 1. Việc 2. Theo mục 3. của Kế hoạch.
2. Yêu cầu
a) Một.
b) Hai.
c) Ba.
d) Bốn.
đ) Năm.
e) Sáu.
g) Bảy.
II. NHIỆM VỤ
1. Nhiệm vụ thứ nhất
2. Nhiệm vụ thứ hai
"""


def test_correct_numbering_and_running_text_are_not_flagged():
    assert ids(state_doc(body=NUMBERED)) == set()


@pytest.mark.parametrize(("old", "new", "rule_id", "message"), [
    ("II. NHIỆM VỤ", "III. NHIỆM VỤ", "TT-20a", "Thiếu mục II"),
    ("2. Yêu cầu", "3. Yêu cầu", "TT-20b", "Thiếu khoản 2 trong mục I"),
    ("2. Nhiệm vụ thứ hai", "1. Nhiệm vụ thứ hai", "TT-20b", "Khoản 1 lặp lại"),
    ("d) Bốn.\nđ) Năm.\n", "", "TT-20c", "Thiếu điểm d), đ)"),
    ("g) Bảy.", "f) Bảy.", None, None),
])
def test_numbering_gaps(old, new, rule_id, message):
    report = check_text(state_doc(body=NUMBERED.replace(old, new)))
    if rule_id is None:  # "f" is not a Vietnamese letter: the line is not a point at all
        assert report.findings == []
        return
    (finding,) = report.findings
    assert finding.rule_id == rule_id and finding.message.startswith(message)


def test_heading_form():
    body = NUMBERED.replace("II. NHIỆM VỤ", "II- NHIỆM VỤ").replace("1. Mục đích", "1.Mục đích")
    report = check_text(state_doc(body=body))
    assert [(f.rule_id, f.quote) for f in report.findings] == [("TT-20d", "1.Mục đích"),
                                                                ("TT-20d", "II- NHIỆM VỤ")]


def test_in_text_dates_and_symbols():
    body = ("Theo Quyết định số 19/QĐ-UBND ngày 5/3/2024, Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 và "
            "Kế hoạch số 389/KH-TU ngày 24/01/2025, Nghị định số 15/NĐ-CP ngày 01/02/2019, Nghị quyết số "
            "18-NQ/UBND, Chỉ thị số 21- CT/TW.\n")
    report = check_text(state_doc(body=body))
    found = sorted((f.rule_id, f.quote) for f in report.findings)
    assert found[0][0] == "TT-21a" and "5/3/2024" in report.findings[0].message
    assert [f for f in found if f[0] not in ("TT-21a", "TT-21g")] == [
        ("TT-21b", "18-NQ/UBND"), ("TT-21b", "21- CT/TW"), ("TT-21b", "389/KH-TU"), ("TT-21c", "15/NĐ-CP")]
    # The two documents cited without their dates.
    assert [f.message for f in report.findings if f.rule_id == "TT-21g"] == [
        "“Nghị quyết số 18-NQ/UBND” không được trích dẫn đầy đủ ở lần nào (thiếu ngày ban hành, cơ quan ban hành).",
        "“Chỉ thị số 21- CT/TW” không được trích dẫn đầy đủ ở lần nào (thiếu ngày ban hành, cơ quan ban hành)."]


def test_same_document_two_codes_with_different_dates_is_not_a_finding():
    body = "Kế hoạch số 15-KH/TU ngày 02/3/2024 và Kế hoạch số 15-KH/HU ngày 09/4/2024.\n"
    assert ids(state_doc(body=body)) == set()


def test_same_document_two_codes_without_dates_is_a_warning():
    body = "Kế hoạch số 15-KH/TU và Kế hoạch số 15-KH/HU ngày 09/4/2024.\n"
    (finding,) = [f for f in check_text(state_doc(body=body)).findings if f.rule_id != "TT-21g"]
    assert (finding.rule_id, finding.severity) == ("TT-21d", "canh_bao")


def test_repeated_words_and_type_names():
    body = "Người người thi đua, nhà nhà thi đua. Thực hiện Chi thị số 21-CT/TW và Kế hoạch số 05-CT/TW của của Tỉnh ủy.\n"
    found = sorted((f.rule_id, f.message) for f in check_text(state_doc(body=body)).findings)
    assert found == [("TT-21g", "“Kế hoạch số 05-CT/TW” không được trích dẫn đầy đủ ở lần nào (thiếu ngày ban hành)."),
                     ("VB-01", "Từ “của” viết hai lần liền nhau."),
                     ("VB-02", "Viết “Chi thị” thay cho “Chỉ thị”."),
                     ("VB-02", "“Kế hoạch” nhưng ký hiệu “05-CT/TW” viết tắt “CT”.")]


def test_noi_nhan_rules():
    tail = STATE_TAIL.replace("Nơi nhận:", "Nơi nhận").replace("- Bộ Nội vụ;", "- Bộ Nội vụ,")
    tail = tail.replace("- Lưu: VT, VX.", "- Lưu VT.")
    assert ids(state_doc(tail=tail)) == {"TT-28", "TT-29", "TT-30"}


def test_cong_van_needs_nhu_tren():
    letter = state_doc(title="", number="Số: 301/UBND-VX").replace("về phát triển", "V/v phát triển")
    letter = letter.replace("Nội dung.", "Kính gửi:\n- Sở Tư pháp;\n- Sở Nội vụ.\nNội dung.")
    assert ids(letter) == {"TT-31"}
    assert ids(letter.replace("- Bộ Nội vụ;", "- Như trên;")) == set()


def test_signer_titles_and_deputies():
    assert ids(state_doc(tail=STATE_TAIL.replace("Nguyễn Văn An", "PGS.TS. Nguyễn Văn An"))) == {"TT-26"}
    tail = STATE_TAIL.replace("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert ids(state_doc(tail=tail)) == {"TT-23"}
    assert ids(state_doc(tail=STATE_TAIL.replace("TM. ỦY", "TM ỦY"))) == {"TT-23"}


def test_mixing_and_tieu_ngu():
    mixed = state_doc().replace("TỈNH NGHỆ AN\n", "TỈNH NGHỆ AN\n*\n")
    assert ids(mixed) == {"TT-32"}
    assert ids(state_doc().replace("Độc lập - Tự do", "Độc lập-Tự do")) == {"TT-08"}


def test_unicode_forms():
    import unicodedata

    assert ids(unicodedata.normalize("NFD", state_doc())) == {"TT-05"}
    assert ids(state_doc(body="Céng hoµ x· héi chñ nghÜa ViÖt Nam\n")) == {"TT-05"}


def test_headerless_text_gives_no_header_findings():
    assert ids("KẾ HOẠCH\nvề việc tổ chức\nI. MỤC ĐÍCH\n1. Mục đích\nNội dung./.\n") == set()


def test_numbering_restarts_under_parts_and_articles():
    body = ("Phần I\nĐÁNH GIÁ\nI. KẾT QUẢ\n1. Ưu điểm\n2. Hạn chế\nPhần II\nNHIỆM VỤ\nI. MỤC TIÊU\n1. Chung\n"
            "Điều 1. Phạm vi\n1. Văn bản này quy định.\nĐiều 2. Đối tượng\n1. Cơ quan.\n2. Đơn vị.\n")
    assert ids(state_doc(body=body)) == set()


def test_bare_signer_title_without_noi_nhan_ends_the_body():
    text = "KẾ HOẠCH\nvề việc tổ chức\nNội dung thực hiện./.\nCHỦ TỊCH\nNguyễn Văn An\n"
    assert ids(text, "nha_nuoc") == set()
    assert ids(text.replace("thực hiện./.", "thực hiện."), "nha_nuoc") == {"TT-22"}
