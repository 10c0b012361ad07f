"""The pages a reader sees (issue 13): every example and every long-named body, through LibreOffice in ONE run.

On the PDF page (Liberation Serif 2, Times New Roman's metrics): each line of the header is one line, or broken where
the layout chose at a word-group boundary; the number line is level with the date line; no page holds only Nơi nhận
and the signature; the rules are as long as NĐ 30 Phụ lục I and HD 36 say.
"""

from __future__ import annotations

import pytest

from kehoach.docx.names import break_points
from kehoach.kiemtra import check_path

from .conftest import Parts
from .loose import signature_alone
from .pdfpage import MM, find, lines, one_line, rules, width, words
from .tools import convert, require

LEVEL = 1.0 * MM  # number and date baselines this close are level
LENGTH = 0.5 * MM  # format-rules.md §8


@pytest.fixture(scope="module")
def pages(generated, long_named, tmp_path_factory):
    """name → (Parts, the words of each page, the PDF); all converted in one LibreOffice run."""
    require("soffice", "pdftotext", "pdftocairo")
    drafts = {**{f"vi-du/{k}": v for k, v in generated.items()}, **{f"ten-dai/{k}": v for k, v in long_named.items()}}
    out = tmp_path_factory.mktemp("trang")
    sources = []
    for name, parts in drafts.items():
        copy_to = out / "docx" / f"{name.replace('/', '--')}.docx"
        copy_to.parent.mkdir(exist_ok=True)
        copy_to.write_bytes(parts.path.read_bytes())
        sources.append(copy_to)
    # An example made to end where the signature no longer fits after it, without the layout's keep-with-next.
    loose = signature_alone(generated["gia-lai-2-ban-tgdv"].path, out / "docx" / "khong-giu.docx")
    pdfs = convert([*sources, loose], "pdf", out / "pdf")
    found = {name: (parts, words(pdf), pdf) for (name, parts), pdf in zip(drafts.items(), pdfs[:-1], strict=True)}
    found["khong-giu"] = (Parts(loose), words(pdfs[-1]), pdfs[-1])
    return found


def names(pages_):
    return sorted(n for n in pages_ if n != "khong-giu")


def _header_lines(parts: Parts) -> list[str]:
    """Every line of the header that must be one line: all of row 1, and the number and the date (not the V/v)."""
    table = parts.doc.tables[0]
    texts = []
    for row_no, row in enumerate(table.rows):
        for cell in row.cells:
            filled = [p.text for p in cell.paragraphs if p.text.strip()]
            texts += filled if row_no == 0 else filled[:1]
    return texts


def test_every_header_line_is_one_line_on_the_page(pages):
    for name in names(pages):
        parts, page_words, _pdf = pages[name]
        for text in _header_lines(parts):
            found = find(page_words[0], text)
            assert found is not None, (name, text)
            assert one_line(found), f"{name}: “{text}” wraps on the page"


def test_names_are_broken_only_between_word_groups(pages):
    broken = 0
    for name in names(pages):
        parts = pages[name][0]
        left = [p for p in parts.doc.tables[0].rows[0].cells[0].paragraphs if p.text.strip() and p.text.isupper()]
        for first, second in zip(left, left[1:], strict=False):
            if first.runs[0].bold != second.runs[0].bold:
                continue  # the parent body's line and the issuer's: two names
            joined = f"{first.text} {second.text}"
            profile_lines = _profile_lines(name)
            if (first.text, second.text) in profile_lines:
                continue  # the profile wrote them as two lines (ten_co_quan: [Ủy ban nhân dân, xã …])
            broken += 1
            assert len(first.text.split()) in break_points(joined), f"{name}: “{first.text} / {second.text}”"
    assert broken >= 5  # the long names are there, and were broken


def _profile_lines(name: str) -> set[tuple[str, str]]:
    return {("ỦY BAN NHÂN DÂN", "XÃ LONG THUẬN ĐÔNG"), ("ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"),
            ("TỈNH ỦY BÌNH ĐỊNH", "BAN TUYÊN GIÁO"), ("TỈNH ỦY GIA LAI", "BAN TUYÊN GIÁO VÀ DÂN VẬN")}


