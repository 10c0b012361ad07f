"""Tell which rule book a document follows: nha_nuoc, dang or cong_doan.

A complete header settles it (ĐẢNG CỘNG SẢN VIỆT NAM, or Quốc hiệu plus the issuer). Flattened text often lacks the
header, so the other marks each system leaves are weighed: the number line, the signing prefixes, the "Lưu" line, the
Nơi nhận separators, and who the text says it is.
"""

from __future__ import annotations

import re

from kehoach.docx.model import Model
from kehoach.kiemtra.structure import PARTY_TITLE, QUOC_HIEU, is_caps

PARTY_NUMBER = re.compile(r"^Số\s+[\d\s]*-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ]+")
STATE_NUMBER = re.compile(r"^Số\s*:\s*[\d\s]*/[A-ZĐ]")
PARTY_SIGN = re.compile(r"^(T/M|K/T|T/L)\s")
STATE_SIGN = re.compile(r"^(TM|KT|TL|TUQ)\.\s")
UNION_ISSUER = re.compile(r"LIÊN ĐOÀN LAO ĐỘNG|CÔNG ĐOÀN|\bLĐLĐ\b|\bTLĐ\b")
UNION_TEXT = re.compile(r"liên đoàn lao động|\blđlđ\b|\bcông đoàn\b|\btlđ\b", re.IGNORECASE)
UNION_CODE = re.compile(r"[-/](LĐLĐ|TLĐ|CĐN?|CĐ[A-Z]*)\b")
HEADER_LINES = 20


def detect_system(model: Model) -> tuple[str, str]:
    """Return (system, reason in Vietnamese)."""
    texts = [p.clean for p in model.paragraphs if p.clean]
    head = texts[:HEADER_LINES]
    if any(t.upper() == PARTY_TITLE for t in head):
        return "dang", "nhận diện từ tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”"
    if any(QUOC_HIEU.match(t) for t in head):
        if any(is_caps(t) and UNION_ISSUER.search(t) for t in head):
            return "cong_doan", "nhận diện từ Quốc hiệu và tên cơ quan ban hành thuộc tổ chức Công đoàn"
        return "nha_nuoc", "nhận diện từ Quốc hiệu và tên cơ quan ban hành"

    party: list[str] = []
    state: list[str] = []
    for t in texts:
        if PARTY_NUMBER.match(t):
            party.append("dòng số, ký hiệu kiểu Đảng (“Số 72-KH/TU”)")
        elif STATE_NUMBER.match(t):
            state.append("dòng số, ký hiệu có dấu hai chấm (“Số: 470/KH-LĐLĐ”)")
        if PARTY_SIGN.match(t):
            party.append("quyền hạn ký “T/M”, “K/T”")
        elif STATE_SIGN.match(t):
            state.append("quyền hạn ký “TM.”, “KT.”")
        if re.match(r"^-\s*Lưu\b", t):
            if re.match(r"^-\s*Lưu\s*:|^-\s*Lưu\s+VT\b", t):
                state.append("dòng “Lưu: VT”")
            else:
                party.append("dòng “Lưu …” không có “VT”")
    items = [t for t in texts if t.startswith("- ")]
    if sum(t.endswith(",") for t in items) >= 3:
        party.append("nơi nhận ngăn bằng dấu phẩy")
    if len(party) > len(state):
        return "dang", "nhận diện từ " + "; ".join(dict.fromkeys(party))
    if not state and not party:
        reason = "không đủ dấu hiệu"
    else:
        reason = "nhận diện từ " + "; ".join(dict.fromkeys(state or party))
    symbol = next((t for t in texts if STATE_NUMBER.match(t)), "")
    union_mentions = sum(len(UNION_TEXT.findall(t)) for t in texts)
    if UNION_CODE.search(symbol) or union_mentions >= 3:
        return "cong_doan", reason + "; văn bản nói về tổ chức Công đoàn"
    return "nha_nuoc", reason + ("; mặc định Nhà nước" if not state else "")
