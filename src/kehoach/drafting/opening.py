"""The opening paragraph: the parents cited (listed or narrated), then the issuing sentence.

Listed: "Thực hiện A (viết tắt là …), B; căn cứ C, …" — a lead word for the first citation and, where a plan gives
one, for any later citation; "; " or ", " between them. Narrated: "Ngày 12/3/2019, Ban Bí thư Trung ương Đảng (khóa
XII) đã ban hành Chỉ thị số 40-CT/TW về … (sau đây viết tắt là Chỉ thị số 40-CT/TW). Để …". The joiner between the
citations and the issuing sentence: doan_moi ";" + new paragraph, cham_doan_moi "." + new paragraph, cham ". ",
cham_phay "; ", phay ", ".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kehoach.drafting import citations
from kehoach.inputs.models import Cite, DocRef, Opening
from kehoach.text.vntext import lower_first, upper_first

SEPARATORS = {"cham_phay": "; ", "phay": ", "}
NARRATIVE_JOINERS = ("cham", "cham_doan_moi")


@dataclass(frozen=True)
class CiteStyle:
    """How citations read in one plan: the profile's comma before "ngày", long or short dates."""

    comma: bool
    long_dates: bool
    lookup: citations.Lookup

    def form(self, doc: DocRef, form: str, known: frozenset[str] = frozenset()) -> str:
        return citations.cite(doc, form, self.lookup, self.comma, self.long_dates, known)

    def subject(self, doc: DocRef, known: frozenset[str] = frozenset()) -> str:
        return citations.subject(doc, self.lookup, self.comma, long_dates=self.long_dates, known=known)


def short_note(op: Opening, doc: DocRef) -> str:
    """' (viết tắt là Kế hoạch số …)' after a full citation; '' when the plan asked for none ('-')."""
    note = op.short_note
    if note is None:
        note = "sau đây viết tắt là" if op.style == "tuong_thuat" else "viết tắt là"
    if note == "-" or doc.name:
        return ""  # a document cited by its name has no shorter form
    return f" ({note + ' ' if note else ''}{citations.short(doc)})"


def listed(op: Opening, cited: Sequence[tuple[Cite, DocRef]], style: CiteStyle, known: set[str] | None = None) -> str:
    """'Thực hiện A (viết tắt là …), B; căn cứ C'. A document given in full once (itself, or inside the chain of an
    earlier citation) is named by its short form afterwards (format-rules §2.7); `known` collects them."""
    text = ""
    known = set() if known is None else known
    for i, (cite, doc) in enumerate(cited):
        if doc.key in known and cite.form == "day_du":
            part = citations.short(doc)  # a form the plan asks for ("dang: ngay", "chuoi") is written as asked
        else:
            part = style.form(doc, cite.form, frozenset(known))
            if cite.form == "day_du":
                part += short_note(op, doc)
            known |= citations.in_full(doc, cite.form, style.lookup, frozenset(known))
        if i == 0:
            text = f"{upper_first(cite.word or op.word)} {part}"
            continue
        text += SEPARATORS[cite.sep or op.sep] + (f"{lower_first(cite.word)} {part}" if cite.word else part)
    return text


def narrated(op: Opening, cited: Sequence[tuple[Cite, DocRef]], style: CiteStyle, known: set[str] | None = None) -> str:
    """'Ngày 12/3/2019, Ban Bí thư … đã ban hành Chỉ thị số 40-CT/TW về … (sau đây viết tắt là …)', one sentence per
    document, the last without its full stop (the extra words and the joiner follow). A document its chain already
    gave in full is named short inside a later chain (`known`, as in listed())."""
    sentences = []
    known = set() if known is None else known
    for cite, doc in cited:
        what = citations.short(doc)
        if cite.form in ("day_du", "chuoi"):
            about = style.subject(doc, frozenset(known)) if cite.form == "day_du" else ""
            what = f"{what} {about}".rstrip() + (short_note(op, doc) if cite.form == "day_du" else "")
            known |= citations.in_full(doc, "day_du" if cite.form == "day_du" else "ngay", style.lookup,
                                       frozenset(known))
        who = citations.issuer(doc)
        sentence = f"{who} đã ban hành {what}" if who else f"đã ban hành {what}"
        if doc.date is not None:
            sentence = f"Ngày {citations.date_text(doc.date, style.long_dates)}, {sentence}"
        sentences.append(upper_first(sentence))
    return ". ".join(sentences)


def join(lead: str, extra: str, sentence: str, joiner: str) -> list[str]:
    """The citations (with the plan's extra words) joined to the issuing sentence: one or two paragraphs."""
    if extra:
        lead += extra if extra[:1] in ",;.:)" else f" {extra}"  # no stray space before a comma
    if joiner == "doan_moi":
        return [lead + ";", sentence]
    if joiner == "cham_doan_moi":
        return [lead + ".", upper_first(sentence)]
    if joiner == "cham":
        return [f"{lead}. {upper_first(sentence)}"]
    if joiner == "cham_phay":
        return [f"{lead}; {sentence}"]
    return [f"{lead}, {sentence}"]


def compose_opening(op: Opening, cited: Sequence[tuple[Cite, DocRef]], style: CiteStyle, extra: str,
                    sentence: str, joiner: str) -> list[str]:
    lead = narrated(op, cited, style) if op.style == "tuong_thuat" else listed(op, cited, style)
    return join(lead, extra, sentence, joiner)


def cited_in_full(op: Opening, cited: Sequence[tuple[Cite, DocRef]], style: CiteStyle) -> frozenset[str]:
    """Keys of the documents the opening gives in full: the text after it names them by their short form."""
    known: set[str] = set()
    (narrated if op.style == "tuong_thuat" else listed)(op, cited, style, known)
    return frozenset(known)

