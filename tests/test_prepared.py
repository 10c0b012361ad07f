"""The shipped data of the built-in templates (docx/prepared.py) and its renderer (docx/replay.py): one draft without
docxtpl or python-docx, byte for byte the draft of the docxtpl path; data that is stale, damaged or hand-edited, or
beside a custom template, is never used."""

from __future__ import annotations

import base64
import copy
import dataclasses
import io
import json
import re
import shutil
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from kehoach.docx import prepared, render
from kehoach.docx.compiled import CompiledPackage
from kehoach.docx.render import LoadedTemplate, _render_with_docxtpl, context
from kehoach.docx.replay import PreparedPackage
from kehoach.errors import TemplateProblem
from kehoach.inputs.models import Draft

from .test_render_fast import TEMPLATES, VAN_BAN, _png, assert_same_docx, drafts, zip_members  # noqa: F401  (drafts: a fixture)


@pytest.fixture
def builtin(tmp_path, monkeypatch) -> Callable[..., Path]:
    """Puts a template (and, unless told, the data made from it) in a built-in templates folder of its own."""
    folder = tmp_path / "templates"
    monkeypatch.setattr(render, "builtin_templates", lambda: folder)

    def put(source: Path, name: str = "van_ban", data_of: Path | None = None) -> Path:
        target = folder / "nha_nuoc" / f"{name}.docx"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        made = render.prepared_data(data_of or source)
        assert made is not None
        prepared.data_path(target).write_bytes(made)
        return target

    return put


def _variant(tmp_path: Path, edit: Callable[..., object], base: Path = VAN_BAN, name: str = "mau.docx") -> Path:
    doc = Document(str(base))
    edit(doc)
    out = tmp_path / name
    doc.save(str(out))
    return out


def _custom_copy(template: Path, tmp_path: Path) -> Path:
    """The same bytes as a custom template (outside the built-in folder): the docxtpl path, CompiledPackage."""
    folder = tmp_path / "rieng"
    folder.mkdir(exist_ok=True)
    return Path(shutil.copy(template, folder / template.name))


def _every_way(shipped: LoadedTemplate, custom: LoadedTemplate, draft: Draft) -> bytes:
    assert isinstance(shipped._fast, PreparedPackage) and isinstance(custom._fast, CompiledPackage)
    fast, fast_parts = shipped.render_parts(draft)
    compiled, compiled_parts = custom.render_parts(draft)
    assert fast == compiled or zip_members(fast) == zip_members(compiled)  # see assert_same_docx: another zlib
    assert fast_parts.keys() == compiled_parts.keys()
    assert all(fast_parts[n][0] == compiled_parts[n][0] for n in fast_parts)  # the parts' bytes, whatever deflated them
    assert_same_docx(fast, _render_with_docxtpl(shipped.blob, shipped.env, context(draft)))
    assert shipped.variables == custom.variables
    return fast


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_shipped_data_is_current(template):
    """Each built-in template has its data, and it is what tools/prepare_templates.py makes from the template as it
    is now: a template edited without regenerating its data fails here (and its stale data is never used)."""
    shipped = prepared.data_path(template)
    assert shipped.is_file(), "chạy: python tools/prepare_templates.py"
    made = render.prepared_data(template)
    assert made is not None
    if shipped.read_bytes() != made:  # the same data, unless only the deflate differs (made with another zlib)
        assert _inflated(shipped.read_bytes()) == _inflated(made), "chạy: python tools/prepare_templates.py"


def _inflated(raw: bytes) -> object:
    """A data file with each stored member inflated: what it says whichever zlib compressed it."""
    head, body = raw.split(b"\n", 1)
    data = json.loads(body)
    for member in data["members"]:
        if "deflate" in member:
            member["deflate"] = zlib.decompress(base64.b64decode(member["deflate"]), -15)
    return json.loads(head)["sha256"], data


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_shipped_path_writes_the_docxtpl_bytes(template, drafts, tmp_path):  # noqa: F811
    """Every built-in template, every example plan (as drafted, and again as a Công văn): the same bytes and parts
    from the shipped data, from CompiledPackage, and from docxtpl itself."""
    shipped, custom = LoadedTemplate(template), LoadedTemplate(_custom_copy(template, tmp_path))
    assert drafts[template.stem]
    for draft in drafts[template.stem]:
        _every_way(shipped, custom, draft)


