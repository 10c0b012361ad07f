"""Writing a form's data into a YAML file a person may have written by hand, keeping their comments and key order.

PyYAML (which kehoach reads with) forgets comments; ruamel.yaml keeps them through a load and a dump, with the
key order and the quoting. Only what the form changed is touched: an unchanged value keeps its exact text, a new key
goes after its neighbour in the declaration's order, and the comment lines below a deleted key move to the key above
(they usually describe the next key, not the deleted one).
"""

from __future__ import annotations

import datetime
import io
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.tokens import CommentToken


def _yaml() -> YAML:
    yaml = YAML()  # round-trip mode: comments, order and quotes survive
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long Vietnamese line
    yaml.indent(mapping=2, sequence=4, offset=2)  # "nguoi_ky:\n  - ma: …", as the shipped files are written
    # `tap_the: null` says "remove the inherited value" (profiles/README.md §4): written as a person writes it.
    yaml.representer.add_representer(type(None), lambda rep, _none: rep.represent_scalar("tag:yaml.org,2002:null", "null"))
    yaml.representer.add_representer(str, _text)
    return yaml


_PYYAML = pyyaml.resolver.Resolver()


def _text(representer: Any, value: str) -> Any:
    """kehoach reads with PyYAML (YAML 1.1), where `yes`, `on`, `05:30` are not text: such text is quoted."""
    tag = _PYYAML.resolve(pyyaml.ScalarNode, value, (True, False))
    style = "'" if tag != "tag:yaml.org,2002:str" else None
    return representer.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def load(text: str) -> CommentedMap | None:
    """The file's tree, or None when ruamel cannot read it (then the file is written anew)."""
    try:
        tree = _yaml().load(text)
    except YAMLError:
        return None
    return tree if isinstance(tree, CommentedMap) else None


def dump(tree: Any) -> str:
    out = io.StringIO()
    _yaml().dump(tree, out)
    return out.getvalue()


def updated(text: str | None, data: dict[str, Any], header: str = "") -> str:
    """`text` (a file's content, or None for a new file) with its values replaced by `data`.

    `data` lists the keys in the order a new file should have them. A key whose old value is null and that `data`
    leaves out stays null: null removes an inherited value, and an empty form field cannot say that.
    """
    tree = load(text) if text else None
    if tree is None:
        tree = CommentedMap()
        if header:
            tree.yaml_set_start_comment(header)
    _update_map(tree, data)
    return dump(tree)


def plain(node: Any) -> Any:
    """A ruamel tree as plain dicts, lists and scalars (to compare with a form's data)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def _update_map(node: CommentedMap, data: dict[str, Any]) -> None:
    for key in [k for k in node if k not in data and node[k] is not None]:
        _delete_key(node, key)
    order = list(data)
    for i, (key, value) in enumerate(data.items()):
        if key in node:
            node[key] = _update_value(node[key], value)
            continue
        before = [k for k in order[:i] if k in node]
        at = list(node).index(before[-1]) + 1 if before else 0
        # The comment lines under the key before describe the key after: they move below the new key.
        moved = _take_tail(node, before[-1]) if before else ""
        node.insert(at, key, _fresh(value))
        _reattach(node, key, moved)


def _update_value(old: Any, new: Any) -> Any:
    if plain(old) == new or _same_scalar(old, new):
        return old  # untouched: the exact text (quotes, flow style, 470 not '470') stays
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        _update_map(old, new)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        for i, value in enumerate(new[: len(old)]):
            old[i] = _update_value(old[i], value)
        for value in new[len(old):]:
            moved = _take_tail(old, len(old) - 1) if len(old) else ""
            old.append(_fresh(value))
            _reattach(old, len(old) - 1, moved)
        while len(old) > len(new):
            _delete_item(old, len(old) - 1)
        return old
    return _fresh(new)


def _same_scalar(old: Any, new: Any) -> bool:
    """A form answers in text: `so: 470` and `ngay: 2023-05-04` read back as "470" and "2023-05-04" are unchanged."""
    scalar = (str, int, float, datetime.date)
    return isinstance(new, str) and isinstance(old, scalar) and not isinstance(old, bool) and str(old) == new


def _fresh(value: Any) -> Any:
    """New values: lists of mappings in block style, short lists of words as written by hand."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _fresh(v)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_fresh(v) for v in value)
        return seq
    return value


def _following_lines(token: CommentToken | None) -> str:
    """The full comment lines after a key's own line (its end-of-line comment is dropped with it)."""
    if token is None:
        return ""
    _own, _newline, rest = token.value.partition("\n")
    return rest


def _delete_key(node: CommentedMap, key: Any) -> None:
    keys = list(node)
    at = keys.index(key)
    entry = node.ca.items.pop(key, None)
    rest = _following_lines(entry[2] if entry else None) + _tail_text(node[key])
    del node[key]
    _reattach(node, keys[at - 1] if at else None, rest)


def _delete_item(seq: CommentedSeq, index: int) -> None:
    entry = seq.ca.items.pop(index, None)
    rest = _following_lines(entry[0] if entry else None) + _tail_text(seq[index])
    del seq[index]
    if seq:
        _reattach(seq, len(seq) - 1, rest)


def _tail_text(value: Any) -> str:
    """Comment lines that sit after the last scalar inside a mapping or list being removed."""
    if isinstance(value, (CommentedMap, CommentedSeq)) and len(value):
        return _take_tail(value, list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1)
    return ""


def _take_tail(holder: CommentedMap | CommentedSeq, key: Any) -> str:
    """Remove and return the full comment lines after the value at `key` (after its last scalar, if a collection)."""
    while isinstance(holder[key], (CommentedMap, CommentedSeq)) and len(holder[key]):
        holder = holder[key]
        key = list(holder)[-1] if isinstance(holder, CommentedMap) else len(holder) - 1
    entry = holder.ca.items.get(key)
    slot = 2 if isinstance(holder, CommentedMap) else 0
    if not entry or entry[slot] is None:
        return ""
    own, newline, rest = entry[slot].value.partition("\n")
    entry[slot].value = own + newline
    return rest


def _reattach(node: CommentedMap | CommentedSeq, previous: Any, text: str) -> None:
    if not text.strip():
        return
    if previous is None and isinstance(node, CommentedMap):
        lines = [line.lstrip("# ").rstrip() for line in text.splitlines() if line.strip()]
        node.yaml_set_start_comment("\n".join(lines))
        return
    holder: Any = node
    key = previous
    # A comment after a list or mapping belongs to its last scalar.
    while isinstance(holder[key], (CommentedMap, CommentedSeq)) and len(holder[key]):
        holder = holder[key]
        key = list(holder)[-1] if isinstance(holder, CommentedMap) else len(holder) - 1
    _append_comment(holder, key, text)


def _append_comment(holder: CommentedMap | CommentedSeq, key: Any, text: str) -> None:
    if not text.strip():
        return
    slot = 2 if isinstance(holder, CommentedMap) else 0
    entry = holder.ca.items.setdefault(key, [None, None, None, None])
    token = entry[slot]
    if token is None:
        entry[slot] = CommentToken("\n" + text, _start_mark(), None)
    else:
        token.value = token.value + text if token.value.endswith("\n") else token.value + "\n" + text


def _start_mark() -> Any:
    from ruamel.yaml.error import CommentMark

    return CommentMark(0)
