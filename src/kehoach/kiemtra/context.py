"""What every rule receives: the model, the system, the parts found, and a way to record a finding."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from kehoach.docx.locate import heading_path, locate
from kehoach.docx.model import Model, Para, Run
from kehoach.kiemtra.catalog import RULES, UNCONFIRMED, WARN, severity_of
from kehoach.kiemtra.report import Finding
from kehoach.kiemtra.structure import Layout

TOLERANCE_PT = 0.5
TOLERANCE_MM = 0.5
QUOTE_CHARS = 90


@dataclass
class Context:
    model: Model
    system: str
    layout: Layout
    certain: bool = True  # the system was given or clearly detected
    chosen: dict[str, str] = field(default_factory=dict)  # options the draft's profile chose on purpose (intent.py)
    findings: list[Finding] = field(default_factory=list)
    cache: dict = field(default_factory=dict)  # what several checks read, computed once (citations …)

    @property
    def docx(self) -> bool:
        return self.model.source == "docx"

    @property
    def party(self) -> bool:
        return self.system == "dang"

    def span(self, state: tuple[float, float], party: tuple[float, float]) -> tuple[float, float]:
        """The size range of an element: the Party's, the State's, or for the Đoàn and the hội (no confirmed sizes)
        anything from the smaller low to the larger high."""
        if self.party:
            return party
        if self.system in UNCONFIRMED:
            return min(state[0], party[0]), max(state[1], party[1])
        return state

    @property
    def doan(self) -> bool:
        return self.system == "doan"

    @property
    def hoi(self) -> bool:
        return self.system == "hoi"

    @cached_property
    def body_set(self) -> frozenset[int]:
        return frozenset(self.layout.body)

    @cached_property
    def texts(self) -> list[str]:
        return [p.clean for p in self.model.paragraphs]

    def section(self, para: Para | None) -> str:
        """The body section a paragraph is in ("" outside the body): how a person finds it in Word."""
        if para is None or para.index not in self.body_set:
            return ""
        return " › ".join(heading_path(self.texts, para.index))

    def place(self, para: Para | None) -> str:
        """The paragraph named as the workspace build names it (docx/locate.py), "" for none."""
        if para is None:
            return ""
        cell = (para.table or 0, para.row or 0, para.col or 0) if para.kind == "table" else None
        return locate(self.texts, para.index, cell, para.has_drawing)

    def para(self, index: int | None) -> Para | None:
        return self.model.paragraphs[index] if index is not None else None

    def add(self, rule_id: str, where: Para | int | None, message: str, suggestion: str = "", *,
            severity: str | None = None, quote: str | None = None) -> None:
        info = RULES[rule_id]
        para = self.para(where) if isinstance(where, int) else where
        severity = severity or severity_of(rule_id, self.system)
        if not self.certain and len(info.text) > 1:
            severity = WARN  # a rule of one system on a text whose system is a guess: a warning, not an error
        if self.system in UNCONFIRMED and not rule_id.startswith("VB-"):
            severity = WARN  # the Đoàn and the hội: no confirmed rule book of their own
        self.findings.append(Finding(
            rule_id=rule_id,
            severity=severity,
            area=info.area,
            title=info.title,
            message=message,
            rule=info.pick(info.text, self.system),
            source=info.pick(info.source, self.system),
            suggestion=suggestion,
            paragraph=para.source_index if para else None,
            where=para.where() if para else "",
            quote=shorten(quote if quote is not None else (para.clean if para else "")),
            section=self.section(para),
            place=self.place(para),
        ))


DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
# Runs of spaces that stand where a number is still to be written: "Số:      /KH", "ngày      tháng".
BLANK_FIELD = re.compile(r"(Số:?|ngày|tháng)[ \u00a0]{2,}(?=[/\-]|tháng|năm)")


def in_blank_field(text: str, match: re.Match) -> bool:
    return any(b.start() <= match.start() < b.end() for b in BLANK_FIELD.finditer(text))


def single_spaced(text: str) -> str:
    """The text with one space between words, keeping the blanks a draft leaves for its number and date."""
    return DOUBLE_SPACE.sub(lambda m: m[0] if in_blank_field(text, m) else " ", text)


def shorten(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def text_runs(para: Para) -> list[Run]:
    return [r for r in para.runs if r.text.strip()]


def size_of(para: Para) -> float | None:
    """The size most of the paragraph's text is set in."""
    sizes: Counter[float] = Counter()
    for run in text_runs(para):
        if run.size is not None:
            sizes[run.size] += len(run.text.strip())
    return sizes.most_common(1)[0][0] if sizes else None


def all_bold(para: Para) -> bool:
    runs = text_runs(para)
    return bool(runs) and all(r.bold for r in runs)


def any_bold(para: Para) -> bool:
    return any(r.bold for r in text_runs(para))


def all_italic(para: Para) -> bool:
    runs = text_runs(para)
    return bool(runs) and all(r.italic for r in runs)


def any_italic(para: Para) -> bool:
    return any(r.italic for r in text_runs(para))


def in_range(value: float | None, low: float, high: float, tolerance: float = TOLERANCE_PT) -> bool:
    return value is not None and low - tolerance <= value <= high + tolerance


def fmt_pt(value: float | None) -> str:
    if value is None:
        return "không xác định"
    return f"{value:g}"


def size_problem(para: Para, low: float, high: float) -> str | None:
    """A Vietnamese phrase when the paragraph's size is outside low–high, else None."""
    size = size_of(para)
    if in_range(size, low, high):
        return None
    wanted = f"{low:g}" if low == high else f"{low:g}–{high:g}"
    return f"cỡ chữ {fmt_pt(size)} (cần {wanted})"


def join_problems(problems: list[str | None]) -> str:
    found = [p for p in problems if p]
    return "; ".join(found)


def has_rule_below(paras: list[Para], index: int) -> bool:
    """A rule under paragraph `index`: its own bottom border or drawing, or an empty bordered/drawn paragraph after it
    in the same cell (how generators and Word users draw the short line under a header block)."""
    para = paras[index]
    if para.bottom_border or para.has_drawing:
        return True
    for nxt in paras[index + 1:index + 3]:
        if nxt.cell != para.cell or nxt.clean:
            return False
        if nxt.bottom_border or nxt.has_drawing:
            return True
    return False
