"""Tasks flowing down the cascade: a parent's nhiệm vụ, re-addressed to the child's people and sorted to its units.

Seed 003 is the model: the LĐLĐ took the guidance items of the Ban Tuyên giáo almost word for word, wrote
"đoàn viên, người lao động và cán bộ công đoàn các cấp" where the parent wrote "cán bộ, đảng viên và Nhân dân",
and gave the item on training to its vocational centre.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from kehoach.inputs.models import DocRef, Profile, Task, Unit
from kehoach.inputs.profiles import PEOPLE

Fill = Callable[[str], str]


@dataclass(frozen=True)
class Allotted:
    own: tuple[Task, ...]  # for the body itself, text final
    by_unit: tuple[tuple[Unit, tuple[Task, ...]], ...]  # for its specialised units, text final
    left_out: tuple[Task, ...]  # for kinds of body it neither is nor has
    passed: tuple[Task, ...]  # what its own children receive: own and unit tasks, placeholders kept


def _generic(task: Task, people: str) -> Task:
    """The parent's own audience written back as {doi_tuong}, so every level below can put its own."""
    if not people:
        return task
    return replace(task, title=task.title.replace(people, "{doi_tuong}"),
                   paragraphs=tuple(p.replace(people, "{doi_tuong}") for p in task.paragraphs))


def _final(task: Task, fill: Fill) -> Task:
    return replace(task, title=fill(task.title), paragraphs=tuple(fill(p) for p in task.paragraphs))


def allot(parent: DocRef | None, profile: Profile, fill: Fill) -> Allotted:
    if parent is None or not parent.tasks:
        return Allotted((), (), (), ())
    people = parent.people or PEOPLE.get(parent.system, "")
    own: list[Task] = []
    by_unit: dict[Unit, list[Task]] = {}
    left_out: list[Task] = []
    passed: list[Task] = []
    for raw in parent.tasks:
        task = _generic(raw, people)
        owners = set(task.owners)
        if not owners or owners & set(profile.kinds):
            own.append(_final(task, fill))
            passed.append(task)
            continue
        units = [u for u in profile.units if owners & set(u.kinds)]
        for unit in units:
            by_unit.setdefault(unit, []).append(_final(task, fill))
        (passed if units else left_out).append(task)
    return Allotted(tuple(own), tuple((u, tuple(ts)) for u, ts in by_unit.items()), tuple(left_out), tuple(passed))


def allot_own(tasks: tuple[Task, ...], profile: Profile, fill: Fill) -> Allotted:
    """A plan that writes its own tasks lists them all; its specialised units still get theirs by name."""
    generic = tuple(_generic(t, profile.people) for t in tasks)
    by_unit = [(u, tuple(_final(t, fill) for t in generic if set(t.owners) & set(u.kinds))) for u in profile.units]
    return Allotted(tuple(_final(t, fill) for t in generic), tuple((u, ts) for u, ts in by_unit if ts), (), generic)


def as_items(tasks: tuple[Task, ...]) -> tuple[str, ...]:
    """Tasks as the dash items of a Công văn or of Tổ chức thực hiện."""
    items: list[str] = []
    for task in tasks:
        items.append(f"- {task.title}")
        items += [p if p.startswith(("-", "+")) else f"- {p}" for p in task.paragraphs]
    return tuple(items)
