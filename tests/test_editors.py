"""Drafts edited as offices edit them: saved again by LibreOffice, and carrying what Word writes for a comment, a
footnote, a picture, a bulleted list, a footer, a margin, a change of the Normal style, a link and a bookmark.

After a parent change and a rebuild: no conflict, every added item in the merged draft with everything it points
at, the parent's change there too, and every merged draft opens in LibreOffice (which shows what it loaded).
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from lxml import etree

from kehoach.docx.integrity import problems
from kehoach.workspace.build import MERGED, REGENERATED, build
from kehoach.workspace.folders import Workspace

from . import wordlike
from .examples import copy_examples
from .tools import convert, pdf_text

W = wordlike.W
TASK = "2. Vận động đoàn viên"
OLD, NEW = "biểu dương người lao động có tay nghề cao", "tôn vinh người lao động có tay nghề cao"
FOOTNOTE = "Theo số liệu của Sở Nội vụ năm 2026."
COMMENT = "Đề nghị Ban Tuyên giáo kiểm tra lại số liệu."
FOOTER = "Tài liệu lưu hành nội bộ"
URL = "https://laodong.gialai.gov.vn/ke-hoach"
EDITS = ["lo-luu-lai", "lo-sua", "ghi-chu", "chu-thich", "hinh", "gach-dau-dong", "chan-trang", "le-trang",
         "kieu-normal", "lien-ket", "tat-ca"]


def _word_edits(name: str, path: Path) -> None:
    with wordlike.WordFile(path) as doc:
        if name in ("ghi-chu", "tat-ca"):
            wordlike.comment(doc, TASK, "học nghề", COMMENT)
        if name in ("chu-thich", "tat-ca"):
            wordlike.footnote(doc, TASK, "kỹ năng nghề", FOOTNOTE)
        if name in ("hinh", "tat-ca"):
            wordlike.picture(doc, TASK, wordlike.png())
        if name in ("gach-dau-dong", "tat-ca"):
            wordlike.bullets(doc, ["- Quán triệt đầy đủ", "- Xác định cụ thể"])
        if name in ("chan-trang", "tat-ca"):
            wordlike.footer(doc, FOOTER)
        if name in ("le-trang", "tat-ca"):
            wordlike.margin(doc, 1985)
        if name in ("kieu-normal", "tat-ca"):
            wordlike.normal_size(doc, 27)
        if name in ("lien-ket", "tat-ca"):
            # The units' reporting line of Tổ chức thực hiện (issue 13 writes it once, under "Chế độ báo cáo").
            wordlike.hyperlink_and_bookmark(doc, "Các cơ quan, đơn vị được giao", "kết quả", URL, "BaoCao")


@pytest.fixture(scope="module")
def merged(tmp_path_factory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("bien-tap") / "ws"
    copy_examples(root)
    ws = Workspace.open(root)
    folder = ws.plans_dir / "xa"
    folder.mkdir()
    source = (ws.plans_dir / "gia-lai-4-cong-doan-xa.yaml").read_text(encoding="utf-8")
    for name in EDITS:
        (folder / f"{name}.yaml").write_text(source, encoding="utf-8")
    build(ws, jobs=1)
    drafts = {name: ws.out_dir / "xa" / f"{name}.docx" for name in EDITS}
    # Opened and saved again in LibreOffice (one run for both), one of them then edited.
    saved = convert([drafts["lo-luu-lai"], drafts["lo-sua"]], "docx", root.parent / "lo")
    for path in saved:
        shutil.copyfile(path, drafts[path.stem])
    doc = Document(str(drafts["lo-sua"]))
    p = next(p for p in doc.paragraphs if p.text.startswith("- Phân công"))
    p.runs[0].text = "- Phân công rõ người, rõ việc, rõ thời gian hoàn thành."
    for run in p.runs[1:]:
        run.text = ""
    doc.save(str(drafts["lo-sua"]))
    for name in EDITS[2:]:
        _word_edits(name, drafts[name])
    # The parent changes: a task reworded, and the date of the plan the communes implement.
    for plan, old, new in (("gia-lai-1-tinh-uy", OLD, NEW), ("gia-lai-3-ldld", "ngay: tháng 11 năm 2026", "ngay: 05/12/2026")):
        path = ws.plans_dir / f"{plan}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    report = build(ws, jobs=1)
    pdfs = convert(list(drafts.values()), "pdf", root.parent / "pdf")
    reopened = convert(list(drafts.values()), "docx", root.parent / "lo-mo-lai")
    return {"report": {e.output.stem: e for e in report.entries if e.output.parent.name == "xa"}, "drafts": drafts,
            "pdf": dict(zip(EDITS, pdfs, strict=True)), "lo": dict(zip(EDITS, reopened, strict=True))}


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def tree(data: bytes) -> Any:
    return etree.fromstring(data)


def body_texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def lo_texts(pdf: Path) -> str:
    return " ".join(pdf_text(pdf, layout=False).split())


def test_no_conflict_and_the_parents_change_everywhere(merged):
    for name in EDITS:
        entry = merged["report"][name]
        assert entry.status in (MERGED, REGENERATED) and "xung đột" not in entry.detail, (name, entry.detail)
        path = merged["drafts"][name]
        assert problems(path.read_bytes()) == [], name
        texts = body_texts(path)
        assert any(NEW in t for t in texts) and not any(OLD in t for t in texts), name
        assert any("ngày 05/12/2026 của Liên đoàn Lao động tỉnh Gia Lai" in t for t in texts), name
        # Opens in LibreOffice, which shows the parent's change.
        assert "tôn vinh người lao động có tay nghề cao" in lo_texts(merged["pdf"][name]), name


def test_a_plain_libreoffice_save_is_no_edit(merged):
    entry = merged["report"]["lo-luu-lai"]
    assert entry.status == REGENERATED and entry.detail.startswith("tệp đã được lưu lại nhưng không có chỗ sửa tay")
    edited = merged["report"]["lo-sua"]
    assert edited.status == MERGED and edited.detail.startswith("giữ 1 chỗ sửa tay"), edited.detail
    assert "- Phân công rõ người, rõ việc, rõ thời gian hoàn thành." in body_texts(merged["drafts"]["lo-sua"])


def test_a_comment_comes_with_its_range(merged):
    for name in ("ghi-chu", "tat-ca"):
        files = parts(merged["drafts"][name])
        comments = tree(files["word/comments.xml"])
        (item,) = comments.iter(f"{{{W}}}comment")
        assert "".join(item.itertext()) == COMMENT and item.get(f"{{{W}}}author") == "Nguyễn Thị Văn Thư"
        document = tree(files["word/document.xml"])
        (p,) = [p for p in document.iter(f"{{{W}}}p") if "".join(p.itertext()).startswith(TASK)]
        cid = item.get(f"{{{W}}}id")
        tags = [(e.tag.rpartition("}")[2], e.get(f"{{{W}}}id")) for e in p.iter()
                if e.tag.rpartition("}")[2].startswith("comment")]
        assert tags == [("commentRangeStart", cid), ("commentRangeEnd", cid), ("commentReference", cid)]
        between = "".join(wordlike.text(r) for r in _between(p, "commentRangeStart", "commentRangeEnd"))
        assert between == "học nghề"
        assert "word/commentsExtended.xml" in files and "CommentReference" in files["word/styles.xml"].decode()
        # LibreOffice loaded it: its own save writes the comment again.
        again = parts(merged["lo"][name])
        assert COMMENT in etree.tostring(tree(again["word/comments.xml"]), encoding="unicode"), name


def _between(p: Any, start: str, end: str) -> list[Any]:
    inside, found = False, []
    for child in p:
        local = child.tag.rpartition("}")[2]
        if local == start:
            inside = True
        elif local == end:
            inside = False
        elif inside and local == "r":
            found.append(child)
    return found


def test_a_footnote_comes_with_its_note_and_separators(merged):
    for name in ("chu-thich", "tat-ca"):
        files = parts(merged["drafts"][name])
        notes = tree(files["word/footnotes.xml"])
        kinds = [(n.get(f"{{{W}}}type"), "".join(n.itertext()).strip()) for n in notes.iter(f"{{{W}}}footnote")]
        assert kinds[:2] == [("separator", ""), ("continuationSeparator", "")] and kinds[2:] == [(None, FOOTNOTE)]
        (ref,) = tree(files["word/document.xml"]).iter(f"{{{W}}}footnoteReference")
        assert ref.get(f"{{{W}}}id") == next(n for n in notes.iter(f"{{{W}}}footnote")
                                             if not n.get(f"{{{W}}}type")).get(f"{{{W}}}id")
        assert b"footnotePr" in files["word/settings.xml"]
        assert FOOTNOTE in lo_texts(merged["pdf"][name])  # LibreOffice prints it at the foot of the page
        (p,) = [p for p in Document(str(merged["drafts"][name])).paragraphs if p.text.startswith(TASK)]
        assert "kỹ năng nghề;" in p.text and NEW in p.text


def test_a_picture_comes_with_its_image(merged):
    for name in ("hinh", "tat-ca"):
        doc = Document(str(merged["drafts"][name]))
        blips = list(doc.element.body.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))
        assert len(blips) == 1
        rid = blips[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
        assert doc.part.related_parts[rid].blob == wordlike.png()
        names = [n for n in parts(merged["lo"][name]) if n.startswith("word/media/")]
        assert len(names) == 1, names  # LibreOffice loaded the picture and wrote it again


def test_a_bulleted_list_keeps_its_list(merged):
    for name in ("gach-dau-dong", "tat-ca"):
        files = parts(merged["drafts"][name])
        numbering = tree(files["word/numbering.xml"])
        document = tree(files["word/document.xml"])
        listed = [p for p in document.iter(f"{{{W}}}p") if p.find(f"{{{W}}}pPr/{{{W}}}numPr") is not None]
        assert [wordlike.text(p)[:18] for p in listed] == ["- Quán triệt đầy đ", "- Xác định cụ thể "]
        for p in listed:
            num_id = p.find(f".//{{{W}}}numId").get(f"{{{W}}}val")
            (num,) = [n for n in numbering.iter(f"{{{W}}}num") if n.get(f"{{{W}}}numId") == num_id]
            abstract_id = num.find(f"{{{W}}}abstractNumId").get(f"{{{W}}}val")
            (abstract,) = [a for a in numbering.iter(f"{{{W}}}abstractNum")
                           if a.get(f"{{{W}}}abstractNumId") == abstract_id]
            level = abstract.find(f"{{{W}}}lvl")
            assert level.find(f"{{{W}}}numFmt").get(f"{{{W}}}val") == "bullet"
            assert level.find(f".//{{{W}}}ind").get(f"{{{W}}}left") == "720"
        reopened = tree(parts(merged["lo"][name])["word/document.xml"])
        assert len([p for p in reopened.iter(f"{{{W}}}p") if p.find(f".//{{{W}}}numPr") is not None]) == 2


def test_a_footer_and_a_margin_are_kept(merged):
    for name in ("chan-trang", "tat-ca"):
        doc = Document(str(merged["drafts"][name]))
        assert doc.sections[0].footer.paragraphs[0].text == FOOTER
        assert FOOTER in lo_texts(merged["pdf"][name])
    for name in ("le-trang", "tat-ca"):
        section = Document(str(merged["drafts"][name])).sections[0]
        assert section.left_margin.twips == 1985 and section.right_margin.twips == 850
        reopened = Document(str(merged["lo"][name])).sections[0]
        assert abs(reopened.left_margin.twips - 1985) <= 2
    for name in ("hinh", "lo-luu-lai"):  # untouched elsewhere: the new draft's page setup
        assert Document(str(merged["drafts"][name])).sections[0].left_margin.twips == 1701


def test_a_style_change_is_kept(merged):
    for name in ("kieu-normal", "tat-ca"):
        styles = Document(str(merged["drafts"][name])).styles
        assert styles["Normal"].font.size.pt == 13.5
        assert "giữ" in merged["report"][name].detail and "kiểu «Normal»" in merged["report"][name].detail


def test_a_link_and_a_bookmark_are_kept(merged):
    for name in ("lien-ket", "tat-ca"):
        doc = Document(str(merged["drafts"][name]))
        (link,) = doc.element.body.iter(f"{{{W}}}hyperlink")
        rid = link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        assert doc.part.rels[rid].target_ref == URL and wordlike.text(link) == "kết quả"
        assert [b.get(f"{{{W}}}name") for b in doc.element.body.iter(f"{{{W}}}bookmarkStart")] == ["BaoCao"]
        assert "Hyperlink" in [s.style_id for s in doc.styles]


def test_the_report_says_what_came_along(merged):
    detail = merged["report"]["tat-ca"].detail
    assert detail.startswith("giữ "), detail
    lines = detail.splitlines()
    assert any(line.startswith("- mang theo: ") and "1 ghi chú (comment)" in line and "1 chú thích cuối trang" in line
               and "1 hình ảnh" in line and "1 danh sách (gạch đầu dòng, đánh số)" in line for line in lines), lines
    assert any(line.startswith("- giữ: ") and "lề trái" in line and "chân trang" in line for line in lines), lines
