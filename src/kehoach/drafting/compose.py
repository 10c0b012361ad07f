"""Composition: from a plan, its profile and its parents to the final text of every paragraph.

Pure Python over the models: no file access. Numbering is literal text made here, so a skipped or
restarted number cannot happen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from kehoach.drafting import assign, citations, numbering, reporting
from kehoach.drafting import sections as default_sections
from kehoach.drafting.flow import Allotted, allot, allot_own
from kehoach.drafting.opening import CiteStyle, cited_in_full, compose_opening
from kehoach.errors import InputError, Problem
from kehoach.inputs.documents import Library
from kehoach.inputs.models import Block, Department, DocRef, Draft, PlanSpec, Profile, Section, Task, Unit
from kehoach.inputs.yamlfile import Located
from kehoach.text.placeholders import NAMES, UnknownPlaceholder, fill
from kehoach.text.symbols import number_line, type_code
from kehoach.text.vntext import date_line, lower_first, upper_first, upper_vi

NATIONAL = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PARTY = ("ĐẢNG CỘNG SẢN VIỆT NAM",)
DEFAULT_PREFIX = {"ke_hoach": "Thực hiện", "huong_dan": "Thực hiện", "cong_van": "Triển khai thực hiện"}
DEFAULT_SENTENCE = {
    "ke_hoach": "{chu_the} ban hành {ten_loai} {trich_yeu_ngan}, như sau:",
    "huong_dan": "{chu_the} hướng dẫn {trich_yeu} như sau:",
    "cong_van": "{chu_the} {loi_giao} {don_vi_thuc_hien} thực hiện một số nội dung sau:",
}
# After a narrated opening ("Ngày …, X đã ban hành …. Để …").
NARRATIVE_SENTENCE = {
    "ke_hoach": "Để triển khai thực hiện có hiệu quả {viet_tat}, {chu_the} ban hành {ten_loai} thực hiện như sau:",
    "huong_dan": "Để triển khai thực hiện có hiệu quả {viet_tat}, {chu_the} hướng dẫn thực hiện như sau:",
    "cong_van": "Để triển khai thực hiện có hiệu quả {viet_tat}, {chu_the} đề nghị {don_vi_thuc_hien} thực hiện "
                "một số nội dung sau:",
}
LETTER_CLOSING = ("{loi_giao} {don_vi_thuc_hien} nghiêm túc triển khai thực hiện {viet_tat}, bảo đảm phù hợp với tình "
                  "hình, đặc điểm, nhiệm vụ chính trị của từng địa phương, đơn vị. Định kỳ báo cáo kết quả {bao_cao_ve}")
ENDINGS = ("./.", ".", ";", ",", ":")
_SPACE_BEFORE_MARK = re.compile(r" +([,;.:])")  # left by a placeholder that expands to nothing: "{qua_ban}."


class Composer:
    def __init__(self, plan: PlanSpec, profile: Profile, library: Library, loc: Located):
        self.plan, self.profile, self.library, self.loc = plan, profile, library, loc
        self.comma = profile.layout.comma_before_date
        self.system = profile.system
        long_dates = profile.layout.long_dates if plan.long_dates is None else plan.long_dates
        self.style = CiteStyle(self.comma, long_dates, self.lookup)
        self.names: dict[str, str] = {}

    # -- helpers -------------------------------------------------------------------------------
    def doc(self, key: str, path: tuple[Any, ...]) -> DocRef:
        found = self.library.docs.get(key)
        if found is None:
            raise InputError([self.loc.problem(path, f"văn bản '{key}' không nằm trong 'thuc_hien' hay thư mục van-ban/")])
        return found

    def lookup(self, key: str) -> DocRef | None:
        return self.library.docs.get(key)

    def full(self, doc: DocRef) -> str:
        return self.style.form(doc, "day_du")

    def per_doc(self, path: tuple[Any, ...]) -> dict[str, Callable[[str], str]]:
        return {
            "trich_dan": lambda k: self.full(self.doc(k, path)),
            "trich_dan_ngay": lambda k: self.style.form(self.doc(k, path), "ngay"),
            "trich_dan_chuoi": lambda k: self.style.form(self.doc(k, path), "chuoi"),
            "viet_tat": lambda k: citations.short(self.doc(k, path)),
        }

    def text(self, raw: str, path: tuple[Any, ...], where: Located | Profile | None = None) -> str:
        """A text of the plan (or of its profile: `where`) with its placeholders expanded; errors name the key."""
        try:
            filled = fill(raw, self.names, self.per_doc(path))
        except UnknownPlaceholder as exc:
            message = str(exc)
            name = re.match(r"\{([a-z_]+)", exc.args[1]) if len(exc.args) > 1 else None
            if name and name[1] in NAMES and name[1] not in self.names:
                message = f"chỗ thay thế '{exc.args[1]}' không dùng được ở khóa này"
            if isinstance(where, Profile):
                raise InputError([Problem(where.file, message, key=".".join(map(str, path)))]) from None
            raise InputError([self.loc.problem(path, message)]) from None
        return _SPACE_BEFORE_MARK.sub(r"\1", filled) if filled != raw else filled

    # -- parts -----------------------------------------------------------------------------------
    def target(self) -> DocRef | None:
        """The document the trích yếu names: `trich_yeu.van_ban`, else the first parent."""
        target_key = self.plan.subject_of or (self.plan.implements[0] if self.plan.implements else None)
        return self.doc(target_key, ("trich_yeu",)) if target_key else None

    def subject(self, target: DocRef | None) -> tuple[str, str]:
        """(trích yếu, its short form); both "" for a document without one."""
        plan = self.plan
        if plan.subject is not None:  # written by hand, or "" for none
            literal = self.text(plan.subject, ("trich_yeu",))
            return literal, literal
        prefix = self.text(plan.subject_prefix, ("trich_yeu", "cum_tu")) or DEFAULT_PREFIX[plan.kind]
        if target is None:
            raise InputError([self.loc.problem(("trich_yeu",), "cần 'trich_yeu' hoặc 'thuc_hien' để soạn trích yếu")])
        # A Công văn's V/v is one short line: the chain of documents without the directive's own trích yếu.
        form = plan.subject_form or ("chuoi" if plan.kind == "cong_van" else "day_du")
        extra = self.text(plan.subject_extra, ("trich_yeu", "them"))
        tail = f" {extra}" if extra else ""
        return f"{prefix} {self.style.form(target, form)}{tail}", f"{prefix} {citations.short(target)}{tail}"

    def cased(self, subject: str, letter_line: bool = False) -> str:
        """The trích yếu's first letter: the plan's `chu_dau`, else the Party writes it lower-case, the State and
        unions upper-case; a State Công văn's "V/v …" line lower-case."""
        chosen = self.plan.subject_case or ("" if letter_line else self.profile.layout.subject_case)
        case = chosen or ("thuong" if self.system == "dang" or letter_line else "hoa")
        if letter_line and self.system == "dang" and not chosen:
            case = "hoa"  # a Party Công văn has no "V/v": its trích yếu stands alone (HD 36)
        if case == "nhu_viet":
            return subject
        return lower_first(subject) if case == "thuong" else upper_first(subject)

    def opening(self) -> list[str]:
        op = self.plan.opening
        if op.literal:
            return [self.text(p, ("mo_dau", "nguyen_van")) for p in op.literal]
        from kehoach.inputs.models import Cite

        cites = op.cites or tuple(Cite(k) for k in self.plan.implements)
        cited = [(c, self.doc(c.key, ("mo_dau", "van_ban", i) if op.cites else ("thuc_hien", i)))
                 for i, c in enumerate(cites)]
        narrative = op.style == "tuong_thuat"
        default = (NARRATIVE_SENTENCE if narrative else DEFAULT_SENTENCE)[self.plan.kind]
        # The trích yếu's document given in full just before: the issuing sentence names it short (format-rules
        # §2.7), "… hướng dẫn thực hiện Kế hoạch số 349/KH-TLĐ như sau:", never the whole chain again.
        target = self.target()
        names = self.names
        if target is not None and target.key in cited_in_full(op, cited, self.style):
            self.names = {**names, "trich_yeu": names.get("trich_yeu_ngan", names.get("trich_yeu", ""))}
        try:
            sentence = self.text(op.sentence or default, ("mo_dau", "cau_ban_hanh"))
        finally:
            self.names = names
        extra = self.text(op.extra, ("mo_dau", "bo_sung"))
        joiner = op.joiner or ("cham" if narrative else "phay" if self.plan.kind == "cong_van" else "doan_moi")
        return compose_opening(op, cited, self.style, extra, sentence, joiner)

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

    # -- the whole draft ---------------------------------------------------------------------------
    def compose(self) -> Draft:
        plan, profile = self.plan, self.profile
        target = self.target()
        # Names the trích yếu itself may use; the rest follow once it is known.
        self.names = {
            "chu_the": profile.subject,
            "ten_goi": profile.name,
            "ten_loai": plan.type_name,
            "viet_tat": citations.short(target) if target else plan.type_name,
            "doi_tuong": profile.people,
            "dia_ban": profile.area or "địa phương",
        }
        raw_subject, subject_short = self.subject(target)
        self.literal_subject = raw_subject if plan.subject is not None else None
        subject = self.cased(raw_subject)
        self.names["trich_yeu"] = lower_first(raw_subject)
        self.names["trich_yeu_ngan"] = lower_first(subject_short)
        self.tasks = self.allotted()
        self.names["don_vi_thuc_hien"] = self.doers()
        wanted, dept = self.drafting()
        self.dept = dept
        self.names["qua_ban"] = f" (qua {dept.name})" if dept else ""
        self.lead = assign.lead_department(plan, profile)
        # This body reports on the line of its nearest parent, whatever the order of thuc_hien (reporting.lines).
        parents = reporting.nearest_first([d for d in map(self.lookup, plan.implements) if d], self.lookup)
        self.report = reporting.lines(plan, profile, parents, self.task_report, self.lead.name if self.lead else "")
        self.names["loi_giao"] = assign.verb(profile, self.addressed_units())
        self.names["bao_cao_ve"] = reporting.phrase(self.report.units)
        plan, profile = self._expanded(plan, profile)
        self.plan, self.profile = plan, profile
        # The same department as the expanded profile has it (its duty's placeholders filled), so that the drafting
        # department that also has a duty is one khoản, not two.
        self.lead = profile.department(self.lead.name) if self.lead else None
        try:
            signer = profile.signer(plan.signer)
        except KeyError:
            known = ", ".join(s.key for s in profile.signers)
            message = f"hồ sơ không có người ký '{plan.signer}' (có: {known})"
            raise InputError([self.loc.problem(("nguoi_ky",), message)]) from None
        body = [Block("doan", p) for p in self.opening()] + self.blocks(self.sections())
        closing = self.closing(subject_short)
        if closing:
            body.append(Block("doan", closing))
        body[-1] = Block(body[-1].kind, _end_with(body[-1].text, profile.layout.closing_mark))
        is_cv = plan.kind == "cong_van"
        layout = profile.layout
        notation = layout.notation or self.system
        # A department the profile does not list is taken as its own symbol ("phong_soan_thao: TGNC").
        dept_symbol = dept.symbol if dept else wanted
        with_dept = f"{profile.symbol}-{dept_symbol}" if dept_symbol else profile.symbol
        if is_cv:
            code, issuer = ("CV", with_dept if layout.symbol_with_dept else profile.symbol) if notation == "dang" else (
                "", with_dept)
        else:
            # The Đoàn writes its drafting department into every document's number: "12-KH/TWĐTN-VP".
            issuer = with_dept if layout.symbol_with_dept else profile.symbol
            code = plan.type_code or type_code(plan.type_name, self.system)
            if not code:
                message = (f"không biết ký hiệu loại của '{plan.type_name}' để ghi số, ký hiệu: ghi thêm 'ky_hieu_loai' "
                           "(ví dụ ky_hieu_loai: HD)")
                raise InputError([self.loc.problem(("ten_loai",), message)])
        cv_subject: tuple[str, ...] = ()
        if is_cv:
            line = self.cased(raw_subject, letter_line=True)
            cv_subject = () if not line else (line,) if self.system == "dang" else (f"V/v {line}",)
        # A Công văn may have no trích yếu (issue 17 item 9): its title is then its type name alone.
        title_rest = (cv_subject[0] if cv_subject else "") if is_cv else lower_first(subject)
        draft = Draft(
            system=self.system, kind=plan.kind,
            parent_body=profile.parent_body, issuer_lines=profile.issuer_lines,
            number_line=number_line(plan.number, code, issuer, notation, layout.number_colon),
            cv_subject=cv_subject,
            national_lines=layout.national or (PARTY if self.system == "dang" else NATIONAL),
            issuer_mark=_issuer_mark(layout.issuer_mark, self.system),
            date_line=date_line(profile.place, plan.date),
            type_title="" if is_cv else upper_vi(plan.type_name),
            subject="" if is_cv else subject,
            addressees=self.addressees(),
            blocks=tuple(body),
            authority=signer.authority, signer_title=signer.title, signer_name=signer.name,
            recipients=self.recipients(),
            as_parent=self.as_parent(code, issuer, target, notation),
            doc_title=_property(f"{plan.type_name} {title_rest}".rstrip()),
            author=_property(profile.issuer_text),
        )
        return draft

    def as_parent(self, code: str, issuer: str, target: DocRef | None, notation: str) -> DocRef:
        """This plan as the level below cites it; its chain is recomposed there, in the child's own style."""
        plan, profile = self.plan, self.profile
        literal = self.literal_subject
        return DocRef(
            key=plan.key, type_name=plan.type_name, type_code=code, number=plan.number,
            # Cited below in the notation it was numbered in: a State-looking body may number the Party's way.
            issuer_symbol=issuer, system="dang" if notation == "dang" else (
                "nha_nuoc" if self.system == "dang" else self.system),
            date=plan.date, issuer=profile.full_name, term=profile.term,
            subject=citations.as_cited(literal) if literal else None,
            # A plan without a trích yếu is cited by number, date and issuer alone.
            subject_prefix="" if literal == "" else citations.as_cited(plan.subject_prefix or DEFAULT_PREFIX[plan.kind]),
            subject_of=target.key if target and literal != "" else None,
            implements=plan.implements, file=plan.file,
            # Its tasks as the level below receives them: placeholders kept, reporting clauses taken out.
            tasks=self.tasks.passed, people=profile.people, generated=True,
            reporting=replace(self.report.units, via=reporting.qualified(self.report.units.via, profile.name)))

    def _expanded(self, plan: PlanSpec, profile: Profile) -> tuple[PlanSpec, Profile]:
        """The plan's assignments and the profile's department duties with their placeholders expanded, for the
        sections drafted from them."""
        assignments = tuple((dept, self.text(duty, ("giao_nhiem_vu", i, "nhiem_vu")))
                            for i, (dept, duty) in enumerate(plan.assignments))
        departments = tuple(replace(d, duty=self.text(d.duty, ("phong_ban", i, "nhiem_vu"), profile))
                            for i, d in enumerate(profile.departments))
        return replace(plan, assignments=assignments), replace(profile, departments=departments)

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


def _property(text: str, limit: int = 255) -> str:
    """A core property (title, author) holds at most 255 characters: a longer text is cut at a word, with "…"."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _issuer_mark(chosen: str, system: str) -> str:
    """What stands under the issuer: '*' (HD 36), '***' (Đoàn TNCS Hồ Chí Minh), 'gach' a rule (NĐ 30), '' nothing."""
    if chosen == "khong":
        return ""
    return chosen or ("*" if system == "dang" else "gach")


def _end_with(text: str, mark: str) -> str:
    stripped = text.rstrip()
    for ending in ENDINGS:
        if stripped.endswith(ending):
            stripped = stripped[: -len(ending)].rstrip()
            break
    return stripped + mark


def compose(plan: PlanSpec, profile: Profile, library: Library, loc: Located) -> Draft:
    return Composer(plan, profile, library, loc).compose()
