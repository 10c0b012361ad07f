"""Writing a draft over an older one without losing what a person changed in it.

The file on disk is compared with what kehoach generated last (its record): untouched, it is replaced; edited, it is
backed up and the edits are merged into the new draft (merge/). A draft that still has conflict markers is not
merged again (the markers would count as the person's text): it waits, reported, until a person resolves them. A
merge that cannot carry something of the person's file leaves the draft as it is, and says what.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.files import Batch, write_atomic
from kehoach.generate import Rendered
from kehoach.workspace.merge import base as merge_base
from kehoach.workspace.record import (
    CHANGED_AFTER_ISSUE,
    RECORD_DIR,
    build_record,
    generated_sha,
    read_record,
    record_path,
    recorded_inputs_of,
    write_record,
)

if TYPE_CHECKING:
    from kehoach.workspace.merge import MergeResult, Place

# Statuses, as reports print them. CONFLICT, UNTOUCHED and ISSUED need a person.
CREATED, REGENERATED, MERGED, CONFLICT, UNTOUCHED = "soạn mới", "soạn lại", "hợp nhất", "xung đột", "giữ nguyên"
ISSUED, UNCHANGED = "đã ban hành", "không đổi"  # an issued draft is not rewritten; whether its inputs changed
NEEDS_PERSON = (CONFLICT, UNTOUCHED, ISSUED)
REDO_ISSUED = "--soan-lai-ban-hanh"  # the option of kehoach tao that alone rewrites an issued draft
_LISTED = 12  # places listed per draft; more are counted


@dataclass(frozen=True)
class Saved:
    status: str
    detail: str = ""  # first line: what happened; next lines: "- " each place
    written: bool = True  # False: the draft on disk was left as it was
    record: dict[str, Any] | None = field(default=None, repr=False, compare=False)  # the record written with it




def save(result: Rendered, dry_run: bool = False, batch: Batch | None = None, redo_issued: bool = False) -> Saved:
    """Write the draft keeping a person's edits. With `batch`, the draft and its record are added to it and written
    when the caller commits it (a backup of a person's file is always written at once).

    A draft whose record says it was issued (a number and a full date) is the office's copy of a signed document: it
    is never rewritten (status ISSUED, or UNCHANGED when none of the office's inputs changed) unless `redo_issued`
    (kehoach tao --soan-lai-ban-hanh, to draft a correction)."""
    target = result.output
    ours = target.read_bytes() if target.is_file() else None
    record = read_record(target)
    if ours is None:  # nothing there to keep: a first draft needs neither the state of drafts nor the markers
        return _write(result, dry_run, Saved(CREATED if record is None else REGENERATED), batch=batch)
    from kehoach.docx.markers import places_in_docx
    from kehoach.workspace.state import issued_record

    if record is not None and not redo_issued and issued_record(record):
        return _kept_issued(result, record, dry_run, batch)
    if record is not None and hashlib.sha256(ours).hexdigest() == generated_sha(record):
        return _write(result, dry_run, Saved(REGENERATED), batch=batch)
    backup = None if dry_run else backup_path(target)
    if record is None:
        # A file with the draft's name that kehoach did not write: keep it aside, never merge into a stranger.
        return _write(result, dry_run, Saved(CREATED, "tệp cũ không do kehoach soạn, " + (
            f"đã sao lưu: {backup}" if backup is not None else "sẽ được sao lưu")), ours,
                      backup, batch=batch)
    left = places_in_docx(ours)
    if left:
        return Saved(CONFLICT, _lines(f"còn {len(left)} chỗ xung đột chưa xử lý: bản thảo chưa được soạn lại theo "
                                      "đầu vào mới; giữ một trong hai bản ở mỗi chỗ, xóa các dòng đánh dấu rồi chạy lại",
                                      [("xung đột", p) for p in left]), written=False)
    base = merge_base.load(record, record_path(target).parent)
    if base is None:
        return Saved(UNTOUCHED, "cần người xử lý: bản ghi không còn bản gốc để hợp nhất chỗ sửa tay, bản thảo giữ "
                                f"nguyên; đổi tên bản thảo để kehoach soạn bản mới bên cạnh ({record_path(target)})",
                     written=False)
    from kehoach.workspace.merge import merge  # loaded only when a person's edits are merged

    merged = merge(base, ours, result.data)
    if merged.blocked:
        return Saved(UNTOUCHED, f"cần người xử lý: không mang được sang bản mới: {merged.blocked}; bản thảo giữ "
                                "nguyên, chưa soạn lại", written=False)
    if not merged.conflict_count and not merged.kept_edits and not merged.brought:
        # Saved again by another editor, nothing a reader sees changed: a plain regeneration, said so.
        saved = Saved(REGENERATED, f"tệp đã được lưu lại nhưng không có chỗ sửa tay nào; {_backed_up(backup)}")
    else:
        saved = Saved(CONFLICT if merged.conflict_count else MERGED, _report(merged, _backed_up(backup)))
    return _write(result, dry_run, saved, ours, backup, merged, batch)


def _kept_issued(result: Rendered, record: dict[str, Any], dry_run: bool, batch: Batch | None) -> Saved:
    """An issued draft stays as it is. A change of its inputs is reported once (ISSUED), then remembered in its record
    (which takes the new inputs, so later builds find it up to date without composing it) for `cay` and `tao`."""
    from kehoach.workspace.state import changed_inputs

    changed = changed_inputs(result.output, record)
    before = [str(x) for x in record.get(CHANGED_AFTER_ISSUE) or []]
    if not changed:  # only kehoach itself changed (its version, its built-in templates and profiles)
        return Saved(UNCHANGED, "đã ban hành, không sinh lại" + (
            f" (đầu vào đã đổi sau khi ban hành: {'; '.join(before)})" if before else ""), written=False)
    plans = result.inputs.get("plan") or []
    redo = f"kehoach tao {plans[0]} {REDO_ISSUED}" if plans else f"kehoach tao … {REDO_ISSUED}"
    saved = Saved(ISSUED, f"đã ban hành, không sinh lại; {changed}. Cần văn bản đính chính thì soạn lại bằng: {redo}",
                  written=False)
    if dry_run:
        return saved
    noted = dict(record, inputs=recorded_inputs_of(result.inputs, result.output.parent))
    noted[CHANGED_AFTER_ISSUE] = [*before, changed]
    write_record(result.output, noted, batch)
    return replace(saved, record=noted)


def _backed_up(backup: Path | None) -> str:
    # A dry run names no file it will not write.
    return f"bản đã sửa được sao lưu: {backup}" if backup is not None else "sẽ sao lưu bản đã sửa"


def _report(merged: MergeResult, backup: str) -> str:
    head = []
    if merged.conflict_count:
        head.append(f"{merged.conflict_count} chỗ xung đột (cả hai bên cùng sửa; đã giữ cả hai bản giữa các dòng "
                    "đánh dấu đỏ, hãy chọn một)")
    if merged.kept_edits or not merged.conflict_count:
        both = f", {len(merged.merged)} chỗ trong số đó cấp trên cũng đổi và đã hợp nhất" if merged.merged else ""
        head.append(f"giữ {merged.kept_edits} chỗ sửa tay{both}")
    head.append(backup)

    def with_change(kind: str, place: Place) -> tuple[str, str]:
        return kind, place.where + (f" (cấp trên đổi: {place.upstream})" if place.upstream else "")
    places = [with_change("xung đột", p) for p in merged.conflicts]
    places += [("xung đột", n) for n in merged.notes]
    if merged.outer:
        places.append(("giữ", ", ".join(merged.outer)))
    if merged.brought:
        places.append(("mang theo", ", ".join(f"{n} {what}" for what, n in merged.brought.items())))
    places += [with_change("hợp nhất", p) for p in merged.merged]
    places += [("giữ", p.where) for p in merged.kept]
    return _lines("; ".join(head), places)


def _lines(head: str, places: list[tuple[str, str]]) -> str:
    shown = [f"- {kind}: {where}" for kind, where in places[:_LISTED]]
    if len(places) > _LISTED:
        shown.append(f"- … và {len(places) - _LISTED} chỗ khác")
    return "\n".join([head, *shown])


def _write(result: Rendered, dry_run: bool, saved: Saved, ours: bytes | None = None, backup: Path | None = None,
           merged: MergeResult | None = None, batch: Batch | None = None) -> Saved:
    if dry_run:
        return saved
    if ours is not None and backup is not None:
        # First: whatever happens next, the person's file exists somewhere (readable as the draft was).
        write_atomic(backup, ours, mode=_mode(result.output))
    return replace(saved, record=write_draft(result, merged, batch)[1])


def _mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def write_draft(result: Rendered, merged: MergeResult | None = None,
                batch: Batch | None = None) -> tuple[Path, dict[str, Any]]:
    """The draft (or hand edits merged into it), then its record: a reader never sees a record ahead of its draft.
    With `batch`, both are added to it in that order (Batch renames in order).

    Returns the record's path and the record."""
    written = merged.data if merged is not None else None
    conflicts = [p.where for p in merged.conflicts] + merged.notes if merged is not None else []
    record = build_record(result.draft, result.output, result.inputs, result.data, result.chain, written, conflicts,
                          result.parts)
    data = written if written is not None else result.data
    if batch is None:
        write_atomic(result.output, data)
        return write_record(result.output, record), record
    batch.add(result.output, data)
    return write_record(result.output, record, batch), record


def backup_path(output: Path) -> Path:
    folder = output.parent / RECORD_DIR / "sao-luu"
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path, n = folder / f"{output.stem}.{stamp}.docx", 1
    while path.exists():  # two builds in one second must not overwrite the first backup
        n += 1
        path = folder / f"{output.stem}.{stamp}-{n}.docx"
    return path
