"""Forms made from the one declaration of each file's keys (inputs/schema.py); web/answers.py reads them back.

Every key a `Shape` declares becomes a control, so a key added to the declaration appears on the page with no change
here: a text box, a list of choices, a box of lines for a list of words, a group of controls for a nested mapping,
a repeatable group for a list of mappings. A control is named by its key path as the checker names a problem
("nguoi_ky.0.ma"), so a problem found by the file's own validation is shown beside the control it is about.

The labels, meanings and examples come from the declaration too (`Field.label`, `Field.doc`, `Field.example`,
`Field.default` when it has them), in a secretary's words (web/wording.py); a key without them is shown by its name.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kehoach.errors import Problem
from kehoach.inputs.schema import Field, ListOf, Shape
from kehoach.text.vntext import PartialDate, short_date
from kehoach.web import wording

Path_ = tuple[Any, ...]
BOOL_CHOICES = [("", "(theo mặc định)"), ("co", "có"), ("khong", "không")]


@dataclass
class Hint:
    """What a page knows about a key that the declaration cannot: the profiles there are, a profile's signers …

    `free`: a value outside the list may be typed (a list of suggestions); otherwise a choice from the list."""

    choices: list[tuple[str, str]]
    free: bool = True
    empty: str = "(chọn)"  # what choosing nothing means


@dataclass
class Widget:
    name: str  # the key path joined by dots, as Problem.key writes it
    key: str
    label: str
    control: str  # input | paragraph | select | textarea | lines | bool | group | list
    meaning: str = ""
    example: str = ""
    value: str = ""
    placeholder: str = ""
    required: bool = False
    choices: list[tuple[str, str]] = field(default_factory=list)
    suggestions: list[tuple[str, str]] = field(default_factory=list)
    children: list[Widget] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # doubts to check (what an import was not sure of), not mistakes
    known: str = ""  # what the page knows that may be written here ("Phòng, ban của hồ sơ: VP, KT …")
    item_of: str = ""  # for an item of a list: the list's name (its buttons move and remove it)
    filled: bool = False  # a group that has data or errors opens by itself
    refresh: bool = False  # choosing a value refreshes the form (the lists that depend on it), with JavaScript

    @property
    def id(self) -> str:
        return "f-" + self.name.replace(".", "-")


def today() -> str:
    """Today's date as a date box shows what it wants, in the form the documents write it: '29/11/2026'."""
    now = datetime.date.today()
    return short_date(PartialDate(now.year, now.month, now.day))


def meta(key: str, spec: Field) -> dict[str, str]:
    """Label, meaning, example and default of a key, as the declaration says them and a form shows them (web/wording:
    keys and values by name, structures by their values; the declaration's `file_note` is for files only)."""
    default = wording.readable(spec.default_doc) if spec.default_doc else (
        "" if spec.default is None else wording.value_text(spec.default, spec.kind, spec))
    example = "" if spec.example is None else wording.value_text(spec.example, spec.kind, spec)
    return {"label": spec.label or key, "meaning": spec.doc, "example": example, "default": default}


def choice_list(spec: Field) -> list[tuple[str, str]]:
    """(value, what it means) for each allowed value; the value itself when the declaration gives no meaning."""
    meanings = dict(spec.options)
    return [(c, meanings.get(c) or c) for c in spec.choices]


def pattern(path: Path_) -> str:
    """'giao_nhiem_vu.*.phong_ban': a path with its list positions left out, to look hints up."""
    return ".".join("*" if isinstance(p, int) else str(p) for p in path)


def name_of(path: Path_) -> str:
    return ".".join(str(p) for p in path)


# ---------------------------------------------------------------------------------------------------- building


