"""Văn bản cấp trên: the parents of the workspace (van-ban/), added by upload (kehoach.nhap) or by hand, edited task
by task."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from kehoach.drafting import citations
from kehoach.errors import KehoachError
from kehoach.inputs.documents import DOCUMENT, Library, load_document
from kehoach.web import answers, editing, forms, importing, known
from kehoach.web.context import state
from kehoach.web.site import slug

blueprint = Blueprint("documents", __name__, url_prefix="/van-ban")

LAYOUT = [
    ("Văn bản", ["loai", "so_ky_hieu", "so", "ky_hieu", "ten", "ngay", "dia_danh", "co_quan", "co_quan_chu_quan", "khoa",
                 "he_thong", "trich_yeu", "them_ve"], True),
    ("Văn bản này thực hiện", ["thuc_hien", "cum_tu", "trich_yeu_theo"], False),
    ("Nhiệm vụ giao cho cấp dưới", ["nhiem_vu", "doi_tuong", "bao_cao"], True),
]


def _rows() -> list[dict[str, Any]]:
    site = state().site
    rows = []
    for file in sorted(site.documents.rglob("*.yaml")) if site.documents.is_dir() else []:
        name = site.name_of(site.documents, file)
        row: dict[str, Any] = {"name": name, "cited": "", "subject": "", "tasks": 0, "problems": []}
        library = Library()
        try:
            doc = library.resolve(str(file), file.parent)
            row.update(cited=citations.dated(doc, comma=False), subject=doc.subject or "", tasks=len(doc.tasks),
                       chain=citations.full(doc, library.docs.get, comma=False))
        except KehoachError as exc:
            row["problems"] = [str(p) for p in exc.problems]
        rows.append(row)
    return rows


@blueprint.get("/")
def index() -> str:
    return render_template("documents/index.html", rows=_rows())


def _file(name: str) -> Path:
    site = state().site
    path = site.inside(site.documents, name)
    if path is None or not path.is_file():
        abort(404)
    return path


def _validate(path: Path, text: str) -> object:
    return load_document(path, text)


def hints(prefix: str = "") -> dict[str, forms.Hint]:
    """The kinds of body a task may go to (those the profiles answer for), the parents a parent may implement."""
    site = state().site
    return {f"{prefix}nhiem_vu.*.giao_cho": forms.Hint(known.kinds(known.profiles(site))),
            f"{prefix}thuc_hien": forms.Hint(known.documents(site))}


def render_form(data: dict[str, Any], errors: dict[str, list[str]], prefix: str = "", **page: Any) -> str:
    builder = forms.Builder(errors, hints())
    for key, value in {"ten_tep": "", "digest": "", "anchor": "", "name": "", "notes": [], "shown": "",
                       "strangers": editing.strangers(data, DOCUMENT), "action": request.path}.items():
        page.setdefault(key, value)
    return render_template("documents/form.html", groups=forms.grouped(builder, DOCUMENT, data, LAYOUT), errors=errors,
                           **page)


def suggested_name(data: dict[str, Any]) -> str:
    return slug(str(data.get("so_ky_hieu") or data.get("trich_yeu") or ""))[:60]


@blueprint.route("/moi", methods=["GET", "POST"])
def create() -> str | Response:
    site = state().site
    if request.method == "GET":
        return render_form({"loai": "", "so_ky_hieu": "", "ngay": "", "co_quan": ""}, {}, mode="moi")
    outcome = editing.submit(site, DOCUMENT, request.form, _validate, None,
                             new_name=lambda n: site.inside(site.documents, n, new=True),
                             header="Văn bản cấp trên, nhập bằng trang kehoach web.")
    if outcome.saved and outcome.path is not None:
        flash(f"Đã lưu {outcome.path.relative_to(site.root)}.")
        return redirect(url_for("documents.index"))
    name = answers.clean(str(request.form.get("_ten_tep", ""))) or suggested_name(outcome.data)
    return render_form(outcome.data, outcome.errors, mode="moi", ten_tep=name, anchor=outcome.anchor)


@blueprint.route("/sua/<path:name>", methods=["GET", "POST"])
def edit(name: str) -> str | Response:
    site = state().site
    path = _file(name)
    if request.method == "GET":
        try:
            data = editing.read_file(path, DOCUMENT)
        except KehoachError as exc:
            return render_template("unreadable.html", problems=[str(p) for p in exc.problems],
                                   file=str(path.relative_to(site.root)))
        errors = forms.errors_by_field(editing.current_problems(path, _validate), own=path)
        return render_form(data, errors, mode="sua", name=name, digest=editing.current_digest(path))
    outcome = editing.submit(site, DOCUMENT, request.form, _validate, path)
    if outcome.saved:
        flash(f"Đã lưu {path.relative_to(site.root)}. Các bản thảo thực hiện văn bản này cần soạn lại (trang Cây văn bản).")
        return redirect(url_for("documents.index"))
    return render_form(outcome.data, outcome.errors, mode="sua", name=name, anchor=outcome.anchor,
                       digest=str(request.form.get("_ban", "")))


# -- a parent uploaded: read by kehoach.nhap, checked in forms, then written ------------------------------------------


@blueprint.route("/tai-len", methods=["GET", "POST"])
def upload() -> str:
    if request.method == "GET":
        return render_template("documents/upload.html", errors={})
    site = state().site
    try:
        read = importing.read_upload(site, request.files.get("tep"))
    except KehoachError as exc:
        return render_template("documents/upload.html",
                               errors={"tep": [site.shown(p.message) for p in exc.problems]})
    imported = read.imported
    documents = [Review(f.key, f.data, f.cited_only, [(n.key, n.message + (f" ({n.where})" if n.where else ""))
                                                       for n in f.notes]) for f in imported.documents]
    report = [(f.what, f.value, f.where) for f in imported.report]
    return _review(documents, {}, report, read.shown)


@dataclass
class Review:
    name: str
    data: dict[str, Any]
    cited_only: bool
    notes: list[tuple[str, str]]  # (key, message): what the importer was not sure of


def _review(documents: list[Review], errors: dict[str, list[str]], report: list[tuple[str, str, str]], shown: str,
            anchor: str = "") -> str:
    sections = []
    for n, doc in enumerate(documents):
        control = forms.name_of(importing.prefix(n))
        notes = {f"{control}.{key}": [message] for key, message in doc.notes}
        builder = forms.Builder(errors, hints(f"{importing.PREFIX}.*."), notes=notes)
        sections.append({"n": n, "doc": doc, "control": control,
                         "groups": forms.grouped(builder, DOCUMENT, doc.data, LAYOUT, importing.prefix(n))})
    return render_template("documents/review.html", sections=sections, errors=errors, report=report, shown=shown,
                           anchor=anchor)


_MAX_DOCUMENTS = 50


@blueprint.post("/nhap")
def save_imported() -> str | Response:
    site = state().site
    form = request.form
    try:
        count = min(int(str(form.get("_so_van_ban", "0"))), _MAX_DOCUMENTS)
    except ValueError:
        abort(400)
    step = answers.action(form)
    documents = []
    for n in range(count):
        control = forms.name_of(importing.prefix(n))
        notes = [(str(v).split("|", 1)[0], str(v).split("|", 1)[1]) for v in form.getlist(f"{control}._xem") if "|" in str(v)]
        documents.append(Review(answers.clean(str(form.get(f"{control}._ten_tep", ""))).lower(),
                                answers.read(DOCUMENT, form, keep_empty=step is not None, prefix=importing.prefix(n)),
                                form.get(f"{control}._chi_trich_dan") == "1", notes))
    report = []
    for value in form.getlist("_bao_cao"):
        what, found, where = (str(value).split("|") + ["", ""])[:3]
        report.append((what, found, where))
    shown = str(form.get("_ten_goc", ""))
    if step is not None:
        verb, where = step
        parts = where.split(".", 2)
        if len(parts) == 3 and parts[0] == importing.PREFIX and parts[1].isdigit() and int(parts[1]) < count:
            answers.apply_action(documents[int(parts[1])].data, verb, parts[2], DOCUMENT)
        return _review(documents, {}, report, shown, anchor=where)
    if not documents:
        abort(400)
    written, errors = importing.save(site, [(d.name, d.data, d.cited_only) for d in documents])
    if written is None:
        return _review(documents, errors, report, shown)
    for line in importing.outcome_lines(site, written):
        flash(line)
    return redirect(url_for("documents.index"))
