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
from kehoach.workspace.index import Known

_SKIP = {".kehoach", ".git", ".venv", "ban-thao", "profiles", "__pycache__"}
# Parent documents have their own folder; a folder without ke-hoach/ holds plans beside it.
_NOT_PLANS = _SKIP | {"van-ban"}
DOCUMENT_NOTE = "văn bản cấp trên (không phải kế hoạch), không soạn; nên đặt trong thư mục van-ban/"


@dataclass(frozen=True)
class Found:
    """One .yaml file under the plans folder: a plan and its draft, or why it is not built."""

    file: Path
    output: Path  # the draft it writes (for a file that is not a plan: the draft its name would give)
    problems: tuple[Problem, ...] = ()  # why it cannot be built (listed as "lỗi")
    note: str = ""  # a document among the plans: listed, not built
    output_line: int | None = None  # the line of its tep_ra
    digest: str | None = None  # sha256 of the bytes that were read (a build's record compares it: no second read)
    tep_ra: str | None = None  # the plan's tep_ra, None when it names its draft after its file
    known: Known | None = None  # the file's signature with that sha256, for the build's index
    key: str = ""  # the plan file's absolute path, and its draft's: made once (a build looks them up 10,000 times)
    output_key: str = ""

    @property
    def is_plan(self) -> bool:
        return not self.problems and not self.note


@dataclass
class Workspace:
    root: Path
    plans_dir: Path
    out_dir: Path
    _index: dict[str, Path] | None = field(default=None, repr=False)
    _found: list[Found] | None = field(default=None, repr=False)
    _memo: dict[str, str | None] | None = field(default=None, repr=False)  # plan content (sha256) → its tep_ra
    _outputs: dict[Path, Path] | None = field(default=None, repr=False)  # plan file → its draft, as scan found it
    _out_abs: str | None = field(default=None, repr=False)

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

    def scan(self, known: dict[str, Known] | None = None) -> list[Found]:
        """Every .yaml file under the plans folder, in a stable order, each read once (until `refresh`).

        `known`: the last build's index of signatures (index.py); a plan file whose signature it holds is not read
        at all when the memo knows its content."""
        if self._found is None:
            found = [self._classify(path, known or {}, key) for path, key in self._yaml_files()]
            self._found = _refuse_shared_outputs(found)
        return self._found

    def remember(self) -> None:
        """Write what scan learnt about each plan file (its sha256 → its tep_ra) beside the records, when it changed,
        so the next build does not parse unchanged plans again. A build does this under its lock; nothing else."""
        plans = {f.digest: f.tep_ra for f in self.scan() if f.is_plan and f.digest is not None}
        if plans != self._known():
            data = {"_ghi_chu": "Tệp do kehoach tạo và quản lý. KHÔNG SỬA BẰNG TAY.", "kehoach": __version__,
                    "ke_hoach": plans}
            write_atomic(self.out_dir / RECORD_DIR / MEMO, json.dumps(data, ensure_ascii=False).encode("utf-8"))
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
        return {os.path.abspath(f.file): f.digest for f in self.scan() if f.digest is not None}

    def output_of(self, plan: Path) -> Path:
        """ban-thao/<same sub-folder>/<tep_ra or plan name>.docx."""
        if self._outputs is None:  # looked up for every plan of a tree: by file, not by a walk through the list
            self._outputs = {found.file: found.output for found in self.scan()}
        output = self._outputs.get(plan)
        return output if output is not None else self._classify(plan).output

    def index(self) -> dict[str, Path]:
        """Document and plan keys → files, read once; the first of two files with one key wins, as in a search."""
        if self._index is None:
            van_ban = self.root / "van-ban"

            def rank(path: Path) -> tuple[int, str]:  # plans first, then van-ban/, then anything else
                return (0 if path.is_relative_to(self.plans_dir) else 1 if path.is_relative_to(van_ban) else 2, str(path))

            found = []
            for folder, subfolders, names in os.walk(self.root):  # os.walk: a national workspace has 10,000 plans
                subfolders[:] = sorted(d for d in subfolders if d not in _SKIP and not d.startswith("."))
                found += [Path(folder, n) for n in names if n.endswith(YAML_SUFFIXES)]
            index: dict[str, Path] = {}
            for path in sorted(found, key=rank):
                index.setdefault(path.stem, path)
            self._index = index
        return self._index

    def _yaml_files(self) -> list[tuple[Path, str]]:
        """Every .yaml file below the plans folder, with its absolute path; not in a folder of drafts, profiles,
        documents or a hidden one, and not hidden itself (an editor's lock or backup file)."""
        top = os.fspath(self.plans_dir)
        absolute = os.path.abspath(top)
        found = []
        for folder, subfolders, names in os.walk(top):
            subfolders[:] = [d for d in subfolders if d not in _NOT_PLANS and not d.startswith(".")]
            where = absolute + folder[len(top):]  # os.walk's folders begin with `top` as given
            found += [(os.path.join(folder, n), os.path.join(where, n)) for n in names
                      if n.endswith(YAML_SUFFIXES) and not n.startswith(".")]
        return [(Path(p), key) for p, key in sorted(found)]

    def _draft(self, plan: Path, name: str) -> Path:
        # String work: a national workspace has thousands of plans, and pathlib's relative_to is slow.
        base, text = os.path.join(self.plans_dir, ""), str(plan)
        folder = os.path.dirname(text[len(base):]) if text.startswith(base) else ""
        return Path(os.path.join(self.out_dir, folder, name if name.lower().endswith(".docx") else f"{name}.docx"))

    def _classify(self, path: Path, signatures: dict[str, Known] | None = None, key: str = "") -> Found:
        key = key or os.path.abspath(path)
        found = self._classified(path, signatures, key)
        # Set on the new frozen object (not dataclasses.replace, which builds it again: 10,000 times a build).
        object.__setattr__(found, "key", key)
        object.__setattr__(found, "output_key", self._out_key(found.output))
        return found

    def _out_key(self, output: Path) -> str:
        if self._out_abs is None:
            self._out_abs = os.path.abspath(self.out_dir)
        text, top = os.fspath(output), os.fspath(self.out_dir)
        return self._out_abs + text[len(top):] if text.startswith(top) else os.path.abspath(text)

    def _classified(self, path: Path, signatures: dict[str, Known] | None, key: str) -> Found:
        default = self._draft(path, path.stem)
        memo = self._known()
        old = signatures.get(key) if signatures else None
        if old is not None and old.digest in memo and old.trusted(signature(key)):
            # The file is the one the last build hashed, and those bytes were a plan: nothing to read.
            found = self._memoised(path, default, old.digest, memo, old)
            if found is not None:
                return found
        taken = time.time_ns()
        try:
            data, sig = read_signed(path, "tệp kế hoạch")
        except InputError as exc:
            return Found(path, default, tuple(exc.problems))
        digest = hashlib.sha256(data).hexdigest()
        fresh = Known(sig, digest, taken)
        if digest in memo:  # these very bytes were a plan at the last build
            found = self._memoised(path, default, digest, memo, fresh)
            if found is not None:
                return found
        try:
            loc = read_yaml(path, decode(data, path, "tệp kế hoạch"), strict=False)
        except InputError as exc:
            return Found(path, default, tuple(exc.problems))
        kind = loc.data.get("loai")
        if isinstance(kind, str) and kind in KINDS:
            name = loc.data.get("tep_ra")
            if name is None:
                return Found(path, default, digest=digest, known=fresh)
            if isinstance(name, str) and check_name(name) is None:
                return Found(path, self._draft(path, name), output_line=loc.line(("tep_ra",)), digest=digest,
                             tep_ra=name, known=fresh)
        elif "so_ky_hieu" in loc.data or "ky_hieu" in loc.data:  # written as a parent document
            try:
                load_document(path)
            except InputError as exc:
                return Found(path, default, tuple(exc.problems))
            return Found(path, default, note=DOCUMENT_NOTE)
        return Found(path, default, _plan_problems(path, loc))


    def _memoised(self, path: Path, default: Path, digest: str, memo: dict[str, str | None],
                  known: Known | None) -> Found | None:
        name = memo[digest]
        if name is None:
            return Found(path, default, digest=digest, known=known)
        if check_name(name) is None:
            return Found(path, self._draft(path, name), digest=digest, tep_ra=name, known=known)
        return None


