"""Near-misses of administrative terms: "Tuyên tuyền" for "tuyên truyền", "quán triêt" for "quán triệt".

Every syllable of "Tuyên tuyền", "ngăn chăn", "Chi thị" is a valid Vietnamese syllable, so a syllable check cannot
see these slips; a list of the terms such documents use can. A run of 2–4 words that is not in the list but is one
edit away from a term that is (a letter added, dropped, changed or swapped, or a tone mark changed) is a likely slip.

Terms are compared syllable by syllable as letters plus a tone digit, so "hòa"/"hoà" and "thủy"/"thuỷ" are the same
and a wrong tone counts as one edit; "lí"/"lý" (i or y after a consonant) are the same too.
The list is data/thuat-ngu.txt, kehoach's own, built from public administrative and legal vocabulary.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from kehoach.kiemtra.syllables import is_syllable, key
from kehoach.text.distance import distance

MIN_WORDS, MAX_WORDS = 2, 4
WORD = re.compile(r"[^\W\d_]+")
# Words a writer means when they stand where a term has another word ("các bộ" is not "cán bộ").
FUNCTION_WORDS = frozenset(
    "các của cho và là có với những được trong theo để này đã sẽ mọi từng một hai ba bốn năm sáu bảy tám chín mười "
    "không chưa thì mà nên vì do tại từ đến về ra vào lên như nhưng hoặc hay cũng đều rất nhiều ít bị cùng đang "
    "các còn nữa đó ấy kia nào gì ai sau trước trên dưới giữa ngoài bên".split())
VOWELS = "aeiouyăâêôơư"


@dataclass(frozen=True)
class NearMiss:
    start: int  # character span of the written words in the text
    end: int
    written: str
    term: str  # the likely correction, with the written first capital kept
    confidence: float  # 0–1


@lru_cache(maxsize=1 << 16)
def _syllable_code(word: str) -> str:
    letters, tone = key(word)
    if len(letters) > 1 and letters.endswith("y") and letters[-2] not in VOWELS:
        letters = letters[:-1] + "i"  # "lý" and "lí" are one syllable written two ways
    return f"{letters}{tone}"


def code(words: list[str]) -> str:
    return " ".join(_syllable_code(w) for w in words)


@lru_cache(maxsize=1)
def _read() -> tuple[dict[str, str], dict[str, str], frozenset[str], frozenset[str]]:
    text = files("kehoach.kiemtra").joinpath("data/thuat-ngu.txt").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    wrong: dict[str, str] = {}
    known: set[str] = set()
    words_of_their_own: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("~"):  # a right word that is never proposed in place of another
            words = WORD.findall(line[1:])
            if len(words) >= MIN_WORDS:
                known.add(code(words))
            elif words:
                words_of_their_own.add(code(words))
            continue
        if "=>" in line:  # a common misspelling and its correction
            bad, good = (part.strip() for part in line.split("=>"))
            wrong[code(WORD.findall(bad))] = good
            line = good
        words = WORD.findall(line)
        if len(words) >= MIN_WORDS:
            found[code(words)] = line
    return found, wrong, frozenset(known) | frozenset(found), frozenset(words_of_their_own)


def terms() -> dict[str, str]:
    """Every term of the list: its code → the term as written in the list."""
    return _read()[0]


def known_words() -> frozenset[str]:
    """The codes of every right word of the list: the terms and the words only recognised ("~")."""
    return _read()[2]


def words_of_their_own() -> frozenset[str]:
    """The codes of the one-word "~" lines: nouns a writer means as written ("ấp", "bản", "buôn", "sóc"), the
    hamlets and villages below the commune in the South, the Central Highlands and the northern mountains."""
    return _read()[3]


def misspellings() -> dict[str, str]:
    """Common misspellings of the list ("cũng cố", "sát nhập"): code → the right term."""
    return _read()[1]


@lru_cache(maxsize=1)
def term_syllables() -> frozenset[tuple[str, int]]:
    """The syllables of the list: the fallback set of known syllables when hunspell-vi is absent."""
    return frozenset(key(w) for term in terms().values() for w in WORD.findall(term))  # never the "~" words


@lru_cache(maxsize=1)
def _index() -> dict[str, set[str]]:
    """Symmetric-delete index: each term code and each of its one-character deletions → the term codes."""
    index: dict[str, set[str]] = {}
    for term_code in terms():
        for variant in _deletions(term_code):
            index.setdefault(variant, set()).add(term_code)
    return index


def load() -> None:
    """Read the list and build its tables now (a batch does it once before its workers start, see batch.py)."""
    known_words()
    term_syllables()
    _index()


def _deletions(text: str) -> set[str]:
    return {text} | {text[:i] + text[i + 1:] for i in range(len(text))}


def is_term(words: list[str]) -> bool:
    """The words are a right word of the list (a term, or a word it only recognises)."""
    return code(words) in known_words()


def misspelled(run) -> bool:
    return code([m[0] for m in run]) in misspellings()


def nearest(words: list[str]) -> tuple[str, float] | None:
    """(term, confidence) for words one edit away from a term of the list, None otherwise (or when they are one)."""
    written = code(words)
    table = terms()
    if written in known_words():
        return None
    if written in misspellings():
        return misspellings()[written], 0.95
    index = _index()
    candidates = set().union(*(index.get(v, set()) for v in _deletions(written)))
    best = None
    for candidate in sorted(candidates):
        if distance(written, candidate, limit=1) == 1:
            confidence = _confidence(words, written, candidate)
            if confidence is not None and (best is None or confidence > best[1]):
                best = (table[candidate], confidence)
    return best


def _confidence(words: list[str], written: str, candidate: str) -> float | None:
    mine, theirs = written.split(" "), candidate.split(" ")
    if len(mine) != len(theirs):
        return None
    differing = [i for i, (a, b) in enumerate(zip(mine, theirs, strict=True)) if a != b]
    if len(differing) != 1:
        return None
    i = differing[0]
    word = words[i]
    if word.lower() in FUNCTION_WORDS:
        return None  # the writer meant that word
    if i == len(mine) - 1 and mine[i] in words_of_their_own():
        return None  # a noun after its head word: "các ấp" is not "các cấp", "trưởng bản" not "trưởng ban"
    a, b = mine[i], theirs[i]
    if a[:-1] == b[:-1]:
        confidence = 0.9  # only the tone mark differs: "kiễm" for "kiểm"
    elif len(a) != len(b):
        confidence = 0.85  # a letter added or dropped: "tuyền" for "truyền"
    else:
        confidence = 0.8
    if not is_syllable(word, term_syllables()):
        confidence = max(confidence, 0.95)  # not even a syllable: "triêt"
    return confidence


def near_misses(text: str, skip_names: bool = True) -> list[NearMiss]:
    """The near-misses in one paragraph, longest runs first where they overlap."""
    # The answer depends on the text and the syllable list only: the drafts of a folder share most of their
    # paragraphs, so a batch looks each one up once (the dictionary's setting is part of the key, as in syllables.py).
    return list(_near_misses(text, skip_names, os.environ.get("KEHOACH_HUNSPELL_VI")))


@lru_cache(maxsize=1 << 14)
def _near_misses(text: str, skip_names: bool, _dictionary: str | None) -> tuple[NearMiss, ...]:
    tokens = list(WORD.finditer(text))
    found: list[NearMiss] = []
    # Words of one term are separated by one space, never by punctuation.
    joined = [text[a.end():b.start()] == " " for a, b in zip(tokens, tokens[1:], strict=False)]
    runs = [(first, size) for size in range(MAX_WORDS, MIN_WORDS - 1, -1)
            for first in range(len(tokens) - size + 1) if all(joined[first:first + size - 1])]
    # Words of a right term are never read again as part of a slip ("đẩy mạnh xã hội" is not "mạng xã hội").
    taken: set[int] = set()
    codes = [_syllable_code(m[0]) for m in tokens]  # each word's code once: a paragraph has hundreds of runs
    known, wrong = known_words(), misspellings()
    for first, size in runs:
        written = " ".join(codes[first:first + size])  # code() of the run's words
        if written in known and written not in wrong:  # is_term and not misspelled
            taken.update(range(first, first + size))
    for first, size in runs:
        run = tokens[first:first + size]
        if any(k in taken for k in range(first, first + size)):
            continue
        words = [m[0] for m in run]
        if skip_names and sum(w[0].isupper() for w in words) >= 2:
            continue  # a proper name ("Nguyễn Văn Bàn"), not a term
        hit = nearest(words)
        if hit is None:
            continue
        term, confidence = hit
        if words[0][0].isupper():
            term = term[0].upper() + term[1:]
        found.append(NearMiss(run[0].start(), run[-1].end(), text[run[0].start():run[-1].end()], term, confidence))
        taken.update(range(first, first + size))
    return tuple(sorted(found, key=lambda m: m.start))
