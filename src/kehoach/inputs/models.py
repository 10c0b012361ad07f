"""Plain typed models that the loaders build and composition reads. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kehoach.text.vntext import PartialDate

SYSTEMS = ("nha_nuoc", "dang", "cong_doan")
SYSTEM_NAMES = {"nha_nuoc": "Nhà nước", "dang": "Đảng", "cong_doan": "Công đoàn"}


@dataclass(frozen=True)
class Signer:
    """A person who may sign for the body, by the key plans name them with."""

    key: str
    authority: str  # "TM. BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", or "" when the head signs directly
    title: str  # "CHỦ TỊCH"
    name: str  # "Hoàng Thọ Trung"; "" leaves the line for the văn thư


@dataclass(frozen=True)
class Department:
    """A department of the body (phòng, ban), as tasks are assigned to it and numbers carry it."""

    name: str  # "Ban Tuyên giáo - Nữ công"
    abbr: str  # "TG-NC"
    duty: str = ""  # what it is usually given in a plan, drafted into Tổ chức thực hiện
    symbol: str = ""  # in a Công văn's ký hiệu: "TGNC" in "301/LĐLĐ-TGNC"
    fields: tuple[str, ...] = ()  # its fields of work, as words a task is written in: ("văn hóa", "giáo dục")


@dataclass(frozen=True)
class Unit:
    """A body directly below the issuer: addressed, assigned tasks, sent the plan."""

    name: str  # "Trung tâm Giáo dục nghề nghiệp Công đoàn Bình Định"
    short: str  # as written in Nơi nhận: "Trung tâm GDNN CĐ Bình Định"
    kinds: tuple[str, ...] = ()  # task owners it answers for: ("co_so_dao_tao",); () = addressed with everyone
    relation: str = ""  # "" = under the issuer's command; "phoi_hop" = a body it asks, not commands (MTTQ …)


@dataclass(frozen=True)
class Layout:
    """Presentation choices that differ between bodies of one system (format-rules §3.4, §3.5, §7)."""

    section_mark: str  # "I." or "I-"
    recipient_sep: str  # ";" or ","
    closing_mark: str  # "./." or "."
    comma_before_date: bool  # "Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023" vs "... ngày 15/8/2023"
    report_note: str = "(b/c)"  # after a superior in Nơi nhận; the State writes "(để b/c)"
    long_dates: bool = False  # dates in citations: "15 tháng 01 năm 2024" instead of "15/01/2024"
    # The look of a body's header, as data (a mass organisation's differs from its system's):
    national: tuple[str, ...] = ()  # right-hand title lines; () = the system's (Quốc hiệu, or ĐẢNG CỘNG SẢN VIỆT NAM)
    issuer_mark: str = ""  # under the issuer: "*", "***", "gach" (a rule), "khong"; "" = the system's
    number_colon: bool | None = None  # "Số:" or "Số"; None = the system's
    notation: str = ""  # "dang" (12-KH/TU) or "nha_nuoc" (12/KH-UBND); "" = the system's
    symbol_with_dept: bool = False  # every document's issuer code carries the drafting department: "TWĐTN-VP"
    subject_case: str = ""  # "hoa" or "thuong": the trích yếu's first letter; "" = the system's


@dataclass(frozen=True)
class Profile:
    """An issuing body, its bases merged in: what the header, signature, Nơi nhận and tasks need."""

    key: str
    file: Path
    system: str
    parent_body: str  # printed above the issuer, not bold; "" for none
    issuer_lines: tuple[str, ...]  # printed in capitals, bold
    name: str  # as written in running text: "LĐLĐ tỉnh Lai Châu"
    full_name: str  # as cited by others: "Liên đoàn Lao động tỉnh Lai Châu"
    symbol: str  # issuer part of ký hiệu: "LĐLĐ", "TU", "BTGTU"
    place: str  # date-line place name
    collective: str  # "Ban Thường vụ", or ""
    signers: tuple[Signer, ...]
    default_signer: str
    departments: tuple[Department, ...]
    units: tuple[Unit, ...]  # bodies directly below, one per line as they are addressed
    units_heading: str  # how the plan names them together: "Các LĐLĐ huyện, thành phố, ..."
    recipients: tuple[str, ...]
    archive: str  # after "Lưu: " (or "Lưu " for the Party): "VT, TG-NC", "Văn phòng Tỉnh ủy"
    layout: Layout
    template: Path | None = None
    sources: tuple[Path, ...] = ()  # this file and its bases, for change detection
    people: str = ""  # who its plans address: "đoàn viên, người lao động và cán bộ công đoàn các cấp"
    area: str = ""  # where: "trên địa bàn tỉnh"
    kinds: tuple[str, ...] = ()  # which task owners it is: ("cong_doan",)
    superiors: tuple[str, ...] = ()  # sent the plan for their information: "(b/c)" in Nơi nhận
    drafting_dept: str = ""  # department that drafts its Công văn by default (abbreviation or name)
    term: str = ""  # term of its committee, when others cite it: "XV" → "(khóa XV)"
    issuer_text: str = ""  # the issuing body's name as the header prints it, in ordinary case: "Ủy ban nhân dân tỉnh Gia Lai"

    @property
    def subject(self) -> str:
        """Who issues, as the opening sentence names it: 'Ban Thường vụ LĐLĐ tỉnh Lai Châu'."""
        return f"{self.collective} {self.name}".strip()

    def signer(self, key: str | None) -> Signer:
        wanted = key or self.default_signer
        for signer in self.signers:
            if signer.key == wanted:
                return signer
        raise KeyError(wanted)

    def department(self, name_or_abbr: str) -> Department | None:
        folded = name_or_abbr.casefold()
        for dept in self.departments:
            if folded in (dept.name.casefold(), dept.abbr.casefold(), dept.symbol.casefold()):
                return dept
        return None


@dataclass(frozen=True)
class Task:
    """One task of a document: its heading, its paragraphs, and the kinds of body it is for (owners)."""

    title: str
    paragraphs: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reporting:
    """Where the units of a document report: "báo cáo kết quả về {to} (qua {via}) trước ngày {by}"."""

    to: str  # "Ủy ban nhân dân tỉnh"
    via: str = ""  # "Sở Khoa học và Công nghệ"
    by: PartialDate | None = None
    system: str = ""  # the system of the body reported to (nha_nuoc, dang, cong_doan); "" when unknown


@dataclass(frozen=True)
class DocRef:
    """A document as others cite it: a parent, or a generated plan seen from below."""

    key: str
    type_name: str  # "Kế hoạch", "Chỉ thị"
    type_code: str  # "KH", "CT"; "" for a Công văn of the State or a union
    number: str  # "349"; "" when not yet issued
    issuer_symbol: str  # "TLĐ", "TW", "LĐLĐ-TGNC"
    system: str
    date: PartialDate | None
    issuer: str  # as cited after "của": "Tổng Liên đoàn Lao động Việt Nam"
    subject: str | None  # literal trích yếu, lower-case start: "về tiếp tục đổi mới ..."
    subject_prefix: str = ""  # when subject is None: "về thực hiện" + the citation of subject_of
    subject_of: str | None = None  # key of the document the subject cites (default: first parent)
    implements: tuple[str, ...] = ()
    tasks: tuple[Task, ...] = ()
    file: Path | None = None
    people: str = ""  # who its tasks address, replaced by the child's own people when they flow down
    generated: bool = False  # a plan kehoach drafts (in the workspace or from a record), not an outside document
    reporting: Reporting | None = None  # where its units report (its own plan's, or read from its tasks)
    name: str = ""  # a document without a number is cited by name: "Chương trình công tác năm 2023"
    term: str = ""  # term of the issuing committee: "XII" → "của Ban Bí thư Trung ương Đảng (khóa XII)"
    about: bool | None = None  # "về" before its trích yếu: forced (True), forbidden (False), or by rule (None)

    @property
    def issued(self) -> bool:
        return bool(self.number) and self.date is not None and self.date.complete


@dataclass(frozen=True)
class Block:
    """One paragraph of the body, already numbered: composition decides the text, the template the look."""

    kind: str  # "muc" (I.), "khoan" (1.), "diem" (a)), "doan" (body text)
    text: str


@dataclass(frozen=True)
class Section:
    """A section of a plan's body: its title, paragraphs and sub-sections, or one kehoach drafts (auto)."""

    title: str = ""
    paragraphs: tuple[str, ...] = ()
    children: tuple[Section, ...] = ()
    auto: str = ""  # "muc_dich_yeu_cau", "nhiem_vu", "to_chuc_thuc_hien": drafted by kehoach
    numbered: bool = True  # False: printed as written, and the next sibling takes the number this one did not


