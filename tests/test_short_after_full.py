"""A document is cited in full once; every later mention, in the issuing sentence or inside a later citation's chain,
is its short form (format-rules §2.7; trial 1, defect 12: every Hướng dẫn repeated the whole chain right after "(viết
tắt là …)", and a second parent re-cited the Chỉ thị in full inside its chain)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kehoach.generate import prepare

from .conftest import KH_15
from .examples import copy_examples

ROOT = Path(__file__).resolve().parents[1]
SUBJECT_21 = ("về tiếp tục đổi mới, phát triển và nâng cao chất lượng giáo dục nghề nghiệp đến năm 2030, tầm nhìn "
              "đến năm 2045")


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> Path:
    ws = tmp_path_factory.mktemp("ws")
    copy_examples(ws, dirs_exist_ok=True)
    (ws / "van-ban" / "15-kh-tu.yaml").write_text(KH_15, encoding="utf-8")
    return ws


def opening(ws: Path, plan_text: str) -> list[str]:
    plan = ws / "ke-hoach" / "thu.yaml"
    plan.write_text(plan_text, encoding="utf-8")
    blocks = prepare(plan).draft.blocks
    return [b.text for b in blocks[:next(i for i, b in enumerate(blocks) if b.kind == "muc")]]


def test_a_huong_dan_names_its_parent_short_after_defining_it(ws):
    text = opening(ws, "co_quan: gia-lai/ldld-gia-lai\nloai: huong_dan\nngay: 20/11/2026\nthuc_hien: [349-kh-tld]\n")
    assert text == [
        "Thực hiện Kế hoạch số 349/KH-TLĐ ngày 15/8/2023 của Tổng Liên đoàn Lao động Việt Nam về thực hiện Chỉ thị số "
        f"21-CT/TW ngày 04/5/2023 của Ban Bí thư {SUBJECT_21} (viết tắt là Kế hoạch số 349/KH-TLĐ);",
        "Ban Thường vụ LĐLĐ tỉnh hướng dẫn thực hiện Kế hoạch số 349/KH-TLĐ như sau:",
    ]


def test_a_second_parent_names_the_directive_short_in_its_chain(ws):
    text = opening(ws, "co_quan: gia-lai/dang-uy-xa-vi-du\nloai: ke_hoach\nngay: 25/11/2026\n"
                       "thuc_hien: [21-ct-tw, 15-kh-tu]\n")
    assert text == [
        f"Thực hiện Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư {SUBJECT_21} (viết tắt là Chỉ thị số "
        "21-CT/TW); Kế hoạch số 15-KH/TU, ngày 20/11/2026 của Ban Thường vụ Tỉnh ủy tiếp tục thực hiện Chỉ thị số "
        "21-CT/TW (viết tắt là Kế hoạch số 15-KH/TU);",
        "Ban Thường vụ Đảng ủy xã ban hành Kế hoạch thực hiện Chỉ thị số 21-CT/TW, như sau:",
    ]


def test_a_directive_already_in_the_first_chain_is_named_short_after_it(ws):
    text = opening(ws, "co_quan: gia-lai/dang-uy-xa-vi-du\nloai: ke_hoach\nngay: 25/11/2026\n"
                       "thuc_hien: [15-kh-tu, 21-ct-tw]\n")
    assert text[0] == (f"Thực hiện Kế hoạch số 15-KH/TU, ngày 20/11/2026 của Ban Thường vụ Tỉnh ủy tiếp tục thực hiện "
                       f"Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư {SUBJECT_21} (viết tắt là Kế hoạch số "
                       "15-KH/TU); Chỉ thị số 21-CT/TW;")


def test_a_narrated_opening_too(ws):
    text = opening(ws, "co_quan: gia-lai/dang-uy-xa-vi-du\nloai: huong_dan\nngay: 25/11/2026\n"
                       "thuc_hien: [21-ct-tw, 15-kh-tu]\nmo_dau: {kieu: tuong_thuat}\n")
    assert text == [
        f"Ngày 04/5/2023, Ban Bí thư đã ban hành Chỉ thị số 21-CT/TW {SUBJECT_21} (sau đây viết tắt là Chỉ thị số "
        "21-CT/TW). Ngày 20/11/2026, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 15-KH/TU tiếp tục thực hiện Chỉ "
        "thị số 21-CT/TW (sau đây viết tắt là Kế hoạch số 15-KH/TU). Để triển khai thực hiện có hiệu quả Chỉ thị số "
        "21-CT/TW, Ban Thường vụ Đảng ủy xã hướng dẫn thực hiện như sau:",
    ]


_DATED = re.compile(r"số\s+(?P<symbol>[0-9…][^\s,]*)\s*,?\s+ngày\s+[0-9…]")


@pytest.mark.parametrize("kind", ["ke_hoach", "huong_dan", "cong_van"])
@pytest.mark.parametrize("plan", sorted(p.name for p in (ROOT / "examples" / "ke-hoach").glob("gia-lai-*.yaml")))
def test_no_document_is_cited_with_its_date_twice(ws, plan, kind):
    """The whole kind: every Gia Lai example, as each kind of document, and with the Chỉ thị listed before its
    parent: each document's number is followed by its date at most once in the whole body."""
    source = (ws / "ke-hoach" / plan).read_text(encoding="utf-8")
    source = re.sub(r"(?m)^loai: .*$", f"loai: {kind}", source)
    source = re.sub(r"(?m)^thuc_hien: \[(?!21-ct-tw)(.*)\]$", r"thuc_hien: [21-ct-tw, \1]", source)
    variant = ws / "ke-hoach" / f"bien-the-{plan}"
    variant.write_text(source, encoding="utf-8")
    try:
        body = [b.text for b in prepare(variant).draft.blocks]
    finally:
        variant.unlink()
    symbols = [m["symbol"].rstrip(",;.") for t in body for m in _DATED.finditer(t)]
    assert len(symbols) == len(set(symbols)), (plan, kind, symbols)


def test_a_form_the_plan_asks_for_is_written_as_asked(ws):
    """Only the default full citation is shortened: "căn cứ Chỉ thị … (dang: ngay)" after a chain that gave it in
    full keeps its number, date and issuer, as the plan asks."""
    text = opening(ws, "co_quan: gia-lai/dang-uy-xa-vi-du\nloai: ke_hoach\nngay: 25/11/2026\n"
                       "thuc_hien: [15-kh-tu, 21-ct-tw]\n"
                       "mo_dau: {van_ban: [15-kh-tu, {ma: 21-ct-tw, tu: căn cứ, dang: ngay}]}\n")
    assert text[0].endswith("(viết tắt là Kế hoạch số 15-KH/TU); căn cứ Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban "
                            "Bí thư;")
