"""Every draft kehoach generates passes its own form check with no error (issue: kehoach kiemtra)."""

from __future__ import annotations

import pytest

from kehoach.kiemtra import check_path

SYSTEM_OF = {"000": "cong_doan", "001": "dang", "002": "dang", "004": "cong_doan"}


@pytest.mark.parametrize("seed", sorted(SYSTEM_OF))
def test_generated_examples_pass_the_checker(generated, seed):
    report = check_path(generated[seed].path)
    assert report.system == SYSTEM_OF[seed]
    assert [(f.rule_id, f.message if hasattr(f, "message") else f) for f in report.errors] == []


def test_quick_drafts_of_every_system_pass(tmp_path, monkeypatch):
    from pathlib import Path

    from kehoach.workspace.drafts import generate_quick

    monkeypatch.chdir(Path(__file__).resolve().parents[1] / "examples")
    for profile in ("lai-chau/ldld-lai-chau", "gia-lai/ubnd-tinh-gia-lai", "gia-lai/ban-tgdv-tinh-uy-gia-lai",
                    "gia-lai/dang-uy-xa-vi-du"):
        result = generate_quick(profile, ("21-ct-tw",), "ke_hoach", out_dir=tmp_path / profile.replace("/", "-"))
        report = check_path(result.output)
        assert report.errors == [], (profile, report.errors)
