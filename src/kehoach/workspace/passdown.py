"""What an issued parent passes down: its tasks as its issued .docx says them, hand edits included (trial 1 §6).

A plan of the workspace is a parent through its composition (generate.prepare): the tasks kehoach drafted for it. Once
it is issued, the document the office signed is its draft, which a person may have edited in Word; the level below
must implement that. The edited draft is compared with what kehoach generated (the record's text, paragraph by
paragraph): each paragraph that printed a task is read back from the draft, its own audience and area written back
as the placeholders they were ({doi_tuong}, {dia_ban} …), so every level below still puts its own. A task whose
heading the person deleted is not passed down; paragraphs or numbered items the person added right after a task go
with it. An edited issued draft is an input of the children (their record names it), so a later edit reaches them at
the next build; an issued draft still as kehoach wrote it passes the composed tasks and is no input (a draft first
edited after its children were drafted reaches them when they are next drafted).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from kehoach.errors import KehoachError
from kehoach.generate import default_output, new_library, prepare
from kehoach.inputs.documents import Library
from kehoach.inputs.models import DocRef, Task
from kehoach.workspace.record import generated_sha, read_record

# A paragraph's own numbering, literal in kehoach's drafts: "1. ", "a) ", "- ", "+ ", "II. ", "II- ".
_MARK = re.compile(r"^(?:\d+\.|[a-zđ]\)|[-+–]|[IVXLC]+[.-])\s*")
_PLACEHOLDER = re.compile(r"\{[^{}]+\}")
_KHOAN = re.compile(r"^\d+\.\s")


def library(index: dict[str, Path] | None, out_dir: Path | None) -> Library:
    """new_library, whose plans, once issued, pass down the tasks of their issued draft in `out_dir`."""
    made = new_library(index)
    if out_dir is not None:
        made.plan_loader = lambda file, lib: issued_parent(file, lib, out_dir)
    return made


def issued_parent(file: Path, lib: Library, out_dir: Path) -> tuple[DocRef, frozenset[Path]]:
    """A plan as a parent (generate._plan_as_parent), its tasks read back from its issued draft when it has one."""
    ready = prepare(file, library=lib)
    doc = ready.draft.as_parent
    files = frozenset([file, *ready.profile.sources, *ready.documents])
    if not doc.issued:
        return doc, files
    draft = default_output(ready.plan, out_dir)
    if not draft.is_file():
        return doc, files
    try:
        record = read_record(draft, documents=False)
        if record is None:
            return doc, files
        from kehoach.workspace.state import issued_record  # only for a parent with an issued draft

        if not issued_record(record):  # the plan was just issued: its draft gets its number (and keeps its edits)
            return doc, files | {draft}  # in this build, maybe after this child: the next build looks again
        if _digest(draft) == generated_sha(record):
            # Not edited: the composed tasks are the issued ones. The draft is no input then (a draft written by
            # the same build would be hashed again by the next one: a build with nothing to do reads nothing).
            return doc, files
        tasks = as_issued(doc.tasks, [str(t) for t in record.get("text") or []], _paragraphs(draft))
    except (KehoachError, OSError, ValueError):  # a draft that cannot be read: the children take the plan's tasks
        return doc, files
    return replace(doc, tasks=tasks), files | {draft}  # edited again later: the children are made again


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _paragraphs(draft: Path) -> list[str]:
    from kehoach.docx.reader import read_path  # only for an issued parent's edited draft: `kehoach tao` starts without

    return [p.text.strip() for p in read_path(draft).paragraphs if p.text.strip()]


def as_issued(tasks: tuple[Task, ...], generated: list[str], current: list[str]) -> tuple[Task, ...]:
    """`tasks` (placeholders kept) as the draft now says them: `generated` is what kehoach printed (the record's
    paragraphs), `current` the draft's paragraphs now. A task not found among the printed paragraphs is kept as is."""
    edited, added = _aligned(generated, current)
    out: list[Task] = []
    cursor = 0
    for task in tasks:
        found = _find(task.title, generated, cursor)
        if found is None:
            out.append(task)
            continue
        at, values = found
        title = edited.get(at)
        places = [at]
        paragraphs: list[str] = []
        for para in task.paragraphs:
            hit = _find(para, generated, places[-1] + 1)
            if hit is None:
                paragraphs.append(para)
                continue
            places.append(hit[0])
            values.update(hit[1])
            now = edited.get(hit[0])
            if now is not None:
                paragraphs.append(_generic(now, values, keep_mark=para.startswith(("-", "+"))))
        cursor = places[-1] + 1
        if title is None:  # the person deleted the task
            continue
        more: list[Task] = []
        for text in added.get(places[-1], []):
            if _KHOAN.match(text):  # a numbered item the person added: a task of its own
                more.append(Task(_generic(text, values)))
            elif more:
                more[-1] = replace(more[-1], paragraphs=(*more[-1].paragraphs, _generic(text, values, keep_mark=True)))
            else:
                paragraphs.append(_generic(text, values, keep_mark=True))
        out.append(replace(task, title=_generic(title, values), paragraphs=tuple(paragraphs)))
        out += more
    return tuple(out)


def _aligned(generated: list[str], current: list[str]) -> tuple[dict[int, str | None], dict[int, list[str]]]:
    """Each printed paragraph → its text now (None: deleted); printed paragraph → the paragraphs added after it."""
    edited: dict[int, str | None] = {}
    added: dict[int, list[str]] = {}
    import difflib  # only for what it is used for here: commands start without it

    matcher = difflib.SequenceMatcher(None, generated, current, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            edited.update({i1 + k: current[j1 + k] for k in range(i2 - i1)})
        elif tag == "delete":
            edited.update({i: None for i in range(i1, i2)})
        elif tag == "insert":
            added.setdefault(i1 - 1, []).extend(current[j1:j2])
        else:  # replace: paired in order; the rest deleted, or added after the last one paired
            pairs = min(i2 - i1, j2 - j1)
            edited.update({i1 + k: current[j1 + k] for k in range(pairs)})
            edited.update({i: None for i in range(i1 + pairs, i2)})
            if j2 - j1 > pairs:
                added.setdefault(i1 + pairs - 1, []).extend(current[j1 + pairs:j2])
    return edited, added


def _find(text: str, generated: list[str], start: int) -> tuple[int, dict[str, str]] | None:
    """The first printed paragraph from `start` that is `text` with its placeholders filled in (its numbering
    aside), and the value each placeholder took."""
    names = _PLACEHOLDER.findall(text)
    pieces = _PLACEHOLDER.split(text)
    pattern = re.compile("(.+?)".join(re.escape(p) for p in pieces) + r"\Z", re.DOTALL)
    for i in range(start, len(generated)):
        body = _MARK.sub("", generated[i], count=1)
        match = pattern.match(body) or pattern.match(generated[i])
        if match:
            values: dict[str, str] = {}
            for name, value in zip(names, match.groups(), strict=True):
                values.setdefault(name, value)
            return i, values
    return None


def _generic(text: str, values: dict[str, Any], keep_mark: bool = False) -> str:
    """A paragraph of the draft as a task passed down says it: its numbering taken off (a dash kept on a paragraph
    the person added), each placeholder's value written back as the placeholder (longest value first)."""
    body = text if keep_mark and text.startswith(("-", "+")) else _MARK.sub("", text, count=1)
    for name, value in sorted(values.items(), key=lambda kv: -len(kv[1])):
        if value.strip():
            body = body.replace(value, name)
    return body
