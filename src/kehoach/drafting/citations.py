"""How one document cites another: full form with its chain, dated form, short form."""

from __future__ import annotations

import re
from collections.abc import Callable

from kehoach.inputs.documents import key_of
from kehoach.inputs.models import DocRef
from kehoach.text.symbols import symbol
from kehoach.text.vntext import lower_first, short_date

_STANDS = re.compile(r"^(về|thực hiện)(\s|$)")
Lookup = Callable[[str], DocRef | None]


def number_symbol(doc: DocRef) -> str:
    number = doc.number or "…"
    if number.isdigit() and len(number) == 1:
        number = f"0{number}"  # as issued: numbers below 10 are padded (NĐ 30, Phụ lục I; HD 36)
    return symbol(number, doc.type_code, doc.issuer_symbol, doc.system)


def short(doc: DocRef) -> str:
    """'Kế hoạch số 349/KH-TLĐ': every mention after the first."""
    return f"{doc.type_name} số {number_symbol(doc)}"


def dated(doc: DocRef, comma: bool) -> str:
    """'Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của Tổng Liên đoàn Lao động Việt Nam'."""
    text = short(doc)
    if doc.date is not None:
        when = short_date(doc.date) if doc.date.complete else f"…/{short_date(doc.date)}"
        text += f"{',' if comma else ''} ngày {when}"
    return f"{text} của {doc.issuer}"


def as_cited(text: str) -> str:
    """A trích yếu as it reads after '… của <issuer>': 'thực hiện …' and 'về …' stand, anything else takes 'về'.

    'Hướng dẫn số 108-HD/BTGTU … của Ban Tuyên giáo Tỉnh ủy về quán triệt, tuyên truyền …' (seed 003).
    """
    text = lower_first(text.strip())
    return text if not text or _STANDS.match(text) else f"về {text}"


def _target(doc: DocRef, lookup: Lookup) -> DocRef | None:
    target_key = doc.subject_of or (doc.implements[0] if doc.implements else None)
    return lookup(key_of(target_key)) if target_key else None


def subject(doc: DocRef, lookup: Lookup, comma: bool, _depth: int = 0) -> str:
    """The trích yếu of doc, composing its chain when it was not written out."""
    if doc.subject:
        return as_cited(doc.subject)
    target = _target(doc, lookup)
    if target is None or _depth > 50:
        return as_cited(doc.subject_prefix)
    return f"{as_cited(doc.subject_prefix)} {full(target, lookup, comma, _depth + 1)}"


def lineage(doc: DocRef, lookup: Lookup, comma: bool, _depth: int = 0) -> str:
    """The chain without the final trích yếu, as a Công văn's V/v line carries it:
    'Kế hoạch số 72-KH/TU ngày 17/8/2023 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư'.
    """
    target = None if doc.subject or _depth > 50 else _target(doc, lookup)
    if target is None:
        return dated(doc, comma)
    return f"{dated(doc, comma)} {as_cited(doc.subject_prefix)} {lineage(target, lookup, comma, _depth + 1)}"


def full(doc: DocRef, lookup: Lookup, comma: bool, _depth: int = 0) -> str:
    """'Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của Tổng Liên đoàn … về thực hiện Chỉ thị số 21-CT/TW, …'."""
    about = subject(doc, lookup, comma, _depth)
    return f"{dated(doc, comma)} {about}".rstrip()
