# ruff: noqa: E501  (the texts are documents: one paragraph per line, as long as the paragraph)
"""Knowing what it reads (issue 14, 5–6) and the findings that were wrong (15–19).

The texts are invented for these tests, in the shapes real documents and portal pages have.
"""

from __future__ import annotations

import pytest
from kiemtra_docs import SPECS, Line, doan_spec, party_spec

from kehoach.kiemtra import check_path, check_text

# Party texts as portals repost them: no header, sometimes no signature. Each carries the Party's marks in its body.
HEADERLESS_PARTY = {
    "hướng dẫn của ban tuyên giáo": ("""HƯỚNG DẪN
tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng
Thực hiện Hướng dẫn số 112-HD/BTGTW, ngày 20/12/2024 của Ban Tuyên giáo Trung ương, Ban Tuyên giáo Tỉnh ủy hướng dẫn công tác tuyên truyền như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Tuyên truyền sâu rộng truyền thống vẻ vang của Đảng trong cán bộ, đảng viên và Nhân dân.
2. Công tác tuyên truyền bảo đảm thiết thực, hiệu quả.
II. NỘI DUNG TUYÊN TRUYỀN
Các cấp ủy, tổ chức đảng chỉ đạo tuyên truyền phù hợp với tình hình địa phương.
""", "nhận diện từ phần mở đầu: “Ban Tuyên giáo Tỉnh ủy hướng dẫn…”; trích dẫn văn bản 112-HD/BTGTW; từ ngữ của "
     "Đảng (3 lần); chưa chắc chắn (chỉ định bằng --he-thong nếu sai)", False),
    "kế hoạch của huyện ủy": ("""KẾ HOẠCH
triển khai Kết luận số 84-KL/TW, ngày 21/6/2024 của Bộ Chính trị
Thực hiện Kế hoạch số 205-KH/TU, ngày 02/8/2024 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
Các chi bộ, đảng bộ cơ sở quán triệt đầy đủ nội dung Kết luận.
II. NHIỆM VỤ
Cấp ủy các cấp lãnh đạo, chỉ đạo thực hiện nghiêm túc.
""", "nhận diện từ phần mở đầu: “Ban Thường vụ Huyện ủy xây dựng…”; trích dẫn văn bản 205-KH/TU; từ ngữ của Đảng "
     "(3 lần); chưa chắc chắn (chỉ định bằng --he-thong nếu sai)", False),
    "tin về kế hoạch của đảng ủy xã": ("""Đảng ủy xã ban hành kế hoạch thực hiện Nghị quyết
Căn cứ Kế hoạch số 31-KH/TU, ngày 10/10/2024 và Hướng dẫn số 08-HD/BTCTU, ngày 15/10/2024 của Ban Tổ chức Tỉnh ủy, Đảng ủy xã xây dựng Kế hoạch như sau:
1. Các chi bộ trực thuộc tổ chức học tập, quán triệt cho đảng viên.
2. Văn phòng Đảng ủy theo dõi, tổng hợp, báo cáo kết quả.
""", "nhận diện từ phần mở đầu: “Đảng ủy xã ban hành…”; phần mở đầu: “Đảng ủy xã xây dựng…”; trích dẫn văn bản "
     "08-HD/BTCTU, 31-KH/TU", True),
    "chỉ phần nội dung": ("""Thực hiện Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị và Kế hoạch số 190-KH/TU, ngày 01/7/2024 của Ban Thường vụ Tỉnh ủy về đại hội đảng bộ các cấp.
1. Các cấp ủy chuẩn bị tốt văn kiện, nhân sự đại hội.
2. Ủy ban Kiểm tra Huyện ủy theo dõi việc thực hiện; các chi bộ, đảng viên nghiêm túc thực hiện.
""", "nhận diện từ trích dẫn văn bản 190-KH/TU; từ ngữ của Đảng (4 lần); chưa chắc chắn (chỉ định bằng --he-thong "
     "nếu sai)", False),
    "có chữ ký, không có phần đầu": ("""KẾ HOẠCH
tổ chức hội nghị học tập
Thực hiện Hướng dẫn số 126-HD/BTGTU, ngày 05/3/2024 của Ban Tuyên giáo Tỉnh ủy, Đảng ủy Khối xây dựng kế hoạch như sau:
1. Đối tượng: cán bộ, đảng viên trong Đảng bộ Khối.
2. Thời gian: quý II năm 2024.
Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy,
- Các chi, đảng bộ cơ sở,
- Lưu VP.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Lê Văn Hùng
""", "nhận diện từ dòng “Lưu …” không có “VT”; quyền hạn ký “T/M”, “K/T”; phần mở đầu: “Đảng ủy Khối xây "
     "dựng…”; trích dẫn văn bản 126-HD/BTGTU", True),
    "hướng dẫn của ban dân vận": ("""HƯỚNG DẪN
về công tác dân vận năm 2025
Căn cứ Kế hoạch số 250-KH/TU, ngày 20/12/2024 của Ban Thường vụ Tỉnh ủy, Ban Dân vận Tỉnh ủy hướng dẫn thực hiện như sau:
1. Các cấp ủy, chính quyền tăng cường công tác dân vận.
2. Đảng viên gương mẫu, gần dân, sát dân.
""", "nhận diện từ phần mở đầu: “Ban Dân vận Tỉnh ủy hướng dẫn…”; trích dẫn văn bản 250-KH/TU; chưa chắc chắn (chỉ "
     "định bằng --he-thong nếu sai)", False),
}


