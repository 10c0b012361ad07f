"""Kiểm tra: any .docx or text checked against the form rules (kiemtra), the findings grouped as the command prints them."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from kehoach.errors import KehoachError
from kehoach.kiemtra import check_path, check_text
from kehoach.kiemtra.catalog import AREAS, SYSTEM_NAMES, SYSTEMS
from kehoach.kiemtra.report import SEVERITY_NAMES
from kehoach.web import answers, uploads

blueprint = Blueprint("check", __name__, url_prefix="/kiem-tra")


def _page(**page: object) -> str:
    defaults: dict[str, object] = {"report": None, "errors": {}, "shown": "", "system": "", "text": ""}
    for key, value in defaults.items():
        page.setdefault(key, value)
    return render_template("check/index.html", systems=[(s, SYSTEM_NAMES[s]) for s in SYSTEMS], areas=AREAS,
                           severities=SEVERITY_NAMES, **page)


@blueprint.get("/")
def index() -> str:
    return _page()


@blueprint.post("/")
def check() -> str:
    system = str(request.form.get("he_thong", "")) or None
    if system is not None and system not in SYSTEMS:
        system = None
    text = answers.clean(str(request.form.get("van_ban", "")))
    uploaded = request.files.get("tep")
    pasted = bool(text) and not (uploaded and uploaded.filename)
    try:
        if pasted:
            report = check_text(text, system)
            report.file = "văn bản dán vào"
            return _page(report=report, system=system or "", text=text)
        with uploads.received(uploaded, ("docx", "txt")) as upload:
            report = check_path(upload.path, system)
            report.file = upload.shown  # the name the person knows, never the page's own
            return _page(report=report, shown=upload.shown, system=system or "")
    except KehoachError as exc:
        # Every problem here is about what was sent: shown beside the control that sent it.
        field = "van_ban" if pasted else "tep"
        return _page(errors={field: [p.message for p in exc.problems]}, system=system or "", text=text)
