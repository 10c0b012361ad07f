"""Proof-reading of words: spaces, capitals, typing slips and near-misses of administrative terms.

Not form rules of a rule book (their ids are VB-…) except where a rule book says how to write: the capitals of
administrative units follow NĐ 30/2020/NĐ-CP, Phụ lục II. Each finding carries its correction.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from kehoach.kiemtra import lexicon, syllables
from kehoach.kiemtra.context import DOUBLE_SPACE, Context, in_blank_field, single_spaced
from kehoach.text.numbering import is_caps

DATE_GLUED = re.compile(r"(?<![\d/])(\d{1,2}/\d{1,2}/\d{4})(?=[^\W\d_])")
# "UBND Huyện Sơn Hà": the word for the unit is written small before a proper name (NĐ 30, Phụ lục II, I.1.c).
UNIT_CAPITAL = re.compile(r"(?<=\S )(Tỉnh|Huyện|Xã|Phường|Quận|Thị xã|Thị trấn|Thành phố|Đặc khu) (\w+)")
NOT_PLACE = re.compile(r"^(Đoàn|Ủy|Uỷ|Hội|Đảng|Ban|Sở|Công|Liên|Mặt|Hồ)$")
# Verbs that open a clause: a capital on them in the middle of a sentence is a slip ("của Tỉnh ủy Tăng cường …").
VERBS = ("tăng cường", "đẩy mạnh", "triển khai", "thực hiện", "quán triệt", "nâng cao", "phát huy", "tiếp tục",
         "chủ động", "tổ chức", "khẩn trương", "đôn đốc", "theo dõi", "rà soát", "tuyên truyền")
VERB_CAPITAL = re.compile(r"(?<=\w )(" + "|".join(v[0].upper() + v[1:] for v in VERBS) + r")\b")
NAME_BEFORE_VERB = re.compile(r"(\bban|\bvà|Ủy ban|Hội đồng)\s$")
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")
WORD = re.compile(r"[^\W\d_]+")
VOWEL_DOUBLE_OK = {"oo"}  # "xoong", "boong": the only doubled letters Vietnamese spells


def check_spaces(ctx: Context) -> None:
    """VB-03: two spaces between words (header, title and signature lines one by one, the body once), and a date
    glued to the next word."""
    lay, paras = ctx.layout, ctx.model.paragraphs
    body = set(lay.body)
    in_body = []
    for p in paras:
        text = p.stripped
        if not text:
            continue
        for match in DATE_GLUED.finditer(text):
            after = text[match.end():match.end() + 12].split()[0] if text[match.end():].strip() else ""
            ctx.add("VB-03", p, f"Thiếu dấu cách sau ngày “{match[1]}”.", f"Viết “{match[1]} {after}”.",
                    quote=text[max(0, match.start() - 20):match.end() + 15])
        spaces = [m for m in DOUBLE_SPACE.finditer(text) if not in_blank_field(text, m)]
        if not spaces:
            continue
        if p.index in body:
            in_body.append(p)
            continue
        fixed = single_spaced(text)
        ctx.add("VB-03", p, "Có hai dấu cách liền nhau.", f"Viết “{fixed}”.")
    if in_body:
        first = in_body[0]
        ctx.add("VB-03", first, f"{len(in_body)} đoạn nội dung có hai dấu cách liền nhau, đầu tiên ở {first.where()}.",
                "Thay hai dấu cách bằng một (Tìm và thay thế: hai dấu cách → một dấu cách).")


def check_capitals(ctx: Context) -> None:
    """VB-04: the unit word written with a capital inside a name ("UBND Huyện Sơn Hà"), and a verb capitalised in
    the middle of a sentence ("… của Tỉnh ủy Tăng cường …")."""
    issuer = set(ctx.layout.issuer)  # a header line is all capitals: TT-10 says so, not "write it small"
    for p in ctx.model.paragraphs:
        text = p.clean
        if not text or is_caps(text) or p.index in issuer:
            continue
        for match in UNIT_CAPITAL.finditer(text):
            following = match[2]
            before = text[:match.start()].split()[-1]
            if not following[0].isupper() or NOT_PLACE.match(following) or not _mid_sentence(before):
                continue  # "Tỉnh ủy", "Tỉnh Đoàn", "Thành phố Hồ Chí Minh", a sentence start: written so
            written = f"{match[1]} {_proper_name(text[match.start(2):])}"
            ctx.add("VB-04", p, f"“{match[1]}” viết hoa trong tên đơn vị hành chính “{written}”.",
                    f"Viết “{match[1].lower()}{written[len(match[1]):]}”.",
                    quote=text[max(0, match.start() - 20):match.end() + 25])
        for match in VERB_CAPITAL.finditer(text):
            before = text[:match.start()].split()[-1]
            if not before[0].islower() or NAME_BEFORE_VERB.search(text[:match.start()]):
                continue  # "Ban Tổ chức", "Ủy ban Kiểm tra", "Sở Giáo dục và Đào tạo": names
            verb = match[1]
            ctx.add("VB-04", p, f"“{verb}” viết hoa giữa câu.", f"Viết “{verb[0].lower()}{verb[1:]}”.",
                    quote=text[max(0, match.start() - 25):match.end() + 20])


def _mid_sentence(before: str) -> bool:
    """The word before is inside a sentence: a lower-case word or an abbreviation (UBND), not after . : ; or "-"."""
    return bool(before) and before[-1].isalnum() and (before[0].islower() or before.isupper())


def _proper_name(text: str) -> str:
    """The capitalised words at the start of `text`: "Sơn Hà tổ chức …" → "Sơn Hà"."""
    words = []
    for word in text.split():
        bare = word.strip(",.;:()“”\"")
        if not bare or not bare[0].isupper():
            break
        words.append(bare)
        if bare != word:
            break
    return " ".join(words)


def check_typing(ctx: Context) -> None:
    """VB-05: a doubled letter that makes no syllable ("BÌNHH") and two words typed without the space between
    ("khaikế"). Needs the syllable list (hunspell-vi); without it the term list's syllables stand in."""
    for p in ctx.model.paragraphs:
        text = p.clean
        for start, end, word, fixed, split in _typing_slips(text, os.environ.get("KEHOACH_HUNSPELL_VI")):
            quote = text[max(0, start - 20):end + 20]
            if fixed:
                ctx.add("VB-05", p, f"“{word}” có chữ cái gõ lặp.", f"Viết “{fixed}”.", quote=quote)
            else:
                ctx.add("VB-05", p, f"“{word}” là hai chữ viết liền.", f"Viết “{split}”.", quote=quote)


