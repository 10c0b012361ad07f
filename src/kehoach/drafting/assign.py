"""Tổ chức thực hiện that assigns real work: who takes which task, in the words the relation calls for.

- Each department given a task gets its own khoản with its tasks as text; one with none is left out. The plan says
  who takes what in one line (`phan_cong: "VHXH: 1, 3; KT: 2"`, by the task's number in the Nhiệm vụ section or by a
  word of it); otherwise each department takes the tasks written in the words of its fields (`linh_vuc`).
- The drafting department also follows up, gathers the units' reports and reports upward for the body.
- The body never lists itself; its units are told "Căn cứ Kế hoạch này, …" and where and when to report.
- The verb follows the relation: the State "yêu cầu" the bodies it commands, everyone "đề nghị" the bodies it does
  not command (the Mặt trận, the mass organisations); a Party committee "yêu cầu" the party bodies below it, a Party
  staff body "đề nghị" (seed 001); a union "đề nghị" (seed 003).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kehoach.drafting.flow import as_items, kind_names
from kehoach.drafting.reporting import Lines, phrase
from kehoach.inputs.models import Department, PlanSpec, Profile, Section, Task, Unit
from kehoach.text.vntext import lower_first

_ITEM = re.compile(r"\s*;\s*")


class AllotmentError(ValueError):
    """A `phan_cong` entry that names no department or unit, or a task that is not there (message in Vietnamese)."""


@dataclass(frozen=True)
class Assigned:
    """Who does which task: departments and units given work, and who leads a shared task."""

    departments: tuple[tuple[Department, tuple[Task, ...]], ...]  # in the profile's order; only those given work
    units: tuple[tuple[Unit, tuple[Task, ...]], ...]  # named by `phan_cong`
    leads: tuple[tuple[Task, str], ...] = ()  # a task given to several: who was named first leads it


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _where(task: Task, word: str) -> int | None:
    """Where `word` first stands in the task as a whole word (case and Unicode form ignored); None if absent."""
    text = _fold(" ".join((task.title, *task.paragraphs)))
    found = re.search(rf"(?<!\w){re.escape(_fold(word))}(?!\w)", text)
    return found.start() if found else None


def _mentions(task: Task, word: str) -> bool:
    return _where(task, word) is not None


def _match(task: Task, dept: Department) -> tuple[int, int] | None:
    """How well a department's fields fit a task, best first when sorted: (minus the number of its fields the task
    is written in, where the first of them stands); None when none is. "Kiểm tra, giám sát việc thực hiện chế độ
    đào tạo nghề … tại doanh nghiệp" fits the department of "kiểm tra, giám sát" (two fields, at the start) better
    than the one of "nghề" or of "doanh nghiệp" (one each, further on)."""
    places = [at for at in (_where(task, word) for word in dept.fields) if at is not None]
    return (-len(places), min(places)) if places else None


def _unit(profile: Profile, name: str) -> Unit | None:
    folded = _fold(name)
    return next((u for u in profile.units if folded in (_fold(u.name), _fold(u.short))), None)


def assign(plan: PlanSpec, profile: Profile, tasks: tuple[Task, ...], foreign: frozenset[Task] = frozenset()) -> Assigned:
    """Who takes which of `tasks` (the body's own, numbered from 1 as the Nhiệm vụ section prints them). `foreign`:
    those meant for other bodies (giao_cho), which no department takes by its fields (`phan_cong` still may)."""
    to_dept: dict[Department, list[Task]] = {}
    to_unit: dict[Unit, list[Task]] = {}
    leads: dict[Task, str] = {}
    if plan.allotment:
        for entry in (e for line in plan.allotment for e in _ITEM.split(line) if e.strip()):
            name, _, wanted = entry.partition(":")
            name = name.strip()
            dept = profile.department(name)
            unit = None if dept else _unit(profile, name)
            if dept is None and unit is None:
                known = ", ".join([d.abbr for d in profile.departments] + [u.short for u in profile.units])
                raise AllotmentError(f"không có phòng, ban hay đơn vị “{name}” trong hồ sơ (có: {known})")
            picked = _picked(wanted, tasks)
            for task in picked:
                leads.setdefault(task, dept.name if dept else unit.name)  # type: ignore[union-attr]
            bucket = to_dept.setdefault(dept, []) if dept else to_unit.setdefault(unit, [])  # type: ignore[arg-type]
            bucket += [t for t in picked if t not in bucket]
    else:
        # Each task to every department whose fields it is written in; the best fitting leads it, whatever the
        # order of `phong_ban` (trial 1, defect 8).
        for task in (t for t in tasks if t not in foreign):
            fits = [(fit, i, d) for i, d in enumerate(profile.departments) if (fit := _match(task, d)) is not None]
            for _, _, dept in sorted(fits, key=lambda f: (f[0], f[1])):
                leads.setdefault(task, dept.name)
                to_dept.setdefault(dept, []).append(task)
    departments = tuple((d, tuple(to_dept[d])) for d in profile.departments if to_dept.get(d))
    return Assigned(departments, tuple((u, tuple(ts)) for u, ts in to_unit.items()), tuple(leads.items()))


def _picked(wanted: str, tasks: tuple[Task, ...]) -> list[Task]:
    picked: list[Task] = []
    for token in (t.strip() for t in wanted.split(",") if t.strip()):
        if token.isdigit():
            number = int(token)
            if not 1 <= number <= len(tasks):
                raise AllotmentError(f"không có nhiệm vụ số {number} (mục Nhiệm vụ có {len(tasks)} nhiệm vụ)")
            chosen = [tasks[number - 1]]
        else:
            chosen = [t for t in tasks if _mentions(t, token)]
            if not chosen:
                raise AllotmentError(f"không nhiệm vụ nào có chữ “{token}”")
        picked += [t for t in chosen if t not in picked]
    return picked


def verb(profile: Profile, units: tuple[Unit, ...] | None = None) -> str:
    """What the body asks its units with: "yêu cầu" or "đề nghị" (see the module docstring)."""
    units = profile.units if units is None else units
    if any(u.relation for u in units):
        return "đề nghị"
    if profile.system == "nha_nuoc" or (profile.system == "dang" and profile.collective):
        return "yêu cầu"
    return "đề nghị"


def organisation(profile: Profile, plan: PlanSpec, assigned: Assigned, by_kind: tuple[tuple[Unit, tuple[Task, ...]], ...],
                 report: Lines, lead: Department | None,
                 others: tuple[tuple[tuple[str, ...], tuple[Task, ...]], ...] = ()) -> Section:
    """The Tổ chức thực hiện section. `others`: tasks meant for kinds of body the profile has no unit for (giao_cho),
    each group addressed to those bodies ("Đề nghị Mặt trận Tổ quốc Việt Nam các cấp …"): the printed plan says who
    does every task of its Nhiệm vụ (trial 1, defect 9)."""
    this = f"{plan.type_name} này"
    children: list[Section] = []
    work = dict(assigned.departments)
    order = [d for d, _ in assigned.departments]
    if lead is not None and lead not in work:
        order.insert(0, lead)  # the department that drafts the plan follows it up, even with no task of its own
    owner: dict[Task, str] = dict(assigned.leads)  # a task given to several: the first named leads it
    helpers: dict[Task, list[str]] = {}
    for dept in order:
        for task in work.get(dept, ()):
            if owner.setdefault(task, dept.name) != dept.name and dept.name not in helpers.setdefault(task, []):
                helpers[task].append(dept.name)
    for dept in order:
        items: list[str] = []
        for task in work.get(dept, ()):
            if owner[task] != dept.name:
                continue  # named in the line of the department that leads it: one line per task (trial 1, defect 8)
            items += as_items((_led(task, helpers.get(task, [])),))
        if dept == lead:
            upward = f", tham mưu {profile.subject} báo cáo {phrase(report.upward)}" if report.upward else ", báo cáo"
            items.append(f"- Chủ trì, theo dõi, đôn đốc việc thực hiện {this}; tổng hợp kết quả thực hiện{upward}.")
        if items:
            children.append(Section(title=dept.name, paragraphs=tuple(items)))
    named = dict(by_kind)
    for unit, tasks in assigned.units:
        named[unit] = tuple(dict.fromkeys((*named.get(unit, ()), *tasks)))
    for unit, tasks in named.items():
        title = f"Đề nghị {unit.name}" if unit.relation else unit.name
        children.append(Section(title=title, paragraphs=as_items(tasks)))
    for kinds, tasks in others:
        children.append(Section(title=f"Đề nghị {kind_names(kinds)}", paragraphs=as_items(tasks)))
    generic = [u for u in profile.units if not u.kinds and u not in named]
    commanded = [u for u in generic if not u.relation]
    if commanded:
        heading = profile.units_heading if profile.units_heading and len(commanded) == len(
            [u for u in profile.units if not u.relation and not u.kinds]) else _join(u.name for u in commanded)
        children.append(Section(title=heading, paragraphs=(
            f"- Căn cứ {this}, xây dựng kế hoạch thực hiện phù hợp với tình hình thực tế của địa phương, đơn vị.",)))
    asked = [u for u in generic if u.relation]
    if asked:
        children.append(Section(title=f"Đề nghị {_join(u.name for u in asked)}", paragraphs=(
            f"- Căn cứ {this}, phối hợp tuyên truyền, vận động {profile.people} tham gia thực hiện.",)))
    if named or commanded or others:
        # Once for every unit, not a line repeated under each: where and when they report.
        children.append(Section(title="Chế độ báo cáo", paragraphs=(
            f"Các cơ quan, đơn vị được giao nhiệm vụ tại {this} định kỳ báo cáo kết quả thực hiện "
            f"{phrase(report.units)}.",)))
    paragraphs: tuple[str, ...] = ()
    if lead is None and report.upward is not None:
        paragraphs = (f"{profile.subject} tổng hợp, báo cáo kết quả thực hiện {phrase(report.upward)}.",)
    return Section(title="Tổ chức thực hiện", children=tuple(children), paragraphs=paragraphs)


_COOPERATE = re.compile(r"^(?:chủ trì\s*,\s*)?phối hợp(?P<with>\s+với)?\s+", re.IGNORECASE)


def _led(task: Task, helpers: list[str]) -> Task:
    """The task as its lead department's line: "Chủ trì, phối hợp với Ban A, Ban B <task>"; a task that itself
    says "phối hợp với X …" says it once: "Chủ trì, phối hợp với Ban A và X …", never "phối hợp với Ban A phối hợp
    với X"."""
    if not helpers:
        return task
    title = lower_first(task.title)
    partners = ", ".join(helpers)
    said = _COOPERATE.match(title)
    if said is not None:
        title = ("và " if said["with"] else "") + title[said.end():]
    return Task(f"Chủ trì, phối hợp với {partners} {title}", task.paragraphs, task.owners)


def _join(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


def lead_department(plan: PlanSpec, profile: Profile) -> Department | None:
    """The department that drafts and follows up: the plan's or the profile's `phong_soan_thao`, else the one its
    Lưu line names ("VT, KGVX" → KGVX; the Party's "VPĐU" → Văn phòng Đảng ủy)."""
    wanted = plan.drafting_dept or profile.drafting_dept
    if wanted:
        return profile.department(wanted)
    archive = (plan.archive or profile.archive).removeprefix("Lưu").lstrip(": ").rstrip(".")
    for part in (p.strip() for p in archive.split(",")):
        for name in (part, part.removeprefix("Ban ").removeprefix("Phòng ")):
            dept = profile.department(name) if name and name.upper() != "VT" else None
            if dept is not None:
                return dept
    return None
