"""LoadedTemplate.render (template work done once) writes what a new DocxTemplate per draft writes."""

from __future__ import annotations

import dataclasses
import io
import pickle
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from kehoach.docx.render import LoadedTemplate, _render_with_docxtpl, context
from kehoach.errors import TemplateProblem
from kehoach.generate import prepare
from kehoach.inputs.models import Draft

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((ROOT / "templates").glob("*/*.docx"))
PLANS = sorted((ROOT / "examples" / "ke-hoach").glob("*.yaml"))
VAN_BAN = ROOT / "templates" / "cong_doan" / "van_ban.docx"


@pytest.fixture(scope="module")
def drafts() -> dict[str, list[Draft]]:
    """The example plans as drafted, and each plan again as a Công văn: the drafts each kind of template gets."""
    plain = [prepare(plan).draft for plan in PLANS]
    as_cv = []
    for plan in PLANS:
        data = yaml.safe_load(plan.read_text(encoding="utf-8"))
        if data.get("loai") != "cong_van":
            data["loai"] = "cong_van"
            as_cv.append(prepare(plan, text=yaml.safe_dump(data, allow_unicode=True)).draft)
    return {"van_ban": [d for d in plain if d.kind != "cong_van"],
            "cong_van": [d for d in plain if d.kind == "cong_van"] + as_cv}


def _rendered_both_ways(loaded: LoadedTemplate, draft: Draft) -> tuple[bytes, bytes]:
    return loaded.render(draft), _render_with_docxtpl(loaded.blob, loaded.env, context(draft))


def _c14n(data: bytes) -> bytes:
    return etree.tostring(etree.fromstring(data), method="c14n")


def _runs(data: bytes) -> list[tuple[str, list[tuple[str, bool | None, int | None]]]]:
    """Every paragraph of the body (table cells included) and of the headers: text, and each run's bold and size."""
    doc = Document(io.BytesIO(data))
    containers = [doc.element.body]
    for section in doc.sections:
        containers += [section.header._element, section.footer._element]
    out = []
    for element in containers:
        for p in element.iter(qn("w:p")):
            paragraph = Paragraph(p, doc)
            out.append((paragraph.text, [(r.text, r.bold, r.font.size) for r in paragraph.runs]))
    return out


def assert_same_docx(fast: bytes, slow: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(fast)) as a, zipfile.ZipFile(io.BytesIO(slow)) as b:
        assert a.testzip() is None
        assert a.namelist() == b.namelist()  # same parts, same order
        parts = [n for n in a.namelist() if n == "word/document.xml" or n.startswith(("word/header", "word/footer"))]
        assert "word/document.xml" in parts
        for name in parts:
            assert _c14n(a.read(name)) == _c14n(b.read(name)), name
        for info in a.infolist():
            assert (info.date_time, info.compress_type, info.external_attr) == ((2020, 1, 1, 0, 0, 0), zipfile.ZIP_DEFLATED,
                                                                                0o644 << 16)
    assert _runs(fast) == _runs(slow)
    # The very bytes: an incremental build sees no change in a draft whose inputs did not change. Members stored
    # compressed in the shipped data of a built-in template (docx/prepared.py) were deflated by the zlib of the
    # machine that made it; another zlib build (zlib-ng …) deflates the same bytes differently: then every member
    # must still be the same bytes, in the same order, with the same entry.
    assert fast == slow or zip_members(fast) == zip_members(slow)