def test_listing_characters_and_escaping(drafts, tmp_path):  # noqa: F811
    """docxtpl's resolve_listing (tabs, breaks, paragraphs, page breaks in a value) and escaping, reimplemented."""
    draft = dataclasses.replace(drafts["van_ban"][0], signer_name="Nguyễn\tVăn\nA", subject="một\ahai\fba <b>&",
                                issuer_lines=("<b>LĐLĐ</b> & co",))
    fast = _every_way(LoadedTemplate(VAN_BAN), LoadedTemplate(_custom_copy(VAN_BAN, tmp_path)), draft)
    xml = zipfile.ZipFile(io.BytesIO(fast)).read("word/document.xml").decode("utf-8")
    assert "<w:tab/>" in xml and '<w:br w:type="page"/>' in xml and "&lt;b&gt;LĐLĐ&lt;/b&gt; &amp; co" in xml


def _widen(doc) -> None:
    """A table docxtpl's fix_tables must mend both ways: a row with a cell more than the grid (columns added, the old
    ones scaled), another table whose grid has a column no row uses (removed, its width shared), one with a span."""
    wide = doc.add_table(rows=2, cols=2)._tbl
    first = wide.tr_lst[0]
    first.append(copy.deepcopy(first.tc_lst[-1]))
    narrow = doc.add_table(rows=1, cols=2)._tbl
    grid = narrow.find(qn("w:tblGrid"))
    grid.append(grid.makeelement(qn("w:gridCol"), {qn("w:w"): "1500"}))
    grid.append(grid.makeelement(qn("w:gridCol"), {qn("w:w"): "700"}))
    spanned = doc.add_table(rows=1, cols=3)._tbl
    cell = spanned.tr_lst[0].tc_lst[0]
    cell.get_or_add_tcPr().append(cell.makeelement(qn("w:gridSpan"), {qn("w:val"): "2"}))
    spanned.tr_lst[0].remove(spanned.tr_lst[0].tc_lst[-1])
    spanned.find(qn("w:tblGrid")).append(grid.makeelement(qn("w:gridCol"), {qn("w:w"): "900"}))
    doc.add_paragraph("{{ ho_ten }}")


def _pictures(doc) -> None:
    doc.add_picture(io.BytesIO(_png()))
    doc.add_paragraph("{{ chuc_vu }}")
    doc.add_picture(io.BytesIO(_png()))


def _core_elements_missing(doc) -> None:
    """No dc:title, dc:subject nor dc:creator: python-docx's setter adds them; so must the shipped path."""
    core = doc.core_properties._element
    for tag in ("dc:title", "dc:subject", "dc:creator"):
        for element in core.findall(qn(tag)):
            core.remove(element)
    doc.sections[0].header.paragraphs[0].add_run(" {{ so_ky_hieu }}")


@pytest.mark.parametrize("edit", [_widen, _pictures, _core_elements_missing], ids=["tables", "pictures", "core"])
def test_tables_pictures_and_core_properties(edit, builtin, drafts, tmp_path):  # noqa: F811
    source = _variant(tmp_path, edit)
    shipped = LoadedTemplate(builtin(source))
    custom = LoadedTemplate(_custom_copy(source, tmp_path))
    for draft in drafts["van_ban"][:3]:
        fast = _every_way(shipped, custom, draft)
    xml = zipfile.ZipFile(io.BytesIO(fast)).read("word/document.xml").decode("utf-8")
    if edit is _pictures:
        assert 'id="1001"' in xml and 'id="1002"' in xml
    if edit is _widen:
        tables = Document(io.BytesIO(fast)).tables
        assert [len(t._tbl.tblGrid.gridCol_lst) for t in tables[-3:]] == [3, 2, 3]


def _problem(loaded: LoadedTemplate, draft: Draft) -> str:
    with pytest.raises(TemplateProblem) as caught:
        loaded.render(draft)
    return str(caught.value.problems[0].message)


def test_render_failures_say_what_docxtpl_path_says(builtin, drafts, tmp_path):  # noqa: F811
    """The same error, in the same Vietnamese words, whichever path renders: an attribute that is not there, a
    division by zero, a core property past python-docx's 255 characters."""
    draft = drafts["van_ban"][0]

    def split_block(doc):
        doc.add_paragraph("{% if ho_ten %}")
        doc.sections[0].header.add_paragraph("{% endif %}")

    # A part that does not compile alone: no data is made for it (the docxtpl path says what is wrong).
    assert render.prepared_data(_variant(tmp_path, split_block, name="tach.docx")) is None
    cases = [
        (lambda doc: doc.add_paragraph("{{ trich_yeu.khong_co }}"), draft, "lỗi khi điền mẫu: .*khong_co"),
        (lambda doc: doc.add_paragraph("{{ 1 // (ho_ten|length - ho_ten|length) }}"), draft,
         "^lỗi khi điền mẫu: mẫu có phép chia cho 0"),
        (lambda doc: None, dataclasses.replace(draft, doc_title="x" * 300), "lỗi khi điền mẫu: .*255"),
    ]
    for number, (edit, values, expected) in enumerate(cases):
        source = _variant(tmp_path, edit, name=f"mau{number}.docx")
        shipped = LoadedTemplate(builtin(source))
        custom = LoadedTemplate(_custom_copy(source, tmp_path))
        assert isinstance(shipped._fast, PreparedPackage)
        said = _problem(shipped, values)
        assert said == _problem(custom, values)
        assert re.search(expected, said), said


