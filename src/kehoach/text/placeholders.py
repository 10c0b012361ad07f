"""'{viet_tat:kh-349}' in a plan's own text: citations typed once, written the same way everywhere.

Only named fields are substituted, by a regular expression; nothing in the text is evaluated. `NAMES` and `PER_DOC`
declare every placeholder once (composition fills them; the key reference lists them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

_FIELD = re.compile(r"\{([a-z_]+)(?::([^{}\s]+))?\}")

# name → (meaning, example of what it becomes), in Vietnamese for the key reference.
NAMES: dict[str, tuple[str, str]] = {
    "chu_the": ("tập thể và tên gọi của cơ quan ban hành", "Ban Thường vụ LĐLĐ tỉnh"),
    "ten_goi": ("tên gọi của cơ quan ban hành (`ten_goi` của hồ sơ)", "LĐLĐ tỉnh"),
    "ten_loai": ("tên loại văn bản đang soạn", "Kế hoạch"),
    "trich_yeu": ("trích yếu của văn bản đang soạn, chữ đầu viết thường", "thực hiện Kế hoạch số 349/KH-TLĐ …"),
    "trich_yeu_ngan": ("trích yếu rút gọn: cụm từ và dạng viết tắt", "thực hiện Kế hoạch số 349/KH-TLĐ"),
    "viet_tat": ("dạng viết tắt của văn bản nêu trong trích yếu", "Kế hoạch số 349/KH-TLĐ"),
    "doi_tuong": ("đối tượng của cơ quan (`doi_tuong` của hồ sơ)", "cán bộ, đảng viên và Nhân dân"),
    "dia_ban": ("địa bàn của cơ quan (`dia_ban` của hồ sơ)", "trên địa bàn tỉnh"),
    "don_vi_thuc_hien": ("các đơn vị được đề nghị thực hiện", "các cấp công đoàn trong tỉnh"),
    "qua_ban": ("\" (qua <phòng soạn thảo>)\" khi có phòng soạn thảo, hoặc không gì", " (qua Ban Tuyên giáo - Nữ công)"),
    "loi_giao": ("lời giao việc cho cấp dưới theo quan hệ: Nhà nước, cấp ủy \"yêu cầu\" cấp dưới trực thuộc; "
                 "\"đề nghị\" cơ quan không trực thuộc, ban tham mưu của Đảng, Công đoàn", "yêu cầu"),
    "bao_cao_ve": ("nơi và hạn cấp dưới báo cáo về cơ quan", "về LĐLĐ tỉnh (qua Ban Tuyên giáo - Nữ công) trước ngày "
                   "10/6/2026"),
}
PER_DOC: dict[str, tuple[str, str]] = {
    "trich_dan": ("trích dẫn đầy đủ, cả chuỗi văn bản cấp trên", "Kế hoạch số 349/KH-TLĐ ngày 15/8/2023 của … về …"),
    "trich_dan_ngay": ("số, ngày và cơ quan ban hành", "Kế hoạch số 349/KH-TLĐ ngày 15/8/2023 của Tổng Liên đoàn …"),
    "trich_dan_chuoi": ("chuỗi văn bản có số, ngày, cơ quan ban hành, không có trích yếu cuối cùng",
                        "Kế hoạch số 120-KH/TU ngày 05/02/2021 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 40-CT/TW "
                        "ngày 12/3/2019 của Ban Bí thư"),
    "viet_tat": ("dạng viết tắt", "Kế hoạch số 349/KH-TLĐ"),
}


class UnknownPlaceholder(ValueError):
    pass


def fill(text: str, names: Mapping[str, str], per_doc: Mapping[str, Callable[[str], str]]) -> str:
    def replace(match: re.Match[str]) -> str:
        name, arg = match[1], match[2]
        if arg is None and name in names:
            return names[name]
        if arg is not None and name in per_doc:
            return per_doc[name](arg)
        known = sorted(names) + [f"{n}:MÃ" for n in sorted(per_doc)]
        raise UnknownPlaceholder(f"không hiểu chỗ thay thế '{match[0]}' (dùng được: {', '.join('{' + k + '}' for k in known)})",
                                 match[0])

    return _FIELD.sub(replace, text)
