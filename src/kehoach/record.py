"""The generation record beside each draft: what produced it, and the text that was generated.

It is machine-owned (like copier's answers file): incremental builds compare its hashes, three-way merges use
its paragraphs as the base, and the next level down cites the plan from it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import __version__
from .models import Draft
from .render import write_atomic

RECORD_DIR = ".kehoach"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record_path(output: Path) -> Path:
    return output.parent / RECORD_DIR / f"{output.stem}.json"


def build_record(draft: Draft, output: Path, inputs: dict[str, list[Path]], data: bytes) -> dict[str, Any]:
    doc = draft.as_parent
    parent = asdict(doc)
    parent["date"] = doc.date.iso() if doc.date else None
    parent["file"] = str(doc.file) if doc.file else None
    return {
        "_ghi_chu": "Tệp do kehoach tạo và quản lý. KHÔNG SỬA BẰNG TAY.",
        "kehoach": __version__,
        "output": output.name,
        "output_sha256": hashlib.sha256(data).hexdigest(),
        "inputs": {role: {str(p): sha256(p) for p in paths} for role, paths in inputs.items()},
        "paragraphs": [b.text for b in draft.blocks],
        "document": parent,
    }


def write_record(output: Path, record: dict[str, Any]) -> Path:
    path = record_path(output)
    write_atomic(path, json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))
    return path


def read_record(output: Path) -> dict[str, Any] | None:
    path = record_path(output)
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))
