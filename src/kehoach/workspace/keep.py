"""Writing a draft over an older one without losing what a person changed in it.

The file on disk is compared with what kehoach generated last (its record): untouched, it is replaced; edited, it is
backed up and the edits are merged into the new draft paragraph by paragraph (merge.py).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from kehoach.files import write_atomic
from kehoach.generate import Rendered
from kehoach.workspace.merge import from_json, merge
from kehoach.workspace.record import RECORD_DIR, build_record, generated_sha, read_record, write_record

# Statuses, as reports print them.
CREATED, REGENERATED, MERGED, CONFLICT = "soạn mới", "soạn lại", "hợp nhất", "xung đột"


@dataclass(frozen=True)
class Saved:
    status: str
    detail: str = ""


def save(result: Rendered, dry_run: bool = False) -> Saved:
    target = result.output
    ours = target.read_bytes() if target.is_file() else None
    record = read_record(target)
    if ours is None:
        return _write(result, dry_run, Saved(CREATED if record is None else REGENERATED))
    if record is not None and hashlib.sha256(ours).hexdigest() == generated_sha(record):
        return _write(result, dry_run, Saved(REGENERATED))
    backup = backup_path(target)
    if record is None:
        # A file with the draft's name that kehoach did not write: keep it aside, never merge into a stranger.
        return _write(result, dry_run, Saved(CREATED, f"tệp cũ không do kehoach soạn, đã sao lưu: {backup}"), ours, backup)
    merged = merge(from_json(record.get("paragraphs") or []), ours, result.data)
    if merged.conflicts:
        where = ", ".join(f"đoạn {c.position}" for c in merged.conflicts)
        saved = Saved(CONFLICT, f"{len(merged.conflicts)} chỗ cả hai bên cùng sửa ({where}), đã giữ cả hai bản có đánh "
                                f"dấu; bản đã sửa được sao lưu: {backup}")
    else:
        saved = Saved(MERGED, f"giữ {merged.kept_edits} chỗ sửa tay; bản đã sửa được sao lưu: {backup}")
    return _write(result, dry_run, saved, ours, backup, merged.data)


def _write(result: Rendered, dry_run: bool, saved: Saved, ours: bytes | None = None, backup: Path | None = None,
           merged: bytes | None = None) -> Saved:
    if not dry_run:
        if ours is not None and backup is not None:
            write_atomic(backup, ours)  # first: whatever happens next, the person's file exists somewhere
        write_draft(result, merged)
    return saved


def write_draft(result: Rendered, merged: bytes | None = None) -> Path:
    """The draft (or hand edits merged into it), then its record: a reader never sees a record ahead of its draft.

    Returns the record's path."""
    record = build_record(result.draft, result.output, result.inputs, result.data, result.chain, merged)
    write_atomic(result.output, merged if merged is not None else result.data)
    return write_record(result.output, record)


def backup_path(output: Path) -> Path:
    folder = output.parent / RECORD_DIR / "sao-luu"
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path, n = folder / f"{output.stem}.{stamp}.docx", 1
    while path.exists():  # two builds in one second must not overwrite the first backup
        n += 1
        path = folder / f"{output.stem}.{stamp}-{n}.docx"
    return path