@pytest.mark.parametrize("name", sorted(HEADERLESS_PARTY))
def test_party_texts_without_header_are_party_texts(name):
    text, reason, certain = HEADERLESS_PARTY[name]
    report = check_text(text)
    assert (report.system, report.system_reason, report.system_certain) == ("dang", reason, certain)
    assert report.findings == []  # no "thiếu ./.", no State form demanded


def test_a_state_text_citing_a_party_plan_stays_a_state_text():
    text = """KẾ HOẠCH
thực hiện Kế hoạch số 205-KH/TU của Ban Thường vụ Tỉnh ủy
Thực hiện Kế hoạch số 205-KH/TU, ngày 02/8/2024 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:
1. Các sở, ban, ngành xây dựng kế hoạch cụ thể.
2. Sở Nội vụ theo dõi, tổng hợp, báo cáo Ủy ban nhân dân tỉnh./.
"""
    report = check_text(text)
    assert report.system == "nha_nuoc" and not report.system_certain
    assert report.system_reason == ("nhận diện từ phần mở đầu: “Ủy ban nhân dân tỉnh ban hành…”; nội dung kết thúc "
                                    "bằng “./.”; có dấu hiệu của Đảng: trích dẫn văn bản 205-KH/TU; chưa chắc chắn "
                                    "(chỉ định bằng --he-thong nếu sai)")


def test_when_unsure_the_rules_of_one_system_only_warn():
    text = HEADERLESS_PARTY["kế hoạch của huyện ủy"][0] + "Nơi nhận:\n- Các chi bộ,\n- Lưu: VT, VPHU.\n"
    report = check_text(text)
    assert report.system == "dang" and not report.system_certain
    assert [(f.rule_id, f.severity) for f in report.findings] == [("TT-30", "canh_bao")]
    forced = check_text(text, "dang")
    assert [(f.rule_id, f.severity) for f in forced.findings] == [("TT-30", "canh_bao")]  # TT-30 warns for Đ anyway
    forced = check_text(text.replace("- Lưu: VT, VPHU.", "- Lưu VPHU.").replace("Nơi nhận:", "Nơi nhận"), "dang")
    assert [(f.rule_id, f.severity) for f in forced.findings] == [("TT-28", "canh_bao")]


# --- 6. The Đoàn and the mass organisations ------------------------------------------------------------------------

