"""Reading a .docx without python-docx's object model (docx/wordfile.py) reads what python-docx read, and refuses what
it refused; what is kept from one file to the next (styles trees, what the styles say, slips of a paragraph) is
never trusted for a file it does not fit (issue 15, item 4: kiemtra over a folder of drafts)."""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from lxml import etree

from kehoach.docx import wordfile
from kehoach.docx.reader import read_document, read_path
from kehoach.inputs import once
from kehoach.kiemtra import lexicon, rules_words
from kehoach.kiemtra.intent import profile_choices

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER = (f'<w:hdr xmlns:w="{W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>'
          '<w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>2</w:t></w:r>'
          '</w:p></w:hdr>')


def _package() -> dict[str, bytes]:
    """A small document made by python-docx: styles by name, direct formatting, a table, a line break, a paragraph
    of spaces only, a header with a page number; as zip parts."""
    document = docx.Document()
    title = document.add_paragraph("KẾ HOẠCH", style="Title")
    title.runs[0].bold = True
    body = document.add_paragraph("Triển khai thực hiện ")
    body.add_run("Chỉ thị số 21-CT/TW").italic = True
    body.add_run().add_break()
    body.add_run("dòng sau Shift+Enter")
    document.add_paragraph("   ")
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "Nơi nhận:"
    table.cell(0, 1).text = "CHỦ TỊCH"
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/header" Target="header9.xml"/></Relationships>').encode()
    parts["word/header9.xml"] = HEADER.encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace("</Types>", '<Override PartName="/word/header9.xml" ContentType="'
                                                 'application/vnd.openxmlformats-officedocument.wordprocessingml.'
                                                 'header+xml"/></Types>').encode()
    document_xml = parts["word/document.xml"].decode()
    parts["word/document.xml"] = re.sub(r"(<w:sectPr[^>]*>)", r'\1<w:headerReference w:type="default" r:id="rIdH"/>',
                                        document_xml, count=1).encode()
    # A w:t of spaces without xml:space="preserve": the parsers must treat blank text alike (python-docx's drops
    # blank text between elements).
    blank = b'<w:t xml:space="preserve">   </w:t>'
    assert blank in parts["word/document.xml"]
    parts["word/document.xml"] = parts["word/document.xml"].replace(blank, b"<w:t>  </w:t>")
    return parts


def _zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _edit(parts: dict[str, bytes], name: str, old: str, new: str) -> dict[str, bytes]:
    text = parts[name].decode()
    assert old in text, (name, old)
    return {**parts, name: text.replace(old, new, 1).encode()}


REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _variants() -> dict[str, dict[str, bytes]]:
    base = _package()
    doc_rels = "word/_rels/document.xml.rels"
    without_styles = dict(base)
    without_styles[doc_rels] = re.sub(rb'<Relationship [^>]*relationships/styles"[^>]*/>', b"", base[doc_rels])
    return {
        "as made": base,
        "a relationship to a missing part": _edit(base, doc_rels, "</Relationships>",
                                                  f'<Relationship Id="rIdX" Type="{REL}/image" '
                                                  'Target="media/none.png"/></Relationships>'),
        "an external relationship": _edit(base, doc_rels, "</Relationships>",
                                          f'<Relationship Id="rIdX" Type="{REL}/hyperlink" Target="http://x.vn" '
                                          'TargetMode="External"/></Relationships>'),
        "a repeated id whose first target is missing": _edit(base, doc_rels, "<Relationship ",
                                                             f'<Relationship Id="rIdH" Type="{REL}/header" '
                                                             'Target="missing.xml"/><Relationship '),
        "a header typed as plain XML": _edit(base, "[Content_Types].xml", '<Override PartName="/word/header9.xml"',
                                             '<Override PartName="/word/other.xml"'),
        "a part without a content type": {**_edit(base, doc_rels, 'Target="header9.xml"', 'Target="header9.hdr"'),
                                          "word/header9.hdr": base["word/header9.xml"]},
        "an override naming no content type": _edit(base, "[Content_Types].xml",
                                                    '<Override PartName="/word/header9.xml" ContentType="application/'
                                                    'vnd.openxmlformats-officedocument.wordprocessingml.header+xml"',
                                                    '<Override PartName="/word/header9.xml" ContentType=""'),
        "broken styles": {**base, "word/styles.xml": base["word/styles.xml"][:-40]},
        "broken settings": {**base, "word/settings.xml": b"<w:settings"},
        "broken font table (a part python-docx does not parse)": {**base, "word/fontTable.xml": b"<w:fonts"},
        "broken header": {**base, "word/header9.xml": b"<w:hdr"},
        "no styles part": without_styles,
        "two main documents": _edit(base, "_rels/.rels", "</Relationships>",
                                    f'<Relationship Id="rId99" Type="{REL}/officeDocument" '
                                    'Target="word/document.xml"/></Relationships>'),
        "a macro-enabled main part, not converted": _edit(
            base, "[Content_Types].xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document."
            "main+xml", "application/vnd.ms-word.document.macroEnabled.main+xml"),
        "no content types": {k: v for k, v in base.items() if k != "[Content_Types].xml"},
    }


