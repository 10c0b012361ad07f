"""A trích yếu read back: the writer's composed form (citations.subject, `trich_yeu.dang`), or literal text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.drafting.citations import IMPLEMENTING
from kehoach.drafting.cited import HEAD, Cited, read_at, read_named
from kehoach.drafting.named import name_at_start
from kehoach.text.vntext import VI_LOWER, lower_first, nfc


@dataclass(frozen=True)
class Subject:
    """A trích yếu read: 'Triển khai thực hiện <citation>' → prefix and target, or literal text."""

    prefix: str = ""  # "triển khai thực hiện", lower-case as a document file keeps it
    target: Cited | None = None
    literal: str = ""
    extra: str = ""  # the plan's own words after the document it names: "trên địa bàn xã"


def _implementing(prefix: str) -> bool:
    """A prefix that ends with a verb of implementation (citations.IMPLEMENTING): "Triển khai thực hiện"."""
    return prefix.casefold().endswith(IMPLEMENTING)


def read_subject(text: str) -> Subject:
    """The trích yếu of a document (title block or V/v line). A prefix of words then one citation is the writer's
    composed form (cum_tu + the document it names, in any of the forms `trich_yeu.dang` chooses: full, chain, dated,
    or only the number or the name), possibly followed by the plan's own words (`trich_yeu.them`) when the prefix is
    a verb of implementation; anything else is kept as written."""
    text = nfc(re.sub(r"^V/v\s*", "", nfc(text))).rstrip(" .;")
    head = HEAD.search(text)
    if head is not None:
        cited = read_at(text, head)
    elif (named := name_at_start(text)) is not None:
        cited = read_named(text, named)
    else:
        return Subject(literal=text)
    prefix = text[:cited.start].strip()
    extra = text[cited.end:].strip()
    words_only = re.fullmatch(rf"[^\W\d_]+(?:,?\s+[{VI_LOWER}]+)*", prefix) is not None
    implementing = _implementing(prefix)
    if words_only and (not extra or (implementing and extra[:1].islower())) and \
            (cited.issuer or cited.dated or implementing):
        return Subject(prefix=lower_first(prefix), target=cited, extra=extra)
    return Subject(literal=text)