@pytest.mark.parametrize(("system", "reason"), [
    ("doan", "nhận diện từ tiêu đề “ĐOÀN TNCS HỒ CHÍ MINH”; tên cơ quan “BCH ĐOÀN TỈNH LAI CHÂU”; tên cơ quan "
             "“TỈNH ĐOÀN LAI CHÂU”; dấu “***” dưới tên cơ quan; có dấu hiệu của Nhà nước: dòng “Lưu: VT”; nội dung "
             "kết thúc bằng “./.”"),
    ("hoi", "nhận diện từ Quốc hiệu; tên cơ quan “HỘI LHPN VIỆT NAM”; tên cơ quan “HỘI LHPN TỈNH LAI CHÂU”; dòng "
            "số, ký hiệu có dấu hai chấm (“Số: 25/KH-HPN”)"),
])
def test_doan_and_hoi_are_systems_of_their_own(make_docx, system, reason):
    report = check_path(make_docx(SPECS[system]()))
    assert (report.system, report.system_reason, report.findings) == (system, reason, [])


def test_doan_rules_are_its_own_and_only_warn(make_docx):
    spec = doan_spec()
    spec.left = [line for line in spec.left if line.text != "***"]
    spec.find("left", "Số").text = "Số 12-KH/TĐTN-VP"
    report = check_path(make_docx(spec))
    assert [(f.rule_id, f.severity, f.message, f.suggestion) for f in report.findings] == [
        ("TT-10b", "canh_bao", "Dưới tên cơ quan ban hành không có “***”.", "Thêm một dòng “***” canh giữa."),
        ("TT-11", "canh_bao", "Thiếu dấu hai chấm sau “Số”.", "Viết “Số: 12-KH/TĐTN-VP”.")]
    assert report.findings[1].rule.endswith("ví dụ “Số: 12-KH/TĐTN-VP”; không cách chữ.")
    assert report.findings[1].source.startswith("thông lệ văn bản của Đoàn TNCS Hồ Chí Minh")


def test_a_doan_document_is_not_asked_for_the_quoc_hieu(make_docx):
    report = check_path(make_docx(doan_spec()), "doan")
    assert report.findings == []
    assert {f.rule_id for f in check_path(make_docx(doan_spec()), "nha_nuoc").findings} >= {"TT-07", "TT-11"}


# --- 15. A repeated word that starts a name -----------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Chuẩn bị Đại hội Hội Liên hiệp Phụ nữ tỉnh lần thứ XV.",
    "Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo thực hiện.",
    "Đại hội Hội Nông dân các cấp.",
])
def test_a_word_before_the_same_word_capitalised_is_not_a_repeat(sentence):
    assert check_text(f"KẾ HOẠCH\nvề việc tổ chức\n{sentence}\n", "dang").findings == []


def test_a_real_repeat_is_still_found():
    (finding,) = check_text("KẾ HOẠCH\nvề việc tổ chức\nTriển khai đến các các chi bộ.\n", "dang").findings
    assert (finding.rule_id, finding.message, finding.suggestion) == (
        "VB-01", "Từ “các” viết hai lần liền nhau.", "Xóa một chữ “các”.")


# --- 16. The Party "./." -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("year", "expected"), [(2024, []), (2025, []), (2026, ["TT-22"])])
def test_party_dot_slash_dot_is_a_warning_only_in_the_hd05_period(make_docx, year, expected):
    spec = party_spec()
    spec.body[-1].text += "/."
    spec.find("right", "Phong Thổ").text = f"Phong Thổ, ngày 13 tháng 8 năm {year}"
    report = check_path(make_docx(spec))
    assert [f.rule_id for f in report.findings] == expected
    for finding in report.findings:
        assert (finding.severity, finding.message) == ("canh_bao", f"Văn bản năm {year} kết thúc bằng “./.”.")
        assert finding.source == "HD 05-HD/VPTW (2026, chưa xác nhận bản chính thức)"
        assert "văn bản thời HD 36-HD/VPTW thường kết thúc bằng “./.”, không sai" in finding.rule


# --- 17. Either comma style before "ngày"; a document that mixes both ----------------------------------------------

PARTY_DOC = """Số 15-KH/HU
Phong Thổ, ngày 13 tháng 8 năm 2024
KẾ HOẠCH
thực hiện Chỉ thị số 21-CT/TW của Ban Bí thư
Thực hiện Chỉ thị số 21-CT/TW{a} ngày 04/5/2023 của Ban Bí thư và Kế hoạch số 184-KH/TU{b} ngày 27/6/2023 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng Kế hoạch như sau:
Căn cứ Hướng dẫn số 157-HD/BTGTW{c} ngày 21/5/2024 của Ban Tuyên giáo Trung ương, các chi bộ thực hiện.
Nơi nhận:
- Thường trực Tỉnh ủy (b/c),
- Lưu VPHU.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn Thanh
"""


