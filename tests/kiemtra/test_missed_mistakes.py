# ruff: noqa: E501  (the texts are documents: one paragraph per line, as long as the paragraph)
"""The mistakes real documents carry (issue 14, 7–14): each planted in a clean document, found with its rule id and
the correction. The clean documents have no finding, so each test sees exactly the mistake it plants."""

from __future__ import annotations

import pytest

from kehoach.kiemtra import check_text

STATE = """ỦY BAN NHÂN DÂN
XÃ TÂN HÒA
Số: 15/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Hòa, ngày 21 tháng 9 năm 2024
KẾ HOẠCH
tuyên truyền phòng, chống tác hại của thuốc lá năm 2024
Thực hiện Kế hoạch số 205/KH-UBND ngày 02/8/2024 của Ủy ban nhân dân huyện Sơn Hà, Ủy ban nhân dân xã ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ, công chức và Nhân dân về tác hại của thuốc lá.
2. Yêu cầu
Công tác tuyên truyền bảo đảm thiết thực, hiệu quả, phù hợp với tình hình địa phương.
II. TỔ CHỨC THỰC HIỆN
Văn phòng Ủy ban nhân dân xã theo dõi, tổng hợp, báo cáo kết quả thực hiện trước ngày 15/12/2024./.
Nơi nhận:
- UBND huyện Sơn Hà;
- Các thôn;
- Lưu: VT, VP.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""

PARTY = """HUYỆN ỦY SƠN HÀ
BAN TUYÊN GIÁO
*
Số 12-HD/BTGHU
ĐẢNG CỘNG SẢN VIỆT NAM
Sơn Hà, ngày 20 tháng 5 năm 2024
HƯỚNG DẪN
tuyên truyền kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh
Thực hiện Hướng dẫn số 157-HD/BTGTW, ngày 10/4/2024 của Ban Tuyên giáo Trung ương và Kế hoạch số 72-KH/TU, ngày 15/4/2024 của Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo Huyện ủy hướng dẫn như sau:
I- MỤC ĐÍCH, YÊU CẦU
1. Tuyên truyền sâu rộng trong cán bộ, đảng viên và Nhân dân.
2. Các hoạt động tổ chức trang trọng, thiết thực.
II- TỔ CHỨC THỰC HIỆN
Các chi, đảng bộ cơ sở căn cứ Hướng dẫn này tổ chức thực hiện.
Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy,
- Các chi, đảng bộ cơ sở,
- Lưu Ban Tuyên giáo Huyện ủy.
K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Lê Thị Hoa
"""


def findings(text: str, system: str | None = None) -> list[tuple[str, str, str]]:
    return [(f.rule_id, f.message, f.suggestion) for f in check_text(text, system).findings]


@pytest.mark.parametrize("text", [STATE, PARTY])
def test_the_clean_documents_have_no_finding(text):
    assert findings(text) == []


def planted(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


# --- 7. A suffix written twice --------------------------------------------------------------------------------------

def test_duplicated_symbol_suffix():
    text = planted(PARTY, "Hướng dẫn số 157-HD/BTGTW,", "Hướng dẫn số 157-HD/BTGTW HD/BTGTW,")
    assert findings(text) == [("TT-21b", "Ký hiệu “157-HD/BTGTW” viết lặp phần “HD/BTGTW”.",
                               "Viết “157-HD/BTGTW”, bỏ “HD/BTGTW” phía sau.")]
    text = planted(STATE, "Kế hoạch số 205/KH-UBND ngày", "Kế hoạch số 205/KH-UBND KH-UBND ngày")
    assert findings(text) == [("TT-21b", "Ký hiệu “205/KH-UBND” viết lặp phần “KH-UBND”.",
                               "Viết “205/KH-UBND”, bỏ “KH-UBND” phía sau.")]


# --- 8. Stray spaces in a symbol --------------------------------------------------------------------------------

def test_stray_space_in_the_number_line_with_the_colon_missing_too():
    assert findings(planted(STATE, "Số: 15/KH-UBND", "Số 61 /KH-UBND")) == [
        ("TT-11", "Thiếu dấu hai chấm sau “Số”; có dấu cách trong ký hiệu.", "Viết “Số: 61/KH-UBND”.")]


def test_spaces_around_the_hyphen():
    assert findings(planted(PARTY, "Số 12-HD/BTGHU", "Số 12 - HD/BTGHU")) == [
        ("TT-11", "Có dấu cách trong ký hiệu.", "Viết “Số 12-HD/BTGHU”.")]
    assert findings(planted(PARTY, "Kế hoạch số 72-KH/TU,", "Kế hoạch số 72 - KH/TU,")) == [
        ("TT-21b", "Ký hiệu “72 - KH/TU” có dấu cách.", "Viết “72-KH/TU”.")]
    assert findings(planted(STATE, "Kế hoạch số 205/KH-UBND", "Kế hoạch số 205 /KH-UBND")) == [
        ("TT-21b", "Ký hiệu “205 /KH-UBND” có dấu cách.", "Viết “205/KH-UBND”.")]


# --- 9. A suffix that does not fit the issuer -------------------------------------------------------------------

def test_cited_code_that_does_not_fit_the_issuer():
    text = planted(PARTY, "157-HD/BTGTW,", "157-HD/BTGW,")
    assert findings(text) == [("TT-21h", "Ký hiệu “157-HD/BTGW”: “BTGW” không đúng ký hiệu của Ban Tuyên giáo Trung "
                                         "ương (“BTGTW”).", "Viết “157-HD/BTGTW” (đối chiếu bản gốc).")]


def test_own_code_without_its_level():
    assert findings(planted(PARTY, "Số 12-HD/BTGHU", "Số 12-HD/BTG")) == [
        ("TT-11c", "Ký hiệu cơ quan “BTG” thiếu phần chỉ cấp “HU”: văn bản của “BAN TUYÊN GIÁO HUYỆN ỦY SƠN HÀ” ký "
                   "hiệu “BTGHU”.", "Viết “Số 12-HD/BTGHU”.")]


def test_party_code_on_a_document_of_a_ubnd():
    letter = planted(STATE, "Số: 15/KH-UBND", "Số 45-CV/ĐU\nV/v tuyên truyền phòng, chống tác hại của thuốc lá")
    letter = letter.replace("KẾ HOẠCH\ntuyên truyền phòng, chống tác hại của thuốc lá năm 2024\n", "")
    assert findings(letter) == [
        ("TT-11c", "Ký hiệu cơ quan “ĐU” là của Đảng, nhưng văn bản do “ỦY BAN NHÂN DÂN XÃ TÂN HÒA” ban hành (ký hiệu "
                   "“UBND”).", "Viết “Số: 45/UBND-<đơn vị soạn thảo>”.")]


@pytest.mark.parametrize(("title", "code"), [("KẾ HOẠCH", "KH"), ("HƯỚNG DẪN", "HD"), ("BÁO CÁO", "BC")])
def test_party_code_on_a_state_document_takes_its_type_from_the_title(title, code):
    """Audit A, 14.9: "Số 61-CV/ĐU" on a State Kế hoạch was corrected to "Số: 61/CV-UBND"; a State number never
    carries CV, and the title says which type it is."""
    text = planted(STATE, "Số: 15/KH-UBND", "Số 61-CV/ĐU").replace("KẾ HOẠCH\n", f"{title}\n")
    assert findings(text) == [
        ("TT-11c", "Ký hiệu cơ quan “ĐU” là của Đảng, nhưng văn bản do “ỦY BAN NHÂN DÂN XÃ TÂN HÒA” ban hành (ký hiệu "
                   "“UBND”).", f"Viết “Số: 61/{code}-UBND”.")]


# --- 10. Headings -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "message", "fix"), [
    ("I. MỤC ĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH - YÊU CẦU:",
     "Tên mục có dấu hai chấm ở cuối; hai cụm của tên mục nối bằng “-” (liệt kê thì dùng dấu phẩy).",
     "Viết “I. MỤC ĐÍCH, YÊU CẦU”."),
    ("I. MỤC ĐÍCH, YÊU CẦU", "I.MỤC ĐÍCH, YÊU CẦU", "Thiếu dấu cách sau số thứ tự.", "Viết “I. MỤC ĐÍCH, YÊU CẦU”."),
])
def test_heading_punctuation(old, new, message, fix):
    assert findings(planted(STATE, old, new)) == [("TT-20d", message, fix)]


def test_items_numbered_again_under_a_khoan_heading():
    text = planted(STATE, "1. Mục đích\nNâng cao nhận thức của cán bộ, công chức và Nhân dân về tác hại của thuốc lá.",
                   "1. Mục đích.\n1. Nâng cao nhận thức của cán bộ, công chức và Nhân dân về tác hại của thuốc lá.\n"
                   "2. Hạn chế việc hút thuốc lá nơi làm việc, trường học và nơi công cộng trên địa bàn xã.")
    assert findings(text) == [("TT-20b", "Sau khoản “1. Mục đích.”, các ý lại đánh số “1.”, “2.” …: ý trong một khoản "
                                         "đánh a), b), c) … hoặc gạch đầu dòng.",
                               "Viết “a) Nâng cao nhận thức của cán bộ, công chức…” và tiếp theo b), c) …")]


def test_sub_number_without_its_khoan():
    text = planted(STATE, "1. Mục đích\n", "1.1. Mục đích\n").replace("2. Yêu cầu", "1.2. Yêu cầu")
    assert findings(text) == [("TT-20b", "Có “1.1” nhưng phía trên không có khoản “1.” trong mục này.",
                               "Thêm khoản “1. …” phía trên, hoặc đánh lại số “1.”.")]


# --- 11. Header and date line -------------------------------------------------------------------------------------

def test_blank_number_in_a_signed_document():
    blank = planted(STATE, "Số: 15/KH-UBND", "Số:       /KH-UBND")
    text = blank.replace("CHỦ TỊCH\n", "CHỦ TỊCH\n(Đã ký)\n")
    assert findings(text) == [("TT-12b", "Số văn bản để trống nhưng văn bản đã ký ban hành (có dấu hiệu “Đã ký”).",
                               "Điền số văn bản do văn thư cấp vào chỗ “…” của “Số: …/KH-UBND”.")]
    text = blank.replace("CHỦ TỊCH\n", "CHỦ TỊCH\nKý bởi: Ủy ban nhân dân xã Tân Hòa\n")
    assert findings(text) == [("TT-12b", "Số văn bản để trống nhưng văn bản đã ký ban hành (có dấu hiệu “Ký bởi”).",
                               "Điền số văn bản do văn thư cấp vào chỗ “…” của “Số: …/KH-UBND”.")]
    draft = blank.replace("ngày 21 tháng 9", "ngày      tháng 9")
    assert findings(draft) == []  # a draft: the văn thư fills number and day


def test_blank_number_with_the_day_filled_in_and_a_signer():
    """Audit A, 14.11: "ngày 03 tháng 3 năm 2025" and the signer's name, but "Số:        /KH-UBND": the document
    looks issued (a warning: no "Đã ký" mark says so for sure); the example is the document's own symbol."""
    text = planted(STATE, "Số: 15/KH-UBND", "Số:        /KH-UBND").replace("ngày 21 tháng 9 năm 2024",
                                                                          "ngày 03 tháng 3 năm 2025")
    report = check_text(text)
    assert [(f.rule_id, f.severity, f.message, f.suggestion) for f in report.findings] == [
        ("TT-12b", "canh_bao", "Số văn bản để trống nhưng văn bản có vẻ đã ban hành (đã điền ngày “ngày 03 tháng 3 "
         "năm 2025” và có tên người ký “Nguyễn Văn An”).", "Điền số văn bản do văn thư cấp vào chỗ “…” của "
         "“Số: …/KH-UBND”.")]
    party = planted(PARTY, "Số 12-HD/BTGHU", "Số    -HD/BTGHU")
    assert findings(party) == [
        ("TT-12b", "Số văn bản để trống nhưng văn bản có vẻ đã ban hành (đã điền ngày “ngày 20 tháng 5 năm 2024” và "
         "có tên người ký “Lê Thị Hoa”).", "Điền số văn bản do văn thư cấp vào chỗ “…” của “Số …-HD/BTGHU”.")]
    unsigned = planted(text, "Nguyễn Văn An\n", "")
    assert findings(unsigned) == []  # no name under the signature: a draft still


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\n", "UBND Huyện Sơn Hà\n",  # the audit's case
     [("TT-10", "Tên cơ quan ở phần đầu chưa viết in hoa.", "Viết “UBND HUYỆN SƠN HÀ”.")]),
    ("ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\n", "ỦY BAN NHÂN DÂN\nXã Tân Hòa\n",
     [("TT-10", "Tên cơ quan ở phần đầu chưa viết in hoa.", "Viết “XÃ TÂN HÒA”.")]),
    ("ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\n", "Ủy ban nhân dân\nxã Tân Hòa\n",
     [("TT-10", "Tên cơ quan ở phần đầu chưa viết in hoa.", "Viết “ỦY BAN NHÂN DÂN”."),
      ("TT-10", "Tên cơ quan ở phần đầu chưa viết in hoa.", "Viết “XÃ TÂN HÒA”.")]),
])
def test_issuer_in_small_letters_in_the_header(old, new, expected):
    assert findings(planted(STATE, old, new)) == expected


