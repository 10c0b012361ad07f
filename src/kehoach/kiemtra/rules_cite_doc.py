"""Citations across the whole text (format-rules.md §8, rule 21; §2.7 and §3.7 on citing).

One document is cited one way: one symbol (TT-21d), with or without "số", a comma before "ngày" and a short or long
date the same each time (TT-21e); the text as a whole keeps one comma style (TT-21f); a document first appears in
full, with its date, and a short name stands for a document cited in full (TT-21g); the issuer code fits the issuer
named after "của" (TT-21h).
"""

from __future__ import annotations

import re
from collections import defaultdict

from kehoach.kiemtra.catalog import ERROR, WARN
from kehoach.kiemtra.citations import ALL_TYPE_CODES, TYPE_NAMES, Citation, find_citations, text_paragraphs
from kehoach.kiemtra.context import Context
from kehoach.kiemtra.issuers import SYSTEM_NAMES, fold_name, system_of_code
from kehoach.text.distance import distance

# "Chỉ thị 08", "Kế hoạch số 349": a type name and a number with no symbol after it.
SHORT_NAME = re.compile(r"\b(?P<name>" + "|".join(n[0].upper() + n[1:] for n in TYPE_NAMES) +
                        r")\s+(?:số\s+)?(?P<number>\d+)(?![\d/\-]|\s*-\s*[A-Za-zĐđ]|\s*/\s*[A-Za-zĐđ\d])")


def check_same_document(ctx: Context) -> None:
    citations = find_citations(ctx)
    conflicting = _two_codes(ctx, citations)
    mixed = _ways_of_citing(ctx, citations)
    _comma_style(ctx, citations, mixed)
    _issuer_codes(ctx, citations, conflicting)
    _cited_in_full(ctx, citations)


def _two_codes(ctx: Context, citations: list[Citation]) -> set[str]:
    """TT-21d. The keys of the citations involved (the issuer-code check leaves them to this finding)."""
    by_doc: dict[tuple, list[Citation]] = defaultdict(list)
    for c in citations:
        if c.type_code in ALL_TYPE_CODES:
            by_doc[(c.number, c.type_code, c.year)].append(c)
    involved: set[str] = set()
    for (number, type_code, _), group in by_doc.items():
        variants: dict[str, list[Citation]] = defaultdict(list)
        for c in group:
            variants[c.issuer].append(c)
        if len(variants) < 2:
            continue
        dates = {issuer: {c.date for c in cs if c.date} for issuer, cs in variants.items()}
        all_dates = [d for ds in dates.values() for d in ds]
        if all(dates.values()) and len(set(all_dates)) == len(all_dates) and len(all_dates) > 1:
            continue  # each variant has its own date: two different documents
        same_date = len(set(all_dates)) < len(all_dates)
        odd = _odd_variant(variants)
        first = variants[odd][0]
        listing = "; ".join(f"“{cs[0].raw}” ({ctx.model.paragraphs[cs[0].para].where()})" for cs in variants.values())
        good = next((iss for iss in variants if iss != odd), "")
        ctx.add("TT-21d", first.para, f"Văn bản số {number} ({type_code}) được trích dẫn với hai ký hiệu: {listing}.",
                f"Thống nhất một ký hiệu (có thể là “{first.raw.replace(odd, good)}”); đối chiếu bản gốc.",
                severity=ERROR if same_date else WARN, quote=first.raw)
        involved |= {c.key for c in group}
    return involved


def _odd_variant(variants: dict[str, list[Citation]]) -> str:
    """The issuer code that is most likely wrong: contradicted by "của …", else the rarer one, else the later one."""
    for issuer, cs in variants.items():
        if any(c.hint and c.hint != issuer for c in cs) and not any(c.hint == issuer for c in cs):
            return issuer
    return min(variants, key=lambda iss: (len(variants[iss]), -variants[iss][0].para))


def _ways_of_citing(ctx: Context, citations: list[Citation]) -> set[str]:
    """TT-21e: one document, cited with and without "số", with and without the comma, with a short and a long date.
    Returns the keys mixed in the comma (the document-wide comma check leaves them to this finding)."""
    by_key: dict[str, list[Citation]] = defaultdict(list)
    for c in citations:
        by_key[c.key].append(c)
    mixed_comma: set[str] = set()
    for key, group in by_key.items():
        dated = [c for c in group if c.date]
        aspects = (
            ("comma", dated, lambda c: c.comma, "có dấu phẩy trước “ngày”", "không có",
             "“…, ngày …”" if ctx.party else "“… ngày …” (không có dấu phẩy)", ctx.party),
            ("so", [c for c in group if c.so is not None], lambda c: c.so, "có chữ “số”", "không có",
             "có chữ “số” trước ký hiệu (“Chỉ thị số 08-CT/TU”)", True),
            ("date", dated, lambda c: c.long_date, "ghi ngày đầy đủ (“ngày … tháng … năm …”)", "ghi ngày viết tắt",
             "một kiểu ghi ngày (thường là viết tắt: “ngày 04/5/2023”)", False),
        )
        for aspect, cited, side, yes, no, fix, preferred in aspects:
            by = {True: [c for c in cited if side(c)], False: [c for c in cited if not side(c)]}
            if not (by[True] and by[False]):
                continue
            if aspect == "comma":
                mixed_comma.add(key)
            odd = min((True, False), key=lambda s: (len(by[s]), s == preferred))
            first = by[odd][0]
            # Each place once: two citations on one line are "dòng 9", not "dòng 9, dòng 9" (the count says how many).
            where = {s: ", ".join(dict.fromkeys(ctx.model.paragraphs[c.para].where() for c in by[s]))
                     for s in (True, False)}
            ctx.add("TT-21e", first.para, f"“{key}” được trích dẫn {len(by[True])} lần {yes} ({where[True]}) và "
                    f"{len(by[False])} lần {no} ({where[False]}): một văn bản, hai cách viết.",
                    f"Viết thống nhất {fix}.", quote=_quote(ctx, first))
    return mixed_comma


