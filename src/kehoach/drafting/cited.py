"""Citations read back: the forms drafting/citations.py and drafting/opening.py write, found in running text with the
same tables.

"Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của Tổng Liên đoàn Lao động Việt Nam về thực hiện Chỉ thị số 21-CT/TW, …"
is read the way the writer builds it (citations.full): a type name of text/symbols.TYPE_CODES, a symbol in either
notation (symbols.SYMBOL_IN_TEXT, taken apart by parse_symbol), a date in a form parse_date reads ("04/5/2023",
"…/11/2026", "15 tháng 01 năm 2024"), then "của" and the issuer, then either the words that join it to the document
it implements followed by that document's citation (the chain), or the document's own trích yếu. The other forms the
writer has are read too:
- a document without a number, cited by its name (citations.short: `ten`, or `loai` + `trich_yeu`): "Chương trình
  công tác năm 2023 ngày 10/01/2023 của Ban Chấp hành Hội …" (named.py), where a citation may stand: at the start of
  an opening or a trích yếu after its lead words, after the separator that follows another citation ("; căn cứ …",
  ", trên cơ sở …"), or as the document a citation implements;
- the narrated opening (opening.narrated): "Ngày 12/3/2019, Ban Bí thư Trung ương Đảng (khóa XII) đã ban hành Chỉ thị
  số 40-CT/TW về … (sau đây viết tắt là …)".
`written` puts a reading back through the writer, so a reading the writer would not reproduce is known (`agrees`).
A document's own trích yếu (title block, V/v line) is read by trich_yeu.py with the same readings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial

from kehoach.drafting import citations, opening
from kehoach.drafting.named import CAP_TYPES, TYPES, name_after, name_at, name_at_start
from kehoach.drafting.predicate import name_before
from kehoach.inputs.models import Cite, DocRef, Opening
from kehoach.text.symbols import SYMBOL_IN_TEXT, parse_symbol, symbol
from kehoach.text.vntext import (
    DATE_IN_TEXT,
    VI_LOWER,
    VI_UPPER,
    PartialDate,
    nfc,
    parse_date,
    upper_first,
)

_WORD = rf"[{VI_LOWER}]+"
# "Kế hoạch hành động số …", "Thông tư liên tịch số …": words after the type name only when "số" follows.
HEAD = re.compile(
    rf"(?<!\w)(?P<type>(?:{TYPES})(?:(?:\s+{_WORD}){{1,3}}?(?=\s+số\s))?)\s+(?:số\s+)?(?P<symbol>{SYMBOL_IN_TEXT})"
    rf"(?:(?P<comma>\s*,)?\s+ngày\s+(?P<date>{DATE_IN_TEXT}))?")
_OF = re.compile(r"\s*,?\s+của\s+")
# Where an issuer's name ends: the words that start a trích yếu, a sentence or a plan's own words after a citation
# ("… của Ủy ban nhân dân tỉnh Gia Lai trên địa bàn xã"), "và" before a lower-case word (names capitalise each part:
# "Ban Tuyên giáo và Dân vận"), punctuation, a bracket that is not the term "(khóa XII)".
_ISSUER_END = re.compile(
    rf"\s+(?:về|thực hiện|triển khai|quy định|hướng dẫn|ban hành|đã|nhằm|với|tại|trong|trên|đối với|đến|theo|để|"
    rf"như sau|đề nghị|giai đoạn|năm\s+\d{{4}}|và(?=\s+[{VI_LOWER}]))(?!\w)|\s*[,;:!?\"“”]|\.(?=\s|/|$)"
    rf"|\s*\((?!\s*kh[oó]a\b)|\s*$|\s+(?:và\s+)?(?=(?:{TYPES})\s+(?:số\s+)?[\d…])")
# Words that join two things but never start a trích yếu or the link to a parent ("… của Ban Bí thư và Kế hoạch …").
_NOT_A_START = re.compile(r"(?:và|hoặc|cùng|với|đến|trong|trên|tại|theo|của|như|đã|đề nghị|nhằm|để)(?!\w)")
_TERM = re.compile(r"\s*\(\s*kh[oó]a\s+([^)]+?)\s*\)$")
_LINK = re.compile(rf"\s+(?!{_NOT_A_START.pattern})(?P<words>{_WORD}(?:,?\s+{_WORD}){{0,11}}?)\s+(?=(?:{TYPES}))")
_NOTE = rf"\s*\((?=\s*(?:viết tắt|sau đây|gọi tắt|gọi chung|{TYPES}))"
# Verbs of the sentence that follows an opening's citations: "…, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch …".
ISSUING_VERBS = r"ban hành|hướng dẫn|xây dựng|đề nghị|yêu cầu|chỉ đạo|thông báo|triển khai|đề ra"
_SUBJECT_END = re.compile(
    rf"{_NOTE}|\s*[;:]|\s*\.(?=\s|/|$)|\s+như sau|\s*$"
    rf"|,\s+(?=[{VI_UPPER}][^,;:.]{{2,90}}?\s(?:{ISSUING_VERBS})\b)"
    rf"|\s*(?:,|\svà)\s+(?:{_WORD}(?:\s+{_WORD}){{0,3}}\s+)?(?=(?:{CAP_TYPES})\s)")
# A narrated opening names the issuer first (opening.narrated): "Ngày 12/3/2019, Ban Bí thư … đã ban hành Chỉ thị …".
_NARRATION = re.compile(
    rf"(?:^|(?<=[.;:]\s))(?:Ngày\s+(?P<date>{DATE_IN_TEXT}),\s+)?(?:(?P<who>[{VI_UPPER}][^.;:]*?)\s+)?[đĐ]ã\s+ban\s+hành\s+"
    rf"(?=(?:{CAP_TYPES})\s)")


@dataclass(frozen=True)
class Cited:
    """One citation as read: the document it names and, when the text gives them, its issuer, its trích yếu and
    the document it in turn implements. `start`/`end` give where the whole citation stands in the text read."""

    type_name: str  # "Kế hoạch", "Kế hoạch hành động", capitalised as a citation writes it
    number: str  # "349"; "" when the text shows "…" (not yet issued) or the document has no number
    code: str  # "KH"
    issuer_symbol: str  # "TLĐ", "TU", "LĐLĐ-TGNC"
    system: str  # "dang" for the Party notation, else "nha_nuoc" (the union writes as the State)
    date: PartialDate | None = None
    comma: bool = False  # ", ngày" as written
    issuer: str = ""  # after "của", without the term
    term: str = ""  # "XII" of "(khóa XII)" after the issuer
    connector: str = ""  # "về thực hiện": the words joining it to `parent`
    parent: Cited | None = None
    subject: str = ""  # its own trích yếu ("về tiếp tục …"), when the chain ends here
    start: int = 0
    end: int = 0
    name: str = ""  # a document without a number, cited by its name: "Chương trình công tác năm 2023"
    long_dates: bool = False  # its date written in words: "15 tháng 01 năm 2024"
    narrated: bool = False  # "Ngày …, <issuer> đã ban hành <document> …" (opening.narrated)

    @property
    def symbol(self) -> str:
        """As a document file writes it: '349/KH-TLĐ', '72-KH/TU', '-KH/TU' when the number is blank; '' by name."""
        return "" if self.name else symbol(self.number, self.code, self.issuer_symbol, self.system)

    @property
    def dated(self) -> bool:
        return self.date is not None

    def chain(self) -> Iterator[Cited]:
        """This citation and each document it implements, nearest first."""
        current: Cited | None = self
        while current is not None:
            yield current
            current = current.parent


def heads(text: str) -> Iterator[re.Match[str]]:
    return HEAD.finditer(text)


def _date(raw: str | None) -> tuple[PartialDate | None, bool]:
    """(the date, whether it is written in words)."""
    if not raw:
        return None, False
    words = "năm" in raw
    return parse_date(f"ngày {raw}" if words else raw), words


def _from_head(head: re.Match[str]) -> Cited:
    number, code, issuer_symbol, system = parse_symbol(head["symbol"])
    date, words = _date(head["date"])
    type_name = upper_first(" ".join(head["type"].split()))
    return Cited(type_name, number, code, issuer_symbol, system, date, bool(head["comma"]), start=head.start(),
                 end=head.end(), long_dates=words)


def _from_name(text: str, match: re.Match[str]) -> Cited:
    date, words = _date(match["date"])
    type_name = upper_first(" ".join(match["type"].split()))
    name = nfc(text[match.start():match.end("rest")])
    return Cited(type_name, "", "", "", "nha_nuoc", date, bool(match["comma"]), start=match.start(), end=match.end(),
                 name=name, long_dates=words)


def _issuer(text: str, cited: Cited) -> Cited:
    """The issuer after "của", when the text names one."""
    of = _OF.match(text, cited.end)
    if of is None:
        return cited
    stop = _ISSUER_END.search(text, of.end())
    # The name also ends before a verb or an adverb: "… của Ban Thường vụ Tỉnh ủy tiếp tục thực hiện …" (predicate.py).
    end = of.end() + len(name_before(text[of.end():stop.start() if stop else len(text)]))
    issuer = nfc(text[of.end():end])
    if not issuer or not issuer[0].isupper():
        return cited
    term = _TERM.search(issuer)  # "(khóa XII)" is the committee's term (citations.issuer), not part of its name
    return replace(cited, issuer=issuer[:term.start()].rstrip() if term else issuer, term=term[1] if term else "",
                   end=end)


def _tail(text: str, cited: Cited, depth: int) -> Cited:
    """What follows a document's number, date and issuer: the document it implements, or its own trích yếu."""
    end = cited.end
    link = _LINK.match(text, end)
    if link is not None and depth < 20:
        parent = _parent_at(text, link.end(), depth + 1)
        if parent is not None:
            return replace(cited, connector=nfc(link["words"]), parent=parent, end=parent.end)
    start = end + len(text[end:]) - len(text[end:].lstrip())
    if start < len(text) and text[start].islower() and not _NOT_A_START.match(text, start):
        close = _SUBJECT_END.search(text, start)
        stop_at = close.start() if close else len(text)
        subject = nfc(text[start:stop_at]).rstrip(" ,")
        if subject:
            return replace(cited, subject=subject, end=stop_at)
    return cited