@dataclass(frozen=True)
class Cite:
    """One document cited in the opening."""

    key: str
    form: str = "day_du"  # day_du | chuoi | ngay | ngan (drafting/citations.py)
    word: str = ""  # its own lead word, mid-sentence: "căn cứ" in "Thực hiện A, B; căn cứ C"
    sep: str = ""  # separator before it: "cham_phay" ("; ") or "phay" (", "); "" = the opening's


@dataclass(frozen=True)
class Opening:
    """How the opening cites the documents a plan implements: lead word, citations, joins and style."""

    word: str = "Thực hiện"  # lead word of the first citation: "Thực hiện", "Căn cứ" …
    cites: tuple[Cite, ...] = ()
    extra: str = ""  # appended after the citations: "và chỉ đạo của Thường trực Tỉnh ủy"
    short_note: str | None = None  # "viết tắt là" (list) / "sau đây viết tắt là" (narrative) when None; "" for
    # "(Kế hoạch số …)"; "-" for no short form at all
    joiner: str = ""  # doan_moi | cham_doan_moi | cham | cham_phay | phay; "" = by kind and style
    sentence: str = ""  # the issuing sentence, with {placeholders}
    literal: tuple[str, ...] = ()  # the whole opening written by hand
    style: str = "liet_ke"  # liet_ke (Thực hiện A; B) or tuong_thuat (Ngày …, X đã ban hành A …)
    sep: str = "cham_phay"  # between citations: "cham_phay" or "phay"


