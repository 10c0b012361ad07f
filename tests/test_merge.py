"""Three-way merge of drafts: a person's edits in Word survive a regeneration; clashes are marked, never lost.

The merge compares what a reader sees (formatting resolved against styles), goes inside a paragraph both sides
changed (word by word), and carries what the person's edits point at (links, pictures …).
"""

from __future__ import annotations

import copy
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from kehoach.docx.markers import MARK_END, MARK_OURS, MARK_SPLIT
from kehoach.errors import InputError
from kehoach.workspace.drafts import generate
from kehoach.workspace.merge import base_of, fingerprint, merge
from kehoach.workspace.merge.base import load
from kehoach.workspace.merge.legacy import legacy_sig

PLAN = Path(__file__).resolve().parents[1] / "examples" / "ke-hoach" / "000-ldld-lai-chau.yaml"

# Body paragraphs of the example draft, found by how they start.
BOLD_IN = "- Phát huy vai trò"
BOLD_WORD = "đoàn viên"
CHANGED = "- Việc tổ chức thực hiện phải nghiêm túc"
CHANGED_TO = "- Việc tổ chức thực hiện phải nghiêm túc, tiết kiệm, có sơ kết hằng năm."
ANCHOR = "Các cấp Công đoàn trên địa bàn tỉnh tổ chức quán triệt"
ADDED = "Bổ sung: Ban Tuyên giáo chủ trì tổng hợp kết quả quán triệt, báo cáo trước ngày 30/11."
DELETED = "- Giới thiệu các mô hình đào tạo nghề"
# Sentences of the plan that a changed plan (the "new" side) words differently.
NEW_OLD, NEW_NEW = "trang mạng xã hội của LĐLĐ tỉnh", "trang mạng xã hội và bản tin của LĐLĐ tỉnh"
CLASH = "Các cấp Công đoàn chủ động kiểm tra"
CLASH_OLD, CLASH_THEIRS = "kịp thời kiến nghị khắc phục", "kịp thời kiến nghị cấp có thẩm quyền khắc phục"
CLASH_OURS = "Các cấp Công đoàn chủ động kiểm tra, giám sát việc đào tạo nghề cho đoàn viên."


def _draft(folder: Path, replace: tuple[str, str] | None = None, **options: str) -> bytes:
    text = None
    if replace is not None:
        text = PLAN.read_text(encoding="utf-8")
        assert replace[0] in text
        text = text.replace(*replace)
    return generate(PLAN, out_dir=folder, text=text, **options).output.read_bytes()


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, bytes]:
    root = tmp_path_factory.mktemp("gop")
    return {
        "base": _draft(root / "base"),
        "number": _draft(root / "number", number="999", when="01/01/2024"),
        "text": _draft(root / "text", replace=(NEW_OLD, NEW_NEW), number="999"),
        "clash": _draft(root / "clash", replace=(CLASH_OLD, CLASH_THEIRS)),
    }


