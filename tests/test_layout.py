"""The layout step and the file around the text (issue 13 items 1, 2, 3, 7), read back from the .docx."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx.oxml.ns import qn

from kehoach.docx.header import HEADER_MARK, SIGNATURE_MARK
from kehoach.docx.xml import twips_to_mm

PAPER, LEFT_MARGIN = 210.0, 30.0


def _all(generated, long_named):
    return {**generated, **long_named}


def test_language_is_vietnamese_and_properties_are_the_drafts(generated, long_named):
    for name, parts in _all(generated, long_named).items():
        with zipfile.ZipFile(parts.path) as package:
            styles = package.read("word/styles.xml").decode("utf-8")
            core = package.read("docProps/core.xml").decode("utf-8")
            names = package.namelist()
        defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S).group(0)
        assert 'w:val="vi-VN"' in defaults and "en-US" not in defaults, name
        props = parts.doc.core_properties
        assert props.language == "vi-VN"
        body = parts.body_texts()
        title = body[1] if body[0].isupper() else None  # a Công văn has no title line
        assert props.title.startswith(("Kế hoạch", "Hướng dẫn", "Công văn")), (name, props.title)
        if title and not props.title.endswith("…"):
            assert props.title.endswith(title[1:]), (name, props.title)
        assert props.author and props.author.upper() in " ".join(p.text for p in parts.left).replace("\n", " ") or \
            props.author.upper().replace(" ", "") in "".join(p.text for p in parts.left).replace(" ", ""), name
        assert props.created is None and props.modified is None and props.revision in (0, None, 1)
        assert "python-docx" not in core and "2013" not in core, name
        assert not any("thumbnail" in n for n in names), name


def test_author_is_the_issuing_body(generated):
    assert generated["000"].doc.core_properties.author == "Liên đoàn Lao động tỉnh Lai Châu"
    assert generated["gia-lai-2-ban-tgdv"].doc.core_properties.author == "Ban Tuyên giáo và Dân vận"


def test_the_header_stays_on_the_printable_paper(generated, long_named):
    """Into the margins as offices' templates do, but at least 15 mm from the left edge and 10 mm from the right."""
    widened = 0
    for name, parts in _all(generated, long_named).items():
        tbl = parts.doc.tables[0]._tbl
        assert tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == HEADER_MARK
        indent = twips_to_mm(int(tbl.tblPr.find(qn("w:tblInd")).get(qn("w:w"))))
        total = sum(twips_to_mm(int(c.get(qn("w:w")))) for c in tbl.tblGrid.findall(qn("w:gridCol")))
        left_edge = LEFT_MARGIN + indent
        assert left_edge >= 15 - 0.1, name
        assert left_edge + total <= PAPER - 10 + 0.1, name
        widened += total > 165.1
    assert widened >= 5


def test_the_last_body_paragraph_is_kept_with_the_signature(generated, long_named):
    for name, parts in _all(generated, long_named).items():
        body = parts.doc.element.body
        signature = next(t for t in body.iterchildren(qn("w:tbl"))
                         if t.tblPr.find(qn("w:tblCaption")) is not None
                         and t.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == SIGNATURE_MARK)
        last = signature.getprevious()
        assert last.tag == qn("w:p") and last.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None, name


def test_symbols_and_number_ranges_never_break_at_their_hyphen(generated, long_named):
    """Word's non-breaking hyphen inside "21-CT/TW", "349/KH-TLĐ"; the text reads the same ("21-CT/TW")."""
    symbol = re.compile(r"\S*[\d/]\S*")
    for name, parts in _all(generated, long_named).items():
        xml = parts.doc.element.body
        assert any(True for _ in xml.iter(qn("w:noBreakHyphen"))), name
        for t in xml.iter(qn("w:t")):
            for token in symbol.findall(t.text or ""):
                assert not re.search(r"[^\s-]-[^\s-]", token), (name, token)
    assert "Chỉ thị số 21-CT/TW" in " ".join(generated["000"].body_texts())


def test_a_state_letter_names_its_drafting_unit_and_does_not_repeat_kinh_gui(long_named):
    parts = long_named["kh-ubnd-xa-long-thuan-dong-cv"]
    assert "Số: 1508/UBND-VHXH" in [p.text for p in parts.left]
    recipients = [p.text for p in parts.sig_left if p.text.strip()]
    assert recipients == ["Nơi nhận:", "- Như trên;", "- Ủy ban nhân dân tỉnh (để b/c);", "- Lưu: VT, VHXH."]
    assert "Kính gửi: Các thôn, ấp" in parts.body_texts()


@pytest.mark.parametrize("profile, number", [
    ("gia-lai/ubnd-xa-vi-du", "/UBND-VP"),
    ("gia-lai/ubnd-tinh-gia-lai", "/UBND-KGVX"),
    ("gia-lai/ldld-gia-lai", "/LĐLĐ-VP"),
    ("cao-bang/ldld-cao-bang", "/LĐLĐ-TCTGNC"),
])
def test_shipped_state_and_union_profiles_give_a_letter_its_drafting_unit(tmp_path, monkeypatch, profile, number):
    from pathlib import Path

    from docx import Document

    from kehoach.workspace.drafts import generate_quick

    from .conftest import header_columns

    monkeypatch.chdir(Path(__file__).resolve().parents[1] / "examples")
    result = generate_quick(profile, ("21-ct-tw",), "cong_van", out_dir=tmp_path)
    doc = Document(str(result.output))
    left, _right = header_columns(doc)
    assert [p.text.split()[-1] for p in left if p.text.startswith("Số:")] == [number]
    signature_left = [p.text for p in doc.tables[-1].rows[0].cells[0].paragraphs if p.text.strip()]
    if profile.startswith("gia-lai/ubnd"):
        assert all("(b/c)" not in line for line in signature_left)  # the State writes "(để b/c)"
        assert any("(để b/c)" in line for line in signature_left)


def test_the_layout_step_runs_on_both_rendering_paths():
    """The compiled path and docxtpl's own write the same laid-out document (tests/test_render_fast.py compares
    the bytes); here: both have the header's measured widths, not the template's."""
    from pathlib import Path

    from docx import Document

    from kehoach.docx.render import LoadedTemplate, _render_with_docxtpl, context
    from kehoach.generate import prepare

    root = Path(__file__).resolve().parents[1]
    draft = prepare(root / "examples" / "ke-hoach" / "000-ldld-lai-chau.yaml").draft
    loaded = LoadedTemplate(root / "templates" / "cong_doan" / "van_ban.docx")
    for data in (loaded.render(draft), _render_with_docxtpl(loaded.blob, loaded.env, context(draft))):
        grid = Document(io.BytesIO(data)).tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))
        template = Document(str(loaded.path)).tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))
        assert [g.get(qn("w:w")) for g in grid] != [g.get(qn("w:w")) for g in template]
