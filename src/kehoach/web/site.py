"""The workspace the page works on: its folders, names confined to them, and the locks that keep writes whole.

A workspace is the folder `kehoach xay-dung` and `kehoach cay` work on: profiles/, van-ban/, ke-hoach/, ban-thao/.
Every file the page reads or writes is named by a path inside one of those folders, checked here; names typed in a
form are never trusted as paths, and nothing from an upload is ever used as a name.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from kehoach.errors import InputError, Problem, WorkspaceLocked
from kehoach.files import write_atomic
from kehoach.inputs.models import Profile
from kehoach.inputs.profiles import load_profile
from kehoach.workspace.folders import Workspace
from kehoach.workspace.lock import BuildLock
from kehoach.workspace.record import RECORD_DIR

T = TypeVar("T")
FOLDERS = ("profiles", "van-ban", "ke-hoach", "ban-thao")
# A file name the page writes: lower-case letters without marks, digits and hyphens (profiles/README.md §5);
# profiles may sit one folder down (profiles/gia-lai/…).
_SEGMENT = r"[a-z0-9][a-z0-9-]{0,80}"
NEW_NAME = re.compile(rf"^{_SEGMENT}(?:/{_SEGMENT})?$")
# A name the page reads: also what a person named by hand (capitals, underscores, dots).
_READ_SEGMENT = r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,120}"
READ_NAME = re.compile(rf"^{_READ_SEGMENT}(?:/{_READ_SEGMENT}){{0,4}}$")


def prepare(folder: Path) -> list[Path]:
    """Create the workspace's folders that are missing (all four in an empty or new folder); returns those created."""
    created = []
    folder.mkdir(parents=True, exist_ok=True)
    for name in FOLDERS:
        path = folder / name
        if not path.is_dir():
            path.mkdir()
            created.append(path)
    return created


def digest(path: Path) -> str:
    """What the file was when a form was shown: saving over a file changed since then is refused."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


class ProfileCache:
    """Profiles loaded once and loaded again when their file or a base changed: every form lists them, and a
    provincial workspace has thousands."""

    def __init__(self) -> None:
        self._known: dict[Path, tuple[tuple[tuple[str, int, int], ...], Profile]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _stamp(files: tuple[Path, ...]) -> tuple[tuple[str, int, int], ...]:
        out = []
        for file in files:
            try:
                st = file.stat()
            except OSError:
                return ()
            out.append((str(file), st.st_mtime_ns, st.st_size))
        return tuple(out)

    def load(self, file: Path) -> Profile:
        """load_profile(file), remembered; raises InputError as it does (a broken profile is never remembered)."""
        with self._lock:
            known = self._known.get(file)
        if known is not None and known[0] and self._stamp(known[1].sources) == known[0]:
            return known[1]
        profile = load_profile(file)
        with self._lock:
            self._known[file] = (self._stamp(profile.sources), profile)
        return profile


@dataclass
class Site:
    root: Path
    _writing: threading.RLock = field(default_factory=threading.RLock, repr=False)
    profile_cache: ProfileCache = field(default_factory=ProfileCache, repr=False)

    def __post_init__(self) -> None:
        self.root = self.root.resolve()

    @property
    def profiles(self) -> Path:
        return self.root / "profiles"

    @property
    def documents(self) -> Path:
        return self.root / "van-ban"

    @property
    def plans(self) -> Path:
        return self.root / "ke-hoach"

    @property
    def drafts(self) -> Path:
        return self.root / "ban-thao"

    def workspace(self) -> Workspace:
        """A new view each time: a workspace caches its index, and files change between requests."""
        return Workspace.open(self.root)

    def inside(self, folder: Path, name: str, suffix: str = ".yaml", new: bool = False) -> Path | None:
        """folder/name+suffix when `name` is an acceptable name and the path stays in the folder; else None."""
        if not (NEW_NAME if new else READ_NAME).match(name) or ".." in name:
            return None
        path = folder / f"{name}{suffix}"
        try:
            path.resolve().relative_to(folder.resolve())
        except (ValueError, OSError):
            return None  # a symbolic link pointing out of the workspace
        return path

    def shown(self, text: str) -> str:
        """A message of the library with the workspace's own paths made relative: "ban-thao/…", not "/home/…/ban-thao/…"."""
        return text.replace(f"{self.root}/", "").replace(f"{self.root}\\", "")

    def name_of(self, folder: Path, path: Path) -> str:
        return str(path.relative_to(folder).with_suffix(""))

    def save(self, path: Path, text: str, expected: str | None) -> None:
        """Write a YAML file atomically, unless it changed since the form was shown (`expected` is its digest then,
        "" for a file that did not exist). Two saves never interleave."""
        with self._writing:
            if expected is not None and digest(path) != expected:
                raise InputError([Problem(path.relative_to(self.root), "tệp đã được sửa ở nơi khác (cửa sổ khác hoặc "
                                          "trình soạn thảo) sau khi trang này mở; hãy tải lại trang rồi sửa lại")])
            write_atomic(path, text.encode("utf-8"))

    def when_free(self, work: Callable[[], T], wait: float = 30.0) -> T:
        """Run `work`, which takes the build lock itself (the build): while another holds it, try again for a while."""
        deadline = time.monotonic() + wait
        while True:
            try:
                return work()
            except WorkspaceLocked:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.5)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One writer of YAML files at a time in this page (saves check what is there, then write)."""
        with self._writing:
            yield

    @contextlib.contextmanager
    def building(self, wait: float = 30.0) -> Iterator[None]:
        """The build lock of the workspace, as `kehoach xay-dung` takes it: drafts and records are written by one
        hand at a time, the page's or a command's. Waits a little for another build to finish, then says who has it."""
        lock = BuildLock(self.drafts / RECORD_DIR / "lock")
        deadline = time.monotonic() + wait
        while True:  # the lock names this process when another thread of the page holds it: that waits too
            try:
                lock.__enter__()
                break
            except WorkspaceLocked:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.5)
        try:
            yield
        finally:
            lock.__exit__(None, None, None)


def slug(text: str) -> str:
    """A file name from Vietnamese words: 'Đảng ủy xã Ia Grai' → 'dang-uy-xa-ia-grai'."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80]
