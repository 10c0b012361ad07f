"""The key reference (Markdown, Vietnamese) and the JSON Schemas, made from the one declaration of each file's keys.

`python tools/make_reference.py` writes `generated()` into docs/; a test fails when the committed files differ, so the
reference cannot drift from what `check` accepts. The JSON Schemas (draft-07) let an editor such as VS Code with the
YAML extension complete and check keys as a secretary types.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kehoach.inputs.document_keys import DOCUMENT
from kehoach.inputs.plan_keys import PLAN
from kehoach.inputs.profile_keys import PROFILE, REQUIRED
from kehoach.inputs.schema import Field, ListOf, Shape
from kehoach.text.placeholders import NAMES, PER_DOC


@dataclass(frozen=True)
class FileKind:
    slug: str  # "ke-hoach": names the reference page and the schema
    shape: Shape
    folder: str  # where such files live, for the editor settings
    intro: str


KINDS = (
    FileKind("ke-hoach", PLAN, "ke-hoach/*.yaml",
             "Một tệp kế hoạch mô tả một văn bản cần soạn. Lệnh `kehoach tao TỆP` soạn nó thành bản thảo .docx."),
    FileKind("van-ban", DOCUMENT, "van-ban/*.yaml",
             "Một tệp văn bản mô tả một văn bản cấp trên (Chỉ thị, Kế hoạch …) để các kế hoạch trích dẫn và nhận "
             "nhiệm vụ."),
    FileKind("ho-so", PROFILE, "profiles/**/*.yaml",
             "Một hồ sơ ghi những gì cố định của một cơ quan ban hành. Xem thêm `profiles/README.md` (kế thừa, "
             f"ví dụ đầy đủ). Hồ sơ (tính cả hồ sơ cơ sở nó kế thừa) phải có: {', '.join(f'`{k}`' for k in REQUIRED)}."),
)
SCHEMA_DIR = "docs/schema"
DOCS_DIR = "docs"


def schema_file(kind: FileKind) -> str:
    return f"{SCHEMA_DIR}/{kind.slug}.schema.json"


def page_file(kind: FileKind) -> str:
    return f"{DOCS_DIR}/khoa-{kind.slug}.md"


def generated() -> dict[str, str]:
    """Every generated file: path relative to the repository root → its text."""
    out: dict[str, str] = {}
    for kind in KINDS:
        out[schema_file(kind)] = json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
        out[page_file(kind)] = markdown(kind)
    return out


# -- shapes, named once each ------------------------------------------------------------------------

def _shapes(shape: Shape) -> dict[int, tuple[str, Shape]]:
    """Every nested shape reachable from `shape`, named after the first key that holds it (ASCII, for $ref)."""
    found: dict[int, tuple[str, Shape]] = {}
    queue: list[tuple[str, Shape]] = [("goc", shape)]
    while queue:
        name, current = queue.pop(0)
        if id(current) in found:
            continue
        taken = {n for n, _ in found.values()}
        unique, i = name, 2
        while unique in taken:
            unique, i = f"{name}_{i}", i + 1
        found[id(current)] = (unique, current)
        for key, spec in current.fields.items():
            inner = _inner_shape(spec.kind)
            if inner is not None:
                queue.append((key, inner))
    return found


def _inner_shape(kind: Any) -> Shape | None:
    while isinstance(kind, (ListOf, Field)):
        kind = kind.item if isinstance(kind, ListOf) else kind.kind
    return kind if isinstance(kind, Shape) else None


# -- JSON Schema ----------------------------------------------------------------------------------------

def json_schema(kind: FileKind) -> dict[str, Any]:
    shapes = _shapes(kind.shape)
    definitions = {name: _object(shape, shapes) for key, (name, shape) in shapes.items() if key != id(kind.shape)}
    root = _object(kind.shape, shapes)
    out: dict[str, Any] = {"$schema": "http://json-schema.org/draft-07/schema#", "title": kind.shape.title}
    out.update(root)
    if definitions:
        out["definitions"] = definitions
    return out


def _object(shape: Shape, shapes: dict[int, tuple[str, Shape]]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object"}
    if shape.doc:
        out["description"] = _joined(shape.doc, shape.file_note)
    out["properties"] = {key: _property(spec, shapes) for key, spec in shape.fields.items()}
    required = [key for key, spec in shape.fields.items() if spec.required]
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    if shape.shorthand:
        return {"description": _joined(shape.doc, shape.file_note), "anyOf": [{"type": ["string", "number"]}, out]}
    return out


def _value(kind: Any, spec: Field | None, shapes: dict[int, tuple[str, Shape]]) -> dict[str, Any]:
    if isinstance(kind, Shape):
        return {"$ref": f"#/definitions/{shapes[id(kind)][0]}"}
    if isinstance(kind, ListOf):
        item = _value(kind.item.kind, kind.item, shapes) if isinstance(kind.item, Field) else _value(kind.item, None, shapes)
        array = {"type": "array", "items": item}
        return {"anyOf": [item, array]} if kind.allow_single else array
    if spec is not None and spec.choices:
        return {"enum": list(spec.choices)}
    if kind == "date":
        return {"type": ["string", "integer"]}
    if kind == "text":
        return {"anyOf": [{"type": ["string", "number"]}, {"type": "array", "items": {"type": ["string", "number"]}}]}
    if kind is int:
        return {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": "^[0-9]+$"}]}
    if kind is bool:
        return {"type": "boolean"}
    return {"type": ["string", "number"]}


def _property(spec: Field, shapes: dict[int, tuple[str, Shape]]) -> dict[str, Any]:
    # null is accepted wherever check() accepts it: it means "absent" (in a profile, "remove the inherited value").
    value = _value(spec.kind, spec, shapes)
    out: dict[str, Any] = value if spec.required else {"anyOf": [value, {"type": "null"}]}
    description = _description(spec)
    out = {"title": spec.label, "description": description, "markdownDescription": description, **out}
    if spec.default is not None:
        out["default"] = spec.default
    if spec.example is not None:
        out["examples"] = [spec.example]
    return out


def _joined(doc: str, file_note: str) -> str:
    """What a key means, and what a person writing the file must know (the forms show only the first)."""
    return f"{doc} {file_note}" if file_note else doc


def _description(spec: Field) -> str:
    text = _joined(spec.doc, spec.file_note)
    if spec.options:
        text += " Giá trị: " + "; ".join(f"`{value}`: {meaning}" for value, meaning in spec.options) + "."
    default = _default_text(spec)
    if default:
        text += f" Mặc định: {default}."
    if spec.placeholders:
        text += " Dùng được chỗ thay thế {…}."
    return text


def _default_text(spec: Field) -> str:
    if spec.default_doc:
        return spec.default_doc
    if spec.default is not None:
        return f"`{_flow(spec.default)}`"
    return ""


# -- Markdown --------------------------------------------------------------------------------------------

_TYPE_WORDS = {str: "chuỗi", int: "số nguyên", bool: "true/false", "date": "ngày", "text": "đoạn hoặc danh sách đoạn"}


def _type_text(kind: Any, shapes: dict[int, tuple[str, Shape]]) -> str:
    if isinstance(kind, Shape):
        name, shape = shapes[id(kind)]
        extra = " (hoặc một chuỗi)" if shape.shorthand else ""
        return f"nhóm khóa [{shape.title}](#{name}){extra}"
    if isinstance(kind, ListOf):
        single = " (hoặc một mục)" if kind.allow_single else ""
        return f"danh sách: {_type_text(kind.item, shapes)}{single}"
    if isinstance(kind, Field):
        values = ", ".join(f"`{v}`" for v in kind.choices)
        return f"{_type_text(kind.kind, shapes)} ({values})" if values else _type_text(kind.kind, shapes)
    return _TYPE_WORDS.get(kind, str(kind))


def _flow(value: Any) -> str:
    """A value as a secretary would type it on one line of YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        plain = value and not any(c in value for c in ":#[]{},\"'") and value.strip() == value and not (
            value[0] in "-?*&!|>%@`." or value in ("true", "false", "null", "yes", "no"))
        return value if plain else json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    return str(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(shape: Shape, shapes: dict[int, tuple[str, Shape]]) -> list[str]:
    lines = ["| Khóa | Nhãn | Kiểu | Bắt buộc | Mặc định | Ví dụ | Ý nghĩa |", "|---|---|---|---|---|---|---|"]
    for key, spec in shape.fields.items():
        meaning = _joined(spec.doc, spec.file_note)
        options = spec.options or (spec.kind.item.options if isinstance(spec.kind, ListOf) and
                                   isinstance(spec.kind.item, Field) else ())
        if options:
            meaning += "<br>" + "<br>".join(f"`{value}`: {text}" for value, text in options)
        if spec.placeholders:
            meaning += "<br>Dùng được [chỗ thay thế](#cho-thay-the)."
        example = f"`{key}: {_flow(spec.example)}`" if spec.example is not None else ""
        row = [f"`{key}`", spec.label, _type_text(spec.kind, shapes), "**có**" if spec.required else "không",
               _default_text(spec), example, meaning]
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    return lines


def markdown(kind: FileKind) -> str:
    shapes = _shapes(kind.shape)
    schema_path = f"schema/{kind.slug}.schema.json"
    lines = [
        f"# Các khóa: {kind.shape.title.lower()} ({kind.folder})",
        "",
        "<!-- Tệp này do `python tools/make_reference.py` tạo từ khai báo khóa trong mã nguồn; đừng sửa tay. -->",
        "",
        kind.intro,
        "",
        kind.shape.doc,
        "",
        f"Lược đồ JSON cho trình soạn thảo: [`{schema_path}`]({schema_path}). Trong VS Code (tiện ích YAML của Red Hat),",
        "ghi ở dòng đầu tệp:",
        "",
        "```yaml",
        f"# yaml-language-server: $schema=<đường dẫn tới>/docs/{schema_path}",
        "```",
        "",
        "hoặc khai báo một lần cho cả thư mục trong `settings.json` (xem README, mục \"Soạn tệp YAML trong VS Code\").",
        "",
        "Giá trị `null` ở một khóa có nghĩa là \"không ghi\"" + (
            " (trong hồ sơ: bỏ giá trị kế thừa)." if kind.shape is PROFILE else
            "; riêng `trich_yeu`, `muc`, `ket_thuc` ghi rỗng (`\"\"`, `[]`) hay `null` là \"không có\"."
            if kind.shape is PLAN else "."),
        "",
        "## Các khóa",
        "",
        *_table(kind.shape, shapes),
    ]
    for key, (name, shape) in shapes.items():
        if key == id(kind.shape):
            continue
        lines += ["", f'<a id="{name}"></a>', "", f"## {shape.title}", ""]
        if shape.doc:
            lines += [_joined(shape.doc, shape.file_note), ""]
        lines += _table(shape, shapes)
    if any(spec.placeholders for _n, shape in shapes.values() for spec in shape.fields.values()):
        lines += ["", '<a id="cho-thay-the"></a>', "", "## Chỗ thay thế", "",
                  "Trong các khóa ghi \"Dùng được chỗ thay thế\", chương trình thay các chỗ sau khi soạn. Chỗ thay thế "
                  "viết sai hoặc không có là lỗi (báo tệp, dòng, khóa), không bao giờ in nguyên văn.", "",
                  "| Chỗ thay thế | Ý nghĩa | Ví dụ kết quả |", "|---|---|---|"]
        lines += [f"| `{{{name}}}` | {_cell(text)} | {_cell(example)} |" for name, (text, example) in NAMES.items()]
        lines += [f"| `{{{name}:MÃ}}` | {_cell(text)} của văn bản có mã MÃ | {_cell(example)} |"
                  for name, (text, example) in PER_DOC.items()]
    return "\n".join(lines) + "\n"
