"""The five real seeds, read as flattened text: their known mistakes are found, their correct parts pass."""

from __future__ import annotations

import pytest

from kehoach.kiemtra import check_path

# What a careful văn thư would write in the margin of each seed (see the comments for each id).
EXPECTED = {
    "000_965ccc07f17a42d3.txt": ("cong_doan", {
        "TT-20a",  # sections I, III, IV: mục II is missing
        "TT-21c",  # "Nghị định số 140/NĐ-CP": a decree's symbol carries its year (140/2018/NĐ-CP)
        "VB-02",   # "Chi thị số 21-CT/TW" for "Chỉ thị"
        "ND-02",   # the closing cites Kế hoạch 349/KH-TLĐ and Chỉ thị 21-CT/TW in full again (issue 13)
    }),
    "001_140cb78ac0f587d2.txt": ("dang", {
        "TT-20d",  # "I - …", "II - …" then "III. …": two ways of numbering the sections
        # Not TT-21f: every citation is written without the comma before "ngày"; one style throughout is right.
        # Not TT-22: a Party document of 2024 (HD 36 period) may end "./.".
        "TT-23",   # "PHÓ TRƯỞNG BAN" signing without "K/T TRƯỞNG BAN"
        "TT-29",   # "- Cơ quan Thường trực BTGTW khu vực MT-TN" without its separator
    }),
    "002_24f0aacb16f28d3b.txt": ("dang", {
        "TT-16b",  # Party trích yếu starting with a capital ("Thực hiện …")
        "TT-20a",  # sections I, II, III, V: mục IV is missing
        "TT-21e",  # 21-CT/TW cited twice with ", ngày" and twice with " ngày"
    }),
    "003_80359e7740833f5c.txt": ("cong_doan", {
        "TT-21b",  # "72- KH/TU": a space inside the symbol
        "TT-22",   # the content does not end with "./."
        "VB-01",   # "nghề nghề nghiệp"
    }),
    "004_f2391f32d5c3f913.txt": ("cong_doan", {
        "TT-20d",  # "1.Tăng cường …": no space after the number
        "TT-21d",  # the parent cited as both 389-KH/TW and 389-KH/TU
        "TT-21e",  # "Kết luận số 51-KL/TW" five times, "Kết luận 51-KL/TW" once
        "TT-21g",  # "Chỉ thị số 05-CT/TW của Bộ Chính trị" is never cited with its date
        "TT-30",   # "- Lưu VT, TCTGNC. (Ng)": no colon after "Lưu"
        "VB-04",   # "… của Ban Bí thư về Tiếp tục thực hiện …": a capital in the middle of the subject
        "VB-06",   # "Tuyên tuyền" for "Tuyên truyền", "ngăn chăn" for "ngăn chặn"
    }),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_findings(seeds, name):
    system, rule_ids = EXPECTED[name]
    report = check_path(seeds / name)
    assert report.system == system
    assert report.source_kind == "txt"
    assert report.rule_ids() == rule_ids


def _at(report, rule_id):
    return [f for f in report.findings if f.rule_id == rule_id]


def test_000_missing_section_ii_and_correct_header(seeds):
    report = check_path(seeds / "000_965ccc07f17a42d3.txt")
    (gap,) = _at(report, "TT-20a")
    assert gap.severity == "loi"
    assert gap.message.startswith("Thiếu mục II")
    assert gap.where == "dòng 38" and gap.quote.startswith("III. NHIỆM VỤ")
    # The date line, the number line, the signature and "- Lưu: VT, Ban CSPL&QHLD." are correct.
    assert not {"TT-11", "TT-12", "TT-13", "TT-14", "TT-23", "TT-29", "TT-30"} & report.rule_ids()


def test_002_missing_section_iv_and_two_citation_styles(seeds):
    report = check_path(seeds / "002_24f0aacb16f28d3b.txt")
    (gap,) = _at(report, "TT-20a")
    assert gap.message.startswith("Thiếu mục IV") and gap.where == "dòng 115"
    (styles,) = _at(report, "TT-21e")
    assert styles.severity == "canh_bao"
    assert "21-CT/TW" in styles.message and "2 lần có dấu phẩy" in styles.message
    # "Số 452-KH/HU" and "T/M BAN THƯỜNG VỤ" are the Party forms.
    assert not {"TT-11", "TT-12", "TT-23", "TT-24"} & report.rule_ids()


def test_004_parent_cited_two_ways_is_an_error(seeds):
    report = check_path(seeds / "004_f2391f32d5c3f913.txt")
    (twice,) = _at(report, "TT-21d")
    assert twice.severity == "loi"  # same number, type and date: one document
    assert "389-KH/TW" in twice.message and "389-KH/TU" in twice.message
    # "của Ban Thường vụ Tỉnh ủy" says the issuer code is TU: the TW citation is the odd one.
    assert twice.quote == "389-KH/TW" and twice.where == "dòng 9"


def test_001_separator_and_deputy_signature(seeds):
    report = check_path(seeds / "001_140cb78ac0f587d2.txt")
    (item,) = _at(report, "TT-29")
    assert item.quote == "- Cơ quan Thường trực BTGTW khu vực MT-TN"
    assert item.suggestion == "Viết “- Cơ quan Thường trực BTGTW khu vực MT-TN,”."
    (deputy,) = _at(report, "TT-23")
    assert deputy.quote == "PHÓ TRƯỞNG BAN" and "K/T TRƯỞNG BAN" in deputy.suggestion


def test_004_near_misses_of_terms(seeds):
    report = check_path(seeds / "004_f2391f32d5c3f913.txt")
    assert [(f.message, f.suggestion, f.severity) for f in _at(report, "VB-06")] == [
        ("“Tuyên tuyền” có thể là “Tuyên truyền” (độ tin cậy 85%).", "Viết “Tuyên truyền” nếu đúng ý.", "canh_bao"),
        ("“ngăn chăn” có thể là “ngăn chặn” (độ tin cậy 90%).", "Viết “ngăn chặn” nếu đúng ý.", "canh_bao")]
    (capital,) = _at(report, "VB-04")
    assert (capital.message, capital.suggestion) == ("“Tiếp tục” viết hoa giữa câu.", "Viết “tiếp tục”.")


def test_003_typos(seeds):
    report = check_path(seeds / "003_80359e7740833f5c.txt")
    assert [f.where for f in _at(report, "VB-01")] == ["dòng 26", "dòng 29"]
    assert {f.quote for f in _at(report, "TT-21b")} == {"72- KH/TU"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_forcing_the_detected_system_changes_nothing(seeds, name):
    system, rule_ids = EXPECTED[name]
    assert check_path(seeds / name, system).rule_ids() == rule_ids


def test_a_seed_checked_as_the_wrong_system_reports_the_other_forms(seeds):
    report = check_path(seeds / "002_24f0aacb16f28d3b.txt", "nha_nuoc")
    assert {"TT-11", "TT-23", "TT-30"} <= report.rule_ids()
