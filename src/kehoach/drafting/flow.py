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
    """A body's tasks, sorted: its own, its specialised units', those left out, those passed down."""

    own: tuple[Task, ...]  # for the body itself, text final
    by_unit: tuple[tuple[Unit, tuple[Task, ...]], ...]  # for its specialised units, text final
    left_out: tuple[Task, ...]  # for kinds of body it neither is nor has
    passed: tuple[Task, ...]  # what its own children receive: own and unit tasks, placeholders kept
    # Its own tasks meant for kinds of body it neither is nor has a unit for (giao_cho), text final, grouped by
    # their giao_cho in order of first appearance: printed in its Tổ chức thực hiện, addressed to those bodies.
    others: tuple[tuple[tuple[str, ...], tuple[Task, ...]], ...] = ()


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
    taken = {kind for u in profile.units for kind in u.kinds} | set(profile.kinds)
    others: dict[tuple[str, ...], list[Task]] = {}
    for task in generic:
        if task.owners and not set(task.owners) & taken:
            others.setdefault(tuple(task.owners), []).append(_final(task, fill))
    return Allotted(tuple(_final(t, fill) for t in generic), tuple((u, ts) for u, ts in by_unit if ts), (), generic,
                    tuple((kinds, tuple(ts)) for kinds, ts in others.items()))


# Who a task given to a kind of body (giao_cho) is for, when the issuing body's profile names no unit of that kind
# (`don_vi_cap_duoi` with `loai`): the bodies of that kind, at every level below.
KIND_NAMES = {
    "cap_uy": "các cấp ủy, tổ chức đảng",
    "chinh_quyen": "chính quyền các cấp",
    "mat_tran": "Mặt trận Tổ quốc Việt Nam các cấp",
    "doan_the": "các tổ chức chính trị - xã hội",
    "cong_doan": "công đoàn các cấp",
    "doan_thanh_nien": "Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp",
    "hoi_phu_nu": "Hội Liên hiệp Phụ nữ các cấp",
    "hoi_nong_dan": "Hội Nông dân các cấp",
    "hoi_cuu_chien_binh": "Hội Cựu chiến binh các cấp",
    "co_so_dao_tao": "các cơ sở giáo dục nghề nghiệp",
}


def kind_names(kinds: tuple[str, ...]) -> str:
    """"Mặt trận Tổ quốc Việt Nam các cấp, công đoàn các cấp và các tổ chức chính trị - xã hội"; a kind this table
    does not know reads "các cơ quan, đơn vị liên quan"."""
    names = list(dict.fromkeys(KIND_NAMES.get(k, "các cơ quan, đơn vị liên quan") for k in kinds))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


def as_items(tasks: tuple[Task, ...]) -> tuple[str, ...]:
    """Tasks as the dash items of a Công văn or of Tổ chức thực hiện."""
    items: list[str] = []
    for task in tasks:
        items.append(f"- {task.title}")
        items += [p if p.startswith(("-", "+")) else f"- {p}" for p in task.paragraphs]
    return tuple(items)
