"""After the văn thư issues a document: its number and date go into its plan (and record), and children cite them.

The plan file is edited line by line, so the secretary's comments and layout stay as they were. A draft that still
holds conflict markers is not issued: a person must first choose between the two versions marked in it.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from kehoach.docx.markers import places_in_docx
from kehoach.errors import InputError, Problem
from kehoach.files import write_atomic
from kehoach.inputs.plans import load_plan
from kehoach.text.vntext import PartialDate, parse_date, short_date
from kehoach.workspace.folders import Workspace
from kehoach.workspace.record import read_record, resolve_input, write_record


def _set_keys(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        line = re.compile(rf"^{key}\s*:.*$", re.MULTILINE)
        if line.search(text):
            text = line.sub(f"{key}: {value}".replace("\\", "\\\\"), text, count=1)
            continue
        anchor = re.search(r"^loai\s*:.*$", text, re.MULTILINE)
        at = anchor.end() if anchor else 0
        insert = f"\n{key}: {value}" if anchor else f"{key}: {value}\n"
        text = text[:at] + insert + text[at:]
    return text


def _checked(number: str, when: str) -> tuple[str, PartialDate]:
    number = number.strip()
    if not re.fullmatch(r"\d+[A-Za-z]?", number):
        raise InputError([Problem("--so", f"số văn bản '{number}' không hợp lệ (chỉ gồm chữ số, ví dụ 108)")])
    try:
        date = parse_date(when)
    except ValueError as exc:
        raise InputError([Problem("--ngay", f"ngày không hợp lệ: {exc}")]) from None
    if not date.complete:
        raise InputError([Problem("--ngay", "ngày ban hành cần đủ ngày, tháng, năm (ví dụ 30/5/2024)")])
    return number, date


def _refuse_conflicts(draft: Path) -> None:
    """InputError naming each conflict still marked in the draft (none: nothing)."""
    try:
        left = places_in_docx(draft.read_bytes()) if draft.is_file() else []
    except OSError:
        left = []
    if left:
        where = "; ".join(left[:5]) + (f" và {len(left) - 5} chỗ khác" if len(left) > 5 else "")
        raise InputError([Problem(draft, f"bản thảo còn {len(left)} chỗ xung đột chưa xử lý ({where}): chọn một trong "
                                         "hai bản ở mỗi chỗ, xóa các dòng đánh dấu <<<<<<< ======= >>>>>>>, rồi mới "
                                         "ban hành")])


def _draft_of(plan_file: Path) -> Path | None:
    """The draft of a plan in its workspace (a folder with ke-hoach/ above the plan), if there is one."""
    for folder in plan_file.resolve().parents:
        plans = folder / "ke-hoach"
        if plans.is_dir() and plan_file.resolve().is_relative_to(plans.resolve()):
            try:
                return Workspace.open(folder).output_of(plan_file.resolve())
            except (InputError, OSError, UnicodeDecodeError, ValueError):
                return None
    return None


def issue_plan(plan_file: Path, number: str, when: str) -> str:
    number, date = _checked(number, when)
    load_plan(plan_file)  # a broken plan is reported as it is, before anything is written
    draft = _draft_of(plan_file)
    if draft is not None:
        _refuse_conflicts(draft)
    raw = plan_file.read_bytes()
    bom = "\ufeff" if raw.startswith(codecs.BOM_UTF8) else ""
    old = raw.decode("utf-8-sig")
    # Quoted: "010" stays 010 for any YAML reader, not only kehoach's (YAML 1.1 reads a bare 010 as the number 8).
    values = {"so": f"'{number}'", "ngay": short_date(date)}
    new = _set_keys(old, values)
    try:
        load_plan(plan_file, new)
    except InputError:  # the lines could not be edited in place (a plan written {…} on one line, say)
        lines = ", ".join(f"{k}: {v}" for k, v in values.items())
        raise InputError([Problem(plan_file, "không tự ghi được số, ngày vào tệp này (tệp không viết mỗi khóa một "
                                             f"dòng): hãy tự thêm {lines}")]) from None
    write_atomic(plan_file, (bom + new).encode("utf-8"))
    return f"Đã ghi số {number}, ngày {short_date(date)} vào {plan_file}"


def issue_draft(draft: Path, number: str, when: str) -> list[str]:
    """A generated .docx: its record carries the number and date; its plan too, when it has one."""
    number, date = _checked(number, when)
    _refuse_conflicts(draft)
    record = read_record(draft)
    if record is None:
        raise InputError([Problem(draft, "không có bản ghi kehoach bên cạnh bản thảo này (thư mục .kehoach/)")])
    done = []
    for name in (record.get("inputs") or {}).get("plan", {}):
        plan = Path(resolve_input(draft.parent, name))
        if plan.is_file():
            done.append(issue_plan(plan, number, when))
    document = record.get("document")
    if document is None:
        raise InputError([Problem(draft, "bản ghi bên cạnh bản thảo không có phần 'document': hãy soạn lại bản thảo")])
    document["number"] = number
    document["date"] = date.iso()
    path = write_record(draft, record)
    done.append(f"Đã ghi số {number}, ngày {short_date(date)} vào bản ghi {path}")
    return done
