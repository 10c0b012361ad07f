"""The documents a text cites, each once: every reading of the same document gathered, the fullest kept.

A document is cited several times (trích yếu, opening, body, closing), sometimes with a slip: seed 004 writes
"389-KH/TW" once and "389-KH/TU" elsewhere, both dated 04/10/2019. Readings are grouped by type code, number and
date; where they differ, the trích yếu and the opening win over the body, a symbol agreeing with the issuer's name
("… Tỉnh ủy" → TU, kiemtra's table) wins over the rest, and the difference becomes a note for the person.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from kehoach.drafting.cited import Cited, agrees, read_all
from kehoach.kiemtra.rules_cite import ISSUER_HINTS

ROLES = ("trich_yeu", "mo_dau", "than")  # where a citation was read, in order of trust


NAMED = "ten:"  # how the identity of a document cited by name starts


def identity(cited: Cited) -> tuple[str, str, str]:
    """What makes two readings one document: type code, number (or the issuer symbol when the number is blank), date;
    for a document without a number, its name and date."""
    when = cited.date.iso() if cited.date else ""
    if cited.name:
        return ("", NAMED + " ".join(cited.name.casefold().split()), when)
    return (cited.code, cited.number or f"/{cited.issuer_symbol}", when)


def find(clusters: dict[tuple[str, str, str], Cluster], cited: Cited) -> tuple[str, str, str] | None:
    """The document a reading names: the same identity, or, for a reading without a date ("Thực hiện Kế hoạch số
    112/KH-UBND" in a short trích yếu), the one document of that number and symbol (or name) cited with a date."""
    ident = identity(cited)
    if ident in clusters:
        return ident
    if cited.dated:
        return None
    same = [k for k in clusters if k[:2] == ident[:2] and clusters[k].merged is not None
            and (cited.name or clusters[k].merged.issuer_symbol == cited.issuer_symbol)]  # type: ignore[union-attr]
    return same[0] if len(same) == 1 else None


@dataclass
class Reading:
    cited: Cited
    para: int  # paragraph it was read in
    role: str  # a ROLES value
    agrees: bool  # the writer prints what was read (drafting/cited.agrees)


@dataclass
class Cluster:
    """One document cited in the text, with every reading of it."""

    readings: list[Reading] = field(default_factory=list)
    merged: Cited | None = None
    parent: tuple[str, str, str] | None = None  # identity of the document it implements
    notes: list[tuple[str, str, int]] = field(default_factory=list)  # (key, message, paragraph)

    @property
    def first(self) -> Reading:
        return self.readings[0]


def _rank(reading: Reading) -> tuple[int, int, int]:
    return (ROLES.index(reading.role), 0 if reading.agrees else 1, reading.para)


def gather(texts: list[tuple[str, int, str]]) -> dict[tuple[str, str, str], Cluster]:
    """texts: (text, paragraph, role) → every dated or attributed document cited, by identity. A document cited by
    name is read in the trích yếu and the opening (where a citation stands), with or without its date and issuer."""
    clusters: dict[tuple[str, str, str], Cluster] = {}
    mentions: Counter[tuple[str, str, str]] = Counter()  # (code, number, issuer symbol) of every citation, dated or not
    for text, para, role in texts:
        named = role != "than"
        for top in read_all(text, names=named):
            fits = agrees(top, text)
            for link in top.chain():
                mentions[(link.code, link.number, link.issuer_symbol)] += 1
                if link.dated or link.issuer or (named and link.name):
                    clusters.setdefault(identity(link), Cluster()).readings.append(Reading(link, para, role, fits))
    _undated_into_dated(clusters)
    for cluster in clusters.values():
        cluster.readings.sort(key=_rank)
        _merge(cluster, mentions)
    for cluster in clusters.values():
        if cluster.parent is not None and cluster.parent not in clusters:
            assert cluster.merged is not None and cluster.merged.parent is not None
            cluster.parent = find(clusters, cluster.merged.parent)
    return clusters


def _undated_into_dated(clusters: dict[tuple[str, str, str], Cluster]) -> None:
    """A reading without a date ("Chương trình công tác năm 2023" in a short trích yếu, "Chỉ thị số 21-CT/TW của Ban
    Bí thư") is the one document of that name (or number and symbol) cited elsewhere with its date."""
    for ident in [k for k in clusters if not k[2]]:
        symbols = {r.cited.issuer_symbol for r in clusters[ident].readings}
        dated = [k for k in clusters if k[:2] == ident[:2] and k[2]
                 and {r.cited.issuer_symbol for r in clusters[k].readings} & symbols]
        if len(dated) == 1:
            clusters[dated[0]].readings += clusters.pop(ident).readings


def _hint(issuer: str) -> str | None:
    folded = issuer.casefold()
    return next((code for words, code in ISSUER_HINTS if words in folded), None)


def _merge(cluster: Cluster, mentions: Counter[tuple[str, str, str]]) -> None:
    readings = cluster.readings
    best = next((r.cited for r in readings if r.cited.dated), readings[0].cited)  # an undated reading folded in
    issuer = _vote([r.cited.issuer for r in readings])
    for other in (r.cited.issuer for r in readings if r.cited.issuer):
        issuer = _overlap(issuer, other)
    symbols = Counter({r.cited.issuer_symbol: mentions[(best.code, best.number, r.cited.issuer_symbol)]
                       for r in readings})
    chosen = best.issuer_symbol
    if len(symbols) > 1:
        hinted = _hint(issuer)
        top = max(symbols.values())
        chosen = hinted if hinted is not None and hinted in symbols else next(
            r.cited.issuer_symbol for r in readings if symbols[r.cited.issuer_symbol] == top)
        listing = ", ".join(f"“{next(r.cited for r in readings if r.cited.issuer_symbol == s).symbol}”" for s in symbols)
        cluster.notes.append(("so_ky_hieu", f"văn bản ghi ký hiệu khác nhau cho cùng một văn bản ({listing}); đã chọn "
                                            f"“{replace(best, issuer_symbol=chosen).symbol}”, hãy đối chiếu bản gốc",
                              next(r.para for r in readings if r.cited.issuer_symbol != chosen)))
    with_parent = next((r for r in readings if r.cited.parent is not None), None)
    connector, parent, subject = "", None, ""
    if with_parent is not None:
        connector, parent = with_parent.cited.connector, with_parent.cited.parent
    else:
        subject = _vote([r.cited.subject for r in readings])
    term = next((r.cited.term for r in readings if r.cited.term), "")
    cluster.merged = replace(best, issuer=issuer, issuer_symbol=chosen, connector=connector, parent=parent,
                             subject=subject, term=term)
    cluster.parent = identity(parent) if parent is not None else None


def _vote(values: list[str]) -> str:
    """The spelling most readings agree on (a scan misreads one letter here or there), the most trusted on a tie;
    values are in order of trust."""
    given = [v for v in values if v]
    if not given:
        return ""
    counts = Counter(" ".join(v.split()) for v in given)
    top = max(counts.values())
    return next(v for v in given if counts[" ".join(v.split())] == top)


def _overlap(first: str, second: str) -> str:
    """'Ban Thường vụ Tỉnh ủy' and 'Tỉnh ủy Lai Châu' name one body: 'Ban Thường vụ Tỉnh ủy Lai Châu'."""
    a, b = first.split(), second.split()
    for size in range(min(len(a) - 1, len(b) - 1), 1, -1):
        if [w.casefold() for w in a[-size:]] == [w.casefold() for w in b[:size]]:
            return " ".join(a + b[size:])
    return first


def chain_of(clusters: dict[tuple[str, str, str], Cluster], start: tuple[str, str, str]) -> list[tuple[str, str, str]]:
    """The identities from `start` up its chain, each once."""
    out: list[tuple[str, str, str]] = []
    current: tuple[str, str, str] | None = start
    while current is not None and current in clusters and current not in out:
        out.append(current)
        current = clusters[current].parent
    return out