def test_party_issuer_in_small_letters():
    text = planted(PARTY, "HUYỆN ỦY SƠN HÀ\nBAN TUYÊN GIÁO\n", "Huyện ủy Sơn Hà\nBan Tuyên giáo\n")
    assert findings(text) == [("TT-10", "Tên cơ quan ở phần đầu chưa viết in hoa.", "Viết “HUYỆN ỦY SƠN HÀ”."),
                              ("TT-10", "Tên cơ quan ở phần đầu chưa viết in hoa.", "Viết “BAN TUYÊN GIÁO”.")]


@pytest.mark.parametrize(("old", "new", "fix"), [
    ("XÃ TÂN HÒA", "XÃ TÂN  HÒA", "Viết “XÃ TÂN HÒA”."),
    ("ngày 21 tháng 9", "ngày 21  tháng 9", "Viết “Tân Hòa, ngày 21 tháng 9 năm 2024”."),
])
def test_double_spaces_in_the_header(old, new, fix):
    assert findings(planted(STATE, old, new)) == [("VB-03", "Có hai dấu cách liền nhau.", fix)]


def test_blank_fields_of_a_draft_are_not_double_spaces():
    draft = planted(STATE, "Số: 15/KH-UBND", "Số:      /KH-UBND").replace("ngày 21 tháng 9", "ngày      tháng 9")
    assert findings(draft) == []


