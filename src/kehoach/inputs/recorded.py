"""A generated draft as a parent: the document and its citation chain, read from the record beside the draft.

The record itself is written by the workspace stage (workspace/record.py); this is the part a plan reads as input.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kehoach.errors import InputError, Problem
from kehoach.files import MB, read_input
from kehoach.inputs.models import DocRef, Reporting, Task
from kehoach.text.vntext import PartialDate, parse_date

RECORD_DIR = ".kehoach"
MAX_RECORD = 64 * MB  # a record holds a draft's text and fingerprints: a long plan's is a few hundred KB

# The type of each field a record must have when it has it (older records lack some; newer ones may add others).
_FIELDS: dict[str, type | tuple[type, ...]] = {
    "kehoach": str, "output": str, "generated_sha256": (str, type(None)), "output_sha256": (str, type(None)),
    "inputs": dict, "text": list, "paragraphs": list, "document": dict, "chain": list, "xung_dot": list,
}
_DOC_FIELDS = frozenset(DocRef.__dataclass_fields__) - {"date", "file", "implements", "tasks", "reporting"}
_DOC_TEXT = ("key", "type_name", "type_code", "number", "issuer_symbol", "system", "issuer", "subject_prefix", "people")


def record_path(output: Path) -> Path:
    return output.parent / RECORD_DIR / f"{output.stem}.json"


def doc_to_json(doc: DocRef) -> dict[str, Any]:
    raw = _plain(doc)
    raw["date"] = doc.date.iso() if doc.date else None
    raw["file"] = str(doc.file) if doc.file else None
    if doc.reporting is not None:
        raw["reporting"]["by"] = doc.reporting.by.iso() if doc.reporting.by else None
    return raw  # type: ignore[no-any-return]


def _plain(value: Any) -> Any:
    """dataclasses.asdict without its deep copies (every record writes a few documents; the values are immutable)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return type(value)(_plain(v) for v in value)
    return value


def doc_from_json(raw: dict[str, Any]) -> DocRef:
    fields = dict(raw)
    fields["date"] = parse_date(raw["date"]) if raw.get("date") else None
    fields["file"] = Path(raw["file"]) if raw.get("file") else None
    fields["implements"] = tuple(raw.get("implements") or ())
    fields["tasks"] = tuple(Task(t["title"], tuple(t.get("paragraphs") or ()), tuple(t.get("owners") or ()))
                            for t in raw.get("tasks") or ())
    if raw.get("reporting"):
        report = dict(raw["reporting"])
        report["by"] = parse_date(report["by"]) if report.get("by") else None
        fields["reporting"] = Reporting(**{k: v for k, v in report.items() if k in Reporting.__dataclass_fields__})
    return DocRef(**{k: v for k, v in fields.items() if k in DocRef.__dataclass_fields__})


def load_record(path: Path, documents: bool = True) -> dict[str, Any]:
    """A record read and checked: an object whose known fields have their types. InputError when it is damaged
    (truncated, empty, `[]`, a field of the wrong type), saying what to do.

    `documents=False` leaves the documents inside unchecked (whether a draft is up to date does not read them; a
    no-op build reads thousands of records); they are checked where they are used: as a parent, when issuing."""
    data = read_input(path, MAX_RECORD, "bản ghi")
    try:
        raw = json.loads(data.decode("utf-8"))
    except json.JSONDecodeError as exc:
        where = f"dòng {exc.lineno}, cột {exc.colno}" if exc.doc else "tệp rỗng"
        raise _damaged(path, f"không phải JSON đọc được: {where}") from None
    except (UnicodeDecodeError, ValueError):
        raise _damaged(path, "không phải JSON đọc được") from None
    reason = _shape_problem(raw, documents)
    if reason:
        raise _damaged(path, reason)
    return raw  # type: ignore[no-any-return]


_DOCUMENT_KEY = b'"document":'


def document_of(path: Path) -> DocRef | None:
    """The document a record carries, without reading the rest of it (a tree of 3,000 plans reads 3,000 records; the
    document is a tenth of one); None when it cannot be read whole and checked.

    The record is JSON written by kehoach: `"document":` there is its key (never inside a string, where the quotes
    would be escaped; no other object has such a key), so its value is read from where the key ends."""
    try:
        data = read_input(path, MAX_RECORD, "bản ghi")
        at = data.find(_DOCUMENT_KEY)
        if at < 0:
            return None
        text = data.decode("utf-8")
        start = len(data[:at + len(_DOCUMENT_KEY)].decode("utf-8"))
        raw, _end = json.JSONDecoder().raw_decode(text, start)
        if _doc_problem(raw):
            return None
        return doc_from_json(raw)
    except (InputError, ValueError, KeyError, TypeError):
        return None


