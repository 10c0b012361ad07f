"""kiemtra's rules on what a plan assigns and cites (rules_assign.py): each fails on the text issue 13 saw."""

from __future__ import annotations

from kehoach.kiemtra import RULES, check_text

BOILERPLATE = ("Theo chức năng, nhiệm vụ, tham mưu triển khai thực hiện Kế hoạch số 112/KH-UBND; theo dõi, đôn đốc, "
               "tổng hợp và báo cáo kết quả.")
FULL = ("Kế hoạch số 112/KH-UBND ngày 20/3/2026 của Ủy ban nhân dân tỉnh Tây Ninh về phát triển giáo dục nghề "
        "nghiệp năm 2026")
HEAD = """ỦY BAN NHÂN DÂN
XÃ LONG THUẬN ĐÔNG
Số: 05/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Long Thuận Đông, ngày 05 tháng 4 năm 2026
KẾ HOẠCH
Thực hiện Kế hoạch số 112/KH-UBND
"""
TAIL = """Nơi nhận:
- Ủy ban nhân dân tỉnh (để b/c);
- Lưu: VT, VHXH.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


def _plan(organisation: list[str], closing: str) -> str:
    return (HEAD + f"Thực hiện {FULL} (viết tắt là Kế hoạch số 112/KH-UBND), Ủy ban nhân dân xã ban hành Kế hoạch "
            "như sau:\nI. NHIỆM VỤ\n1. Tuyên truyền về giáo dục nghề nghiệp.\nII. TỔ CHỨC THỰC HIỆN\n"
            + "\n".join(organisation) + "\n" + closing + "\n" + TAIL)


def test_rules_are_registered_with_sources():
    for rule_id in ("ND-01", "ND-02"):
        info = RULES[rule_id]
        assert info.title and info.pick(info.text, "dang") and info.pick(info.source, "nha_nuoc")


def test_the_same_boilerplate_for_every_department_is_reported():
    """Issue 13: "three departments get the same line ("Theo chức năng, nhiệm vụ, tham mưu triển khai …")"."""
    text = _plan(["1. Ủy ban nhân dân xã", f"- Giao Văn phòng: {BOILERPLATE}", f"- Giao Phòng Kinh tế: {BOILERPLATE}",
                  f"- Giao Phòng Văn hóa - Xã hội: {BOILERPLATE}"],
                 "Trên đây là Kế hoạch thực hiện Kế hoạch số 112/KH-UBND, yêu cầu các cơ quan nghiêm túc thực hiện./.")
    found = [f for f in check_text(text, "nha_nuoc").findings if f.rule_id == "ND-01"]
    assert [f.quote[:24] for f in found] == ["- Giao Phòng Kinh tế: Th", "- Giao Phòng Văn hóa - X"]
    assert all(f.severity == "canh_bao" and f.message.startswith("Lời giao việc này giống hệt") for f in found)


def test_the_same_line_under_two_khoan_headings_is_reported():
    line = "- Căn cứ Kế hoạch số 112/KH-UBND, xây dựng kế hoạch thực hiện phù hợp với tình hình thực tế."
    text = _plan(["1. Các thôn", line, "2. Các ấp", line], "Trên đây là Kế hoạch thực hiện Kế hoạch số 112/KH-UBND./.")
    assert [f.rule_id for f in check_text(text, "nha_nuoc").findings if f.rule_id.startswith("ND")] == ["ND-01"]


def test_each_department_with_its_own_work_passes():
    text = _plan(["1. Phòng Văn hóa - Xã hội", "- Tổ chức tuyên truyền sâu rộng về giáo dục nghề nghiệp trên địa bàn.",
                  "2. Phòng Kinh tế", "- Rà soát nhu cầu học nghề, giới thiệu việc làm cho lao động nông thôn."],
                 "Trên đây là Kế hoạch thực hiện Kế hoạch số 112/KH-UBND, yêu cầu các cơ quan nghiêm túc thực hiện./.")
    assert not {r for r in check_text(text, "nha_nuoc").rule_ids() if r.startswith("ND")}


def test_the_full_chain_again_in_the_closing_is_reported():
    """Issue 13: "The full citation chain is printed three times (title, opening, closing)"."""
    text = _plan(["1. Phòng Văn hóa - Xã hội", "- Tổ chức tuyên truyền sâu rộng về giáo dục nghề nghiệp."],
                 f"Trên đây là Kế hoạch thực hiện {FULL}, yêu cầu các cơ quan nghiêm túc thực hiện./.")
    (found,) = [f for f in check_text(text, "nha_nuoc").findings if f.rule_id == "ND-02"]
    assert found.message == ("Câu kết trích dẫn lại đầy đủ (có ngày, cơ quan ban hành) văn bản số 112/KH-UBND đã "
                             "trích đầy đủ ở phần mở đầu.")
