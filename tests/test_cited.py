"""One grammar for citations: what drafting/citations.py writes, drafting/cited.py reads back, field for field."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.drafting import citations, opening
from kehoach.drafting.cited import agrees, read_all, written
from kehoach.drafting.trich_yeu import read_subject
from kehoach.inputs.documents import Library
from kehoach.inputs.models import Cite, Opening
from kehoach.text.symbols import parse_symbol
from kehoach.text.vntext import PartialDate, parse_date

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "van-ban"
DIRECTIVE = ("về tiếp tục đổi mới, phát triển và nâng cao chất lượng giáo dục nghề nghiệp đến năm 2030, tầm nhìn đến "
             "năm 2045")


def _links(text: str) -> list[list[tuple]]:
    return [[(c.type_name, c.symbol, c.date, c.issuer, c.connector, c.subject) for c in top.chain()]
            for top in read_all(text)]


@pytest.mark.parametrize("key", sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
@pytest.mark.parametrize("comma", [True, False])
def test_what_the_writer_writes_the_reader_reads(key, comma):
    """Every document file of the examples, cited in full by the writer, is read back with its whole chain."""
    library = Library()
    doc = library.resolve(key, EXAMPLES)
    text = citations.full(doc, library.docs.get, comma)
    source = f"Thực hiện {text} (viết tắt là {citations.short(doc)});"
    top, mention = read_all(source)
    assert (mention.symbol, mention.date, mention.issuer) == (citations.number_symbol(doc), None, "")
    chain = list(top.chain())
    expected = library.chain(doc)
    assert [c.symbol for c in chain] == [citations.number_symbol(d) for d in expected]
    assert [c.date for c in chain] == [d.date for d in expected]
    assert [c.issuer for c in chain] == [d.issuer for d in expected]
    assert top.comma is comma
    assert written(top) == text
    assert agrees(top, source) and source[top.start:top.end] == text


def test_the_issue_opening_is_read_as_its_chain():
    text = ("Thực hiện Kế hoạch số 72-KH/TU ngày 17/8/2023 của Ban Thường vụ Tỉnh ủy về thực hiện Chỉ thị số "
            f"21-CT/TW ngày 04/5/2023 của Ban Bí thư {DIRECTIVE}")
    assert _links(text) == [[
        ("Kế hoạch", "72-KH/TU", PartialDate(2023, 8, 17), "Ban Thường vụ Tỉnh ủy", "về thực hiện", ""),
        ("Chỉ thị", "21-CT/TW", PartialDate(2023, 5, 4), "Ban Bí thư", "", DIRECTIVE),
    ]]


def test_seed_forms_without_so_with_a_broken_symbol_and_an_issuer_joined_by_va():
    """Seed 003 writes "Hướng dẫn 108-HD/BTGTU" (no "số") and "72- KH/TU"; seed 001 goes on after an issuer with
    "và chỉ đạo của …", which is not the trích yếu of Hướng dẫn 157."""
    assert _links("Thực hiện Hướng dẫn 108-HD/BTGTU ngày 30/5/2024 của Ban Tuyên giáo Tỉnh ủy (Kế hoạch số 72- KH/TU)")[0] \
        == [("Hướng dẫn", "108-HD/BTGTU", PartialDate(2024, 5, 30), "Ban Tuyên giáo Tỉnh ủy", "", "")]
    [[link]] = _links("Thực hiện Hướng dẫn số 157-HD/BTGTW ngày 21/5/2024 của Ban Tuyên giáo Trung ương và chỉ đạo "
                      "của Thường trực Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy hướng dẫn")
    assert link[3:] == ("Ban Tuyên giáo Trung ương", "", "")


def test_two_dated_citations_joined_by_va_are_two_documents():
    text = ("quán triệt Kết luận số 51-KL/TW, ngày 30/5/2019 của Ban Bí thư và Kế hoạch số 389-KH/TU ngày 04/10/2019 "
            "của Ban Thường vụ Tỉnh ủy Cao Bằng đến các cấp công đoàn")
    found = _links(text)
    assert [[(link[1], link[3], link[4], link[5]) for link in top] for top in found] == [
        [("51-KL/TW", "Ban Bí thư", "", "")], [("389-KH/TU", "Ban Thường vụ Tỉnh ủy Cao Bằng", "", "")]]


def test_a_term_in_brackets_stays_in_the_issuer_and_a_law_keeps_its_year():
    text = ("Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng (khóa XII) về một số vấn đề; "
            "Luật số 74/2014/QH13, ngày 27/11/2014 của Quốc hội khóa XIII về ban hành Luật Giáo dục nghề nghiệp")
    found = _links(text)
    assert [(t[0][1], t[0][3], t[0][5]) for t in found] == [
        ("18-NQ/TW", "Ban Chấp hành Trung ương Đảng", "về một số vấn đề"),
        ("74/2014/QH13", "Quốc hội khóa XIII", "về ban hành Luật Giáo dục nghề nghiệp")]
    [first, _] = read_all(text)
    assert first.term == "XII" and agrees(first, text)


def test_documents_not_yet_numbered_as_the_writer_cites_them():
    """"Kế hoạch số …-KH/TU, ngày …/11/2026": a blank number and a day left blank (citations.dated)."""
    [[first, second]] = _links("Thực hiện Kế hoạch số …-KH/BTGDVTU ngày …/11/2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy "
                               "thực hiện Kế hoạch số …-KH/TU ngày …/2026 của Ban Thường vụ Tỉnh ủy về tiếp tục công tác")
    assert first[1:5] == ("-KH/BTGDVTU", PartialDate(2026, 11), "Ban Tuyên giáo và Dân vận Tỉnh ủy", "thực hiện")
    assert second[1:] == ("-KH/TU", PartialDate(2026), "Ban Thường vụ Tỉnh ủy", "", "về tiếp tục công tác")
    assert parse_symbol("…-KH/TU") == ("", "KH", "TU", "dang")
    assert parse_date("…/11/2026") == PartialDate(2026, 11)


@pytest.mark.parametrize("when", [PartialDate(2024, 1, 15), PartialDate(2023, 8), PartialDate(2019)])
def test_a_long_date_is_read(when):
    """Dates as the writer prints them in words (citations.date_text, issue 17): full, or with blanks."""
    text = f"Kết luận số 99-KL/TW ngày {citations.date_text(when, long_dates=True)} của Bộ Chính trị về một việc"
    [[link]] = _links(text)
    assert link[1:4] == ("99-KL/TW", when, "Bộ Chính trị")


def test_a_trich_yeu_is_a_prefix_and_the_document_it_names_or_literal_text():
    composed = read_subject("V/v triển khai thực hiện Kế hoạch số 72-KH/TU ngày 17/8/2023 của Ban Thường vụ Tỉnh ủy "
                            "thực hiện Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư")
    assert composed.prefix == "triển khai thực hiện"
    assert [c.symbol for c in composed.target.chain()] == ["72-KH/TU", "21-CT/TW"]
    assert read_subject("Định hướng tuyên truyền tháng 9").literal == "Định hướng tuyên truyền tháng 9"
    # A citation in the middle of a sentence does not make the sentence a composed trích yếu.
    mixed = "về tuyên truyền Chỉ thị số 21-CT/TW của Ban Bí thư trong học sinh"
    assert read_subject(mixed).literal == mixed


def test_a_parent_known_only_by_number_and_date_is_cited_without_a_dangling_phrase():
    """citations.subject: no trích yếu and no parent known → the dated form stands alone."""
    library = Library()
    doc = library.resolve("349-kh-tld", EXAMPLES)
    alone = type(doc)(**{**doc.__dict__, "implements": (), "subject_of": None})
    assert citations.full(alone, library.docs.get, True) == \
        "Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của Tổng Liên đoàn Lao động Việt Nam"


LAYOUT_DOCS = Path(__file__).resolve().parent / "fixtures" / "nhap-bo-cuc" / "van-ban"
NARRATED = ("Ngày 12/3/2019, Ban Bí thư Trung ương Đảng (khóa XII) đã ban hành Chỉ thị số 40-CT/TW về tăng cường sự lãnh "
            "đạo của Đảng đối với công tác tín dụng chính sách xã hội (sau đây viết tắt là Chỉ thị số 40-CT/TW). Để "
            "triển khai thực hiện có hiệu quả Chỉ thị số 40-CT/TW, Ban Thường vụ Đảng ủy xã đề nghị các chi bộ thực "
            "hiện như sau:")


def _every_document() -> list[tuple]:
    """(library, document) for every document file of the examples and of the layouts (with the ones cited by name)."""
    out = []
    for folder in (EXAMPLES, LAYOUT_DOCS):
        for file in sorted(folder.glob("*.yaml")):
            library = Library()
            out.append((library, library.resolve(file.stem, folder)))
    return out


def _fields(cited) -> tuple:
    return (cited.type_name, cited.symbol, cited.name, cited.date, cited.issuer, cited.term)


def _expected(doc, form: str = "day_du") -> tuple:
    if form == "ngan":  # the number alone, or the name alone
        return (doc.type_name, citations.number_symbol(doc) if not doc.name else "", doc.name, None, "", "")
    return (doc.type_name, citations.number_symbol(doc) if not doc.name else "", doc.name, doc.date, doc.issuer,
            doc.term)


def test_a_narrated_opening_is_read_as_the_document_it_tells_of():
    """Issue 11's case: the date and the issuer come before the document (opening.narrated)."""
    [told, *short] = read_all(NARRATED, names=True)
    assert _fields(told) + (told.subject, told.narrated) == (
        "Chỉ thị", "40-CT/TW", "", PartialDate(2019, 3, 12), "Ban Bí thư Trung ương Đảng", "XII",
        "về tăng cường sự lãnh đạo của Đảng đối với công tác tín dụng chính sách xã hội", True)
    assert agrees(told, NARRATED)
    assert [(c.symbol, c.dated, c.issuer) for c in short] == [("40-CT/TW", False, "")] * 2  # its short form, twice