def edited(data: bytes, *edits: Callable[[Document], None]) -> bytes:
    """Edit a .docx with python-docx, the way a person's changes reach us."""
    doc = Document(io.BytesIO(data))
    for edit in edits:
        edit(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def para(doc, start: str) -> Paragraph:
    found = [p for p in doc.paragraphs if p.text.startswith(start)]
    assert len(found) == 1, f"{start!r}: {len(found)} đoạn"
    return found[0]


def bold_word(doc) -> None:
    p = para(doc, BOLD_IN)
    (run,) = p.runs
    before, after = run.text.split(BOLD_WORD, 1)
    run.text = before
    for text, bold in ((after, None), (BOLD_WORD, True)):
        r = copy.deepcopy(run._r)
        run._r.addnext(r)
        Run(r, p).text = text
        Run(r, p).bold = bold


def change_sentence(doc) -> None:
    (run,) = para(doc, CHANGED).runs
    run.text = CHANGED_TO


def add_paragraph(doc) -> None:
    anchor = para(doc, ANCHOR)
    new = copy.deepcopy(anchor._p)
    anchor._p.addnext(new)
    Paragraph(new, anchor._parent).runs[0].text = ADDED


def delete_paragraph(doc) -> None:
    p = para(doc, DELETED)
    p._p.getparent().remove(p._p)


def texts(data: bytes) -> list[str]:
    return [text for text, _key in fingerprint(data)]


def body_texts(data: bytes) -> list[str]:
    """Every paragraph of the body, table cells included, as python-docx reads them."""
    doc = Document(io.BytesIO(data))
    return [p.text for p in doc.paragraphs] + [p.text for t in doc.tables for c in t._cells for p in c.paragraphs]


def assert_marker(p: Paragraph) -> None:
    (run,) = p.runs
    assert run.bold is True
    assert run.font.color.rgb == RGBColor(0xFF, 0x00, 0x00)
    assert run.font.highlight_color == WD_COLOR_INDEX.YELLOW


def test_unedited_draft_becomes_the_new_one(drafts):
    for ours in (drafts["base"], edited(drafts["base"])):  # as generated, and saved again by python-docx
        result = merge(base_of(drafts["base"]), ours, drafts["number"])
        assert result.conflicts == [] and result.kept_edits == 0 and result.merged == []
        assert fingerprint(result.data) == fingerprint(drafts["number"])
        assert "Số: 999/KH-LĐLĐ" in texts(result.data)[0] and "ngày 01 tháng 01 năm 2024" in texts(result.data)[0]


def test_edits_survive_regeneration(drafts):
    ours = edited(drafts["base"], bold_word, change_sentence, add_paragraph, delete_paragraph)
    result = merge(base_of(drafts["base"]), ours, drafts["text"])

    assert result.conflicts == [] and result.kept_edits == 4 and len(result.kept) == 4
    doc = Document(io.BytesIO(result.data))
    body = [p.text for p in doc.paragraphs]
    assert CHANGED_TO in body
    assert body[body.index(para(doc, ANCHOR).text) + 1] == ADDED
    assert not any(t.startswith(DELETED) for t in body)
    bold = [(r.text, r.bold) for r in para(doc, BOLD_IN).runs]
    assert (BOLD_WORD, True) in bold and all(not b for t, b in bold if t != BOLD_WORD)
    # The new side's changes are there too: the reworded task and the new number in the header table.
    assert any(NEW_NEW in t for t in body) and not any(NEW_OLD in t for t in body)
    assert "Số: 999/KH-LĐLĐ" in [p.text for cell in doc.tables[0].columns[0].cells for p in cell.paragraphs]
    # Exactly what the same edits give when made on the new draft: texts and formatting, element by element.
    expected = edited(drafts["text"], bold_word, change_sentence, add_paragraph, delete_paragraph)
    assert fingerprint(result.data) == fingerprint(expected)


def test_formatting_only_edit_is_kept(drafts):
    ours = edited(drafts["base"], bold_word)
    before, after = fingerprint(drafts["base"]), fingerprint(ours)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1 and before[changed[0]][0] == after[changed[0]][0]  # same text, another look

    result = merge(base_of(drafts["base"]), ours, drafts["number"])
    assert result.kept_edits == 1 and result.conflicts == []
    assert texts(result.data) == texts(drafts["number"])
    runs = para(Document(io.BytesIO(result.data)), BOLD_IN).runs
    assert [r.text for r in runs if r.bold] == [BOLD_WORD]


def test_formatting_edit_beside_a_new_text_is_no_conflict(drafts):
    neighbour = "- Giao Ban Chính sách pháp luật"  # the paragraph just before the one the new draft rewords

    def italic(doc) -> None:
        para(doc, neighbour).runs[0].italic = True

    result = merge(base_of(drafts["base"]), edited(drafts["base"], italic), drafts["text"])
    assert result.conflicts == [] and result.kept_edits == 1
    doc = Document(io.BytesIO(result.data))
    assert para(doc, neighbour).runs[0].italic is True
    assert any(NEW_NEW in p.text for p in doc.paragraphs)


def test_file_restyled_throughout_takes_the_new_text_in_the_persons_look(drafts):
    # Every run set in Arial: the person changed the look of every paragraph; the new draft changed the text of two
    # (the number in the header table, a reworded task). Word by word these do not overlap: no conflict, and the new
    # words come in Arial, as the person formatted the ones they replace.
    def arial(doc) -> None:
        for element in doc.element.body.iter(qn("w:r")):
            Run(element, doc).font.name = "Arial"

    ours = edited(drafts["base"], arial)
    assert all(a[0] == b[0] and (a[1] != b[1] or not a[0]) for a, b in
               zip(fingerprint(drafts["base"]), fingerprint(ours), strict=True))
    result = merge(base_of(drafts["base"]), ours, drafts["text"])
    assert result.conflicts == [] and len(result.merged) == 2
    assert texts(result.data) == texts(drafts["text"])
    doc = Document(io.BytesIO(result.data))
    runs = [Run(r, doc) for r in doc.element.body.iter(qn("w:r")) if Run(r, doc).text.strip()]
    assert runs and {r.font.name for r in runs} == {"Arial"}
    assert any(NEW_NEW in p.text for p in doc.paragraphs)
    assert [p.upstream for p in result.merged] == ["Số: 470/KH-LĐLĐ → 999/KH-LĐLĐ",
                                                   "thêm «và bản tin» sau «hội»"]


def test_word_bookkeeping_is_not_an_edit(drafts):
    # What Word adds on save without the person changing anything: revision ids, paragraph ids, proofing marks,
    # bookmarks, and runs split in two with the same formatting.
    def bookkeeping(doc) -> None:
        for p in doc.paragraphs:
            p._p.set(qn("w:rsidR"), "00AB12CD")
            p._p.set("{http://schemas.microsoft.com/office/word/2010/wordml}paraId", "1A2B3C4D")
            p._p.insert(1 if p._p.pPr is not None else 0, OxmlElement("w:proofErr"))
            mark = OxmlElement("w:bookmarkStart")
            mark.set(qn("w:id"), "0")
            mark.set(qn("w:name"), "_GoBack")
            p._p.append(mark)
            for run in p.runs:
                if len(run.text) > 1:
                    second = copy.deepcopy(run._r)
                    run._r.addnext(second)
                    half = len(run.text) // 2
                    Run(second, p).text = run.text[half:]
                    run.text = run.text[:half]
                    run._r.set(qn("w:rsidRPr"), "00FF0011")

    assert fingerprint(edited(drafts["base"], bookkeeping)) == fingerprint(drafts["base"])


def test_overlapping_changes_of_one_paragraph_conflict(drafts):
    # The person rewrote the end of the paragraph; the new draft inserted words inside that same end.
    def clash(doc) -> None:
        (run,) = para(doc, CLASH).runs
        run.text = CLASH_OURS

    result = merge(base_of(drafts["base"]), edited(drafts["base"], clash, change_sentence), drafts["clash"])

    assert len(result.kept) == 1  # the other edit, which the new draft did not touch
    (conflict,) = result.conflicts
    theirs_text = next(t for t in texts(drafts["clash"]) if t.startswith(CLASH))
    assert CLASH_THEIRS in theirs_text
    # Named as kiemtra names paragraphs (docx/locate.py): its section, its first words.
    assert conflict.where == ("mục “II. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM THỜI GIA…”, "
                              "đoạn bắt đầu “Các cấp Công đoàn chủ động…”")
    assert conflict.upstream == "thêm «cấp có thẩm quyền» sau «nghị»"
    merged = texts(result.data)
    at = merged.index(MARK_OURS)
    assert merged[at:at + 5] == [MARK_OURS, CLASH_OURS, MARK_SPLIT, theirs_text, MARK_END]
    assert merged.count(MARK_OURS) == 1 and CHANGED_TO in merged
    doc = Document(io.BytesIO(result.data))
    for mark in (MARK_OURS, MARK_SPLIT, MARK_END):
        assert_marker(para(doc, mark))
    # Apart from the conflict block, the body is the new draft with the person's other edit.
    assert merged[:at] + merged[at + 5:] == [t for t in texts(edited(drafts["clash"], change_sentence))
                                           if t != theirs_text]


def test_changes_in_different_words_of_one_paragraph_merge(drafts):
    # The person added a word at the start of the paragraph; the new draft inserted words near its end.
    def early(doc) -> None:
        (run,) = para(doc, CLASH).runs
        run.text = run.text.replace("chủ động kiểm tra", "thường xuyên, chủ động kiểm tra")

    result = merge(base_of(drafts["base"]), edited(drafts["base"], early), drafts["clash"])
    assert result.conflicts == [] and len(result.merged) == 1
    (text,) = [t for t in texts(result.data) if t.startswith(CLASH.replace("chủ động", "thường xuyên, chủ động"))]
    assert "thường xuyên, chủ động kiểm tra" in text and CLASH_THEIRS in text


def test_deleting_a_paragraph_the_new_draft_changed_is_a_conflict(drafts):
    def delete(doc) -> None:
        p = para(doc, CLASH)
        p._p.getparent().remove(p._p)

    result = merge(base_of(drafts["base"]), edited(drafts["base"], delete), drafts["clash"])
    (conflict,) = result.conflicts
    merged = texts(result.data)
    at = merged.index(MARK_OURS)
    theirs_text = next(t for t in texts(drafts["clash"]) if t.startswith(CLASH))
    assert merged[at:at + 4] == [MARK_OURS, MARK_SPLIT, theirs_text, MARK_END]
    assert conflict.where == ("mục “II. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM THỜI GIA…”, "
                              "đoạn bắt đầu “Các cấp Công đoàn chủ động…”")


def test_deletion_stays_deleted_and_empty_paragraphs_align(drafts):
    # The draft has one empty paragraph (the rule under the title); the person adds two plain empty ones, one
    # right after it, and deletes a body paragraph. Text alone would pair the rule with the plain one.
    def spacers(doc) -> None:
        rule = doc.element.body[3]
        assert Paragraph(rule, doc).text == "" and rule.find(qn("w:pPr")).find(qn("w:pBdr")) is not None
        plain = copy.deepcopy(para(doc, CHANGED)._p)
        for r in plain.findall(qn("w:r")):
            plain.remove(r)
        rule.addnext(copy.deepcopy(plain))
        para(doc, ANCHOR)._p.addnext(plain)

    result = merge(base_of(drafts["base"]), edited(drafts["base"], spacers, delete_paragraph), drafts["text"])
    assert result.conflicts == [] and result.kept_edits == 3  # two insertions, one deletion: the rule is untouched
    assert fingerprint(result.data) == fingerprint(edited(drafts["text"], spacers, delete_paragraph))


def test_links_and_pictures_come_with_the_edit(drafts):
    def link_and_picture(doc) -> None:
        p = para(doc, ANCHOR)
        rid = p.part.relate_to("https://congdoan.vn", RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rid)
        link.append(copy.deepcopy(p.runs[0]._r))
        p._p.append(link)
        p.add_run().add_picture(io.BytesIO(_png()))

    ours = edited(drafts["base"], link_and_picture)
    result = merge(base_of(drafts["base"]), ours, drafts["number"])
    assert len(result.kept) == 1 and result.brought == {"hình ảnh": 1}
    doc = Document(io.BytesIO(result.data))  # opens: every relationship id points at something
    p = para(doc, ANCHOR)
    assert p.text == 2 * para(Document(io.BytesIO(drafts["base"])), ANCHOR).text
    (link,) = p._p.findall(qn("w:hyperlink"))
    assert doc.part.rels[link.get(qn("r:id"))].target_ref == "https://congdoan.vn"
    (blip,) = p._p.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
    assert doc.part.related_parts[blip.get(qn("r:embed"))].blob == _png()


def test_unreadable_edited_file(drafts):
    base = base_of(drafts["base"])
    no_document = io.BytesIO()
    with zipfile.ZipFile(no_document, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    broken_xml = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(drafts["base"])) as src, zipfile.ZipFile(broken_xml, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, b"<w:document" if info.filename == "word/document.xml" else src.read(info))
    for bad in (b"", b"PK\x03\x04 not really a zip", drafts["base"][: len(drafts["base"]) // 2],
                no_document.getvalue(), broken_xml.getvalue()):
        with pytest.raises(InputError) as caught:
            merge(base, bad, drafts["number"])
        assert caught.value.problems[0].message.startswith("tệp đã sửa không mở được như .docx: ")


def test_a_record_of_kehoach_0_2_still_merges(drafts, tmp_path):
    # 0.2 kept each block's text and XML signature; no parts. Edits are still kept, nothing crashes.
    generated = Document(io.BytesIO(drafts["base"])).element.body
    record = {"paragraphs": [[text, legacy_sig(el)] for (text, _key), el in
                             zip(fingerprint(drafts["base"]), [e for e in generated if e.tag != qn("w:sectPr")],
                                 strict=True)]}
    base = load(record, tmp_path)
    assert base is not None and base.pkg is None and len(base.legacy) == len(texts(drafts["base"]))
    result = merge(base, edited(drafts["base"], change_sentence, bold_word), drafts["text"])
    assert result.conflicts == [] and len(result.kept) == 2
    doc = Document(io.BytesIO(result.data))
    assert CHANGED_TO in [p.text for p in doc.paragraphs] and any(NEW_NEW in p.text for p in doc.paragraphs)
    assert [r.text for r in para(doc, BOLD_IN).runs if r.bold] == [BOLD_WORD]
    # 0.1 kept only texts; a record with neither is no base at all (the draft is then left alone: test_build).
    assert load({"paragraphs": texts(drafts["base"])}, tmp_path).legacy[0][1] == ""
    assert load({"goc": {"word/document.xml": "sha256:00"}}, tmp_path) is None
    assert load({}, tmp_path) is None


def test_result_is_the_new_package_with_a_new_body(drafts):
    ours = edited(drafts["base"], change_sentence)
    data = merge(base_of(drafts["base"]), ours, drafts["number"]).data
    with zipfile.ZipFile(io.BytesIO(data)) as merged, zipfile.ZipFile(io.BytesIO(drafts["number"])) as new:
        assert merged.namelist() == new.namelist()
        assert {info.date_time for info in merged.infolist()} == {(2020, 1, 1, 0, 0, 0)}
        for name in new.namelist():
            if name != "word/document.xml":
                assert _same_part(merged.read(name), new.read(name)), name
        assert merged.read("word/document.xml").startswith(b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>")


def _same_part(a: bytes, b: bytes) -> bool:
    if a == b:
        return True
    try:
        return etree.tostring(etree.fromstring(a), method="c14n") == etree.tostring(etree.fromstring(b), method="c14n")
    except etree.XMLSyntaxError:
        return False


def _png() -> bytes:
    """A 1x1 white PNG, small enough to write out here."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _xml_edit(data: bytes, part: str, edit: Callable[[etree._Element], None]) -> bytes:
    """A package with one XML part changed (as a new template, or an editor, would change it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == part:
                root = etree.fromstring(raw)
                edit(root)
                raw = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, raw)
    return out.getvalue()


def _margin(left: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        root.find(f".//{qn('w:sectPr')}/{qn('w:pgMar')}").set(qn("w:left"), left)
    return edit


def _normal_size(size: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        normal = next(s for s in root.iter(qn("w:style")) if s.get(qn("w:styleId")) == "Normal")
        normal.find(f"{qn('w:rPr')}/{qn('w:sz')}").set(qn("w:val"), size)
    return edit


def test_settings_both_sides_changed_keep_the_persons_and_say_so(drafts):
    ours = _xml_edit(_xml_edit(drafts["base"], "word/document.xml", _margin("1985")), "word/styles.xml",
                     _normal_size("26"))
    theirs = _xml_edit(_xml_edit(drafts["number"], "word/document.xml", _margin("1871")), "word/styles.xml",
                       _normal_size("27"))
    result = merge(base_of(drafts["base"]), ours, theirs)
    assert result.notes == ["lề trái: bản đã sửa 35 mm, bản mới 33 mm; đã giữ bản đã sửa",
                            "kiểu «Normal» (r.sz): bản đã sửa 26, bản mới 27; đã giữ bản đã sửa"]
    assert result.conflict_count == 2 and result.conflicts == []
    doc = Document(io.BytesIO(result.data))
    assert doc.sections[0].left_margin.twips == 1985 and doc.styles["Normal"].font.size.pt == 13
    first = [p.text for p in doc.paragraphs[:2]]
    assert first == [f"<<<<<<< XUNG ĐỘT: {n} >>>>>>>" for n in result.notes]
    # Only one side changed them: the change is taken, no conflict.
    one = merge(base_of(drafts["base"]), drafts["base"], theirs)
    assert one.conflict_count == 0 and one.kept_edits == 0
    assert Document(io.BytesIO(one.data)).sections[0].left_margin.twips == 1871
