"""What a reader sees on a PDF page: words with their boxes (pdftotext -bbox) and drawn rules (pdftocairo -svg).

Coordinates are PDF points from the top left of the page. Used by the page tests (issue 13): a header line that is one
line on the page has all its words on one baseline; a rule is a horizontal stroke.
"""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .tools import require

MM = 72 / 25.4  # points per mm
DESCENT = 443 / 2268  # Liberation Serif: descent / (ascent + descent) of a word's box


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def baseline(self) -> float:
        return self.y1 - (self.y1 - self.y0) * DESCENT


@dataclass(frozen=True)
class Rule:
    x0: float
    x1: float
    y: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def words(pdf: Path) -> list[list[Word]]:
    """The words of every page, in the order pdftotext reads them."""
    require("pdftotext")
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append([Word(unicodedata.normalize("NFC", html.unescape(m[5])), *map(float, m.groups()[:4]))
                      for m in _WORD.finditer(page)])
    return pages


_PATH = re.compile(r'<path style="[^"]*stroke:rgb\(0%,0%,0%\)[^"]*" d="M ([\d.-]+) ([\d.-]+) L ([\d.-]+) ([\d.-]+) "'
                   r' transform="matrix\(([\d.-]+),0,0,([\d.-]+),([\d.-]+),([\d.-]+)\)"')


def rules(pdf: Path, page: int = 1) -> list[Rule]:
    """The horizontal strokes drawn on a page (paragraph borders), each once."""
    require("pdftocairo")
    svg = subprocess.run(["pdftocairo", "-svg", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    found = set()
    for m in _PATH.finditer(svg):
        x1, y1, x2, y2, a, d, e, f = map(float, m.groups())
        if abs(y1 - y2) > 0.01:
            continue
        xs = sorted((a * x1 + e, a * x2 + e))
        found.add(Rule(round(xs[0], 2), round(xs[1], 2), round(d * y1 + f, 2)))
    return sorted(found, key=lambda r: (r.y, r.x0))


def find(page: list[Word], text: str, start: int = 0) -> list[Word] | None:
    """The words of `text` on the page: consecutive in reading order, or else in order with other words between them
    (a blank in a number line "Số:      /KH-UBND" can split it in two pieces of text); None when they are not there."""
    wanted = unicodedata.normalize("NFC", text).split()
    texts = [w.text for w in page]
    for i in range(start, len(page) - len(wanted) + 1):
        if texts[i:i + len(wanted)] == wanted:
            return page[i:i + len(wanted)]
    for i in range(start, len(page)):
        if texts[i] != wanted[0]:
            continue
        found, at = [page[i]], i
        for word in wanted[1:]:
            at = next((j for j in range(at + 1, len(page)) if texts[j] == word), -1)
            if at < 0:
                break
            found.append(page[at])
        if len(found) == len(wanted):
            return found
    return None


def one_line(found: list[Word]) -> bool:
    return max(w.y0 for w in found) - min(w.y0 for w in found) < 1.0


def width(found: list[Word]) -> float:
    return max(w.x1 for w in found) - min(w.x0 for w in found)


def lines(found: list[Word]) -> list[list[Word]]:
    """Words grouped into the visual lines they sit on."""
    out: list[list[Word]] = []
    for w in sorted(found, key=lambda w: (round(w.y0), w.x0)):
        if out and abs(out[-1][0].y0 - w.y0) < 1.0:
            out[-1].append(w)
        else:
            out.append([w])
    return out
