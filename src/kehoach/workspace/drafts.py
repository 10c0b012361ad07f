"""Drafts written one at a time (kehoach tao, tao-tat-ca): generate, then write keeping a person's edits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kehoach.docx.render import LoadedTemplate
from kehoach.errors import InputError, KehoachError, Problem
from kehoach.generate import generate_draft, new_library
from kehoach.inputs.documents import Library
from kehoach.inputs.models import Draft
from kehoach.inputs.recorded import record_path
from kehoach.workspace.keep import NEEDS_PERSON, save


@dataclass(frozen=True)
class Result:
    output: Path
    record: Path
    draft: Draft
    note: str = ""  # what happened to a file that was already there (hand edits merged, a stranger backed up)
    status: str = ""  # keep.py's status
    written: bool = True  # False: the draft on disk was left as it was

    @property
    def needs_person(self) -> bool:
        return self.status in NEEDS_PERSON

    @property
    def untouched(self) -> bool:
        """The draft on disk was left as it was (conflicts to resolve first, or edits that could not be merged)."""
        return not self.written


def generate(plan_file: Path, out_dir: Path | None = None, output: Path | None = None,
             number: str | None = None, when: str | None = None, signer: str | None = None,
             templates: dict[Path, LoadedTemplate] | None = None, text: str | None = None,
             library: Library | None = None) -> Result:
    """Prepare, render and write one draft; `templates` caches loaded templates across calls."""
    rendered = generate_draft(plan_file, output, number, when, signer, templates, text, library, out_dir)
    saved = save(rendered)
    return Result(rendered.output, record_path(rendered.output), rendered.draft, saved.detail, saved.status,
                  saved.written)


def generate_quick(profile: str | None, parents: tuple[str, ...], kind: str | None, **options: Any) -> Result:
    """No plan file: a draft from a profile and the documents it implements, with kehoach's own sections."""
    missing = [name for name, value in (("--ho-so", profile), ("--van-ban", parents), ("--loai", kind)) if not value]
    if missing:
        raise InputError([Problem(None, f"thiếu {', '.join(missing)} (hoặc đưa một tệp kế hoạch .yaml)")])
    spec = {"co_quan": profile, "loai": kind, "thuc_hien": list(parents)}
    stem = f"{kind}-{Path(str(profile)).stem}"
    pseudo = Path.cwd() / f"{stem}.yaml"
    return generate(pseudo, text=yaml.safe_dump(spec, allow_unicode=True), **options)


def generate_folder(folder: Path, out_dir: Path) -> list[Result]:
    """Every plan file of a folder, each template loaded once; all problems reported together."""
    files = sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []
    if not files:
        raise InputError([Problem(folder, "không có tệp kế hoạch .yaml nào trong thư mục")])
    templates: dict[Path, LoadedTemplate] = {}
    library = new_library()
    results, problems = [], []
    for file in files:
        try:
            results.append(generate(file, out_dir=out_dir, templates=templates, library=library))
        except KehoachError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return results
