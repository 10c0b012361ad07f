"""Reporting lines, re-addressed level by level.

A parent's "báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ) trước ngày 15/6" tells the bodies
below it where to report. In a child's plan it is not copied as a task: the child reports upward on that line itself
(through its drafting department), and tells its own units to report to it, earlier. A body never reports through a
department of another system: a Party plan is never told to go through a State department, nor the reverse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from kehoach.inputs.documents import key_of
from kehoach.inputs.models import DocRef, PlanSpec, Profile, Reporting, Task
from kehoach.text.vntext import PartialDate, short_date

UNITS_EARLIER = timedelta(days=5)  # units report this long before the body's own deadline, unless the plan says
GENERIC = ("cấp trên", "cấp trên trực tiếp")  # "báo cáo kết quả về cấp trên": no one in particular
_CLAUSE = re.compile(
    r"(?P<pre>^|[,;]\s*)(?P<clause>(?:(?:định kỳ|hằng năm|hàng năm|tổng hợp|và)\s*,?\s*)*báo cáo[^;.()]*?\svề\s+"
    r"(?P<to>[^;.()]+?)(?:\s*\(qua\s+(?P<via>[^)]+)\))?(?:\s+trước ngày\s+(?P<by>\d{1,2}/\d{1,2}(?:/\d{4})?))?)"
    r"\s*(?=[;.]|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Lines:
    """This body's reporting: upward (the body itself) and downward (what its units are told)."""

    upward: Reporting | None
    units: Reporting


def split_task(task: Task, year: int) -> tuple[Task | None, Reporting | None]:
    """The task without its reporting clause (None when the task was only that), and the reporting it named."""
    found: Reporting | None = None
    texts = []
    for text in (task.title, *task.paragraphs):
        match = _CLAUSE.search(text)
        if match is None:
            texts.append(text)
            continue
        to = match["to"].strip()
        by = _date(match["by"], year) if match["by"] else None
        found = found or Reporting("" if to.casefold() in GENERIC else to, (match["via"] or "").strip(), by)
        rest = (text[:match.start()] + text[match.end():]).strip(" ,;")
        texts.append(rest + "." if rest and not rest.endswith((".", ":")) else rest)
    kept = [t for t in texts if t.strip(" .")]
    if not kept:
        return None, found
    if not texts[0].strip(" ."):  # the title was only the reporting clause: the first paragraph becomes the title
        return Task(kept[0], tuple(kept[1:]), task.owners), found
    return Task(texts[0], tuple(t for t in texts[1:] if t.strip(" .")), task.owners), found


def _date(text: str, year: int) -> PartialDate | None:
    parts = [int(p) for p in text.split("/")]
    try:
        when = PartialDate(parts[2] if len(parts) == 3 else year, parts[1], parts[0])
        when.as_date()
    except ValueError:
        return None
    return when


def nearest_first(parents: Sequence[DocRef], lookup: Callable[[str], DocRef | None]) -> list[DocRef]:
    """The parents a plan implements, the nearest first: a parent that another listed parent implements (directly or
    down its chain) is farther than that one, whatever the order of `thuc_hien` ("Thực hiện Chỉ thị số 21-CT/TW …;
    Kế hoạch số 15-KH/TU của Tỉnh ủy" is seed 002's order; the Tỉnh ủy's plan is the nearer)."""
    def above(doc: DocRef) -> set[str]:
        seen: set[str] = set()
        todo = [k for k in (*doc.implements, doc.subject_of) if k]
        while todo and len(seen) < 200:
            key = key_of(todo.pop())
            if key in seen:
                continue
            seen.add(key)
            found = lookup(key)
            if found is not None:
                todo += [k for k in (*found.implements, found.subject_of) if k]
        return seen

    chains = [above(doc) for doc in parents]
    # How many listed parents stand below it; stable: among parents equally near, the order of `thuc_hien`.
    return sorted(parents, key=lambda doc: sum(doc.key in chain for chain in chains))


def lines(plan: PlanSpec, profile: Profile, parents: Sequence[DocRef], from_tasks: Reporting | None,
          lead: str) -> Lines:
    """Where this body reports, and where its units report (to it, through `lead`, its drafting department).

    `parents` nearest first (nearest_first). The line upward is the plan's `bao_cao`, else the reporting line of the
    nearest parent that has one, else the one its parent's tasks named, else the body's first `cap_tren`, else the
    issuer of the nearest parent: a commune implementing both the Chỉ thị and the Tỉnh ủy's plan reports to the Tỉnh
    ủy, never to the Ban Bí thư."""
    parent = next((d for d in parents if d.reporting is not None), None)
    told = parent.reporting if parent is not None else from_tasks
    if parent is None:
        parent = parents[0] if parents else None
    upward = None
    if told is not None or parent is not None or profile.superiors or plan.reporting is not None:
        system = (told.system if told and told.system else parent.system if parent else profile.system)
        same = system == profile.system
        to = told.to if told and told.to else parent.issuer if parent else ""
        via = told.via if told and same else ""
        if profile.superiors and (not same or told is None or not told.to):
            to = profile.superiors[0]  # its own superior in its own system, or the one it names as such
        upward = Reporting(to, via, told.by if told else None, system if same else profile.system)
        if plan.reporting is not None:
            upward = Reporting(plan.reporting.to or upward.to, plan.reporting.via or upward.via,
                               plan.reporting.by or upward.by, upward.system)
        if not upward.to:
            upward = replace(upward, to="")
    due = plan.units_due
    deadline = upward.by.as_date() if upward is not None and upward.by is not None else None
    if due is None and deadline is not None:
        earlier = deadline - UNITS_EARLIER
        due = PartialDate(earlier.year, earlier.month, earlier.day)
    return Lines(upward, Reporting(profile.name, lead, due, profile.system))


def phrase(report: Reporting) -> str:
    """"về Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội) trước ngày 10/6/2026"."""
    out = f"về {report.to}" if report.to else "về cấp trên"
    if report.via:
        out += f" (qua {report.via})"
    if report.by is not None and report.by.complete:
        out += f" trước ngày {short_date(report.by)}"
    return out


# Words that say whose a department is ("Văn phòng Tỉnh ủy", "Phòng Khoa giáo - Văn xã, Văn phòng UBND tỉnh"), and
# the kinds of body that are bodies in their own right, never a department of the one reported to ("Sở Giáo dục và
# Đào tạo", "Cục Thống kê").
_OWNED = re.compile(r"(?<!\w)(ủy|uỷ|ubnd|lđlđ|tỉnh|xã|phường|huyện|thành phố|trung ương)(?!\w)", re.IGNORECASE)
_BODY = re.compile(r"^(?:Sở|Bộ|Cục|Chi cục|Tổng cục|Công an)\s")


def qualified(department: str, body: str) -> str:
    """A department as another body's text names it: "Văn phòng" → "Văn phòng LĐLĐ tỉnh"; a name that already says
    whose it is ("Văn phòng Tỉnh ủy", "Phòng Khoa giáo - Văn xã, Văn phòng UBND tỉnh"), or a body of its own ("Sở Giáo
    dục và Đào tạo"), as is."""
    if not department or _OWNED.search(department) or _BODY.match(department):
        return department
    return f"{department} {body}"