_NOT_SUMMARISED = ("tasks", "reporting", "file")  # the file: the plan's, as it is named now (doc_from_summary)


def summary(record: dict[str, Any]) -> bytes | None:
    """The document a record carries, without its tasks and reporting line: what a tree of the workspace shows of
    it (its citation, what it implements, whether it is issued), as compact JSON (UTF-8), small enough to keep in
    the build's index for 10,000 drafts (about 400 bytes each). None when the record has no document that
    document_of would read."""
    doc = record.get("document")
    if not isinstance(doc, dict):
        return None
    # As JSON has it: a record just built holds tuples where the file holds lists.
    kept = {k: list(v) if isinstance(v, tuple) else v for k, v in doc.items() if k not in _NOT_SUMMARISED}
    if _doc_problem(kept):
        return None
    return json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def doc_from_summary(raw: dict[str, Any] | bytes, file: Path) -> DocRef | None:
    """The DocRef of a `summary` (its JSON, or that read; no tasks, no reporting line), as the file `file` names it;
    None when it cannot be read (a date that is not one)."""
    try:
        if isinstance(raw, bytes):
            raw = json.loads(raw)
        if not isinstance(raw, dict):
            return None
        date = _date(raw["date"]) if raw.get("date") else None
        implements = tuple(raw.get("implements") or ())
        return DocRef(**{k: v for k, v in raw.items() if k in _DOC_FIELDS},  # type: ignore[arg-type]
                      date=date, file=file, implements=implements)
    except (ValueError, KeyError, TypeError):
        return None


@lru_cache(maxsize=1024)
def _date(text: str) -> PartialDate:
    """parse_date of a recorded date (the drafts of one workspace share a few dates; a PartialDate is immutable)."""
    return parse_date(text)


def _damaged(path: Path, reason: str) -> InputError:
    return InputError([Problem(path, f"bản ghi bị hỏng ({reason}); đây là tệp kehoach tự quản lý: hãy xóa nó rồi soạn "
                                     "lại (bản thảo đang có sẽ được sao lưu, không mất)")])


def _shape_problem(raw: Any, documents: bool) -> str | None:
    if not isinstance(raw, dict):
        return f"cần một đối tượng JSON, không phải {type(raw).__name__}"
    for key, kind in _FIELDS.items():
        if key in raw and not isinstance(raw[key], kind):
            return f"trường '{key}' sai kiểu"
    for role, files in (raw.get("inputs") or {}).items():
        if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
            return f"trường 'inputs.{role}' sai kiểu"
    if not documents:
        return None
    if "document" in raw and (problem := _doc_problem(raw["document"])):
        return f"trường 'document': {problem}"
    for i, doc in enumerate(raw.get("chain") or []):
        problem = _doc_problem(doc)
        if problem:
            return f"trường 'chain' mục thứ {i + 1}: {problem}"
    return None


def _doc_problem(doc: Any) -> str | None:
    if not isinstance(doc, dict):
        return "cần một đối tượng"
    for key in _DOC_TEXT:
        if key in doc and not isinstance(doc[key], str):
            return f"'{key}' sai kiểu"
    for key in ("date", "subject", "subject_of", "file"):
        if doc.get(key) is not None and not isinstance(doc[key], str):
            return f"'{key}' sai kiểu"
    if doc.get("reporting") is not None and not isinstance(doc["reporting"], dict):
        return "'reporting' sai kiểu"
    if not isinstance(doc.get("implements") or [], list) or not all(isinstance(i, str) for i in doc.get("implements") or []):
        return "'implements' sai kiểu"
    for task in doc.get("tasks") or []:
        if not (isinstance(task, dict) and isinstance(task.get("title"), str)
                and all(isinstance(p, str) for p in task.get("paragraphs") or [])
                and all(isinstance(o, str) for o in task.get("owners") or [])):
            return "'tasks' sai kiểu"
    return None


def parent_chain(ref: Path) -> list[DocRef]:
    """A generated draft (its .docx or its record) as a parent: the document first, then its chain."""
    path = record_path(ref) if ref.suffix == ".docx" else ref
    if not path.is_file():
        hint = "chưa có bản ghi: hãy soạn bản thảo này bằng kehoach trước" if ref.suffix == ".docx" else "không có tệp"
        raise InputError([Problem(ref, f"không dùng được làm văn bản cấp trên ({hint})")])
    raw = load_record(path)
    try:
        return [doc_from_json(raw["document"])] + [doc_from_json(d) for d in raw.get("chain") or []]
    except (ValueError, KeyError, TypeError) as exc:
        raise _damaged(path, str(exc)) from None
