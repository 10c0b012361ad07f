"""The cascade of a workspace as a tree: who implements whom, issued or draft, and which drafts are out of date."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kehoach.drafting import citations
from kehoach.errors import KehoachError, Problem
from kehoach.generate import new_library
from kehoach.inputs.documents import key_of
from kehoach.inputs.models import DocRef
from kehoach.workspace.folders import Workspace
from kehoach.workspace.state import DELETED, FRESH, NEW, STALE, Hashes, draft_state

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
    library = new_library(ws.index())
    hashes = Hashes()
    nodes: dict[str, Node] = {}
    found: list[Problem] = [p for item in ws.scan() for p in item.problems]
    for plan in ws.plans():
        try:
            library.resolve(plan.stem, plan.parent)
        except KehoachError as exc:
            found += exc.problems
    for doc in library.docs.values():
        try:
            label = _label(doc, ws, hashes)
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


def _label(doc: DocRef, ws: Workspace, hashes: Hashes) -> str:
    text = citations.dated(doc, comma=False)
    file = _shown(doc.file, ws.root)
    if not doc.generated:
        return f"{text}  ({file})"
    marks = ["đã ban hành" if doc.issued else "dự thảo"]
    if doc.file is not None and doc.file.is_relative_to(ws.plans_dir):
        state = draft_state(ws.output_of(doc.file), hashes)
        marks.append(f"cần soạn lại: {state.reason}" if state.status == STALE else _STATE[state.status])
        if state.edited and state.status != DELETED:
            marks.append("có sửa tay")
        if state.conflicts:
            marks.append(f"còn {len(state.conflicts)} chỗ xung đột, cần người xử lý")
    return f"{text} — {file}  [{' · '.join(marks)}]"


def _shown(file: Path | None, root: Path) -> str:
    if file is None:
        return "bản ghi"
    try:
        return str(file.relative_to(root))
    except ValueError:
        return str(file)
