"""Drafts made with `kehoach tao --ho-so … --van-ban …` (trial 1 §5): one name per profile and parents, the same name
the web page gives; a second plan never replaces the first one's draft nor takes its hand edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from kehoach.cli import main
from kehoach.workspace.drafts import draft_name

from .examples import copy_examples

EDIT = "- Phân công rõ trách nhiệm (SỬA TAY CỦA VĂN THƯ)."


@pytest.mark.parametrize(("kind", "profile", "parents", "name"), [
    ("ke_hoach", "ubnd-xa-chu-se", ["125-kh-ubnd-gia-lai"], "ke-hoach-ubnd-xa-chu-se-125-kh-ubnd-gia-lai"),
    ("ke_hoach", "ubnd-xa-chu-se", ["21-ct-tw"], "ke-hoach-ubnd-xa-chu-se-21-ct-tw"),
    ("huong_dan", "gia-lai/ldld-gia-lai", ["van-ban/349-kh-tld.yaml", "ban-thao/kh-88.docx"],
     "huong-dan-ldld-gia-lai-349-kh-tld-kh-88"),
    ("cong_van", "profiles/Đảng ủy xã.yaml", ["15-KH/TU"], "cong-van-dang-uy-xa-tu"),
])
def test_a_quick_drafts_name_comes_from_its_kind_profile_and_parents(kind, profile, parents, name):
    assert draft_name(kind, profile, parents) == name


def test_a_name_of_many_parents_is_cut_with_a_digest_that_keeps_it_distinct():
    many = [f"{n}-kh-ubnd-tinh-gia-lai" for n in range(1, 12)]
    first, second = draft_name("ke_hoach", "ubnd-xa-chu-se", many), draft_name("ke_hoach", "ubnd-xa-chu-se", many[:-1])
    assert len(first) == len(second) == 120 and first != second
    assert first.startswith("ke-hoach-ubnd-xa-chu-se-1-kh-ubnd-tinh-gia-lai-2-kh")


def _edit(docx: Path) -> None:
    doc = Document(str(docx))
    para = next(p for p in doc.paragraphs if p.text.startswith("- Phân công rõ trách nhiệm"))
    for run in para.runs[1:]:
        run.text = ""
    para.runs[0].text = EDIT
    doc.save(str(docx))


def _texts(docx: Path) -> list[str]:
    return [p.text for p in Document(str(docx)).paragraphs]


def test_a_second_parent_gets_its_own_draft_and_none_of_the_first_ones_edits(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_examples(tmp_path / "van-ban", "van-ban")
    runner = CliRunner()

    def tao(*args: str):
        return runner.invoke(main, ["tao", "--ho-so", "gia-lai/ubnd-xa-vi-du", "--loai", "ke_hoach", *args])

    first = tao("--van-ban", "21-ct-tw")
    assert (first.exit_code, first.output) == (0, "Đã soạn: ban-thao/ke-hoach-ubnd-xa-vi-du-21-ct-tw.docx\n")
    draft_21 = tmp_path / "ban-thao" / "ke-hoach-ubnd-xa-vi-du-21-ct-tw.docx"
    _edit(draft_21)
    edited = draft_21.read_bytes()
    second = tao("--van-ban", "349-kh-tld")
    assert (second.exit_code, second.output) == (0, "Đã soạn: ban-thao/ke-hoach-ubnd-xa-vi-du-349-kh-tld.docx\n")
    assert draft_21.read_bytes() == edited  # the first plan's draft is untouched
    draft_349 = tmp_path / "ban-thao" / "ke-hoach-ubnd-xa-vi-du-349-kh-tld.docx"
    assert EDIT not in _texts(draft_349) and any("349/KH-TLĐ" in t for t in _texts(draft_349))
    assert not (tmp_path / "ban-thao" / ".kehoach" / "sao-luu").exists()  # nothing had to be backed up
    # The same profile and parent again: its own draft, its own edit kept.
    again = tao("--van-ban", "21-ct-tw")
    assert again.exit_code == 0 and again.output.startswith(
        "Đã soạn: ban-thao/ke-hoach-ubnd-xa-vi-du-21-ct-tw.docx: giữ 1 chỗ sửa tay")
    assert EDIT in _texts(draft_21)


def test_a_name_taken_by_a_draft_of_something_else_is_not_reused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_examples(tmp_path / "van-ban", "van-ban")
    runner = CliRunner()
    # Another body's profile with the same file name, elsewhere: the same name, made from something else.
    (tmp_path / "rieng").mkdir()
    (tmp_path / "rieng" / "ubnd-xa-vi-du.yaml").write_text(
        "ke_thua: gia-lai/ubnd-xa-vi-du\nten_co_quan: Ủy ban nhân dân xã Khác\n", encoding="utf-8")
    # And a plan file whose own draft has the name a quick draft would take.
    (tmp_path / "ke-hoach-ubnd-xa-vi-du-349-kh-tld.yaml").write_text(
        "co_quan: gia-lai/ubnd-xa-vi-du\nloai: ke_hoach\nthuc_hien: [21-ct-tw]\n", encoding="utf-8")
    assert runner.invoke(main, ["tao", "ke-hoach-ubnd-xa-vi-du-349-kh-tld.yaml"]).exit_code == 0
    outputs = []
    for profile, parent in (("gia-lai/ubnd-xa-vi-du", "21-ct-tw"), ("rieng/ubnd-xa-vi-du.yaml", "21-ct-tw"),
                            ("gia-lai/ubnd-xa-vi-du", "349-kh-tld"), ("rieng/ubnd-xa-vi-du.yaml", "21-ct-tw")):
        result = runner.invoke(main, ["tao", "--ho-so", profile, "--loai", "ke_hoach", "--van-ban", parent])
        assert result.exit_code == 0, result.output
        outputs.append(result.output.split(": ")[1].strip())
    assert outputs == ["ban-thao/ke-hoach-ubnd-xa-vi-du-21-ct-tw.docx", "ban-thao/ke-hoach-ubnd-xa-vi-du-21-ct-tw-2.docx",
                       "ban-thao/ke-hoach-ubnd-xa-vi-du-349-kh-tld-2.docx",
                       "ban-thao/ke-hoach-ubnd-xa-vi-du-21-ct-tw-2.docx"]
    header = [p.text for c in Document(str(tmp_path / outputs[1])).tables[0]._cells for p in c.paragraphs]
    assert "XÃ KHÁC" in " ".join(header)