def zip_members(data: bytes) -> list[tuple[str, bytes, tuple[object, ...]]]:
    """Each member of a zip in order: its name, its uncompressed bytes, and what its entry says (not the deflate)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i), (i.date_time, i.compress_type, i.external_attr, i.flag_bits, i.CRC, i.file_size))
                for i in z.infolist()]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fast_render_is_docxtpl_render(template, drafts):
    loaded = LoadedTemplate(template)
    assert loaded._fast is not None  # the built-in templates take the fast path
    kind_drafts = drafts[template.stem]
    assert kind_drafts
    for draft in kind_drafts:
        fast, slow = _rendered_both_ways(loaded, draft)
        assert_same_docx(fast, slow)


def test_values_are_escaped_text(drafts):
    draft = dataclasses.replace(drafts["van_ban"][0], issuer_lines=("<b>LĐLĐ</b> & co",),
                                recipients=("Nơi nhận:", "- Lưu: VT, Ban CSPL&QHLĐ."))
    fast, slow = _rendered_both_ways(LoadedTemplate(VAN_BAN), draft)
    assert_same_docx(fast, slow)
    with zipfile.ZipFile(io.BytesIO(fast)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "Ban CSPL&amp;QHLĐ." in xml and "&lt;b&gt;LĐLĐ&lt;/b&gt; &amp; co" in xml
    texts = [text for text, _runs in _runs(fast)]
    assert "- Lưu: VT, Ban CSPL&QHLĐ." in texts and "<b>LĐLĐ</b> & co" in texts


def test_tabs_breaks_and_page_breaks_in_values(drafts):
    """docxtpl turns \\t \\n \\a \\f in a value into tabs, line breaks, paragraphs and page breaks: so does the fast path."""
    draft = dataclasses.replace(drafts["van_ban"][0], signer_name="Nguyễn\tVăn\nA", subject="một\ahai\fba")
    fast, slow = _rendered_both_ways(LoadedTemplate(VAN_BAN), draft)
    assert_same_docx(fast, slow)
    assert "<w:tab/>" in zipfile.ZipFile(io.BytesIO(fast)).read("word/document.xml").decode("utf-8")


def _variant(tmp_path: Path, edit: Callable[..., object], base: Path = VAN_BAN) -> Path:
    doc = Document(str(base))
    edit(doc)
    out = tmp_path / "mau.docx"
    doc.save(str(out))
    return out


def test_undeclared_variable_is_a_template_problem(tmp_path, drafts):
    loaded = LoadedTemplate(_variant(tmp_path, lambda doc: doc.add_paragraph("{{ khong_co }}")))
    with pytest.raises(TemplateProblem, match="mẫu dùng biến không có: khong_co"):
        loaded.render(drafts["van_ban"][0])


def test_strict_undefined_is_a_template_problem(tmp_path, drafts):
    loaded = LoadedTemplate(_variant(tmp_path, lambda doc: doc.add_paragraph("{{ trich_yeu.khong_co }}")))
    with pytest.raises(TemplateProblem, match="lỗi khi điền mẫu: .*khong_co"):
        loaded.render(drafts["van_ban"][0])


def test_syntax_error_and_bad_zip(tmp_path):
    with pytest.raises(TemplateProblem, match="sai cú pháp"):
        LoadedTemplate(_variant(tmp_path, lambda doc: doc.add_paragraph("{{ trich_yeu ")))
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(TemplateProblem, match="không phải tệp .docx"):
        LoadedTemplate(bad)


def test_block_split_across_parts_fails_when_rendering_as_with_docxtpl(tmp_path, drafts):
    """Body and headers parse together (the variables check), but each part compiles alone, when rendering."""

    def edit(doc):
        doc.add_paragraph("{% if ho_ten %}")
        doc.sections[0].header.add_paragraph("{% endif %}")

    loaded = LoadedTemplate(_variant(tmp_path, edit))
    with pytest.raises(TemplateProblem, match="lỗi khi điền mẫu"):
        loaded.render(drafts["van_ban"][0])


def test_jinja_in_headers_and_core_properties(tmp_path, drafts):
    def edit(doc):
        doc.sections[0].header.paragraphs[0].add_run(" {{ so_ky_hieu }}")
        doc.core_properties.title = "{{ ten_loai }}: {{ so_ky_hieu }}"
        doc.core_properties.subject = "{{ ten_loai|in_hoa }}"

    loaded = LoadedTemplate(_variant(tmp_path, edit))
    assert loaded._fast is not None
    assert not loaded._fast.is_static("word/header1.xml") and not loaded._fast.is_static("docProps/core.xml")
    draft = drafts["van_ban"][0]
    fast, slow = _rendered_both_ways(loaded, draft)
    assert_same_docx(fast, slow)
    doc = Document(io.BytesIO(fast))
    assert doc.core_properties.title == f"{draft.type_title}: {draft.number_line}"
    assert draft.number_line in doc.sections[0].header.paragraphs[0].text


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


def test_table_fix_and_picture_ids(tmp_path, drafts):
    """docxtpl's fix_tables (here: a grid column no row uses) and docPr renumbering apply on the fast path too."""

    def edit(doc):
        grid = doc.tables[0]._tbl.find(qn("w:tblGrid"))
        grid.append(grid.makeelement(qn("w:gridCol"), {qn("w:w"): "1000"}))
        doc.add_picture(io.BytesIO(_png()))
        doc.add_picture(io.BytesIO(_png()))

    fast, slow = _rendered_both_ways(LoadedTemplate(_variant(tmp_path, edit)), drafts["van_ban"][0])
    assert_same_docx(fast, slow)
    xml = zipfile.ZipFile(io.BytesIO(fast)).read("word/document.xml").decode("utf-8")
    assert 'id="1001"' in xml and 'id="1002"' in xml
    assert len(Document(io.BytesIO(fast)).tables[0]._tbl.tblGrid.gridCol_lst) == 2