# The slips depend on the text and the syllable list only: the drafts of a folder share most of their paragraphs, so
# a batch looks each one up once (the dictionary's setting is part of the key, as in syllables.py).
@lru_cache(maxsize=1 << 14)
def _typing_slips(text: str, _dictionary: str | None) -> tuple[tuple[int, int, str, str | None, str | None], ...]:
    """(start, end, word, undoubled word or None, the two words or None) for each slip of `text`."""
    extra = lexicon.term_syllables()
    terms = lexicon.terms()
    slips: list[tuple[int, int, str, str | None, str | None]] = []
    tokens = list(WORD.finditer(text))
    for n, match in enumerate(tokens):
        word = match[0]
        if syllables.is_syllable(word, extra) or len(word) < 3 or ROMAN_NUMERAL.match(word):
            continue
        fixed = _undoubled(word, extra)
        if fixed:
            slips.append((match.start(), match.end(), word, fixed, None))
            continue
        if word[0].isupper() or len(word) < 4:
            continue  # names and abbreviations are not glued words
        before = tokens[n - 1][0] if n else ""
        after = tokens[n + 1][0] if n + 1 < len(tokens) else ""
        split = _unglued(word, before, after, extra, terms)
        if split:
            slips.append((match.start(), match.end(), word, None, split))
    return tuple(slips)


def _undoubled(word: str, extra) -> str | None:
    for i in range(1, len(word)):
        pair = (word[i - 1] + word[i]).lower()
        if word[i - 1].lower() == word[i].lower() and pair not in VOWEL_DOUBLE_OK:
            candidate = word[:i] + word[i + 1:]
            if syllables.is_syllable(candidate, extra):
                return candidate
    return None


def _unglued(word: str, before: str, after: str, extra, terms) -> str | None:
    """'khaikế' between 'triển' and 'hoạch' → 'khai kế': both halves syllables, and one of them makes a term with
    its neighbour."""
    for i in range(2, len(word) - 1):
        left, right = word[:i], word[i:]
        if not (syllables.is_syllable(left, extra) and syllables.is_syllable(right, extra)):
            continue
        with_before = before and lexicon.code([before, left]) in terms
        with_after = after and lexicon.code([right, after]) in terms
        if with_before or with_after or lexicon.code([left, right]) in terms:
            return f"{left} {right}"
    return None


def check_terms(ctx: Context) -> None:
    """VB-06: a run of words one slip away from an administrative term ("Tuyên tuyền" → "Tuyên truyền")."""
    for p in ctx.model.paragraphs:
        text = p.clean
        if is_caps(text):
            continue  # header lines: names, and the glued or doubled letters of VB-05
        for miss in lexicon.near_misses(text):
            if re.match(r"\s+(số\s+)?\d", text[miss.end:]) and miss.term.lower() in TYPE_NAMES:
                continue  # "Chi thị số 21-CT/TW": the type-name rule (VB-02) says it with the symbol
            ctx.add("VB-06", p, f"“{miss.written}” có thể là “{miss.term}” (độ tin cậy {round(miss.confidence * 100)}%).",
                    f"Viết “{miss.term}” nếu đúng ý.", quote=text[max(0, miss.start - 20):miss.end + 20])


TYPE_NAMES = {"chỉ thị", "nghị quyết", "nghị định", "quyết định", "kết luận", "kế hoạch", "hướng dẫn", "thông báo",
              "thông tri", "thông tư", "chương trình", "báo cáo", "tờ trình", "quy chế", "quy định", "đề án",
              "công văn"}

RULE_IDS = ("VB-03", "VB-04", "VB-05", "VB-06")  # the rules this module reports (kehoach kiemtra --quy-tac)
CHECKS = [check_spaces, check_capitals, check_typing, check_terms]
