"""The generation record beside each draft: what produced it, and the text that was generated.

It is machine-owned (like copier's answers file): incremental builds compare its hashes, three-way merges use
its paragraphs as the base, and the next level down cites the plan from it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import __version__
from .errors import InputError, Problem
from .merge import fingerprint, to_json
from .models import DocRef, Draft, Task
from .paths import builtin_profiles, builtin_templates
from .render import write_atomic
from .vntext import parse_date

RECORD_DIR = ".kehoach"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record_path(output: Path) -> Path:
    return output.parent / RECORD_DIR / f"{output.stem}.json"


def doc_to_json(doc: DocRef) -> dict[str, Any]:
    raw = asdict(doc)
    raw["date"] = doc.date.iso() if doc.date else None
    raw["file"] = str(doc.file) if doc.file else None
    return raw


def doc_from_json(raw: dict[str, Any]) -> DocRef:
    fields = dict(raw)
    fields["date"] = parse_date(raw["date"]) if raw.get("date") else None
    fields["file"] = Path(raw["file"]) if raw.get("file") else None
    fields["implements"] = tuple(raw.get("implements") or ())
    fields["tasks"] = tuple(Task(t["title"], tuple(t.get("paragraphs") or ()), tuple(t.get("owners") or ()))
                            for t in raw.get("tasks") or ())
    return DocRef(**{k: v for k, v in fields.items() if k in DocRef.__dataclass_fields__})


def build_record(draft: Draft, output: Path, inputs: dict[str, list[Path]], data: bytes,
                 chain: tuple[DocRef, ...] = (), written: bytes | None = None) -> dict[str, Any]:
    """`data` is what kehoach generated; `written` what went to disk when hand edits were merged into it."""
    base = output.parent
    return {
        "_ghi_chu": "Tệp do kehoach tạo và quản lý. KHÔNG SỬA BẰNG TAY.",
        "kehoach": __version__,
        "output": output.name,
        "generated_sha256": hashlib.sha256(data).hexdigest(),
        "output_sha256": hashlib.sha256(written if written is not None else data).hexdigest(),
        # Paths relative to the draft's folder: a workspace copied or cloned elsewhere stays up to date.
        "inputs": {role: {_relative(p, base): sha256(p) for p in paths} for role, paths in inputs.items()},
        "text": [b.text for b in draft.blocks],
        # The base of the next three-way merge: every body paragraph as generated, with a hash of its formatting.
        "paragraphs": to_json(fingerprint(data)),
        "document": doc_to_json(draft.as_parent),
        # Everything the document cites, so a child made from this record alone still writes the whole chain.
        "chain": [doc_to_json(d) for d in chain],
    }


_BUILTIN = "kehoach:"  # a built-in profile or template: found wherever kehoach is installed


def _relative(path: Path, base: Path) -> str:
    full = path.resolve()
    for folder in (builtin_profiles(), builtin_templates()):
        if full.is_relative_to(folder.resolve()):
            return f"{_BUILTIN}{folder.name}/{full.relative_to(folder.resolve()).as_posix()}"
    try:
        return os.path.relpath(full, base.resolve())
    except ValueError:  # another drive on Windows
        return str(full)


def resolve_input(base: Path | str, name: str) -> str:
    """The path of an input named in a record, relative to the draft's folder (a string: no-op builds check thousands)."""
    if name.startswith(_BUILTIN):
        kind, _, rest = name[len(_BUILTIN):].partition("/")
        folder = builtin_profiles() if kind == "profiles" else builtin_templates()
        return os.path.join(folder, rest)
    return name if os.path.isabs(name) else os.path.join(base, name)


def generated_sha(record: dict[str, Any]) -> str | None:
    """The hash of what kehoach itself generated last (records of 0.1 only had output_sha256)."""
    return record.get("generated_sha256") or record.get("output_sha256")


def write_record(output: Path, record: dict[str, Any]) -> Path:
    path = record_path(output)
    write_atomic(path, json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))
    return path


def read_record(output: Path) -> dict[str, Any] | None:
    path = record_path(output)
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


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
