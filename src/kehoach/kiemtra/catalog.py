"""Every rule the checker knows: its id, area, what it says (per system), its source and its severity.

The ids follow format-rules.md §8 ("TT-11" is checkable rule 11; a letter marks a sub-rule with its own severity).
"VB-" ids are proof-reading rules that are not part of any format rule book. Ids are stable: tests and users rely on
them.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "loi"
WARN = "canh_bao"
SYSTEMS = ("nha_nuoc", "dang", "cong_doan", "doan", "hoi")
SYSTEM_NAMES = {"nha_nuoc": "Nhà nước", "dang": "Đảng", "cong_doan": "Công đoàn", "doan": "Đoàn TNCS Hồ Chí Minh",
                "hoi": "Mặt trận, hội quần chúng"}
# The Đoàn and the hội have no confirmed rule book of their own (org-catalog.md §2.4): what they share with the State
# look is checked by the State's rule, as a warning, and their own marks ("ĐOÀN TNCS HỒ CHÍ MINH", "***",
# "Số: 12-KH/TĐTN-VP") are accepted.
UNCONFIRMED = ("doan", "hoi")
BASE = {"doan": "nha_nuoc", "hoi": "nha_nuoc"}

AREAS = {
    "trang": "Trang, phông chữ và bộ mã",
    "dau": "Phần đầu văn bản (Quốc hiệu, tên cơ quan, số, ngày tháng)",
    "ten_loai": "Tên loại, trích yếu, Kính gửi",
    "noi_dung": "Nội dung và đánh số",
    "trich_dan": "Trích dẫn và ngày tháng trong nội dung",
    "ky_ten": "Chữ ký và nơi nhận",
    "tron": "Trộn thể thức giữa các hệ thống",
}

N_SRC = "NĐ 30/2020/NĐ-CP, Phụ lục I"
D_SRC = "HD 36-HD/VPTW, Phụ lục 3"
C_SRC = "QĐ 933/QĐ-TLĐ (áp dụng NĐ 30/2020/NĐ-CP, Phụ lục I)"
DOAN_SRC = ("thông lệ văn bản của Đoàn TNCS Hồ Chí Minh (org-catalog §2.4, chưa xác nhận bản quy định); "
            "phần chung theo NĐ 30/2020/NĐ-CP, Phụ lục I")
HOI_SRC = ("thông lệ văn bản của Mặt trận và các hội (org-catalog §2.4, chưa xác nhận bản quy định); "
           "theo NĐ 30/2020/NĐ-CP, Phụ lục I")
SRC = {"nha_nuoc": N_SRC, "dang": D_SRC, "cong_doan": C_SRC, "doan": DOAN_SRC, "hoi": HOI_SRC}
SIGN_SRC = {"nha_nuoc": "NĐ 30/2020/NĐ-CP, Điều 13 và Phụ lục I", "dang": "HD 36-HD/VPTW, điểm 1.7.1",
            "cong_doan": C_SRC}
NUMBERING_SRC = {"nha_nuoc": "NĐ 30/2020/NĐ-CP, Phụ lục I (bố cục phần, mục, khoản, điểm)",
                 "dang": "HD 36-HD/VPTW, Phụ lục 3 (phần, mục, khoản, điểm)", "cong_doan": C_SRC}
PARTY_NEW = "HD 05-HD/VPTW (2026, chưa xác nhận bản chính thức)"


@dataclass(frozen=True)
class RuleInfo:
    area: str
    title: str
    text: dict[str, str]  # system (or "*") -> what the rule says
    severity: dict[str, str]  # system (or "*") -> loi / canh_bao
    source: dict[str, str]  # system (or "*") -> where it comes from

    def pick(self, table: dict[str, str], system: str) -> str:
        """The entry for `system`; the Đoàn and the hội fall back on the State's, then on "*"."""
        for key in (system, BASE.get(system, ""), "*"):
            if key in table:
                return table[key]
        return ""


def severity_of(rule_id: str, system: str) -> str:
    """How serious a rule is in a system: its own severity, a warning in the Đoàn and the hội for the form rules
    (TT-…, TB-…) since their rule books are not confirmed."""
    info = RULES[rule_id]
    if system in UNCONFIRMED and not rule_id.startswith("VB-"):
        return WARN
    return info.pick(info.severity, system)


