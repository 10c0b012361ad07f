"""A form's answers read back as the data a file holds, and the buttons that add, remove or move a list's items.

The controls are named by key path, as web/forms.py builds them from the declaration ("nguoi_ky.0.ma"); the answers
are nested back along those names and typed by the same declaration.
"""

from __future__ import annotations

import re
from typing import Any

from kehoach.inputs.schema import Field, ListOf, Shape
from kehoach.text.vntext import nfc

Path_ = tuple[Any, ...]
ACTION = "_tac_vu"  # the submit button that adds, removes or moves an item instead of saving
_ACTION = re.compile(r"^(them|xoa|len|xuong|cap_nhat):([\w.]+)$")


# ---------------------------------------------------------------------------------------------------- reading


def read(shape: Shape, form: Any, keep_empty: bool = False, prefix: Path_ = ()) -> dict[str, Any]:
    """The answers of a form (a werkzeug MultiDict, or a dict of lists) as the data a file would hold.

    Text is NFC with edge spaces removed; an empty answer leaves its key out, except a required key of a group that
    has other answers (kept as "" so the checker points at it). `keep_empty` keeps empty list items (while a person
    is still adding rows). `prefix`: the controls' names start with it (several files in one form: vb.0.loai …)."""
    node: Any = _nest(form)
    for part in prefix:
        node = node.get(str(part), {}) if isinstance(node, dict) else {}
    data = _read_shape(shape, node, keep_empty, top=True)
    return data if isinstance(data, dict) else {}


def _nest(form: Any) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for name in form.keys():
        if name.startswith("_") or name == "csrf_token":
            continue
        values = form.getlist(name) if hasattr(form, "getlist") else list(form[name])
        node = tree
        parts = name.split(".")
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                break
            node = child
        else:
            node[parts[-1]] = values
    return tree


def clean(text: str) -> str:
    return nfc(text.replace("\r\n", "\n")).strip()


def _lines(values: Any) -> list[str]:
    if isinstance(values, dict):  # one control per row: name.0, name.1 …
        rows = [values[k] for k in sorted(values, key=_index) if _index(k) >= 0]
        return [clean(v[-1]) for v in rows if isinstance(v, list) and v and clean(v[-1])]
    text = "\n".join(values) if isinstance(values, list) else str(values or "")
    return [clean(line) for line in text.split("\n") if clean(line)]


def _index(key: str) -> int:
    return int(key) if key.isdigit() else -1


def _read_shape(shape: Shape, node: Any, keep_empty: bool, top: bool = False) -> dict[str, Any] | str | None:
    if not isinstance(node, dict):
        return None
    out: dict[str, Any] = {}
    for key, spec in shape.fields.items():
        value = _read_value(spec, node.get(key), keep_empty)
        if value is not None:
            out[key] = value
    if not out and not top:
        return None
    for key, spec in shape.fields.items():
        if spec.required and key not in out:
            out[key] = ""
    if shape.shorthand and list(out) == [shape.shorthand] and isinstance(out[shape.shorthand], str) and out[shape.shorthand]:
        return out[shape.shorthand]  # written as the files write it: "- Tên đơn vị", not "- ten: Tên đơn vị"
    return {k: out[k] for k in shape.fields if k in out}


def _read_value(spec: Field, node: Any, keep_empty: bool) -> Any:
    kind = spec.kind
    if node is None:
        return None
    if isinstance(kind, Shape):
        return _read_shape(kind, node, keep_empty)
    if isinstance(kind, ListOf) and isinstance(kind.item, Shape):
        rows = [node[k] for k in sorted(node, key=_index) if _index(k) >= 0] if isinstance(node, dict) else []
        items = [_read_shape(kind.item, row, keep_empty) for row in rows]
        kept = [item if item is not None else {} for item in items] if keep_empty else [i for i in items if i is not None]
        return kept or ([] if keep_empty and rows else None)
    if isinstance(kind, ListOf):
        if keep_empty and isinstance(node, dict):
            return [clean(node[k][-1]) if node[k] else "" for k in sorted(node, key=_index) if _index(k) >= 0]
        return _lines(node) or None
    if kind == "text":
        lines = _lines(node)
        return None if not lines else lines[0] if len(lines) == 1 else lines
    # One paragraph: a text box's line breaks are spaces (a value that is not a list is never several paragraphs).
    value = clean(" ".join(str(node[-1]).splitlines())) if isinstance(node, list) and node else ""
    if kind is bool:
        return True if value == "co" else False if value == "khong" else None
    return value or None


# ---------------------------------------------------------------------------------------------------- actions


def action(form: Any) -> tuple[str, str] | None:
    """(verb, key path) of an add/remove/move button, or None for a plain submit."""
    match = _ACTION.match(str(form.get(ACTION, "")))
    return (match[1], match[2]) if match else None


def apply_action(data: dict[str, Any], verb: str, where: str, shape: Shape) -> None:
    """Add an empty item to the list at `where`, or remove / move up / move down the item `where` names."""
    parts: list[Any] = [int(p) if p.isdigit() else p for p in where.split(".")]
    if verb == "them":
        container, key = _locate(data, parts[:-1]), parts[-1]
        if isinstance(container, dict):
            spec = _spec_at(shape, [p for p in parts if not isinstance(p, int)])
            empty: Any = {} if spec is not None and isinstance(spec.kind, ListOf) and isinstance(spec.kind.item, Shape) else ""
            current = container.get(key)
            container[key] = ([] if current in (None, "") else current if isinstance(current, list) else [current]) + [empty]
        return
    items = _locate(data, parts[:-1])
    index = parts[-1]
    if not isinstance(items, list) or not isinstance(index, int) or not 0 <= index < len(items):
        return
    if verb == "xoa":
        del items[index]
    elif verb == "len" and index > 0:
        items[index - 1], items[index] = items[index], items[index - 1]
    elif verb == "xuong" and index < len(items) - 1:
        items[index + 1], items[index] = items[index], items[index + 1]


def _locate(data: Any, parts: list[Any]) -> Any:
    node = data
    for part in parts:
        if isinstance(node, dict) and isinstance(part, str):
            if isinstance(node.get(part), str):
                node[part] = [node[part]]  # a single item written alone becomes a list to add to
            node = node.setdefault(part, {})
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            if isinstance(node[part], str):
                node[part] = {}  # a shorthand item opened as a group (cannot happen from a rendered form)
            node = node[part]
        else:
            return None
    return node


def _spec_at(shape: Shape, keys: list[str]) -> Field | None:
    spec: Field | None = None
    current: Any = shape
    for key in keys:
        if isinstance(current, ListOf):
            current = current.item
        if not isinstance(current, Shape) or key not in current.fields:
            return None
        spec = current.fields[key]
        current = spec.kind
    return spec