@pytest.mark.parametrize("comma", [",", ""])
def test_one_comma_style_throughout_is_right(comma):
    assert check_text(PARTY_DOC.format(a=comma, b=comma, c=comma)).findings == []


def test_a_document_mixing_both_styles_is_flagged_once():
    (finding,) = check_text(PARTY_DOC.format(a=",", b=",", c="")).findings
    assert (finding.rule_id, finding.severity, finding.where, finding.quote) == (
        "TT-21f", "canh_bao", "dòng 6", "157-HD/BTGTW ngày 21/5/2024")
    assert finding.message == ("Văn bản trích dẫn 2 lần có dấu phẩy trước “ngày” và 1 lần không có; lần khác kiểu đầu "
                               "tiên ở dòng 6.")
    assert finding.suggestion == "Viết thống nhất “…, ngày …”, như phần lớn văn bản."


# --- 18. Two-part issuer codes -------------------------------------------------------------------------------------

def test_two_part_issuer_codes_are_well_formed(make_docx):
    spec = doan_spec()
    spec.left = [Line("BAN CHẤP HÀNH TRUNG ƯƠNG", 14, bold=True), Line("***", 14), Line("Số: 12-KH/TWĐTN-VP", 14)]
    assert check_path(make_docx(spec)).findings == []  # the body cites "45-KH/TWĐTN-VP" too


# --- 19. Text pasted from a web page -------------------------------------------------------------------------------

WEB_PAGE = """Trang chủ > Văn bản > Văn bản chỉ đạo, điều hành
Đăng ngày: 5/3/2024 08:15 | Lượt xem: 1.024
Số kí hiệu	15-KH/TU
Ngày ban hành	5/3/2024
Cơ quan ban hành	Tỉnh ủy
Xem nội dung văn bản tại đây
TỈNH ỦY HÒA BÌNH XANH
*
Số 15-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hòa Bình Xanh, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
thực hiện Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư
Thực hiện Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:
I- MỤC ĐÍCH, YÊU CẦU
1. Quán triệt sâu sắc nội dung Chỉ thị đến cán bộ, đảng viên.
2. Bảo đảm thực hiện nghiêm túc, hiệu quả.
II- TỔ CHỨC THỰC HIỆN
Ban Tuyên giáo Tỉnh ủy theo dõi, đôn đốc, định kỳ báo cáo Ban Thường vụ Tỉnh ủy.
Nơi nhận:
- Ban Bí thư Trung ương Đảng (b/c),
- Các huyện ủy, thành ủy,
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
(Đã ký)
Trần Văn Bình
Tin liên quan
Hội nghị tổng kết công tác năm 2023 (15/1/2024)
Bản quyền © 2024 Cổng thông tin điện tử
"""


def test_the_web_page_around_a_document_raises_nothing():
    report = check_text(WEB_PAGE)
    assert report.system == "dang" and report.findings == []
    assert report.notes == ["chỉ kiểm tra phần văn bản (dòng 7 đến dòng 27); bỏ qua 6 dòng trước và 3 dòng sau không "
                            "thuộc văn bản (phần của trang web: thời gian đăng, bảng thông tin, liên kết). Dùng "
                            "--ca-tep để kiểm tra cả tệp."]


def test_the_whole_page_can_still_be_checked():
    report = check_text(WEB_PAGE, whole=True)
    assert report.notes == []
    assert sorted({(f.rule_id, f.where) for f in report.findings}) == [
        ("TT-11", "dòng 3"), ("TT-21a", "dòng 2"), ("TT-21a", "dòng 29"), ("TT-21a", "dòng 4")]


def test_a_document_without_a_header_starts_at_its_title():
    page = "Đăng ngày: 5/3/2024 08:15\nXem chi tiết văn bản\n" + HEADERLESS_PARTY["kế hoạch của huyện ủy"][0]
    report = check_text(page)
    assert report.findings == [] and report.notes[0].startswith("chỉ kiểm tra phần văn bản (dòng 3 đến dòng 9)")
