"""Cây văn bản: the cascade of the workspace with each draft's state; Soạn lại (the incremental build, as
`kehoach xay-dung`) with its progress and report; Ban hành (as `kehoach ban-hanh`). Also the status of any job."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from kehoach.errors import KehoachError
from kehoach.web import forms
from kehoach.web.context import state
from kehoach.web.jobs import RUNNING, Job
from kehoach.workspace.build import (
    CONFLICT,
    CREATED,
    FAILED,
    ISSUED,
    MERGED,
    REGENERATED,
    SKIPPED,
    UNCHANGED,
    UNTOUCHED,
    Report,
    build,
)
from kehoach.workspace.cascade import Node, forest
from kehoach.workspace.issuing import issue_plan

blueprint = Blueprint("tree", __name__, url_prefix="/cay")

# What a person has to do after a build, by status (the build's own detail says which paragraphs, which backup).
NEEDS_A_PERSON = {
    MERGED: "Xem lại bản thảo: chỗ sửa tay đã được giữ trong bản mới.",
    CONFLICT: "Mở bản thảo, tìm các dòng đánh dấu đỏ (<<<<<<<), chọn một trong hai bản rồi xóa các dòng đánh dấu; "
              "Soạn lại báo còn xung đột cho đến khi xử lý xong.",
    UNTOUCHED: "Bản thảo giữ nguyên, chưa soạn lại: đọc chi tiết để xử lý.",
    FAILED: "Sửa tệp được nêu rồi bấm Soạn lại.",
    SKIPPED: "Bản thảo đã bị xóa: soạn lại từ trang Soạn nếu vẫn cần.",
    ISSUED: "Văn bản đã ban hành được giữ nguyên dù văn bản cấp trên đã đổi: xem có cần văn bản đính chính không.",
}
ORDER = [CONFLICT, UNTOUCHED, ISSUED, FAILED, MERGED, SKIPPED, CREATED, REGENERATED, UNCHANGED]


def _rows(nodes: list[Node], depth: int = 0) -> list[dict[str, Any]]:
    site = state().site
    ws = site.workspace()
    out = []
    for node in nodes:
        file = node.doc.file
        plan = file is not None and file.is_relative_to(site.plans)
        output = ws.output_of(file) if plan and file is not None else None
        out.append({
            "node": node, "depth": depth, "label": node.label,
            "plan": site.name_of(site.plans, file) if plan and file is not None else "",
            "document": site.name_of(site.documents, file) if file is not None and file.is_relative_to(site.documents) else "",
            "output": site.name_of(site.drafts, output) if output is not None and output.is_file() else "",
            "children": _rows(node.children, depth + 1),
        })
    return out


def _page(errors: dict[str, dict[str, list[str]]] | None = None, values: dict[str, str] | None = None) -> str:
    site = state().site
    try:
        roots, problems = forest(site.workspace())
        failure: list[str] = []
    except KehoachError as exc:
        roots, problems, failure = [], [], [str(p) for p in exc.problems]
    return render_template("tree/index.html", rows=_rows(roots), problems=problems + failure, errors=errors or {},
                           values=values or {}, today=forms.today())


@blueprint.get("/")
def index() -> str:
    return _page()


@blueprint.post("/soan-lai")
def rebuild() -> Response:
    st = state()
    site = st.site

    def work(job: Job) -> Report:
        job.step = "Đang tìm các bản thảo cần soạn lại …"

        def progress(done: int, total: int, _entry: object) -> None:
            job.done, job.total, job.step = done, total, f"{done}/{total} bản thảo"

        return site.when_free(lambda: build(site.workspace(), progress=progress))

    job = st.jobs.submit("soan-lai", work)
    return redirect(url_for("tree.report", job_id=job.id))


@blueprint.get("/soan-lai/<job_id>")
def report(job_id: str) -> str:
    job = state().jobs.get(job_id)
    if job is None or job.kind != "soan-lai":
        abort(404)
    entries = []
    if isinstance(job.result, Report):
        site = state().site
        for entry in sorted(job.result.entries, key=lambda e: (ORDER.index(e.status) if e.status in ORDER else 99, str(e.plan))):
            entries.append({"status": entry.status, "detail": site.shown(entry.detail),
                            "todo": NEEDS_A_PERSON.get(entry.status, ""), "plan": _relative(entry.plan, site.plans),
                            "output": _relative(entry.output, site.drafts)})
    counts: dict[str, int] = {}
    for e in entries:
        counts[e["status"]] = counts.get(e["status"], 0) + 1
    return render_template("tree/report.html", job=job, running=job.state == RUNNING, entries=entries, counts=counts,
                           routine=(UNCHANGED, CREATED, REGENERATED))


def _relative(path: Path, folder: Path) -> str:
    try:
        return str(path.relative_to(folder).with_suffix(""))
    except ValueError:
        return ""


@blueprint.post("/ban-hanh")
def issue() -> str | Response:
    site = state().site
    name = str(request.form.get("ke_hoach", ""))
    plan = site.inside(site.plans, name)
    if plan is None or not plan.is_file():
        abort(404)
    number, when = str(request.form.get("so", "")), str(request.form.get("ngay", ""))
    try:
        with site.building():
            message = issue_plan(plan, number, when)
    except KehoachError as exc:
        errors = forms.errors_by_field(exc.problems, aliases={"--so": "so", "--ngay": "ngay"})
        return _page({name: errors}, {"name": name, "so": number, "ngay": when})
    flash(message.replace(str(plan), str(plan.relative_to(site.root))) + ". Bấm Soạn lại để các cấp dưới trích dẫn số này.")
    return redirect(url_for("tree.index"))


@blueprint.get("/viec/<job_id>")
def job_status(job_id: str) -> Response:
    job = state().jobs.get(job_id)
    if job is None:
        abort(404)
    return jsonify(state=job.state, done=job.done, total=job.total, step=job.step)