def _quote(ctx: Context, c: Citation) -> str:
    text = ctx.model.paragraphs[c.para].clean
    start = max(0, c.start - 14)
    return text[start:c.end + 24].strip()


def _comma_style(ctx: Context, citations: list[Citation], mixed: set[str]) -> None:
    """TT-21f. Either style is right (the Party's ", ngày", the State's " ngày"); one text mixing both is not."""
    dated = [c for c in citations if c.date and c.key not in mixed]
    used = {True: [c for c in dated if c.comma], False: [c for c in dated if not c.comma]}
    if used[True] and used[False]:
        odd = min((True, False), key=lambda s: (len(used[s]), s != ctx.party))
        first = used[odd][0]
        usual = "“…, ngày …”" if not odd else "“… ngày …” (không có dấu phẩy)"
        ctx.add("TT-21f", first.para, f"Văn bản trích dẫn {len(used[True])} lần có dấu phẩy trước “ngày” và "
                f"{len(used[False])} lần không có; lần khác kiểu đầu tiên ở "
                f"{ctx.model.paragraphs[first.para].where()}.", f"Viết thống nhất {usual}, như phần lớn văn bản.",
                quote=first.raw + ("," if first.comma else "") + " ngày " + (first.date or ""))


def _issuer_codes(ctx: Context, citations: list[Citation], conflicting: set[str]) -> None:
    """TT-21h: "Hướng dẫn số 157-HD/BTGW … của Ban Tuyên giáo Trung ương": the code the issuer's documents carry."""
    for c in citations:
        expected, written = c.hint, c.issuer_code
        if not expected or not written or expected == written or c.key in conflicting:
            continue
        owner, wanted = system_of_code(written), system_of_code(expected)
        if owner is not None and wanted is not None and owner != wanted:
            problem = f"“{written}” là ký hiệu của {SYSTEM_NAMES[owner]}"
        elif expected.startswith(written):
            problem = f"“{written}” thiếu phần chỉ cấp “{expected[len(written):]}”"
        elif distance(written, expected) <= 2:
            problem = f"“{written}” không đúng ký hiệu"
        else:
            continue
        fixed = c.raw.replace(written, expected) if written in c.raw else c.key.replace(written, expected)
        ctx.add("TT-21h", c.para, f"Ký hiệu “{c.raw}”: {problem} của {c.issuer_name} (“{expected}”).",
                f"Viết “{re.sub(r'[ ]+', '', fixed)}” (đối chiếu bản gốc).", quote=_quote(ctx, c))


def _cited_in_full(ctx: Context, citations: list[Citation]) -> None:
    """TT-21g: a document appears in full (with its date) at least once; a short name stands for one that does."""
    dated_keys = {c.key for c in citations if c.date}
    named_keys = {c.key for c in citations if c.issuer_name}
    seen: set[str] = set()
    for c in citations:
        if c.key in seen or c.key in dated_keys or c.type_name is None or c.type_code not in ALL_TYPE_CODES:
            continue
        seen.add(c.key)
        missing = "ngày ban hành" + ("" if c.key in named_keys else ", cơ quan ban hành")
        ctx.add("TT-21g", c.para, f"“{c.type_name} {'số ' if c.so else ''}{c.raw}” không được trích dẫn đầy đủ ở "
                f"lần nào (thiếu {missing}).",
                f"Lần nhắc đầu tiên viết đủ: “{c.type_name} số {c.raw}, ngày …/…/… của <cơ quan> về <trích yếu>”.",
                quote=_quote(ctx, c))
    full = {(fold_name(c.type_name or ""), c.number) for c in citations}
    for i in text_paragraphs(ctx):
        text = ctx.model.paragraphs[i].clean
        for m in SHORT_NAME.finditer(text):
            if (fold_name(m["name"]), m["number"]) in full:
                continue
            ctx.add("TT-21g", i, f"“{m[0]}” là tên viết tắt của một văn bản chưa được trích dẫn đầy đủ trong văn bản.",
                    f"Trích dẫn đầy đủ lần đầu: “{m['name']} số {m['number']}-…/…, ngày …/…/… của <cơ quan> về "
                    "<trích yếu>”, rồi mới dùng tên viết tắt.", quote=text[max(0, m.start() - 15):m.end() + 15])
            full.add((fold_name(m["name"]), m["number"]))


RULE_IDS = ("TT-21d", "TT-21e", "TT-21f", "TT-21g", "TT-21h")  # the rules this module reports (kehoach kiemtra --quy-tac)
CHECKS = [check_same_document]
