"""Every draft kehoach generates passes its own form check with no error (issue: kehoach kiemtra)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.kiemtra import check_path

SYSTEM_OF = {"000": "cong_doan", "001": "dang", "002": "dang", "003": "cong_doan", "004": "cong_doan",
             "gia-lai-1-tinh-uy": "dang", "gia-lai-2-ban-tgdv": "dang", "gia-lai-3-ldld": "cong_doan",
             "gia-lai-4-cong-doan-xa": "cong_doan", "gia-lai-5-ubnd-tinh": "nha_nuoc", "gia-lai-6-ubnd-xa": "nha_nuoc",
             "gia-lai-7-dang-uy-xa": "dang", "gia-lai-8-hoi-lhpn": "hoi", "gia-lai-9-tinh-doan": "doan"}


# Every example plan shipped is checked (a new one too, with no list to update); the system is asserted where known.
EXAMPLES = sorted(p.stem[:3] if p.stem[:3].isdigit() else p.stem
                  for p in (Path(__file__).resolve().parents[1] / "examples" / "ke-hoach").glob("*.yaml"))


@pytest.mark.parametrize("seed", EXAMPLES)
def test_generated_examples_pass_the_checker(generated, seed):
    """Not an error, not a warning: "Đảng ủy Ủy ban nhân dân tỉnh" is a name, and a profile's comma style is kept."""
    report = check_path(generated[seed].path)
    assert report.system == SYSTEM_OF.get(seed, report.system) and report.system_certain, report.system_reason
    assert [(f.rule_id, f.message) for f in report.findings] == []


def test_quick_drafts_of_every_system_pass(tmp_path, monkeypatch):
    from kehoach.workspace.drafts import generate_quick

    monkeypatch.chdir(Path(__file__).resolve().parents[1] / "examples")
    for profile in ("lai-chau/ldld-lai-chau", "gia-lai/ubnd-tinh-gia-lai", "gia-lai/ban-tgdv-tinh-uy-gia-lai",
                    "gia-lai/dang-uy-xa-vi-du"):
        result = generate_quick(profile, ("21-ct-tw",), "ke_hoach", out_dir=tmp_path / profile.replace("/", "-"))
        report = check_path(result.output)
        assert report.findings == [], (profile, report.findings)


def test_a_two_line_signer_authority_passes(tmp_path, monkeypatch):
    """kehoach prints "TM. ỦY BAN NHÂN DÂN⏎KT. CHỦ TỊCH" as one paragraph with a line break."""
    from kehoach.docx.reader import read_path
    from kehoach.workspace.drafts import generate_quick

    monkeypatch.chdir(Path(__file__).resolve().parents[1] / "examples")
    result = generate_quick("gia-lai/ubnd-tinh-gia-lai", ("21-ct-tw",), "ke_hoach", signer="pho-chu-tich",
                            out_dir=tmp_path)
    lines = [p.clean for p in read_path(result.output).paragraphs]
    start = lines.index("TM. ỦY BAN NHÂN DÂN")
    assert lines[start:start + 3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert check_path(result.output).findings == []


def test_an_ending_the_profile_chose_is_not_warned_about(tmp_path, monkeypatch):
    """A Party profile may choose "./." (issue 17 item 13): kiemtra reads the draft's record and keeps quiet about it;
    the same file away from its record gets HD 05's warning (a 2026 Party document ending "./.")."""
    import shutil

    from kehoach.workspace.drafts import generate_quick

    root = Path(__file__).resolve().parents[1]
    profile = tmp_path / "tinh-uy-cham-gach.yaml"
    profile.write_text(f"ke_thua: {root / 'profiles' / 'gia-lai' / 'tinh-uy-gia-lai.yaml'}\n"
                       "trinh_bay:\n  ket_thuc: \"./.\"\n", encoding="utf-8")
    monkeypatch.chdir(root / "examples")
    result = generate_quick(str(profile), ("21-ct-tw",), "ke_hoach", when="12/3/2026", out_dir=tmp_path / "ra")
    assert check_path(result.output).findings == []
    alone = tmp_path / "mot-minh" / result.output.name
    alone.parent.mkdir()
    shutil.copyfile(result.output, alone)
    assert [(f.rule_id, f.severity, f.message) for f in check_path(alone).findings] == [
        ("TT-22", "canh_bao", "Văn bản năm 2026 kết thúc bằng “./.”.")]