MEMO = "ke-hoach.idx"  # not .json: a plan named ke-hoach.yaml has its record at ke-hoach.json


def _read_memo(path: Path) -> dict[str, str | None]:
    """The memo of the last build; {} when there is none, it is damaged, or another version of kehoach wrote it."""
    try:
        raw = json.loads(read_input(path, 64 * MB, "bản ghi"))
    except (InputError, ValueError):
        return {}
    plans = raw.get("ke_hoach") if isinstance(raw, dict) and raw.get("kehoach") == __version__ else None
    if not isinstance(plans, dict):
        return {}
    return {k: v for k, v in plans.items() if isinstance(k, str) and (v is None or isinstance(v, str))}


def _line_of_tep_ra(file: Path) -> int | None:
    try:
        return read_yaml(file, strict=False).line(("tep_ra",))
    except InputError:
        return None


def _plan_problems(path: Path, loc: Located) -> tuple[Problem, ...]:
    """Why a file that is not a usable plan is not one, in the plan's own terms (a misspelt `loai`, a bad `tep_ra`)."""
    try:
        load_plan(path)
    except InputError as exc:
        return tuple(exc.problems)
    return (loc.problem(("loai",), "không phải kế hoạch"),)


def _refuse_shared_outputs(found: list[Found]) -> list[Found]:
    """Two plans writing one draft would overwrite each other, and its record would name only one: both refused."""
    by_output: dict[str, list[Found]] = {}
    for item in found:
        if item.is_plan:
            # Compared as Windows and macOS compare names: "Chung.docx" and "chung.docx" are one file there.
            by_output.setdefault(os.path.normcase(str(item.output)).casefold(), []).append(item)
    shared = {id(item): group for group in by_output.values() if len(group) > 1 for item in group}
    out = []
    for item in found:
        group = shared.get(id(item))
        if group is None:
            out.append(item)
            continue
        others = ", ".join(str(other.file) for other in group if other is not item)
        message = (f"bản thảo {item.output} cũng là đầu ra của {others}: hai kế hoạch không được ghi vào cùng một "
                   "tệp; hãy đặt 'tep_ra' khác nhau")
        if item.tep_ra is None:  # named after the plan file: there is no tep_ra line to point at
            problem = Problem(item.file, message)
        else:
            problem = Problem(item.file, message, item.output_line or _line_of_tep_ra(item.file), "tep_ra", ("tep_ra",))
        out.append(Found(item.file, item.output, (problem,)))
    return out
