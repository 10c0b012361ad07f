"""Citations read back: the forms drafting/citations.py writes, found in running text with the same tables.

"Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của Tổng Liên đoàn Lao động Việt Nam về thực hiện Chỉ thị số 21-CT/TW, …"
is read the way the writer builds it (citations.full): a type name of text/symbols.TYPE_CODES, a symbol in either
notation (symbols.SYMBOL_IN_TEXT, taken apart by parse_symbol), a date in a form parse_date reads ("04/5/2023",
"…/11/2026", "15 tháng 01 năm 2024"), then "của" and the issuer, then either the words that join it to the document
it implements followed by that document's citation (the chain), or the document's own trích yếu. `written` puts a
reading back through the writer, so a reading the writer would not reproduce is known (`agrees`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from kehoach.drafting import citations
from kehoach.inputs.models import DocRef
from kehoach.text.symbols import SYMBOL_IN_TEXT, TYPE_CODES, parse_symbol, symbol
from kehoach.text.vntext import DATE_IN_TEXT, VI_LOWER, PartialDate, lower_first, nfc, parse_date, upper_first


def _name(name: str) -> str:
    # "kế hoạch" → "[Kk]ế\s+hoạch": a citation capitalises the type name; a line break may fall between its words.
    first, *rest = name.split()
    return rf"[{first[0].upper()}{first[0]}]{re.escape(first[1:])}" + "".join(rf"\s+{re.escape(w)}" for w in rest)


TYPES = "|".join(_name(n) for n in sorted(TYPE_CODES, key=len, reverse=True))
_WORD = rf"[{VI_LOWER}]+"
# "Kế hoạch hành động số …", "Thông tư liên tịch số …": words after the type name only when "số" follows.
HEAD = re.compile(
    rf"(?<!\w)(?P<type>(?:{TYPES})(?:(?:\s+{_WORD}){{1,3}}?(?=\s+số\s))?)\s+(?:số\s+)?(?P<symbol>{SYMBOL_IN_TEXT})"
    rf"(?:(?P<comma>\s*,)?\s+ngày\s+(?P<date>{DATE_IN_TEXT}))?")
_OF = re.compile(r"\s*,?\s+của\s+")
# Where an issuer's name ends: the words that start a trích yếu or a sentence, "và" before a lower-case word (names
# capitalise each part: "Ban Tuyên giáo và Dân vận"), punctuation, a bracket that is not the term "(khóa XII)".
_ISSUER_END = re.compile(
    rf"\s+(?:về|thực hiện|triển khai|quy định|hướng dẫn|ban hành|đã|nhằm|với|tại|trong|đến|theo|để|như sau|đề nghị|"
    rf"và(?=\s+[{VI_LOWER}]))(?!\w)|\s*[,;:!?\"“”]|\.(?=\s|/|$)|\s*\((?!\s*kh[oó]a\b)|\s*$"
    rf"|\s+(?:và\s+)?(?=(?:{TYPES})\s+(?:số\s+)?[\d…])")
# Words that join two things but never start a trích yếu or the link to a parent ("… của Ban Bí thư và Kế hoạch …").
_NOT_A_START = re.compile(r"(?:và|hoặc|cùng|với|đến|trong|tại|theo|của|như|đã|đề nghị|nhằm|để)(?!\w)")
_TERM = re.compile(r"\s*\(\s*kh[oó]a\s+([^)]+?)\s*\)$")
_LINK = re.compile(rf"\s+(?!{_NOT_A_START.pattern})(?P<words>{_WORD}(?:,?\s+{_WORD}){{0,11}}?)\s+(?=(?:{TYPES}))")
_NOTE = rf"\s*\((?=\s*(?:viết tắt|sau đây|gọi tắt|gọi chung|{TYPES}))"
# Verbs of the sentence that follows an opening's citations: "…, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch …".
ISSUING_VERBS = r"ban hành|hướng dẫn|xây dựng|đề nghị|yêu cầu|chỉ đạo|thông báo|triển khai|đề ra"
_SUBJECT_END = re.compile(
    rf"{_NOTE}|\s*[;:]|\s*\.(?=\s|/|$)|\s+như sau|\s*$"
    rf"|,\s+(?=[A-ZĐẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴƯƠÂÊÔĂ][^,;:.]{{2,90}}?\s(?:{ISSUING_VERBS})\b)"
    rf"|\s*(?:,|\svà)\s+(?=(?:{TYPES}))")


@dataclass(frozen=True)
class Cited:
    """One citation as read: the document it names and, when the text gives them, its issuer, its trích yếu and
    the document it in turn implements. `start`/`end` give where the whole citation stands in the text read."""

    type_name: str  # "Kế hoạch", "Kế hoạch hành động", capitalised as a citation writes it
    number: str  # "349"; "" when the text shows "…" (not yet issued)
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

    @property
    def symbol(self) -> str:
        """As a document file writes it: '349/KH-TLĐ', '72-KH/TU', '-KH/TU' when the number is blank."""
        return symbol(self.number, self.code, self.issuer_symbol, self.system)

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


def read_at(text: str, head: re.Match[str], _depth: int = 0) -> Cited:
    """The citation starting at `head` (a match of HEAD in `text`), with its issuer and chain when present."""
    number, code, issuer_symbol, system = parse_symbol(head["symbol"])
    date = None
    if head["date"]:
        raw = head["date"]
        date = parse_date(f"ngày {raw}" if "năm" in raw else raw)
    type_name = upper_first(" ".join(head["type"].split()))
    cited = Cited(type_name, number, code, issuer_symbol, system, date, bool(head["comma"]),
                  start=head.start(), end=head.end())
    of = _OF.match(text, head.end())
    if of is None:
        return cited
    stop = _ISSUER_END.search(text, of.end())
    end = stop.start() if stop else len(text)
    issuer = nfc(text[of.end():end])
    if not issuer or not issuer[0].isupper():
        return cited
    term = _TERM.search(issuer)  # "(khóa XII)" is the committee's term (citations.issuer), not part of its name
    cited = replace(cited, issuer=issuer[:term.start()].rstrip() if term else issuer, term=term[1] if term else "",
                    end=end)
    link = _LINK.match(text, end)
    if link is not None and _depth < 20:
        parent_head = HEAD.match(text, link.end())
        # A parent in a chain is an issued document, cited with its date; "về tuyên truyền Chỉ thị số 21-CT/TW của
        # Ban Bí thư" without one is a trích yếu that mentions a document.
        if parent_head is not None and parent_head["date"] and _OF.match(text, parent_head.end()):
            parent = read_at(text, parent_head, _depth + 1)
            return replace(cited, connector=nfc(link["words"]), parent=parent, end=parent.end)
    start = end + len(text[end:]) - len(text[end:].lstrip())
    if start < len(text) and text[start].islower() and not _NOT_A_START.match(text, start):
        close = _SUBJECT_END.search(text, start)
        stop_at = close.start() if close else len(text)
        subject = nfc(text[start:stop_at]).rstrip(" ,")
        if subject:
            return replace(cited, subject=subject, end=stop_at)
    return cited


def read_all(text: str) -> list[Cited]:
    """Every citation of `text` at the top level, in order; the documents of a chain are inside their citation."""
    found: list[Cited] = []
    last = 0
    for head in HEAD.finditer(text):
        if head.start() < last:
            continue
        cited = read_at(text, head)
        found.append(cited)
        last = cited.end
    return found


@dataclass(frozen=True)
class Subject:
    """A trích yếu read: 'Triển khai thực hiện <citation>' → prefix and target, or literal text."""

    prefix: str = ""  # "triển khai thực hiện", lower-case as a document file keeps it
    target: Cited | None = None
    literal: str = ""


def read_subject(text: str) -> Subject:
    """The trích yếu of a document (title block or V/v line). A prefix of words then one citation that runs to the
    end is the writer's composed form (cum_tu + the document it names); anything else is kept as written."""
    text = nfc(re.sub(r"^V/v\s*", "", nfc(text))).rstrip(" .;")
    head = HEAD.search(text)
    if head is not None:
        prefix = text[:head.start()].strip()
        cited = read_at(text, head)
        words_only = re.fullmatch(rf"[^\W\d_]+(?:,?\s+{_WORD})*", prefix) is not None
        if words_only and cited.end >= len(text) and (cited.issuer or cited.dated):
            return Subject(prefix=lower_first(prefix), target=cited)
    return Subject(literal=text)


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
            implements=(parent,) if parent else ()))
    return docs


def written(cited: Cited) -> str:
    """The citation as the writer prints it from what was read."""
    docs = as_docs(cited, [f"#{i}" for i, _ in enumerate(cited.chain())])
    by_key = {d.key: d for d in docs}
    if not cited.issuer:
        alone = citations.dated(docs[0], cited.comma) if cited.dated else citations.short(docs[0])
        return alone.removesuffix(" của ")
    return citations.full(docs[0], by_key.get, cited.comma)


def squash(text: str) -> str:
    """Text for comparing a reading with the writer's: case, spacing, commas and the word "số" do not count."""
    text = re.sub(r"\bsố\s+(?=[\d…])", "", nfc(text).casefold())
    return re.sub(r"[\s,]+", "", text)


def agrees(cited: Cited, text: str) -> bool:
    """Whether the writer, given what was read, prints the same citation the text has."""
    return squash(written(cited)) == squash(text[cited.start:cited.end])
