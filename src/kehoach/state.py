"""Is a draft up to date? Its record lists every input with its hash; the version of kehoach counts as an input."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .record import read_record, resolve_input

FRESH, STALE, NEW, DELETED = "moi", "cu", "chua_soan", "da_xoa"


@dataclass(frozen=True)
class DraftState:
    status: str  # FRESH, STALE, NEW (never generated), DELETED (generated, then removed by its owner)
    edited: bool  # the file on disk is not what kehoach generated last
    reason: str = ""  # why STALE, in Vietnamese


@dataclass
class Hashes:
    """File hashes for one build: a profile or a directive shared by thousands of plans is read once."""

    known: dict[Path, str | None] = field(default_factory=dict)

    def of(self, path: Path) -> str | None:
        if path not in self.known:
            try:
                self.known[path] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                self.known[path] = None
        return self.known[path]


def draft_state(output: Path, hashes: Hashes) -> DraftState:
    record = read_record(output)
    exists = output.is_file()
    if record is None:
        return DraftState(NEW, exists)
    generated = record.get("generated_sha256") or record.get("output_sha256")
    edited = exists and hashes.of(output) != generated
    if not exists:
        return DraftState(DELETED, False)
    if record.get("kehoach") != __version__:
        return DraftState(STALE, edited, f"soạn bằng kehoach {record.get('kehoach')}, nay là {__version__}")
    base = output.parent
    for role, files in (record.get("inputs") or {}).items():
        for name, digest in files.items():
            path = resolve_input(base, name)
            now = hashes.of(path)
            if now != digest:
                what = "đã bị xóa" if now is None else "đã thay đổi"
                return DraftState(STALE, edited, f"{_ROLE.get(role, role)} {path.name} {what}")
    return DraftState(FRESH, edited)


_ROLE = {"plan": "tệp kế hoạch", "profile": "hồ sơ", "documents": "văn bản cấp trên", "template": "mẫu"}
