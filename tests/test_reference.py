"""The key reference and the JSON Schemas: made from the one declaration, current, complete, and true of every
shipped file."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from kehoach.inputs.reference import KINDS, _shapes, generated, schema_file
from kehoach.inputs.schema import Checker, Field
from kehoach.inputs.yamlfile import Located

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = {
    "ke-hoach": sorted((ROOT / "examples" / "ke-hoach").glob("*.yaml")),
    "van-ban": sorted((ROOT / "examples" / "van-ban").glob("*.yaml")),
    "ho-so": sorted((ROOT / "profiles").rglob("*.yaml")),
}


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's YAML 1.2 reads it: 2023-05-04 is text, not a date."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_committed_reference_is_current():
    """CI fails when a key changed and `python tools/make_reference.py` was not run."""
    stale = [path for path, text in generated().items()
             if not (ROOT / path).is_file() or (ROOT / path).read_text(encoding="utf-8") != text]
    assert not stale, f"chạy lại: python tools/make_reference.py ({', '.join(stale)})"


def _all_fields():
    for kind in KINDS:
        for _id, (name, shape) in _shapes(kind.shape).items():
            assert shape.title, f"{kind.slug}: nhóm {name} thiếu tiêu đề"
            for key, spec in shape.fields.items():
                yield f"{kind.slug}:{name}.{key}", spec


@pytest.mark.parametrize(("where", "spec"), list(_all_fields()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_key_is_described(where, spec: Field):
    assert spec.label and spec.doc, f"{where}: thiếu nhãn hoặc ý nghĩa"
    assert spec.example is not None, f"{where}: thiếu ví dụ"
    if spec.choices:
        assert {value for value, _ in spec.options} == set(spec.choices), f"{where}: giá trị thiếu ý nghĩa"
        assert all(meaning for _, meaning in spec.options)
    # The example is accepted by the validation itself.
    checker = Checker(Located(Path("ví-dụ.yaml"), {}, {}))
    checker.value(spec.example, spec, ("x",))
    assert not checker.problems, f"{where}: ví dụ không hợp lệ: {checker.problems}"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.slug)
def test_examples_match_the_json_schema(kind):
    schema = json.loads(generated()[schema_file(kind)])
    jsonschema.Draft7Validator.check_schema(schema)
    shapes = [schema, *schema.get("definitions", {}).values()]
    for shape in shapes:
        shape = next((s for s in shape.get("anyOf", []) if "properties" in s), shape)
        for prop in shape["properties"].values():
            for example in prop.get("examples", []):
                # The schema itself was checked once above; validating each example is then cheap.
                errors = list(jsonschema.Draft7Validator({**prop, "definitions": schema.get("definitions", {})})
                              .iter_errors(example))
                assert not errors, (example, errors[0].message)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.slug)
def test_every_shipped_file_validates_against_its_schema(kind):
    schema = json.loads((ROOT / schema_file(kind)).read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    files = SHIPPED[kind.slug]
    assert files
    for file in files:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=EditorLoader)
        errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, f"{file.relative_to(ROOT)}: {errors}"


def test_schema_refuses_a_mistyped_key():
    schema = json.loads(generated()[schema_file(KINDS[0])])
    errors = list(jsonschema.Draft7Validator(schema).iter_errors({"co_quan": "x", "loai": "ke_hoach", "trich_yeuu": "y"}))
    assert [e.validator for e in errors] == ["additionalProperties"]
