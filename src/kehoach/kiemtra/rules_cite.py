"""Dates and cited symbols, one by one (format-rules.md §8, rule 21, and §5).

A symbol is read in either form (citations.py). Each is checked on its own here: spaces inside it, a suffix written
twice, the form of the other system, a law without its year, the type name before it. What must agree across the
whole text (one document cited one way) is rules_cite_doc.py's.
"""

from __future__ import annotations

import re
import unicodedata

from kehoach.kiemtra.citations import ALL_TYPE_CODES, TYPE_NAMES, find_citations, text_paragraphs
from kehoach.kiemtra.context import Context

DATE_TOKEN = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
DATE_OK = re.compile(r"^\d{2}/(0[12]|[3-9]|1[0-2])/\d{4}$")  # day 2 digits; months 1, 2 written 01, 02 (format-rules §5)
PARTY_ISSUERS = {"TW", "TU", "HU", "ĐU", "QU", "TƯ", "ĐUK", "BTGTW", "BTGTU", "BTGDVTU", "BTGDVTW", "BTCTW", "BTCTU",
                 "VPTW", "VPTU", "UBKTTW", "UBKTTU", "BDVTW", "BDVTU", "BCĐ", "TH"}
STATE_ISSUERS = {"UBND", "CP", "TTg", "QH", "BNV", "BGDĐT", "BLĐTBXH", "HĐND", "VPCP", "TLĐ", "LĐLĐ"}
# The importer (nhap/chain.py) reads the issuer code a "của …" phrase calls for from this table; kiemtra itself uses
# issuers.expected_code, which knows more bodies.
ISSUER_HINTS = (("huyện ủy", "HU"), ("tỉnh ủy", "TU"), ("thành ủy", "TU"), ("đảng ủy", "ĐU"), ("ban bí thư", "TW"),
                ("bộ chính trị", "TW"), ("ban chấp hành trung ương", "TW"))
NAME_BEFORE = re.compile(r"(\w+\s+\w+)\s+(?:số\s+)?$")


def check_dates(ctx: Context) -> None:
    for i in text_paragraphs(ctx):
        text = ctx.model.paragraphs[i].clean
        wrong = [m for m in DATE_TOKEN.finditer(text) if not DATE_OK.match(m[0])]
        if wrong:
            fixed = [_fix_date(m) for m in wrong]
            pairs = ", ".join(f"“{m[0]}” → “{f}”" for m, f in zip(wrong, fixed, strict=True))
            ctx.add("TT-21a", i, f"Ngày viết chưa đúng: {', '.join(m[0] for m in wrong)}.", f"Sửa {pairs}.",
                    quote=text[max(0, wrong[0].start() - 30):wrong[0].end() + 10])


def _fix_date(m: re.Match) -> str:
    month = int(m[2])
    return f"{int(m[1]):02d}/{month:02d}/{m[3]}" if month < 3 else f"{int(m[1]):02d}/{month}/{m[3]}"


def check_symbols(ctx: Context) -> None:
    for c in find_citations(ctx):
        text = ctx.model.paragraphs[c.para].clean
        repeated = c.repeated
        if repeated:
            joined = re.sub(r"\s+", "", c.raw)
            ctx.add("TT-21b", c.para, f"Ký hiệu “{c.raw}” viết lặp phần “{repeated}”.",
                    f"Viết “{joined}”, bỏ “{repeated}” phía sau.",
                    quote=text[max(0, c.start - 15):c.end + len(repeated) + 1])
        elif re.search(r"\s", c.raw):
            fixed = re.sub(r"\s+", "", c.raw)
            ctx.add("TT-21b", c.para, f"Ký hiệu “{c.raw}” có dấu cách.", f"Viết “{fixed}”.", quote=c.raw)
        elif c.form == "state" and c.issuer in PARTY_ISSUERS and c.type_code in ALL_TYPE_CODES:
            ctx.add("TT-21b", c.para, f"“{c.raw}” là văn bản của Đảng nhưng viết theo dạng Nhà nước.",
                    f"Viết “{c.number}-{c.type_code}/{c.issuer}”.", quote=c.raw)
        elif c.form == "dang" and c.issuer in STATE_ISSUERS:
            ctx.add("TT-21b", c.para, f"“{c.raw}” là văn bản của Nhà nước/Công đoàn nhưng viết theo dạng Đảng.",
                    f"Viết “{c.number}/{c.type_code}-{c.issuer}”.", quote=c.raw)
        if c.form == "state" and not c.year and (c.key.endswith("NĐ-CP") or re.fullmatch(r"QH\d*", c.type_code)
                                                 or (c.type_code == "TT" and c.issuer.startswith("B"))):
            ctx.add("TT-21c", c.para, f"Ký hiệu “{c.raw}” thiếu năm ban hành.",
                    f"Viết “{c.number}/<năm>/{c.type_code}{'-' + c.issuer if c.issuer else ''}” (tra năm của văn "
                    "bản gốc).", quote=c.raw)


def check_type_names(ctx: Context) -> None:
    folded = {_fold(name): name for name in TYPE_NAMES}
    for c in find_citations(ctx):
        text = ctx.model.paragraphs[c.para].clean
        start = text.find(c.raw)
        before = NAME_BEFORE.search(text[max(0, start - 30):start])
        if not before:
            continue
        words = before[1].lower()
        proper = folded.get(_fold(words))
        if proper and words != proper:
            ctx.add("VB-02", c.para, f"Viết “{before[1]}” thay cho “{proper.capitalize()}”.",
                    f"Sửa thành “{proper.capitalize()}”.", quote=f"{before[1]} số {c.raw}")
        elif proper and c.type_code in ALL_TYPE_CODES - TYPE_NAMES[proper] and TYPE_NAMES[proper]:
            ctx.add("VB-02", c.para, f"“{proper.capitalize()}” nhưng ký hiệu “{c.raw}” viết tắt “{c.type_code}”.",
                    "Đối chiếu bản gốc để sửa tên loại hoặc ký hiệu.", quote=f"{before[1]} số {c.raw}")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


RULE_IDS = ("TT-21a", "TT-21b", "TT-21c", "VB-02")  # the rules this module reports (kehoach kiemtra --quy-tac)
CHECKS = [check_dates, check_symbols, check_type_names]
