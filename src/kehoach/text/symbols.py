"""Số and ký hiệu: type codes and the two notations (State/union '470/KH-LĐLĐ', Party '72-KH/TU')."""

from __future__ import annotations

import re

from kehoach.text.vntext import nfc

# Phụ lục III NĐ 30/2020 and HD 36-HD/VPTW §3.6; the Party writes Quy định "QĐ" again since 2021.
TYPE_CODES = {
    "nghị quyết": "NQ", "quyết định": "QĐ", "chỉ thị": "CT", "kết luận": "KL", "quy chế": "QC",
    "quy định": "QĐ", "thông báo": "TB", "thông tri": "TT", "hướng dẫn": "HD", "chương trình": "CTr",
    "kế hoạch": "KH", "phương án": "PA", "đề án": "ĐA", "dự án": "DA", "báo cáo": "BC", "biên bản": "BB",
    "tờ trình": "TTr", "công văn": "CV", "luật": "", "nghị định": "NĐ-CP", "thông tư": "TT",
    "thông cáo": "TC", "công điện": "CĐ", "giấy mời": "GM",
}
# Names that head a document as its type title (a Công văn has none; laws and decrees are not drafted here).
TITLED = [name for name in TYPE_CODES if name not in ("công văn", "luật", "nghị định", "thông tư")]
STATE_OVERRIDES = {"quy định": "QyĐ"}

KINDS = {"ke_hoach": "Kế hoạch", "huong_dan": "Hướng dẫn", "cong_van": "Công văn"}


def type_code(type_name: str, system: str) -> str:
    """'Kế hoạch hành động' → 'KH': the longest known type name the text starts with."""
    folded = nfc(type_name).casefold()
    if system != "dang" and folded in STATE_OVERRIDES:
        return STATE_OVERRIDES[folded]
    for name in sorted(TYPE_CODES, key=len, reverse=True):
        if folded.startswith(name):
            return TYPE_CODES[name]
    return ""


def symbol(number: str, code: str, issuer: str, system: str) -> str:
    """'470/KH-LĐLĐ', '72-KH/TU', a Công văn '301/LĐLĐ-TGNC' or '45-CV/BTGDVTU'."""
    if system == "dang":
        return f"{number}-{code}/{issuer}"
    return f"{number}/{code}-{issuer}" if code else f"{number}/{issuer}"


_BLANK_NUMBER = "      "


def number_line(number: str, code: str, issuer: str, system: str, colon: bool | None = None) -> str:
    """The header line. A number not yet given leaves room for the văn thư: 'Số:      /KH-LĐLĐ'.

    `system` chooses the notation ('dang': '12-KH/TU'); `colon` the 'Số:' of the State and unions (HD 36 writes
    'Số 12-KH/TU'; the Đoàn TNCS Hồ Chí Minh 'Số: 12-KH/TWĐTN-VP'), None for the notation's own."""
    shown = number if number else _BLANK_NUMBER
    if number.isdigit() and len(number) == 1:
        shown = f"0{number}"  # numbers below 10 are padded (NĐ 30, Phụ lục I; HD 36 examples)
    text = symbol(shown, code, issuer, system)
    if colon is None:
        colon = system != "dang"
    return f"Số: {text}" if colon else f"Số {text}"


# The two notations, written once: parse_symbol anchors them to read a whole field, and SYMBOL_IN_TEXT (for the
# importer's reading of citations, drafting/cited.py) finds them inside running text, where each part starts with a
# capital (so a date "15/8/2023" is never taken for a State symbol) and a number may be the writer's blank "…".
_PART = r"[A-Za-zĐđ0-9&]+"
_PARTY = re.compile(rf"^(\d*)\s*-\s*([A-Za-zĐđ]+)\s*/\s*({_PART}(?:\s*-\s*{_PART})*)$")
_STATE = re.compile(rf"^(\d*)\s*/\s*(?:(\d{{4}})\s*/\s*)?({_PART}(?:\s*-\s*{_PART})*)$")
_CAPPED = r"[A-ZĐ][A-Za-zĐđ0-9&]*"
SYMBOL_IN_TEXT = (rf"(?:\d+|…)\s?(?:-\s?[A-ZĐ][A-Za-zĐđ]*\s?/|/(?:\d{{4}}/)?)\s?{_CAPPED}"
                  rf"(?:\s?-\s?{_CAPPED})*(?![\w/])")
UNNUMBERED = "…"  # how a citation shows a number not yet given (drafting/citations.number_symbol)


def parse_symbol(text: str) -> tuple[str, str, str, str]:
    """'21-CT/TW' → ('21', 'CT', 'TW', 'dang'); '349/KH-TLĐ' → ('349', 'KH', 'TLĐ', 'cong_doan'?).

    The State and union notations are the same, so the system comes back as 'nha_nuoc' for both;
    the caller refines it from the issuer. Raises ValueError for a text in neither notation.
    """
    text = nfc(text).replace(" ", "").removeprefix(UNNUMBERED)
    if m := _PARTY.match(text):
        return m[1], m[2], m[3], "dang"
    if m := _STATE.match(text):
        groups = m[3].split("-")
        if m[2]:  # '30/2020/NĐ-CP': the year belongs to the number
            return f"{m[1]}/{m[2]}", "", m[3], "nha_nuoc"
        known = {c for c in TYPE_CODES.values() if c} | set(STATE_OVERRIDES.values())
        if len(groups) > 1 and groups[0] in known:
            return m[1], groups[0], "-".join(groups[1:]), "nha_nuoc"
        return m[1], "", m[3], "nha_nuoc"
    raise ValueError(f"'{text}' không phải số, ký hiệu (ví dụ 349/KH-TLĐ hoặc 21-CT/TW)")