def test_capital_in_the_wrong_place():
    assert findings(planted(STATE, "- UBND huyện Sơn Hà;", "- UBND Huyện Sơn Hà;")) == [
        ("VB-04", "“Huyện” viết hoa trong tên đơn vị hành chính “Huyện Sơn Hà”.", "Viết “huyện Sơn Hà”.")]


def test_repeated_letter():
    assert findings(planted(STATE, "XÃ TÂN HÒA", "XÃ TÂN HÒAA")) == [
        ("VB-05", "“HÒAA” có chữ cái gõ lặp.", "Viết “HÒA”.")]
    assert findings(planted(STATE, "ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA", "UBND TỈNH NINH BÌNHH\nỦY BAN NHÂN DÂN XÃ TÂN HÒA")) == [
        ("VB-05", "“BÌNHH” có chữ cái gõ lặp.", "Viết “BÌNH”.")]


# --- 12. Citations of one document, and dates inside the text ------------------------------------------------------

def test_same_parent_with_and_without_so():
    text = planted(PARTY, "căn cứ Hướng dẫn này", "căn cứ Kế hoạch 72-KH/TU và Hướng dẫn này")
    assert findings(text) == [("TT-21e", "“72-KH/TU” được trích dẫn 1 lần có chữ “số” (dòng 9) và 1 lần không có "
                                         "(dòng 14): một văn bản, hai cách viết.",
                               "Viết thống nhất có chữ “số” trước ký hiệu (“Chỉ thị số 08-CT/TU”).")]