def test_documents_cited_by_name_are_read_where_a_citation_stands():
    """Issue 11's cases: a work programme with its date and issuer, a congress resolution by its name alone (after
    its own lead words), an Đoàn programme; never a name in the middle of a sentence."""
    text = ("Thực hiện Chương trình công tác năm 2023 ngày 10/01/2023 của Ban Chấp hành Hội Liên hiệp Phụ nữ tỉnh Gia Lai; "
            "trên cơ sở Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Gia Lai lần thứ XVI, Chương trình hành động thực hiện "
            "Nghị quyết Đại hội Đoàn toàn tỉnh lần thứ XVI của Ban Chấp hành Tỉnh đoàn Gia Lai; Ban Thường vụ Hội LHPN "
            "tỉnh ban hành Kế hoạch thực hiện Chương trình công tác năm 2023 của Ban Chấp hành, như sau:")
    found = read_all(text, names=True)
    assert [_fields(c) for c in found] == [
        ("Chương trình", "", "Chương trình công tác năm 2023", PartialDate(2023, 1, 10),
         "Ban Chấp hành Hội Liên hiệp Phụ nữ tỉnh Gia Lai", ""),
        ("Nghị quyết", "", "Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Gia Lai lần thứ XVI", None, "", ""),
        ("Chương trình", "", "Chương trình hành động thực hiện Nghị quyết Đại hội Đoàn toàn tỉnh lần thứ XVI", None,
         "Ban Chấp hành Tỉnh đoàn Gia Lai", "")]
    assert all(agrees(c, text) for c in found)
    # A body paragraph is read without names (chain.gather): only numbered citations.
    assert read_all(text) == [] and read_all("Kế hoạch này được phổ biến đến các chi bộ.") == []


