"""The documents a text cites: each symbol found, in either form, with what is written around it.

Party form "21-CT/TW" (also "12-KH/TWĐTN-VP"), State and union form "349/KH-TLĐ", "30/2020/NĐ-CP", a công văn
"1407/UBND-NNMT". Around a symbol: the type name before it ("Chỉ thị"), the word "số", the date after it (short
"04/5/2023" or long "04 tháng 5 năm 2023", with or without a comma before "ngày"), and the issuer named after "của".
Spaces inside a symbol ("72- KH/TU", "61 /KH-BTV") are read too, so the rules can report them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.kiemtra.context import Context
from kehoach.kiemtra.issuers import expected_code, fold_name

PARTY_SYMBOL = re.compile(r"(?<![\w/.-])(\d+)(\s*)-(\s*)([A-Za-zĐđ]+)(\s*)/(\s*)([A-ZĐ][A-ZĐa-z]*(?:-[A-ZĐ][A-ZĐa-z]*)?)"
                          r"(?![\w-])")
STATE_SYMBOL = re.compile(r"(?<![\w/.-])(\d+)(\s*)/(\s*)(?:(\d{4})\s*/\s*)?"
                          r"([A-ZĐ][A-Za-zĐđ0-9]*(?:\s*-\s*[A-ZĐ][A-Za-zĐđ0-9&]*)*)(?![\w/])")
AFTER = re.compile(r"^(\s*,)?\s+ngày\s+(\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})")
OF = re.compile(r"^(?:\s*,)?(?:\s+ngày\s+\S+(?:\s+tháng\s+\S+\s+năm\s+\S+)?)?\s+của\s+(?P<name>[^,;()]+)")
NAME_END = re.compile(r"\s+(về|thực hiện|triển khai|tiếp tục|hướng dẫn|ban hành|và|(khóa|nhiệm kỳ)\s+\S+)\b.*$")
TYPE_NAMES = {"chỉ thị": {"CT"}, "kế hoạch": {"KH"}, "nghị quyết": {"NQ"}, "kết luận": {"KL"}, "hướng dẫn": {"HD"},
              "quyết định": {"QĐ"}, "quy định": {"QĐ", "QyĐ", "QĐi"}, "thông báo": {"TB"}, "nghị định": {"NĐ"},
              "thông tư": {"TT"}, "chương trình": {"CTr"}, "đề án": {"ĐA"}, "báo cáo": {"BC"}, "tờ trình": {"TTr"},
              "quy chế": {"QC"}, "thông tri": {"TT"}, "công văn": set()}
ALL_TYPE_CODES = set().union(*TYPE_NAMES.values())
TYPE_BEFORE = re.compile(r"(?P<name>\w+\s+\w+)\s+(?P<so>số\s*:?\s+)?$")


@dataclass
class Citation:
    para: int  # index of the paragraph
    start: int  # character span of the symbol in the paragraph's clean text
    end: int
    raw: str
    form: str  # "dang" (number-type/issuer) or "state" (number/type-issuer)
    number: str
    type_code: str
    issuer: str
    year: str
    date: str | None
    comma: bool  # a comma before "ngày"
    so: bool | None  # "số" written before the symbol; None when no type name stands before it
    type_name: str | None  # the two words before the symbol, as written ("Chỉ thị")
    issuer_name: str | None  # the words after "của" ("Ban Thường vụ Tỉnh ủy")
    repeated: str | None = None  # the suffix written again right after the symbol ("12-NQ/TW NQ/TW")

    @property
    def key(self) -> str:
        if self.form == "dang":
            return f"{self.number}-{self.type_code}/{self.issuer}"
        year = f"{self.year}/" if self.year else ""
        return f"{self.number}/{year}{self.type_code}{'-' + self.issuer if self.issuer else ''}"

    @property
    def issuer_code(self) -> str:
        """The code of the issuing body: after "/" (Party), after the type (State), first (State công văn)."""
        if self.form == "state" and self.type_code not in ALL_TYPE_CODES:
            return self.type_code
        return self.issuer.split("-")[0]

    @property
    def hint(self) -> str | None:
        """The issuer code the words after "của" call for."""
        return expected_code(self.issuer_name) if self.issuer_name else None

    @property
    def long_date(self) -> bool:
        return bool(self.date and "tháng" in self.date)


def text_paragraphs(ctx: Context) -> list[int]:
    """Every paragraph with text but the document's own number and date lines."""
    skip = {ctx.layout.number, ctx.layout.date}
    return [p.index for p in ctx.model.paragraphs if p.clean and p.index not in skip]


def find_citations(ctx: Context) -> list[Citation]:
    """Every cited symbol of the text, in reading order (computed once per check)."""
    if "citations" not in ctx.cache:
        found = []
        for i in text_paragraphs(ctx):
            text = ctx.model.paragraphs[i].clean
            for m in PARTY_SYMBOL.finditer(text):
                found.append(_citation(i, text, m, "dang", m[1], m[4], m[7], ""))
            for m in STATE_SYMBOL.finditer(text):
                groups = re.sub(r"\s", "", m[5]).split("-")
                found.append(_citation(i, text, m, "state", m[1], groups[0], "-".join(groups[1:]), m[4] or ""))
        ctx.cache["citations"] = sorted(found, key=lambda c: (c.para, c.start))
    return ctx.cache["citations"]


def _citation(i, text, m, form, number, type_code, issuer, year) -> Citation:
    rest = text[m.end():]
    suffix = f"{type_code}/{issuer}" if form == "dang" else f"{type_code}-{issuer}" if issuer else ""
    again = re.match(rf"^\s*[-/]?\s*{re.escape(suffix)}(?![\w/-])", rest) if suffix else None
    if again:
        rest = rest[again.end():]  # the date and the issuer come after the repeated part
    after = AFTER.match(rest)
    before = TYPE_BEFORE.search(text[max(0, m.start() - 30):m.start()])
    type_name = before["name"] if before and fold_name(before["name"]) in TYPE_NAMES else None
    so = None
    if type_name and before is not None:
        so = bool(before["so"])
    elif re.search(r"\bsố\s*$", text[:m.start()]):
        so = True
    of = OF.match(rest)
    name = NAME_END.sub("", of["name"]).strip() if of else None
    return Citation(i, m.start(), m.end(), m[0], form, number, type_code, issuer, year, after[2] if after else None,
                    bool(after and after[1]), so, type_name, name or None, suffix if again else None)