def test_short_name_that_drops_so():
    text = planted(PARTY, "Ban Tuyên giáo Huyện ủy hướng dẫn như sau:",
                   "Ban Tuyên giáo Huyện ủy hướng dẫn như sau (gọi tắt là Kế hoạch 72-KH/TU):")
    assert [f[0] for f in findings(text)] == ["TT-21e"]


def test_long_date_in_one_place_short_in_another():
    text = planted(PARTY, "căn cứ Hướng dẫn này", "căn cứ Kế hoạch số 72-KH/TU, ngày 15 tháng 4 năm 2024 và Hướng dẫn này")
    assert findings(text) == [("TT-21e", "“72-KH/TU” được trích dẫn 1 lần ghi ngày đầy đủ (“ngày … tháng … năm …”) "
                                         "(dòng 14) và 1 lần ghi ngày viết tắt (dòng 9): một văn bản, hai cách viết.",
                               "Viết thống nhất một kiểu ghi ngày (thường là viết tắt: “ngày 04/5/2023”).")]


def test_comma_before_ngay_in_one_place_only():
    text = planted(PARTY, "căn cứ Hướng dẫn này", "căn cứ Kế hoạch số 72-KH/TU ngày 15/4/2024 và Hướng dẫn này")
    assert [f[0] for f in findings(text)] == ["TT-21e"]