def _r(area, title, text, severity=ERROR, source=None) -> RuleInfo:
    text = text if isinstance(text, dict) else {"*": text}
    severity = severity if isinstance(severity, dict) else {"*": severity}
    return RuleInfo(area, title, text, severity, source or SRC)


NC_WARN = {"nha_nuoc": ERROR, "dang": WARN, "cong_doan": WARN}


def _nc(state: str, party: str) -> dict[str, str]:
    return {"nha_nuoc": state, "cong_doan": state, "dang": party}


RULES: dict[str, RuleInfo] = {
    "TT-01": _r("trang", "Khổ giấy", "Văn bản trình bày trên khổ A4 (210 × 297 mm), theo chiều dọc."),
    "TT-02": _r("trang", "Lề trang", _nc(
        "Lề trên và lề dưới 20–25 mm, lề trái 30–35 mm, lề phải 15–20 mm.",
        "Lề trên 20 mm, lề dưới 20 mm, lề trái 30 mm, lề phải 15 mm."), NC_WARN),
    "TT-03": _r("trang", "Phông chữ", "Toàn bộ văn bản dùng phông Times New Roman (bộ mã Unicode, TCVN 6909:2001)."),
    "TT-04": _r("trang", "Màu chữ", "Chữ trong văn bản màu đen."),
    "TT-05": _r("trang", "Bộ mã Unicode dựng sẵn", "Văn bản dùng Unicode dựng sẵn (NFC) theo TCVN 6909:2001; "
                "không dùng chữ tổ hợp (NFD) hay ký tự của phông cũ TCVN3 (ABC), VNI."),
    "TT-06": _r("trang", "Số trang", _nc(
        "Số trang bằng chữ số Ả Rập, cỡ 13–14, đứng, canh giữa ở lề trên; không hiển thị số trang thứ nhất.",
        "Số trang bằng chữ số Ả Rập từ trang thứ hai, canh giữa ở lề trên, cỡ 14."), NC_WARN),
    "TT-07": _r("dau", "Quốc hiệu / tiêu đề Đảng", _nc(
        "Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”: chữ in hoa, cỡ 12–13, đứng, đậm, trên cùng bên phải.",
        "Tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”: chữ in hoa, cỡ 15, đứng, đậm, trên cùng bên phải.")),
    "TT-08": _r("dau", "Tiêu ngữ", "Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”: viết hoa chữ đầu mỗi cụm, giữa các cụm "
                "có gạch nối (-) và cách chữ; cỡ 13–14, đứng, đậm."),
    "TT-08b": _r("dau", "Cặp cỡ chữ Quốc hiệu – Tiêu ngữ",
                 "Quốc hiệu và Tiêu ngữ đi theo cặp cỡ chữ 12/13 hoặc 13/14 (Tiêu ngữ lớn hơn 1 cỡ).", WARN),
    "TT-09": _r("dau", "Đường kẻ dưới Tiêu ngữ / tiêu đề", _nc(
        "Dưới Tiêu ngữ có đường kẻ ngang, nét liền, dài bằng dòng chữ.",
        "Dưới tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM” có đường kẻ ngang, nét liền, dài bằng tiêu đề.")),
    "TT-10": _r("dau", "Tên cơ quan ban hành", _nc(
        "Tên cơ quan chủ quản in hoa, cỡ 12–13, không đậm; tên cơ quan ban hành in hoa, cỡ 12–13, đậm.",
        "Tên cơ quan cấp trên in hoa, cỡ 14, không đậm; tên cơ quan ban hành in hoa, cỡ 14, đậm.")),
    "TT-10b": _r("dau", "Dấu ngăn dưới tên cơ quan", _nc(
        "Dưới tên cơ quan ban hành có đường kẻ ngang nét liền, dài 1/3–1/2 dòng chữ, đặt cân đối.",
        "Dưới tên cơ quan ban hành là một dấu sao (*) canh giữa, không kẻ đường.")),
    "TT-11": _r("dau", "Số, ký hiệu", _nc(
        "“Số:” có dấu hai chấm; số và ký hiệu ngăn bằng “/”, các nhóm chữ nối bằng “-”, không cách chữ "
        "(ví dụ “Số: 15/KH-UBND”).",
        "“Số” không có dấu hai chấm: số, gạch nối, tên loại, gạch chéo, cơ quan (ví dụ “Số 72-KH/TU”).")),
    "TT-11b": _r("dau", "Trình bày dòng số, ký hiệu", _nc("Dòng số, ký hiệu cỡ 13, kiểu chữ đứng, không đậm.",
                                                         "Dòng số, ký hiệu cỡ 14, kiểu chữ đứng, không đậm."),
                 {"nha_nuoc": ERROR, "dang": ERROR, "cong_doan": WARN}),
    "TT-12": _r("dau", "Số nhỏ hơn 10", "Số văn bản nhỏ hơn 10 ghi thêm số 0 phía trước (05, không phải 5).",
                {"nha_nuoc": ERROR, "dang": ERROR, "cong_doan": WARN}),
    "TT-11c": _r("dau", "Ký hiệu cơ quan ban hành", "Ký hiệu gồm chữ viết tắt tên cơ quan ban hành văn bản: ký hiệu "
                 "cơ quan khớp cơ quan ban hành và cấp của nó (ví dụ Ban Tuyên giáo Huyện ủy “BTGHU”, Ủy ban nhân "
                 "dân “UBND”).", source={"*": "NĐ 30/2020/NĐ-CP, Phụ lục I (ký hiệu văn bản); HD 36-HD/VPTW, điểm "
                                              "1.3 (ký hiệu cơ quan ban hành)"}),
    "TT-12b": _r("dau", "Số của văn bản đã ban hành", "Văn bản đã ký ban hành có số do văn thư cấp; chỉ bản thảo "
                 "mới để trống số.", source={"*": "NĐ 30/2020/NĐ-CP, Phụ lục I (số văn bản được đăng ký tại Văn thư "
                                                  "cơ quan); HD 36-HD/VPTW, điểm 1.3.1"}),
    "TT-13": _r("dau", "Ký hiệu khớp tên loại", _nc(
        "Chữ viết tắt tên loại trong ký hiệu khớp tên loại (KẾ HOẠCH → KH, HƯỚNG DẪN → HD …); "
        "công văn không có chữ viết tắt tên loại (ví dụ “Số: 301/LĐLĐ-TGNC”).",
        "Chữ viết tắt tên loại trong ký hiệu khớp tên loại (KẾ HOẠCH → KH, HƯỚNG DẪN → HD …); "
        "công văn có tên loại “CV” (ví dụ “Số 45-CV/BTGDVTU”).")),
    "TT-14": _r("dau", "Địa danh và ngày tháng", "“<Địa danh>, ngày dd tháng m năm yyyy”: ngày dưới 10 và tháng 1, 2 "
                "thêm số 0 phía trước, tháng 3–12 không thêm; bản thảo được để trống ngày, tháng."),
    "TT-14b": _r("dau", "Trình bày dòng ngày tháng", _nc(
        "Địa danh, ngày tháng: in thường, nghiêng, không đậm, cỡ 13–14, ở cột phải dưới Quốc hiệu, Tiêu ngữ.",
        "Địa danh, ngày tháng: in thường, nghiêng, không đậm, cỡ 14, ở cột phải dưới tiêu đề.")),
    "TT-15": _r("ten_loai", "Tên loại văn bản", _nc("Tên loại in hoa, cỡ 13–14, đứng, đậm, canh giữa.",
                                                   "Tên loại in hoa, cỡ 15–16, đứng, đậm, canh giữa.")),
    "TT-16": _r("ten_loai", "Trích yếu", _nc("Trích yếu chữ in thường, cỡ 13–14, đứng, đậm, canh giữa dưới tên loại.",
                                            "Trích yếu chữ in thường, cỡ 14–15, đứng, đậm, canh giữa dưới tên loại.")),
    "TT-16b": _r("ten_loai", "Chữ đầu trích yếu (Đảng)",
                 "Trích yếu văn bản của Đảng viết chữ thường từ chữ đầu (ví dụ “về quy hoạch cán bộ …”).", WARN),
    "TT-16c": _r("ten_loai", "Dấu ngăn dưới trích yếu", _nc(
        "Dưới trích yếu có đường kẻ ngang nét liền, dài 1/3–1/2 dòng chữ.",
        "Dưới trích yếu là dòng “-----” canh giữa."), {"nha_nuoc": ERROR, "cong_doan": ERROR, "dang": WARN}),
    "TT-17": _r("ten_loai", "Trích yếu công văn", _nc(
        "Trích yếu công văn bắt đầu bằng “V/v”, đặt dưới số, ký hiệu.",
        "Trích yếu công văn của Đảng không có tiền tố “V/v” (mẫu trong HD 36-HD/VPTW)."), WARN),
    "TT-17b": _r("ten_loai", "Trình bày trích yếu công văn", _nc("Chữ in thường, cỡ 12–13, đứng, không đậm.",
                                                                "Chữ in thường, cỡ 12, nghiêng.")),
    "TT-18": _r("ten_loai", "Kính gửi", "“Kính gửi:” có dấu hai chấm; gửi nhiều nơi thì mỗi nơi một dòng bắt đầu "
                "“- ” và kết thúc bằng “;” (Đảng: “,” hoặc “;”), dòng cuối kết thúc bằng dấu chấm.", NC_WARN),
    "TT-19a": _r("noi_dung", "Canh lề nội dung", "Nội dung văn bản canh đều hai lề."),
    "TT-19b": _r("noi_dung", "Cỡ chữ nội dung", _nc("Nội dung cỡ 13–14.", "Nội dung cỡ 14–15.")),
    "TT-19c": _r("noi_dung", "Thống nhất cỡ chữ", "Trong một văn bản, nội dung dùng một cỡ chữ thống nhất."),
    "TT-19d": _r("noi_dung", "Kiểu chữ nội dung", "Nội dung kiểu chữ đứng, không đậm (trừ tiêu đề mục, khoản)."),
    "TT-19e": _r("noi_dung", "Thụt đầu dòng",
                 _nc("Chữ đầu dòng lùi vào 1–1,27 cm.", "Chữ đầu dòng lùi vào khoảng 10 mm."),
                 {"nha_nuoc": ERROR, "cong_doan": ERROR, "dang": WARN}),
    "TT-19f": _r("noi_dung", "Khoảng cách đoạn", "Khoảng cách giữa các đoạn văn tối thiểu 6 pt."),
    "TT-19g": _r("noi_dung", "Khoảng cách dòng", _nc(
        "Khoảng cách dòng từ dòng đơn đến 1,5 dòng.",
        "Khoảng cách dòng từ dòng đơn đến 1,5 dòng, hoặc đúng (Exactly) 18–22 pt.")),
    "TT-20a": _r("noi_dung", "Thứ tự mục La Mã", "Các mục đánh số La Mã I, II, III … liên tục, không bỏ số, không lặp.",
                 source=NUMBERING_SRC),
    "TT-20b": _r("noi_dung", "Thứ tự khoản", "Khoản đánh số 1., 2., 3. … liên tục, bắt đầu lại từ 1 trong mỗi mục.",
                 source=NUMBERING_SRC),
    "TT-20c": _r("noi_dung", "Thứ tự điểm",
                 "Điểm theo thứ tự chữ cái tiếng Việt: a), b), c), d), đ), e), g), h), i), k) …", source=NUMBERING_SRC),
    "TT-20d": _r("noi_dung", "Cách viết tiêu đề mục", _nc(
        "Tiêu đề mục: số La Mã, dấu chấm, một dấu cách, tên mục in hoa, đậm (ví dụ “I. MỤC ĐÍCH, YÊU CẦU”); "
        "số thứ tự viết thống nhất.",
        "Tiêu đề mục: số La Mã với “-” hoặc “.” (“I- …”, “I. …”), tên mục in hoa, đậm; viết thống nhất trong cả "
        "văn bản."), WARN, NUMBERING_SRC),
    "VB-01": _r("noi_dung", "Từ lặp", "Không viết một từ hai lần liền nhau (lỗi gõ).", WARN,
                {"*": "Soát lỗi chính tả (không phải quy định thể thức)"}),
}