@dataclass
class Builder:
    errors: Mapping[str, list[str]] = field(default_factory=dict)
    hints: Mapping[str, Hint] = field(default_factory=dict)
    placeholders: Mapping[str, str] = field(default_factory=dict)
    refresh: frozenset[str] = frozenset()  # names of controls whose choice changes what the form offers
    notes: Mapping[str, list[str]] = field(default_factory=dict)  # doubts by control name
    known: Mapping[str, str] = field(default_factory=dict)  # by control name: what may be written in it

    def fields(self, shape: Shape, data: Any, prefix: Path_ = (), keys: Iterable[str] | None = None) -> list[Widget]:
        data = _as_mapping(shape, data)
        return [self.widget(key, shape.fields[key], data.get(key), prefix + (key,), shape)
                for key in (keys if keys is not None else shape.fields)]

    def widget(self, key: str, spec: Field, value: Any, path: Path_, within: Shape | None = None) -> Widget:
        """The control of one key; `within`: the group it belongs to, whose keys its help names first."""
        info = meta(key, spec)
        name = name_of(path)
        meaning = wording.readable(info["meaning"], within, keep=True)
        known = self.known.get(name, "")
        w = Widget(name, key, info["label"], "input", meaning, info["example"], required=spec.required,
                   errors=list(self.errors.get(name, [])), refresh=name in self.refresh,
                   notes=list(self.notes.get(name, [])), known=known)
        default = info["default"]
        w.placeholder = self.placeholders.get(name) or (f"mặc định: {default}" if default else "")
        if not w.placeholder and spec.kind == "date":
            w.placeholder = today()  # the form a date is written in, with a date that is never stale
        kind = spec.kind
        hint = self.hints.get(pattern(path))
        if isinstance(kind, Shape) or (isinstance(kind, ListOf) and isinstance(kind.item, Shape)) or spec.choices \
                or kind is bool:
            w.example = ""  # the controls inside show theirs, or the list shows every value
        if isinstance(kind, Shape):
            w.control = "group"
            w.meaning = w.meaning or wording.readable(kind.doc, kind, keep=True)
            w.children = self.fields(kind, value, path)
            w.filled = bool(value) or has_errors(w)
        elif isinstance(kind, ListOf) and isinstance(kind.item, Shape):
            w.control = "list"
            item_label = kind.item.title or w.label
            w.children = [self._item(kind.item, item, path + (i,), name, item_label) for i, item in enumerate(_items(value))]
            w.meaning = w.meaning or wording.readable(kind.item.doc, kind.item, keep=True)
            w.filled = True
        elif isinstance(kind, ListOf) and hint is not None:
            w.control = "list"  # one choice per row, in order (the parents a plan implements)
            w.children = [self._choice(str(item), hint, path + (i,), name, f"{w.label} {i + 1}")
                          for i, item in enumerate(_items(value))]
            w.filled = True
        elif isinstance(kind, ListOf) or kind == "text":
            w.control = "lines" if isinstance(kind, ListOf) else "textarea"
            w.value = "\n".join(str(v) for v in _items(value)) if value is not None else ""
        elif kind is bool:
            w.control = "bool"
            w.choices = [("", f"({w.placeholder})" if w.placeholder else BOOL_CHOICES[0][1]), *BOOL_CHOICES[1:]]
            w.value = "" if value is None else "co" if value is True else "khong" if value is False else str(value)
        else:
            w.value = "" if value is None else str(value)
            if spec.choices:
                w.control = "select"
                empty = f"({w.placeholder})" if w.placeholder else "(không chọn)"  # what choosing nothing gives
                w.choices = ([] if spec.required else [("", empty)]) + choice_list(spec)
            elif hint is not None:
                self._apply_hint(w, hint)
            elif spec.placeholders or len(w.value) > 80:
                w.control = "paragraph"  # a sentence to read whole (a task, a closing): one paragraph in a text box
        return w

    def _item(self, shape: Shape, value: Any, path: Path_, list_name: str, label: str) -> Widget:
        name = name_of(path)
        w = Widget(name, str(path[-1]), f"{label} {path[-1] + 1}", "group", item_of=list_name,
                   errors=list(self.errors.get(name, [])), notes=list(self.notes.get(name, [])))
        w.children = self.fields(shape, value, path)
        w.filled = True
        return w

    def _choice(self, value: str, hint: Hint, path: Path_, list_name: str, label: str) -> Widget:
        w = Widget(name_of(path), str(path[-1]), label, "input", value=value, item_of=list_name,
                   errors=list(self.errors.get(name_of(path), [])), notes=list(self.notes.get(name_of(path), [])))
        self._apply_hint(w, hint)
        return w

    @staticmethod
    def _apply_hint(w: Widget, hint: Hint) -> None:
        if hint.free:
            w.suggestions = hint.choices
            return
        w.control = "select"
        w.example = ""  # the list shows the values
        known = [value for value, _label in hint.choices]
        extra = [(w.value, w.value)] if w.value and w.value not in known else []  # a value written by hand stays
        # Choosing nothing gives what the control's placeholder says (an inherited value), unless the page says more.
        empty = f"({w.placeholder})" if w.placeholder and hint.empty == Hint.empty else hint.empty
        w.choices = [("", empty)] + hint.choices + extra


