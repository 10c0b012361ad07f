"""Issued documents (trial 1 §10, §7, §6): an issue date before the parent's is refused; an issued draft is never
rewritten by a build; children implement what the parent issued, hand edits included."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.text.paragraph import Paragraph

from kehoach.cli import main

from .conftest import ROOT
from .examples import copy_examples


def _workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    copy_examples(ws)
    return ws


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


# -- §10: an issue date earlier than the parent's ---------------------------------------------------------------

def test_an_issue_date_before_the_parents_is_refused_with_both_dates(tmp_path):
    ws = _workspace(tmp_path)
    plan = ws / "ke-hoach" / "hd-ldld.yaml"
    plan.write_text("co_quan: gia-lai/ldld-gia-lai\nloai: huong_dan\nthuc_hien: [349-kh-tld]\n", encoding="utf-8")
    result = _run("ban-hanh", str(plan), "--so", "5", "--ngay", "01/01/2020")
    assert result.exit_code == 2
    assert result.output == (
        f"Lỗi: {plan}, dòng 3, mục thứ 1 của 'thuc_hien': ngày ban hành 01/01/2020 (--ngay) sớm hơn ngày của văn bản "
        "cấp trên Kế hoạch số 349/KH-TLĐ (15/8/2023): văn bản thực hiện không ban hành trước văn bản nó thực hiện; "
        "hãy xem lại ngày (nhất là năm), hoặc thêm --truoc-cap-tren nếu đúng là như vậy\n")
    assert "so:" not in plan.read_text(encoding="utf-8")  # nothing written
    # The same day as the parent, or later, is right; an earlier date confirmed by the option is written.
    assert _run("ban-hanh", str(plan), "--so", "5", "--ngay", "15/8/2023").exit_code == 0
    confirmed = _run("ban-hanh", str(plan), "--so", "5", "--ngay", "01/01/2020", "--truoc-cap-tren")
    assert confirmed.exit_code == 0, confirmed.output
    assert "ngay: 01/01/2020" in plan.read_text(encoding="utf-8")


def test_a_child_issued_before_its_issued_parent_plan_is_refused(tmp_path):
    ws = _workspace(tmp_path)
    parent, child = ws / "ke-hoach" / "gia-lai-3-ldld.yaml", ws / "ke-hoach" / "gia-lai-4-cong-doan-xa.yaml"
    assert _run("ban-hanh", str(parent), "--so", "88", "--ngay", "30/11/2026").exit_code == 0
    result = _run("ban-hanh", str(child), "--so", "3", "--ngay", "15/11/2026")
    assert result.exit_code == 2
    assert result.output == (
        f"Lỗi: {child}, dòng 6, mục thứ 1 của 'thuc_hien': ngày ban hành 15/11/2026 (--ngay) sớm hơn ngày của văn bản "
        "cấp trên Kế hoạch số 88/KH-LĐLĐ (30/11/2026): văn bản thực hiện không ban hành trước văn bản nó thực hiện; "
        "hãy xem lại ngày (nhất là năm), hoặc thêm --truoc-cap-tren nếu đúng là như vậy\n")
    assert "so:" not in child.read_text(encoding="utf-8")


@pytest.mark.parametrize(("when", "refused"), [("31/10/2026", True), ("01/11/2026", False), ("15/11/2026", False)])
def test_a_parent_dated_by_month_only_refuses_only_dates_surely_before_it(tmp_path, when, refused):
    ws = _workspace(tmp_path)  # gia-lai-2 is dated "tháng 11 năm 2026", not yet issued
    plan = ws / "ke-hoach" / "gia-lai-3-ldld.yaml"
    result = _run("ban-hanh", str(plan), "--so", "88", "--ngay", when)
    assert (result.exit_code, "(11/2026)" in result.output) == ((2, True) if refused else (0, False))


def test_a_quick_draft_issued_before_its_parent_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    made = _run("tao", "--ho-so", "gia-lai/tinh-uy-gia-lai", "--loai", "ke_hoach",
                "--van-ban", str(ROOT / "examples" / "van-ban" / "21-ct-tw.yaml"), "--ra", "kh.docx")
    assert made.exit_code == 0, made.output
    result = _run("ban-hanh", "kh.docx", "--so", "7", "--ngay", "3/5/2023")
    assert result.exit_code == 2
    assert result.output == (
        "Lỗi: kh.docx: ngày ban hành 03/5/2023 (--ngay) sớm hơn ngày của văn bản cấp trên Chỉ thị số 21-CT/TW "
        "(04/5/2023): văn bản thực hiện không ban hành trước văn bản nó thực hiện; hãy xem lại ngày (nhất là năm), "
        "hoặc thêm --truoc-cap-tren nếu đúng là như vậy\n")
    assert _run("ban-hanh", "kh.docx", "--so", "7", "--ngay", "4/5/2023").exit_code == 0


# -- §7: an issued draft is never rewritten by a build ----------------------------------------------------------

EDITED_TASK = "1. Tổ chức hội nghị quán triệt Chỉ thị số 21-CT/TW đến 100% cán bộ công đoàn chủ chốt."


def _hand_edit(docx: Path, old: str, new: str) -> None:
    doc = Document(str(docx))
    para = next(p for p in doc.paragraphs if p.text.startswith(old))
    for run in para.runs[1:]:
        run.text = ""
    para.runs[0].text = new
    doc.save(str(docx))


def _redate_349(ws: Path) -> None:
    parent = ws / "van-ban" / "349-kh-tld.yaml"
    text = parent.read_text(encoding="utf-8")
    assert "ngay: 15/8/2023" in text
    parent.write_text(text.replace("ngay: 15/8/2023", "ngay: 20/8/2023"), encoding="utf-8")


def test_a_build_never_rewrites_an_issued_draft_and_says_why(tmp_path):
    ws = _workspace(tmp_path)
    assert _run("xay-dung", str(ws)).exit_code == 0
    draft = ws / "ban-thao" / "000-ldld-lai-chau.docx"  # issued: so: 470, ngay: 23/8/2023; implements 349/KH-TLĐ
    _hand_edit(draft, "Các cấp Công đoàn trên địa bàn tỉnh tổ chức", "Phân công rõ trách nhiệm (SỬA TAY CỦA VĂN THƯ).")
    issued = draft.read_bytes()
    _redate_349(ws)
    result = _run("xay-dung", str(ws), "--tat-ca")
    assert result.exit_code == 3, result.output  # README: 3, a person decides whether to issue a correction
    plan = ws / "ke-hoach" / "000-ldld-lai-chau.yaml"
    assert (f"đã ban hành  {draft}: đã ban hành, không sinh lại; văn bản cấp trên đã đổi: 349-kh-tld.yaml (đã thay "
            f"đổi). Cần văn bản đính chính thì soạn lại bằng: kehoach tao {plan} --soan-lai-ban-hanh") in result.output
    assert draft.read_bytes() == issued
    # The status column holds 'đã ban hành' (one wider than the others): every listed path starts at one column.
    listed = [x for x in result.output.splitlines() if "  " + str(ws) in x]
    assert len(listed) >= 2 and len({x.index(str(ws)) for x in listed}) == 1, result.output
    # Said once: the record remembers it (later builds find the draft up to date); cay and tao say it from there.
    again = _run("xay-dung", str(ws))
    assert again.exit_code == 0 and again.output.endswith("Xong: 14 không đổi\n")
    assert draft.read_bytes() == issued
    line = next(x for x in _run("cay", str(ws)).output.splitlines() if "000-ldld-lai-chau.yaml" in x)
    assert line.endswith("[đã ban hành · bản thảo mới nhất · không sinh lại, đầu vào đã đổi sau khi ban hành: văn bản "
                         "cấp trên đã đổi: 349-kh-tld.yaml (đã thay đổi) · có sửa tay]")
    kept = _run("tao", str(plan), "--thu-muc", str(ws / "ban-thao"))
    assert kept.exit_code == 0 and kept.output == (
        f"Chưa soạn lại: {draft}: đã ban hành, không sinh lại (đầu vào đã đổi sau khi ban hành: văn bản cấp trên đã "
        "đổi: 349-kh-tld.yaml (đã thay đổi))\n")
    assert draft.read_bytes() == issued
    # Only the explicit option redoes it: the hand edit kept, the new date cited; the note is gone.
    redone = _run("tao", str(plan), "--thu-muc", str(ws / "ban-thao"), "--soan-lai-ban-hanh")
    assert redone.exit_code == 0, redone.output
    text = "\n".join(p.text for p in Document(str(draft)).paragraphs)
    assert "Phân công rõ trách nhiệm (SỬA TAY CỦA VĂN THƯ)." in text and "349/KH-TLĐ, ngày 20/8/2023" in text
    assert _run("xay-dung", str(ws)).output.endswith("Xong: 14 không đổi\n")
    assert "sau khi ban hành" not in _run("cay", str(ws)).output


def test_a_draft_issued_after_its_hand_edits_gets_its_number_then_stays(tmp_path):
    ws = _workspace(tmp_path)
    assert _run("xay-dung", str(ws)).exit_code == 0
    plan, draft = ws / "ke-hoach" / "gia-lai-3-ldld.yaml", ws / "ban-thao" / "gia-lai-3-ldld.docx"
    _hand_edit(draft, "1. Tổ chức quán triệt", EDITED_TASK)
    assert _run("ban-hanh", str(plan), "--so", "88", "--ngay", "30/11/2026").exit_code == 0
    numbered = _run("xay-dung", str(ws))  # not yet issued as drafted: the number and date go in, edits kept
    assert numbered.exit_code == 0 and f"hợp nhất  {draft}: giữ 1 chỗ sửa tay" in numbered.output
    issued = draft.read_bytes()
    text = "\n".join(p.text for c in Document(str(draft)).tables[0]._cells for p in c.paragraphs)
    assert "Số: 88/KH-LĐLĐ" in text
    (ws / "van-ban" / "21-ct-tw.yaml").write_text(
        (ws / "van-ban" / "21-ct-tw.yaml").read_text(encoding="utf-8").replace("ngay: 04/5/2023", "ngay: 05/5/2023"),
        encoding="utf-8")
    result = _run("xay-dung", str(ws))
    assert result.exit_code == 3
    assert (f"đã ban hành  {draft}: đã ban hành, không sinh lại; văn bản cấp trên đã đổi: 21-ct-tw.yaml (đã thay "
            f"đổi). Cần văn bản đính chính thì soạn lại bằng: kehoach tao {plan} --soan-lai-ban-hanh") in result.output
    assert draft.read_bytes() == issued


# -- §6: children implement what the parent issued, hand edits included -----------------------------------------

def _section_ii(docx: Path) -> list[str]:
    texts = [p.text for p in Document(str(docx)).paragraphs if p.text.strip()]
    start = texts.index("II. NHIỆM VỤ VÀ GIẢI PHÁP")
    end = next(i for i, t in enumerate(texts) if t.startswith("III. "))
    return texts[start + 1:end]


def _rewrite(docx: Path, changes: dict[str, str | None], after: tuple[str, str] | None = None) -> None:
    """Paragraphs starting with a key get its text (None: deleted); `after`: (start, text) adds a paragraph."""
    doc = Document(str(docx))
    for para in list(doc.paragraphs):
        for start, text in changes.items():
            if para.text.startswith(start):
                if text is None:
                    para._p.getparent().remove(para._p)
                else:
                    for run in para.runs[1:]:
                        run.text = ""
                    para.runs[0].text = text
    if after is not None:
        anchor = next(p for p in doc.paragraphs if p.text.startswith(after[0]))
        extra = copy.deepcopy(anchor._p)
        anchor._p.addnext(extra)
        Paragraph(extra, anchor._parent).runs[0].text = after[1]
        for run in Paragraph(extra, anchor._parent).runs[1:]:
            run.text = ""
    doc.save(str(docx))


def test_children_receive_the_tasks_of_the_issued_draft_as_edited(tmp_path):
    ws = _workspace(tmp_path)
    assert _run("xay-dung", str(ws)).exit_code == 0
    parent, child = ws / "ban-thao" / "gia-lai-3-ldld.docx", ws / "ban-thao" / "gia-lai-4-cong-doan-xa.docx"
    _hand_edit(parent, "1. Tổ chức quán triệt", EDITED_TASK)  # trial 1 §6: task II.1 changed in Word …
    assert _run("ban-hanh", str(ws / "ke-hoach" / "gia-lai-3-ldld.yaml"), "--so", "88", "--ngay", "30/11/2026"
                ).exit_code == 0  # … then issued
    built = _run("xay-dung", str(ws))
    assert built.exit_code == 0 and f"soạn lại  {child}" in built.output
    assert _section_ii(child) == [
        EDITED_TASK,
        "2. Vận động đoàn viên, người lao động trên địa bàn xã tham gia học nghề, học tập nâng cao trình độ, kỹ năng "
        "nghề; biểu dương người lao động có tay nghề cao.",
        "3. Thường xuyên kiểm tra, giám sát việc thực hiện; định kỳ sơ kết, tổng kết."]
    # Edited again after issuing: a task reworded (its audience stays the child's own), one deleted, one added.
    _rewrite(parent, {"2. Vận động": "2. Vận động đoàn viên, người lao động và cán bộ công đoàn các cấp tham gia học "
                                    "nghề tại các cơ sở giáo dục nghề nghiệp của tỉnh.",
                      "3. Thường xuyên kiểm tra": None},
             after=("2. Vận động", "3. Tổ chức hội thi tay nghề cho đoàn viên, người lao động và cán bộ công đoàn "
                                   "các cấp."))
    again = _run("xay-dung", str(ws))
    assert again.exit_code == 0 and again.output.endswith("Xong: 13 không đổi, 1 soạn lại\n"), again.output
    assert _section_ii(child) == [
        EDITED_TASK,
        "2. Vận động đoàn viên, người lao động trên địa bàn xã tham gia học nghề tại các cơ sở giáo dục nghề nghiệp của "
        "tỉnh.",
        "3. Tổ chức hội thi tay nghề cho đoàn viên, người lao động trên địa bàn xã."]

