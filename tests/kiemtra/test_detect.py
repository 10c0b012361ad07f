"""Which system a document follows, from a full header or from the marks flattened text keeps."""

from __future__ import annotations

import pytest

from kehoach.docx.reader import read_text
from kehoach.kiemtra.detect import detect_system


@pytest.mark.parametrize(("text", "system", "clue"), [
    ("HUYỆN ỦY PHONG THỔ\nĐẢNG CỘNG SẢN VIỆT NAM\nKẾ HOẠCH\n", "dang", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "cong_doan",
     "tên cơ quan “LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU”"),
    ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "nha_nuoc", "Quốc hiệu"),
    ("Số 15-KH/TU\nKẾ HOẠCH\n", "dang", "kiểu Đảng"),
    ("Số: 15/KH-UBND\nKẾ HOẠCH\n", "nha_nuoc", "dấu hai chấm"),
    ("Số: 15/KH-LĐLĐ\nKẾ HOẠCH\n", "cong_doan", "ký hiệu cơ quan “LĐLĐ” ở dòng số"),
    ("KẾ HOẠCH\nNội dung.\nK/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n", "dang", "T/M"),
    ("KẾ HOẠCH\nNội dung.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n", "nha_nuoc", "TM."),
    ("KẾ HOẠCH\nNội dung.\n", "nha_nuoc", "không đủ dấu hiệu"),
])
def test_detect(text, system, clue):
    found, reason = detect_system(read_text(text))
    assert found == system
    assert clue in reason
