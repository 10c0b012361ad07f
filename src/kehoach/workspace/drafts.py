"""Drafts written one at a time (kehoach tao, tao-tat-ca): generate, then write keeping a person's edits."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from kehoach.docx.render import LoadedTemplate
from kehoach.errors import InputError, KehoachError, OutputError, Problem
from kehoach.files import check_target
from kehoach.generate import Rendered, default_output_name, generate_draft
from kehoach.inputs.documents import Library
from kehoach.inputs.models import Draft
from kehoach.inputs.paths import yaml_files
from kehoach.inputs.recorded import record_path
from kehoach.inputs.yamlfile import Located, read_yaml
from kehoach.workspace import passdown
from kehoach.workspace.keep import NEEDS_PERSON, save
from kehoach.workspace.record import read_record, recorded_inputs_of, resolve_input


@dataclass(frozen=True)
class Result:
    """One draft written (or left as it was) by kehoach tao, with what happened to it."""

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
             library: Library | None = None, redo_issued: bool = False) -> Result:
    """Prepare, render and write one draft; `templates` caches loaded templates across calls. An issued draft is
    left as it is unless `redo_issued` (keep.save).

    Raises OutputError, before anything is written, when the draft or its record cannot be written there, or when the
    draft the plan names (not one given with -o) is another plan's."""
    if library is None:  # an issued parent plan passes down its issued draft's tasks (drafts beside this one)
        library = passdown.library(None, out_dir or (output.parent if output is not None else Path.cwd()))
    rendered = generate_draft(plan_file, output, number, when, signer, templates, text, library, out_dir)
    if output is None and text is not None:
        rendered = _own_output(rendered)
    check_target(rendered.output)
    check_target(record_path(rendered.output))
    if output is None and text is None:
        _not_anothers(rendered.output, plan_file)
    if rendered.output.exists() and read_record(rendered.output) is not None:
        from kehoach.workspace.state import damaged_draft  # only for a draft already there

        damaged = damaged_draft(rendered.output, "soạn lại")
        if damaged:
            raise InputError([Problem(rendered.output, damaged)])
    saved = save(rendered, redo_issued=redo_issued)
    return Result(rendered.output, record_path(rendered.output), rendered.draft, saved.detail, saved.status,
                  saved.written)


def _not_anothers(output: Path, plan_file: Path) -> None:
    """Two plans naming one output would overwrite each other's draft, and its record would then name only one."""
    record = read_record(output)
    for name in ((record or {}).get("inputs") or {}).get("plan", {}):
        other = Path(os.path.normpath(resolve_input(output.parent, name)))
        if other.is_file() and not _same_file(other, plan_file):
            raise OutputError([Problem(output, f"bản thảo này là của kế hoạch {other}, không phải của {plan_file}: hai "
                                               "kế hoạch không được ghi vào cùng một tệp; hãy đặt 'tep_ra' khác (hoặc "
                                               "ghi rõ -o nếu muốn thay bản thảo đó)")])


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


_LONGEST = 120  # characters of a draft's name before .docx (a plan cites many parents: the rest is a digest)


def draft_name(kind: str, profile: str, parents: Sequence[str]) -> str:
    """The name (without .docx or .yaml) of a plan made of a profile and its parents alone, for `kehoach tao --ho-so`
    and the web page's new plans alike: 'ke-hoach-ubnd-xa-chu-se-125-kh-ubnd-gia-lai'. A body's second plan, for
    another parent, has another name (trial 1 §5); an ASCII name, as the office's file names are."""
    words = [kind, Path(profile).stem, *(Path(p).stem for p in parents)]
    name = "-".join(w for w in map(_slug, words) if w) or "ke-hoach"
    if len(name) > _LONGEST:
        digest = hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest()[:8]
        name = f"{name[:_LONGEST - 9].rstrip('-')}-{digest}"
    return name


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def generate_quick(profile: str | None, parents: tuple[str, ...], kind: str | None, **options: Any) -> Result:
    """No plan file: a draft from a profile and the documents it implements, with kehoach's own sections.

    Its name is draft_name's, or that name with "-2", "-3" … when a draft of that name was made from something
    else (another plan, other parents): a quick draft never replaces another plan's, nor merges its edits."""
    missing = [name for name, value in (("--ho-so", profile), ("--van-ban", parents), ("--loai", kind)) if not value]
    if missing:
        raise InputError([Problem(None, f"thiếu {', '.join(missing)} (hoặc đưa một tệp kế hoạch .yaml)")])
    spec = {"co_quan": profile, "loai": kind, "thuc_hien": list(parents)}
    pseudo = Path.cwd() / f"{draft_name(str(kind), str(profile), parents)}.yaml"
    try:
        return generate(pseudo, text=yaml.safe_dump(spec, allow_unicode=True), **options)
    except KehoachError as exc:  # the plan is made of options: a problem in it is the option's, not a file's
        raise type(exc)([_option_problem(p, pseudo, parents) for p in exc.problems]) from None


