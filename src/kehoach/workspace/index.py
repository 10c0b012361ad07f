"""The index beside the drafts: what the last build knew about every input and every record, so that a build with
nothing to do reads one file instead of thousands of records and inputs.

<drafts>/.kehoach/chi-muc.idx holds, as git's index does, the signature of each input file (size, mtime, inode,
ctime: files.signature) with the sha256 its bytes had; and for each draft the signatures of the draft and of its
record, with what the record says a verdict needs (its inputs and their recorded hashes, whether it marks conflicts,
the hash of what kehoach generated, whether the draft is not what kehoach generated). An input whose signature is
unchanged is not read again; one whose signature changed is hashed, and only a changed hash makes a draft stale. A
record whose signature changed (rewritten by `kehoach tao`, `ban-hanh`, a person) is read again, as is a record that
counts conflicts. Reading and writing it (load, save, the file format) are indexfile.py's; here is what it means.

Never trusted blindly: the index is written by a build under its lock, for one version of kehoach, with a checksum of
its content; one that is missing, damaged, edited or of another version is ignored (every record is read, every input
hashed, as without an index) and the build writes a new one. A file changed in the very instant its signature was
taken could keep its signature (git's "racily clean" entries): a signature taken less than RACY_NS after the file
last changed is not trusted, and the file is hashed again.

Paths are kept relative to the folder above the drafts (the workspace), so a workspace copied elsewhere keeps its
index; the signatures then differ, every input is hashed once, and the verdicts stay what the hashes say.

Loaded, the index stays in the columns it is stored in (a national index holds 70,000 inputs of 10,000 drafts): a
file's `Known` and a draft's `Entry` are made only for what is looked up one by one; a build with nothing to do
compares signatures with the columns directly (verdicts.Verdicts).

Beside it, chi-muc-van-ban.idx holds each draft's document as its record says it (recorded.summary: the citation,
what it implements) for `kehoach cay`, which shows the documents of 3,000 fresh drafts without opening their records.
It names the index it goes with (the checksum of its body): with any other index, it is not used.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple, cast

from kehoach import __version__
from kehoach.files import Signature
from kehoach.inputs.recorded import RECORD_DIR

FILE = "chi-muc.idx"  # not .json: never mistaken for a draft's record (<name>.json)
DOCUMENTS = "chi-muc-van-ban.idx"  # the drafts' documents, apart: a build with nothing to do does not read them
RACY_NS = 2_000_000_000  # 2 s: the coarsest file timestamps in use (FAT), and any lag of the kernel's clock
ROLES = ("plan", "profile", "documents", "template")


Document = dict[str, Any] | bytes  # recorded.summary: read from the index (a dict) or just made (its JSON)


class Known(NamedTuple):  # tuples: made for the files looked up one by one
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
    document: Document | None = None  # recorded.summary of the record (what `kehoach cay` shows); None: none


class Files(Mapping[str, Known]):
    """The input files of an index by absolute path, in columns: `keys[i]`, its signature `sigs[4i:4i+4]`, `digests[i]`,
    `taken[i]`. A `Known` is made when a file is looked up."""

    def __init__(self, keys: list[str] | None = None, sigs: list[int] | None = None,
                 digests: list[str | None] | None = None, taken: list[int] | None = None):
        self.keys_ = keys or []
        self.sigs = sigs or []
        self.digests = digests or []
        self.taken = taken or []
        self.ids = dict(zip(self.keys_, range(len(self.keys_)), strict=True))

    def known(self, i: int) -> Known:
        at = 4 * i
        return Known(tuple(self.sigs[at:at + 4]), self.digests[i], self.taken[i])  # type: ignore[arg-type]

    def digest_if_same(self, key: str, now: Signature | None) -> str | None:
        """Known.trusted without making the Known: the indexed sha256 of `key` when `now` is its indexed signature,
        not taken too soon after it changed; else None."""
        i = self.ids.get(key)
        if i is None or now is None:
            return None
        at = 4 * i
        sig = self.sigs[at:at + 4]
        if now[0] != sig[0] or now[1] != sig[1] or now[2] != sig[2] or now[3] != sig[3]:
            return None
        return self.digests[i] if max(sig[1], sig[3]) < self.taken[i] - RACY_NS else None

    def get(self, key: str, default: Known | None = None) -> Known | None:  # type: ignore[override]
        i = self.ids.get(key)
        return default if i is None else self.known(i)

    def __getitem__(self, key: str) -> Known:
        return self.known(self.ids[key])

    def __contains__(self, key: object) -> bool:
        return key in self.ids

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_)

    def __len__(self) -> int:
        return len(self.keys_)


class Drafts:
    """The drafts of an index by absolute path, in columns: row `i` is `keys[i]`, its record's signature
    `records[4i:4i+4]`, its draft's `drafts[4i:4i+4]` (-1s: not known), its inputs `inputs[i]` (each an int
    `file id × 4 + role` when the recorded hash is the file's in `Files`, else `[role, path, sha256]`), `conflicts[i]`,
    `generated[i]`, `edited[i]` (1, 0 or None)."""

    def __init__(self, files: Files, top: str = "", keys: list[str] | None = None, records: list[int] | None = None,
                 drafts: list[int] | None = None, inputs: list[list[object]] | None = None,
                 conflicts: list[int] | None = None, generated: list[str | None] | None = None,
                 edited: list[int | None] | None = None):
        self.files = files
        self.top = top  # what relative paths in `inputs` are relative to
        self.keys = keys or []
        self.records = records or []
        self.drafts = drafts or []
        self.inputs = inputs or []
        self.conflicts = conflicts or []
        self.generated = generated or []
        self.edited = edited or []
        self.ids = dict(zip(self.keys, range(len(self.keys)), strict=True))
        self.documents: list[Document | None] | None = None  # per row, recorded.summary as read; None: not loaded

    def __len__(self) -> int:
        return len(self.keys)

    def entry(self, i: int) -> Entry:
        """Row `i` as an Entry (its inputs with their absolute paths and recorded hashes)."""
        files, at = self.files, 4 * i
        found = []
        for code in self.inputs[i]:
            if type(code) is int:
                found.append((ROLES[code & 3], files.keys_[code >> 2], files.digests[code >> 2]))
            else:
                role, where, digest = cast("list[Any]", code)
                key = files.keys_[where] if type(where) is int else (where if os.path.isabs(where) else self.top + where)
                found.append((role, key, digest))
        draft = tuple(self.drafts[at:at + 4])
        edited = self.edited[i]
        return Entry(tuple(self.records[at:at + 4]), None if draft[0] < 0 else draft,  # type: ignore[arg-type]
                     tuple(found), bool(self.conflicts[i]), self.generated[i],  # type: ignore[arg-type]
                     None if edited is None else bool(edited), self.document(i))

    def document(self, i: int) -> Document | None:
        return self.documents[i] if self.documents is not None else None


def trusted_digest(files: Mapping[str, Known], key: str, now: Signature | None) -> str | None:
    """The sha256 `files` holds for `key` when the file is still the one hashed (Known.trusted), else None."""
    if isinstance(files, Files):
        return files.digest_if_same(key, now)
    old = files.get(key)
    return old.digest if old is not None and old.trusted(now) else None


class Index:
    """The index of one drafts folder: `files` and `drafts` by absolute path; `loaded`: read from a valid index file
    (an empty index trusts nothing)."""

    def __init__(self, out_dir: Path, files: Files | None = None, drafts: Drafts | None = None, loaded: bool = False,
                 version: str = __version__):
        self.out_dir = out_dir
        self.files = files if files is not None else Files()
        self.drafts = drafts if drafts is not None else Drafts(self.files)
        self.loaded = loaded
        self.version = version  # of the kehoach that judged the records: only that version trusts the index
        self.sha256 = ""  # of the file's body, as read: the documents file names the index it goes with

    @property
    def path(self) -> Path:
        return self.out_dir / RECORD_DIR / FILE

    @property
    def documents_path(self) -> Path:
        return self.out_dir / RECORD_DIR / DOCUMENTS
