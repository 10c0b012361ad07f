"""Whom a draft is for: its drafting unit, Kính gửi, Nơi nhận (with the Lưu line), and the units it asks to act.

NĐ 30/2020 Phụ lục I and HD 36: superiors first with "(để b/c)" / "(b/c)", "Như trên" first in a Công văn for its
Kính gửi addressees, every body given a task is sent the document, "Lưu: VT, <đơn vị soạn thảo>." (State, unions) or
"Lưu <nơi lưu>." (Party). A mixin of Composer (compose.py): it reads the plan, the profile and the allotted tasks.
"""

from __future__ import annotations

import re
from typing import Any

from kehoach.drafting import sections as default_sections
from kehoach.drafting.flow import Allotted
from kehoach.inputs.models import Department, PlanSpec, Profile, Unit
from kehoach.inputs.yamlfile import Located


class Addressing:
    """Composer's part that addresses the draft; `text` is Composer.text (placeholders expanded)."""

    plan: PlanSpec
    profile: Profile
    system: str
    dept: Department | None
    tasks: Allotted

    def text(self, raw: str, path: tuple[Any, ...], where: Located | Profile | None = None) -> str:
        raise NotImplementedError

    def drafting(self) -> tuple[str, Department | None]:
        """(as written, department) of the unit drafting this document: the plan's, the profile's, else the unit the
        Lưu line names (NĐ 30 Phụ lục I: "Lưu: VT, <đơn vị soạn thảo>"; a Party Lưu line names no unit)."""
        plan, profile = self.plan, self.profile
        wanted = plan.drafting_dept or profile.drafting_dept
        if wanted:
            return wanted, profile.department(wanted)
        if self.system == "dang":
            return "", None
        for part in _archive(plan.archive or profile.archive).split(","):
            part = part.strip()
            for name in (part, part.removeprefix("Ban ").removeprefix("Phòng ")):
                dept = profile.department(name) if name and name.upper() != "VT" else None
                if dept is not None:
                    return dept.abbr, dept
        return "", None

    def recipients(self) -> tuple[str, ...]:
        from kehoach.inputs.profiles import clean_recipient

        plan, profile = self.plan, self.profile
        if plan.recipients is not None:
            listed = [clean_recipient(self.text(r, ("noi_nhan", i))) for i, r in enumerate(plan.recipients)]
        else:
            listed = [clean_recipient(self.text(r, ("noi_nhan", i), profile)) for i, r in enumerate(profile.recipients)]
        note = profile.layout.report_note
        items = [s if "(" in s else f"{s} {note}" for s in profile.superiors if not _among(s, listed)]
        items += listed + [clean_recipient(self.text(r, ("noi_nhan_them", i))) for i, r in enumerate(plan.extra_recipients)]
        # One note for "report to" in the whole list, the profile's: the State writes "(để b/c)" (trinh_bay).
        items = [_REPORT_NOTE.sub(note, item) for item in items]
        if plan.kind == "cong_van":
            # "Như trên" stands for the Kính gửi addressees: they are not listed again.
            items = [item for item in items if not any(_same_body(item, a) for a in self.addressee_names())]
        # Every body given a task is sent the document, unless it is already addressed ("Như trên" covers Kính gửi).
        addressed = items + list(self.addressee_names())
        items += [unit.short for unit, _ in self.tasks.by_unit if not _among(unit.short, addressed) and
                  not _among(unit.name, addressed)]
        if plan.kind == "cong_van" and (not items or not items[0].casefold().startswith("như trên")):
            items.insert(0, "Như trên")
        archive = _archive(plan.archive or profile.archive)
        if self.system != "dang" and self.dept is not None and archive.strip() == "VT":
            archive = f"VT, {self.dept.abbr}"  # NĐ 30: the drafting unit after "VT"
        last = f"Lưu {archive}" if self.system == "dang" else f"Lưu: {archive}"
        sep = profile.layout.recipient_sep
        return tuple(f"- {item}{sep}" for item in items) + (f"- {last}.",)

    def addressee_names(self) -> list[str]:
        if self.plan.addressees:
            return [self.text(a, ("kinh_gui", i)).lstrip("- ").rstrip(";,.") for i, a in enumerate(self.plan.addressees)]
        if self.plan.kind != "cong_van":
            return []
        # A Công văn goes to the units addressed with everyone; specialised units get it in Nơi nhận.
        return [u.name for u in self.profile.units if not u.kinds]

    def addressees(self) -> tuple[str, ...]:
        names = self.addressee_names()
        if not names:
            return ()
        if len(names) == 1:
            return (f"Kính gửi: {names[0]}",)
        sep = self.profile.layout.recipient_sep
        return ("Kính gửi:",) + tuple(f"- {n}{sep}" for n in names[:-1]) + (f"- {names[-1]}.",)

    def addressed_units(self) -> tuple[Unit, ...]:
        """The units the body's request goes to (a Công văn's opening and closing): those addressed together, and
        those given a task of their own."""
        return tuple(u for u in self.profile.units if not u.kinds) + tuple(u for u, _ in self.tasks.by_unit)

    def doers(self) -> str:
        """Who the body asks to act: its units together, then each unit given a task of its own."""
        heading = self.profile.units_heading
        names = [default_sections.lower_plural(heading)] if heading else []
        names += [unit.name for unit, _ in self.tasks.by_unit]
        return ", ".join(names) or "các cơ quan, đơn vị"


_REPORT_NOTE = re.compile(r"\((?:để )?b/c\)")
_ABBREVIATIONS = (("lđlđ", "liên đoàn lao động"), ("ubnd", "ủy ban nhân dân"), ("mttq", "mặt trận tổ quốc"),
                  ("cđcs", "công đoàn cơ sở"), ("cđ", "công đoàn"))


def _archive(text: str) -> str:
    return text.removeprefix("Lưu").lstrip(": ").rstrip(".")


def _same_body(a: str, b: str) -> bool:
    """Whether two ways of writing a recipient name the same bodies ("LĐLĐ các huyện" and "Liên đoàn lao động các
    huyện, thị xã"): abbreviations spelt out, case and a leading "các" ignored, one a prefix of the other."""
    def norm(text: str) -> str:
        words = []
        for word in text.casefold().replace(",", " , ").split():
            words.append(next((full for short, full in _ABBREVIATIONS if word == short), word))
        joined = " ".join(words).removeprefix("các ").replace(" ,", ",")
        return _REPORT_NOTE.sub("", joined).strip(" ;,.")
    x, y = sorted((norm(a), norm(b)), key=len)  # x the shorter
    if x == y:  # "Các xã" and "các xã": one word left after "các" is still the same body
        return bool(x)
    # A prefix must be two words at least: "Ủy ban" alone does not name "Ủy ban nhân dân tỉnh".
    return len(x.split()) >= 2 and y.startswith(x) and y[len(x):len(x) + 1] in ("", " ", ",")


def _among(name: str, items: list[str]) -> bool:
    folded = name.casefold()
    return any(item.casefold().startswith(folded) for item in items)
