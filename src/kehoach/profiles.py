"""Profiles of issuing bodies: YAML with Vietnamese keys, inheritance from a base profile.

Merge rules (also in profiles/README.md): a child's scalar replaces the base's; a child's group
(`trinh_bay`) is merged key by key; a child's list replaces the base's list whole; `null` removes an
inherited value. `ke_thua` names the base by path (relative to the child) or by profile name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import InputError, Problem
from .models import SYSTEMS, Department, Layout, Profile, Signer
from .paths import find_profile
from .schema import Field, ListOf, Shape, check
from .vntext import nfc, upper_vi
from .yamlfile import Located, read_yaml

SIGNER = Shape({
    "ma": Field(str, required=True),
    "tham_quyen": Field(str),
    "chuc_vu": Field(str, required=True),
    "ho_ten": Field(str),
})
DEPARTMENT = Shape({"ten": Field(str, required=True), "viet_tat": Field(str), "nhiem_vu": Field(str)})
LAYOUT = Shape({
    "kieu_muc": Field(str, choices=("I.", "I-")),
    "dau_noi_nhan": Field(str, choices=(";", ",")),
    "ket_thuc": Field(str, choices=("./.", ".")),
    "dau_phay_truoc_ngay": Field(bool),
})
PROFILE = Shape({
    "ke_thua": Field(str),
    "he_thong": Field(str, choices=SYSTEMS),
    "co_quan_chu_quan": Field(str),
    "ten_co_quan": Field("text"),
    "ten_goi": Field(str),
    "ten_day_du": Field(str),
    "ky_hieu": Field(str),
    "dia_danh": Field(str),
    "tap_the": Field(str),
    "nguoi_ky": Field(ListOf(SIGNER)),
    "nguoi_ky_mac_dinh": Field(str),
    "phong_ban": Field(ListOf(DEPARTMENT)),
    "don_vi_cap_duoi": Field(ListOf(str)),
    "ten_chung_don_vi_cap_duoi": Field(str),
    "noi_nhan": Field(ListOf(str)),
    "luu": Field(str),
    "trinh_bay": Field(LAYOUT),
    "mau": Field(str),
    "ghi_chu": Field("text"),
})
REQUIRED = ("he_thong", "ten_co_quan", "ten_goi", "ky_hieu", "dia_danh", "nguoi_ky")

# Defaults of each system (format-rules.md §1 table, §3.4, §3.5).
LAYOUT_DEFAULTS = {
    "nha_nuoc": Layout("I.", ";", "./.", False),
    "dang": Layout("I-", ",", ".", True),
    "cong_doan": Layout("I.", ";", "./.", False),
}


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


def _resolve_chain(file: Path, seen: tuple[Path, ...] = ()) -> list[Located]:
    """The profile and its bases, base first."""
    loc = read_yaml(file)
    problems = check(loc, PROFILE)
    if problems:
        raise InputError(problems)
    base_ref = loc.data.get("ke_thua")
    if not base_ref:
        return [loc]
    base = find_profile(str(base_ref), relative_to=file.parent)
    if base is None:
        raise InputError([loc.problem(("ke_thua",), f"không tìm thấy hồ sơ cơ sở '{base_ref}'")])
    if base.resolve() in seen + (file.resolve(),):
        raise InputError([loc.problem(("ke_thua",), "kế thừa vòng tròn: hồ sơ kế thừa lại chính nó")])
    return _resolve_chain(base, seen + (file.resolve(),)) + [loc]


def load_profile(ref: str | Path, relative_to: Path | None = None) -> Profile:
    file = find_profile(str(ref), relative_to=relative_to)
    if file is None:
        raise InputError([Problem(Path(str(ref)), "không tìm thấy hồ sơ cơ quan (tệp .yaml trong thư mục profiles/)")])
    chain = _resolve_chain(file)
    data: dict[str, Any] = {}
    for loc in chain:
        data = _merge(data, {k: v for k, v in loc.data.items() if k != "ke_thua"})
    own = chain[-1]
    missing = [Problem(own.file, f"thiếu khóa bắt buộc '{key}' (kể cả trong hồ sơ cơ sở)", own.line(()), key)
               for key in REQUIRED if not data.get(key)]
    if missing:
        raise InputError(missing)
    return _build(file, data, own, tuple(loc.file for loc in chain))


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
            authority=upper_vi(nfc(str(raw.get("tham_quyen") or ""))),
            title=upper_vi(nfc(str(raw["chuc_vu"]))),
            name=nfc(str(raw.get("ho_ten") or "")),
        ))
    default_signer = nfc(str(data.get("nguoi_ky_mac_dinh") or signers[0].key))
    if default_signer not in {s.key for s in signers}:
        raise InputError([own.problem(("nguoi_ky_mac_dinh",), f"không có người ký mã '{default_signer}' trong 'nguoi_ky'")])
    departments = tuple(
        Department(nfc(d["ten"]), nfc(str(d.get("viet_tat") or d["ten"])), nfc(str(d.get("nhiem_vu") or "")))
        for d in (data.get("phong_ban") or [])
    )
    base = LAYOUT_DEFAULTS[system]
    layout_data = data.get("trinh_bay") or {}
    layout = Layout(
        section_mark=layout_data.get("kieu_muc", base.section_mark),
        recipient_sep=layout_data.get("dau_noi_nhan", base.recipient_sep),
        closing_mark=layout_data.get("ket_thuc", base.closing_mark),
        comma_before_date=layout_data.get("dau_phay_truoc_ngay", base.comma_before_date),
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
        units=tuple(clean_recipient(u) for u in _lines(data.get("don_vi_cap_duoi") or [])),
        units_heading=nfc(str(data.get("ten_chung_don_vi_cap_duoi") or "")),
        recipients=tuple(clean_recipient(r) for r in _lines(data.get("noi_nhan") or [])),
        archive=nfc(str(data.get("luu") or default_archive)),
        layout=layout,
        template=(file.parent / str(template)).resolve() if template else None,
        sources=sources,
    )
