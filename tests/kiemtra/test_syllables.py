"""Vietnamese syllables from hunspell-vi, read whatever the tone placement, and what happens without it."""

from __future__ import annotations

import pytest

from kehoach.kiemtra import check_text, syllables
from tests.tools import IN_CI


def test_the_dictionary_is_read_with_either_tone_placement():
    if not syllables.available():
        if IN_CI:
            pytest.fail("thiếu hunspell-vi (/usr/share/hunspell/vi_VN.dic; .ci/run cài gói này)")
        pytest.skip("thiếu hunspell-vi")
    for word in ("hòa", "hoà", "thủy", "thuỷ", "ủy", "Bình", "NGHIỆP", "khuya"):
        assert syllables.is_syllable(word), word
    for word in ("triêt", "khaikế", "BÌNHH", "nghành"):
        assert not syllables.is_syllable(word), word


def test_without_hunspell_the_term_list_stands_in(monkeypatch, tmp_path):
    monkeypatch.setenv("KEHOACH_HUNSPELL_VI", str(tmp_path / "khong-co.dic"))
    assert not syllables.available()
    text = "KẾ HOẠCH\nvề việc tổ chức\nTriển khaikế hoạch của UBND TỈNH NINH BÌNHH đến các chi bộ.\n"
    found = [(f.rule_id, f.suggestion) for f in check_text(text, "dang").findings]
    assert found == [("VB-05", "Viết “khai kế”."), ("VB-05", "Viết “BÌNH”.")]
