"""Placeholders checked where they are typed: an unknown or malformed '{name}' / '{name:KEY}' is an error with its
file, line and key, never literal output (other braces, '{{ 7*7 }}', are ordinary text). Which keys expand them is
declared once (`Field.placeholders`); a placeholder in any other printed key would be printed as typed, so it is
refused too. Whether '{viet_tat:KEY}' names a document that exists is checked when the plan's documents are read.
"""

from __future__ import annotations

import re
from typing import Any

from kehoach.errors import Problem
from kehoach.inputs.schema import Field, ListOf, Shape
from kehoach.inputs.yamlfile import Located
from kehoach.text.placeholders import NAMES, PER_DOC

_VALID = re.compile(r"^\{([a-z_]+)(?::([^{}\s]+))?\}$")
# What a person meant as a placeholder, even mistyped: "{doi_tuon}", "{ viet_tat: 21-ct-tw }", "{Viet_tat:x}".
# Other braces ("{{ 7*7 }}", "{a & b}") are ordinary text, printed as typed.
_ATTEMPT = re.compile(r"^\{\s*[A-Za-zĐđ_]+\s*(?::[^{}]*)?\}?$")
UNPRINTED = ("ghi_chu",)  # free notes, never printed


def tokens(text: str) -> list[tuple[str, bool]]:
    """Every '{…}' in text, and whether its braces close ('{viet_tat:21-ct-tw' does not)."""
    found = []
    start = text.find("{")
    while start >= 0:
        end = text.find("}", start)
        reopen = text.find("{", start + 1)
        if end < 0 or 0 <= reopen < end:
            stop = reopen if reopen >= 0 else len(text)
            found.append((text[start:stop].split()[0] if text[start:stop].split() else "{", False))
            start = reopen
            continue
        found.append((text[start:end + 1], True))
        start = text.find("{", end)
    return found


def known(token: str) -> bool:
    match = _VALID.match(token)
    if match is None:
        return False
    name, arg = match[1], match[2]
    return (arg is None and name in NAMES) or (arg is not None and name in PER_DOC)


def usable() -> str:
    return ", ".join([f"{{{n}}}" for n in NAMES] + [f"{{{n}:MÃ}}" for n in PER_DOC])


def problems_in(loc: Located, shape: Shape) -> list[Problem]:
    """Every placeholder mistake in a checked file (call after schema.check found nothing wrong with its shape)."""
    out: list[Problem] = []

    def text(value: str, spec: Field, path: tuple[Any, ...]) -> None:
        for token, closed in tokens(value):
            if not _ATTEMPT.match(token):
                continue
            if not closed:
                out.append(loc.problem(path, f"chỗ thay thế '{token}' thiếu dấu '}}' đóng"))
            elif not spec.placeholders:
                out.append(loc.problem(path, f"khóa này không dùng chỗ thay thế: '{token}' sẽ bị in nguyên văn "
                                             "(bỏ dấu ngoặc nhọn, hoặc viết ở khóa khác)"))
            elif not known(token):
                out.append(loc.problem(path, f"không hiểu chỗ thay thế '{token}' (dùng được: {usable()})"))

    def value(data: Any, spec: Field, path: tuple[Any, ...]) -> None:
        kind = spec.kind
        if isinstance(kind, Shape):
            mapping(data, kind, path)
        elif isinstance(kind, ListOf):
            item = kind.item if isinstance(kind.item, Field) else Field(kind.item, placeholders=spec.placeholders)
            for i, entry in enumerate(data if isinstance(data, list) else [data]):
                value(entry, item, path + (i,) if isinstance(data, list) else path)
        elif isinstance(data, str):
            text(data, spec, path)
        elif isinstance(data, list):
            for i, entry in enumerate(data):
                if isinstance(entry, str):
                    text(entry, spec, path + (i,))

    def mapping(data: Any, shape: Shape, path: tuple[Any, ...]) -> None:
        if isinstance(data, str) and shape.shorthand:
            text(data, shape.fields[shape.shorthand], path)
            return
        if not isinstance(data, dict):
            return
        for key, entry in data.items():
            if key in shape.fields and key not in UNPRINTED and entry is not None:
                value(entry, shape.fields[key], path + (key,))

    mapping(loc.data, shape, ())
    return out


def document_refs(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[str, tuple[Any, ...]]]:
    """Every document a text names in a placeholder ('{viet_tat:21-ct-tw}'), with the key path that names it, so the
    plan can cite a document of van-ban/ it does not implement."""
    found: list[tuple[str, tuple[Any, ...]]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found += document_refs(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += document_refs(value, path + (i,))
    elif isinstance(data, str) and "{" in data:
        for token, closed in tokens(data):
            match = _VALID.match(token) if closed else None
            if match and match[2] and match[1] in PER_DOC:
                found.append((match[2], path))
    return found
