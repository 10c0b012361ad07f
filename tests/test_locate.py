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


DRAFT = ["KẾ HOẠCH", "thực hiện Chỉ thị số 21-CT/TW ngày 04/5/2023", "của Ban Bí thư", "-----",
         "Thực hiện Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch:",
         "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức.", "III. TỔ CHỨC THỰC HIỆN", "1. Liên đoàn Lao động tỉnh",
         "Theo dõi, tổng hợp.", "Trên đây là Kế hoạch thực hiện Chỉ thị số 21-CT/TW của Ban Thường vụ Tỉnh ủy./.",
         "Nơi nhận:"]


def test_the_trich_yeu_is_named_so_apart_from_the_opening_that_shares_its_words():
    """Audit A, 10.5: a conflict in the trích yếu was named by words the opening starts with too."""
    assert locate(DRAFT, 1) == "trích yếu, đoạn bắt đầu “thực hiện Chỉ thị số 21-CT/TW…”"
    assert locate(DRAFT, 2) == "trích yếu, đoạn bắt đầu “của Ban Bí thư”"
    assert locate(DRAFT, 4) == "đoạn bắt đầu “Thực hiện Chỉ thị số 21-CT/TW…”"
    assert locate(DRAFT, 3) == "đoạn bắt đầu “-----”"  # the Party's line under the trích yếu is not the trích yếu
    assert locate(TEXTS, 1) == "đoạn bắt đầu “Thực hiện Chỉ thị số 21-CT/TW,…”"  # an opening right under the title


def test_the_closing_is_not_a_paragraph_of_the_last_sub_heading():
    """Audit A, 10.5: "Trên đây là Kế hoạch…" was placed in "mục III › 1. Liên đoàn Lao động tỉnh"."""
    assert locate(DRAFT, 10) == "phần kết, đoạn bắt đầu “Trên đây là Kế hoạch thực…”"
    assert heading_path(DRAFT, 10) == []
    assert locate(DRAFT, 9) == "mục “III. TỔ CHỨC THỰC HIỆN › 1. Liên đoàn Lao động tỉnh”, đoạn bắt đầu “Theo dõi, tổng hợp.”"
    letter = ["Kính gửi:", "1. Đối với các cấp công đoàn", "- Tăng cường kiểm tra.", "2. Trung tâm Giáo dục",
              "- Đổi mới nội dung.", "Đề nghị các cấp công đoàn trong tỉnh nghiêm túc triển khai thực hiện./."]
    assert locate(letter, 5) == "phần kết, đoạn bắt đầu “Đề nghị các cấp công đoàn…”"
    assert locate(letter, 4) == "mục “2. Trung tâm Giáo dục”, đoạn bắt đầu “- Đổi mới nội dung.”"


def test_kiemtra_names_each_paragraph_as_the_build_does(generated):
    """Audit A, 10.5: kiemtra said "đoạn 13" where the build said 'đoạn bắt đầu “…”': both now name a paragraph
    through docx/locate, and the names agree on every paragraph of every example draft."""
    import zipfile

    from lxml import etree

    from kehoach.docx.locate import body_spots, name_spot
    from kehoach.docx.reader import read_path
    from kehoach.kiemtra.context import Context
    from kehoach.kiemtra.structure import analyse

    for seed in ("000", "002", "003", "gia-lai-6-ubnd-xa"):
        path = generated[seed].path
        body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml")).find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body")
        spots = body_spots(body)
        built = [name_spot(spots, i) for i in range(len(spots)) if spots[i].text.strip()]
        model = read_path(path)
        ctx = Context(model=model, system="nha_nuoc", layout=analyse(model), certain=True, chosen={})
        kiemtra = [ctx.place(p) for p in model.paragraphs if p.clean and p.kind in ("body", "table") and not p.part]
        assert kiemtra == built, seed