def _rewritten(path: Path, change: Callable[[dict], object]) -> None:
    """The data file with `change` made to its data, its check made again (well-formed JSON, a true check)."""
    head, body = path.read_bytes().split(b"\n", 1)
    data = {**json.loads(body), "sha256": json.loads(head)["sha256"]}
    change(data)
    path.write_bytes(prepared.dumps(data))


def _damages(path: Path) -> list[tuple[str, Callable[[], object]]]:
    good = path.read_bytes()
    head, body = good.split(b"\n", 1)

    def hand_edit() -> None:  # a word of the template's text changed in the data, the check left as it was
        path.write_bytes(head + b"\n" + body.replace(b"w:body", b"w:bodx", 1))

    def field(key: str, value: object) -> Callable[[], object]:
        return lambda: _rewritten(path, lambda d: d.__setitem__(key, value))

    def member(value: object) -> Callable[[], object]:
        return lambda: _rewritten(path, lambda d: d["members"][0].__setitem__("deflate", value))

    return [
        ("truncated", lambda: path.write_bytes(good[: len(good) // 2])),
        ("empty", lambda: path.write_bytes(b"")),
        ("not json", lambda: path.write_bytes(b"\xff\xfe garbage\n{}\n")),
        ("hand-edited", hand_edit),
        ("other format", lambda: path.write_bytes(good.replace(b'"format": 1', b'"format": 2', 1))),
        ("body elsewhere", field("body_at", 99)),
        ("body before the root", field("body_at", -1)),
        ("body_at not a number", field("body_at", "0")),
        ("no document rendered", lambda: _rewritten(path, lambda d: d["members"].__setitem__(
            slice(None), [m for m in d["members"] if not m.get("rendered")]))),
        ("bad base64", member("!!not base64!!")),
        ("bad deflate", member("AAAA")),
        ("unknown encoding", lambda: _rewritten(path, lambda d: [h.__setitem__(2, "khong-co") for h in d["headers_footers"]])),
        ("root not XML", field("root", "<w:document")),
        ("sources missing", field("core", ["{{ tac_gia }}"])),
        ("not a list", field("members", {"name": "x"})),
    ]


def test_stale_damaged_or_hand_edited_data_is_never_used(builtin, drafts, tmp_path):  # noqa: F811
    """A template edited (in Word) after its data was made, and data damaged or edited in any way: the docxtpl path,
    with the same bytes as if there were no data at all."""
    draft = drafts["van_ban"][0]
    expected = LoadedTemplate(_custom_copy(VAN_BAN, tmp_path)).render(draft)
    target = builtin(VAN_BAN)
    assert isinstance(LoadedTemplate(target)._fast, PreparedPackage)
    data = prepared.data_path(target)
    for name, damage in _damages(data):
        damage()
        loaded = LoadedTemplate(target)
        assert isinstance(loaded._fast, CompiledPackage), name
        assert loaded.render(draft) == expected, name
        builtin(VAN_BAN)  # good data again for the next case
    # Edited in Word after the data was made: the data names other bytes.
    edited = _variant(tmp_path, lambda doc: doc.add_paragraph("Thêm một đoạn {{ ho_ten }}"))
    stale = builtin(edited, data_of=VAN_BAN)
    loaded = LoadedTemplate(stale)
    assert isinstance(loaded._fast, CompiledPackage)
    assert loaded.render(draft) == _render_with_docxtpl(edited.read_bytes(), loaded.env, context(draft))
    assert draft.signer_name in Document(io.BytesIO(loaded.render(draft))).paragraphs[-1].text


def test_custom_template_with_data_beside_it_takes_the_docxtpl_path(tmp_path):
    """A profile's `mau:` is never read from data, even data copied with it (and current for its bytes)."""
    custom = _custom_copy(VAN_BAN, tmp_path)
    shutil.copyfile(prepared.data_path(VAN_BAN), prepared.data_path(custom))
    assert isinstance(LoadedTemplate(custom)._fast, CompiledPackage)
    assert isinstance(LoadedTemplate(VAN_BAN)._fast, PreparedPackage)
