"""The index beside the drafts: what the last build knew about every input and every record, so that a build with
nothing to do reads one file instead of thousands of records and inputs.

<drafts>/.kehoach/chi-muc.idx holds, as git's index does, the signature of each input file (size, mtime, inode,
ctime: files.signature) with the sha256 its bytes had; and for each draft the signatures of the draft and of its
record, with what the record says a verdict needs (its inputs and their recorded hashes, whether it marks conflicts,
the hash of what kehoach generated). An input whose signature is unchanged is not read again; one whose signature
changed is hashed, and only a changed hash makes a draft stale. A record whose signature changed (rewritten by
`kehoach tao`, `ban-hanh`, a person) is read again, as is a record that counts conflicts.

Never trusted blindly: the index is written by a build under its lock, for one version of kehoach, with a checksum of
its content; one that is missing, damaged, edited or of another version is ignored (every record is read, every input
hashed, as without an index) and the build writes a new one. A file changed in the very instant its signature was
taken could keep its signature (git's "racily clean" entries): a signature taken less than RACY_NS after the file
last changed is not trusted, and the file is hashed again.

Paths are kept relative to the folder above the drafts (the workspace), so a workspace copied elsewhere keeps its
index; the signatures then differ, every input is hashed once, and the verdicts stay what the hashes say.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from kehoach import __version__
from kehoach.files import Signature, write_atomic
from kehoach.inputs.recorded import RECORD_DIR

FILE = "chi-muc.idx"  # not .json: never mistaken for a draft's record (<name>.json)
FORMAT = 1
RACY_NS = 2_000_000_000  # 2 s: the coarsest file timestamps in use (FAT), and any lag of the kernel's clock
ROLES = ("plan", "profile", "documents", "template")
_MAX_BYTES = 1 << 30


class Known(NamedTuple):  # tuples: a national index holds tens of thousands, made at every build
    """An input file as last hashed: its signature then, and the sha256 of its bytes (None: it could not be read)."""

    sig: Signature
    digest: str | None
    taken_ns: int  # when the signature was taken (just before the bytes were read)

    def trusted(self, now: Signature | None) -> bool:
        """The file is still the one that was hashed: the same signature, and one that had not changed just before
        the build that took it began (a change in the same instant could leave the signature as it was)."""
        return now is not None and now == self.sig and max(self.sig[1], self.sig[3]) < self.taken_ns - RACY_NS


class Entry(NamedTuple):
    """What the verdict on one draft needs, as its record said when the record had signature `record`."""

    record: Signature
    draft: Signature | None  # the draft when last seen whole (None: missing, or not looked at)
    inputs: tuple[tuple[str, str, str], ...]  # (role, normalised input path, recorded sha256), in the record's order
    conflicts: bool = False  # the record counts conflicts marked in the draft: the draft must be opened to see them
    generated: str | None = None  # sha256 of what kehoach generated (the record's generated_sha256)
    edited: bool | None = None  # the draft with signature `draft` is not what kehoach generated; None: not known


@dataclass
class Index:
    """Inputs and drafts by normalised absolute path."""

    out_dir: Path
    files: dict[str, Known] = field(default_factory=dict)
    drafts: dict[str, Entry] = field(default_factory=dict)
    loaded: bool = False  # read from a valid index file
    version: str = __version__  # of the kehoach that judged the records: only that version trusts the index

    @property
    def path(self) -> Path:
        return self.out_dir / RECORD_DIR / FILE

    def save(self) -> None:
        """Write the index (atomically; not flushed to the disk: a lost index is only a slower next build)."""
        top = _top(self.out_dir)
        keys = sorted(self.files)
        ids = {key: n for n, key in enumerate(keys)}
        files = [[_stored(key, top), *self.files[key].sig, self.files[key].digest, self.files[key].taken_ns]
                 for key in keys]
        drafts: dict[str, Any] = {}
        for name in sorted(self.drafts):
            entry = self.drafts[name]
            inputs: list[Any] = []
            for role, key, digest in entry.inputs:
                known = self.files.get(key)
                where: Any = ids[key] if known is not None else _stored(key, top)
                inputs.append([ROLES.index(role) if role in ROLES else role, where,
                               0 if known is not None and digest == known.digest else digest])
            drafts[_stored(name, top)] = [list(entry.record), list(entry.draft) if entry.draft else None, inputs,
                                          int(entry.conflicts), entry.generated,
                                          None if entry.edited is None else int(entry.edited)]
        body = json.dumps({"tep": files, "ban_thao": drafts}, ensure_ascii=False, separators=(",", ":")).encode()
        head = {"_ghi_chu": "Tệp do kehoach tạo và quản lý. KHÔNG SỬA BẰNG TAY.", "kehoach": self.version,
                "dinh_dang": FORMAT, "sha256": hashlib.sha256(body).hexdigest()}
        write_atomic(self.path, json.dumps(head, ensure_ascii=False).encode() + b"\n" + body, durable=False)


def load(out_dir: Path, version: str = __version__) -> Index:
    """The index of a drafts folder written for kehoach `version`; an empty one (trusting nothing) when there is none
    or it cannot be trusted."""
    index = Index(out_dir, version=version)
    try:
        fd = os.open(index.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return index
    try:
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return index
            raw = handle.read(_MAX_BYTES + 1)
        head_text, _, body = raw.partition(b"\n")
        head = json.loads(head_text)
        if (len(raw) > _MAX_BYTES or not isinstance(head, dict) or head.get("kehoach") != version
                or head.get("dinh_dang") != FORMAT or head.get("sha256") != hashlib.sha256(body).hexdigest()):
            return index
        data = json.loads(body)
        top = _top(out_dir)
        index.files, keys = _files(data["tep"], top)
        index.drafts = _drafts(data["ban_thao"], keys, index.files, top)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return Index(out_dir, version=version)  # damaged in a way its checksum cannot tell (a development format)
    index.loaded = True
    return index


def _top(out_dir: Path) -> str:
    """The folder paths are kept relative to: the one above the drafts, with a trailing separator."""
    return os.path.join(os.path.dirname(os.path.abspath(out_dir)), "")


def _stored(key: str, top: str) -> str:
    return key[len(top):] if key.startswith(top) else key  # outside the workspace (a built-in): as it is


def _absolute(stored: str, top: str) -> str:
    if not isinstance(stored, str):
        raise TypeError("index path")
    return stored if os.path.isabs(stored) else top + stored


# The content is what a build wrote (its checksum holds): read without checking each value again; a shape that does
# not fit (a development version's) fails as a whole and the index is not used.
def _files(rows: list[Any], top: str) -> tuple[dict[str, Known], list[str]]:
    files: dict[str, Known] = {}
    keys = []
    for stored, size, mtime, ino, ctime, digest, taken in rows:
        key = _absolute(stored, top)
        files[key] = Known((size, mtime, ino, ctime), digest, taken)
        keys.append(key)
    return files, keys


def _drafts(raw: dict[str, Any], keys: list[str], files: dict[str, Known], top: str) -> dict[str, Entry]:
    drafts = {}
    roles = ROLES
    for stored, (record, draft, inputs, conflicts, generated, edited) in raw.items():
        found = []
        for role, where, digest in inputs:  # 70,000 at 10,000 plans: plain loop, no calls
            key = keys[where] if type(where) is int else (where if os.path.isabs(where) else top + where)
            found.append((roles[role] if type(role) is int else role, key, digest or files[key].digest))
        drafts[stored if os.path.isabs(stored) else top + stored] = Entry(
            tuple(record), None if draft is None else tuple(draft), tuple(found),  # type: ignore[arg-type]
            bool(conflicts), generated, None if edited is None else bool(edited))
    return drafts