def _parent_at(text: str, pos: int, depth: int) -> Cited | None:
    """The document a citation implements, cited at `pos`. A parent in a chain is an issued document, cited with its
    date (or, without a number, by its name with its issuer or date); "về tuyên truyền Chỉ thị số 21-CT/TW của Ban Bí
    thư" without one is a trích yếu that mentions a document."""
    head = HEAD.match(text, pos)
    if head is not None:
        if head["date"] and _OF.match(text, head.end()):
            return read_at(text, head, depth)
        return None
    named = name_at(text, pos)
    if named is not None:
        cited = _issuer(text, _from_name(text, named))
        if cited.issuer or cited.dated:
            return cited
    return None


def _given(cited: Cited) -> Cited:
    return cited


def read_named(text: str, named: re.Match[str]) -> Cited:
    """The document cited by name at `named` (a match of named.py), with its issuer when the text names one."""
    return _issuer(text, _from_name(text, named))


def read_at(text: str, head: re.Match[str], _depth: int = 0) -> Cited:
    """The citation starting at `head` (a match of HEAD in `text`), with its issuer and chain when present."""
    cited = _from_head(head)
    with_issuer = _issuer(text, cited)
    if with_issuer is cited:
        return cited
    return _tail(text, with_issuer, _depth)


def _narrated(text: str, match: re.Match[str]) -> Cited | None:
    """'Ngày 12/3/2019, Ban Bí thư … (khóa XII) đã ban hành Chỉ thị số 40-CT/TW về …': the date and issuer come first,
    then the document, its trích yếu or the document it implements (opening.narrated)."""
    who = nfc(match["who"] or "")
    term = _TERM.search(who)
    date, words = _date(match["date"])
    head = HEAD.match(text, match.end())
    if head is not None and not head["date"]:
        cited = _tail(text, _from_head(head), 0)
    elif head is None and (named := name_at(text, match.end(), alone=True)) is not None and not named["date"]:
        cited = _from_name(text, named)
    else:
        return None
    return replace(cited, date=date, long_dates=words, issuer=who[:term.start()].rstrip() if term else who,
                   term=term[1] if term else "", start=match.start(), narrated=True)