def test_the_number_line_is_level_with_the_date_line(pages):
    for name in names(pages):
        parts, page_words, _pdf = pages[name]
        number = next(p.text for p in parts.left if p.text.startswith("Số"))
        date = next(p.text for p in parts.right if ", ngày" in p.text)
        a, b = find(page_words[0], number), find(page_words[0], date)
        assert a and b, name
        assert abs(a[0].baseline - b[0].baseline) <= LEVEL, f"{name}: {a[0].baseline:.1f} / {b[0].baseline:.1f}"


def _body_above_signature(page_words) -> bool:
    """Whether the page with "Nơi nhận:" shows any body text above it (the page number aside)."""
    for page in page_words:
        label = find(page, "Nơi nhận:")
        if label is not None:
            top = label[0].y0
            return any(20 * MM <= w.y0 and w.y1 < top - 1 for w in page)
    raise AssertionError("không thấy “Nơi nhận:”")


def test_no_page_holds_only_the_signature_block(pages):
    for name in names(pages):
        assert _body_above_signature(pages[name][1]), name


def test_without_keep_with_next_the_signature_stands_alone_and_kiemtra_says_so(pages, generated):
    """The check is not empty: the same draft without the layout's keep-with-next shows the fault the issue saw."""
    parts, page_words, _pdf = pages["khong-giu"]
    assert not _body_above_signature(page_words)
    assert "TB-04" in check_path(parts.path).rule_ids()
    assert "TB-04" not in check_path(generated["gia-lai-2-ban-tgdv"].path).rule_ids()


def test_rule_lengths_follow_the_rule_books(pages):
    for name in names(pages):
        parts, page_words, pdf = pages[name]
        drawn = rules(pdf)
        # One title line (ĐẢNG CỘNG SẢN VIỆT NAM, or a mass organisation's: ĐOÀN TNCS HỒ CHÍ MINH) or the Quốc hiệu.
        heading = [p.text for p in parts.right if p.text.strip()][0]
        party = not any(p.text == "Độc lập - Tự do - Hạnh phúc" for p in parts.right)
        first = page_words[0]
        if party:
            title = find(first, heading)
            rule = _rule_below(drawn, title)
            assert abs(rule.length - width(title)) <= LENGTH, name  # HD 36, 1.1.2: as long as the title
            continue
        motto = find(first, "Độc lập - Tự do - Hạnh phúc")
        assert abs(_rule_below(drawn, motto).length - width(motto)) <= LENGTH, name  # as long as the Tiêu ngữ
        issuer = [p.text for p in parts.doc.tables[0].rows[0].cells[0].paragraphs if p.runs and p.runs[0].bold]
        found = [find(first, text) for text in issuer]
        longest = max(width(f) for f in found if f)
        _in_third_to_half(_rule_below(drawn, found[-1]).length, longest, name)
        title_at = next((i for i, w in enumerate(first) if w.text in ("KẾ", "HƯỚNG") and w.y0 > found[-1][0].y1), None)
        if title_at is None:
            continue  # a Công văn: no title, no trích yếu rule
        rule = next(r for r in drawn if r.y > first[title_at].y1)
        subject = [w for w in first[title_at:] if first[title_at].y1 < w.y1 < rule.y]
        _in_third_to_half(rule.length, max(width(line) for line in lines(subject)), name)


def _rule_below(drawn, found):
    centre = (found[0].x0 + found[-1].x1) / 2
    below = [r for r in drawn if r.y > found[0].y1 - 2 and r.x0 <= centre <= r.x1]
    assert below, "không có đường kẻ"
    return min(below, key=lambda r: r.y)


def _in_third_to_half(length: float, line: float, name: str) -> None:
    assert line / 3 - LENGTH <= length <= line / 2 + LENGTH, f"{name}: {length / MM:.1f} mm / {line / MM:.1f} mm"


def test_kiemtra_sees_the_same_pages(pages):
    """kiemtra measures the .docx as the page shows it: no layout finding on any of these drafts."""
    for name in names(pages):
        report = check_path(pages[name][0].path)
        assert report.errors == [], (name, report.errors)
        assert not {r for r in report.rule_ids() if r.startswith("TB-")}, (name, report.findings)


