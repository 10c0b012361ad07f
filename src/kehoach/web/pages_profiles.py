"""Cơ quan: the profiles of issuing bodies, shipped and the workspace's; view, create from a base or a similar one, edit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from kehoach.catalog import ProfileEntry
from kehoach.errors import KehoachError
from kehoach.inputs.models import SYSTEM_NAMES
from kehoach.inputs.paths import builtin_profiles, find_profile
from kehoach.inputs.profiles import PROFILE, inherited, load_profile
from kehoach.inputs.schema import Shape
from kehoach.inputs.yamlfile import read_yaml
from kehoach.web import answers, editing, forms, known, wording
from kehoach.web.context import state
from kehoach.web.known import OWN, SHIPPED
from kehoach.web.site import slug

blueprint = Blueprint("profiles", __name__, url_prefix="/co-quan")

LAYOUT = [
    ("Tên và ký hiệu", ["ke_thua", "he_thong", "co_quan_chu_quan", "ten_co_quan", "ten_goi", "ten_day_du", "khoa",
                        "ky_hieu", "dia_danh", "tap_the"], True),
    ("Người ký", ["nguoi_ky", "nguoi_ky_mac_dinh"], True),
    ("Phòng, ban và đơn vị cấp dưới", ["phong_ban", "phong_soan_thao", "don_vi_cap_duoi", "ten_chung_don_vi_cap_duoi"],
     True),
    ("Cấp trên, Nơi nhận, Lưu", ["cap_tren", "noi_nhan", "luu"], True),
    ("Nhiệm vụ nhận từ cấp trên", ["doi_tuong", "dia_ban", "loai_co_quan"], False),
    ("Trình bày và ghi chú", ["trinh_bay", "mau", "ghi_chu"], False),
]


def _entries() -> list[tuple[str, ProfileEntry]]:
    return known.profiles(state().site)


@blueprint.get("/")
def index() -> str:
    q = slug(request.args.get("q", ""))  # without marks: "phong tho" finds "Phong Thổ"
    province = request.args.get("tinh", "")
    system = request.args.get("he_thong", "")
    rows = []
    entries = [(source, entry) for source, entry in _entries() if not entry.base]
    provinces = known.place_names(entries)
    for source, entry in entries:
        if province and known.folder_of(entry) != province:
            continue
        if system and (entry.profile is None or entry.profile.system != system):
            continue
        text = slug(" ".join([entry.name, *(entry.profile.issuer_lines if entry.profile else ()),
                              entry.profile.place if entry.profile else ""]))
        if q and q not in text:
            continue
        rows.append((source, entry))
    return render_template("profiles/index.html", rows=rows, q=request.args.get("q", ""), province=province,
                           system=system, provinces=sorted(provinces.items(), key=lambda item: slug(item[1])),
                           systems=SYSTEM_NAMES)


def _file(source: str, name: str) -> Path:
    site = state().site
    folder = site.profiles if source == OWN else builtin_profiles()
    path = site.inside(folder, name)
    if path is None or not path.is_file():
        abort(404)
    return path


@blueprint.get("/xem/<source>/<path:name>")
def view(source: str, name: str) -> str:
    path = _file(source, name)
    try:
        profile, problems = load_profile(path), []
    except KehoachError as exc:
        profile, problems = None, [str(p) for p in exc.problems]
    return render_template("profiles/view.html", source=source, name=name, profile=profile, problems=problems,
                           text=path.read_text(encoding="utf-8-sig"), systems=SYSTEM_NAMES)


def _reference(base: Path, new_folder: Path) -> str:
    """How the new profile names the one it inherits: a name found from its folder, as profiles/README.md §4 says."""
    names = [str(base.relative_to(folder).with_suffix("")) for folder in (state().site.profiles, builtin_profiles())
             if base.is_relative_to(folder)] + [base.stem]
    for candidate in names:
        found = find_profile(candidate, relative_to=new_folder)
        if found is not None and found.resolve() == base.resolve():
            return candidate
    return str(base)


def _signer(item: dict[str, Any]) -> tuple[str, str]:
    authority = item.get("tham_quyen") or ""
    authority = "\n".join(str(a) for a in authority) if isinstance(authority, list) else str(authority)
    return str(item["ma"]), known.signer_label(str(item.get("chuc_vu") or item["ma"]), authority, str(item.get("ho_ten") or ""))


def _hints(data: dict[str, Any], folder: Path | None = None) -> dict[str, forms.Hint]:
    everyone = [(e.name, e.name + (" (hồ sơ cơ sở)" if e.base else "")) for _s, e in _entries()]
    base = _inherited(data, folder) if folder is not None else {}
    # The profile's own signers and departments, then those it inherits (a list the form leaves empty is inherited).
    signer_items = data.get("nguoi_ky") or base.get("nguoi_ky") or []
    signers = [_signer(s) for s in signer_items if isinstance(s, dict) and s.get("ma")]
    dept_items = data.get("phong_ban") or base.get("phong_ban") or []
    depts = [(str(d.get("viet_tat") or d.get("ten")), known.department_label(str(d.get("ten")), str(d.get("viet_tat") or "")))
             for d in dept_items if isinstance(d, dict) and d.get("ten")]
    kinds = known.kinds(_entries())
    hints = {"ke_thua": forms.Hint(everyone), "loai_co_quan": forms.Hint(kinds), "don_vi_cap_duoi.*.loai": forms.Hint(kinds)}
    if signers:
        hints["nguoi_ky_mac_dinh"] = forms.Hint(signers, free=False)
    if depts:
        hints["phong_soan_thao"] = forms.Hint(depts, free=False)
    return hints


def _inherited(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    """The keys the profile's base gives (nothing when it has none or it cannot be read)."""
    base = data.get("ke_thua")
    if not base:
        return {}
    try:
        return inherited(str(base), relative_to=folder)
    except KehoachError:
        return {}


