"""Read once per build: a file read by a build is read and parsed once, a folder searched once, a path resolved once.

A national build composes thousands of plans from a few shared files (the base profiles, the parents, the template):
inside `reading_once()` the YAML loader keeps each file's parsed content and the sha256 of the bytes it parsed (so a
draft's record names the very bytes its text came from, without reading them again), the profile search lists each
folder once, and paths are resolved once. Outside a scope nothing is remembered: a long-running process (the web
page) reads the files as they are at each build.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from kehoach.files import Signature


@dataclass
class Scope:
    """What one build has read, parsed, listed and resolved (reading_once)."""

    # path as named → what the loader made of it, the most recently used last: a plan's own file is read once and
    # let go, the files every plan reads stay (memory stays flat at 10,000 plans)
    parsed: OrderedDict[str, Any] = field(default_factory=OrderedDict)
    digests: dict[str, str] = field(default_factory=dict)  # absolute path → sha256 of the bytes read
    # absolute path → (signature of the file as opened, sha256 of its bytes, when the signature was taken in ns),
    # since the last `learnt()`: what a build's worker tells the build for its index (workspace/index.py)
    read: dict[str, tuple[Signature, str, int]] = field(default_factory=dict)
    listings: dict[Path, Any] = field(default_factory=dict)  # folder → what paths.py made of the files below it
    real: dict[str, str] = field(default_factory=dict)  # folder → the folder with every symbolic link resolved
    files: dict[str, str] = field(default_factory=dict)  # path → the same, for the last RESOLVED paths asked
    memos: dict[Any, Any] = field(default_factory=dict)  # what `memo` made, by its key


_scope: Scope | None = None
T = TypeVar("T")


def current() -> Scope | None:
    return _scope


@contextmanager
def reading_once() -> Iterator[Scope]:
    """Within: files are read and parsed once. Nested scopes share the outer one."""
    global _scope
    if _scope is not None:
        yield _scope
        return
    _scope = Scope()
    try:
        yield _scope
    finally:
        _scope = None


PARSED = 512  # files kept parsed in a scope
RESOLVED = 4096  # paths kept resolved in a scope (folders are all kept: a workspace has few)


def keep_parsed(key: str, value: Any) -> None:
    if _scope is not None:
        _scope.parsed[key] = value
        if len(_scope.parsed) > PARSED:
            _scope.parsed.popitem(last=False)


def begin() -> None:
    """A scope for the rest of this process (a build's worker process, which ends with the build)."""
    global _scope
    _scope = _scope or Scope()


def remember(path: Path | str, sig: Signature | None, value: str, taken_ns: int = 0) -> None:
    """The loader read `path`, its signature `sig` taken at `taken_ns` (before the bytes were read), and its bytes
    hash to `value`."""
    if _scope is not None:
        key = os.path.abspath(path)
        _scope.digests[key] = value
        if sig is not None and taken_ns:
            _scope.read[key] = (sig, value, taken_ns)


def learnt() -> dict[str, tuple[Signature, str, int]]:
    """What was read since the last call: absolute path → (signature, sha256, when the signature was taken)."""
    if _scope is None:
        return {}
    found, _scope.read = _scope.read, {}
    return found


def digest(path: Path | str) -> str | None:
    """The sha256 of the bytes the loader read from `path` in this scope, if it read them."""
    return _scope.digests.get(os.path.abspath(path)) if _scope is not None else None


def listing(folder: Path, make: Callable[[Path], T]) -> T:
    """`make(folder)`, once per real folder in a scope (however the folder is spelt: "a/b/../c" or "a/c")."""
    if _scope is None:
        return make(folder)
    key = Path(realpath(str(folder)))
    found = _scope.listings.get(key)
    if found is None:
        found = _scope.listings[key] = make(folder)
    return found  # type: ignore[no-any-return]


def memo(key: Any, make: Callable[[], T]) -> T:
    """`make()`, once per `key` in a scope (every time outside one). Only for values that depend on nothing but
    files read in the scope: a search's answer, a check of a file read once, a document's record form."""
    if _scope is None:
        return make()
    try:
        return _scope.memos[key]  # type: ignore[no-any-return]
    except KeyError:
        value = _scope.memos[key] = make()
        return value


def realpath(path: str) -> str:
    """os.path.realpath, once per path in a scope (the last RESOLVED paths asked), and once per folder: a file that is
    not itself a link is its folder's real path and its own name."""
    if _scope is None:
        return os.path.realpath(path)
    full = _scope.files.get(path)
    if full is not None:
        return full
    folder, name = os.path.split(path)
    real = _scope.real.get(folder)
    if real is None:
        real = _scope.real[folder] = os.path.realpath(folder or ".")
    full = os.path.join(real, name)
    if os.path.islink(full):
        full = os.path.realpath(full)
    if len(_scope.files) >= RESOLVED:  # a draft asks about the same few files many times, then never again
        _scope.files.clear()
    _scope.files[path] = full
    return full
