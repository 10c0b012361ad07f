"""The body of a draft after its opening: the tasks it receives or gives, its sections, Tổ chức thực hiện, the
numbering and the closing sentence.

A mixin of Composer (compose.py). The tasks come from the nearest parent that has any (reporting.nearest_first) or
from the plan's own `nhiem_vu`, re-addressed to this body (flow.py), without their reporting clauses (reporting.py);
Tổ chức thực hiện gives them to departments and units (assign.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from kehoach.drafting import assign, citations, numbering, reporting
from kehoach.drafting import sections as default_sections
from kehoach.drafting.flow import Allotted, allot, allot_own
from kehoach.errors import InputError, Problem
from kehoach.inputs.models import Block, Department, DocRef, PlanSpec, Profile, Reporting, Section, Task
from kehoach.inputs.yamlfile import Located
from kehoach.text.placeholders import UnknownPlaceholder, fill
from kehoach.text.vntext import lower_first, upper_first

LETTER_CLOSING = ("{loi_giao} {don_vi_thuc_hien} nghiêm túc triển khai thực hiện {viet_tat}, bảo đảm phù hợp với tình "
                  "hình, đặc điểm, nhiệm vụ chính trị của từng địa phương, đơn vị. Định kỳ báo cáo kết quả {bao_cao_ve}")


class Body:
    """Composer's part that drafts the body; `text`, `doc`, `lookup`, `per_doc` are Composer's."""

    plan: PlanSpec
    profile: Profile
    loc: Located
    names: dict[str, str]
    tasks: Allotted
    report: reporting.Lines
    lead: Department | None
    parent: DocRef | None
    task_report: Reporting | None

    def text(self, raw: str, path: tuple[Any, ...], where: Located | Profile | None = None) -> str:
        raise NotImplementedError

    def doc(self, key: str, path: tuple[Any, ...]) -> DocRef:
        raise NotImplementedError

    def lookup(self, key: str) -> DocRef | None:
        raise NotImplementedError

    def per_doc(self, path: tuple[Any, ...]) -> dict[str, Callable[[str], str]]:
        raise NotImplementedError

    def allotted(self) -> Allotted:
        """The tasks of the nearest parent that has any (reporting.nearest_first), re-addressed to this body."""
        parents = reporting.nearest_first([d for d in map(self.lookup, self.plan.implements) if d], self.lookup)
        parent = next((d for d in parents if d.tasks), None)

        def fill_task(raw: str) -> str:
            try:
                return fill(raw, self.names, self.per_doc(()))
            except (UnknownPlaceholder, InputError) as exc:
                message = str(exc.problems[0].message if isinstance(exc, InputError) else exc)
                if self.plan.tasks:
                    raise InputError([self.loc.problem(("nhiem_vu",), message)]) from None
                where = parent.file if parent else self.plan.file
                raise InputError([Problem(where, f"nhiệm vụ của văn bản cấp trên: {message}", key="nhiem_vu")]) from None

        self.parent = parent
        if self.plan.tasks:
            allotted = allot_own(self.plan.tasks, self.profile, fill_task)
        else:
            allotted = allot(parent, self.profile, fill_task)
        return self._without_reporting(allotted)

    def _without_reporting(self, allotted: Allotted) -> Allotted:
        """The tasks with their reporting clauses taken out: the parent's reporting line is this body's own line
        upward, and its units are told to report to it (drafting/reporting.py)."""
        year = self.plan.date.year
        found = []

        def strip(tasks: tuple[Task, ...]) -> tuple[Task, ...]:
            kept = []
            for task in tasks:
                rest, report = reporting.split_task(task, year)
                found.append(report)
                if rest is not None:
                    kept.append(rest)
            return tuple(kept)

        own = strip(allotted.own)
        by_unit = tuple((unit, ts) for unit, ts in ((u, strip(ts)) for u, ts in allotted.by_unit) if ts)
        passed = strip(allotted.passed)
        others = tuple((kinds, ts) for kinds, ts in ((k, strip(ts)) for k, ts in allotted.others) if ts)
        self.task_report = next((r for r in found if r is not None), None)
        return replace(allotted, own=own, by_unit=by_unit, passed=passed, others=others)

    def sections(self) -> list[Section]:
        is_letter = self.plan.kind == "cong_van"
        default = (Section(auto="nhiem_vu"),) if is_letter else (
            Section(auto="muc_dich_yeu_cau"), Section(auto="nhiem_vu"), Section(auto="to_chuc_thuc_hien"))
        given = self.plan.sections if self.plan.sections is not None else default
        parents = ", ".join(citations.short(self.doc(k, ("thuc_hien",))) for k in self.plan.implements) or "Kế hoạch"
        tasks = self.tasks
        out = []
        for section in given:
            if not section.auto:
                out.append(section)
                continue
            if section.auto == "muc_dich_yeu_cau":
                drafted = default_sections.aims(self.profile, parents)
            elif section.auto == "nhiem_vu" and is_letter:
                drafted = default_sections.letter_tasks(self.profile, tasks.own, tasks.by_unit, parents,
                                                        reporting.phrase(self.report.units), tasks.others)
            elif section.auto == "nhiem_vu":
                drafted = default_sections.tasks(tasks.own, parents)
            else:
                drafted = self.organisation()
            if is_letter and section.auto == "nhiem_vu" and not section.title:
                out += drafted.children  # a Công văn numbers its groups 1., 2. directly
                continue
            out.append(Section(title=section.title or drafted.title,
                               paragraphs=drafted.paragraphs + section.paragraphs,
                               children=drafted.children + section.children))
        return out

    def organisation(self) -> Section:
        """Tổ chức thực hiện: each department its own tasks, the units what to do and where to report."""
        plan, profile = self.plan, self.profile
        try:
            foreign = frozenset(t for _, ts in (*self.tasks.by_unit, *self.tasks.others) for t in ts)
            assigned = assign.assign(plan, profile, self.tasks.own, foreign)
        except assign.AllotmentError as exc:
            raise InputError([self.loc.problem(("phan_cong",), str(exc))]) from None
        explicit = dict(plan.assignments)
        departments = []
        for dept in profile.departments:
            duty = explicit.pop(dept.name, None) or explicit.pop(dept.abbr, None) or dept.duty
            tasks = dict(assigned.departments).get(dept, ())
            if duty:
                tasks = (Task(upper_first(duty)), *tasks)
            if tasks:
                departments.append((dept, tasks))
        # A department the plan names but the profile does not list still gets its line (giao_nhiem_vu).
        departments += [(Department(name, name), (Task(upper_first(duty)),)) for name, duty in explicit.items()]
        assigned = replace(assigned, departments=tuple(departments))
        return assign.organisation(profile, plan, assigned, self.tasks.by_unit, self.report, self.lead,
                                   self.tasks.others)

    def blocks(self, sections: list[Section]) -> list[Block]:
        plan = self.plan
        styles = plan.numbering or numbering.default_styles(plan.kind, self.profile.layout.section_mark,
                                                           plan.point_style)
        # A Công văn has no Roman sections: its groups look like the "1." level of a Kế hoạch (seed 003).
        try:
            return numbering.number(sections, styles, self.text, first_kind=1 if plan.kind == "cong_van" else 0)
        except numbering.NumberingError as exc:
            raise InputError([self.loc.problem(exc.path, str(exc))]) from None

    def closing(self, subject_short: str) -> str | None:
        plan = self.plan
        if plan.closing == "":
            return None
        if plan.closing is not None:
            text = self.text(plan.closing, ("ket_thuc",))
        elif plan.kind == "cong_van":
            text = upper_first(self.text(LETTER_CLOSING, ("ket_thuc",)))
        else:
            # The short form the opening defined, never the full chain again (issue 13 §6).
            asked = self.text(plan.closing_addressees, ("de_nghi",))
            # The verb follows the relation (drafting/assign.py), unless the plan names whom it proposes to.
            ask = f"đề nghị {asked}" if asked else f"{assign.verb(self.profile, ())} các cơ quan, đơn vị liên quan"
            about = f" {lower_first(subject_short)}" if subject_short else ""
            text = f"Trên đây là {plan.type_name}{about}, {ask} nghiêm túc triển khai thực hiện"
        return text