def _placeholders(data: dict[str, Any], folder: Path) -> dict[str, str]:
    """What the profile inherits, shown in its empty controls."""
    values = _inherited(data, folder)
    out = {}
    for key, value in values.items():
        spec = PROFILE.fields.get(key)
        if spec is None:
            continue
        if isinstance(value, dict) and isinstance(spec.kind, Shape):
            out.update({f"{key}.{k}": f"kế thừa: {wording.value_text(v, spec.kind.fields[k].kind, spec.kind.fields[k])}"
                        for k, v in value.items() if k in spec.kind.fields and not isinstance(v, (dict, list))})
        else:  # in words, as the form shows the declaration's values (web/wording.py)
            out[key] = f"kế thừa: {wording.value_text(value, spec.kind, spec)}"
    return out


def _form(data: dict[str, Any], errors: dict[str, list[str]], folder: Path, **page: Any) -> str:
    builder = forms.Builder(errors, _hints(data, folder), _placeholders(data, folder))
    groups = forms.grouped(builder, PROFILE, data, LAYOUT)
    for key, value in {"ten_tep": "", "digest": "", "anchor": "", "name": "", "origin": "",
                       "strangers": editing.strangers(data, PROFILE)}.items():
        page.setdefault(key, value)
    return render_template("profiles/form.html", groups=groups, errors=errors, **page)


def _validate(path: Path, text: str) -> object:
    return load_profile(path, text=text)


@blueprint.route("/moi", methods=["GET", "POST"])
def create() -> str | Response:
    site = state().site
    if request.method == "GET":
        source = request.args.get("tu", "")
        how = request.args.get("cach", "ke_thua")
        if not source:
            bases = [(e, _base_label(e)) for _s, e in _entries() if e.base]
            return render_template("profiles/choose.html", bases=bases, rows=[r for r in _entries() if not r[1].base])
        origin = _file(request.args.get("nguon", SHIPPED), source)
        folder = site.profiles / (source.split("/")[0] if "/" in source and how == "chep" else "")
        if how == "chep":
            data = dict(read_yaml(origin).data)
            if data.get("ke_thua"):
                base = find_profile(str(data["ke_thua"]), relative_to=origin.parent)
                data["ke_thua"] = _reference(base, folder) if base else data["ke_thua"]
            suggestion = f"{_province_of(source)}{slug(Path(source).name)}-rieng"
        else:
            data = {"ke_thua": _reference(origin, folder)}
            suggestion = "" if source.startswith("co-so/") else _province_of(source)
        return _form(data, {}, folder, mode="moi", ten_tep=suggestion, origin=source)
    name = answers.clean(str(request.form.get("_ten_tep", ""))).lower()
    outcome = editing.submit(site, PROFILE, request.form, _validate, None,
                             new_name=lambda n: site.inside(site.profiles, n, new=True),
                             header="Hồ sơ cơ quan, tạo bằng trang kehoach web. Xem profiles/README.md của kehoach.")
    if outcome.saved and outcome.path is not None:
        flash(f"Đã tạo hồ sơ {outcome.path.relative_to(site.root)}.")
        return redirect(url_for("profiles.view", source=OWN, name=site.name_of(site.profiles, outcome.path)))
    folder = site.profiles / (name.split("/")[0] if "/" in name else "")
    return _form(outcome.data, outcome.errors, folder, mode="moi", ten_tep=name, anchor=outcome.anchor,
                 origin=request.form.get("_goc", ""))


def _base_label(entry: ProfileEntry) -> str:
    """A base profile as a person knows it: its system and what its file says it is for (its first comment line)."""
    try:
        system = str(read_yaml(entry.file).data.get("he_thong") or "")
        first = entry.file.read_text(encoding="utf-8").splitlines()[0]
    except (KehoachError, OSError, IndexError):
        return entry.name
    what = first.lstrip("# ").split("(")[0].strip().rstrip(".") if first.startswith("#") else ""
    return what or SYSTEM_NAMES.get(system, entry.name)


def _province_of(name: str) -> str:
    return name.split("/")[0] + "/" if "/" in name else ""


@blueprint.route("/sua/<path:name>", methods=["GET", "POST"])
def edit(name: str) -> str | Response:
    site = state().site
    path = _file(OWN, name)
    if request.method == "GET":
        try:
            data = editing.read_file(path, PROFILE)
        except KehoachError as exc:
            return render_template("unreadable.html", problems=[str(p) for p in exc.problems],
                                   file=str(path.relative_to(site.root)))
        errors = forms.errors_by_field(editing.current_problems(path, _validate), own=path)
        return _form(data, errors, path.parent, mode="sua", name=name, digest=editing.current_digest(path))
    outcome = editing.submit(site, PROFILE, request.form, _validate, path)
    if outcome.saved:
        flash(f"Đã lưu {path.relative_to(site.root)}.")
        return redirect(url_for("profiles.view", source=OWN, name=name))
    return _form(outcome.data, outcome.errors, path.parent, mode="sua", name=name, anchor=outcome.anchor,
                 digest=str(request.form.get("_ban", "")))
