"""Every profile shipped in profiles/ loads, follows its system's signing and archive rules, and drafts a plan."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kehoach.cli import main
from kehoach.inputs.profiles import load_profile
from kehoach.workspace.drafts import generate_quick

ROOT = Path(__file__).parents[1]
PROFILES = ROOT / "profiles"
BASES = PROFILES / "co-so"
SHIPPED = sorted(p for p in PROFILES.rglob("*.yaml") if BASES not in p.parents)

PARTY_AUTHORITY = re.compile(r"^(?:(?:T/M|K/T|T/L|Q\.) .+)?$")
STATE_AUTHORITY = re.compile(r"^(?:(?:TM|KT|TL)\. .+)?$")


def _name(path: Path) -> str:
    return str(path.relative_to(PROFILES).with_suffix(""))


def test_profiles_are_shipped() -> None:
    systems = {load_profile(path).system for path in SHIPPED}
    assert systems == {"dang", "nha_nuoc", "cong_doan"}


@pytest.mark.parametrize("path", SHIPPED, ids=_name)
def test_profile_invariants(path: Path) -> None:
    profile = load_profile(path)
    assert profile.symbol.strip()
    assert profile.issuer_lines and all(line.strip() for line in profile.issuer_lines)
    # The Party's way of signing and archiving belongs to the Party's look; a mass organisation numbered the Party's
    # way but with its own title (the Đoàn TNCS Hồ Chí Minh) signs "TM." as its own rule book writes (29-HD/TWĐTN-VP).
    party_look = profile.system == "dang" and not profile.layout.national
    for signer in profile.signers:
        assert signer.title.strip()
        if party_look:
            assert PARTY_AUTHORITY.match(signer.authority), signer.authority
            assert not re.match(r"^(TM|KT|TL)\.", signer.authority)
        else:
            assert all(STATE_AUTHORITY.match(line) for line in signer.authority.split("\n")), signer.authority
    if party_look:
        assert not re.search(r"\bVT\b", profile.archive)
        assert ":" not in profile.archive
    for item in profile.recipients + tuple(u.name for u in profile.units) + tuple(u.short for u in profile.units):
        assert item and item == item.strip()
        assert not item.endswith((";", ",", ".")), item
        assert not item.startswith("-"), item
    # The shipped files are what secretaries copy: they are written bare too, not only cleaned on loading.
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in raw.get("noi_nhan") or []:
        assert not str(item).rstrip().endswith((";", ",")), item


@pytest.mark.parametrize("path", SHIPPED, ids=_name)
def test_profile_drafts_a_plan(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "examples")
    result = generate_quick(str(path), ("21-ct-tw",), "ke_hoach", out_dir=tmp_path)
    assert result.output.exists()
    assert result.output.suffix == ".docx"


def test_ho_so_lists_every_shipped_profile() -> None:
    result = CliRunner().invoke(main, ["ho-so"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for path in SHIPPED:
        line = next((line for line in lines if line.split()[:1] == [_name(path)]), None)
        assert line is not None, f"{_name(path)} không có trong danh sách"
        assert "LỖI" not in line, line


def test_ho_so_reports_a_mistyped_key(tmp_path: Path) -> None:
    bad = tmp_path / "sai-khoa.yaml"
    bad.write_text(f"ke_thua: {BASES / 'cong-doan.yaml'}\nten_co_qaun: X\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ho-so", str(bad)])
    assert result.exit_code == 2
    assert "sai-khoa.yaml" in result.output
    assert "dòng 2" in result.output
    assert "có phải ý bạn là 'ten_co_quan'" in result.output
