"""One form over one YAML file of the workspace: show it, read the answers, check them as the file would be
checked, write the file keeping what a person wrote in it.

The check is the loader's own (load_profile, load_document, load_plan … given the text that would be written): the
page shows the same Vietnamese messages as the command line, each beside the control its key names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.errors import InputError, KehoachError, Problem
from kehoach.inputs.schema import Shape, check
from kehoach.inputs.yamlfile import read_yaml
from kehoach.web import answers, forms, roundtrip
from kehoach.web.site import NEW_NAME, Site, digest, slug

Validate = Callable[[Path, str], object]  # the loader, given the file and the text to write; raises InputError


@dataclass
class Outcome:
    """What a POST came to: saved (then `path`), or the form again with `data` and `errors`."""

    data: dict[str, Any]
    errors: dict[str, list[str]] = field(default_factory=dict)
    path: Path | None = None
    anchor: str = ""  # the control to bring into view (an item just added)

    @property
    def saved(self) -> bool:
        return self.path is not None


def read_file(path: Path, shape: Shape) -> dict[str, Any]:
    """The data of a file as the loader reads it, declared true/false and numbers typed as the checker types them.

    Raises InputError when it cannot be parsed: then there is nothing to edit (a form would overwrite it)."""
    loc = read_yaml(path, strict=False)
    check(loc, shape)  # its problems are shown by `current_problems`; here it only types the values
    return loc.data


def current_problems(path: Path, validate: Validate) -> list[Problem]:
    try:
        validate(path, path.read_text(encoding="utf-8-sig"))
    except KehoachError as exc:
        return exc.problems
    return []


def strangers(data: Mapping[str, Any], shape: Shape) -> dict[str, Any]:
    """Keys of a file that the declaration does not have: shown, and dropped when the form is saved."""
    return {k: v for k, v in data.items() if k not in shape.fields}


def submit(site: Site, shape: Shape, form: Any, validate: Validate, path: Path | None,
           new_name: Callable[[str], Path | None] | None = None, header: str = "") -> Outcome:
    """Handle a POSTed form. `path` is the file being edited, or None for a new one whose name is the form's
    `_ten_tep` (made into a path by `new_name`, None when the name is not acceptable)."""
    step = answers.action(form)
    if step is not None:
        data = answers.read(shape, form, keep_empty=True)
        answers.apply_action(data, step[0], step[1], shape)
        return Outcome(data, anchor=step[1])
    data = answers.read(shape, form)
    errors: dict[str, list[str]] = {}
    target = path
    checked_as = path  # where the content is checked: the file's folder decides what its relative names mean
    if target is None:
        name = answers.clean(str(form.get("_ten_tep", ""))).lower()
        target = new_name(name) if new_name is not None and NEW_NAME.match(name) else None
        checked_as = target if target is not None else _stand_in(name, new_name)
        if target is None:
            errors["_ten_tep"] = ["tên tệp chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ "
                                  "dang-uy-xa-ia-grai (một thư mục con được: gia-lai/dang-uy-xa-ia-grai)"]
        elif target.exists():
            errors["_ten_tep"] = [f"đã có tệp {target.relative_to(site.root)}; chọn tên khác (trang không ghi đè)"]
    old = target.read_text(encoding="utf-8-sig") if path is not None and target is not None and target.is_file() else None
    text = roundtrip.updated(old, data, header=header)
    if checked_as is not None:  # every mistake of the form at once, the file name's and the content's
        try:
            validate(checked_as, text)
        except InputError as exc:
            for key, messages in forms.errors_by_field(exc.problems, own=checked_as).items():
                errors.setdefault(key, []).extend(messages)
    if errors or target is None:
        return Outcome(data, errors)
    expected = str(form.get("_ban", "")) if path is not None else ""
    try:
        site.save(target, text, expected)
    except InputError as exc:
        return Outcome(data, {"": [str(p) for p in exc.problems]})
    return Outcome(data, path=target)


def _stand_in(name: str, new_name: Callable[[str], Path | None] | None) -> Path | None:
    """Where to check a new file's content while its typed name is refused: the name made acceptable, in a folder
    that exists ("gia-lai/Xã Mới" → gia-lai/xa-moi, "../../tmp/evil" → evil); nothing is written there."""
    if new_name is None:
        return None
    parts = [slug(part) for part in name.split("/") if slug(part)] or ["ban-nhap"]
    for candidate in ("/".join(parts[-2:]), parts[-1]):
        path = new_name(candidate)
        if path is not None and path.parent.is_dir():
            return path
    return None


def current_digest(path: Path | None) -> str:
    return digest(path) if path is not None else ""
