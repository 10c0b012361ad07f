"""Is a draft up to date? Its record lists every input with its hash; the version of kehoach counts as an input.

And does it still hold conflicts? The record counts those a merge marked; only such drafts (and, for `cay`, edited
ones) are opened to see whether a person has resolved them since.

The verdicts of a whole build or tree, from the build's index where it holds, are verdicts.py's (with these rules).
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach import __version__
from kehoach.docx.markers import places_in_docx
from kehoach.errors import KehoachError, os_problem
from kehoach.files import read_regular, signature
from kehoach.workspace.index import Known, trusted_digest
from kehoach.workspace.record import (
    BUILTIN,
    CHANGED_AFTER_ISSUE,
    NUMBER_PENDING,
    conflicts_of,
    generated_sha,
    read_record,
    resolve_input,
)

FRESH, STALE, NEW, DELETED = "moi", "cu", "chua_soan", "da_xoa"


@dataclass(frozen=True)
class DraftState:
    status: str  # FRESH, STALE, NEW (never generated), DELETED (generated, then removed by its owner)
    edited: bool  # the file on disk is not what kehoach generated last
    reason: str = ""  # why STALE, in Vietnamese
    conflicts: tuple[str, ...] = ()  # places of the conflicts still marked in the draft


@dataclass
class Hashes:
    """File hashes for one build: a profile or a directive shared by thousands of plans is read once, and a file
    whose signature is what the last build's index says it was is not read at all (index.py)."""

    # Keyed by absolute path strings: a no-op build of 3,000 drafts checks some 20,000 inputs.
    known: dict[str, str | None] = field(default_factory=dict)
    index: Mapping[str, Known] = field(default_factory=dict)  # the last build's signatures
    seen: dict[str, Known] = field(default_factory=dict)  # signatures newly taken with their hashes, for the next index

    def of(self, path: Path | str) -> str | None:
        return self.of_key(os.path.abspath(path))

    def of_key(self, key: str) -> str | None:
        """`of` for an absolute, normalised path (an index's or a record's input, made so once)."""
        if key not in self.known:
            taken = time.time_ns()
            sig = signature(key)  # before the bytes are read: a later change gives another signature
            digest = trusted_digest(self.index, key, sig)
            if digest is not None:
                self.known[key] = digest  # the next index keeps the old signature (not in `seen`)
            else:
                self.known[key] = digest = file_sha256(key)
                if sig is not None and digest is not None:
                    self.seen[key] = Known(sig, digest, taken)
        return self.known[key]


def file_sha256(path: str) -> str | None:
    """The sha256 (hex) of a regular file's bytes; None when it is missing, unreadable or not a regular file."""
    # Regular files only, never waited on: an input replaced by a FIFO or a device is "changed", not a hang.
    data = read_regular(path)
    return hashlib.sha256(data).hexdigest() if data is not None else None


def draft_state(output: Path, hashes: Hashes, check_edits: bool = True) -> DraftState:
    """`check_edits=False` skips hashing the draft itself (a build only needs to know what is stale, and the
    conflicts its record counts)."""
    return record_state(output, read_record(output, documents=False), hashes, check_edits)


def record_state(output: Path, record: dict[str, Any] | None, hashes: Hashes, check_edits: bool = True) -> DraftState:
    """draft_state, the record beside the draft being `record` (None: there is none)."""
    exists = output.is_file()
    if record is None:
        return DraftState(NEW, exists)
    if not exists:
        return DraftState(DELETED, False)
    edited = check_edits and hashes.of(output) != generated_sha(record)
    left = conflict_places(output) if conflicts_of(record) or edited else ()  # markers of an older kehoach too
    if record.get("kehoach") != __version__:
        return DraftState(STALE, edited, f"soạn bằng kehoach {record.get('kehoach')}, nay là {__version__}", left)
    return judged(recorded_inputs(output, record), hashes, edited, left)


def recorded_inputs(output: Path, record: dict[str, Any]) -> tuple[tuple[str, str, str], ...]:
    """(role, absolute path, recorded sha256) of every input a record names, in its order."""
    base = str(output.parent)
    return tuple((role, os.path.abspath(resolve_input(base, name)), digest)
                 for role, files in (record.get("inputs") or {}).items() for name, digest in files.items())


