"""The main job, in memory: one plan file in, one rendered .docx draft out.

Nothing is written here: the workspace stage (workspace/keep.py) writes the draft and its record, merging a
person's edits; `kehoach tao` and the workspace build both call `generate_draft`.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kehoach.docx.render import LoadedTemplate, template_path
from kehoach.drafting.compose import compose
from kehoach.errors import InputError, Problem
from kehoach.files import signature
from kehoach.inputs import once
from kehoach.inputs.documents import Library
from kehoach.inputs.models import DocRef, Draft, PlanSpec, Profile
from kehoach.inputs.placeholder_check import document_refs
from kehoach.inputs.plans import check_plan, plan_from
from kehoach.inputs.profiles import load_profile
from kehoach.inputs.recorded import parent_chain
from kehoach.text.vntext import nfc, parse_date


@dataclass(frozen=True)
class Prepared:
    """A plan loaded and composed: its draft, plan, profile, the files it was made from and what it cites."""

    draft: Draft
    plan: PlanSpec
    profile: Profile
    documents: list[Path]  # every document and parent plan (with its profile) the text was made from
    chain: tuple[DocRef, ...] = ()  # the documents it cites, nearest first


def new_library(index: dict[str, Path] | None = None) -> Library:
    """A library that can also take a plan of the workspace, or a generated draft, as a parent."""
    return Library(index=index, plan_loader=_plan_as_parent, record_loader=parent_chain)


def _plan_as_parent(file: Path, library: Library) -> tuple[DocRef, frozenset[Path]]:
    ready = prepare(file, library=library)
    return ready.draft.as_parent, frozenset([file, *ready.profile.sources, *ready.documents])


def prepare(plan_file: Path, number: str | None = None, when: str | None = None,
            signer: str | None = None, text: str | None = None, library: Library | None = None) -> Prepared:
    """Load everything a plan needs and compose it; nothing is written.

    Every problem of the plan, of its profile and the profile's bases, and of the documents it names is reported in
    one InputError, so a secretary fixes them in one go."""
    loc, problems = check_plan(plan_file, text)
    data = loc.data
    overrides: dict[str, Any] = {}
    if number is not None:
        overrides["number"] = number.strip()
    if when is not None:
        try:
            overrides["date"] = parse_date(when)
        except ValueError as exc:
            problems.append(Problem("--ngay", f"ngày không hợp lệ: {exc}"))
    if signer is not None:
        overrides["signer"] = signer
    profile = None
    if isinstance(data.get("co_quan"), str) and data["co_quan"]:
        try:
            profile = load_profile(nfc(data["co_quan"]), relative_to=plan_file.parent, origin=(loc, ("co_quan",)))
        except InputError as exc:
            problems += exc.problems
    library = library if library is not None else new_library()
    if problems:  # the plan itself is wrong: still look for the documents it names, to report them now too
        for i, ref in enumerate(_as_list(data.get("thuc_hien"))):
            if isinstance(ref, str) and ref:
                try:
                    library.resolve(nfc(ref), plan_file.parent, loc, ("thuc_hien", i))
                except InputError as exc:
                    problems += exc.problems
        raise InputError(problems)
    plan = plan_from(loc)
    plan = replace(plan, **overrides) if overrides else plan
    assert profile is not None
    # Everything the plan names, each with the key path an error should point at.
    refs: list[tuple[str, tuple[Any, ...]]] = [(key, ("thuc_hien", i)) for i, key in enumerate(plan.implements)]
    refs += [(cite.key, ("mo_dau", "van_ban", i)) for i, cite in enumerate(plan.opening.cites)]
    if plan.subject_of:
        refs.append((plan.subject_of, ("trich_yeu", "van_ban")))
    refs += document_refs({k: v for k, v in loc.data.items() if k != "ghi_chu"})
    keys: dict[str, str] = {}  # as the plan names it → the document's key (a draft's path names its record)
    for key, path in refs:
        if key in keys:
            continue
        try:
            keys[key] = library.resolve(key, plan_file.parent, loc, path).key
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    plan = _renamed(plan, keys)
    draft = compose(plan, profile, library, loc)
    used = sorted(library.sources(list(keys.values())))
    chain = tuple(d for d in library.docs.values() if d.key != plan.key)
    return Prepared(draft, plan, profile, used, chain)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _renamed(plan: PlanSpec, keys: dict[str, str]) -> PlanSpec:
    """The plan naming each document by its key; a parent named twice in thuc_hien (by key and by path, or copied
    twice) is implemented, and cited, once."""
    opening = replace(plan.opening, cites=tuple(replace(c, key=keys.get(c.key, c.key)) for c in plan.opening.cites))
    implements = tuple(dict.fromkeys(keys.get(k, k) for k in plan.implements))
    return replace(plan, implements=implements, opening=opening,
                   subject_of=keys.get(plan.subject_of, plan.subject_of) if plan.subject_of else None)


def default_output_name(name: str) -> str:
    """The draft's file name for a plan's tep_ra (or file name), or for `tao -o`: a .docx ("x" → "x.docx", "x.DOCX"
    stays)."""
    return name if name.lower().endswith(".docx") else f"{name}.docx"


def default_output(plan: PlanSpec, out_dir: Path) -> Path:
    return out_dir / default_output_name(plan.output or plan.key)


@dataclass(frozen=True)
class Rendered:
    """A draft rendered in memory, with what its record needs; nothing written yet."""

    output: Path
    data: bytes
    draft: Draft
    inputs: dict[str, list[Path]]
    chain: tuple[DocRef, ...]
    parts: dict[str, tuple[bytes, bytes]] = field(default_factory=dict, repr=False)  # LoadedTemplate.render_parts


def generate_draft(plan_file: Path, output: Path | None, number: str | None = None, when: str | None = None,
                   signer: str | None = None, templates: dict[Path, LoadedTemplate] | None = None,
                   text: str | None = None, library: Library | None = None, out_dir: Path | None = None) -> Rendered:
    """`output` None: the plan's tep_ra (or its name) in `out_dir`. An `output` named without .docx gets it, as a
    tep_ra does; a path that exists (a folder, a device, a file) or an empty name is left as given, for the writer
    to check."""
    ready = prepare(plan_file, number, when, signer, text, library.fresh() if library is not None else None)
    draft = ready.draft
    if output is not None and output.name and not os.path.lexists(output):
        output = output.with_name(default_output_name(output.name))
    output = output or default_output(ready.plan, out_dir or Path.cwd())
    cache = templates if templates is not None else {}
    path = template_path(draft, ready.profile.template)
    if path not in cache:
        taken = time.time_ns()
        sig = signature(path)  # taken before the bytes are read: a later change gives another signature
        cache[path] = LoadedTemplate(path)
        once.remember(path, sig, hashlib.sha256(cache[path].blob).hexdigest(), taken)  # the record names these bytes
    loaded = cache[path]
    # A plan given on the command line has no file to hash; its options are in the record's document.
    inputs = {"plan": [plan_file] if text is None else [], "profile": list(ready.profile.sources),
              "documents": ready.documents, "template": [loaded.path]}
    data, parts = loaded.render_parts(draft)
    return Rendered(output, data, draft, inputs, ready.chain, parts)