def read_all(text: str, names: bool = False) -> list[Cited]:
    """Every citation of `text` at the top level, in order; the documents of a chain are inside their citation.

    With `names`, documents cited by name are read too where a citation stands (named.py): an opening or a trích yếu
    (a body paragraph that starts "Kế hoạch này được …" names nothing)."""
    narrations = [c for m in _NARRATION.finditer(text) if (c := _narrated(text, m)) is not None]
    found: list[Cited] = []
    pos = 0
    while True:
        # What starts first is read first: a narration before the document it tells of, a numbered citation, a name.
        candidates: list[tuple[int, int, Callable[[], Cited]]] = []
        told = next((c for c in narrations if c.start >= pos), None)
        if told is not None:
            candidates.append((told.start, 0, partial(_given, told)))
        head = HEAD.search(text, pos)
        if head is not None:
            candidates.append((head.start(), 1, partial(read_at, text, head)))
        named = (name_at_start(text) if not found else name_after(text, pos)) if names else None
        if named is not None:
            candidates.append((named.start(), 2, partial(read_named, text, named)))
        if not candidates:
            return found
        cited = min(candidates, key=lambda c: c[:2])[2]()
        found.append(cited)
        pos = cited.end


def as_docs(cited: Cited, keys: list[str]) -> list[DocRef]:
    """The chain as the writer's models, nearest first; `keys` names each document of the chain in turn."""
    links = list(cited.chain())
    docs = []
    for i, link in enumerate(links):
        parent = keys[i + 1] if i + 1 < len(links) else None
        docs.append(DocRef(
            key=keys[i], type_name=link.type_name, type_code=link.code, number=link.number,
            issuer_symbol=link.issuer_symbol, system=link.system, date=link.date, issuer=link.issuer, term=link.term,
            subject=link.subject or None, subject_prefix=link.connector, subject_of=parent,
            implements=(parent,) if parent else (), name=link.name))
    return docs