def test_short_name_never_cited_in_full():
    text = planted(PARTY, "căn cứ Hướng dẫn này", "căn cứ Chỉ thị 15 và Hướng dẫn này")
    assert findings(text) == [("TT-21g", "“Chỉ thị 15” là tên viết tắt của một văn bản chưa được trích dẫn đầy đủ "
                                         "trong văn bản.",
                               "Trích dẫn đầy đủ lần đầu: “Chỉ thị số 15-…/…, ngày …/…/… của <cơ quan> về <trích "
                               "yếu>”, rồi mới dùng tên viết tắt.")]


def test_missing_space_after_a_date():
    text = planted(STATE, "ngày 02/8/2024 của", "ngày 02/8/2024của")
    assert findings(text) == [("VB-03", "Thiếu dấu cách sau ngày “02/8/2024”.", "Viết “02/8/2024 của”.")]


def test_date_breaking_the_zero_rule():
    text = planted(STATE, "trước ngày 15/12/2024", "trước ngày 03/1/2025")
    assert findings(text) == [("TT-21a", "Ngày viết chưa đúng: 03/1/2025.", "Sửa “03/1/2025” → “03/01/2025”.")]


# --- 13. Near-misses of administrative terms -----------------------------------------------------------------------

@pytest.mark.parametrize(("written", "right", "confidence"), [
    ("Tuyên tuyền", "Tuyên truyền", 85), ("ngăn chăn", "ngăn chặn", 90), ("Chi thị", "Chỉ thị", 90),
    ("quán triêt", "quán triệt", 95), ("kiễm tra", "kiểm tra", 95),
])
def test_near_misses_of_terms(written, right, confidence):
    text = planted(STATE, "Công tác tuyên truyền bảo đảm", f"Tăng cường {written} và bảo đảm")
    assert findings(text) == [("VB-06", f"“{written}” có thể là “{right}” (độ tin cậy {confidence}%).",
                               f"Viết “{right}” nếu đúng ý.")]


def test_common_misspellings():
    text = planted(STATE, "Công tác tuyên truyền bảo đảm", "Cũng cố công tác tuyên truyền, bổ xung kịp thời, bảo đảm")
    assert findings(text) == [("VB-06", "“Cũng cố” có thể là “Củng cố” (độ tin cậy 95%).", "Viết “Củng cố” nếu đúng ý."),
                              ("VB-06", "“bổ xung” có thể là “bổ sung” (độ tin cậy 95%).", "Viết “bổ sung” nếu đúng ý.")]


