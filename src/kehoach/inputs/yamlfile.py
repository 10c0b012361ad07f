"""Safe YAML reading that remembers the line of every key, so errors can point at it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kehoach.errors import InputError, Problem
from kehoach.text.vntext import nfc

Path_ = tuple[Any, ...]


class Located:
    """A loaded YAML file: plain data plus the line of each key path."""

    def __init__(self, file: Path, data: dict[str, Any], lines: dict[Path_, int]):
        self.file = file
        self.data = data
        self.lines = lines

    def line(self, path: Path_) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def problem(self, path: Path_, message: str) -> Problem:
        key = ".".join(str(p) for p in path) or None
        return Problem(self.file, message, self.line(path), key)


class _Builder(yaml.constructor.SafeConstructor):
    pass


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int], problems: list[str]) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = nfc(str(_build(key_node, path + ("<khóa>",), {}, problems)))
            if key in out:
                problems.append(f"dòng {key_node.start_mark.line + 1}: khóa '{key}' được khai báo hai lần")
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _build(value_node, path + (key,), lines, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, problems) for i, item in enumerate(node.value)]
    value = _Builder().construct_object(node)
    return nfc(value) if isinstance(value, str) else value


# libyaml parses the same nodes with the same marks about ten times faster (a provincial build reads thousands of
# files); its error texts differ, so a file it refuses is parsed again by the pure-Python loader for the message.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def read_yaml(file: Path, text: str | None = None) -> Located:
    """Parse one YAML file; the top level must be a mapping. Never runs tags (safe loader)."""
    if text is None:
        try:
            text = file.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise InputError([Problem(file, "không tìm thấy tệp")]) from None
        except UnicodeDecodeError:
            raise InputError([Problem(file, "tệp không phải văn bản UTF-8")]) from None
        except OSError as exc:
            raise InputError([Problem(file, f"không đọc được tệp ({exc.strerror})")]) from None
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        reason = _yaml_reason(exc)
        raise InputError([Problem(file, f"YAML sai cú pháp: {reason}", mark.line + 1 if mark else None)]) from None
    if node is None:
        raise InputError([Problem(file, "tệp rỗng")])
    if not isinstance(node, yaml.MappingNode):
        raise InputError([Problem(file, "cấp ngoài cùng phải là các cặp 'khóa: giá trị'", node.start_mark.line + 1)])
    lines: dict[Path_, int] = {}
    problems: list[str] = []
    try:
        data = _build(node, (), lines, problems)
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise InputError([Problem(file, f"giá trị không đọc được: {exc.problem}", line)]) from None
    if problems:
        raise InputError([Problem(file, p) for p in problems])
    return Located(file, data, lines)


_REASONS = {
    "mapping values are not allowed here": "có dấu ':' không đúng chỗ (giá trị có dấu hai chấm thì đặt trong ngoặc kép)",
    "could not find expected ':'": "thiếu dấu ':' sau tên khóa",
    "found character '\\t' that cannot start any token": "có ký tự Tab; hãy thụt lề bằng dấu cách",
    "expected <block end>, but found '-'": "thụt lề của danh sách không khớp",
    "found undefined alias": "có bí danh (*) không được định nghĩa",
}


def _yaml_reason(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    for english, vietnamese in _REASONS.items():
        if problem.startswith(english.split("'")[0]) and english in problem or problem == english:
            return vietnamese
    if "expected <block end>" in problem or "expected <block mapping start>" in (exc.context or ""):
        return "thụt lề không khớp với dòng trên"
    if "found unexpected end of stream" in problem:
        return "chuỗi trong ngoặc kép chưa được đóng"
    return f"cấu trúc không hợp lệ ({problem})"