def written(cited: Cited) -> str:
    """The citation as the writer prints it from what was read."""
    docs = as_docs(cited, [f"#{i}" for i, _ in enumerate(cited.chain())])
    by_key = {d.key: d for d in docs}
    long_dates = cited.long_dates or any(link.long_dates for link in cited.chain())
    if cited.narrated:
        form = "day_du" if cited.parent is not None or cited.subject else "ngay"
        comma = cited.parent.comma if cited.parent is not None else False
        style = opening.CiteStyle(comma, long_dates, by_key.get)
        return opening.narrated(Opening(style="tuong_thuat", short_note="-"), [(Cite(docs[0].key, form), docs[0])],
                                style)
    if not cited.issuer:
        alone = citations.dated(docs[0], cited.comma, long_dates) if cited.dated else citations.short(docs[0])
        return alone.removesuffix(" của ")
    return citations.full(docs[0], by_key.get, cited.comma, long_dates=long_dates)


def squash(text: str) -> str:
    """Text for comparing a reading with the writer's: case, spacing, commas and the word "số" do not count."""
    text = re.sub(r"\bsố\s+(?=[\d…])", "", nfc(text).casefold())
    return re.sub(r"[\s,]+", "", text)


def agrees(cited: Cited, text: str) -> bool:
    """Whether the writer, given what was read, prints the same citation the text has."""
    return squash(written(cited)) == squash(text[cited.start:cited.end])


__all__ = ["HEAD", "ISSUING_VERBS", "SYMBOL_IN_TEXT", "Cited", "agrees", "as_docs", "heads", "read_all", "read_at",
           "read_named", "squash", "written"]
