"""The file format of the index beside the drafts (index.py says what it means): a head line, then the body.

Head: one JSON object {"_ghi_chu", "kehoach": version, "dinh_dang": FORMAT, "sha256": of the body}. Body: one JSON
object of columns (flat lists of ints and strings, which the JSON decoder reads in C; a row of objects per file cost
five times as much to read):

    tep        input paths (relative to the workspace, or absolute outside it)
    ngoai      the rows of `tep` that are absolute (kehoach's own templates and profiles)
    chu_ky     their signatures, four ints each (size, mtime_ns, inode, ctime_ns)
    sha        their sha256 (null: unreadable when hashed)
    luc        when each signature was taken (ns)
    ban_thao   draft paths (relative to the workspace)
    ban_ghi    their records' signatures, four ints each
    tep_docx   the drafts' signatures when last seen whole, four ints each (-1s: not known)
    dau_vao    per draft, its inputs in the record's order: file id × 4 + role (ROLES) when the recorded hash is the
               file's `sha`; else [role, file id or path, recorded sha256]
    xung_dot   per draft, 1 when its record counts conflicts
    sinh       per draft, the sha256 of what kehoach generated
    sua        per draft, 1 edited by hand, 0 not, null not known

The drafts' documents (index.DOCUMENTS) are a second file: a head line naming the index body it goes with
("chi_muc": its sha256) and its own checksum, then a JSON list of recorded.summary (or null) in the rows' order.

Read, the columns are taken as they are (index.Files, index.Drafts): what a build wrote, under its checksum. A shape
that does not fit (truncated columns, another layout) makes the whole index untrusted, never half-used.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from kehoach import __version__
from kehoach.files import read_regular, write_atomic
from kehoach.workspace.index import ROLES, Document, Drafts, Entry, Files, Index, Known

FORMAT = 2
_MAX_BYTES = 1 << 30
_NO_DRAFT = [-1, -1, -1, -1]
_NOTE = "Tệp do kehoach tạo và quản lý. KHÔNG SỬA BẰNG TAY."


def load(out_dir: Path, version: str = __version__, documents: bool = False) -> Index:
    """The index of a drafts folder written for kehoach `version`; an empty one (trusting nothing) when there is none
    or it cannot be trusted. `documents`: with the drafts' documents (`kehoach cay`; a build does not need them)."""
    index = read(Index(out_dir, version=version))
    if index.loaded and not documents_go_with(index):  # written apart: rebuilt together, never half-trusted
        return Index(out_dir, version=version)
    if documents and index.loaded:
        read_documents(index)
    return index


def load_documents(index: Index) -> None:
    """The drafts' documents of a loaded index, read now if they were not (a build writing a new index keeps them)."""
    if index.loaded and index.drafts.documents is None:
        read_documents(index)


def save(out_dir: Path, files: dict[str, Known], drafts: dict[str, Entry], version: str = __version__) -> None:
    """Write the index of these files and drafts (atomically; not flushed to the disk: a lost index is only a slower
    next build)."""
    write(Index(out_dir, version=version), files, drafts)


def _read(path: Path) -> bytes | None:
    """The bytes of a regular file of at most _MAX_BYTES; None otherwise (missing, a folder, a FIFO: never waited on)."""
    return read_regular(path, _MAX_BYTES)


def read(index: Index) -> Index:
    """`index` (empty, for its folder and version) filled from its file; as it is when the file cannot be trusted."""
    raw = _read(index.path)
    if raw is None:
        return index
    try:
        head_text, _, body = raw.partition(b"\n")
        head = json.loads(head_text)
        if (not isinstance(head, dict) or head.get("kehoach") != index.version
                or head.get("dinh_dang") != FORMAT or head.get("sha256") != hashlib.sha256(body).hexdigest()):
            return index
        data = json.loads(body.decode("utf-8"))
        top = _top(index)
        files = Files(_absolute(data["tep"], data["ngoai"], top), data["chu_ky"], data["sha"], data["luc"])
        drafts = Drafts(files, top, [top + p for p in data["ban_thao"]], data["ban_ghi"], data["tep_docx"],
                        data["dau_vao"], data["xung_dot"], data["sinh"], data["sua"])
        n, m = len(files), len(drafts)
        if (len(files.sigs) != 4 * n or len(files.digests) != n or len(files.taken) != n or len(files.ids) != n
                or len(drafts.records) != 4 * m or len(drafts.drafts) != 4 * m or len(drafts.ids) != m
                or not len(drafts.inputs) == len(drafts.conflicts) == len(drafts.generated) == len(drafts.edited) == m):
            return index
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return index  # damaged in a way its checksum cannot tell (a development format)
    index.files, index.drafts, index.loaded, index.sha256 = files, drafts, True, head["sha256"]
    return index


