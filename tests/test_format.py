"""The form rules of format-rules.md §8, checked on one generated example per system."""

from __future__ import annotations

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

SYSTEM_OF = {"000": "cong_doan", "001": "dang", "002": "dang", "004": "cong_doan"}
ALL = sorted(SYSTEM_OF)


def size(p) -> float:
    return p.runs[0].font.size.pt


def has_bottom_border(p) -> bool:
    ppr = p._p.pPr
    return ppr is not None and ppr.find(qn("w:pBdr")) is not None and ppr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None


def rule_after(paragraphs, p) -> bool:
    """A rule under p: an empty paragraph with a bottom border right after it (its length is the layout's)."""
    following = paragraphs[[x._p for x in paragraphs].index(p._p) + 1]
    return not following.text and has_bottom_border(following)


@pytest.mark.parametrize("seed", ALL)
def test_page_is_a4_with_standard_margins(generated, seed):
    section = generated[seed].doc.sections[0]
    # Twips round-trip: allow the ±0.5 mm of format-rules.md §8.
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    margins = [round(m / Mm(1)) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                           section.right_margin)]
    assert margins == [20, 20, 30, 15]


@pytest.mark.parametrize("seed", ALL)
def test_every_run_is_times_new_roman(generated, seed):
    doc = generated[seed].doc
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for c in t._cells for p in c.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        fonts = run._r.rPr.find(qn("w:rFonts"))
        assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {"Times New Roman"}


@pytest.mark.parametrize("seed", ALL)
def test_page_numbers_from_page_two(generated, seed):
    section = generated[seed].doc.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert not section.first_page_header.paragraphs or not section.first_page_header.paragraphs[0].text


@pytest.mark.parametrize("seed", ALL)
def test_national_header(generated, seed):
    parts = generated[seed]
    right = [p for p in parts.right if p.text.strip()]
    if SYSTEM_OF[seed] == "dang":
        title = right[0]
        assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and title.runs[0].bold and size(title) == 15
        assert rule_after(parts.right, title)
        assert "CỘNG HÒA" not in "\n".join(parts.body_texts())
    else:
        nation, motto = right[0], right[1]
        assert nation.runs[0].bold and 12 <= size(nation) <= 13
        assert motto.text == "Độc lập - Tự do - Hạnh phúc" and motto.runs[0].bold and size(motto) == size(nation) + 1
        assert rule_after(parts.right, motto)


@pytest.mark.parametrize("seed", ALL)
def test_issuer_block(generated, seed):
    parts = generated[seed]
    party = SYSTEM_OF[seed] == "dang"
    lines = [p for p in parts.left if p.text.strip()]
    parent, issuer = lines[0], lines[1]
    assert parent.text.isupper() and not parent.runs[0].bold
    assert issuer.text.isupper() and issuer.runs[0].bold
    expected_size = (14,) if party else (12, 13)
    assert size(parent) in expected_size and size(issuer) in expected_size
    after_issuer = parts.left[[p.text for p in parts.left].index(issuer.text) + 1]
    if party:
        assert after_issuer.text == "*" and not has_bottom_border(after_issuer)
    else:
        assert after_issuer.text == "" and has_bottom_border(after_issuer)


@pytest.mark.parametrize("seed", ALL)
def test_number_line(generated, seed):
    parts = generated[seed]
    line = next(p for p in parts.left if p.text.startswith("Số"))
    party = SYSTEM_OF[seed] == "dang"
    assert line.text.startswith("Số " if party else "Số: ")
    assert not line.runs[0].bold and not line.runs[0].italic
    assert size(line) == (14 if party else 13)


@pytest.mark.parametrize("seed", ALL)
def test_date_line_italic(generated, seed):
    parts = generated[seed]
    line = next(p for p in parts.right if ", ngày " in p.text)
    assert line.runs[0].italic and not line.runs[0].bold
    assert size(line) == 14


@pytest.mark.parametrize("seed", ALL)
def test_type_title_and_subject(generated, seed):
    parts = generated[seed]
    party = SYSTEM_OF[seed] == "dang"
    title = parts.body[0]
    subject = parts.body[1]
    assert title.text.isupper() and title.runs[0].bold and title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert size(title) in ((15, 16) if party else (13, 14))
    assert subject.runs[0].bold and not subject.text.isupper() and subject.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert size(subject) in ((14, 15) if party else (13, 14))
    if party:
        assert subject.text[0].islower() and parts.body[2].text == "-----"
    else:
        assert has_bottom_border(parts.body[2])


@pytest.mark.parametrize("seed", ALL)
def test_body_paragraphs(generated, seed):
    parts = generated[seed]
    body = [p for p in parts.body[3:] if p.text.strip()]
    assert body
    for p in body:
        fmt = p.paragraph_format
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert fmt.space_after.pt >= 6
        assert Mm(10) <= fmt.first_line_indent <= Mm(12.7)
        assert size(p) == 14


@pytest.mark.parametrize("seed", ALL)
def test_signature_block_format(generated, seed):
    parts = generated[seed]
    party = SYSTEM_OF[seed] == "dang"
    lines = [p for p in parts.sig_right if p.text.strip()]
    authority, title = lines[0], lines[1]
    assert authority.runs[0].bold and authority.text.isupper()
    assert title.text.isupper() and bool(title.runs[0].bold) is (not party)
    if len(lines) > 2:
        name = lines[2]
        assert name.runs[0].bold and not name.text.isupper()
    blank = [p for p in parts.sig_right if not p.text.strip()]
    assert len(blank) >= 3  # room for the signature and seal
    for p in lines:
        assert size(p) == 14 and p.alignment == WD_ALIGN_PARAGRAPH.CENTER


@pytest.mark.parametrize("seed", ALL)
def test_recipients_format(generated, seed):
    parts = generated[seed]
    party = SYSTEM_OF[seed] == "dang"
    label, *items = [p for p in parts.sig_left if p.text.strip()]
    assert label.text == "Nơi nhận:"
    run = label.runs[0]
    if party:
        assert run.underline and not run.bold and not run.italic and size(label) == 14
    else:
        assert run.bold and run.italic and size(label) == 12
    sep = "," if party else ";"
    for item in items[:-1]:
        assert item.text.startswith("- ") and item.text.endswith(sep)
        assert size(item) == (12 if party else 11)
    assert items[-1].text.startswith("- Lưu " if party else "- Lưu: VT") and items[-1].text.endswith(".")


def test_a_deputy_of_a_collegial_body_signs_under_two_authority_lines(tmp_path):
    """NĐ 30: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": two bold lines, one paragraph, a line break."""
    from pathlib import Path

    from docx import Document

    from kehoach.workspace.drafts import generate_quick

    directive = Path(__file__).resolve().parents[1] / "examples" / "van-ban" / "21-ct-tw.yaml"
    result = generate_quick("gia-lai/ubnd-tinh-gia-lai", (str(directive),), "ke_hoach", signer="pho-chu-tich",
                            output=tmp_path / "ub.docx")
    cell = Document(str(result.output)).tables[-1].rows[0].cells[1]
    first = next(p for p in cell.paragraphs if p.text.strip())
    assert first.text == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    assert all(r.bold for r in first.runs if r.text.strip())
    assert [p.text for p in cell.paragraphs if p.text.strip()][1] == "PHÓ CHỦ TỊCH"