PARTY_CITE_SRC = {"*": "HD 36-HD/VPTW; cách trích dẫn của Trung ương (ví dụ KL 127-KL/TW)"}
CITE_SRC = {"*": "Cách trích dẫn trong văn bản của Đảng (KL 127-KL/TW: “…, ngày 24/01/2025 của …”) và của Nhà nước "
                 "(594/KH-UBND: “… ngày 16/7/2021 của …”), format-rules.md §2.7, §3.7"}
LAW_SRC = {"*": "Luật Ban hành văn bản quy phạm pháp luật (số, ký hiệu văn bản QPPL có năm ban hành)"}
TYPE_SRC = {"*": "NĐ 30/2020/NĐ-CP, Phụ lục III; HD 36-HD/VPTW (chữ viết tắt tên loại)"}

RULES.update({
    "TT-21a": _r("trich_dan", "Ngày tháng viết tắt trong nội dung", "Ngày viết dd/m/yyyy: ngày đủ 2 chữ số, chỉ tháng "
                 "01, 02 thêm số 0 (ví dụ 05/3/2020, 24/01/2025).", WARN),
    "TT-21b": _r("trich_dan", "Ký hiệu văn bản được trích dẫn", "Ký hiệu văn bản của Đảng có dạng “số-LOẠI/CƠ QUAN” "
                 "(21-CT/TW); của Nhà nước, Công đoàn “số/LOẠI-CƠ QUAN” hoặc “số/năm/LOẠI-CƠ QUAN” (19/CT-TTg, "
                 "30/2020/NĐ-CP); không có dấu cách trong ký hiệu.", WARN),
    "TT-21c": _r("trich_dan", "Năm trong ký hiệu văn bản quy phạm pháp luật",
                 "Ký hiệu luật, nghị định, thông tư có năm ban hành (ví dụ “30/2020/NĐ-CP”, “74/2014/QH13”).", WARN,
                 LAW_SRC),
    "TT-21d": _r("trich_dan", "Một văn bản, hai ký hiệu",
                 "Cùng một văn bản (cùng số, cùng loại, cùng ngày) chỉ có một ký hiệu; trích dẫn phải giống nhau."),
    "TT-21e": _r("trich_dan", "Một văn bản, hai cách viết", "Cùng một văn bản được trích dẫn thống nhất: luôn có hoặc "
                 "luôn không có dấu phẩy trước “ngày”, chữ “số” trước ký hiệu, và một kiểu ghi ngày (viết tắt hoặc "
                 "đầy đủ).", WARN),
    "TT-21f": _r("trich_dan", "Dấu phẩy trước “ngày”", "Các trích dẫn trong một văn bản viết thống nhất một kiểu: có "
                 "dấu phẩy trước “ngày” (lối Đảng: “Kết luận số 121-KL/TW, ngày 24/01/2025 của …”) hoặc không (lối "
                 "Nhà nước: “Chỉ thị số 19/CT-TTg ngày 16/7/2021 của …”); kiểu nào cũng được, trộn hai kiểu thì không.",
                 WARN, CITE_SRC),
    "TT-21g": _r("trich_dan", "Trích dẫn đầy đủ lần đầu", "Lần đầu nhắc đến một văn bản phải ghi đủ tên loại, số, ký "
                 "hiệu, ngày ban hành, cơ quan ban hành và trích yếu; các lần sau mới ghi tắt, và tên viết tắt chỉ "
                 "dùng cho văn bản đã được trích dẫn đầy đủ.", WARN,
                 {"*": "NĐ 30/2020/NĐ-CP, Phụ lục I (viện dẫn văn bản: lần đầu ghi đầy đủ, các lần sau ghi tắt)"}),
    "TT-21h": _r("trich_dan", "Ký hiệu cơ quan trong trích dẫn", "Ký hiệu cơ quan trong văn bản được trích dẫn khớp cơ "
                 "quan ban hành ghi sau chữ “của” (ví dụ “… của Ban Tuyên giáo Trung ương” có ký hiệu “…/BTGTW”).",
                 WARN, {"*": "NĐ 30/2020/NĐ-CP, Phụ lục I; HD 36-HD/VPTW, điểm 1.3 (ký hiệu cơ quan ban hành)"}),
    "VB-02": _r("trich_dan", "Tên loại văn bản được trích dẫn", "Tên loại văn bản viết đúng chính tả và khớp chữ viết "
                "tắt trong ký hiệu (Chỉ thị ↔ CT, Kế hoạch ↔ KH, Nghị quyết ↔ NQ …).", WARN, TYPE_SRC),
    "VB-03": _r("noi_dung", "Dấu cách", "Giữa hai chữ có đúng một dấu cách; sau ngày tháng (“15/11/2022”) có dấu cách "
                "trước chữ tiếp theo. Chỗ để trống số, ngày của bản thảo (“Số:      /KH-UBND”) không tính.", WARN,
                {"*": "Soát lỗi chính tả (không phải quy định thể thức)"}),
    "VB-04": _r("noi_dung", "Viết hoa", "Danh từ chỉ đơn vị hành chính đứng trước tên riêng viết thường (“Ủy ban nhân dân "
                "huyện Sơn Hà”, không viết “UBND Huyện Sơn Hà”); trừ trường hợp đặc biệt (“Thành phố Hồ Chí Minh”), tên "
                "theo số hoặc tên người. Giữa câu không viết hoa động từ (“tăng cường”, “triển khai” …).", WARN,
                {"*": "NĐ 30/2020/NĐ-CP, Phụ lục II (viết hoa trong văn bản hành chính)"}),
    "VB-05": _r("noi_dung", "Lỗi gõ chữ", "Không gõ lặp chữ cái (“BÌNHH”), không viết liền hai chữ (“khaikế”).", WARN,
                {"*": "Soát lỗi chính tả (không phải quy định thể thức); danh sách âm tiết tiếng Việt hunspell-vi"}),
    "VB-06": _r("noi_dung", "Từ gần giống thuật ngữ hành chính", "Thuật ngữ hành chính viết đúng chính tả (“tuyên "
                "truyền”, “ngăn chặn”, “quán triệt”, “kiểm tra” …); một cụm chỉ khác thuật ngữ một chữ cái hoặc một "
                "dấu thường là gõ nhầm.", WARN,
                {"*": "Soát lỗi chính tả: danh sách thuật ngữ hành chính của kehoach (kiemtra/data/thuat-ngu.txt)"}),
    "TT-22": _r("noi_dung", "Kết thúc nội dung", _nc(
        "Nội dung văn bản kết thúc bằng “./.”.",
        "Nội dung văn bản của Đảng kết thúc bằng dấu chấm; từ năm 2026 (HD 05-HD/VPTW) dùng “.”, không dùng “./.” "
        "(văn bản thời HD 36-HD/VPTW thường kết thúc bằng “./.”, không sai)."), WARN,
        {"nha_nuoc": "NĐ 30/2020/NĐ-CP, Phụ lục III (các mẫu văn bản kết thúc bằng “./.”)", "cong_doan": C_SRC,
         "dang": PARTY_NEW, "hoi": HOI_SRC}),
    "TT-23": _r("ky_ten", "Quyền hạn người ký", _nc(
        "Quyền hạn ký viết “TM.”, “KT.”, “TL.”, “TUQ.”, “Q.” (có dấu chấm) hoặc người đứng đầu ký trực tiếp; "
        "cấp phó ký thay cấp trưởng ghi “KT.”.",
        "Quyền hạn ký viết “T/M”, “K/T”, “T/L”, “Q.” hoặc cấp trưởng ký trực tiếp; cấp phó ký thay ghi “K/T”, "
        "thay mặt tập thể ghi “T/M”."), source=SIGN_SRC),
    "TT-23b": _r("ky_ten", "Trình bày quyền hạn", _nc("Quyền hạn ký in hoa, cỡ 13–14, đứng, đậm.",
                                                     "Quyền hạn ký in hoa, cỡ 14, đứng, đậm."), source=SIGN_SRC),
    "TT-24": _r("ky_ten", "Ký thay mặt cấp ủy", "Văn bản của cấp ủy, ban thường vụ, ủy ban kiểm tra ký “T/M …”; "
                "không dùng “K/T BÍ THƯ”.", source={"*": "HD 36-HD/VPTW, điểm 1.7.1"}),
    "TT-25": _r("ky_ten", "Chức vụ người ký",
                _nc("Chức vụ in hoa, cỡ 13–14, đứng, đậm.", "Chức vụ in hoa, cỡ 14, đứng."),
                source=SIGN_SRC),
    "TT-25b": _r("ky_ten", "Chức vụ không đậm (Đảng)", "Chức vụ người ký trong văn bản của Đảng không in đậm.", WARN,
                 {"*": PARTY_NEW}),
    "TT-26": _r("ky_ten", "Họ tên người ký", _nc(
        "Họ tên chữ in thường (viết hoa chữ đầu), cỡ 13–14, đứng, đậm, canh giữa; không ghi học hàm, học vị.",
        "Họ tên chữ in thường (viết hoa chữ đầu), cỡ 14, đứng, đậm, canh giữa; không ghi học hàm, học vị."),
        source=SIGN_SRC),
    "TT-27": _r("ky_ten", "Khoảng trống để ký", "Giữa chức vụ và họ tên để ít nhất 3 dòng trống cho chữ ký, con dấu.",
                WARN),
    "TT-28": _r("ky_ten", "Chữ “Nơi nhận”", _nc(
        "“Nơi nhận:” có dấu hai chấm, in thường, cỡ 12, nghiêng, đậm, sát lề trái, ngang dòng quyền hạn ký.",
        "“Nơi nhận:” có dấu hai chấm, in thường, cỡ 14, gạch chân, không đậm, không nghiêng, sát lề trái."),
        NC_WARN, {"nha_nuoc": N_SRC, "cong_doan": C_SRC, "dang": PARTY_NEW}),
    "TT-29": _r("ky_ten", "Danh sách nơi nhận", _nc(
        "Mỗi nơi nhận một dòng, bắt đầu “- ”, kết thúc bằng “;”; cỡ 11.",
        "Mỗi nơi nhận một dòng, bắt đầu “- ”, kết thúc bằng cùng một dấu ngăn (“,” hoặc “;”); cỡ 12."),
        NC_WARN, {"nha_nuoc": N_SRC, "cong_doan": C_SRC, "dang": PARTY_NEW}),
    "TT-30": _r("ky_ten", "Dòng lưu", _nc(
        "Dòng cuối nơi nhận: “- Lưu: VT, <đơn vị soạn thảo>.” (dấu hai chấm sau “Lưu”, kết thúc bằng dấu chấm).",
        "Dòng cuối nơi nhận: “- Lưu <nơi lưu>.” (không có dấu hai chấm, không có “VT”), kết thúc bằng dấu chấm."),
        NC_WARN, {"nha_nuoc": N_SRC, "cong_doan": C_SRC, "dang": PARTY_NEW}),
    "TT-31": _r("ky_ten", "“Như trên”", "Công văn có “Kính gửi” thì nơi nhận đầu tiên là “- Như trên;” "
                "(Đảng: “- Như trên,” hoặc “- Như trên;”).", WARN),
    "TT-32": _r("tron", "Trộn thể thức", "Không trộn thể thức: văn bản có tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM” không có "
                "Quốc hiệu, Tiêu ngữ; văn bản có Quốc hiệu không có tiêu đề Đảng, không có dấu “*” dưới tên cơ quan.",
                source={"*": f"{N_SRC}; {D_SRC}"}),
})

