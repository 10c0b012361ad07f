"""Where profiles, documents and templates are found. Explicit search lists; no global state."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from kehoach.inputs import filekind, once

_PACKAGE = Path(__file__).resolve().parent.parent  # the kehoach package
YAML_SUFFIXES = (".yaml", ".yml")  # a plan, a document or a profile saved as .yml is one like any other


def yaml_files(folder: Path, recursive: bool = True) -> list[Path]:
    """The .yaml and .yml files in `folder` (below it when `recursive`), sorted."""
    pattern = folder.rglob if recursive else folder.glob
    return sorted(p for suffix in YAML_SUFFIXES for p in pattern(f"*{suffix}"))


@cache  # where kehoach is installed does not change while it runs
def _data_dir(name: str) -> Path:
    # In a checkout the folders sit at the top of the repository; in a wheel they are packed in _data.
    repo = _PACKAGE.parent.parent / name
    return repo if repo.is_dir() else _PACKAGE / "_data" / name


def builtin_profiles() -> Path:
    return _data_dir("profiles")


def builtin_templates() -> Path:
    return _data_dir("templates")


def _above(folder: Path, name: str) -> list[Path]:
    """folder/name, ../name, ../../name …: a plan in ke-hoach/tinh-01/ still finds the workspace's van-ban/."""
    return [base / name for base in [folder, *folder.parents][:5]]


def _profile_dirs(relative_to: Path | None) -> list[Path]:
    return once.memo(("profile folders", relative_to), lambda: _folders(relative_to))


def _folders(relative_to: Path | None) -> list[Path]:
    dirs: list[Path] = []
    if relative_to is not None:  # the asking file's own folder, unless it is one of plans or documents
        own = [] if any(part in _NOT_PROFILES for part in relative_to.parts) else [relative_to]
        dirs += [*own, *_above(relative_to, "profiles")]
    dirs.append(Path.cwd() / "profiles")
    dirs += [Path(p) for p in os.environ.get("KEHOACH_PROFILES", "").split(os.pathsep) if p]
    dirs.append(builtin_profiles())
    return dirs


def profile_dirs(relative_to: Path | None) -> list[Path]:
    return _profile_dirs(relative_to)


def find_profile(ref: str, relative_to: Path | None = None, asking: Path | None = None) -> Path | None:
    """A path to a .yaml file, or a profile name looked up in the profile folders (recursively).

    A name never finds `asking` (the plan or profile that names it: a plan ke-hoach/twd.yaml with `co_quan: twd` means
    profiles/twd.yaml, not itself), nor a file in a folder of plans or documents (ke-hoach/, van-ban/): those are
    reached only by a path ("../ke-hoach/x.yaml")."""
    # A build asks for a base profile from every profile of its folder: answered once per folder, whoever asks. The
    # answer for one asker differs only when it would be the asker itself (skipped: the search goes on past it).
    found = once.memo(("profile", ref, relative_to),
                      lambda: _find(ref, _profile_dirs(relative_to), relative_to, _not_a_profile(None)))
    if found is None or asking is None or os.path.splitext(ref)[1] in YAML_SUFFIXES:  # a path: never skipped
        return found
    if once.realpath(str(found)) != once.realpath(str(asking)):
        return found
    key = ("profile", ref, relative_to, asking)
    return once.memo(key, lambda: _find(ref, _profile_dirs(relative_to), relative_to, _not_a_profile(asking)))


_NOT_PROFILES = ("ke-hoach", "van-ban")  # folders of plans and of parent documents


def _not_a_profile(asking: Path | None) -> Callable[[Path, Path], bool]:
    """Whether a file found below a searched folder is no profile: the asking file itself, or a file in a ke-hoach/
    or van-ban/ below the folder (a profile beside a workspace's folders searches them too)."""
    itself = once.realpath(str(asking)) if asking is not None else None

    def skip(folder: Path, found: Path) -> bool:
        return any(part in _NOT_PROFILES for part in found.relative_to(folder).parts[:-1]) or (
            itself is not None and once.realpath(str(found)) == itself)
    return skip


def document_dirs(relative_to: Path | None) -> list[Path]:
    dirs: list[Path] = []
    if relative_to is not None:
        dirs += [relative_to, *_above(relative_to, "van-ban"), relative_to.parent]
    dirs.append(Path.cwd() / "van-ban")
    return dirs


def find_document(ref: str, relative_to: Path | None = None) -> Path | None:
    # A build asks for each parent from every plan of its folder: answered once per folder.
    return once.memo(("document path", ref, relative_to), lambda: _find(ref, document_dirs(relative_to), relative_to))


def _find(ref: str, dirs: list[Path], relative_to: Path | None,
          skip: Callable[[Path, Path], bool] | None = None) -> Path | None:
    """The search as the files are now. Nothing is remembered here: a build remembers its answers for its own time
    (once.memo in find_profile and find_document); a long-running process (the web page) finds a profile a person has
    just added nearer than the one it found before."""
    return _search(ref, dirs, relative_to, skip)