@pytest.mark.parametrize("name", list(_variants()))
def test_a_package_is_opened_and_read_as_python_docx_opens_and_reads_it(name):
    parts = _variants()[name]
    data = _zipped(parts)
    try:
        by_python_docx = docx.Document(io.BytesIO(data))
    except Exception:
        by_python_docx = None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            opened = wordfile.open_package(archive.read)
    except wordfile.NotWord:
        opened = None
    assert (opened is None) == (by_python_docx is None)
    if opened is not None:
        assert read_document(opened) == read_document(by_python_docx)


def test_the_example_reads_what_it_was_made_to_show():
    """The comparison above is not of two empty models: the example has its text, formatting and header."""
    parts = _package()
    with zipfile.ZipFile(io.BytesIO(_zipped(parts))) as archive:
        model = read_document(wordfile.open_package(archive.read))
    texts = [p.text for p in model.paragraphs]
    assert texts[:3] == ["KẾ HOẠCH", "Triển khai thực hiện Chỉ thị số 21-CT/TW", "dòng sau Shift+Enter"]
    assert "  " in texts  # blank text without xml:space="preserve": kept by both parsers (compared above)
    assert [p.text for p in model.paragraphs if p.kind == "table"] == ["Nơi nhận:", "CHỦ TỊCH"]
    assert model.paragraphs[0].runs[0].bold and model.paragraphs[1].runs[1].italic
    assert model.page is not None and model.page.page_field and model.page.page_field_centered
    assert model.page.page_field_size == 13


def _normal_size(parts: dict[str, bytes], half_points: int) -> dict[str, bytes]:
    """The same document with the Normal style set in another size."""
    styles = parts["word/styles.xml"].decode()
    normal = re.search(r'<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?</w:style>', styles, re.S)
    assert normal is not None
    changed = normal[0].replace("</w:style>", f'<w:rPr><w:sz w:val="{half_points}"/></w:rPr></w:style>')
    return {**parts, "word/styles.xml": styles.replace(normal[0], changed).encode()}


def test_a_styles_part_kept_from_another_file_is_never_used_for_different_styles(tmp_path):
    """The drafts of a folder share one styles tree; a file whose styles differ by one size is read with its own,
    before and after the others (the kept trees are found by their bytes)."""
    base = _package()
    files = {}
    for size in (26, 28):
        files[size] = tmp_path / f"co-{size}.docx"
        files[size].write_bytes(_zipped(_normal_size(base, size)))

    def body_size(path: Path) -> float | None:
        return read_path(path).paragraphs[1].runs[0].size

    assert [body_size(files[s]) for s in (26, 28, 26, 28, 28)] == [13, 14, 13, 14, 14]


def test_a_python_docx_document_edited_between_two_readings_is_read_with_its_edits():
    """read_document of a python-docx Document (a test that edits one) reads its styles anew every time."""
    document = docx.Document(io.BytesIO(_zipped(_package())))
    assert read_document(document).paragraphs[1].runs[0].size == 11  # python-docx's template: docDefaults
    document.styles["Normal"].font.size = docx.shared.Pt(15)
    assert read_document(document).paragraphs[1].runs[0].size == 15


TEXT = "Tuyên tuyền sâu rộng kế hoạch, quán triêt tinh thần khaikế hoạch và BÌNHH"


def test_the_slips_kept_for_a_paragraph_follow_the_dictionary_setting(monkeypatch, tmp_path):
    """Near-misses and typing slips are kept by text and by the syllable list in use (KEHOACH_HUNSPELL_VI): the same
    text with the dictionary gone is looked at again, and gives what a first look gives."""
    with_dictionary = (lexicon.near_misses(TEXT), rules_words._typing_slips(TEXT, None))
    assert with_dictionary == (list(lexicon._near_misses.__wrapped__(TEXT, True, None)),
                               rules_words._typing_slips.__wrapped__(TEXT, None))
    assert [m.term for m in with_dictionary[0]] == ["Tuyên truyền", "quán triệt"]
    missing = str(tmp_path / "khong-co.dic")
    monkeypatch.setenv("KEHOACH_HUNSPELL_VI", missing)
    assert lexicon.near_misses(TEXT) == list(lexicon._near_misses.__wrapped__(TEXT, True, missing))
    assert rules_words._typing_slips(TEXT, missing) == rules_words._typing_slips.__wrapped__(TEXT, missing)


