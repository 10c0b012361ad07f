"""Where profiles, documents and templates are found. Explicit search lists; no global state."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from pathlib import Path

from kehoach.inputs import once

_PACKAGE = Path(__file__).resolve().parent.parent  # the kehoach package


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
    dirs: list[Path] = []
    if relative_to is not None:
        dirs += [relative_to, *_above(relative_to, "profiles")]
    dirs.append(Path.cwd() / "profiles")
    dirs += [Path(p) for p in os.environ.get("KEHOACH_PROFILES", "").split(os.pathsep) if p]
    dirs.append(builtin_profiles())
    return dirs


def profile_dirs(relative_to: Path | None) -> list[Path]:
    return _profile_dirs(relative_to)


def find_profile(ref: str, relative_to: Path | None = None) -> Path | None:
    """A path to a .yaml file, or a profile name looked up in the profile folders (recursively)."""
    # A build asks for each base profile from every plan of its folder: answered once per folder.
    return once.memo(("profile", ref, relative_to), lambda: _find(ref, _profile_dirs(relative_to), relative_to))


def document_dirs(relative_to: Path | None) -> list[Path]:
    dirs: list[Path] = []
    if relative_to is not None:
        dirs += [relative_to, *_above(relative_to, "van-ban"), relative_to.parent]
    dirs.append(Path.cwd() / "van-ban")
    return dirs


def find_document(ref: str, relative_to: Path | None = None) -> Path | None:
    return _find(ref, document_dirs(relative_to), relative_to)


# Names found by searching folders recursively, per process: a build looks up one base profile thousands of times.
# Only finds are remembered, and checked again before use, so a file added later is still found.
_found: dict[tuple[str, tuple[Path, ...]], Path] = {}


def _find(ref: str, dirs: list[Path], relative_to: Path | None) -> Path | None:
    key = (ref, tuple(dirs))
    if key in _found and _found[key].is_file():
        return _found[key]
    path = _search(ref, dirs, relative_to)
    if path is not None:
        _found[key] = path
    return path


def _search(ref: str, dirs: list[Path], relative_to: Path | None) -> Path | None:
    candidate = Path(ref)
    if not ref.strip():
        return None
    if candidate.suffix in (".yaml", ".yml"):
        for base in ([relative_to] if relative_to else []) + [Path.cwd()]:
            path = candidate if candidate.is_absolute() else base / candidate
            if path.is_file():
                return path
        return None
    if candidate.is_absolute():  # "/etc/passwd": a path to one file, never a pattern to search folders with
        return next((p for p in (Path(f"{ref}.yaml"), Path(f"{ref}.yml")) if p.is_file()), None)
    # Names are compared as text, never used as a glob pattern: "*" or "[x]" in a name find nothing they should not.
    wanted = "/" + candidate.as_posix() + ".yaml"
    for folder in dirs:
        if not folder.is_dir():
            continue
        for suffix in (".yaml", ".yml"):
            direct = folder / f"{ref}{suffix}"
            if direct.is_file():
                return direct
        # Listed once per build (a national profiles/ folder holds thousands of files), by file name: a name is
        # compared only with the files that have its last part, in the order of a sorted walk.
        for rel, _found in once.listing(folder, _yaml_below).get(wanted.rsplit("/", 1)[1], ()):
            found = folder / rel[1:]  # spelt from this folder, as a search of it would give it
            if rel.endswith(wanted) and found.is_file():
                return found
    return None


def _yaml_below(folder: Path) -> dict[str, list[tuple[str, Path]]]:
    """The .yaml files below `folder` (sorted), by file name: ("/" + path relative to the folder, path)."""
    by_name: dict[str, list[tuple[str, Path]]] = {}
    for found in sorted(folder.rglob("*.yaml")):
        by_name.setdefault(found.name, []).append(("/" + found.relative_to(folder).as_posix(), found))
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
        for i, file in enumerate(folder.rglob("*.yaml")):
            if i == _SUGGEST_LIMIT:
                break
            known.add(file.relative_to(folder).with_suffix("").as_posix() if by_path else file.stem)
    guesses = difflib.get_close_matches(ref, sorted(known), n=3, cutoff=0.6)
    hint = "; có phải ý bạn là " + " hay ".join(f"'{g}'" for g in guesses) + "?" if guesses else ""
    where = ", ".join(str(d) for d in searched) or "không có thư mục nào trong số đó tồn tại"
    return f"không tìm thấy {what} '{ref}'{hint} (đã tìm trong: {where})"


_SUGGEST_LIMIT = 5000  # files looked at per folder for suggestions: a national workspace has thousands
