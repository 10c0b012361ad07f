"""Declarative shape of the YAML files, checked as a whole so every problem is reported at once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kehoach.errors import Problem
from kehoach.inputs.yamlfile import Located
from kehoach.text.vntext import parse_date

_TYPE_NAMES = {str: "chuỗi chữ", int: "số nguyên", bool: "có/không (true/false)", dict: "nhóm khóa", list: "danh sách"}


@dataclass(frozen=True)
class Field:
    """One key: what `check` accepts, and what people and editors are told about it.

    `kind`, `required` and `choices` decide validation. The rest is metadata read by the key reference and the JSON
    Schemas (`inputs/reference.py`, `python tools/make_reference.py`) and by the web forms; it never changes what
    `check` accepts. Texts are Vietnamese, as a secretary reads them.
    """

    kind: Any = str  # str, int, bool, "date", "text" (str or list of str), Shape, or ListOf
    required: bool = False
    choices: tuple[str, ...] = ()
    label: str = ""  # short label for a form: "Số văn bản"
    doc: str = ""  # what the key means and does, one to three sentences
    default: Any = None  # the value used when the key is absent, when it is one fixed value
    default_doc: str = ""  # the default in words, when it depends on something ("theo hệ thống: …")
    example: Any = None  # a typical value as a secretary would type it (scalar, list or mapping)
    options: tuple[tuple[str, str], ...] = ()  # (allowed value, its meaning); fills `choices` when given
    placeholders: bool = False  # the text may contain {chu_the}, {viet_tat:KEY} …, expanded when composing
    file_note: str = ""  # what only a person writing the YAML file needs (quotes, null): the key reference, not forms

    def __post_init__(self) -> None:
        if self.options and not self.choices:
            object.__setattr__(self, "choices", tuple(value for value, _meaning in self.options))


@dataclass(frozen=True)
class Shape:
    """A mapping's declared keys (Field, ListOf or a nested Shape), for checks, references and forms."""

    fields: dict[str, Field]
    # A bare string may stand for the whole mapping (e.g. a signer given by name only).
    shorthand: str | None = None
    title: str = ""  # what one such group is, for the reference and forms: "Người ký"
    doc: str = ""  # what the group is for
    file_note: str = ""  # as Field.file_note


@dataclass(frozen=True)
class ListOf:
    """A list of items of one kind; `allow_single`: one item may be written without the list."""

    item: Any  # a kind (str, Shape …), or a Field when the items have their own choices
    allow_single: bool = True


_TRUE = {"true", "yes", "on", "có", "đúng"}
_FALSE = {"false", "no", "off", "không", "sai"}


