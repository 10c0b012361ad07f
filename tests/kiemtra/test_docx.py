"""Hand-made .docx drafts: clean ones pass, and every deliberate mistake gives exactly one finding where it is."""

from __future__ import annotations

import pytest
from kiemtra_docs import SPECS, Line, body, heading, state_spec

from kehoach.docx.reader import read_path
from kehoach.kiemtra import check_path


def assert_findings(report, path, expected: set[tuple[str, str | None]]) -> None:
    """Each finding matches one (rule id, start of the paragraph it points to, or None for the whole document)."""
    paragraphs = read_path(path).paragraphs
    found = [(f.rule_id, paragraphs[f.paragraph].clean if f.paragraph is not None else None) for f in report.findings]
    left = list(found)
    for rule_id, start in expected:
        match = next((item for item in left if item[0] == rule_id and
                      (item[1] == start if start is None else (item[1] or "").startswith(start))), None)
        assert match, f"thiếu {(rule_id, start)}; có {found}"
        left.remove(match)
    assert not left, f"phát hiện thừa: {left}"


@pytest.mark.parametrize("system", ["nha_nuoc", "dang", "cong_doan"])
def test_clean_draft_of_each_system_has_no_finding(make_docx, system):
    path = make_docx(SPECS[system]())
    report = check_path(path)
    assert report.system == system
    assert report.findings == []


@pytest.mark.parametrize("system", ["nha_nuoc", "dang", "cong_doan"])
def test_clean_draft_passes_when_the_system_is_forced(make_docx, system):
    assert check_path(make_docx(SPECS[system]()), system).findings == []


def messy_state_spec():
    spec = state_spec()
    spec.paper_mm = (215.9, 279.4)  # Letter
    spec.margins_mm = (20, 20, 20, 15)  # left margin too small
    spec.find("left", "Số").text = "Số 05/KH-UBND"
    spec.find("right", "Nghệ An").text = "Hà Nội, ngày 5 tháng 03 năm 2024"
    spec.find("right", "Độc lập").text = "Độc lập – Tự do – Hạnh phúc"
    spec.body = [
        body("Thực hiện Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư, Ủy ban nhân dân tỉnh ban hành "
             "Kế hoạch như sau:", font="Arial"),
        heading("I. MỤC ĐÍCH, YÊU CẦU"),
        body("1. Bảo đảm thống nhất, đồng bộ."),
        heading("II. NHIỆM VỤ"),
        body("a) Rà soát chương trình đào tạo."),
        body("b) Hoàn thành trước ngày 05/03/2024."),
        body("c) Báo cáo kết quả.", color=(0xC0, 0, 0)),
        body("e) Tổng kết, khen thưởng."),
        heading("IV. TỔ CHỨC THỰC HIỆN"),
        body("Các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.", align="left"),
    ]
    spec.noi_nhan = [Line("Nơi nhận:", 12, bold=True, italic=True, align="left"),
                     Line("- Bộ Nội vụ;", 11, align="left"),
                     Line("- Thường trực Tỉnh ủy", 11, align="left"),
                     Line("- Các sở, ban, ngành.", 11, align="left")]
    spec.find("sign", "TM.").text = "T/M ỦY BAN NHÂN DÂN"
    return spec


def test_messy_state_draft_gives_exactly_its_mistakes(make_docx):
    path = make_docx(messy_state_spec())
    report = check_path(path)
    assert report.system == "nha_nuoc"
    assert_findings(report, path, {
        ("TT-01", None),                                   # Letter paper
        ("TT-02", None),                                   # left margin 20 mm
        ("TT-03", "Thực hiện Chỉ thị số 21-CT"),           # Arial run
        ("TT-04", "c) Báo cáo kết quả."),                  # red text
        ("TT-08", "Độc lập – Tự do – Hạnh phú"),           # en dashes in the Tiêu ngữ
        ("TT-11", "Số 05/KH-UBND"),                        # no colon after Số
        ("TT-14", "Hà Nội, ngày 5 tháng 03 n"),            # day not padded, month 03 padded
        ("TT-19a", "Các cơ quan, đơn vị nghiêm"),          # left-aligned body paragraph
        ("TT-20a", "IV. TỔ CHỨC THỰC HIỆN"),               # I, II, IV
        ("TT-20c", "e) Tổng kết, khen thưởng."),           # a b c e (d, đ missing)
        ("TT-21a", "b) Hoàn thành trước ngày 0"),          # 05/03/2024
        ("TT-23", "T/M ỦY BAN NHÂN DÂN"),                  # Party prefix in a State document
        ("TT-29", "- Thường trực Tỉnh ủy"),                # item without ";"
        ("TT-30", "- Các sở, ban, ngành."),                # last item is not "- Lưu: VT, …"
    })
    assert len(report.findings) == 14
    severities = {f.rule_id: f.severity for f in report.findings}
    assert severities["TT-21a"] == "canh_bao"
    assert all(severities[r] == "loi" for r in ("TT-01", "TT-02", "TT-11", "TT-14", "TT-20a", "TT-23", "TT-30"))