# What the Đoàn and the hội write their own way (org-catalog.md §2.4: "BAN CHẤP HÀNH TRUNG ƯƠNG / *** /
# Số: 367-QĐ/TWĐTN-VP", right side "ĐOÀN TNCS HỒ CHÍ MINH"); every other rule falls back on the State's text.
OWN_TEXT = {
    "doan": {
        "TT-07": "Tiêu đề “ĐOÀN TNCS HỒ CHÍ MINH” ở góc phải, trên cùng (không có Quốc hiệu, Tiêu ngữ).",
        "TT-10b": "Dưới tên cơ quan ban hành là ba dấu sao “***” canh giữa.",
        "TT-11": "“Số:”, số, gạch nối, tên loại, gạch chéo, ký hiệu cơ quan (có thể hai phần nối bằng “-”), ví dụ "
                 "“Số: 12-KH/TĐTN-VP”; không cách chữ.",
    },
    "hoi": {
        "TT-10b": "Dưới tên cơ quan ban hành có đường kẻ ngang nét liền hoặc dấu sao (“*”, “***”).",
        "TT-11": "“Số:” có dấu hai chấm; ký hiệu dạng “Số: 12/KH-HPN” hoặc “Số: 12-KH/HND”; không cách chữ.",
    },
}
for _system, _texts in OWN_TEXT.items():
    for _rule_id, _text in _texts.items():
        RULES[_rule_id].text[_system] = _text
