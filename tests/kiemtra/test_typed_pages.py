"""TB-04 on a hand-typed document (trial 1, defect 15): lines split by Shift+Enter share one paragraph's spacing.

The trial's `tu-go.docx` was typed the way offices type: the header in a 2-column table whose lines are split by
Shift+Enter, Word's default paper (Letter) and spacing (10 pt after each paragraph), about 15 lines of body, and a
Nơi nhận/signature table split the same way. LibreOffice shows it on ONE page, yet kiemtra warned “TB-04 Trang chỉ
có chữ ký”: the estimate counted the 10 pt after the paragraph once per LINE of a Shift+Enter paragraph.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from kehoach.docx.reader import read_path
from kehoach.kiemtra import check_path
from kehoach.kiemtra.pages import last_page
from tests.pdfpage import find, words
from tests.tools import convert, require

# (text, bold, italic, line breaks after it): one Word paragraph, its lines split by Shift+Enter.
LEFT = [("UBND TỈNH GIA LAI", 0, 0, 1), ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", 1, 0, 1), ("Số: 5/KH-SGDĐT", 0, 0, 0)]
RIGHT = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1, 0, 1), ("Độc lập – Tự do – Hạnh phúc", 1, 0, 2),
         ("Gia Lai, ngày 5 tháng 03 năm 2026", 0, 1, 0)]
TITLE = [("KẾ HOẠCH", 1, 0, 1),
         ("Thực hiện Kế hoạch số 125/KH-UBND ngày 28/11/2026 của UBND tỉnh về giáo dục nghề nghiệp", 1, 0, 0)]
BODY = [
    "Thực hiện Chỉ thị số 21-CT/TW ngày 4/5/2023 của Ban Bí thư về tiếp tục đổi mới, phát triển và nâng cao chất "
    "lượng giáo dục nghề nghiệp đến năm 2030, tầm nhìn đến năm 2045; Kế hoạch số 125/KH-UBND ngày 28/11/2026 của Ủy "
    "ban nhân dân tỉnh, Sở Giáo dục và Đào tạo xây dựng kế hoạch như sau:",
    "I.MỤC ĐÍCH, YÊU CẦU:",
    "- Tuyên tuyền sâu rộng  Chỉ thị 21-CT/TW đến cán bộ, giáo viên.",
    "III. NHIỆM VỤ",
    "1. Các phòng chuyên môn quán triêt Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư.",
    "IV. TỔ CHỨC THỰC HIỆN",
    "Các đơn vị báo cáo về Sở trước ngày 15/12/2026.",
]
NOI_NHAN = [("Nơi nhận:", 1, 1, 1), ("- UBND tỉnh (b/c);", 0, 0, 1), ("- Các phòng thuộc Sở;", 0, 0, 1),
            ("- Lưu VT, VP.", 0, 0, 0)]
SIGNATURE = [("KT. GIÁM ĐỐC", 1, 0, 1), ("PHÓ GIÁM ĐỐC", 1, 0, 4), ("TS. Nguyễn Văn Bình", 1, 0, 0)]


def _lines(par, parts, split: bool, add) -> None:
    """Write `parts` from `par` on: split by Shift+Enter, or (split=False) each line its own paragraph (`add()` makes
    the next) with no space between them and the 10 pt after only below the last: the same lines typed with Enter."""
    lines = [(text, bold, italic) for text, bold, italic, breaks in parts for text in [text, *[""] * (breaks - 1)]]
    for i, (text, bold, italic) in enumerate(lines):
        if i and not split:
            par.paragraph_format.space_after = Pt(0)
            alignment, par = par.alignment, add()
            par.alignment = alignment
        run = par.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if split and i < len(lines) - 1:
            run.add_break()


def typed(path: Path, a4: bool = False, split: bool = True) -> Path:
    """The trial's hand-typed Kế hoạch: python-docx's default document (Letter, 10 pt after every paragraph, line
    spacing 1.15) with its Normal style set to Times New Roman 14, as in the trial's file."""
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)
    if a4:
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
    for left, right in ((LEFT, RIGHT), (NOI_NHAN, SIGNATURE)):
        if left is NOI_NHAN:
            for text in BODY:
                doc.add_paragraph(text)
        cells = doc.add_table(rows=1, cols=2).rows[0].cells
        for cell, parts in ((cells[0], left), (cells[1], right)):
            par = cell.paragraphs[0]
            if parts is not NOI_NHAN:
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _lines(par, parts, split, cell.add_paragraph)
        if left is LEFT:
            title = doc.add_paragraph()
            title.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _lines(title, TITLE, split, doc.add_paragraph)
    doc.save(str(path))
    return path


def test_the_trials_one_page_document_has_no_tb04(tmp_path):
    """The exact case: Letter gave TB-04, A4 did not; neither may."""
    for a4 in (False, True):
        assert "TB-04" not in check_path(typed(tmp_path / f"tu-go-{a4}.docx", a4)).rule_ids(), a4


def test_shift_enter_lines_measure_as_the_same_lines_typed_with_enter(tmp_path):
    """The whole kind: a paragraph's space before/after is counted once per paragraph, not once per Shift+Enter line,
    in the body and in table cells alike."""
    for a4 in (False, True):
        split = last_page(read_path(typed(tmp_path / f"shift-{a4}.docx", a4)))
        enter = last_page(read_path(typed(tmp_path / f"enter-{a4}.docx", a4, split=False)))
        assert split is not None and enter is not None
        assert split == enter


def test_libreoffice_shows_the_trials_document_on_one_page(tmp_path):
    """The premise, on the page: LibreOffice lays both papers out on one page, Nơi nhận under the body."""
    require("soffice", "pdftotext")
    sources = [typed(tmp_path / "tu-go-letter.docx"), typed(tmp_path / "tu-go-a4.docx", a4=True)]
    for source, pdf in zip(sources, convert(sources, "pdf", tmp_path / "pdf"), strict=True):
        pages = words(pdf)
        assert len(pages) == 1 and find(pages[0], "Nơi nhận:") is not None, source.name
        assert "TB-04" not in check_path(source).rule_ids(), source.name
