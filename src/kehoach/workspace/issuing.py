"""After the văn thư issues a document: its number and date go into its plan (and record), and children cite them.

The plan file is edited line by line, so the secretary's comments and layout stay as they were. A draft that still
holds conflict markers is not issued: a person must first choose between the two versions marked in it.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from kehoach.docx.markers import places_in_docx
from kehoach.drafting.citations import short
from kehoach.errors import InputError, KehoachError, Problem
from kehoach.files import write_atomic
from kehoach.generate import new_library
from kehoach.inputs.models import DocRef
from kehoach.inputs.plans import load_plan
from kehoach.inputs.recorded import doc_from_json
from kehoach.inputs.yamlfile import read_yaml
from kehoach.text.symbols import number_line
from kehoach.text.vntext import PartialDate, long_date, parse_date, short_date
from kehoach.workspace.folders import Workspace
from kehoach.workspace.record import NUMBER_PENDING, read_record, resolve_input, write_record


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


def _workspace_of(plan_file: Path) -> Workspace | None:
    """The workspace of a plan (a folder with ke-hoach/ above the plan), if it is in one."""
    for folder in plan_file.resolve().parents:
        plans = folder / "ke-hoach"
        if plans.is_dir() and plan_file.resolve().is_relative_to(plans.resolve()):
            try:
                return Workspace.open(folder)
            except (InputError, OSError, UnicodeDecodeError, ValueError):
                return None
    return None


def _draft_of(ws: Workspace | None, plan_file: Path) -> Path | None:
    """The draft of a plan in its workspace, if there is one."""
    try:
        return ws.output_of(plan_file.resolve()) if ws is not None else None
    except (InputError, OSError, UnicodeDecodeError, ValueError):
        return None


def _before(issued: PartialDate, parent: PartialDate) -> bool:
    """The issue date is surely earlier than the parent's (a parent dated "tháng 11 năm 2026" is not before the
    15th of that month: only a date before its first possible day is)."""
    return (issued.year, issued.month or 1, issued.day or 1) < (parent.year, parent.month or 1, parent.day or 1)


def _too_early(date: PartialDate, parent: DocRef) -> str:
    assert parent.date is not None
    return (f"ngày ban hành {short_date(date)} (--ngay) sớm hơn ngày của văn bản cấp trên {short(parent)} "
            f"({short_date(parent.date)}): văn bản thực hiện không ban hành trước văn bản nó thực hiện; hãy xem lại "
            f"ngày (nhất là năm), hoặc thêm {EARLIER_OPTION} nếu đúng là như vậy")


EARLIER_OPTION = "--truoc-cap-tren"


def _plan_not_before_parents(plan_file: Path, date: PartialDate, ws: Workspace | None) -> None:
    """InputError naming each parent of the plan (its line in thuc_hien) dated after `date`; a parent that cannot be
    read is left to the build to report."""
    loc = read_yaml(plan_file)
    refs = loc.data.get("thuc_hien")
    paths = [(("thuc_hien", i), r) for i, r in enumerate(refs)] if isinstance(refs, list) else [(("thuc_hien",), refs)]
    library = new_library(ws.index() if ws is not None else None)
    problems = []
    for path, ref in paths:
        if not isinstance(ref, str) or not ref.strip():
            continue
        try:
            parent = library.resolve(ref.strip(), plan_file.parent)
        except KehoachError:
            continue
        if parent.date is not None and _before(date, parent.date):
            problems.append(loc.problem(path, _too_early(date, parent)))
    if problems:
        raise InputError(problems)


def _record_not_before_parents(draft: Path, record: dict[str, object], date: PartialDate) -> None:
    """The same for a draft without a plan: its parents are in its record's chain."""
    document = record.get("document")
    chain = record.get("chain")
    if not isinstance(document, dict) or not isinstance(chain, list):
        return
    parents = set(document.get("implements") or ())
    problems = []
    for raw in chain:
        try:
            parent = doc_from_json(raw)
        except (KeyError, TypeError, ValueError):
            continue
        if parent.key in parents and parent.date is not None and _before(date, parent.date):
            problems.append(Problem(draft, _too_early(date, parent)))
    if problems:
        raise InputError(problems)


def issue_plan(plan_file: Path, number: str, when: str, earlier: bool = False) -> str:
    """Write the number and date into the plan. `earlier`: accept a date before a parent's (refused otherwise:
    the slip of a year a văn thư makes, trial 1 §10)."""
    number, date = _checked(number, when)
    load_plan(plan_file)  # a broken plan is reported as it is, before anything is written
    ws = _workspace_of(plan_file)
    if not earlier:
        _plan_not_before_parents(plan_file, date, ws)
    draft = _draft_of(ws, plan_file)
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


def issue_draft(draft: Path, number: str, when: str, earlier: bool = False) -> list[str]:
    """A generated .docx: its record carries the number and date; its plan too, when it has one."""
    number, date = _checked(number, when)
    _refuse_conflicts(draft)
    record = read_record(draft)
    if record is None:
        raise InputError([Problem(draft, "không có bản ghi kehoach bên cạnh bản thảo này (thư mục .kehoach/)")])
    plans = [Path(resolve_input(draft.parent, name)) for name in (record.get("inputs") or {}).get("plan", {})]
    plans = [plan for plan in plans if plan.is_file()]
    if not earlier and not plans:
        _record_not_before_parents(draft, record, date)
    done = [issue_plan(plan, number, when, earlier) for plan in plans]
    document = record.get("document")
    if document is None:
        raise InputError([Problem(draft, "bản ghi bên cạnh bản thảo không có phần 'document': hãy soạn lại bản thảo")])
    document["number"] = number
    document["date"] = date.iso()
    if plans:  # the next build prints them in the draft; until then it is not the issued document (keep.save)
        record[NUMBER_PENDING] = True
    path = write_record(draft, record)
    done.append(f"Đã ghi số {number}, ngày {short_date(date)} vào bản ghi {path}")
    if not plans:  # nothing will draft it again: the .docx is the văn thư's to complete, as issued documents are
        line = number_line(number, str(document.get("type_code") or ""), str(document.get("issuer_symbol") or ""),
                           str(document.get("system") or ""))
        done.append(f"Bản thảo {draft} không có tệp kế hoạch (soạn bằng kehoach tao --ho-so) nên không được soạn lại, "
                    f"tệp .docx giữ nguyên: hãy gõ số và ngày vào bản thảo trong Word ('{line}', "
                    f"'ngày {long_date(date)}').")
    return done