def test_a_profile_named_by_a_record_is_looked_for_once_in_a_batch_and_anew_outside(tmp_path):
    """A draft's record names its profile: found, its closing mark is the draft's choice; gone (a folder of drafts
    copied elsewhere), the draft is only a draft. Outside a batch nothing is kept: a profile removed is seen gone."""
    root = Path(__file__).resolve().parents[2]
    profile = tmp_path / "ho-so" / "tinh-uy.yaml"
    profile.parent.mkdir()
    profile.write_text(f"ke_thua: {root / 'profiles' / 'gia-lai' / 'tinh-uy-gia-lai.yaml'}\n"
                       "trinh_bay:\n  ket_thuc: \"./.\"\n", encoding="utf-8")
    drafts = tmp_path / "ban-thao"
    (drafts / ".kehoach").mkdir(parents=True)
    for name in ("a", "b"):
        (drafts / f"{name}.docx").write_bytes(b"")
        record = {"inputs": {"profile": {"../ho-so/tinh-uy.yaml": "0" * 64}}}
        (drafts / ".kehoach" / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")
    chosen = {"ket_thuc": "./.", "ban_thao": "co"}
    with once.reading_once():
        assert [profile_choices(drafts / n) for n in ("a.docx", "b.docx")] == [chosen, chosen]
    assert profile_choices(drafts / "a.docx") == chosen
    profile.unlink()
    assert profile_choices(drafts / "a.docx") == {"ban_thao": "co"}
    with once.reading_once():
        assert [profile_choices(drafts / n) for n in ("a.docx", "b.docx")] == [{"ban_thao": "co"}] * 2


def test_what_a_formatting_comes_to_is_kept_per_style_and_own_properties_and_per_theme(tmp_path):
    """Paragraphs and runs with the same own properties under one style are read alike, and no further: a different
    alignment, size or style gives its own answer; a theme font is named by each document's own theme, also when
    two documents share a styles tree."""
    base = _package()
    body = base["word/document.xml"].decode()
    first = re.search(r"<w:p>(?:(?!</w:p>).)*Triển khai(?:(?!</w:p>).)*</w:p>", body, re.S)
    assert first is not None
    right = first[0].replace("<w:p>", '<w:p><w:pPr><w:jc w:val="right"/></w:pPr>', 1)
    right = right.replace("<w:r>", '<w:r><w:rPr><w:sz w:val="30"/></w:rPr>', 1)
    quoted = first[0].replace("<w:p>", '<w:p><w:pPr><w:pStyle w:val="Quote"/><w:jc w:val="right"/></w:pPr>', 1)
    parts = {**base, "word/document.xml": body.replace(first[0], first[0] + right + quoted + first[0]).encode()}
    theme = parts["word/theme/theme1.xml"].decode()
    other_theme = {**parts, "word/theme/theme1.xml": re.sub(r'(<a:minorFont>\s*<a:latin typeface=")Cambria',
                                                            r"\1Times New Roman", theme).encode()}
    paths = []
    for n, package in enumerate((parts, other_theme)):
        paths.append(tmp_path / f"{n}.docx")
        paths[-1].write_bytes(_zipped(package))
    lines = [p for p in read_path(paths[0]).paragraphs if p.text.startswith("Triển khai")]
    assert [(p.alignment, p.runs[0].size, p.runs[1].italic) for p in lines] == [
        (None, 11, True), ("right", 15, True), ("right", 11, True), (None, 11, True)]
    assert lines[2].runs[0].italic and not lines[0].runs[0].italic  # the Quote style is italic
    fonts = [read_path(path).paragraphs[1].runs[0].fonts["ascii"] for path in paths + paths]
    assert fonts == ["Cambria", "Times New Roman", "Cambria", "Times New Roman"]


def test_a_kept_styles_tree_is_used_only_for_the_very_bytes_it_was_made_from():
    """The kept trees are found by size and CRC-32; a different part of the same size and CRC (a collision, made
    here by hand) is parsed for itself."""
    base = _package()
    mine, other = _normal_size(base, 26)["word/styles.xml"], _normal_size(base, 28)["word/styles.xml"]
    assert len(mine) == len(other)
    tree = wordfile._parsed_styles(mine)
    assert wordfile._parsed_styles(mine) is tree  # kept
    wordfile._styles[(len(other), zlib.crc32(other))] = (mine, tree)  # as if `other` had mine's CRC
    parsed = wordfile._parsed_styles(other)
    assert parsed is not tree and b'w:val="28"' in etree.tostring(parsed)
