"""A workspace: a folder of plans (ke-hoach/), documents (van-ban/), profiles (profiles/) and drafts (ban-thao/).

The layout is the one `examples/` uses. A folder without ke-hoach/ is itself the folder of plans.

Every .yaml file under the plans folder is read by the one YAML loader and is one of: a plan, with the draft it
writes (ban-thao/<same sub-folder>/<tep_ra or file name>.docx); a parent document lying among the plans (listed,
not built); or a file that cannot be a plan, with every reason why. Two plans that would write the same draft are
both refused. Nothing is decided by matching lines of text.

A build remembers, in <drafts>/.kehoach/ke-hoach.json, what each plan file's content (by its sha256) says about its
draft: a plan whose bytes are unchanged is not parsed again (a national workspace has thousands).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kehoach import __version__
from kehoach.errors import InputError, Problem
from kehoach.files import MB, check_name, read_input, signature, write_atomic
from kehoach.inputs.documents import load_document
from kehoach.inputs.paths import YAML_SUFFIXES
from kehoach.inputs.plans import load_plan
from kehoach.inputs.recorded import RECORD_DIR
from kehoach.inputs.yamlfile import Located, decode, read_signed, read_yaml
from kehoach.text.symbols import KINDS
from kehoach.workspace.found import Found, refuse_shared_outputs
from kehoach.workspace.index import Known, trusted_digest

_SKIP = {".kehoach", ".git", ".venv", "ban-thao", "profiles", "__pycache__"}
# Parent documents have their own folder; a folder without ke-hoach/ holds plans beside it.
_NOT_PLANS = _SKIP | {"van-ban"}
DOCUMENT_NOTE = "văn bản cấp trên (không phải kế hoạch), không soạn; nên đặt trong thư mục van-ban/"


@dataclass
class Workspace:
    root: Path
    plans_dir: Path
    out_dir: Path
    _index: dict[str, Path] | None = field(default=None, repr=False)
    _found: list[Found] | None = field(default=None, repr=False)
    _memo: dict[str, str | None] | None = field(default=None, repr=False)  # plan content (sha256) → its tep_ra
    _outputs: dict[Path, Path] | None = field(default=None, repr=False)  # plan file → its draft, as scan found it

    @classmethod
    def open(cls, folder: Path, out_dir: Path | None = None) -> Workspace:
        if not folder.is_dir():
            raise InputError([Problem(folder, "không có thư mục này")])
        plans_dir = folder / "ke-hoach" if (folder / "ke-hoach").is_dir() else folder
        return cls(folder, plans_dir, out_dir or folder / "ban-thao")

    def refresh(self) -> None:
        """Forget what was read: a build or a tree reads the folder as it is now."""
        self._found = None
        self._index = None
        self._outputs = None

    def scan(self, known: Mapping[str, Known] | None = None) -> list[Found]:
        """Every .yaml file under the plans folder, in a stable order, each read once (until `refresh`).

        `known`: the last build's index of signatures (index.py); a plan file whose signature it holds is not read
        at all when the memo knows its content."""
        if self._found is None:
            memo, known = self._known(), known or {}
            out, out_key = os.fspath(self.out_dir), os.path.abspath(self.out_dir)
            found: list[Found] = []
            folders: dict[str, Path] = {}  # the Path of each folder, made once (Found.file is a child of it)
            for path, key, sub in self._yaml_files():
                item = self._classified(path, known, key, memo, sub)
                name = item.output_text  # the draft's file name, made whole here (string work: 10,000 plans)
                item.key, item.output_key, item._output = key, out_key + sub + name, out + sub + name
                folder = folders.get(sub)
                if folder is None:
                    folder = folders[sub] = Path(os.path.dirname(path))
                item.folder = folder
                found.append(item)
            self._found = refuse_shared_outputs(found)
        return self._found

    def remember(self) -> None:
        """Write what scan learnt about each plan file (its sha256 → its tep_ra) beside the records, when it changed,
        so the next build does not parse unchanged plans again. A build does this under its lock; nothing else."""
        plans = {f.digest: f.tep_ra for f in self.scan() if f.is_plan and f.digest is not None}
        if plans != self._known():
            body = json.dumps(plans, ensure_ascii=False).encode("utf-8")
            head = {"_ghi_chu": "Tệp do kehoach tạo và quản lý. KHÔNG SỬA BẰNG TAY.", "kehoach": __version__,
                    "sha256": hashlib.sha256(body).hexdigest()}
            write_atomic(self.out_dir / RECORD_DIR / MEMO, json.dumps(head, ensure_ascii=False).encode() + b"\n" + body)
            self._memo = plans

    def _known(self) -> dict[str, str | None]:
        if self._memo is None:
            self._memo = _read_memo(self.out_dir / RECORD_DIR / MEMO)
        return self._memo

    def plans(self) -> list[Path]:
        """Every plan file that can be built, in a stable order; documents and profiles in the tree are not plans."""
        return [f.file for f in self.scan() if f.is_plan]

    def digests(self) -> dict[str, str | None]:
        """sha256 of every plan file as scan read it, by absolute path (what state.Hashes keeps)."""
        return {f.key: f.digest for f in self.scan() if f.digest is not None}

    def output_of(self, plan: Path) -> Path:
        """ban-thao/<same sub-folder>/<tep_ra or plan name>.docx."""
        if self._outputs is None:  # looked up for every plan of a tree: by file, not by a walk through the list
            self._outputs = {found.file: found.output for found in self.scan()}
        output = self._outputs.get(plan)
        return output if output is not None else self._classify(os.fspath(plan)).output

    def index(self) -> dict[str, Path]:
        """Document and plan keys → files, read once; the first of two files with one key wins, as in a search."""
        if self._index is None:
            root = os.fspath(self.root)
            # Folders compared below the root, as text (os.walk's folders begin with the root as given).
            plans = os.path.join(os.path.relpath(self.plans_dir, root), "")
            plans = "" if plans == os.path.join(os.curdir, "") else plans
            van_ban = os.path.join("van-ban", "")
            found: list[tuple[int, str, str]] = []  # (rank, path, key): plans first, then van-ban/, then the rest
            for folder, subfolders, names in os.walk(root):  # os.walk: a national workspace has 10,000 plans
                subfolders[:] = sorted(d for d in subfolders if d not in _SKIP and not d.startswith("."))
                where = os.path.join(folder, "")
                below = os.path.join(folder[len(root):].lstrip(os.sep), "")
                rank = 0 if below.startswith(plans) else 1 if below.startswith(van_ban) else 2
                found += [(rank, where + n, n.rpartition(".")[0]) for n in names if n.endswith(YAML_SUFFIXES)]
            index: dict[str, str] = {}
            for _rank, path, key in sorted(found):
                index.setdefault(key, path)
            folders: dict[str, Path] = {}  # a child of its folder's Path: half the cost of parsing each whole

            def made(path: str) -> Path:
                folder, name = os.path.split(path)
                parent = folders.get(folder)
                if parent is None:
                    parent = folders[folder] = Path(folder)
                return parent / name

            self._index = {key: made(path) for key, path in index.items()}
        return self._index

    def _yaml_files(self) -> list[tuple[str, str, str]]:
        """Every .yaml file below the plans folder: its path, its absolute path, and its sub-folder below the plans
        folder ("" or "/tinh-01", where its draft goes below the drafts folder); not in a folder of drafts,
        profiles, documents or a hidden one, and not hidden itself (an editor's lock or backup file)."""
        top = os.fspath(self.plans_dir)
        absolute = os.path.abspath(top)
        found = []
        for folder, subfolders, names in os.walk(top):
            subfolders[:] = [d for d in subfolders if d not in _NOT_PLANS and not d.startswith(".")]
            sub = folder[len(top):]  # os.walk's folders begin with `top` as given
            given, where = os.path.join(folder, ""), absolute + sub + os.sep
            if top == os.curdir:  # as str(Path) writes it ("a/x.yaml", not "./a/x.yaml"): the report sorts by it
                given = given[len(os.curdir + os.sep):]
            found += [(given + n, where + n, sub) for n in names if n.endswith(YAML_SUFFIXES) and not n.startswith(".")]
        found.sort()
        return found

    def _draft(self, plan: str, name: str) -> str:
        """The draft of a plan anywhere: ban-thao/<its sub-folder below the plans folder>/<name>.docx."""
        base = os.path.join(self.plans_dir, "")
        folder = os.path.dirname(plan[len(base):]) if plan.startswith(base) else ""
        return os.path.join(self.out_dir, folder, _docx(name))

    def _classify(self, path: str) -> Found:
        """A file that scan did not find (output_of a plan given by its path)."""
        key = os.path.abspath(path)
        found = self._classified(path, {}, key, self._known(), None)
        found.key, found.output_key = key, os.path.abspath(found.output_text)
        return found

    def _classified(self, path: str, signatures: Mapping[str, Known], key: str, memo: dict[str, str | None],
                    sub: str | None) -> Found:
        """`sub`: the file's sub-folder as _yaml_files gives it; the Found's output is then the draft's file name
        only (scan puts the folders before it), else the whole path."""

        def draft(name: str) -> str:
            return os.sep + _docx(name) if sub is not None else self._draft(path, name)

        default = draft(path[path.rfind(os.sep) + 1:].rpartition(".")[0])  # a .yaml/.yml name, not hidden
        if key in signatures and memo:
            digest = trusted_digest(signatures, key, signature(key))
            if digest is not None and digest in memo:
                # The file is the one the last build hashed, and those bytes were a plan: nothing to read.
                found = self._memoised(path, default, digest, memo, None, draft)
                if found is not None:
                    return found
        taken = time.time_ns()
        try:
            data, sig = read_signed(Path(path), "tệp kế hoạch")
        except InputError as exc:
            return Found(path, default, tuple(exc.problems))
        digest = hashlib.sha256(data).hexdigest()
        fresh = Known(sig, digest, taken)
        if digest in memo:  # these very bytes were a plan at the last build
            found = self._memoised(path, default, digest, memo, fresh, draft)
            if found is not None:
                return found
        try:
            loc = read_yaml(Path(path), decode(data, Path(path), "tệp kế hoạch"), strict=False)
        except InputError as exc:
            return Found(path, default, tuple(exc.problems))
        kind = loc.data.get("loai")
        if isinstance(kind, str) and kind in KINDS:
            name = loc.data.get("tep_ra")
            if name is None:
                return Found(path, default, digest=digest, known=fresh)
            if isinstance(name, str) and check_name(name) is None:
                return Found(path, draft(name), output_line=loc.line(("tep_ra",)), digest=digest, tep_ra=name,
                             known=fresh)
        elif "so_ky_hieu" in loc.data or "ky_hieu" in loc.data:  # written as a parent document
            try:
                load_document(Path(path))
            except InputError as exc:
                return Found(path, default, tuple(exc.problems))
            return Found(path, default, note=DOCUMENT_NOTE)
        return Found(path, default, _plan_problems(Path(path), loc))

    def _memoised(self, path: str, default: str, digest: str, memo: dict[str, str | None], known: Known | None,
                  draft: Callable[[str], str]) -> Found | None:
        name = memo[digest]
        if name is None:
            return Found(path, default, digest=digest, known=known)
        if check_name(name) is None:
            return Found(path, draft(name), digest=digest, tep_ra=name, known=known)
        return None


def _docx(name: str) -> str:
    return name if name.lower().endswith(".docx") else f"{name}.docx"


MEMO = "ke-hoach.idx"  # not .json: a plan named ke-hoach.yaml has its record at ke-hoach.json


def _read_memo(path: Path) -> dict[str, str | None]:
    """The memo of the last build; {} when there is none, it is damaged or edited (its body is not the one its head's
    sha256 names: a name edited in it would put a draft under another file name), or another version wrote it."""
    try:
        head, _, body = read_input(path, 64 * MB, "bản ghi").partition(b"\n")
        raw = json.loads(head)
        if not isinstance(raw, dict) or raw.get("kehoach") != __version__:
            return {}
        if raw.get("sha256") != hashlib.sha256(body).hexdigest():
            return {}
        plans = json.loads(body)
    except (InputError, ValueError):
        return {}
    if not isinstance(plans, dict):
        return {}
    return {k: v for k, v in plans.items() if isinstance(k, str) and (v is None or isinstance(v, str))}


def _plan_problems(path: Path, loc: Located) -> tuple[Problem, ...]:
    """Why a file that is not a usable plan is not one, in the plan's own terms (a misspelt `loai`, a bad `tep_ra`)."""
    try:
        load_plan(path)
    except InputError as exc:
        return tuple(exc.problems)
    return (loc.problem(("loai",), "không phải kế hoạch"),)
