"""The parent's reporting line read back into its document file's `bao_cao: {ve, qua, han}` (docs/khoa-van-ban.md).

"Các cơ quan, đơn vị … báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Sở Giáo dục và Đào tạo) trước ngày
25/12/2026." tells the bodies below where, through whom and by when they report; a plan that implements the document
reports on that line and gives its own units an earlier date (drafting/reporting.py). The line sought is the one the
units are told, not the issuer's own line upward, which its drafting department carries out ("… tổng hợp kết quả
thực hiện, tham mưu Ủy ban nhân dân tỉnh báo cáo về Ban Thường vụ Tỉnh ủy", drafting/assign.py): a clause that its
department gathers or advises on counts only when it reports to the issuer itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.docx.model import Para
from kehoach.drafting.predicate import name_before
from kehoach.drafting.reporting import GENERIC, qualified
from kehoach.nhap.names import fold
from kehoach.text.vntext import DATE_IN_TEXT, VI_LOWER, VI_UPPER, PartialDate, parse_date, short_date

# "báo cáo [kết quả thực hiện …] [gửi] về <to> [(qua <via>)] [trước ngày <by>]", or "báo cáo <To>" (a name as its
# object: "định kỳ báo cáo Ban Thường vụ Huyện ủy"), up to the end of its clause; "và" ends the name only before a
# lower-case word ("về Ban Tuyên giáo và Dân vận Tỉnh ủy").
_LINE = re.compile(
    rf"(?<!\w)[Bb]áo\s+cáo(?:(?P<what>\s[^.;:()]*?)\s+về|(?=\s+[{VI_UPPER}]))\s+(?P<to>[^;.:()]+?)"
    rf"(?:\s*\(\s*qua\s+(?P<via>[^)]+?)\s*\))?"
    rf"(?:\s*,?\s+trước\s+ngày\s+(?P<by>{DATE_IN_TEXT}|\d{{1,2}}\s?/\s?\d{{1,2}}(?![\d/])))?"
    rf"(?=\s*(?:[;.:,]|$)|\s+(?:để|theo|định kỳ|hằng|hàng|và(?=\s+[{VI_LOWER}]))(?!\w))")
# The issuer's department reporting upward for it, not the units: "tổng hợp, báo cáo …", "tham mưu … báo cáo …".
_UPWARD = re.compile(r"(?<!\w)(?:tổng\s+hợp|tham\s+mưu)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """A reporting line read: to whom, through whom (qualified as another body's text names it), by when."""

    to: str
    via: str = ""
    by: PartialDate | None = None
    para: int = 0

    def as_data(self) -> dict[str, str]:
        """The `bao_cao` group of a document file: ve, and qua, han when the text gives them."""
        out = {"ve": self.to}
        if self.via:
            out["qua"] = self.via
        if self.by is not None:
            out["han"] = short_date(self.by)
        return out

    def as_text(self) -> str:
        return f"về {self.to}" + (f" (qua {self.via})" if self.via else "") + (
            f" trước ngày {short_date(self.by)}" if self.by else "")


def _date(raw: str | None, year: int | None) -> PartialDate | None:
    """The deadline; "15/6" without its year is in the year of the document."""
    if not raw:
        return None
    raw = re.sub(r"\s", "", raw) if "/" in raw else raw
    if re.fullmatch(r"\d{1,2}/\d{1,2}", raw):
        if year is None:
            return None
        raw = f"{raw}/{year}"
    try:
        when = parse_date(raw)
    except ValueError:
        return None
    return when if when.complete else None


def _ours(to: str, issuer: str) -> bool:
    """Whether `to` names the issuer: "Ủy ban nhân dân tỉnh" of "Ủy ban nhân dân tỉnh Gia Lai", "Tỉnh ủy" of "Ban
    Thường vụ Tỉnh ủy"."""
    words, mine = fold(to).split(), fold(issuer).split()
    return bool(words) and all(w in mine for w in words)


def reporting_line(paras: list[Para], body: list[int], issuer: str, year: int | None) -> Line | None:
    """The first line of the body (paragraphs `body`, in order) that tells the units where to report; one that the
    issuer's department carries out only when it reports to the issuer. None when the text has none, or names no one
    in particular ("về cấp trên")."""
    upward: Line | None = None
    for i in body:
        text = " ".join(paras[i].clean.split())
        for match in _LINE.finditer(text):
            to = name_before(match["to"].strip(" ,"))
            if not to or to.casefold() in GENERIC or not to[0].isupper():
                continue
            clause = text[max(text.rfind(";", 0, match.start()), text.rfind(".", 0, match.start()), 0):match.start()]
            line = Line(to, qualified((match["via"] or "").strip(), to), _date(match["by"], year), i)
            if not _UPWARD.search(clause + (match["what"] or "")):
                return line
            if upward is None and _ours(to, issuer):
                upward = line
    return upward


__all__ = ["Line", "reporting_line"]