@pytest.mark.parametrize("sentence", [
    "Các bộ, ngành và địa phương phối hợp thực hiện.",  # "các bộ" is not "cán bộ"
    "Đổi mới căn bản, toàn diện giáo dục và đào tạo.",  # "căn bản" is not "văn bản"
    "Công nhận danh hiệu cho tập thể, cá nhân tiêu biểu.",  # "công nhận" is not "công nhân"
    "Phát huy vai trò chủ đạo của kinh tế nhà nước, đẩy mạnh xã hội hóa.",  # "đẩy mạnh xã hội" is not "mạng"
    "Đồng chí Nguyễn Văn Bàn, Chủ tịch Ủy ban nhân dân xã.",  # a name
    "Tăng cường quản lí nhà nước về kỷ luật, kỉ cương.",  # i and y after a consonant
])
def test_right_words_near_terms_are_left_alone(sentence):
    assert findings(planted(STATE, "Công tác tuyên truyền bảo đảm thiết thực, hiệu quả, phù hợp với tình hình địa phương.",
                            sentence)) == []


# --- 14. Capitals mid-sentence and glued words ---------------------------------------------------------------------

def test_capital_in_the_middle_of_a_sentence():
    text = planted(PARTY, "Các chi, đảng bộ cơ sở căn cứ", "Thực hiện chỉ đạo của Tỉnh ủy Tăng cường công tác; các chi, đảng bộ cơ sở căn cứ")
    assert findings(text) == [("VB-04", "“Tăng cường” viết hoa giữa câu.", "Viết “tăng cường”.")]


def test_names_keep_their_capitals():
    text = planted(PARTY, "Các chi, đảng bộ cơ sở căn cứ",
                   "Ban Tổ chức, Ủy ban Kiểm tra Huyện ủy và Sở Giáo dục và Đào tạo phối hợp; các chi, đảng bộ cơ sở căn cứ")
    assert findings(text) == []


def test_glued_words():
    text = planted(STATE, "Nâng cao nhận thức", "Triển khaikế hoạch, nâng cao nhận thức")
    assert findings(text) == [("VB-05", "“khaikế” là hai chữ viết liền.", "Viết “khai kế”.")]


def test_kehoachs_own_dated_draft_with_a_named_signer_is_a_draft(tmp_path, monkeypatch):
    """A draft kehoach wrote with the planned date and the signer's name (its record beside it) is not "issued";
    the same file away from its record looks issued with a blank number."""
    import shutil
    from pathlib import Path

    from kehoach.kiemtra import check_path
    from kehoach.workspace.drafts import generate_quick

    monkeypatch.chdir(Path(__file__).resolve().parents[2] / "examples")
    result = generate_quick("binh-dinh/ban-tuyen-giao-tinh-uy", ("21-ct-tw",), "ke_hoach", when="12/3/2026",
                            out_dir=tmp_path / "ra")
    assert check_path(result.output).findings == []
    alone = tmp_path / "mot-minh" / result.output.name
    alone.parent.mkdir()
    shutil.copyfile(result.output, alone)
    assert [(f.rule_id, f.severity, f.message) for f in check_path(alone).findings] == [
        ("TT-12b", "canh_bao", "Số văn bản để trống nhưng văn bản có vẻ đã ban hành (đã điền ngày “ngày 12 tháng 3 "
         "năm 2026” và có tên người ký “Nguyễn Huỳnh Huyện”).")]


def test_two_citations_on_one_line_name_the_line_once():
    """Audit A, 14.12: the places were listed "dòng 9, dòng 9" when a line cited the document twice."""
    text = planted(STATE, "Nâng cao nhận thức của cán bộ, công chức và Nhân dân về tác hại của thuốc lá.",
                   "Triển khai Kế hoạch số 205/KH-UBND ngày 02/8/2024 và tiếp tục quán triệt Kế hoạch số 205/KH-UBND "
                   "ngày 02/8/2024 đến cán bộ.")
    text = planted(text, "Công tác tuyên truyền bảo đảm thiết thực",
                   "Thực hiện Kế hoạch số 205/KH-UBND, ngày 02/8/2024, công tác tuyên truyền bảo đảm thiết thực")
    assert findings(text) == [
        ("TT-21e", "“205/KH-UBND” được trích dẫn 1 lần có dấu phẩy trước “ngày” (dòng 14) và 3 lần không có (dòng 9, "
                   "dòng 12): một văn bản, hai cách viết.", "Viết thống nhất “… ngày …” (không có dấu phẩy).")]
