"""Vietnamese syllables: is a token one, whatever the tone placement ("hoà"/"hòa", "thuỷ"/"thủy")?

The list is hunspell-vi's dictionary (Debian package hunspell-vi, /usr/share/hunspell/vi_VN.dic: every Vietnamese
syllable, one per line, tones placed the old way). It is read directly: no binding to the hunspell library is needed
for a membership test. Where the package is absent the checks that need it degrade: `available()` is False and the
callers fall back on the syllables of kehoach's own term list (lexicon.py), which is smaller but never wrong.
"""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from pathlib import Path

DICTIONARY_PATHS = (Path("/usr/share/hunspell/vi_VN.dic"), Path("/usr/share/myspell/dicts/vi_VN.dic"),
                    Path("/usr/share/myspell/vi_VN.dic"))
# The five tone marks as combining characters; the other marks (circumflex, breve, horn) belong to the letter.
TONES = {"\u0300": 1, "\u0301": 2, "\u0303": 3, "\u0309": 4, "\u0323": 5}


@lru_cache(maxsize=1 << 16)  # a document repeats its words: each is taken apart once
def key(word: str) -> tuple[str, int]:
    """(letters without the tone mark, tone number): the same for "hoà" and "hòa", for "thuỷ" and "thủy"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone = 0
    letters = []
    for ch in decomposed:
        if ch in TONES:
            tone = TONES[ch]
        else:
            letters.append(ch)
    return unicodedata.normalize("NFC", "".join(letters)), tone


def dictionary_path() -> Path | None:
    configured = os.environ.get("KEHOACH_HUNSPELL_VI")
    candidates = (Path(configured),) if configured else DICTIONARY_PATHS
    return next((path for path in candidates if path.is_file()), None)


@lru_cache(maxsize=4)
def _load(path: Path | None) -> frozenset[tuple[str, int]]:
    if path is None:
        return frozenset()
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return frozenset()
    words = (line.split("/")[0].strip() for line in lines[1:])  # the first line is the count
    return frozenset(key(word) for word in words if word and word.isalpha())


def known() -> frozenset[tuple[str, int]]:
    """Every syllable of the dictionary, as keys; empty when hunspell-vi is not installed."""
    return _known(os.environ.get("KEHOACH_HUNSPELL_VI"))


@lru_cache(maxsize=4)
def _known(_configured: str | None) -> frozenset[tuple[str, int]]:
    # Asked for every word of a document: the dictionary is looked for once (per setting), not at every word.
    return _load(dictionary_path())


def available() -> bool:
    return bool(known())


def is_syllable(word: str, extra: frozenset[tuple[str, int]] = frozenset()) -> bool:
    """`word` is a Vietnamese syllable of the dictionary (or of `extra`, the term list's own syllables)."""
    k = key(word)
    return k in known() or k in extra
