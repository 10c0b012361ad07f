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
    rank: int = 0  # 0 the workspace's, 1 the current folder's, 2 the shipped ones: the nearest wins a tie


def profiles(workspace: Path | None) -> list[Known]:
    """Every profile that loads: the workspace's (profiles/ beside van-ban/), the current folder's, the shipped ones."""
    folders = [(rank, f) for rank, f in enumerate(((workspace / "profiles") if workspace else None,
                                                   Path.cwd() / "profiles", builtin_profiles()))
               if f is not None and f.is_dir()]
    seen: set[Path] = set()
    found: list[Known] = []
    for rank, folder in folders:
        for file in profile_files(folder):
            if file.resolve() in seen or "co-so" in file.parts:
                continue
            seen.add(file.resolve())
            try:
                profile = load_profile(file)
            except InputError:
                continue
            found.append(Known(profile, str(file.relative_to(folder).with_suffix("")), rank))
    return found


def _same(a: str, b: str) -> bool:
    return fold(" ".join(a.split())) == fold(" ".join(b.split()))


def _symbol_fits(profile: Profile, symbol: str) -> bool:
    """The number's issuer symbol is the profile's, alone or followed by the drafting board: 'HPN', 'MTTQ-BTT' (a
    symbol with a hyphen of its own), 'TĐTN-TG' (ky_hieu_kem_phong), 'LĐLĐ-TGNC' (a Công văn)."""
    own = fold(profile.symbol)
    folded = fold(symbol)
    return folded == own or folded.startswith(f"{own}-")


def match(known: list[Known], lines: list[str], parent: str, symbol: str, place: str) -> Known | None:
    """The one profile whose header is these lines (and whose symbol is the number's), or whose symbol and place are
    the document's when it shows no header; None when none or several fit. Of several that fit, those nearest the
    workspace stand: an office's copy of a shipped profile is the office's own."""
    if lines:
        fits = [k for k in known if _same(" ".join(k.profile.issuer_lines), " ".join(lines))
                and (not parent or not k.profile.parent_body or _same(k.profile.parent_body, parent))
                and (not symbol or _symbol_fits(k.profile, symbol))]
    elif symbol and place:
        fits = [k for k in known if _symbol_fits(k.profile, symbol) and _same(k.profile.place, place)]
    else:
        fits = []
    nearest = [k for k in fits if k.rank == min(f.rank for f in fits)]
    return nearest[0] if len(nearest) == 1 else None
