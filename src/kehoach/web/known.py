"""What the workspace has, for the lists a form offers: profiles, parents, plans, the kinds of body tasks go to."""

from __future__ import annotations

from collections import Counter

from kehoach.catalog import ProfileEntry, profile_entries
from kehoach.drafting import citations
from kehoach.errors import KehoachError
from kehoach.inputs.documents import load_document
from kehoach.inputs.paths import builtin_profiles
from kehoach.web.site import Site, slug

SHIPPED, OWN = "san", "rieng"


def profiles(site: Site) -> list[tuple[str, ProfileEntry]]:
    """(source, entry): the workspace's profiles first, then the shipped ones it does not replace."""
    load = site.profile_cache.load
    own = [(OWN, e) for e in profile_entries(folders=[site.profiles], load=load)]
    names = {e.name for _src, e in own}
    return own + [(SHIPPED, e) for e in profile_entries(folders=[builtin_profiles()], load=load) if e.name not in names]


def folder_of(entry: ProfileEntry) -> str:
    """The folder a profile is filed under ("gia-lai" for gia-lai/ldld-gia-lai), "" for one at the top."""
    return entry.name.split("/")[0] if "/" in entry.name else ""


def place_names(entries: list[tuple[str, ProfileEntry]]) -> dict[str, str]:
    """folder → the place it is named after, written as the profiles in it write it: "gia-lai" → "Gia Lai".

    A folder of profiles is named after its province (profiles/README.md), without marks. The name is looked for in
    what its profiles print (names, place of the date line, the body above, Nơi nhận): the words whose plain form is
    the folder's name, in the case most profiles write them ("Gia Lai" in "Liên đoàn Lao động tỉnh Gia Lai", not the
    header's "GIA LAI"). Not every profile of a folder is dated at the province ("Ví Dụ", a commune; "Phong Thổ", a
    district), so the place of one profile is not the folder's name. A folder none of whose profiles names it keeps
    its own name as written."""
    found: dict[str, Counter[str]] = {}
    for _source, entry in entries:
        folder = folder_of(entry)
        if not folder or entry.profile is None:
            continue
        counts = found.setdefault(folder, Counter())
        p = entry.profile
        for text in (p.full_name, p.name, p.issuer_text, p.place, p.parent_body, *p.issuer_lines, *p.recipients):
            counts.update(_named(text, folder))
    out = {}
    for folder, counts in found.items():
        written = [name for name, _n in counts.most_common() if not name.isupper()] or [n for n, _c in counts.most_common()]
        out[folder] = written[0] if written else folder
    return out


def _named(text: str, folder: str) -> list[str]:
    """The runs of words of `text` whose plain form is `folder`: "tỉnh Gia Lai" → ["Gia Lai"] for "gia-lai"."""
    words = text.replace(",", " ").replace("(", " ").replace(")", " ").split()
    size = folder.count("-") + 1
    return [" ".join(words[i:i + size]) for i in range(len(words) - size + 1)
            if slug(" ".join(words[i:i + size])) == folder]


def signer_label(title: str, authority: str = "", name: str = "") -> str:
    """A signer as the list shows it: what the signature block prints, the title first, then the name when the
    profile has it: "PHÓ CHỦ TỊCH (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH)", "CHỦ TỊCH — Hoàng Thọ Trung (TM. BAN
    THƯỜNG VỤ)"."""
    lines = [line.strip() for line in authority.splitlines() if line.strip()]
    named = f"{title} — {name}" if name else title
    return f"{named} ({' / '.join(lines)})" if lines else named


def department_label(name: str, abbr: str = "") -> str:
    return f"{name} ({abbr})" if abbr and abbr != name else name


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
