"""Pressing Soạn: the plan's draft written into ban-thao/ as `kehoach tao` writes it (hand edits merged), checked by
kiemtra, and shown as pictures of its pages (or as HTML without LibreOffice). Runs as a background job."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from kehoach.errors import KehoachError
from kehoach.kiemtra import Report, check_path
from kehoach.web import htmldraft
from kehoach.web.jobs import Job
from kehoach.web.preview import Converter, pdf_to_pictures
from kehoach.web.site import Site
from kehoach.workspace.drafts import generate
from kehoach.workspace.record import RECORD_DIR

KEEP = 12  # previews kept on disk; older ones are removed as new ones are made


@dataclass
class Preview:
    plan: str  # the plan's name, under ke-hoach/
    output: str  # the draft, under ban-thao/ (for the download link)
    note: str  # what happened to a draft that was there (hand edits merged …)
    report: Report | None
    pages: list[int] = field(default_factory=list)  # page numbers with a picture
    html: Markup | None = None  # the draft as HTML when there are no pictures
    seconds: float = 0.0  # from the press of Soạn to the pictures


def previews(site: Site) -> Path:
    return site.drafts / RECORD_DIR / "xem-truoc"


def run(site: Site, converter: Converter, plan_file: Path, job: Job, pressed: float) -> Preview:
    """`pressed`: time.monotonic() when the form was sent (the figure the README gives is measured from there)."""
    job.total = 3
    job.step = "Đang soạn bản thảo …"
    output = site.workspace().output_of(plan_file)
    with site.building():
        result = generate(plan_file, output=output)
    job.done, job.step = 1, "Đang kiểm tra thể thức …"
    report: Report | None = None
    try:
        report = check_path(result.output)
        report.file = str(result.output.relative_to(site.root))
    except KehoachError:
        pass  # the draft is there; a checker that cannot read it is not a reason to hide it
    job.done, job.step = 2, "Đang tạo hình các trang …"
    folder = previews(site) / job.id
    folder.mkdir(parents=True, exist_ok=True)
    _forget_old(previews(site))
    pdf = folder / "ban-thao.pdf"
    pages = pdf_to_pictures(pdf, folder) if converter.to_pdf(result.output, pdf) else []
    html = None if pages else htmldraft.render(result.output)
    job.done, job.step = 3, "Xong"
    return Preview(plan=site.name_of(site.plans, plan_file), output=site.name_of(site.drafts, result.output),
                   note=site.shown(result.note), report=report, pages=[int(p.stem.rsplit("-", 1)[1]) for p in pages], html=html,
                   seconds=time.monotonic() - pressed)


def _forget_old(folder: Path) -> None:
    made = sorted((p for p in folder.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)
    for old in made[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)
