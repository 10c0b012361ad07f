"""Soạn: a plan made with a form (body, type, parents in order, signer, number, date, sections, who does what), saved
as YAML in ke-hoach/ so the command line sees it too; Soạn writes the draft and shows it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, redirect, render_template, request, send_file, url_for
from werkzeug.wrappers import Response

from kehoach.errors import KehoachError
from kehoach.generate import prepare
from kehoach.inputs.plans import PLAN, load_plan
from kehoach.inputs.profiles import load_profile
from kehoach.kiemtra.catalog import AREAS
from kehoach.kiemtra.report import SEVERITY_NAMES
from kehoach.web import answers, drafting, editing, forms, known
from kehoach.web.context import state
from kehoach.web.jobs import RUNNING
from kehoach.workspace.drafts import draft_name
from kehoach.workspace.state import Hashes, draft_state

blueprint = Blueprint("plans", __name__, url_prefix="/soan")

LAYOUT = [
    ("Văn bản cần soạn", ["co_quan", "loai", "ten_loai", "thuc_hien", "nguoi_ky", "so", "ngay"], True),
    ("Nội dung và phân công", ["trich_yeu", "mo_dau", "muc", "phan_cong", "giao_nhiem_vu", "bao_cao", "ket_thuc"], True),
    ("Nơi nhận và công văn", ["kinh_gui", "de_nghi", "noi_nhan", "noi_nhan_them", "luu", "phong_soan_thao"], False),
]
STATE_NAMES = {"moi": "bản thảo mới nhất", "cu": "cần soạn lại", "chua_soan": "chưa soạn", "da_xoa": "bản thảo đã bị xóa"}


@blueprint.get("/")
def index() -> str:
    site = state().site
    ws = site.workspace()
    hashes = Hashes()
    rows = []
    for plan in ws.plans():
        if not plan.is_relative_to(site.plans):
            continue
        status = draft_state(ws.output_of(plan), hashes)
        rows.append({"name": site.name_of(site.plans, plan), "state": STATE_NAMES.get(status.status, status.status),
                     "reason": status.reason, "edited": status.edited,
                     "output": site.name_of(site.drafts, ws.output_of(plan)) if ws.output_of(plan).is_file() else ""})
    return render_template("plans/index.html", rows=rows)


def _profile_of(data: dict[str, Any]) -> Any:
    ref = str(data.get("co_quan") or "")
    if not ref:
        return None
    try:
        return load_profile(ref, relative_to=state().site.plans)
    except KehoachError:
        return None


def _hints(data: dict[str, Any], own: str = "") -> dict[str, forms.Hint]:
    site = state().site
    bodies = [(e.name, f"{e.name} — {' / '.join(e.profile.issuer_lines)}") for _s, e in known.profiles(site) if e.profile]
    parents = known.documents(site) + [(k, f"{k} (kế hoạch {label})") for k, label in known.plans(site) if k != own]
    hints = {"co_quan": forms.Hint(bodies, free=False), "thuc_hien": forms.Hint(parents, free=False),
             "mo_dau.van_ban.*.ma": forms.Hint(parents), "trich_yeu.van_ban": forms.Hint(parents)}
    profile = _profile_of(data)
    if profile is None:  # the lists come from the body's profile: a list to choose from once it is chosen
        first = "(chọn Cơ quan ban hành trước để có danh sách)"
        for key in ("nguoi_ky", "phong_soan_thao", "giao_nhiem_vu.*.phong_ban"):
            hints[key] = forms.Hint([], free=False, empty=first)
        return hints
    signers = {s.key: known.signer_label(s.title, s.authority, s.name) for s in profile.signers}
    default = signers.get(profile.default_signer, profile.default_signer)
    hints["nguoi_ky"] = forms.Hint(list(signers.items()), free=False, empty=f"(mặc định của hồ sơ: {default})")
    owners = [(d.name, known.department_label(d.name, d.abbr)) for d in profile.departments] + \
        [(u.name, u.name) for u in profile.units]
    if owners:
        hints["giao_nhiem_vu.*.phong_ban"] = forms.Hint(owners, free=False)
    if profile.departments:
        drafting = profile.department(profile.drafting_dept) if profile.drafting_dept else None
        empty = f"(mặc định của hồ sơ: {known.department_label(drafting.name, drafting.abbr)})" if drafting else \
            "(không chọn)"
        hints["phong_soan_thao"] = forms.Hint([(d.abbr, known.department_label(d.name, d.abbr))
                                               for d in profile.departments], free=False, empty=empty)
    return hints


def _known(data: dict[str, Any]) -> dict[str, str]:
    """Phân công is written in lines ("VHXH: 1, 3; KT: 2"): the departments of the chosen body are listed under it."""
    profile = _profile_of(data)
    if profile is None or not profile.departments:
        return {}
    return {"phan_cong": "Phòng, ban của hồ sơ: " + "; ".join(known.department_label(d.name, d.abbr)
                                                           for d in profile.departments)}


def _form(data: dict[str, Any], errors: dict[str, list[str]], **page: Any) -> str:
    builder = forms.Builder(errors, _hints(data, page.get("name", "")), refresh=frozenset({"co_quan"}),
                            known=_known(data))
    for key, value in {"ten_tep": "", "digest": "", "anchor": "", "name": "",
                       "strangers": editing.strangers(data, PLAN)}.items():
        page.setdefault(key, value)
    return render_template("plans/form.html", groups=forms.grouped(builder, PLAN, data, LAYOUT), errors=errors, **page)


def _validate(path: Path, text: str) -> object:
    load_plan(path, text)
    return prepare(path, text=text)  # the profile, every parent, the composition: what Soạn would meet


def _start(plan_file: Path, pressed: float) -> Response:
    st = state()
    job = st.jobs.submit("xem-truoc", lambda job: drafting.run(st.site, st.converter, plan_file, job, pressed),
                         plan=st.site.name_of(st.site.plans, plan_file))
    return redirect(url_for("plans.result", job_id=job.id))


def _free_name(data: dict[str, Any]) -> str:
    site = state().site
    parents = [str(p) for p in data.get("thuc_hien") or [] if p] if isinstance(data.get("thuc_hien"), list) else []
    # The name `kehoach tao --ho-so … --van-ban …` gives the same plan: one naming for both faces.
    base = draft_name(str(data.get("loai") or "ke_hoach"), str(data.get("co_quan") or "co-quan"), parents)
    name, n = base, 1
    while (site.plans / f"{name}.yaml").exists():
        n += 1
        name = f"{base}-{n}"
    return name


@blueprint.route("/moi", methods=["GET", "POST"])
def create() -> str | Response:
    site = state().site
    if request.method == "GET":
        data: dict[str, Any] = {"co_quan": request.args.get("co_quan", ""), "loai": "ke_hoach",
                                "thuc_hien": [request.args.get("thuc_hien", "")]}
        return _form(data, {}, mode="moi")
    pressed = time.monotonic()
    form = request.form.copy()
    if not answers.clean(str(form.get("_ten_tep", ""))) and not answers.action(form):
        form["_ten_tep"] = _free_name(answers.read(PLAN, form))
    outcome = editing.submit(site, PLAN, form, _validate, None, new_name=lambda n: site.inside(site.plans, n, new=True),
                             header="Kế hoạch, soạn bằng trang kehoach web.")
    if outcome.saved and outcome.path is not None:
        return _start(outcome.path, pressed)
    # The name the person typed (or nothing: then a new one is made again when the plan is right).
    return _form(outcome.data, outcome.errors, mode="moi", ten_tep=str(request.form.get("_ten_tep", "")),
                 anchor=outcome.anchor)


def _file(name: str) -> Path:
    site = state().site
    path = site.inside(site.plans, name)
    if path is None or not path.is_file():
        abort(404)
    return path


@blueprint.route("/sua/<path:name>", methods=["GET", "POST"])
def edit(name: str) -> str | Response:
    site = state().site
    path = _file(name)
    if request.method == "GET":
        try:
            data = editing.read_file(path, PLAN)
        except KehoachError as exc:
            return render_template("unreadable.html", problems=[str(p) for p in exc.problems],
                                   file=str(path.relative_to(site.root)))
        errors = forms.errors_by_field(editing.current_problems(path, _validate), own=path)
        return _form(data, errors, mode="sua", name=name, digest=editing.current_digest(path))
    pressed = time.monotonic()
    outcome = editing.submit(site, PLAN, request.form, _validate, path)
    if outcome.saved:
        return _start(path, pressed)
    return _form(outcome.data, outcome.errors, mode="sua", name=name, anchor=outcome.anchor,
                 digest=str(request.form.get("_ban", "")))


@blueprint.get("/ket-qua/<job_id>")
def result(job_id: str) -> str:
    job = state().jobs.get(job_id)
    if job is None or job.kind != "xem-truoc":
        abort(404)
    return render_template("plans/result.html", job=job, running=job.state == RUNNING, preview=job.result,
                           areas=AREAS, severities=SEVERITY_NAMES)


@blueprint.get("/xem-truoc/<job_id>/trang-<int:page>.jpg")
def page_image(job_id: str, page: int) -> Response:
    site = state().site
    path = drafting.previews(site) / job_id / f"trang-{page}.jpg"
    if not job_id.isalnum() or len(job_id) != 16 or not path.is_file():
        abort(404)
    return send_file(path, mimetype="image/jpeg", max_age=3600)


@blueprint.get("/tai-ve/<path:name>")
def download(name: str) -> Response:
    site = state().site
    path = site.inside(site.drafts, name, suffix=".docx")
    if path is None or not path.is_file():
        abort(404)
    return send_file(path, as_attachment=True, download_name=path.name,
                     mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
