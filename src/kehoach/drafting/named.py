"""Documents cited by name, found where the writer puts a citation (the reading side of citations.short for a
document without a number).

The writer cites such a document by its name (`ten`, or `loai` + `trich_yeu`: "Chương trình công tác năm 2023"),
then its date and its issuer when known: "Chương trình công tác năm 2023 ngày 10/01/2023 của Ban Chấp hành Hội Liên
hiệp Phụ nữ tỉnh Gia Lai", "Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Gia Lai lần thứ XVI". A name has no number to
anchor it, so it is read only where a citation stands (opening.listed, opening.narrated, a trích yếu): at the start
after the lead words ("Thực hiện", "Trên cơ sở"), after the separator that follows another citation ("; căn cứ …",
", …"), after "đã ban hành", or as the document a citation implements. The name starts with a type name in
capitals (text/symbols.TYPE_CODES) and runs to "ngày <date>", "của <Issuer>", or, for a name alone, to the next
punctuation; it never holds a number and symbol (that is a numbered citation) and never runs over a separator
followed by another citation.
"""

from __future__ import annotations

import re

from kehoach.text.symbols import SYMBOL_IN_TEXT, TYPE_CODES
from kehoach.text.vntext import DATE_IN_TEXT, VI_LOWER, VI_UPPER


def _name(name: str, capital_only: bool = False) -> str:
    # "kế hoạch" → "[Kk]ế\s+hoạch": a citation capitalises the type name; a line break may fall between its words.
    first, *rest = name.split()
    start = re.escape(first[0].upper()) if capital_only else f"[{first[0].upper()}{first[0]}]"
    return start + re.escape(first[1:]) + "".join(rf"\s+{re.escape(w)}" for w in rest)


_BY_LENGTH = sorted(TYPE_CODES, key=len, reverse=True)
TYPES = "|".join(_name(n) for n in _BY_LENGTH)
CAP_TYPES = "|".join(_name(n, capital_only=True) for n in _BY_LENGTH)
_LEAD = rf"(?:[{VI_LOWER}]+\s+){{0,3}}"
# A comma inside a name ("… lần thứ XVII, nhiệm kỳ 2020 - 2025") unless it separates two citations: ", căn cứ Nghị
# quyết …" (a few lower-case lead words, then a type name), or comes before "của" or the date (", ngày …").
_COMMA = rf",(?!\s+(?:của\s|ngày\s|{_LEAD}(?:{CAP_TYPES})\s))"
_PLAIN = r"[^\s;:()“”\",]*[^\s;:()“”\",.]"  # a word of a name: no bracket, quote or separator, no full stop at its end
_WORD = rf"\s+(?!(?:của|ngày)\s){_PLAIN}"
_DATED = rf"(?:(?P<comma>\s*,)?\s+ngày\s+(?P<date>{DATE_IN_TEXT}))?"
# With its issuer: the name runs to the first "của" before a capital (an issuer's name), after its date if any.
_WITH_ISSUER = re.compile(rf"(?P<type>{CAP_TYPES})(?P<rest>(?:{_WORD}(?:{_COMMA})?){{1,30}}?){_DATED}"
                          rf"(?=\s+của\s+[{VI_UPPER}])")
# Alone (no issuer): up to its date, or to the punctuation that ends it.
_ALONE = re.compile(rf"(?P<type>{CAP_TYPES})(?P<rest>(?:{_WORD}){{1,30}}){_DATED}(?=\s*[;,.(]|\s*$)")
# Where a citation stands: the start of a text, after its lead words ("Thực hiện", "Trên cơ sở" …) …
_AT_START = re.compile(rf"\s*(?:[{VI_UPPER}{VI_LOWER}][{VI_LOWER}]*\s+{_LEAD})?(?=(?:{CAP_TYPES})\s)")
# … or after another citation, its short form in brackets, a separator and lead words (opening.SEPARATORS).
_AFTER = re.compile(rf"(?:\s*\((?:viết tắt|sau đây|gọi tắt|gọi chung)[^()]*\))?\s*[;,]\s+{_LEAD}(?=(?:{CAP_TYPES})\s)")
_SYMBOL = re.compile(SYMBOL_IN_TEXT)


def name_at(text: str, pos: int, alone: bool = False) -> re.Match[str] | None:
    """A document cited by name starting at `pos` (groups: type, rest, comma, date; the issuer follows the match when
    the text names one). `alone`: only a name without "của" after it."""
    for pattern in ((_ALONE,) if alone else (_WITH_ISSUER, _ALONE)):
        match = pattern.match(text, pos)
        if match is not None and not _SYMBOL.search(match["rest"]):
            return match
    return None


def name_at_start(text: str) -> re.Match[str] | None:
    """A document cited by name at the start of a text, after its lead words: "Thực hiện Chương trình …"."""
    lead = _AT_START.match(text)
    return name_at(text, lead.end()) if lead else None


def name_after(text: str, pos: int) -> re.Match[str] | None:
    """A document cited by name right after the citation that ends at `pos`: "…; trên cơ sở Nghị quyết …"."""
    gap = _AFTER.match(text, pos)
    return name_at(text, gap.end()) if gap else None
