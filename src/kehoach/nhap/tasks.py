"""The tasks of a document read back as nhiệm vụ ready to flow down (drafting/flow.py).

The reverse of the writer (drafting/sections.py): under the section of tasks (Nhiệm vụ, Nội dung, Nhiệm vụ và giải
pháp …), a numbered item with text under it is a task with a heading and paragraphs; a numbered item alone is a
task of one sentence; a Công văn's numbered groups ("1. Đối với các cấp công đoàn", "2. Trung tâm …") hold one task
per dash item, given to the kind of body the group names. The issuer's own audience and area become {doi_tuong}
and {dia_ban}, so each level below reads its own; a task addressed to another kind of body ("Đề nghị Ủy ban MTTQ và
các tổ chức chính trị - xã hội …") gets giao_cho, marked for the person to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.docx.model import Para
from kehoach.kiemtra.structure import KHOAN, roman_heading
from kehoach.nhap.names import fold, kinds_in

_TASK_SECTION = re.compile(r"nhiem vu|noi dung|giai phap")
_NOT_TASKS = re.compile(r"to chuc thuc hien|muc dich|muc tieu|yeu cau|ket qua|tinh hinh")
_POINT = re.compile(r"^(?:\d{1,2}\.\d{1,2}\.?|[a-zđ]\))\s")
_CLOSING = re.compile(r"^(?:Trên đây|Đề nghị .*\./\.$|Yêu cầu .*\./\.$)")
_ACT = (r"lãnh đạo|chỉ đạo|tổ chức(?!\s+(?:chính trị|đảng|cơ sở đảng|công đoàn))|phổ biến|quán triệt|tuyên truyền|"
        r"xây dựng|thực hiện|triển khai|phối hợp|tham mưu|"
        r"chủ trì|tăng cường|đẩy mạnh|căn cứ|theo dõi|hướng dẫn|tiếp tục|nghiên cứu|rà soát|kiểm tra|vận động|chủ động|"
        r"tập trung|có trách nhiệm|nghiêm túc|quan tâm|đưa")
_ASKED = re.compile(rf"^Đề nghị\s+(?P<who>.+?)\s+(?:{_ACT})\b")
_LABEL = re.compile(r"^(?P<who>[A-ZĐỦ][^:.;]{3,100}?):\s")
_SUBJECT = re.compile(rf"^(?P<who>Các\s[^:.;]{{2,100}}?)\s+(?:{_ACT})\b")  # "Các sở, ngành tăng cường …"
_GROUP = re.compile(r"^(?:Đối với\s+)?(?P<who>.+)$")
_AREA_BEFORE = r"của|trên địa bàn|trong|toàn|tại|cả|khắp"


@dataclass
class TaskRead:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    para: int = 0
    why: str = ""  # the words naming the body it is given to
    notes: list[tuple[str, str]] = field(default_factory=list)  # (key under the task, message)

    def as_data(self) -> dict:
        data: dict = {"tieu_de": self.title}
        if self.paragraphs:
            data["noi_dung"] = list(self.paragraphs)
        if self.owners:
            data["giao_cho"] = list(self.owners)
        return data


@dataclass
class TasksRead:
    tasks: list[TaskRead]
    section: int | None  # paragraph of the section heading (or of the first group)
    skipped: list[int] = field(default_factory=list)  # introductions left out


def _number_off(text: str) -> str:
    match = KHOAN.match(text)
    return match["rest"] if match else text


def find_section(paras: list[Para], body: list[int]) -> tuple[int | None, list[int]]:
    """(heading, paragraphs) of the section of tasks; for a text without Roman sections, its numbered groups."""
    headings = [i for i in body if roman_heading(paras[i].clean)]
    for n, i in enumerate(headings):
        title = fold(roman_heading(paras[i].clean)["title"])  # type: ignore[index]
        if _TASK_SECTION.search(title) and not _NOT_TASKS.search(title):
            end = headings[n + 1] if n + 1 < len(headings) else None
            return i, [j for j in body if j > i and (end is None or j < end)]
    if headings:
        return None, []
    groups = [i for i in body if KHOAN.match(paras[i].clean)]
    if not groups:
        return None, []
    return groups[0], [j for j in body if j >= groups[0]]


def read_tasks(paras: list[Para], body: list[int], own_kinds: tuple[str, ...], letter: bool) -> TasksRead:
    heading, section = find_section(paras, body)
    tasks: list[TaskRead] = []
    skipped: list[int] = []
    current: TaskRead | None = None
    group_owner: list[str] | None = None
    has_items = any(KHOAN.match(paras[i].clean) for i in section)
    for i in section:
        text = paras[i].clean
        if _CLOSING.match(text):
            break
        if KHOAN.match(text) and not _POINT.match(text):
            item = _number_off(text)
            if letter and not item.endswith("."):
                group = _GROUP.match(item)["who"]  # type: ignore[index]
                group_owner = _owner(group, own_kinds)
                current = None
                continue
            current = TaskRead(item, para=i)
            tasks.append(current)
            continue
        if letter and group_owner is not None:
            if not text.startswith(("-", "+")):
                break  # the closing paragraph after the last group
            tasks.append(TaskRead(text.lstrip("-+ ").strip(), owners=list(group_owner), para=i, why=group))
            continue
        if current is not None:
            current.paragraphs.append(text)
        elif not has_items and text.startswith(("-", "+")):
            tasks.append(TaskRead(text.lstrip("-+ ").strip(), para=i))
        else:
            skipped.append(i)
    for task in tasks:
        if not task.owners:
            task.owners, task.why = _asked(task.title, own_kinds)
        if task.owners:
            task.notes.append(("giao_cho", f"giao cho {', '.join(task.owners)} theo “{task.why}”; hãy kiểm tra"))
    return TasksRead(tasks, heading, skipped)


def _owner(who: str, own_kinds: tuple[str, ...]) -> list[str]:
    kinds = kinds_in(who)
    return [] if not kinds or set(kinds) <= set(own_kinds) else kinds


def _asked(text: str, own_kinds: tuple[str, ...]) -> tuple[list[str], str]:
    match = _ASKED.match(text) or _LABEL.match(text) or _SUBJECT.match(text)
    # A task that names who does it keeps that kind even when it is the issuer's own ("UBND các huyện: …" in a UBND
    # plan): without it, a body of another kind implementing the plan would take the task as its own (issue 11
    # item 4). A group heading of the issuer's own kind is how kehoach writes the issuer's own tasks (_owner).
    return (kinds_in(match["who"]), match["who"]) if match else ([], "")


def generic(text: str, people: str, area: str, names: tuple[str, ...] = ()) -> tuple[str, list[str]]:
    """The issuer's audience as {doi_tuong} and its area as {dia_ban} (after "của", "trên địa bàn", "trong" …, never
    inside a name like "Tỉnh ủy", nor inside `names`, the names of documents the text cites: "Nghị quyết Đại hội Đoàn
    toàn tỉnh lần thứ XVI"); returns the text and the area phrases replaced, for a note."""
    kept = [n for n in names if n and n in text]
    if kept:
        pieces = re.split("(" + "|".join(map(re.escape, sorted(kept, key=len, reverse=True))) + ")", text)
        out, replaced = [], []
        for n, piece in enumerate(pieces):
            if n % 2:
                out.append(piece)
                continue
            done, more = generic(piece, people, area)
            out.append(done)
            replaced += more
        return "".join(out), replaced
    if people:
        # "… công nhân, viên chức, lao động (CNVCLĐ)": the abbreviation belongs to the audience it stands for.
        text = re.sub(rf"(?<!\w){re.escape(people)}(?!\w)(?:\s*\([A-ZĐ]{{2,}}\))?", "{doi_tuong}", text,
                      flags=re.IGNORECASE)
    replaced = []
    if area:
        pattern = re.compile(rf"(?<!\w)({_AREA_BEFORE})\s+{re.escape(area)}(?!\w)(?!\s+(?:ủy|Ủy|[A-ZĐ]))")

        def swap(match: re.Match[str]) -> str:
            replaced.append(match[0])
            return f"{match[1]} {{dia_ban}}"

        text = pattern.sub(swap, text)
    return text, replaced