def _own_output(rendered: Rendered) -> Rendered:
    """The rendered quick draft, named so as not to take a draft made from anything else."""
    first, n = rendered.output, 1
    output = first
    while _made_from_else(output, rendered):
        n += 1
        output = first.with_name(f"{first.stem}-{n}{first.suffix}")
    return rendered if output == first else replace(rendered, output=output)


def _made_from_else(output: Path, rendered: Rendered) -> bool:
    """A draft is there whose record says it was made from another plan file, another kind, other parents or another
    profile. A damaged record is not judged here (generate reports it); a file without a record is a stranger,
    backed up by keep.save, never merged."""
    if not output.exists():
        return False
    try:
        record = read_record(output)
    except KehoachError:
        return False
    if record is None:
        return False
    inputs = record.get("inputs") or {}
    document = record.get("document") or {}
    mine = rendered.draft.as_parent
    base = output.parent
    profiles = sorted(recorded_inputs_of({"profile": rendered.inputs.get("profile") or []}, base)["profile"])
    return bool(inputs.get("plan")) or (document.get("type_name"), tuple(document.get("implements") or ()),
                                         sorted(inputs.get("profile") or {})) != (mine.type_name, mine.implements,
                                                                                  profiles)


_OPTIONS = {"co_quan": "--ho-so", "loai": "--loai", "thuc_hien": "--van-ban"}


def _option_problem(problem: Problem, pseudo: Path, parents: tuple[str, ...]) -> Problem:
    if problem.file != pseudo:
        return problem
    key = problem.path[0] if problem.path else None
    option = _OPTIONS.get(str(key), "tùy chọn")
    if key == "thuc_hien" and len(problem.path) > 1 and isinstance(problem.path[1], int):
        return Problem(f"{option} {parents[problem.path[1]]}", problem.message)
    return Problem(option, problem.message)


def generate_folder(folder: Path, out_dir: Path) -> list[Result]:
    """Every plan file of a folder, each template loaded once; all problems reported together.

    Two plans that would write the same draft are both refused (neither is written)."""
    files = [p for p in yaml_files(folder, recursive=False) if p.is_file()] if folder.is_dir() else []
    if not files:
        raise InputError([Problem(folder, "không có tệp kế hoạch .yaml nào trong thư mục")])
    templates: dict[Path, LoadedTemplate] = {}
    library = passdown.library(None, out_dir)
    results: list[Result] = []
    problems: list[Problem] = []
    files, problems = _one_plan_per_output(files, out_dir)
    for file in files:
        try:
            results.append(generate(file, out_dir=out_dir, templates=templates, library=library))
        except KehoachError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return results


def _one_plan_per_output(files: list[Path], out_dir: Path) -> tuple[list[Path], list[Problem]]:
    by_output: dict[str, list[tuple[Path, Located]]] = {}
    for file in files:
        try:
            loc = read_yaml(file, strict=False)
        except InputError:
            continue  # reported when the plan is generated
        name = loc.data.get("tep_ra") or file.stem
        output = default_output_name(str(name))
        by_output.setdefault(output.casefold(), []).append((file, loc))
    problems, refused = [], set()
    for group in by_output.values():
        if len(group) > 1:
            for file, loc in group:
                others = ", ".join(str(f) for f, _ in group if f != file)
                name = default_output_name(str(loc.data.get("tep_ra") or file.stem))
                problems.append(loc.problem(("tep_ra",), f"bản thảo {out_dir / name} cũng là đầu ra của {others}: hai kế "
                                                         "hoạch không được ghi vào cùng một tệp; hãy đặt 'tep_ra' khác nhau"))
                refused.add(file)
    return [f for f in files if f not in refused], problems
