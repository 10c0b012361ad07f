"""Issuer codes in số, ký hiệu: which system a code belongs to, and which code an issuer's name calls for.

Sources: NĐ 30/2020/NĐ-CP Phụ lục I and III (State: "15/KH-UBND", công văn "301/UBND-VX"); HD 36-HD/VPTW §1.3
(Party: "72-KH/TU", issuer codes TW, TU, HU, ĐU, BTGTU …); QĐ 933/QĐ-TLĐ (union: TLĐ, LĐLĐ, CĐN); org-catalog.md §2
(codes seen in real documents, e.g. BTGDVTU after the 2025 merger; the Đoàn's "367-QĐ/TWĐTN-VP"; MTTQ "MTTW-BTT").
Only what those sources show is mapped: an unknown name gives no expectation, so no finding.
"""

from __future__ import annotations

import re

# The levels a Party code ends with, and the Party bodies' own codes.
PARTY_LEVELS = ("TW", "TU", "HU", "QU", "ĐU", "ĐUK")
PARTY_CODE = re.compile(r"^(?:(?:BTGDV|BTG|BDV|BTC|BNC|VP|UBKT|BCSĐ|ĐĐ|BCĐ|TTCT)(?:TW|TU|HU|QU|ĐU)|TW|TU|HU|QU|ĐU|"
                        r"ĐUK|ĐUQ|ĐUCS|CB|TƯ|(?:BTGDV|BTG|BDV|UBKT)[A-ZĐ]*)$")
UNION_CODE = re.compile(r"^(TLĐ|LĐLĐ|LĐ|CĐN|CĐ[A-ZĐ]*|CĐCS)$")
DOAN_CODE = re.compile(r"^(TWĐTN|[TH]?ĐTN|ĐTNCS|ĐTN[A-ZĐ]*|ĐTN)$")
HOI_CODE = re.compile(r"^(HLHPN|LHPN|HPN|ĐCT|HND|HNDT|HNDVN|CCB|HCCB|MTTQ|MTTW|MT|BTT|UBMTTQ)$")
STATE_CODE = re.compile(r"^(UBND|HĐND|CP|TTg|VPCP|QH|UBTVQH\d*|S[A-ZĐ]{2,}|B(?!TC$)[A-ZĐ]{2,}|VP)$")
SYSTEM_NAMES = {"dang": "Đảng", "cong_doan": "Công đoàn", "doan": "Đoàn TNCS Hồ Chí Minh",
                "hoi": "Mặt trận, hội quần chúng", "nha_nuoc": "Nhà nước"}

# Issuer names (lower case, "ủy" spelt so) → the code their documents carry. Longest, most specific first.
_LEVEL = r"(?P<level>trung ương(?: đảng)?|tỉnh ủy|thành ủy|huyện ủy|quận ủy)"
_LEVEL_CODE = {"trung ương": "TW", "trung ương đảng": "TW", "tỉnh ủy": "TU", "thành ủy": "TU", "huyện ủy": "HU",
               "quận ủy": "QU"}
_BOARDS = (("ban tuyên giáo và dân vận", "BTGDV"), ("ban tuyên giáo", "BTG"), ("ban dân vận", "BDV"),
           ("ban tổ chức", "BTC"), ("ban nội chính", "BNC"), ("văn phòng", "VP"), ("ủy ban kiểm tra", "UBKT"))
_BODIES = (
    # The Đoàn's own bodies first: "Ban Bí thư Trung ương Đoàn" is not the Party's Ban Bí thư.
    (r"^(ban thường vụ |ban bí thư |ban chấp hành )?trung ương đoàn\b", "TWĐTN"),
    (r"^(ban thường vụ )?tỉnh đoàn\b", "TĐTN"),
    (r"^(ban thường vụ )?(huyện|thành|thị|quận) đoàn\b", "HĐTN"),
    (r"^(ban bí thư|bộ chính trị|ban chấp hành trung ương đảng|ban chấp hành trung ương$)(?!.*\bđoàn\b)", "TW"),
    (r"^(ban thường vụ |ban chấp hành (đảng bộ )?|thường trực )?(tỉnh ủy|thành ủy)\b", "TU"),
    (r"^(ban thường vụ |ban chấp hành (đảng bộ )?|thường trực )?huyện ủy\b", "HU"),
    (r"^(ban thường vụ |ban chấp hành (đảng bộ )?|thường trực )?quận ủy\b", "QU"),
    (r"^(ban thường vụ |ban chấp hành )?đảng ủy khối\b", "ĐUK"),
    (r"^(ban thường vụ |ban chấp hành )?đảng ủy (xã|phường|đặc khu|thị trấn)\b", "ĐU"),
    (r"^tổng liên đoàn lao động\b", "TLĐ"),
    (r"^(ban thường vụ |ban chấp hành )?liên đoàn lao động (tỉnh|thành phố|huyện|quận|thị xã)\b", "LĐLĐ"),
    (r"^thủ tướng chính phủ\b", "TTg"),
    (r"^chính phủ\b", "CP"),
    (r"^(thường trực )?hội đồng nhân dân\b", "HĐND"),
    (r"^(ủy ban nhân dân|ubnd)\b", "UBND"),
)


def fold_name(text: str) -> str:
    """Lower case, one tone placement ("uỷ" → "ủy"), single spaces: how names are compared."""
    return " ".join(text.lower().replace("uỷ", "ủy").split())


def system_of_code(code: str) -> str | None:
    """'TU' → 'dang', 'LĐLĐ' → 'cong_doan', 'TWĐTN-VP' → 'doan', 'UBND' → 'nha_nuoc'; None when unknown."""
    head = code.split("-")[0]
    for system, pattern in (("dang", PARTY_CODE), ("cong_doan", UNION_CODE), ("doan", DOAN_CODE),
                            ("hoi", HOI_CODE), ("nha_nuoc", STATE_CODE)):
        if pattern.match(head):
            return system
    return None


def expected_code(name: str) -> str | None:
    """The issuer code a body's documents carry, from its name as written ("Ban Tuyên giáo Tỉnh ủy" → "BTGTU");
    None when the name is not one of the bodies the sources describe."""
    folded = fold_name(name)
    for board, prefix in _BOARDS:
        match = re.match(rf"^{board} {_LEVEL}\b", folded)
        if match:
            return prefix + _LEVEL_CODE[match["level"]]
    for pattern, code in _BODIES:
        if re.match(pattern, folded):
            return code
    return None


def header_issuer(lines: list[str]) -> str:
    """The issuer's name from the header's capital lines: 'HUYỆN ỦY PHONG THỔ' / 'BAN TUYÊN GIÁO' → 'BAN TUYÊN GIÁO
    HUYỆN ỦY PHONG THỔ'; 'ỦY BAN NHÂN DÂN' / 'TỈNH NGHỆ AN' → 'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN'."""
    if not lines:
        return ""
    last = lines[-1]
    above = lines[-2] if len(lines) > 1 else ""
    if re.match(r"^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|ĐẶC KHU|THỊ TRẤN)\b", last) and above:
        return f"{above} {last}"
    if re.match(r"^(BAN|VĂN PHÒNG|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA)\b", last) and above:
        return f"{last} {above}"
    return last
