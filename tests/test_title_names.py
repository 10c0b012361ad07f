"""A centred trích yếu never breaks inside an organ name (trial 1, defect 13: the Đảng ủy xã's title printed "… của
Ban Thường vụ Tỉnh" on one line and "ủy" alone on the next), and kiemtra reads the joined name as words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach.docx.render import context
from kehoach.generate import prepare
from kehoach.kiemtra import check_path
from kehoach.text.vntext import NBSP, unbroken_names
from kehoach.workspace.drafts import generate

from .conftest import KH_15
from .examples import copy_examples
from .tools import convert, pdf_text

ROOT = Path(__file__).resolve().parents[1]
TRIAL = ("co_quan: gia-lai/dang-uy-xa-vi-du\nloai: ke_hoach\nngay: 25/11/2026\nthuc_hien: [15-kh-tu]\n"
         "trich_yeu: {cum_tu: thực hiện, van_ban: 15-kh-tu, dang: ngay}\n")
STATE = ("co_quan: gia-lai/ubnd-xa-vi-du\nloai: ke_hoach\nngay: 25/11/2026\nthuc_hien: [15-kh-tu]\n"
         "trich_yeu: {cum_tu: triển khai thực hiện có hiệu quả, van_ban: 15-kh-tu, dang: ngay}\n")


@pytest.mark.parametrize("text, joined", [
    ("của Ban Thường vụ Tỉnh ủy tiếp tục", "của Ban|Thường|vụ|Tỉnh|ủy tiếp tục"),
    ("của Ban Bí thư Trung ương Đảng về", "của Ban|Bí|thư|Trung|ương|Đảng về"),
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban|Tuyên|giáo|và|Dân|vận|Tỉnh|ủy"),
    ("Ủy ban nhân dân tỉnh Gia Lai", "Ủy|ban|nhân|dân tỉnh Gia Lai"),
    ("Đảng ủy xã và Huyện uỷ", "Đảng|ủy xã và Huyện|uỷ"),
    ("Tổng Liên đoàn Lao động Việt Nam", "Tổng|Liên|đoàn|Lao|động|Việt|Nam"),
    ("thực hiện tỉnh ủy thác", "thực hiện tỉnh ủy thác"),  # not a name: lower case
])
def test_organ_names_are_joined(text, joined):
    assert unbroken_names(text) == joined.replace("|", NBSP)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, Path]:
    ws = tmp_path_factory.mktemp("ws")
    copy_examples(ws / "van-ban", "van-ban")
    (ws / "van-ban" / "15-kh-tu.yaml").write_text(KH_15, encoding="utf-8")
    (ws / "ke-hoach").mkdir()
    out = {}
    for name, text in (("dang-uy-xa", TRIAL), ("ubnd-xa", STATE)):
        plan = ws / "ke-hoach" / f"{name}.yaml"
        plan.write_text(text, encoding="utf-8")
        out[name] = generate(plan, out_dir=ws / "ban-thao").output
    return out


def test_the_trial_title_joins_the_name(tmp_path):
    (tmp_path / "van-ban").mkdir()
    (tmp_path / "van-ban" / "15-kh-tu.yaml").write_text(KH_15, encoding="utf-8")
    shutil.copy(ROOT / "examples" / "van-ban" / "21-ct-tw.yaml", tmp_path / "van-ban")
    plan = tmp_path / "xa.yaml"
    plan.write_text(TRIAL, encoding="utf-8")
    assert context(prepare(plan).draft)["trich_yeu"] == ("thực hiện Kế hoạch số 15-KH/TU, ngày 20/11/2026 của "
                                                         f"Ban{NBSP}Thường{NBSP}vụ{NBSP}Tỉnh{NBSP}ủy")


def test_the_title_never_breaks_inside_a_name_on_the_page(drafts, tmp_path):
    """Rendered by LibreOffice: the title's lines (between KẾ HOẠCH and its rule) hold each name whole."""
    pdfs = convert(drafts.values(), "pdf", tmp_path)
    titles = {}
    for name, pdf in zip(drafts, pdfs, strict=True):
        lines = [line.strip().replace(NBSP, " ") for line in pdf_text(pdf).splitlines() if line.strip()]
        start = lines.index("KẾ HOẠCH")
        end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(("-----", "Thực hiện")))
        titles[name] = lines[start + 1:end]
    assert titles["dang-uy-xa"] == ["thực hiện Kế hoạch số 15-KH/TU, ngày 20/11/2026 của", "Ban Thường vụ Tỉnh ủy"]
    assert any(line.endswith("Ban Thường vụ Tỉnh ủy") for line in titles["ubnd-xa"]), titles["ubnd-xa"]
    for lines in titles.values():
        assert not any(line.endswith(("Tỉnh", "Ban", "Thường vụ", "Đảng")) or line.startswith("ủy") for line in lines)


def test_kiemtra_reads_the_joined_names_as_words(drafts):
    for path in drafts.values():
        assert [(f.rule_id, f.message) for f in check_path(path).findings] == []
