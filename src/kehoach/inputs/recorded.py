"""A generated draft as a parent: the document and its citation chain, read from the record beside the draft.

The record itself is written by the workspace stage (workspace/record.py); this is the part a plan reads as input.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kehoach.errors import InputError, Problem
from kehoach.inputs.models import DocRef, Reporting, Task
from kehoach.text.vntext import parse_date

RECORD_DIR = ".kehoach"


def record_path(output: Path) -> Path:
    return output.parent / RECORD_DIR / f"{output.stem}.json"


def doc_to_json(doc: DocRef) -> dict[str, Any]:
    raw = asdict(doc)
    raw["date"] = doc.date.iso() if doc.date else None
    raw["file"] = str(doc.file) if doc.file else None
    if doc.reporting is not None:
        raw["reporting"]["by"] = doc.reporting.by.iso() if doc.reporting.by else None
    return raw


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


def parent_chain(ref: Path) -> list[DocRef]:
    """A generated draft (its .docx or its record) as a parent: the document first, then its chain."""
    path = record_path(ref) if ref.suffix == ".docx" else ref
    if not path.is_file():
        hint = "chưa có bản ghi: hãy soạn bản thảo này bằng kehoach trước" if ref.suffix == ".docx" else "không có tệp"
        raise InputError([Problem(ref, f"không dùng được làm văn bản cấp trên ({hint})")])
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return [doc_from_json(raw["document"])] + [doc_from_json(d) for d in raw.get("chain") or []]
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError([Problem(path, f"bản ghi hỏng, hãy soạn lại bản thảo ({exc})")]) from None