def documents_go_with(index: Index) -> bool:
    """The drafts' documents file is there and was written with this very index (its head only: a build with
    nothing to do does not read the documents; `kehoach cay` checks their checksum when it reads them)."""
    try:
        fd = os.open(index.documents_path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return False
            head = json.loads(handle.readline(4096))
    except (OSError, ValueError):
        return False
    return (isinstance(head, dict) and head.get("kehoach") == index.version and head.get("dinh_dang") == FORMAT
            and head.get("chi_muc") == index.sha256)


def read_documents(index: Index) -> None:
    """The drafts' documents of a loaded index (Drafts.documents), when their file goes with this very index and is
    whole; else they stay unknown (None), and whoever needs one reads the draft's record."""
    raw = _read(index.documents_path)
    if raw is None:
        return
    try:
        head_text, _, body = raw.partition(b"\n")
        head = json.loads(head_text)
        if (not isinstance(head, dict) or head.get("kehoach") != index.version or head.get("dinh_dang") != FORMAT
                or head.get("chi_muc") != index.sha256 or head.get("sha256") != hashlib.sha256(body).hexdigest()):
            return
        documents = json.loads(body.decode("utf-8"))
    except (ValueError, TypeError):
        return
    if isinstance(documents, list) and len(documents) == len(index.drafts) and all(
            doc is None or isinstance(doc, dict) for doc in documents):
        index.drafts.documents = documents


def write(index: Index, files: dict[str, Known], drafts: dict[str, Entry]) -> None:
    top = _top(index)
    keys = sorted(files)
    ids = {key: n for n, key in enumerate(keys)}
    body: dict[str, list[Any]] = {name: [] for name in ("tep", "ngoai", "chu_ky", "sha", "luc", "ban_thao", "ban_ghi",
                                                       "tep_docx", "dau_vao", "xung_dot", "sinh", "sua")}
    for n, key in enumerate(keys):
        known = files[key]
        if key.startswith(top):
            body["tep"].append(key[len(top):])
        else:  # outside the workspace (a built-in): as it is
            body["ngoai"].append(n)
            body["tep"].append(key)
        body["chu_ky"] += known.sig
        body["sha"].append(known.digest)
        body["luc"].append(known.taken_ns)
    documents_of: list[Document | None] = []
    for name in sorted(drafts):
        if not name.startswith(top):
            continue  # not below the workspace (never, but for a draft kehoach did not place): not indexed
        entry = drafts[name]
        inputs: list[Any] = []
        for role, key, digest in entry.inputs:
            have, i = files.get(key), ids.get(key)
            if have is not None and i is not None and role in ROLES and digest == have.digest:
                inputs.append(4 * i + ROLES.index(role))
            else:
                inputs.append([role, i if i is not None else _stored(key, top), digest])
        body["ban_thao"].append(name[len(top):])
        body["ban_ghi"] += entry.record
        body["tep_docx"] += entry.draft or _NO_DRAFT
        body["dau_vao"].append(inputs)
        body["xung_dot"].append(int(entry.conflicts))
        body["sinh"].append(entry.generated)
        body["sua"].append(None if entry.edited is None else int(entry.edited))
        documents_of.append(entry.document)
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    head = {"_ghi_chu": _NOTE, "kehoach": index.version, "dinh_dang": FORMAT, "sha256": hashlib.sha256(text).hexdigest()}
    # The documents first: written for the new index, they are not used with the old one, if the index is not written.
    documents = b"[" + b",".join(b"null" if doc is None else doc if isinstance(doc, bytes) else
                                 json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
                                 for doc in documents_of) + b"]"
    head_documents = {"_ghi_chu": _NOTE, "kehoach": index.version, "dinh_dang": FORMAT, "chi_muc": head["sha256"],
                      "sha256": hashlib.sha256(documents).hexdigest()}
    write_atomic(index.documents_path, json.dumps(head_documents, ensure_ascii=False).encode() + b"\n" + documents,
                 durable=False)
    write_atomic(index.path, json.dumps(head, ensure_ascii=False).encode() + b"\n" + text, durable=False)


def _top(index: Index) -> str:
    """The folder paths are kept relative to: the one above the drafts, with a trailing separator."""
    return os.path.join(os.path.dirname(os.path.abspath(index.out_dir)), "")


def _stored(key: str, top: str) -> str:
    return key[len(top):] if key.startswith(top) else key  # outside the workspace (a built-in): as it is


def _absolute(stored: list[str], outside: list[int], top: str) -> list[str]:
    """The absolute paths of the input files: relative to `top`, but for those at the rows `outside`."""
    keys = [top + p for p in stored]  # a path that is not text fails (TypeError): the index is then untrusted
    for i in outside:
        if not os.path.isabs(stored[i]):
            raise ValueError("index path")
        keys[i] = stored[i]
    return keys
