"""Answers for the 'ho-so' and 'trich-dan' commands: what profiles exist, what a document's citation is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kehoach.drafting import citations
from kehoach.errors import InputError
from kehoach.inputs.documents import Library
from kehoach.inputs.models import SYSTEM_NAMES, Profile
from kehoach.inputs.paths import builtin_profiles, yaml_files
from kehoach.inputs.profiles import load_profile


def profile_files(root: Path | None = None, folders: list[Path] | None = None) -> list[Path]:
    """Profile files of `root`, or of `folders` (default: ./profiles, then the shipped ones); a name found twice, first."""
    folders = folders if folders is not None else [root] if root else [Path.cwd() / "profiles", builtin_profiles()]
    seen: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for file in yaml_files(folder):
                seen.setdefault(str(file.relative_to(folder).with_suffix("")), file)
    return list(seen.values())


@dataclass(frozen=True)
class ProfileEntry:
    """One profile as a list shows it: `name` as plans write it (gia-lai/ldld-gia-lai), `base` for co-so/ files."""

    name: str
    file: Path
    base: bool
    profile: Profile | None = None  # None for a base, or when the file cannot be read
    problem: str = ""  # why it cannot be read


def profile_entries(root: Path | None = None, folders: list[Path] | None = None,
                    load: Callable[[Path], Profile] = load_profile) -> list[ProfileEntry]:
    """Every profile of the folders with its loaded form or its first problem; `load` may remember (the web page)."""
    entries = []
    for file in profile_files(root, folders):
        base = file.parent.parent if file.parent.name != "profiles" else file.parent
        name = str(file.relative_to(base).with_suffix("")) if file.parent.name != "profiles" else file.stem
        if "co-so" in file.parts:
            entries.append(ProfileEntry(name, file, True))
            continue
        try:
            entries.append(ProfileEntry(name, file, False, load(file)))
        except InputError as exc:
            entries.append(ProfileEntry(name, file, False, problem=exc.problems[0].message))
    return entries


def list_profiles(root: Path | None = None) -> list[str]:
    """One line per profile: its name, system and printed issuer; broken profiles say why."""
    lines = []
    for entry in profile_entries(root):
        if entry.base:
            lines.append(f"{entry.name:40} (hồ sơ cơ sở để kế thừa)")
        elif entry.profile is None:
            lines.append(f"{entry.name:40} LỖI: {entry.problem}")
        else:
            profile = entry.profile
            lines.append(f"{entry.name:40} {SYSTEM_NAMES[profile.system]:10} {' / '.join(profile.issuer_lines)}")
    return lines


def describe_profile(ref: str) -> str:
    profile = load_profile(ref)
    # One line per signer, the lines of the signature block joined by " / " as the header's are.
    signers = [f"    {s.key}: {' / '.join(filter(None, [*s.authority.splitlines(), s.title, s.name]))}"
               for s in profile.signers]
    return "\n".join([
        f"Hồ sơ hợp lệ: {profile.file}",
        f"  Hệ thống: {SYSTEM_NAMES[profile.system]}",
        f"  Tiêu đề: {' / '.join(filter(None, [profile.parent_body, *profile.issuer_lines]))}",
        f"  Ký hiệu: {profile.symbol}; địa danh: {profile.place}",
        "  Người ký:",
        *signers,
        f"  Phòng, ban: {', '.join(f'{d.name} ({d.abbr})' for d in profile.departments) or '(không có)'}",
        f"  Nơi nhận: {len(profile.recipients)} mục; Lưu: {profile.archive}",
    ])


def citation_of(ref: str, comma: bool, relative_to: Path | None = None) -> tuple[str, str]:
    """(full citation with its chain, short form) of a document named by key or path."""
    library = Library()
    doc = library.resolve(ref, relative_to or Path.cwd())
    return citations.full(doc, library.docs.get, comma), citations.short(doc)
