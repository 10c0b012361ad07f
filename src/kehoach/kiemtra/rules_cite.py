"""Dates and citations inside the text (format-rules.md §8, rule 21, and §5).

A cited symbol is read in either form: Party "21-CT/TW" or State "30/2020/NĐ-CP", "349/KH-TLĐ". One document cited
with two issuer codes, or once with and once without a comma before "ngày", is reported where the odd one is.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from kehoach.kiemtra.catalog import ERROR, WARN
from kehoach.kiemtra.context import Context

DATE_TOKEN = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
DATE_OK = re.compile(r"^\d{2}/(0[12]|[3-9]|1[0-2])/\d{4}$")  # day 2 digits; months 1, 2 written 01, 02 (format-rules §5)
PARTY_SYMBOL = re.compile(r"(?<![\w/.-])(\d+)(\s*)-(\s*)([A-Za-zĐđ]+)(\s*)/(\s*)([A-ZĐ][A-ZĐa-z]*(?:-[A-ZĐ][A-ZĐa-z]*)?)"
                          r"(?![\w-])")
STATE_SYMBOL = re.compile(r"(?<![\w/.-])(\d+)/(?:(\d{4})/)?([A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9&]*)*)"
                          r"(?![\w/])")
AFTER = re.compile(r"^(\s*,)?\s+ngày\s+(\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})")
PARTY_ISSUERS = {"TW", "TU", "HU", "ĐU", "QU", "TƯ", "ĐUK", "BTGTW", "BTGTU", "BTGDVTU", "BTGDVTW", "BTCTW", "BTCTU",
                 "VPTW", "VPTU", "UBKTTW", "UBKTTU", "BDVTW", "BDVTU", "BCĐ", "TH"}
STATE_ISSUERS = {"UBND", "CP", "TTg", "QH", "BNV", "BGDĐT", "BLĐTBXH", "HĐND", "VPCP", "TLĐ", "LĐLĐ"}
# What the words after "của" say about the issuer code a Party citation should carry.
ISSUER_HINTS = (("huyện ủy", "HU"), ("tỉnh ủy", "TU"), ("thành ủy", "TU"), ("đảng ủy", "ĐU"), ("ban bí thư", "TW"),
                ("bộ chính trị", "TW"), ("ban chấp hành trung ương", "TW"))
TYPE_NAMES = {"chỉ thị": {"CT"}, "kế hoạch": {"KH"}, "nghị quyết": {"NQ"}, "kết luận": {"KL"}, "hướng dẫn": {"HD"},
              "quyết định": {"QĐ"}, "quy định": {"QĐ", "QyĐ", "QĐi"}, "thông báo": {"TB"}, "nghị định": {"NĐ"},
              "thông tư": {"TT"}, "chương trình": {"CTr"}, "đề án": {"ĐA"}, "báo cáo": {"BC"}, "tờ trình": {"TTr"},
              "quy chế": {"QC"}, "thông tri": {"TT"}, "công văn": set()}
ALL_TYPE_CODES = set().union(*TYPE_NAMES.values())
NAME_BEFORE = re.compile(r"(\w+\s+\w+)\s+(?:số\s+)?$")


@dataclass
class Citation:
    para: int
    raw: str
    form: str  # "dang" or "state"
    number: str
    type_code: str
    issuer: str
    year: str
    date: str | None
    comma: bool
    hint: str | None  # issuer code suggested by "của …" after the citation

    @property
    def key(self) -> str:
        if self.form == "dang":
            return f"{self.number}-{self.type_code}/{self.issuer}"
        year = f"{self.year}/" if self.year else ""
        return f"{self.number}/{year}{self.type_code}{'-' + self.issuer if self.issuer else ''}"


def _text_paragraphs(ctx: Context) -> list[int]:
    lay = ctx.layout
    skip = {lay.number, lay.date}
    return [p.index for p in ctx.model.paragraphs if p.clean and p.index not in skip]


def find_citations(ctx: Context) -> list[Citation]:
    found = []
    for i in _text_paragraphs(ctx):
        text = ctx.model.paragraphs[i].clean
        for m in PARTY_SYMBOL.finditer(text):
            found.append(_citation(i, text, m, "dang", m[1], m[4], m[7], ""))
        for m in STATE_SYMBOL.finditer(text):
            groups = m[3].split("-")
            found.append(_citation(i, text, m, "state", m[1], groups[0], "-".join(groups[1:]), m[2] or ""))
    return found


def _citation(i, text, m, form, number, type_code, issuer, year) -> Citation:
    after = AFTER.match(text[m.end():])
    tail = text[m.end():m.end() + 120].lower().replace("uỷ", "ủy")
    hint = next((code for words, code in ISSUER_HINTS
                 if re.match(rf"^(\s*,)?\s*(ngày\s+\S+\s*)?của\s+(ban thường vụ\s+)?{words}", tail)), None)
    return Citation(i, m[0], form, number, type_code, issuer, year, after[2] if after else None,
                    bool(after and after[1]), hint)


def check_dates(ctx: Context) -> None:
    for i in _text_paragraphs(ctx):
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
    citations = find_citations(ctx)
    for c in citations:
        if c.form == "dang" and re.search(r"\s", c.raw):
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
    _same_document_two_codes(ctx, citations)
    _comma_styles(ctx, citations)


def _same_document_two_codes(ctx: Context, citations: list[Citation]) -> None:
    by_doc: dict[tuple, list[Citation]] = defaultdict(list)
    for c in citations:
        if c.type_code in ALL_TYPE_CODES:
            by_doc[(c.number, c.type_code, c.year)].append(c)
    for (number, type_code, _), group in by_doc.items():
        variants: dict[str, list[Citation]] = defaultdict(list)
        for c in group:
            variants[c.issuer].append(c)
        if len(variants) < 2:
            continue
        dates = {issuer: {c.date for c in cs if c.date} for issuer, cs in variants.items()}
        all_dates = [d for ds in dates.values() for d in ds]
        if all(dates.values()) and len(set(all_dates)) == len(all_dates) and len(all_dates) > 1:
            continue  # each variant has its own date: two different documents
        same_date = len(set(all_dates)) < len(all_dates)
        odd = _odd_variant(variants)
        first = variants[odd][0]
        listing = "; ".join(f"“{cs[0].raw}” ({ctx.model.paragraphs[cs[0].para].where()})" for cs in variants.values())
        good = next((iss for iss in variants if iss != odd), "")
        ctx.add("TT-21d", first.para, f"Văn bản số {number} ({type_code}) được trích dẫn với hai ký hiệu: {listing}.",
                f"Thống nhất một ký hiệu (có thể là “{first.raw.replace(odd, good)}”); đối chiếu bản gốc.",
                severity=ERROR if same_date else WARN, quote=first.raw)


def _odd_variant(variants: dict[str, list[Citation]]) -> str:
    """The issuer code that is most likely wrong: contradicted by "của …", else the rarer one, else the later one."""
    for issuer, cs in variants.items():
        if any(c.hint and c.hint != issuer for c in cs) and not any(c.hint == issuer for c in cs):
            return issuer
    return min(variants, key=lambda iss: (len(variants[iss]), -variants[iss][0].para))


def _comma_styles(ctx: Context, citations: list[Citation]) -> None:
    styles: dict[str, dict[bool, list[Citation]]] = defaultdict(lambda: {True: [], False: []})
    for c in citations:
        if c.date:
            styles[c.key][c.comma].append(c)
    mixed = set()
    for key, by in styles.items():
        if by[True] and by[False]:
            mixed.add(key)
            preferred = ctx.party  # the Party writes ", ngày"; the State and the union write " ngày"
            odd = min((True, False), key=lambda s: (len(by[s]), s == preferred))
            first = by[odd][0]
            where = {s: ", ".join(ctx.model.paragraphs[c.para].where() for c in by[s]) for s in (True, False)}
            ctx.add("TT-21e", first.para, f"“{key}” được trích dẫn {len(by[True])} lần có dấu phẩy trước “ngày” "
                    f"({where[True]}) và {len(by[False])} lần không có ({where[False]}): một văn bản, hai cách viết.",
                    "Viết thống nhất " + ("“…, ngày …”." if ctx.party else "“… ngày …” (không có dấu phẩy)."),
                    quote=first.raw + ("," if first.comma else "") + " ngày " + (first.date or ""))
    # Either style is right (the Party's ", ngày", the State's " ngày"); one document mixing both is not.
    dated = [c for c in citations if c.date and c.key not in mixed]
    styles_used = {True: [c for c in dated if c.comma], False: [c for c in dated if not c.comma]}
    if styles_used[True] and styles_used[False]:
        odd = min((True, False), key=lambda s: (len(styles_used[s]), s != ctx.party))
        first = styles_used[odd][0]
        usual = "“…, ngày …”" if not odd else "“… ngày …” (không có dấu phẩy)"
        ctx.add("TT-21f", first.para, f"Văn bản trích dẫn {len(styles_used[True])} lần có dấu phẩy trước “ngày” và "
                f"{len(styles_used[False])} lần không có; lần khác kiểu đầu tiên ở "
                f"{ctx.model.paragraphs[first.para].where()}.", f"Viết thống nhất {usual}, như phần lớn văn bản.",
                quote=first.raw + ("," if first.comma else "") + " ngày " + (first.date or ""))


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


CHECKS = [check_dates, check_symbols, check_type_names]