def test_footnotes_fall_back_to_docxtpl(tmp_path, drafts):
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    footnotes = (f'<w:footnotes xmlns:w="{w}"><w:footnote w:id="1"><w:p><w:r><w:t>{{{{ ho_ten }}}}</w:t></w:r></w:p>'
                 "</w:footnote></w:footnotes>")
    source = tmp_path / "chu-thich.docx"
    with zipfile.ZipFile(VAN_BAN) as src, zipfile.ZipFile(source, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif name == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats'
                                    b'.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                                    b"</Relationships>")
            dst.writestr(name, data)
        dst.writestr("word/footnotes.xml", footnotes)
    loaded = LoadedTemplate(source)
    assert loaded._fast is None
    draft = drafts["van_ban"][0]
    fast, slow = _rendered_both_ways(loaded, draft)
    assert fast == slow
    assert draft.signer_name.encode("utf-8") in zipfile.ZipFile(io.BytesIO(fast)).read("word/footnotes.xml")


def test_pickles_for_worker_processes(drafts):
    loaded = LoadedTemplate(VAN_BAN)
    again = pickle.loads(pickle.dumps(loaded))
    draft = drafts["van_ban"][0]
    assert again.path == loaded.path and again.variables == loaded.variables
    assert again.render(draft) == loaded.render(draft)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_members_are_what_python_docx_saves(template, tmp_path):
    """compiled.saved_members takes python-docx's save apart without zipping: the same names, in the same order, the
    same bytes as reading back the zip `save` writes (a template with pictures too: binary parts)."""
    from docxtpl import DocxTemplate

    from kehoach.docx.compiled import saved_members

    def edit(doc):
        doc.add_picture(io.BytesIO(_png()))

    for source in (template, _variant(tmp_path, edit, template)):
        probe, again = DocxTemplate(str(source)), DocxTemplate(str(source))
        probe.init_docx()
        again.init_docx()
        raw = io.BytesIO()
        again.docx.save(raw)
        saved = saved_members(probe.docx.part.package)
        with zipfile.ZipFile(raw) as package:
            assert saved.names == package.namelist()
            assert all(saved.blobs[name] == package.read(name) for name in saved.names)


def test_names_found_while_compiling_are_the_ones_meta_finds(tmp_path):
    """The names a template uses come from the pass that compiles each part (compiled._compile): the very names
    jinja2.meta finds, and docxtpl's own reading of the whole template with the core properties'; with loops, sets of
    a loop's own names, filters, tests, attributes and names used only in a branch never taken."""
    from docxtpl import DocxTemplate
    from jinja2 import meta

    from kehoach.docx.render import _core_variables, jinja_env

    def edit(doc):
        doc.add_paragraph("{% for x in khoi_moi %}{{ x.noi_dung|upper }}{{ loop.index }}{% endfor %}"
                          "{% if False %}{{ chi_trong_nhanh_khong_chay }}{% endif %}{{ ten_loai is defined }}"
                          "{{ (so_ky_hieu or mac_dinh)|trim }}{% for a, b in cap %}{{ a ~ b ~ ngoai }}{% endfor %}")
        doc.sections[0].header.paragraphs[0].add_run(" {{ trong_tieu_de }}")
        doc.core_properties.comments = "{{ ghi_chu_mau }}"

    sources = [*TEMPLATES, _variant(tmp_path, edit)]
    for source in sources:
        loaded = LoadedTemplate(source)
        assert loaded._fast is not None
        probe = DocxTemplate(str(source))
        probe.init_docx()
        assert loaded.variables == probe.get_undeclared_template_variables(loaded.env) | _core_variables(probe,
                                                                                                          loaded.env)
        for part in [loaded._fast.body, *(p for p, _e in loaded._fast.headers_footers.values()), *loaded._fast.core]:
            assert part.names == meta.find_undeclared_variables(jinja_env().parse(part.source))
    assert {"khoi_moi", "chi_trong_nhanh_khong_chay", "mac_dinh", "cap", "ngoai", "trong_tieu_de",
            "ghi_chu_mau"} <= loaded.variables
    assert not {"x", "a", "b", "loop"} & loaded.variables
