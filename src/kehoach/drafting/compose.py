"""Composition: from a plan, its profile and its parents to the final text of every paragraph.

Pure Python over the models: no file access. Numbering is literal text made here, so a skipped or
restarted number cannot happen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kehoach.drafting import citations
from kehoach.drafting import sections as default_sections
from kehoach.drafting.flow import Allotted, allot, allot_own
from kehoach.errors import InputError, Problem
from kehoach.inputs.documents import Library
from kehoach.inputs.models import Block, DocRef, Draft, PlanSpec, Profile, Section
from kehoach.inputs.yamlfile import Located
from kehoach.text.placeholders import UnknownPlaceholder, fill
from kehoach.text.symbols import number_line, type_code
from kehoach.text.vntext import date_line, letter, lower_first, roman, upper_first, upper_vi

NATIONAL = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PARTY = ("ĐẢNG CỘNG SẢN VIỆT NAM",)
DEFAULT_PREFIX = {"ke_hoach": "Thực hiện", "huong_dan": "Thực hiện", "cong_van": "Triển khai thực hiện"}
DEFAULT_SENTENCE = {
    "ke_hoach": "{chu_the} ban hành {ten_loai} {trich_yeu_ngan}, như sau:",
    "huong_dan": "{chu_the} hướng dẫn {trich_yeu} như sau:",
    "cong_van": "{chu_the} đề nghị {don_vi_thuc_hien} thực hiện một số nội dung sau:",
}
LETTER_CLOSING = ("Đề nghị {don_vi_thuc_hien} nghiêm túc triển khai thực hiện {viet_tat}, bảo đảm phù hợp với tình hình, "
                  "đặc điểm, nhiệm vụ chính trị của từng địa phương, đơn vị. Định kỳ báo cáo kết quả về {ten_goi}{qua_ban}")
ENDINGS = ("./.", ".", ";", ",", ":")


class Composer:
    def __init__(self, plan: PlanSpec, profile: Profile, library: Library, loc: Located):
        self.plan, self.profile, self.library, self.loc = plan, profile, library, loc
        self.comma = profile.layout.comma_before_date
        self.system = profile.system

    # -- helpers -------------------------------------------------------------------------------
    def doc(self, key: str, path: tuple[Any, ...]) -> DocRef:
        found = self.library.docs.get(key)
        if found is None:
            raise InputError([self.loc.problem(path, f"văn bản '{key}' không nằm trong 'thuc_hien' hay thư mục van-ban/")])
        return found

    def lookup(self, key: str) -> DocRef | None:
        return self.library.docs.get(key)

    def full(self, doc: DocRef) -> str:
        return citations.full(doc, self.lookup, self.comma)

    def dated(self, doc: DocRef) -> str:
        return citations.dated(doc, self.comma)

    def per_doc(self, path: tuple[Any, ...]) -> dict[str, Callable[[str], str]]:
        return {
            "trich_dan": lambda k: self.full(self.doc(k, path)),
            "trich_dan_ngay": lambda k: self.dated(self.doc(k, path)),
            "viet_tat": lambda k: citations.short(self.doc(k, path)),
        }

    def text(self, raw: str, path: tuple[Any, ...]) -> str:
        try:
            return fill(raw, self.names, self.per_doc(path))
        except UnknownPlaceholder as exc:
            raise InputError([self.loc.problem(path, str(exc))]) from None

    # -- parts -----------------------------------------------------------------------------------
    def subject(self) -> tuple[str, str, DocRef | None]:
        """(trích yếu, its short form, the document it names)."""
        plan = self.plan
        target_key = plan.subject_of or (plan.implements[0] if plan.implements else None)
        target = self.doc(target_key, ("trich_yeu",)) if target_key else None
        if plan.subject:
            return plan.subject, plan.subject, target
        prefix = plan.subject_prefix or DEFAULT_PREFIX[plan.kind]
        if target is None:
            raise InputError([self.loc.problem(("trich_yeu",), "cần 'trich_yeu' hoặc 'thuc_hien' để soạn trích yếu")])
        # A Công văn's V/v is one short line: the chain of documents without the directive's own trích yếu.
        form = plan.subject_form or ("chuoi" if plan.kind == "cong_van" else "day_du")
        cited = citations.lineage(target, self.lookup, self.comma) if form == "chuoi" else self.full(target)
        return f"{prefix} {cited}", f"{prefix} {citations.short(target)}", target

    def opening(self) -> list[str]:
        op = self.plan.opening
        if op.literal:
            return [self.text(p, ("mo_dau",)) for p in op.literal]
        cites = op.cites or tuple((k, "day_du") for k in self.plan.implements)
        parts = []
        for i, (key, form) in enumerate(cites):
            doc = self.doc(key, ("mo_dau", "van_ban", i))
            if form == "ngan":
                parts.append(citations.short(doc))
            elif form == "ngay":
                parts.append(self.dated(doc))
            else:
                # "-" means no short form at all; "" means "(Kế hoạch số …)" without "viết tắt là".
                note = f"{op.short_note} " if op.short_note else ""
                short = "" if op.short_note == "-" else f" ({note}{citations.short(doc)})"
                parts.append(self.full(doc) + short)
        lead = f"{op.word} {'; '.join(parts)}"
        if op.extra:
            lead += f" {op.extra}"
        sentence = self.text(op.sentence or DEFAULT_SENTENCE[self.plan.kind], ("mo_dau", "cau_ban_hanh"))
        joiner = op.joiner or ("phay" if self.plan.kind == "cong_van" else "doan_moi")
        if joiner == "doan_moi":
            return [lead + ";", sentence]
        if joiner == "cham":
            return [f"{lead}. {upper_first(sentence)}"]
        return [f"{lead}, {sentence}"]

    def allotted(self) -> Allotted:
        """The tasks of the first parent that has any, re-addressed to this body."""
        parent = next((d for d in map(self.lookup, self.plan.implements) if d and d.tasks), None)

        def fill_task(raw: str) -> str:
            try:
                return fill(raw, self.names, self.per_doc(()))
            except (UnknownPlaceholder, InputError) as exc:
                message = str(exc.problems[0].message if isinstance(exc, InputError) else exc)
                if self.plan.tasks:
                    raise InputError([self.loc.problem(("nhiem_vu",), message)]) from None
                where = parent.file if parent else self.plan.file
                raise InputError([Problem(where, f"nhiệm vụ của văn bản cấp trên: {message}", key="nhiem_vu")]) from None

        if self.plan.tasks:
            return allot_own(self.plan.tasks, self.profile, fill_task)
        return allot(parent, self.profile, fill_task)

    def sections(self) -> list[Section]:
        is_letter = self.plan.kind == "cong_van"
        default = (Section(auto="nhiem_vu"),) if is_letter else (
            Section(auto="muc_dich_yeu_cau"), Section(auto="nhiem_vu"), Section(auto="to_chuc_thuc_hien"))
        given = self.plan.sections or default
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
                drafted = default_sections.letter_tasks(self.profile, tasks.own, tasks.by_unit, parents)
            elif section.auto == "nhiem_vu":
                drafted = default_sections.tasks(tasks.own, parents)
            else:
                drafted = default_sections.organisation(self.profile, self.plan, parents, tasks.by_unit)
            if is_letter and section.auto == "nhiem_vu" and not section.title:
                out += drafted.children  # a Công văn numbers its groups 1., 2. directly
                continue
            out.append(Section(title=section.title or drafted.title,
                               paragraphs=drafted.paragraphs + section.paragraphs,
                               children=drafted.children + section.children))
        return out

    def blocks(self, sections: list[Section]) -> list[Block]:
        mark = self.profile.layout.section_mark
        blocks: list[Block] = []

        decimal = self.plan.point_style == "1.1."

        def walk(items: tuple[Section, ...] | list[Section], depth: int, path: tuple[Any, ...],
                 parent_number: str = "") -> None:
            for i, sec in enumerate(items, start=1):
                here = path + (i - 1,)
                if depth == 0:
                    label = roman(i) + mark[1:]
                elif depth == 1:
                    label = f"{i}."
                else:
                    label = f"{parent_number}{i}." if decimal else f"{letter(i)})"
                paragraphs = [self.text(p, here + ("noi_dung",)) for p in sec.paragraphs]
                if sec.title:
                    title = self.text(sec.title, here + ("tieu_de",))
                    title = upper_vi(title) if depth == 0 else upper_first(title)
                    blocks.append(Block(("muc", "khoan", "diem")[min(depth, 2)], f"{label} {title}"))
                elif paragraphs:
                    paragraphs[0] = f"{label} {paragraphs[0]}"
                blocks.extend(Block("doan", p) for p in paragraphs)
                walk(sec.children, depth + 1, here + ("muc_con",), label if depth == 1 else "")

        # A Công văn has no Roman sections: its groups are numbered 1., 2. (seed 003).
        walk(sections, 1 if self.plan.kind == "cong_van" else 0, ("muc",))
        return blocks

    def closing(self, subject: str) -> str | None:
        plan = self.plan
        if plan.closing == "":
            return None
        if plan.closing is not None:
            text = self.text(plan.closing, ("ket_thuc",))
        elif plan.kind == "cong_van":
            text = self.text(LETTER_CLOSING, ("ket_thuc",))
        else:
            asked = plan.closing_addressees or "các cơ quan, đơn vị liên quan"
            text = f"Trên đây là {plan.type_name} {lower_first(subject)}, đề nghị {asked} nghiêm túc triển khai thực hiện"
        return text

    def recipients(self) -> tuple[str, ...]:
        from kehoach.inputs.profiles import clean_recipient

        plan, profile = self.plan, self.profile
        listed = [clean_recipient(r) for r in (plan.recipients if plan.recipients is not None else profile.recipients)]
        note = profile.layout.report_note
        items = [s if "(" in s else f"{s} {note}" for s in profile.superiors if not _among(s, listed)]
        items += listed + [clean_recipient(r) for r in plan.extra_recipients]
        # Every body given a task is sent the document, unless it is already addressed ("Như trên" covers Kính gửi).
        addressed = items + list(self.addressee_names())
        items += [unit.short for unit, _ in self.tasks.by_unit if not _among(unit.short, addressed) and
                  not _among(unit.name, addressed)]
        if plan.kind == "cong_van" and (not items or not items[0].casefold().startswith("như trên")):
            items.insert(0, "Như trên")
        archive = plan.archive or profile.archive
        archive = archive.removeprefix("Lưu").lstrip(": ").rstrip(".")
        last = f"Lưu {archive}" if self.system == "dang" else f"Lưu: {archive}"
        sep = profile.layout.recipient_sep
        return tuple(f"- {item}{sep}" for item in items) + (f"- {last}.",)

    def addressee_names(self) -> list[str]:
        if self.plan.addressees:
            return [a.lstrip("- ").rstrip(";,.") for a in self.plan.addressees]
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
        subject, subject_short, target = self.subject()
        subject = lower_first(subject) if self.system == "dang" else upper_first(subject)
        self.names = {
            "chu_the": profile.subject,
            "ten_goi": profile.name,
            "ten_loai": plan.type_name,
            "trich_yeu": lower_first(subject),
            "trich_yeu_ngan": lower_first(subject_short),
            "viet_tat": citations.short(target) if target else plan.type_name,
            "doi_tuong": profile.people,
            "dia_ban": profile.area or "địa phương",
        }
        self.tasks = self.allotted()
        self.names["don_vi_thuc_hien"] = self.doers()
        wanted = plan.drafting_dept or profile.drafting_dept
        dept = profile.department(wanted) if wanted else None
        self.names["qua_ban"] = f" (qua {dept.name})" if dept else ""
        try:
            signer = profile.signer(plan.signer)
        except KeyError:
            known = ", ".join(s.key for s in profile.signers)
            message = f"hồ sơ không có người ký '{plan.signer}' (có: {known})"
            raise InputError([self.loc.problem(("nguoi_ky",), message)]) from None
        body = [Block("doan", p) for p in self.opening()] + self.blocks(self.sections())
        closing = self.closing(subject)
        if closing:
            body.append(Block("doan", closing))
        body[-1] = Block(body[-1].kind, _end_with(body[-1].text, profile.layout.closing_mark))
        is_cv = plan.kind == "cong_van"
        if is_cv:
            # A department the profile does not list is taken as its own symbol ("phong_soan_thao: TGNC").
            dept_symbol = dept.symbol if dept else wanted
            code, issuer = ("CV", profile.symbol) if self.system == "dang" else (
                "", f"{profile.symbol}-{dept_symbol}" if dept_symbol else profile.symbol)
        else:
            code, issuer = type_code(plan.type_name, self.system), profile.symbol
        cv_subject: tuple[str, ...] = ()
        if is_cv:
            cv_subject = (upper_first(subject),) if self.system == "dang" else (f"V/v {lower_first(subject)}",)
        draft = Draft(
            system=self.system, kind=plan.kind,
            parent_body=profile.parent_body, issuer_lines=profile.issuer_lines,
            number_line=number_line(plan.number, code, issuer, self.system),
            cv_subject=cv_subject,
            national_lines=PARTY if self.system == "dang" else NATIONAL,
            date_line=date_line(profile.place, plan.date),
            type_title="" if is_cv else upper_vi(plan.type_name),
            subject="" if is_cv else subject,
            addressees=self.addressees(),
            blocks=tuple(body),
            authority=signer.authority, signer_title=signer.title, signer_name=signer.name,
            recipients=self.recipients(),
            as_parent=self.as_parent(code, issuer, target),
        )
        return draft

    def as_parent(self, code: str, issuer: str, target: DocRef | None) -> DocRef:
        """This plan as the level below cites it; its chain is recomposed there, in the child's own style."""
        plan, profile = self.plan, self.profile
        literal = plan.subject
        return DocRef(
            key=plan.key, type_name=plan.type_name, type_code=code, number=plan.number,
            issuer_symbol=issuer, system=self.system, date=plan.date, issuer=profile.full_name,
            subject=citations.as_cited(literal) if literal else None,
            subject_prefix=citations.as_cited(plan.subject_prefix or DEFAULT_PREFIX[plan.kind]),
            subject_of=target.key if target else None,
            implements=plan.implements, file=plan.file,
            tasks=plan.tasks or self.tasks.passed, people=profile.people, generated=True)

    def doers(self) -> str:
        """Who the body asks to act: its units together, then each unit given a task of its own."""
        heading = self.profile.units_heading
        names = [default_sections.lower_plural(heading)] if heading else []
        names += [unit.name for unit, _ in self.tasks.by_unit]
        return ", ".join(names) or "các cơ quan, đơn vị"


def _among(name: str, items: list[str]) -> bool:
    folded = name.casefold()
    return any(item.casefold().startswith(folded) for item in items)


def _end_with(text: str, mark: str) -> str:
    stripped = text.rstrip()
    for ending in ENDINGS:
        if stripped.endswith(ending):
            stripped = stripped[: -len(ending)].rstrip()
            break
    return stripped + mark


def compose(plan: PlanSpec, profile: Profile, library: Library, loc: Located) -> Draft:
    return Composer(plan, profile, library, loc).compose()
