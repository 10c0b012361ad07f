"""The generation record beside each draft: what produced it, and the text that was generated.

It is machine-owned (like copier's answers file): incremental builds compare its hashes, three-way merges use
the parts it keeps as the base (merge/base.py), and the next level down cites the plan from it. Conflicts a merge
left in the draft are counted in it, so every later build reports them until a person resolves them.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from kehoach import __version__
from kehoach.files import Batch, write_atomic
from kehoach.inputs import once
from kehoach.inputs.models import DocRef, Draft
from kehoach.inputs.paths import builtin_profiles, builtin_templates
from kehoach.inputs.recorded import RECORD_DIR, doc_to_json, load_record, record_path
from kehoach.workspace.merge import base as merge_base

__all__ = ["CHANGED_AFTER_ISSUE", "NUMBER_PENDING", "RECORD_DIR", "build_record", "conflicts_of", "generated_sha",
           "read_record", "record_path", "recorded_inputs_of", "resolve_input", "sha256", "write_record"]
CONFLICTS = "xung_dot"
# ban-hanh wrote a number and date into the record of a draft that has a plan: the draft itself gets them at the next
# build (until then it is not yet the issued document, and may be regenerated).
NUMBER_PENDING = "so_chua_in"
# What changed in an issued draft's inputs since it was issued (the draft is never rewritten: keep.save).
CHANGED_AFTER_ISSUE = "doi_sau_ban_hanh"


def sha256(path: Path) -> str:
    """The hash of an input as a record names it: of the bytes the build read, when it read them (inputs/once.py)."""
    return once.digest(path) or hashlib.sha256(path.read_bytes()).hexdigest()


def build_record(draft: Draft, output: Path, inputs: dict[str, list[Path]], data: bytes,
                 chain: tuple[DocRef, ...] = (), written: bytes | None = None,
                 conflicts: list[str] | None = None, parts: dict[str, tuple[bytes, bytes]] | None = None
                 ) -> dict[str, Any]:
    """`data` is what kehoach generated; `written` what went to disk when hand edits were merged into it, with
    `conflicts` the places of the conflicts marked in it; `parts` the generated parts (LoadedTemplate.render_parts)."""
    base = output.parent
    generated = hashlib.sha256(data).hexdigest()
    return {
        "_ghi_chu": "Tệp do kehoach tạo và quản lý. KHÔNG SỬA BẰNG TAY.",
        "kehoach": __version__,
        "output": output.name,
        "generated_sha256": generated,
        "output_sha256": hashlib.sha256(written).hexdigest() if written is not None else generated,
        "inputs": recorded_inputs_of(inputs, base),
        "text": [b.text for b in draft.blocks],
        # The base of the next three-way merge: the generated parts, compressed; fingerprinted only when merging.
        merge_base.KEY: merge_base.keep(data, record_path(output).parent, parts=parts),
        CONFLICTS: list(conflicts or []),
        "document": doc_to_json(draft.as_parent),
        # Everything the document cites, so a child made from this record alone still writes the whole chain.
        # A parent's form is the same for every draft of its folder: made once per build (its object lives as long).
        "chain": [_doc_json(d) for d in chain],
    }


def recorded_inputs_of(inputs: dict[str, list[Path]], base: Path) -> dict[str, dict[str, str]]:
    """The inputs as a record names them: by role, each path with its sha256."""
    # Paths relative to the draft's folder: a workspace copied or cloned elsewhere stays up to date.
    return {role: {_relative(p, base): sha256(p) for p in paths} for role, paths in inputs.items()}


def _doc_json(doc: DocRef) -> dict[str, Any]:
    """A parent's form is the same in every draft of its folder: made once per build (its object lives as long)."""
    return once.memo(("document", id(doc)), lambda: (doc, doc_to_json(doc)))[1]


BUILTIN = _BUILTIN = "kehoach:"  # a built-in profile or template: found wherever kehoach is installed


def _relative(path: Path, base: Path) -> str:
    # Every draft of a folder names the same parents, bases and template: each said once per build.
    return once.memo(("relative", str(path), str(base)), lambda: _relative_now(path, base))


def _relative_now(path: Path, base: Path) -> str:
    full = once.realpath(str(path))  # Path.resolve(), once per folder in a build
    for name, folder in _builtins():
        if full.startswith(folder):
            return f"{_BUILTIN}{name}/{Path(full[len(folder):]).as_posix()}"
    folder = once.realpath(str(base))
    try:
        return os.path.relpath(full, folder)
    except ValueError:  # another drive on Windows
        return full


@lru_cache(maxsize=1)
def _builtins() -> tuple[tuple[str, str], ...]:
    """(name, real path with a trailing separator) of the built-in profile and template folders."""
    return tuple((folder.name, os.path.join(os.path.realpath(folder), "")) for folder in (builtin_profiles(),
                                                                                         builtin_templates()))


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


def conflicts_of(record: dict[str, Any]) -> list[str]:
    """Places of the conflicts the last merge marked in the draft (a person may have resolved them since)."""
    found = record.get(CONFLICTS)
    return [str(x) for x in found] if isinstance(found, list) else []


def write_record(output: Path, record: dict[str, Any], batch: Batch | None = None) -> Path:
    """Write (or, with `batch`, add to it) the record of a draft; returns its path."""
    path = record_path(output)
    # Compact: json's C encoder (indented output is written by its slow Python encoder); the file is machine-owned.
    data = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if batch is None:
        write_atomic(path, data)
    else:
        batch.add(path, data)
    return path


def read_record(output: Path, documents: bool = True) -> dict[str, Any] | None:
    """The record beside a draft, None when there is none; InputError naming it when it is damaged.

    `documents=False`: the documents it carries are not checked (recorded.load_record)."""
    path = record_path(output)
    if not os.path.lexists(path):
        return None
    return load_record(path, documents)
