"""What the workspace has, for the lists a form offers: profiles, parents, plans, the kinds of body tasks go to."""

from __future__ import annotations

from kehoach.catalog import ProfileEntry, profile_entries
from kehoach.drafting import citations
from kehoach.errors import KehoachError
from kehoach.inputs.documents import load_document
from kehoach.inputs.paths import builtin_profiles
from kehoach.web.site import Site

SHIPPED, OWN = "san", "rieng"


def profiles(site: Site) -> list[tuple[str, ProfileEntry]]:
    """(source, entry): the workspace's profiles first, then the shipped ones it does not replace."""
    load = site.profile_cache.load
    own = [(OWN, e) for e in profile_entries(folders=[site.profiles], load=load)]
    names = {e.name for _src, e in own}
    return own + [(SHIPPED, e) for e in profile_entries(folders=[builtin_profiles()], load=load) if e.name not in names]


def kinds(entries: list[tuple[str, ProfileEntry]]) -> list[tuple[str, str]]:
    """Kinds of body (giao_cho, loai_co_quan): those the profiles answer for or give their units."""
    found = {k for _s, e in entries if e.profile for k in [*e.profile.kinds, *(x for u in e.profile.units for x in u.kinds)]}
    return [(k, k) for k in sorted(found)]


def documents(site: Site) -> list[tuple[str, str]]:
    """(name, "name — Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư") of each parent in van-ban/."""
    if not site.documents.is_dir():
        return []
    out = []
    for file in sorted(site.documents.rglob("*.yaml")):
        name = site.name_of(site.documents, file)
        try:
            out.append((name, f"{name} — {citations.dated(load_document(file), comma=False)}"))
        except KehoachError:
            out.append((name, f"{name} (có lỗi)"))
    return out


def plans(site: Site) -> list[tuple[str, str]]:
    return [(p.stem, str(p.relative_to(site.root))) for p in site.workspace().plans()]