@dataclass
class Checker:
    """Checks data against a Shape, every problem at once; values the Shape declares bool or int become one.

    The loader (yamlfile) reads every scalar as text exactly as typed; only here does a declared type apply."""

    loc: Located
    problems: list[Problem] = field(default_factory=list)

    def fail(self, path: tuple[Any, ...], message: str) -> None:
        self.problems.append(self.loc.problem(path, message))

    def shape(self, data: Any, shape: Shape, path: tuple[Any, ...]) -> None:
        if shape.shorthand and isinstance(data, str):
            return
        if not isinstance(data, dict):
            self.fail(path, "cần một nhóm khóa (các dòng 'khóa: giá trị')")
            return
        for key, value in data.items():
            spec = shape.fields.get(key)
            if spec is None:
                import difflib  # only for what it is used for here: commands start without it

                guess = difflib.get_close_matches(key, list(shape.fields), n=1, cutoff=0.6)
                hint = f"; có phải ý bạn là '{guess[0]}'?" if guess else ""
                allowed = ", ".join(shape.fields)
                self.fail(path + (key,), f"khóa không được hỗ trợ{hint} (các khóa hợp lệ: {allowed})")
                continue
            data[key] = self.value(value, spec, path + (key,))
        for key, spec in shape.fields.items():
            if spec.required and (data.get(key) in (None, "", [])):
                self.fail(path + (key,) if key in data else path, f"thiếu khóa bắt buộc '{key}'")

    def value(self, value: Any, spec: Field, path: tuple[Any, ...]) -> Any:
        """Check one value; returns it, typed where `spec` declares bool or int."""
        if value is None:
            return None
        kind = spec.kind
        if _takes_text(kind) and (line := _colon_line(value, kind)) is not None:
            self.fail(path, "dòng có dấu hai chấm nên được đọc thành 'khóa: giá trị'; hãy đặt cả "
                            f"dòng trong dấu nháy kép: {line}")
            return value
        if isinstance(kind, Shape):
            self.shape(value, kind, path)
        elif isinstance(kind, ListOf):
            item_spec = kind.item if isinstance(kind.item, Field) else Field(kind.item)
            if not isinstance(value, list):
                if not kind.allow_single:
                    self.fail(path, "cần một danh sách (mỗi mục một dòng bắt đầu bằng '- ')")
                    return value
                return self.value(value, item_spec, path)
            for i, item in enumerate(value):
                value[i] = self.value(item, item_spec, path + (i,))
        elif kind == "date":
            if isinstance(value, (dict, list)):
                self.fail(path, "cần một ngày (ví dụ 04/5/2023), không phải danh sách hay nhóm khóa")
                return value
            try:
                parse_date(value)
            except ValueError as exc:
                self.fail(path, f"ngày không hợp lệ: {exc}")
        elif kind == "text":
            if not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
                self.fail(path, "cần một đoạn chữ hoặc danh sách các đoạn")
        elif kind is str:
            if isinstance(value, (dict, list)) or isinstance(value, bool):
                self.fail(path, f"cần {_TYPE_NAMES[str]}, không phải {_TYPE_NAMES.get(type(value), type(value).__name__)}")
            elif spec.choices and str(value) not in spec.choices:
                import difflib  # only for what it is used for here: commands start without it

                guess = difflib.get_close_matches(str(value), list(spec.choices), n=1, cutoff=0.5)
                hint = f"; có phải ý bạn là '{guess[0]}'?" if guess else ""
                self.fail(path, f"giá trị '{value}' không hợp lệ{hint} (chọn một trong: {', '.join(spec.choices)})")
        elif kind is int:
            if isinstance(value, str) and value.isdigit() and value.isascii():
                return int(value)
            if isinstance(value, bool) or not isinstance(value, int):
                self.fail(path, "cần một số nguyên")
        elif kind is bool:
            if isinstance(value, str) and value.casefold() in _TRUE | _FALSE:
                return value.casefold() in _TRUE
            if not isinstance(value, bool):
                self.fail(path, "cần true hoặc false (có/không)")
        return value


def _takes_text(kind: Any) -> bool:
    return kind in (str, "text", "date") or (isinstance(kind, Shape) and kind.shorthand is not None)


_KEY_NAME = re.compile(r"[a-z0-9_]+")


def _colon_line(value: Any, kind: Any) -> str | None:
    """`- Nhiệm vụ số 1: tổ chức …` unquoted is YAML for the group {'Nhiệm vụ số 1': 'tổ chức …'}: where a text was
    expected, a group of one key that is no key name (spaces, capitals, Vietnamese letters) is that line, given back
    quoted as it should be typed; None for anything else."""
    if not isinstance(value, dict) or len(value) != 1:
        return None
    [(key, text)] = value.items()
    known = kind.fields if isinstance(kind, Shape) else {}
    if not isinstance(key, str) or key in known or _KEY_NAME.fullmatch(key) or not isinstance(text, (str, type(None))):
        return None
    line = f"{key}: {text}" if text is not None else f"{key}:"
    if len(line) > 60:
        line = line[:57].rstrip() + " …"
    return '"' + line.replace("\\", "\\\\").replace('"', '\\"') + '"'


def check(loc: Located, shape: Shape) -> list[Problem]:
    """Every problem of `loc` (the loader's first) against `shape`; declared bool/int values in `loc.data` are typed
    in place."""
    checker = Checker(loc, list(loc.problems))
    checker.shape(loc.data, shape, ())
    return checker.problems
