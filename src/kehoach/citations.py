"""How one document cites another: full form with its chain, dated form, short form."""

from __future__ import annotations

from collections.abc import Callable

from .documents import key_of
from .models import DocRef
from .symbols import symbol
from .vntext import short_date

Lookup = Callable[[str], DocRef | None]


def number_symbol(doc: DocRef) -> str:
    number = doc.number or "…"
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


def subject(doc: DocRef, lookup: Lookup, comma: bool, _depth: int = 0) -> str:
    """The trích yếu of doc, composing its chain when it was not written out."""
    if doc.subject:
        return doc.subject
    target_key = doc.subject_of or (doc.implements[0] if doc.implements else None)
    target = lookup(key_of(target_key)) if target_key else None
    if target is None or _depth > 50:
        return doc.subject_prefix
    return f"{doc.subject_prefix} {full(target, lookup, comma, _depth + 1)}"


def full(doc: DocRef, lookup: Lookup, comma: bool, _depth: int = 0) -> str:
    """'Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của Tổng Liên đoàn … về thực hiện Chỉ thị số 21-CT/TW, …'."""
    about = subject(doc, lookup, comma, _depth)
    return f"{dated(doc, comma)} {about}".rstrip()
