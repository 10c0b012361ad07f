"""The bodies the office already knows: profiles of the workspace and the shipped ones, found from a document's header.

A body's profile says how others cite it (ten_day_du), whom its tasks address (doi_tuong) and where (dia_ban): when
the header of an imported document is one of them, these come from the profile instead of being guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kehoach.catalog import profile_files
from kehoach.errors import InputError
from kehoach.inputs.models import Profile
from kehoach.inputs.paths import builtin_profiles
from kehoach.inputs.profiles import load_profile
from kehoach.nhap.names import fold


@dataclass(frozen=True)
class Known:
    profile: Profile
    name: str  # as the profile is named: "lai-chau/ldld-lai-chau"


def profiles(workspace: Path | None) -> list[Known]:
    """Every profile that loads: the workspace's (profiles/ beside van-ban/), the current folder's, the shipped ones."""
    folders = [f for f in ((workspace / "profiles") if workspace else None, Path.cwd() / "profiles", builtin_profiles())
               if f is not None and f.is_dir()]
    seen: set[Path] = set()
    found: list[Known] = []
    for folder in folders:
        for file in profile_files(folder):
            if file.resolve() in seen or "co-so" in file.parts:
                continue
            seen.add(file.resolve())
            try:
                profile = load_profile(file)
            except InputError:
                continue
            found.append(Known(profile, str(file.relative_to(folder).with_suffix(""))))
    return found


def _same(a: str, b: str) -> bool:
    return fold(" ".join(a.split())) == fold(" ".join(b.split()))


def match(known: list[Known], lines: list[str], parent: str, symbol: str, place: str) -> Known | None:
    """The one profile whose header is these lines (and whose symbol is the number's), or whose symbol and place are
    the document's when it shows no header; None when none or several fit."""
    issuer = symbol.split("-")[0] if symbol else ""
    if lines:
        fits = [k for k in known if _same(" ".join(k.profile.issuer_lines), " ".join(lines))
                and (not parent or not k.profile.parent_body or _same(k.profile.parent_body, parent))
                and (not issuer or k.profile.symbol == issuer)]
    elif issuer and place:
        fits = [k for k in known if k.profile.symbol == issuer and _same(k.profile.place, place)]
    else:
        fits = []
    return fits[0] if len(fits) == 1 else None