def judged(inputs: tuple[tuple[str, str, str], ...], hashes: Hashes, edited: bool,
           left: tuple[str, ...]) -> DraftState:
    """The state of a draft from its recorded inputs ((role, absolute path, sha256), as recorded_inputs gives them):
    STALE naming the first input whose bytes now hash otherwise (or that is gone), else FRESH; `edited` and the
    conflict places `left` are carried as given."""
    for role, path, digest in inputs:
        now = hashes.of_key(path)
        if now != digest:
            what = "đã bị xóa" if now is None else "đã thay đổi"
            return DraftState(STALE, edited, f"{_ROLE.get(role, role)} {os.path.basename(path)} {what}", left)
    return DraftState(FRESH, edited, conflicts=left)


def conflict_places(output: Path) -> tuple[str, ...]:
    """Where the draft still has conflict markers (docx/markers.py); () when it cannot be read."""
    try:
        return tuple(places_in_docx(output.read_bytes()))
    except OSError:
        return ()


def damaged_draft(output: Path, rerun: str) -> str:
    """Why a draft kehoach wrote can no longer be read (emptied, truncated, replaced by a folder), or "".

    Such a draft is never merged into nor "không đổi": a person decides (restore the edited copy, or delete it).
    The zip's directory is read (docx/package.zip_problem), not only its first bytes: a truncated draft still
    starts like a zip."""
    from kehoach.docx.package import zip_problem  # python-docx with it: only when a draft is looked at

    try:
        fd = os.open(output, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(fd)
            regular = stat.S_ISREG(info.st_mode)  # a FIFO put in its place is not waited on
            broken = zip_problem(file) if regular and info.st_size else ""
    except OSError as exc:
        return f"không đọc được bản thảo: {os_problem(exc).message}"
    if not regular or not info.st_size or broken:
        what = f"không còn là tệp .docx đọc được ({broken})" if broken else "trống hoặc không còn là tệp .docx"
        return (f"bản thảo {what}; hãy khôi phục bản đã sửa (thư mục .kehoach/sao-luu/ bên cạnh), hoặc xóa tệp rồi "
                f"{rerun}")
    return ""


_ROLE = {"plan": "tệp kế hoạch", "profile": "hồ sơ", "documents": "văn bản cấp trên", "template": "mẫu"}


def issued_record(record: dict[str, Any]) -> bool:
    """The record is of a draft issued as it is (its document has a number and a full date): never rewritten."""
    document = record.get("document")
    if not isinstance(document, dict):
        return False
    date = document.get("date")
    return (bool(document.get("number")) and isinstance(date, str) and len(date.split("-")) == 3
            and not record.get(NUMBER_PENDING))


def changed_after_issue(output: Path) -> str:
    """What changed in the inputs of an issued draft since it was issued ("" when nothing, or it is not issued)."""
    try:
        record = read_record(output, documents=False)
    except KehoachError:
        return ""
    found = (record or {}).get(CHANGED_AFTER_ISSUE)
    return "; ".join(str(x) for x in found) if isinstance(found, list) else ""


def issued_draft(output: Path) -> bool:
    """issued_record of the record beside a draft (False when there is none, or it cannot be read)."""
    try:
        record = read_record(output, documents=False)
    except KehoachError:
        return False
    return record is not None and issued_record(record)


_CHANGED = {"documents": "văn bản cấp trên đã đổi", "plan": "tệp kế hoạch đã đổi", "profile": "hồ sơ đã đổi",
            "template": "mẫu đã đổi"}


def changed_inputs(output: Path, record: dict[str, Any]) -> str:
    """What of the office's inputs changed since the draft was made, by kind ("văn bản cấp trên đã đổi: 349-kh-tld.yaml
    (đã thay đổi); hồ sơ đã đổi: …"), "" when none did. kehoach's own files (built-in templates and profiles) are not
    the office's: a new kehoach is no reason to tell an office about the documents it issued."""
    by_role: dict[str, list[str]] = {}
    for role, files in (record.get("inputs") or {}).items():
        for name, digest in (files or {}).items():
            if name.startswith(BUILTIN):
                continue
            now = file_sha256(os.path.abspath(resolve_input(str(output.parent), name)))
            if now != digest:
                what = "đã bị xóa" if now is None else "đã thay đổi"
                by_role.setdefault(role, []).append(f"{os.path.basename(name)} ({what})")
    return "; ".join(f"{_CHANGED.get(role, role)}: {', '.join(names)}" for role, names in by_role.items())