def has_errors(w: Widget) -> bool:
    return bool(w.errors) or any(has_errors(c) for c in w.children)


def _as_mapping(shape: Shape, data: Any) -> dict[str, Any]:
    if isinstance(data, dict):
        return data
    if shape.shorthand and isinstance(data, (str, int)):
        return {shape.shorthand: data}
    return {}


def _items(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


# ---------------------------------------------------------------------------------------------------- problems


def errors_by_field(problems: Iterable[Problem], own: Any = None,
                    aliases: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """Problems of the file's own validation, by the control they are about ('' for the whole form).

    A problem in another file (the plan's profile, a parent) is about no control of this form: it goes on top, with
    its file, line and key as the command line prints it. `aliases` maps a problem's file to a control: the options
    of a command (--so) name the form's keys (so)."""
    out: dict[str, list[str]] = {}
    for problem in problems:
        alias = (aliases or {}).get(str(problem.file))
        if alias is not None:
            out.setdefault(alias, []).append(problem.message)
        elif own is not None and problem.file is not None and str(problem.file) != str(own):
            out.setdefault("", []).append(str(problem))
        else:
            out.setdefault(problem.key or "", []).append(problem.message)
    return out


def sections(shape: Shape, layout: list[tuple[str, list[str], bool]]) -> list[tuple[str, list[str], bool]]:
    """The page's groups of keys, in the page's order; every declared key the page did not place goes in the last,
    so a key added to the declaration is on the page at once."""
    placed = {k for _title, keys, _open in layout for k in keys}
    rest = [k for k in shape.fields if k not in placed]
    groups = [(title, [k for k in keys if k in shape.fields], open_) for title, keys, open_ in layout]
    if rest:
        groups.append(("Các khóa khác", rest, False))
    return [g for g in groups if g[1]]


def grouped(builder: Builder, shape: Shape, data: Any, layout: list[tuple[str, list[str], bool]],
            prefix: Path_ = ()) -> list[tuple[str, list[Widget], bool]]:
    """The page's groups of controls; a group with a mistake in it is open."""
    out = []
    for title, keys, open_ in sections(shape, layout):
        widgets = builder.fields(shape, data, prefix, keys=keys)
        out.append((title, widgets, open_ or any(has_errors(w) for w in widgets)))
    return out


def labels(groups: list[tuple[str, list[Widget], bool]]) -> dict[str, str]:
    """Every control's label by its name, for the list of mistakes on top of a form."""
    out: dict[str, str] = {}

    def walk(widgets: list[Widget], within: str) -> None:
        for w in widgets:
            label = f"{within} › {w.label}" if within and not w.item_of else w.label
            out[w.name] = label
            walk(w.children, label)

    for _title, widgets, _open in groups:
        walk(widgets, "")
    return out