def test_a_short_trich_yeu_names_the_document_for_the_opening_to_complete():
    """Issue 11's case: "Triển khai thực hiện Kế hoạch số 112/KH-UBND … trên địa bàn xã" (trich_yeu.dang: ngay, with
    the plan's own words) and the number alone (dang: ngan); the chain is the opening's."""
    dated = read_subject("Triển khai thực hiện Kế hoạch số 112/KH-UBND ngày 20/3/2025 của Ủy ban nhân dân tỉnh Gia Lai "
                         "trên địa bàn xã")
    assert (dated.prefix, _fields(dated.target), dated.target.parent, dated.target.subject, dated.extra) == (
        "triển khai thực hiện", ("Kế hoạch", "112/KH-UBND", "", PartialDate(2025, 3, 20), "Ủy ban nhân dân tỉnh Gia Lai",
                                 ""), None, "", "trên địa bàn xã")
    short = read_subject("Thực hiện Kế hoạch số 112/KH-UBND")
    assert (short.prefix, _fields(short.target), short.extra) == (
        "thực hiện", ("Kế hoạch", "112/KH-UBND", "", None, "", ""), "")
    named = read_subject("Thực hiện Chương trình công tác năm 2023")
    assert (named.prefix, named.target.name) == ("thực hiện", "Chương trình công tác năm 2023")