def test_messy_findings_explain_themselves(make_docx):
    report = check_path(make_docx(messy_state_spec()))
    by_id = {f.rule_id: f for f in report.findings}
    assert by_id["TT-20a"].message.startswith("Thiếu mục III")
    assert "d), đ)" in by_id["TT-20c"].message
    assert by_id["TT-14"].suggestion == "Viết “Hà Nội, ngày 05 tháng 3 năm 2024”."
    assert by_id["TT-11"].suggestion == "Viết “Số: 05/KH-UBND”."
    assert by_id["TT-21a"].suggestion == "Sửa “05/03/2024” → “05/3/2024”."
    assert by_id["TT-23"].suggestion == "Viết “TM. ỦY BAN NHÂN DÂN”."
    assert by_id["TT-01"].message.startswith("Trang hiện là 215,9 × 279,4 mm – khổ Letter")
    assert by_id["TT-02"].message == "Lề trái 20,0 mm (cần 30–35 mm)."
    assert by_id["TT-11"].source == "NĐ 30/2020/NĐ-CP, Phụ lục I"
    for finding in report.findings:
        assert finding.rule and finding.source and finding.suggestion and finding.message


def test_missing_rules_and_star_are_reported(make_docx):
    spec = state_spec()
    spec.left = [line for line in spec.left if line.text or not line.border]  # no rule under the issuer
    spec.find("right", "Độc lập").border = False
    spec.top = [line for line in spec.top if line.text]  # no rule under the trích yếu
    spec.left.insert(2, Line("*", 13))
    path = make_docx(spec)
    assert_findings(check_path(path), path, {
        ("TT-09", "Độc lập - Tự do - Hạnh phú"), ("TT-10b", "TỈNH NGHỆ AN"),
        ("TT-16c", "Triển khai thực hiện Chỉ t"), ("TT-32", "*")})


def test_drawn_lines_count_as_rules(make_docx):
    spec = state_spec()
    tieu_ngu = spec.find("right", "Độc lập")
    tieu_ngu.border, tieu_ngu.drawing = False, True
    rule = next(line for line in spec.left if line.border)
    rule.border, rule.drawing = False, True
    path = make_docx(spec)
    assert check_path(path).findings == []
    assert any(p.has_drawing for p in read_path(path).paragraphs)


def test_party_rules_on_a_party_draft(make_docx):
    spec = SPECS["dang"]()
    spec.find("sign", "T/M").text = "K/T BÍ THƯ"
    spec.find("sign", "PHÓ BÍ THƯ").bold = True
    spec.find("left", "Số").text = "Số: 452/KH-HU"
    spec.top = [line for line in spec.top if line.text != "-----"]
    spec.body[-1].text += "/."  # ends "./.": a warning from 2026 (HD 05), not before
    spec.find("right", "Phong Thổ").text = "Phong Thổ, ngày 13 tháng 8 năm 2026"
    spec.noi_nhan[-1].text = "- Lưu: VT, VPHU."
    path = make_docx(spec)
    assert_findings(check_path(path), path, {
        ("TT-11", "Số: 452/KH-HU"), ("TT-16c", "thực hiện Chỉ thị số 21-C"), ("TT-22", "Ban Tuyên giáo Huyện ủy th"),
        ("TT-24", "K/T BÍ THƯ"), ("TT-25b", "PHÓ BÍ THƯ"), ("TT-30", "- Lưu: VT, VPHU.")})


def test_state_header_in_a_party_document_is_mixing(make_docx):
    spec = SPECS["dang"]()
    spec.right.insert(0, Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True))
    path = make_docx(spec)
    report = check_path(path)
    assert report.system == "dang"
    assert_findings(report, path, {("TT-32", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA ")})


def test_page_numbers_and_signature_space(make_docx):
    spec = state_spec()
    spec.page_number = False
    spec.sign = [line for line in spec.sign if line.text][:2] + [Line(""), Line("TS. Nguyễn Văn An", 14, bold=True)]
    path = make_docx(spec)
    report = check_path(path)
    assert_findings(report, path, {("TT-06", None), ("TT-26", "TS. Nguyễn Văn An"), ("TT-27", "TS. Nguyễn Văn An")})
    page = next(f for f in report.findings if f.rule_id == "TT-06")
    assert "PAGE" in page.message and "Different First Page" in page.message


def test_body_format_rules(make_docx):
    spec = state_spec()
    first = spec.body[0]
    first.size, first.indent_mm, first.after_pt = 12, 0, 0
    spec.body[3].size = 13  # within 13–14 but not the common size
    spec.body[-1].bold = True
    path = make_docx(spec)
    ids = {f.rule_id for f in check_path(path).findings}
    assert ids == {"TT-19b", "TT-19c", "TT-19d", "TT-19e", "TT-19f"}
