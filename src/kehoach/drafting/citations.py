"""How one document cites another: full form with its chain, the chain without its last trích yếu, dated form,
short form; and the word "về" that joins an issuer to a trích yếu.

Forms (the `dang` values of a plan): `day_du` full, `chuoi` chain, `ngay` dated, `ngan` short. Dates print short
("15/01/2024") or long ("15 tháng 01 năm 2024") as the profile or plan chooses (`ngay_trich_dan`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kehoach.inputs.documents import key_of
from kehoach.inputs.models import DocRef
from kehoach.text.symbols import UNNUMBERED, symbol
from kehoach.text.vntext import PartialDate, long_date, lower_first, short_date

# A trích yếu that begins with one of these verbs of implementation joins its issuer directly ("… của Ban Thường vụ
# Tỉnh ủy thực hiện Chỉ thị …"); "về thực hiện" would double the joining phrase (issue 13 §6). Any other trích yếu
# takes "về", including "ban hành …" ("… của Thủ tướng Chính phủ về ban hành Kế hoạch …") and a quoted name
# ("… về “Tuyên truyền …”"). A trích yếu typed "V/v …" (a Công văn's line) reads "về …".
IMPLEMENTING = ("thực hiện", "triển khai", "tổ chức thực hiện", "tiếp tục thực hiện", "tiếp tục triển khai")
_STANDS = re.compile(r"^(về|" + "|".join(IMPLEMENTING) + r")(\s|$)")
_VV = re.compile(r"^v\s*/\s*v(?:[.:]\s*|\s+)", re.IGNORECASE)  # "V/v …", "V/v. …", "V/v: …", "v/v:…"
FORMS = ("day_du", "chuoi", "ngay", "ngan")
Lookup = Callable[[str], DocRef | None]


def number_symbol(doc: DocRef) -> str:
    number = doc.number or UNNUMBERED
    if number.isdigit() and len(number) == 1:
        number = f"0{number}"  # as issued: numbers below 10 are padded (NĐ 30, Phụ lục I; HD 36)
    return symbol(number, doc.type_code, doc.issuer_symbol, doc.system)


def short(doc: DocRef) -> str:
    """'Kế hoạch số 349/KH-TLĐ': every mention after the first. A document without a number is cited by its name:
    'Chương trình công tác năm 2023'."""
    if doc.name:
        return doc.name
    return f"{doc.type_name} số {number_symbol(doc)}"


def date_text(when: PartialDate, long_dates: bool = False) -> str:
    """'15/01/2024' or '15 tháng 01 năm 2024'; a date still to be completed shows its blanks as '…'."""
    if long_dates:
        return long_date(when)
    return short_date(when) if when.complete else f"…/{short_date(when)}"


def issuer(doc: DocRef) -> str:
    """'Ban Bí thư Trung ương Đảng (khóa XII)': the issuer with the term of its committee, when known."""
    return f"{doc.issuer} (khóa {doc.term})" if doc.term else doc.issuer


def dated(doc: DocRef, comma: bool, long_dates: bool = False) -> str:
    """'Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của Tổng Liên đoàn Lao động Việt Nam'."""
    text = short(doc)
    if doc.date is not None:
        text += f"{',' if comma else ''} ngày {date_text(doc.date, long_dates)}"
    return f"{text} của {issuer(doc)}" if doc.issuer else text


def as_cited(text: str, about: bool | None = None) -> str:
    """A trích yếu as it reads after '… của <issuer>': 'về' is added unless the text already begins with 'về' or a
    verb of implementation (see IMPLEMENTING); 'V/v' becomes 'về'. `about` forces (True) or forbids (False) 'về'.

    'Hướng dẫn số 108-HD/BTGTU … của Ban Tuyên giáo Tỉnh ủy về quán triệt, tuyên truyền …' (seed 003).
    """
    text = _VV.sub("về ", text.strip())
    text = lower_first(text)
    if not text:
        return text
    if about is False:
        return text.removeprefix("về ") if text.startswith("về ") else text
    if about is True:
        return text if text.startswith("về ") else f"về {text}"
    return text if _STANDS.match(text) else f"về {text}"


def _target(doc: DocRef, lookup: Lookup) -> DocRef | None:
    target_key = doc.subject_of or (doc.implements[0] if doc.implements else None)
    return lookup(key_of(target_key)) if target_key else None


def subject(doc: DocRef, lookup: Lookup, comma: bool, _depth: int = 0, long_dates: bool = False,
            known: frozenset[str] = frozenset()) -> str:
    """The trích yếu of doc, composing its chain when it was not written out ('' for a document cited by name).
    `known`: keys of documents the text has already cited in full; the chain names them by their short form
    (format-rules §2.7: later mentions are type + number and symbol only)."""
    if doc.subject:
        return as_cited(doc.subject, doc.about)
    if doc.name or not doc.subject_prefix:
        return ""  # cited by its name, or a plan that has no trích yếu: number, date and issuer say it all
    target = _target(doc, lookup)
    if target is None or _depth > 50:
        # Neither its trích yếu nor the document it implements is known (a parent a text cites only by its number
        # and date): the dated form stands alone, never with a dangling "về thực hiện".
        return ""
    if target.key in known:
        return f"{as_cited(doc.subject_prefix, doc.about)} {short(target)}"
    return f"{as_cited(doc.subject_prefix, doc.about)} {full(target, lookup, comma, _depth + 1, long_dates, known)}"


def lineage(doc: DocRef, lookup: Lookup, comma: bool, _depth: int = 0, long_dates: bool = False,
            known: frozenset[str] = frozenset()) -> str:
    """The chain without the final trích yếu, as a Công văn's V/v line carries it:
    'Kế hoạch số 72-KH/TU ngày 17/8/2023 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư'.
    """
    target = None if doc.subject or doc.name or not doc.subject_prefix or _depth > 50 else _target(doc, lookup)
    here = dated(doc, comma, long_dates)
    if target is None:
        return here
    if target.key in known:
        return f"{here} {as_cited(doc.subject_prefix, doc.about)} {short(target)}"
    return (f"{here} {as_cited(doc.subject_prefix, doc.about)} "
            f"{lineage(target, lookup, comma, _depth + 1, long_dates, known)}")


def full(doc: DocRef, lookup: Lookup, comma: bool, _depth: int = 0, long_dates: bool = False,
         known: frozenset[str] = frozenset()) -> str:
    """'Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của Tổng Liên đoàn … về thực hiện Chỉ thị số 21-CT/TW, …'."""
    about = subject(doc, lookup, comma, _depth, long_dates, known)
    return f"{dated(doc, comma, long_dates)} {about}".rstrip()


def in_full(doc: DocRef, form: str, lookup: Lookup, known: frozenset[str] = frozenset()) -> frozenset[str]:
    """Keys of the documents a citation in `form` gives in full (number, date, issuer): the document, and down its
    chain every document not already `known`; a later mention of any of them is the short form."""
    if form in ("ngan",):
        return frozenset()
    keys = {doc.key}
    here = doc
    for _ in range(50):
        if form == "ngay" or here.subject or here.name or not here.subject_prefix:
            break
        target = _target(here, lookup)
        if target is None or target.key in known:
            break
        keys.add(target.key)
        here = target
    return frozenset(keys)


def cite(doc: DocRef, form: str, lookup: Lookup, comma: bool, long_dates: bool = False,
         known: frozenset[str] = frozenset()) -> str:
    """One of FORMS: `day_du` full, `chuoi` lineage, `ngay` dated, `ngan` short. `known`: see subject()."""
    if form == "ngan":
        return short(doc)
    if form == "ngay":
        return dated(doc, comma, long_dates)
    if form == "chuoi":
        return lineage(doc, lookup, comma, long_dates=long_dates, known=known)
    return full(doc, lookup, comma, long_dates=long_dates, known=known)