def test_long_dates_lead_words_and_mixed_separators():
    """Issue 11's case: "Thực hiện A, B; căn cứ C", "trên cơ sở", dates in words (issue 17's writer options)."""
    text = ("Thực hiện Kế hoạch số 05-KH/TU, ngày 15 tháng 01 năm 2024 của Ban Thường vụ Tỉnh ủy Gia Lai (viết tắt là Kế "
            "hoạch số 05-KH/TU), Kế hoạch số 112/KH-UBND ngày 20 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh Gia Lai; căn "
            "cứ Chỉ thị số 21-CT/TW ngày 04 tháng 5 năm 2023 của Ban Bí thư; trên cơ sở Chương trình công tác năm 2024 "
            "ngày 10 tháng 01 năm 2024 của Ban Chấp hành Hội Liên hiệp Phụ nữ tỉnh Gia Lai, Ban Thường vụ ban hành:")
    found = read_all(text, names=True)
    assert [(_fields(c), c.comma, c.long_dates) for c in found if c.dated] == [
        (("Kế hoạch", "05-KH/TU", "", PartialDate(2024, 1, 15), "Ban Thường vụ Tỉnh ủy Gia Lai", ""), True, True),
        (("Kế hoạch", "112/KH-UBND", "", PartialDate(2025, 3, 20), "Ủy ban nhân dân tỉnh Gia Lai", ""), False, True),
        (("Chỉ thị", "21-CT/TW", "", PartialDate(2023, 5, 4), "Ban Bí thư", ""), False, True),
        (("Chương trình", "", "Chương trình công tác năm 2024", PartialDate(2024, 1, 10),
          "Ban Chấp hành Hội Liên hiệp Phụ nữ tỉnh Gia Lai", ""), False, True)]
    assert all(agrees(c, text) for c in found)


@pytest.mark.parametrize("long_dates", [False, True])
@pytest.mark.parametrize("comma", [True, False])
def test_every_opening_the_writer_lists_is_read_back(comma, long_dates):
    """opening.listed over every document file, each with its own form, lead word and separator in turn: every
    document comes back, in order, with its number or name, date, issuer and term, and the writer agrees."""
    every = _every_document()
    forms, words, seps = ("day_du", "ngay", "chuoi", "ngan"), ("", "căn cứ", "trên cơ sở", ""), ("", "phay", "cham_phay")
    cites = [(Cite(doc.key, forms[i % 4], words[i % 4], seps[i % 3]), doc) for i, (_, doc) in enumerate(every)]
    lookup = {d.key: d for library, _ in every for d in library.docs.values()}.get
    text = opening.listed(Opening(), cites, opening.CiteStyle(comma, long_dates, lookup)) + ";"
    found = read_all(text, names=True)
    dated = [c for c in found if c.dated or c.issuer or c.name]
    assert [_fields(c) for c in dated] == [_expected(doc, cite.form) for cite, doc in cites
                                           if cite.form != "ngan" or doc.name]
    assert all(agrees(c, text) for c in found)


@pytest.mark.parametrize("long_dates", [False, True])
def test_every_narrated_opening_is_read_back(long_dates):
    """opening.narrated, one sentence per document file: each is read with its date, issuer and term, and the
    chain or trích yếu the writer put after it."""
    every = _every_document()
    lookup = {d.key: d for library, _ in every for d in library.docs.values()}.get
    style = opening.CiteStyle(True, long_dates, lookup)
    for _, doc in every:
        text = opening.narrated(Opening(style="tuong_thuat"), [(Cite(doc.key), doc)], style) + ". Để thực hiện …"
        [told, *_] = read_all(text, names=True)
        assert _fields(told) == _expected(doc) and told.narrated, text
        assert agrees(told, text) and written(told) in text