def _search(ref: str, dirs: list[Path], relative_to: Path | None,
            skip: Callable[[Path, Path], bool] | None = None) -> Path | None:
    candidate = Path(ref)
    if not ref.strip():
        return None
    if candidate.suffix in YAML_SUFFIXES:
        for base in ([relative_to] if relative_to else []) + [Path.cwd()]:
            path = candidate if candidate.is_absolute() else base / candidate
            if path.is_file():
                return _tidy(path)
        return None
    if candidate.suffix.lower() in filekind.SUFFIXES:  # "thu.docx": the file is read, and the loader says what it is
        for path in ([] if candidate.is_absolute() or not relative_to else [relative_to / candidate]) + [candidate]:
            if path.is_file():  # as typed when it is found from the current folder: the message names it so
                return path
        return None
    if candidate.is_absolute():  # "/etc/passwd": a path to one file, never a pattern to search folders with
        return next((p for p in (Path(f"{ref}{s}") for s in YAML_SUFFIXES) if p.is_file()), None)
    # Names are compared as text, never used as a glob pattern: "*" or "[x]" in a name find nothing they should not.
    wanted = ["/" + candidate.as_posix() + suffix for suffix in YAML_SUFFIXES]
    names = frozenset(name.rsplit("/", 1)[1] for name in wanted)
    searched: set[str] = set()  # real folders already searched: profiles/ and ./profiles are often one folder
    for folder in dirs:
        if not folder.is_dir():
            continue
        for suffix in YAML_SUFFIXES:
            direct = folder / f"{ref}{suffix}"
            if direct.is_file() and not (skip and skip(folder, direct)):
                return direct
        real = once.realpath(str(folder))
        if real in searched:  # what it holds was looked at already and is no answer, however it is spelt
            continue
        searched.add(real)
        # By file name, in the order of a sorted walk: a name is compared only with the files that have its last
        # part. A build lists each folder once (a national profiles/ folder holds thousands of files) and answers
        # every name from that; one draft walks it for the one name it needs, without listing it.
        listed = once.listing(folder, _yaml_below) if once.current() is not None else _yaml_below(folder, names)
        for name in wanted:
            for rel in listed.get(name.rsplit("/", 1)[1], ()):
                found = folder / rel[1:]  # spelt from this folder, as a search of it would give it
                if rel.endswith(name) and found.is_file() and not (skip and skip(folder, found)):
                    return found
    return None


def _tidy(path: Path) -> Path:
    """profiles/gia-lai/../co-so/dang.yaml → profiles/co-so/dang.yaml, when both name the same file (a folder that is a
    symlink keeps its '..'): messages, records and the web page's copy show the path a person would write."""
    tidy = Path(os.path.normpath(path))
    if tidy == path:
        return path
    try:
        return tidy if tidy.is_file() and os.path.samefile(tidy, path) else path
    except OSError:
        return path


def _yaml_below(folder: Path, names: frozenset[str] | None = None) -> dict[str, list[str]]:
    """The .yaml and .yml files below `folder` (only those named one of `names`, when given), by file name: ["/" +
    path relative to the folder, in posix form], in the order of `sorted(yaml_files(folder))`.

    That order is a walk taking each folder's entries sorted by name, a name before what is below it: paths compare
    part by part. Like `Path.rglob` it does not enter folders that are symbolic links, passes over folders it cannot
    read, and also lists a folder whose name ends in .yaml (the caller keeps only files). Only names are compared, no
    Path is made (os.scandir: a national profiles/ folder of 3,321 files is walked in a few milliseconds)."""
    by_name: dict[str, list[str]] = {}
    todo: list[tuple[str, str, int, str]] = [("", "", 1, str(folder))]  # (where, name, 0 file | 1 folder, path)
    while todo:
        rel, name, kind, path = todo.pop()
        if name:
            rel = f"{rel}/{name}"
        if kind == 0:
            by_name.setdefault(name, []).append(rel)
            continue
        entries: list[tuple[str, str, int, str]] = []
        try:
            with os.scandir(path) as found:
                for entry in found:
                    if names is not None and entry.name in names or names is None and entry.name.endswith(YAML_SUFFIXES):
                        entries.append((rel, entry.name, 0, entry.path))
                    try:  # a folder, not a link to one: what rglob's is_dir() and not is_symlink() enters
                        if entry.is_dir(follow_symlinks=False):
                            entries.append((rel, entry.name, 1, entry.path))
                    except OSError:
                        pass
        except OSError:  # a folder that cannot be read holds no profile, as for rglob
            continue
        entries.sort(key=lambda e: (e[1], e[2]), reverse=True)  # popped from the end: the first name first
        todo += entries
    return by_name


def not_found(what: str, ref: str, dirs: list[Path], names: Iterable[str] = (), by_path: bool = True) -> str:
    """"không tìm thấy hồ sơ 'x'; có phải ý bạn là 'y'? (đã tìm trong: …)": what was looked for, the nearest names
    there are, and the folders that were searched. Names are paths below a folder without .yaml (profiles:
    "lai-chau/ldld-lai-chau"), or with `by_path=False` file names without .yaml (document keys: "349-kh-tld")."""
    seen: dict[Path, Path] = {}
    for folder in dirs:
        if folder.is_dir():
            seen.setdefault(folder.resolve(), folder)
    searched = list(seen.values())
    known = set(names)
    for folder in searched:
        for i, file in enumerate(p for s in YAML_SUFFIXES for p in folder.rglob(f"*{s}")):
            if i == _SUGGEST_LIMIT:
                break
            known.add(file.relative_to(folder).with_suffix("").as_posix() if by_path else file.stem)
    import difflib  # only when a name was not found: every command starts without it

    guesses = difflib.get_close_matches(ref, sorted(known), n=3, cutoff=0.6)
    hint = "; có phải ý bạn là " + " hay ".join(f"'{g}'" for g in guesses) + "?" if guesses else ""
    where = ", ".join(str(d) for d in searched) or "không có thư mục nào trong số đó tồn tại"
    return f"không tìm thấy {what} '{ref}'{hint} (đã tìm trong: {where})"


_SUGGEST_LIMIT = 5000  # files looked at per folder for suggestions: a national workspace has thousands
