"""The main job: one plan file in, one .docx draft (and its record) out."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from .compose import compose
from .documents import Library
from .errors import InputError, KehoachError, Problem
from .models import Draft, PlanSpec, Profile
from .plans import load_plan
from .profiles import load_profile
from .record import build_record, write_record
from .render import LoadedTemplate, template_path, write_atomic
from .vntext import parse_date


@dataclass(frozen=True)
class Result:
    output: Path
    record: Path
    draft: Draft


@dataclass(frozen=True)
class Prepared:
    draft: Draft
    plan: PlanSpec
    profile: Profile
    documents: list[Path]


def prepare(plan_file: Path, number: str | None = None, when: str | None = None,
            signer: str | None = None, text: str | None = None) -> Prepared:
    """Load everything a plan needs and compose it; nothing is written."""
    plan, loc = load_plan(plan_file, text)
    overrides: dict[str, Any] = {}
    if number is not None:
        overrides["number"] = number.strip()
    if when is not None:
        try:
            overrides["date"] = parse_date(when)
        except ValueError as exc:
            raise InputError([Problem("--ngay", f"ngày không hợp lệ: {exc}")]) from None
    if signer is not None:
        overrides["signer"] = signer
    plan = replace(plan, **overrides) if overrides else plan
    profile = load_profile(plan.profile_ref, relative_to=plan_file.parent)
    library = Library()
    problems = []
    # Everything the plan names, each with the key path an error should point at.
    refs: list[tuple[str, tuple[Any, ...]]] = [(key, ("thuc_hien", i)) for i, key in enumerate(plan.implements)]
    refs += [(key, ("mo_dau", "van_ban", i)) for i, (key, _form) in enumerate(plan.opening.cites)]
    if plan.subject_of:
        refs.append((plan.subject_of, ("trich_yeu", "van_ban")))
    for key, path in refs:
        if key in library.docs:
            continue
        try:
            library.resolve(key, plan_file.parent, loc, path)
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    draft = compose(plan, profile, library, loc)
    return Prepared(draft, plan, profile, [d.file for d in library.docs.values() if d.file])


def default_output(plan: PlanSpec, out_dir: Path) -> Path:
    name = plan.output or plan.key
    return out_dir / (name if name.endswith(".docx") else f"{name}.docx")


def generate(plan_file: Path, out_dir: Path | None = None, output: Path | None = None,
             number: str | None = None, when: str | None = None, signer: str | None = None,
             templates: dict[Path, LoadedTemplate] | None = None, text: str | None = None) -> Result:
    """Prepare, render and write one draft; `templates` caches loaded templates across calls."""
    ready = prepare(plan_file, number, when, signer, text)
    draft = ready.draft
    target = output or default_output(ready.plan, out_dir or Path.cwd())
    cache = templates if templates is not None else {}
    path = template_path(draft, ready.profile.template)
    if path not in cache:
        cache[path] = LoadedTemplate(path)
    loaded = cache[path]
    data = loaded.render(draft)
    # A plan given on the command line has no file to hash; its options are in the record's document.
    inputs = {"plan": [plan_file] if text is None else [], "profile": list(ready.profile.sources), "documents": ready.documents,
              "template": [loaded.path]}
    record = build_record(draft, target, inputs, data)
    write_atomic(target, data)
    return Result(target, write_record(target, record), draft)


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
    results, problems = [], []
    for file in files:
        try:
            results.append(generate(file, out_dir=out_dir, templates=templates))
        except KehoachError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return results
