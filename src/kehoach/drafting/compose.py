"""Composition: from a plan, its profile and its parents to the final text of every paragraph.

Pure Python over the models: no file access. Numbering is literal text made here, so a skipped or
restarted number cannot happen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from kehoach.drafting import assign, citations, reporting
from kehoach.drafting.addressing import Addressing
from kehoach.drafting.body import Body
from kehoach.drafting.opening import CiteStyle, cited_in_full, compose_opening
from kehoach.errors import InputError, Problem
from kehoach.inputs.documents import Library
from kehoach.inputs.models import Block, DocRef, Draft, PlanSpec, Profile
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
ENDINGS = ("./.", ".", ";", ",", ":")
_SPACE_BEFORE_MARK = re.compile(r" +([,;.:])")  # left by a placeholder that expands to nothing: "{qua_ban}."


class Composer(Addressing, Body):
    """One plan composed: the trích yếu and opening here, the body (body.py), whom it is for (addressing.py)."""

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
