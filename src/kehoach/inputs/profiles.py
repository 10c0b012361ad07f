"""Profiles of issuing bodies: YAML with Vietnamese keys, inheritance from a base profile.

Merge rules (also in profiles/README.md): a child's scalar replaces the base's; a child's group
(`trinh_bay`) is merged key by key; a child's list replaces the base's list whole; `null` removes an
inherited value. `ke_thua` names the base by path (relative to the child) or by profile name (find_base).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kehoach.errors import InputError, Problem
from kehoach.inputs import once, placeholder_check
from kehoach.inputs.documents import term_of
from kehoach.inputs.models import Department, Layout, Profile, Signer, Unit
from kehoach.inputs.paths import find_profile, not_found, profile_dirs
from kehoach.inputs.profile_keys import PROFILE, REQUIRED
from kehoach.inputs.schema import check
from kehoach.inputs.yamlfile import Located, read_yaml
from kehoach.text.vntext import nfc, upper_vi

# Defaults of each system (format-rules.md §1 table, §3.4, §3.5).
LAYOUT_DEFAULTS = {
    "nha_nuoc": Layout("I.", ";", "./.", False, "(để b/c)"),
    "dang": Layout("I-", ",", ".", True, "(b/c)"),
    "cong_doan": Layout("I.", ";", "./.", False, "(b/c)"),
}
# Who a body's plans speak to, and which task owners it answers for, when its profile does not say.
PEOPLE = {
    "dang": "cán bộ, đảng viên và Nhân dân",
    "cong_doan": "cán bộ, đoàn viên, công nhân, viên chức, lao động",
    "nha_nuoc": "cán bộ, công chức, viên chức, người lao động và Nhân dân",
}
KINDS = {"dang": ("cap_uy",), "cong_doan": ("cong_doan",), "nha_nuoc": ("chinh_quyen",)}


def _merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in child.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


MAX_CHAIN = 20  # a profile, its base, the base's base …: real chains have two or three


def _resolve_chain(file: Path, text: str | None = None) -> tuple[list[Located], list[Problem]]:
    """The profile and its bases, base first, with the problems of every file of the chain (all reported at once);
    `text` stands for the content of `file` (a form not yet saved)."""
    chain: list[Located] = []
    problems: list[Problem] = []
    seen: list[Path] = []
    while True:
        try:
            loc = read_yaml(file, text, strict=False, what="tệp hồ sơ cơ quan")
        except InputError as exc:
            return chain, problems + exc.problems
        given, text = text, None  # only the first file's content can be given
        problems += _checked(loc) if given is None else _check(loc)
        chain.insert(0, loc)
        seen.append(Path(once.realpath(str(file))))
        base_ref = loc.data.get("ke_thua")
        if not base_ref or not isinstance(base_ref, str):
            return chain, problems
        base = find_base(base_ref, file)
        if base is None:
            message = not_found("hồ sơ cơ sở", base_ref, profile_dirs(file.parent))
            return chain, problems + [loc.problem(("ke_thua",), message)]
        if Path(once.realpath(str(base))) in seen:
            return chain, problems + [loc.problem(("ke_thua",), "kế thừa vòng tròn: hồ sơ kế thừa lại chính nó")]
        if len(chain) >= MAX_CHAIN:
            return chain, problems + [loc.problem(("ke_thua",), f"chuỗi kế thừa dài quá {MAX_CHAIN} hồ sơ")]
        file = base


def find_base(ref: str, child: Path) -> Path | None:
    """The profile a child's `ke_thua` names, as a person who copied the child expects it found (profiles/README §4):

    - a name (`co-so/dang`, `ldld-gia-lai`) is looked up in the profile folders, nearest first (profile_dirs), down
      to kehoach's own, never finding the child itself (paths.find_profile `asking`): an office's
      profiles/co-so/dang.yaml that says `ke_thua: co-so/dang` changes a few keys of the shipped base;
    - a path (`../co-so/dang.yaml`) is taken from the child's folder; where it leads nowhere (the child was copied
      out of kehoach's profiles/ into an office's, where there is no ../co-so/), it is the name under it
      (`co-so/dang`), looked up like any name (an absolute path from an old clone: also its last two parts)."""
    found = find_profile(ref, relative_to=child.parent, asking=child)
    name = _name_of(ref)
    if found is not None or not name or name == ref:
        return found
    names = [name] + (["/".join(name.split("/")[-2:])] if name.count("/") > 1 else [])
    for wanted in names:
        found = find_profile(wanted, relative_to=child.parent, asking=child)
        if found is not None:
            return found
    return None


def _name_of(ref: str) -> str:
    """'../co-so/dang.yaml' → 'co-so/dang': the path without the steps up and the suffix."""
    parts = [p for p in ref.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    if not parts:
        return ""
    last = parts[-1]
    parts[-1] = last.rsplit(".", 1)[0] if last.endswith((".yaml", ".yml")) else last
    return "/".join(parts)


def _check(loc: Located) -> list[Problem]:
    return check(loc, PROFILE) or placeholder_check.problems_in(loc, PROFILE)


def _checked(loc: Located) -> list[Problem]:
    """The problems of a profile file, found once per reading of it (a build reads a base profile once for a thousand
    plans: inputs/once.py)."""
    if "profile" not in loc.derived:
        loc.derived["profile"] = _check(loc)
    return list(loc.derived["profile"])


Origin = tuple[Located, tuple[Any, ...]]  # the file and key path that named a profile (a plan's co_quan)


def _find(ref: str | Path, relative_to: Path | None, text: str | None, origin: Origin | None = None) -> Path:
    if text is not None:
        return Path(ref)  # the content is given: the file need not exist yet
    asking = origin[0].file if origin else None
    file = find_profile(str(ref), relative_to=relative_to, asking=asking)
    if file is None:
        message = not_found("hồ sơ cơ quan", str(ref), profile_dirs(relative_to))
        raise InputError([origin[0].problem(origin[1], message) if origin else Problem(Path(str(ref)), message)])
    return file


def _merged(chain: list[Located]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for loc in chain:
        data = _merge(data, {k: v for k, v in loc.data.items() if k != "ke_thua"})
    return data


def inherited(ref: str | Path, relative_to: Path | None = None) -> dict[str, Any]:
    """The keys a profile gives, its bases' merged in (plain data, as the files write them): what a child inherits.

    Raises InputError like load_profile when the profile or a base cannot be read."""
    chain, problems = _resolve_chain(_find(ref, relative_to, None))
    if problems:
        raise InputError(problems)
    return _merged(chain)


def load_profile(ref: str | Path, relative_to: Path | None = None, text: str | None = None,
                 origin: Origin | None = None) -> Profile:
    """A profile by name or path, its bases merged in; `text`, when given, is the content of the file `ref`.

    `origin` is the file and key that named it (a plan's co_quan): a profile that cannot be found, or has problems,
    is reported there too, so the message names the plan file and line that asked for it. Every problem of every
    file of the chain is reported at once."""
    file = _find(ref, relative_to, text, origin)
    chain, problems = _resolve_chain(file, text)
    data: dict[str, Any] = {}
    if not problems:
        data = _merged(chain)
        own = chain[-1]
        problems = [Problem(own.file, f"thiếu khóa bắt buộc '{key}' (kể cả trong hồ sơ cơ sở)", own.line(()), key)
                    for key in REQUIRED if not data.get(key)]
    if problems:
        if origin is not None:  # after the profile's own problems, each with its file and line: who asked for it
            count = f"{len(problems)} lỗi kể trên" if len(problems) > 1 else "lỗi kể trên"
            problems.append(origin[0].problem(origin[1], f"hồ sơ '{ref}' ({file}) có {count}"))
        raise InputError(problems)
    return _build(file, data, chain[-1], tuple(loc.file for loc in chain))


def _lines(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(nfc(str(v)) for v in items if v is not None and str(v).strip())


def clean_recipient(text: str) -> str:
    """Recipients are stored bare; composition adds '- ' and the separator."""
    return nfc(str(text)).lstrip("-–• ").rstrip(";,.").strip()


def _build(file: Path, data: dict[str, Any], own: Located, sources: tuple[Path, ...]) -> Profile:
    system = data["he_thong"]
    signers = []
    for raw in data["nguoi_ky"] if isinstance(data["nguoi_ky"], list) else [data["nguoi_ky"]]:
        signers.append(Signer(
            key=nfc(str(raw["ma"])),
            # Several lines print as one paragraph with line breaks (NĐ 30: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH").
            authority="\n".join(upper_vi(line) for line in _lines(raw.get("tham_quyen") or [])),
            title=upper_vi(nfc(str(raw["chuc_vu"]))),
            name=nfc(str(raw.get("ho_ten") or "")),
        ))
    default_signer = nfc(str(data.get("nguoi_ky_mac_dinh") or signers[0].key))
    if default_signer not in {s.key for s in signers}:
        raise InputError([own.problem(("nguoi_ky_mac_dinh",), f"không có người ký mã '{default_signer}' trong 'nguoi_ky'")])
    departments = tuple(_department(d) for d in (data.get("phong_ban") or []))
    base = LAYOUT_DEFAULTS[system]
    layout_data = data.get("trinh_bay") or {}
    layout = Layout(
        section_mark=layout_data.get("kieu_muc", base.section_mark),
        recipient_sep=layout_data.get("dau_noi_nhan", base.recipient_sep),
        closing_mark=layout_data.get("ket_thuc", base.closing_mark),
        comma_before_date=layout_data.get("dau_phay_truoc_ngay", base.comma_before_date),
        report_note=layout_data.get("ghi_chu_bao_cao", base.report_note),
        long_dates=layout_data.get("ngay_trich_dan", "ngan") == "day_du",
        national=tuple(nfc(str(line)) for line in _lines(layout_data.get("quoc_hieu") or [])),
        issuer_mark=str(layout_data.get("dau_duoi_ten") or ""),
        number_colon=layout_data.get("so_hai_cham"),
        notation=str(layout_data.get("kieu_so") or ""),
        symbol_with_dept=layout_data.get("ky_hieu_kem_phong") is True,
        subject_case=str(layout_data.get("chu_dau_trich_yeu") or ""),
    )
    template = data.get("mau")
    default_archive = "VT" if system != "dang" else f"Văn phòng {nfc(str(data['ten_goi']))}"
    return Profile(
        key=file.stem,
        file=file,
        system=system,
        parent_body=upper_vi(nfc(str(data.get("co_quan_chu_quan") or ""))),
        issuer_lines=tuple(upper_vi(line) for line in _lines(data["ten_co_quan"])),
        name=nfc(str(data["ten_goi"])),
        full_name=nfc(str(data.get("ten_day_du") or data["ten_goi"])),
        symbol=nfc(str(data["ky_hieu"])),
        place=nfc(str(data["dia_danh"])),
        collective=nfc(str(data.get("tap_the") or "")),
        signers=tuple(signers),
        default_signer=default_signer,
        departments=departments,
        units=tuple(_unit(u) for u in _as_list(data.get("don_vi_cap_duoi"))),
        units_heading=nfc(str(data.get("ten_chung_don_vi_cap_duoi") or "")),
        recipients=tuple(clean_recipient(r) for r in _lines(data.get("noi_nhan") or [])),
        archive=nfc(str(data.get("luu") or default_archive)),
        layout=layout,
        template=(file.parent / str(template)).resolve() if template else None,
        sources=sources,
        people=nfc(str(data.get("doi_tuong") or PEOPLE[system])),
        area=nfc(str(data.get("dia_ban") or "")),
        kinds=_lines(data.get("loai_co_quan") or []) or KINDS[system],
        superiors=tuple(clean_recipient(r) for r in _lines(data.get("cap_tren") or [])),
        drafting_dept=nfc(str(data.get("phong_soan_thao") or "")),
        term=term_of(data.get("khoa")),
        issuer_text=" ".join(_lines(data["ten_co_quan"])),
    )


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _department(raw: dict[str, Any]) -> Department:
    abbr = nfc(str(raw.get("viet_tat") or raw["ten"]))
    # A department's part of a Công văn number is its abbreviation run together: "TG-NC" → "TGNC".
    symbol = nfc(str(raw.get("ky_hieu") or abbr.replace("-", "").replace(" ", "")))
    return Department(nfc(raw["ten"]), abbr, nfc(str(raw.get("nhiem_vu") or "")), symbol, _lines(raw.get("linh_vuc") or []))


def _unit(raw: Any) -> Unit:
    if isinstance(raw, str):
        name = clean_recipient(raw)
        return Unit(name, name)
    name = clean_recipient(raw["ten"])
    relation = "" if raw.get("quan_he") in (None, "truc_thuoc") else str(raw["quan_he"])
    return Unit(name, clean_recipient(raw.get("ten_ngan") or name), _lines(raw.get("loai") or []), relation)
