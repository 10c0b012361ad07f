"""The cascade of a workspace as a tree: who implements whom, issued or draft, and which drafts are out of date.

A plan whose draft is up to date is read from its draft's record (what the draft was made from has not changed, so
the record's document is what composing the plan again would give); only the others are composed. Whether drafts are
up to date, and the documents of their records, come from the build's index where it can be trusted
(verdicts.Verdicts): a tree of 3,000 plans whose drafts and records are as the last build saw them reads one index,
not 3,000 records, and opens no draft. A draft or record changed since is read as it is (tests/test_index_cay.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kehoach.drafting import citations
from kehoach.errors import InputError, KehoachError, Problem
from kehoach.generate import new_library
from kehoach.inputs.documents import Library, key_of
from kehoach.inputs.models import DocRef
from kehoach.inputs.recorded import doc_from_summary, document_of, load_record, parent_chain, record_path
from kehoach.workspace.folders import Found, Workspace
from kehoach.workspace.state import (
    DELETED,
    FRESH,
    NEW,
    STALE,
    DraftState,
    changed_after_issue,
    damaged_draft,
    issued_draft,
)
from kehoach.workspace.verdicts import Verdicts

_STATE = {FRESH: "bản thảo mới nhất", NEW: "chưa soạn", DELETED: "bản thảo đã bị người dùng xóa"}


@dataclass
class Node:
    doc: DocRef
    label: str
    children: list[Node] = field(default_factory=list)


def forest(ws: Workspace) -> tuple[list[Node], list[str]]:
    """The roots of the cascade, children sorted by date, and what could not be read (one line each)."""
    roots, problems = _forest(ws)
    return roots, [str(p) for p in problems]


def _forest(ws: Workspace) -> tuple[list[Node], list[Problem]]:
    ws.refresh()
    verdicts = Verdicts(ws.out_dir, documents=True)
    items = ws.scan(known=verdicts.hashes.index)
    for item in items:  # the plan files' hashes, as scan read (or knew) them: not looked at a second time
        if item.digest is not None:
            verdicts.hashes.known[item.key] = item.digest
    library = new_library(ws.index())
    nodes: dict[str, Node] = {}
    found: list[Problem] = [p for item in items for p in item.problems]
    states: dict[str, DraftState | KehoachError] = {}  # by plan file, as scan wrote it
    plans: dict[str, Found] = {}
    recorded: list[tuple[Found, DocRef]] = []
    for item in items:
        if not item.is_plan:
            continue
        plans[item.file_text] = item
        try:
            state = states[item.file_text] = verdicts.state(item.output_text, key=item.output_key)
            # A draft last seen whole with this very signature is not opened again (Verdicts.whole).
            damaged = damaged_draft(item.output, "chạy lại kehoach xay-dung --tao-lai") if state.status not in (
                DELETED, NEW) and not verdicts.whole(item.output_text, item.output_key) else ""
            if damaged:  # emptied or truncated: as the build says it, never "bản thảo mới nhất"
                raise InputError([Problem(item.output, damaged)])
        except KehoachError as exc:  # a damaged record or draft: said in its label
            states[item.file_text] = exc
            continue
        doc = _recorded(item, verdicts) if state.status == FRESH else None
        if doc is not None:
            library.add(doc, frozenset([doc.file]))  # type: ignore[list-item]
            recorded.append((item, doc))
    for item, doc in recorded:  # the documents they implement, found as composing would find them
        for ref in doc.implements:
            try:
                _resolve(library, ref, item)
            except KehoachError as exc:
                found += exc.problems
    for item in plans.values():
        try:
            _resolve(library, _stem(item.file_text), item)
        except KehoachError as exc:
            found += exc.problems
    quick = _quick_drafts(ws, items, library, found)
    if ws.plans_dir == ws.root:  # no ke-hoach/: the documents of van-ban/ are the tree, whoever implements them
        for key, file in ws.index().items():
            if file.is_relative_to(ws.root / "van-ban"):
                try:
                    library.resolve(key, file.parent)
                except KehoachError as exc:
                    found += exc.problems

    def state_of(doc: DocRef) -> DraftState:
        known = states.get(os.fspath(doc.file)) if doc.file is not None else None
        if isinstance(known, KehoachError):
            raise known
        return known if known is not None else verdicts.state(ws.output_of(doc.file))  # type: ignore[arg-type]

    root = os.path.join(ws.root, "")
    for doc in library.docs.values():
        try:
            if doc.key in quick:
                label = _quick_label(doc, quick[doc.key], ws)
            else:
                plan = plans.get(os.fspath(doc.file)) if doc.file is not None else None
                label = _label(doc, ws, state_of, plan, root)
        except KehoachError as exc:  # a damaged record beside a draft
            label = f"{citations.dated(doc, comma=False)}  [không đọc được bản thảo]"
            found += exc.problems
        nodes[doc.key] = Node(doc, label)
    roots = []
    for node in nodes.values():
        parents = [key_of(k) for k in node.doc.implements if key_of(k) in nodes]
        if parents:
            nodes[parents[0]].children.append(node)
            if len(parents) > 1:
                node.label += f"  (cũng thực hiện {', '.join(citations.short(nodes[k].doc) for k in parents[1:])})"
        else:
            roots.append(node)
    for node in nodes.values():
        node.children.sort(key=_order)
    return sorted(roots, key=_order), found


def _stem(path: str) -> str:
    """Path(path).stem, as text (a tree of 10,000 plans)."""
    return os.path.splitext(os.path.basename(path))[0]


def _resolve(library: Library, ref: str, item: Found) -> DocRef:
    """library.resolve(ref, the plan's folder): what is already in the library is taken without making the folder's
    Path (a tree of 10,000 plans resolves 30,000 references, nearly all already there)."""
    if not ref.endswith((".docx", ".json")):
        doc = library.docs.get(key_of(ref))
        if doc is not None:
            return doc
    return library.resolve(ref, item.file.parent)


def tree(ws: Workspace, problems: list[Problem] | None = None) -> list[str]:
    """The tree's lines. What cannot be read (a plan, a parent, a record) goes into `problems` when a list is given,
    else into lines at the end."""
    roots, found = _forest(ws)
    lines: list[str] = []
    for root in roots:
        _draw(root, "", "", lines)
    if problems is not None:
        problems += found
    elif found:
        lines += ["", "Không đọc được:"] + [f"  ! {p}" for p in found]
    return lines


def _order(node: Node) -> tuple[str, str]:
    return (node.doc.date.iso() if node.doc.date else "9999", node.doc.key)


def _draw(node: Node, lead: str, child_lead: str, lines: list[str]) -> None:
    lines.append(lead + node.label)
    for i, kid in enumerate(node.children):
        last = i == len(node.children) - 1
        _draw(kid, child_lead + ("└── " if last else "├── "), child_lead + ("    " if last else "│   "), lines)


def _recorded(item: Found, verdicts: Verdicts) -> DocRef | None:
    """The document a fresh draft's record carries, as its plan file names it now; None when it cannot be read
    (then the plan is composed, and any problem reported as composing reports it). Taken from the build's index
    when it holds the record as it is (Verdicts.document), else read from the record."""
    summary = verdicts.document(item.output_key)
    if summary is not None:
        return doc_from_summary(summary, item.file)
    doc = document_of(record_path(item.output))
    return replace(doc, file=item.file) if doc is not None else None


def _quick_drafts(ws: Workspace, items: list[Found], library: Library, found: list[Problem]) -> dict[str, Path]:
    """Drafts made without a plan file (`kehoach tao --ho-so … --van-ban …`), put in the library from their records
    with the documents they implement: their keys → the draft. A plan's draft is not one of them."""
    if not ws.out_dir.is_dir():
        return {}
    top = os.fspath(ws.out_dir)
    planned = {item.output_text for item in items}  # made as os.walk joins them: the folder, a separator, the name
    others = []
    # os.walk and text, not rglob and Paths: a national drafts folder has 20,000 files, nearly all of plans.
    for folder, subfolders, names in os.walk(top):
        subfolders[:] = [d for d in subfolders if not d.startswith((".", "~$"))]  # hidden: not drafts
        for name in names:
            if name.endswith(".docx") and not name.startswith((".", "~$")):
                path = os.path.join(folder, name)
                if path not in planned:
                    others.append(path)
    quick: dict[str, Path] = {}
    for draft in sorted(Path(path) for path in others):  # in the order rglob gave them (by parts)
        if not record_path(draft).is_file():
            continue
        try:
            raw = load_record(record_path(draft))
            if (raw.get("inputs") or {}).get("plan"):
                continue  # made from a plan file that is gone or elsewhere: not a quick draft
            doc, *chain = parent_chain(draft)
        except KehoachError as exc:
            found += exc.problems
            continue
        if doc.key in library.docs:
            continue
        library.add(replace(doc, file=draft), frozenset([draft]))
        quick[doc.key] = draft
        for ref in doc.implements:  # the documents as van-ban/ has them now, else as the record keeps them
            try:
                library.resolve(ref, ws.root / "van-ban")
            except KehoachError:
                for above in chain:
                    if above.key not in library.docs:
                        library.add(above)
    return quick


def _quick_label(doc: DocRef, draft: Path, ws: Workspace) -> str:
    state = "đã ban hành" if doc.issued else "dự thảo"
    return f"{citations.dated(doc, comma=False)} — {_shown(draft, ws.root)}  [{state} · soạn nhanh (không có tệp kế hoạch)]"


def _label(doc: DocRef, ws: Workspace, state_of: Callable[[DocRef], DraftState], plan: Found | None = None,
           root: str = "") -> str:
    """`plan`: the plan the document comes from when scan found it (its draft known without a search)."""
    text = citations.dated(doc, comma=False)
    file = _shown(doc.file, ws.root, root)
    if not doc.generated:
        return f"{text}  ({file})"
    marks = ["đã ban hành" if doc.issued else "dự thảo"]
    if doc.file is not None and (plan is not None or doc.file.is_relative_to(ws.plans_dir)):
        state = state_of(doc)

        def output() -> Path:
            return plan.output if plan is not None else ws.output_of(doc.file)  # type: ignore[arg-type]

        if state.status == STALE and issued_draft(output()):  # never rewritten by a build (keep.save)
            marks.append(f"không sinh lại, đầu vào đã đổi: {state.reason}")
        else:
            marks.append(f"cần soạn lại: {state.reason}" if state.status == STALE else _STATE[state.status])
        changed = changed_after_issue(output()) if doc.issued and state.status == FRESH else ""
        if changed:
            marks.append(f"không sinh lại, đầu vào đã đổi sau khi ban hành: {changed}")
        if state.edited and state.status != DELETED:
            marks.append("có sửa tay")
        if state.conflicts:
            marks.append(f"còn {len(state.conflicts)} chỗ xung đột, cần người xử lý")
    return f"{text} — {file}  [{' · '.join(marks)}]"


def _shown(file: Path | None, root: Path, prefix: str = "") -> str:
    """The file relative to the workspace (`prefix`: the workspace's path and a separator, when the caller has it)."""
    if file is None:
        return "bản ghi"
    text = os.fspath(file)
    if prefix and text.startswith(prefix) and prefix != os.sep:  # Path.relative_to, as text (10,000 plans)
        return text[len(prefix):]
    try:
        return str(file.relative_to(root))
    except ValueError:
        return str(file)