@dataclass(frozen=True)
class PlanSpec:
    """A plan file as read: what to draft, for which body, implementing which documents."""

    key: str
    file: Path
    profile_ref: str
    kind: str  # ke_hoach | huong_dan | cong_van
    type_name: str  # "Kế hoạch", "Kế hoạch hành động", "Hướng dẫn", "Công văn"
    number: str
    date: PartialDate
    signer: str | None
    implements: tuple[str, ...]
    subject: str | None  # written by hand; "" = no trích yếu; None = composed from subject_of
    subject_prefix: str
    subject_of: str | None
    opening: Opening
    sections: tuple[Section, ...] | None  # None: the default sections of the kind; (): none at all
    closing: str | None
    closing_addressees: str
    recipients: tuple[str, ...] | None
    extra_recipients: tuple[str, ...]
    archive: str | None
    addressees: tuple[str, ...] = ()  # Kính gửi (Công văn)
    drafting_dept: str = ""  # Công văn symbol suffix: "TGNC"
    assignments: tuple[tuple[str, str], ...] = ()  # (department, task) for Tổ chức thực hiện
    output: str = ""
    point_style: str = "a)"  # third level: "a)" (Vietnamese letters) or "1.1." (decimal, as some offices write)
    tasks: tuple[Task, ...] = ()  # the plan's own nhiệm vụ for the level below; () passes on what it received
    subject_form: str = ""  # day_du | chuoi | ngay | ngan (drafting/citations.py); "" = by kind
    subject_extra: str = ""  # the plan's own words after the cited document: "trên địa bàn xã"
    subject_case: str = ""  # hoa | thuong | nhu_viet; "" = by system
    type_code: str = ""  # the type's code in the number when the type name is not a known one: "ĐHTT"
    numbering: tuple[str, ...] = ()  # style of each level: ("1.", "1.1.", "a)"); () = by kind and profile
    long_dates: bool | None = None  # citations date "15 tháng 01 năm 2024"; None = as the profile says
    allotment: tuple[str, ...] = ()  # phan_cong: "VHXH: 1, 3; KT: 2", who takes which task of the Nhiệm vụ section
    reporting: Reporting | None = None  # bao_cao: the plan's own reporting deadlines (upward, and of its units)
    units_due: PartialDate | None = None  # bao_cao.han_cap_duoi: when its units report to it


@dataclass(frozen=True)
class Draft:
    """Everything a layout template needs, as final text."""

    system: str
    kind: str
    parent_body: str
    issuer_lines: tuple[str, ...]
    number_line: str
    cv_subject: tuple[str, ...]
    national_lines: tuple[str, ...]  # Quốc hiệu + Tiêu ngữ, or "ĐẢNG CỘNG SẢN VIỆT NAM", or a mass organisation's
    date_line: str
    type_title: str
    subject: str
    addressees: tuple[str, ...]
    blocks: tuple[Block, ...]
    authority: str
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...]
    as_parent: DocRef = field(compare=False, default=None)  # type: ignore[assignment]
    doc_title: str = ""  # the file's title property: type and trích yếu
    author: str = ""  # the file's author property: the issuing body
    issuer_mark: str = ""  # under the issuer: "*", "***", "gach" (a rule) or "" (nothing)
