"""Each example reproduces its seed's fixed lines exactly (in the corrected form where the seed is wrong)."""

from __future__ import annotations

import pytest

from .conftest import seen

SUBJECT_21 = ("về tiếp tục đổi mới, phát triển và nâng cao chất lượng giáo dục nghề nghiệp đến năm 2030, "
              "tầm nhìn đến năm 2045")
KL_51 = ("về tiếp tục thực hiện Nghị quyết Hội nghị Trung ương 8 khóa XI về đổi mới căn bản, toàn diện giáo dục "
         "và đào tạo đáp ứng yêu cầu công nghiệp hóa, hiện đại hóa trong điều kiện kinh tế thị trường định hướng "
         "xã hội chủ nghĩa và hội nhập quốc tế")
CITE_349 = ("Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của Tổng Liên đoàn Lao động Việt Nam về thực hiện "
            f"Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư {SUBJECT_21}")
CITE_72 = ("Kế hoạch số 72-KH/TU ngày 17/8/2023 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 21-CT/TW "
           f"ngày 04/5/2023 của Ban Bí thư {SUBJECT_21}")

EXPECTED = {
    "000": {
        "left": ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU", "Số: 470/KH-LĐLĐ"],
        "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Lai Châu, ngày 23 tháng 8 năm 2023"],
        "title": ["KẾ HOẠCH", f"Triển khai thực hiện {CITE_349}"],
        "opening": [f"Thực hiện {CITE_349} (viết tắt là Kế hoạch số 349/KH-TLĐ);",
                    "Ban Thường vụ LĐLĐ tỉnh Lai Châu ban hành Kế hoạch triển khai thực hiện "
                    "Kế hoạch số 349/KH-TLĐ, như sau:"],
        "headings": ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu",
                     "II. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM THỜI GIAN TỚI",
                     "1. Quán triệt Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư",
                     "2. Đẩy mạnh công tác tuyên truyền, phổ biến chủ trương, chính sách, pháp luật về giáo dục "
                     "nghề nghiệp",
                     "3. Tích cực tham gia công tác giám sát việc thực hiện Chỉ thị số 21-CT/TW, "
                     "Kế hoạch số 349/KH-TLĐ",
                     "III. TỔ CHỨC THỰC HIỆN", "1. Liên đoàn Lao động tỉnh",
                     "2. Các LĐLĐ huyện, thành phố, Công đoàn ngành, Công đoàn Viên chức"],
        # The seed repeats the full chain here; the corrected form uses the short form the opening defined.
        "closing": "Trên đây là Kế hoạch triển khai thực hiện Kế hoạch số 349/KH-TLĐ, đề nghị các Ban LĐLĐ tỉnh, LĐLĐ các "
                   "huyện, thành phố, Công đoàn ngành, Công đoàn Viên chức nghiêm túc triển khai thực hiện./.",
        "signature": ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Hoàng Thọ Trung"],
        "recipients": ["Nơi nhận:", "- Tổng LĐLĐ Việt Nam;", "- Ban Dân vận Tỉnh ủy;", "- Ban Tuyên giáo Tỉnh ủy;",
                       "- Thường trực, các Ban LĐLĐ tỉnh;", "- LĐLĐ huyện, thành phố, CĐN, CĐVC;",
                       "- Lưu: VT, Ban CSPL&QHLĐ."],
    },
    "001": {
        "left": ["TỈNH ỦY BÌNH ĐỊNH", "BAN TUYÊN GIÁO", "*", "Số 108-HD/BTGTU"],
        "right": ["ĐẢNG CỘNG SẢN VIỆT NAM", "Bình Định, ngày 30 tháng 5 năm 2024"],
        "title": ["HƯỚNG DẪN", f"quán triệt, tuyên truyền và triển khai thực hiện {CITE_72}", "-----"],
        "opening": ["Thực hiện Hướng dẫn số 157-HD/BTGTW ngày 21/5/2024 của Ban Tuyên giáo Trung ương và chỉ đạo "
                    "của Thường trực Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy hướng dẫn quán triệt, tuyên truyền và triển "
                    f"khai thực hiện {CITE_72} (Kế hoạch số 72-KH/TU) như sau:"],
        "headings": ["I- MỤC ĐÍCH, YÊU CẦU", "II- NỘI DUNG THỰC HIỆN", "III- TỔ CHỨC THỰC HIỆN"],
        "signature": ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Huỳnh Huyện"],
        "recipients": ["Nơi nhận:", "- Ban Tuyên giáo Trung ương,", "- Cơ quan Thường trực BTGTW khu vực MT-TN,",
                       "- Thường trực Tỉnh ủy,", "- Các huyện, thị, thành ủy, đảng ủy trực thuộc Tỉnh ủy,",
                       "- Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh, các hội quần chúng trong tỉnh,",
                       "- Sở Lao động - Thương binh và Xã hội,",
                       "- Ban Tuyên giáo (tuyên huấn) các huyện, thị, thành ủy, đảng ủy trực thuộc Tỉnh ủy,",
                       "- Lãnh đạo Ban Tuyên giáo Tỉnh ủy,", "- Phòng Khoa giáo,", "- Lưu Ban Tuyên giáo Tỉnh ủy."],
    },
    "002": {
        "left": ["ĐẢNG BỘ TỈNH LAI CHÂU", "HUYỆN ỦY PHONG THỔ", "*", "Số 452-KH/HU"],
        "right": ["ĐẢNG CỘNG SẢN VIỆT NAM", "Phong Thổ, ngày 13 tháng 8 năm 2024"],
        "title": ["KẾ HOẠCH", f"thực hiện Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư {SUBJECT_21}", "-----"],
        "opening": [f"Thực hiện Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư {SUBJECT_21}; Kế hoạch số "
                    "184-KH/TU, ngày 27/6/2023 của Ban Thường vụ Tỉnh ủy. Ban Thường vụ Huyện ủy xây dựng Kế hoạch "
                    "thực hiện như sau:"],
        "headings": ["I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU", "1. Mục tiêu tổng quát", "2. Mục tiêu",
                     "2.1. Đến năm 2030", "2.2. Đến năm 2045", "III. NHIỆM VỤ VÀ GIẢI PHÁP",
                     "1. Tăng cường sự lãnh đạo, chỉ đạo trong đổi mới, phát triển và nâng cao chất lượng giáo dục "
                     "nghề nghiệp",
                     "2. Đẩy mạnh công tác truyền thông, nâng cao nhận thức của xã hội về giáo dục nghề nghiệp",
                     "3. Thực hiện tốt chính sách, pháp luật về giáo dục nghề nghiệp",
                     "4. Thực hiện lộ trình phổ cập nghề, giáo dục nghề nghiệp",
                     "5. Đổi mới nội dung, chương trình, phương thức đào tạo, nâng cấp và chuẩn hóa cơ sở vật chất, "
                     "trang thiết bị, phương tiện đào tạo",
                     "6. Nâng cao hiệu quả liên kết, hợp tác về giáo dục nghề nghiệp giữa Nhà nước - nhà trường - "
                     "doanh nghiệp",
                     "7. Tăng cường nguồn lực cho hoạt động giáo dục nghề nghiệp",
                     "8. Đẩy mạnh hội nhập quốc tế về giáo dục nghề nghiệp",
                     "9. Nâng cao hiệu lực, hiệu quả quản lý nhà nước về giáo dục nghề nghiệp",
                     "IV. TỔ CHỨC THỰC HIỆN"],
        "signature": ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn Thanh"],
        "recipients": ["Nơi nhận:", "- Thường trực Tỉnh ủy (b/c),", "- Thường trực Huyện ủy,", "- Các ban Đảng huyện,",
                       "- Ủy ban MTTQ và các đoàn thể huyện,", "- Các chi, đảng bộ cơ sở,",
                       "- Các đồng chí UVBTV Huyện ủy,", "- Lưu VPHU."],
    },
    "004": {
        "left": ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG", "Số:       /KH-LĐLĐ"],
        "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Cao Bằng, ngày        tháng        năm 2019"],
        "title": ["KẾ HOẠCH HÀNH ĐỘNG", f"Thực hiện Kết luận số 51-KL/TW ngày 30/5/2019 của Ban Bí thư {KL_51}"],
        "opening": ["Thực hiện Kế hoạch số 389-KH/TU ngày 04/10/2019 của Ban Thường vụ Tỉnh ủy Cao Bằng về việc "
                    f"thực hiện Kết luận số 51-KL/TW ngày 30/5/2019 của Ban Bí thư {KL_51}. Ban Thường vụ Liên đoàn "
                    "Lao động tỉnh xây dựng Kế hoạch hành động thực hiện Kết luận số 51-KL/TW ngày 30/5/2019 của "
                    "Ban Bí thư với những nội dung cụ thể như sau:"],
        "headings": ["I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ VÀ GIẢI PHÁP",
                     "1. Tăng cường tuyên truyền, vận động cán bộ, đoàn viên, CNVCLĐ thực hiện tốt các nhiệm vụ, giải "
                     "pháp về đổi mới giáo dục - đào tạo đáp ứng yêu cầu trong tình hình mới",
                     "2. Đẩy mạnh công tác giáo dục lý tưởng cách mạng, chú trọng giáo dục nhân cách, đạo đức, lối "
                     "sống, kiến thức pháp luật và ý thức công dân trong các đơn vị trường học và cơ sở giáo dục, "
                     "đào tạo",
                     "3. Nâng cao chất lượng đào tạo nguồn nhân lực, xây dựng xã hội học tập",
                     "4. Tham gia đổi mới quản lý giáo dục và đào tạo, xây dựng mối quan hệ lao động hài hòa, ổn "
                     "định; phát huy vai trò của tổ chức công đoàn trong thanh tra, kiểm tra, giám sát các hoạt động "
                     "giáo dục, đào tạo",
                     "5. Đẩy mạnh và nâng cao chất lượng, hiệu quả ứng dụng khoa học và chuyển giao công nghệ",
                     "III. TỔ CHỨC THỰC HIỆN", "1. Đối với Liên đoàn Lao động tỉnh",
                     "2. Đối với Liên đoàn Lao động các huyện, thành phố, Công đoàn ngành, Công đoàn Viên chức và "
                     "các Công đoàn cơ sở trực thuộc"],
        "signature": ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"],
        "recipients": ["Nơi nhận:", "- Ban Tuyên giáo Tổng LĐLĐ Việt Nam;", "- Ban Tuyên giáo Tỉnh ủy;",
                       "- Ban Dân vận Tỉnh ủy;", "- Thường trực, các Ban LĐLĐ tỉnh;", "- LĐLĐ các huyện, thành phố;",
                       "- Công đoàn ngành, Công đoàn Viên chức;", "- Công đoàn cơ sở trực thuộc LĐLĐ Tỉnh;",
                       "- Trang Website;", "- Lưu: VT, TCTGNC."],
    },
}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_header_lines(generated, seed):
    parts, want = generated[seed], EXPECTED[seed]
    assert parts.texts(parts.left) == want["left"]
    assert parts.texts(parts.right) == want["right"]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_title_and_subject(generated, seed):
    parts, want = generated[seed], EXPECTED[seed]
    assert parts.body_texts()[: len(want["title"])] == want["title"]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_opening_paragraphs(generated, seed):
    parts, want = generated[seed], EXPECTED[seed]
    body = parts.body_texts()
    start = len(want["title"])
    assert body[start: start + len(want["opening"])] == want["opening"]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_section_headings_numbered_without_gaps(generated, seed):
    parts, want = generated[seed], EXPECTED[seed]
    # Headings are the bold (mục, khoản) and italic (điểm) paragraphs of the body.
    headings = [seen(p.text) for p in parts.body
                if p.runs and (p.runs[0].bold or p.runs[0].italic) and seen(p.text) not in want["title"]]
    assert headings == want["headings"]


def test_closing_sentence(generated):
    body = generated["000"].body_texts()
    assert body[-1] == EXPECTED["000"]["closing"]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_signature_block(generated, seed):
    parts, want = generated[seed], EXPECTED[seed]
    assert parts.texts(parts.sig_right) == want["signature"]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_recipient_list(generated, seed):
    parts, want = generated[seed], EXPECTED[seed]
    assert parts.texts(parts.sig_left) == want["recipients"]


@pytest.mark.parametrize("seed", ["000", "001", "002", "004"])
def test_content_ends_with_the_systems_mark(generated, seed):
    last = generated[seed].body_texts()[-1]
    if seed in ("001", "002"):
        assert last.endswith(".") and not last.endswith("./.")
    else:
        assert last.endswith("./.")
