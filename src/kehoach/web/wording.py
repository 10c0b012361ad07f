"""The declaration's words (inputs/schema.py) as a form shows them to a secretary: names of things, not of keys.

The declaration is written for both faces: the key reference that people editing YAML read, and the forms. It names
keys and values in backquotes (`nguoi_ky`, `day_du`, `false`); a form shows the key's label (“Người ký”), the value's
meaning (“đầy đủ”) and có/không instead, and a default or example that is a structure (a list of mappings) as the
values it holds, never as `khóa: giá trị`. What only a person writing the file needs (quoting, null) is the
declaration's `file_note`, which forms leave out.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kehoach.inputs.document_keys import DOCUMENT
from kehoach.inputs.plan_keys import PLAN
from kehoach.inputs.profile_keys import PROFILE
from kehoach.inputs.schema import Field, ListOf, Shape

_QUOTED = re.compile(r"`([^`]*)`")
_TRUTH = {"true": "có", "false": "không"}


def short(meaning: str) -> str:
    """The name part of an option's meaning: 'dấu chấm phẩy: "A; B"' → 'dấu chấm phẩy'."""
    return re.split(r":\s|\s\(", meaning, maxsplit=1)[0].strip()


@cache
def words() -> dict[str, str]:
    """Each key and each option value the declarations name → what a form calls it. Keys first (a key named like a
    value of another key is the key), the plan's before the profile's and the document's."""
    keys: dict[str, str] = {}
    values: dict[str, str] = {}
    seen: set[int] = set()

    def walk(shape: Shape) -> None:
        if id(shape) in seen:
            return
        seen.add(id(shape))
        for key, spec in shape.fields.items():
            if spec.label:
                keys.setdefault(key, spec.label)
            for value, meaning in _options(spec):
                if meaning:
                    values.setdefault(value, short(meaning))
            for inner in _shapes(spec.kind):
                walk(inner)

    for shape in (PLAN, PROFILE, DOCUMENT):
        walk(shape)
    return {**values, **keys, **_TRUTH}


def _options(spec: Field) -> tuple[tuple[str, str], ...]:
    item = spec.kind.item if isinstance(spec.kind, ListOf) else None
    return spec.options + (item.options if isinstance(item, Field) else ())


def _shapes(kind: Any) -> list[Shape]:
    if isinstance(kind, Shape):
        return [kind]
    if isinstance(kind, ListOf):
        return _shapes(kind.item.kind if isinstance(kind.item, Field) else kind.item)
    return []


def named(token: str) -> str | None:
    """What a form calls a quoted key or value, or None when the declaration does not name it."""
    return words().get(token)


def readable(text: str, within: Shape | None = None, keep: bool = False) -> str:
    """Plain text with quoted keys and values named: '`nguoi_ky_mac_dinh` của hồ sơ' → '“Người ký mặc định” của hồ
    sơ'; a key of `within` (the group the text is about) by its own label first. What the declaration does not name
    keeps its text, without the backquotes (`keep`: with them, for the page to show it as code)."""
    local = {k: f.label for k, f in within.fields.items() if f.label} if within is not None else {}

    def one(match: re.Match[str]) -> str:
        found = local.get(match[1]) or named(match[1])
        if found is None:
            return match[0] if keep else match[1]
        return f"“{found}”" if match[1] not in _TRUTH else found

    return _QUOTED.sub(one, text)


def value_text(value: Any, kind: Any = str, spec: Field | None = None, inner: bool = False) -> str:
    """A declared value (an example, a default, an inherited value) as a person reads it: lists joined by "; " (by
    " / " inside an item), a mapping by its values (named by its keys' options), true/false as có/không; never
    "khóa: giá trị"."""
    if isinstance(value, bool):
        return _TRUTH["true" if value else "false"]
    if isinstance(value, list):
        item = kind.item if isinstance(kind, ListOf) else kind
        of = item.kind if isinstance(item, Field) else item
        return (" / " if inner else "; ").join(
            value_text(v, of, item if isinstance(item, Field) else None, inner) for v in value)
    if isinstance(value, dict):
        fields = kind.fields if isinstance(kind, Shape) else {}
        parts = [value_text(v, fields[k].kind, fields[k], True) if k in fields else value_text(v, inner=True)
                 for k, v in value.items()]
        return ", ".join(p for p in parts if p)
    if spec is not None and spec.options:
        meaning = dict(spec.options).get(str(value))
        return short(meaning) if meaning else str(value)
    return str(value)
