"""Finding a profile by name in a large profiles/ tree (issue 15 item 5): one draft walks the tree for the one name it
needs (paths._yaml_below with names), a build lists it once (inside inputs.once.reading_once). Both give the answer
of the sorted recursive search the order was written for (profiles/README §4): nearest folder first, in a folder
the path itself, then the first match of a sorted walk, .yaml before .yml."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kehoach.errors import InputError
from kehoach.inputs import once
from kehoach.inputs.paths import _yaml_below, find_profile, profile_dirs, yaml_files
from kehoach.inputs.profiles import find_base, load_profile

SHIPPED = Path(__file__).resolve().parent.parent / "profiles"
COMMUNE = "ke_thua: {base}\nten_co_quan: Công đoàn xã {n}\nten_goi: Công đoàn xã\nky_hieu: CĐ\ndia_danh: Xã {n}\n"


def _sorted_search(folder: Path) -> dict[str, list[str]]:
    """What the search compared names with before (rglob, sorted): the reference for the walk's order."""
    by_name: dict[str, list[str]] = {}
    for found in yaml_files(folder):
        by_name.setdefault(found.name, []).append("/" + found.relative_to(folder).as_posix())
    return by_name


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace of 40 provinces × 30 communes, each province with its co-so-xa base naming co-so/cong-doan."""
    ws = tmp_path_factory.mktemp("ws")
    for p in range(40):
        province = ws / "profiles" / f"tinh-{p:02d}"
        province.mkdir(parents=True)
        (province / "co-so-xa.yaml").write_text("ke_thua: co-so/cong-doan\nco_quan_chu_quan: LĐLĐ tỉnh\n",
                                                 encoding="utf-8")
        for c in range(30):
            (province / f"xa-{p:02d}{c:02d}.yaml").write_text(COMMUNE.format(base="co-so-xa", n=c), encoding="utf-8")
    return ws


def test_the_walk_lists_in_the_sorted_order_with_its_odd_names(tmp_path):
    """Folders and files whose names sort around each other, a folder named like a profile, .yml beside .yaml, hidden
    folders, a symbolic link to a folder (not entered, as rglob does not), a file link (listed)."""
    for rel in ["a/x.yaml", "a.yaml/x.yaml", "a-b/x.yml", "a.yaml.d/x.yaml", "A/x.yaml", ".an/x.yaml", "x.yaml",
                "b/c/d/x.yaml", "b/c.yaml", "b/c/x.yml", "z/x.yaml", "đ/x.yaml", "a/b/x.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("he_thong: dang\n", encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "link-a")
    os.symlink(tmp_path / "z" / "x.yaml", tmp_path / "b" / "x.yaml")
    expected = _sorted_search(tmp_path)
    assert _yaml_below(tmp_path) == expected
    assert expected["x.yaml"][:4] == ["/.an/x.yaml", "/A/x.yaml", "/a/x.yaml", "/a.yaml/x.yaml"]
    assert "/link-a/x.yaml" not in expected["x.yaml"] and "/b/x.yaml" in expected["x.yaml"]
    only = _yaml_below(tmp_path, frozenset({"x.yml", "c.yaml"}))
    assert only == {"x.yml": expected["x.yml"], "c.yaml": expected["c.yaml"]}
    assert _yaml_below(tmp_path / "nowhere") == {} and _yaml_below(tmp_path / "x.yaml") == {}


@pytest.mark.parametrize("scoped", [False, True], ids=["one draft", "a build"])
def test_a_base_is_found_where_the_sorted_search_finds_it(national, monkeypatch, scoped):
    monkeypatch.chdir(national)
    child = national / "profiles" / "tinh-07" / "xa-0712.yaml"
    base = national / "profiles" / "tinh-07" / "co-so-xa.yaml"
    with once.reading_once() if scoped else _no_scope():
        assert find_base("co-so-xa", child) == base
        assert find_base("co-so/cong-doan", base) == SHIPPED / "co-so" / "cong-doan.yaml"
        profile = load_profile(child)
    assert [s.name for s in profile.sources] == ["cong-doan.yaml", "co-so-xa.yaml", "xa-0712.yaml"]
    assert profile.system == "cong_doan"


@pytest.mark.parametrize("scoped", [False, True], ids=["one draft", "a build"])
def test_an_office_base_below_its_profiles_comes_before_the_shipped_one(tmp_path, monkeypatch, scoped):
    """Nearest first: a co-so/cong-doan.yaml anywhere below the workspace's profiles/ (here in a province's folder)
    is found before kehoach's own; the asking folder's own tree before the workspace's."""
    ws = tmp_path / "ws"
    for rel in ["profiles/tinh-b/co-so/cong-doan.yaml", "profiles/tinh-a/co-so/cong-doan.yml",
                "profiles/tinh-c/co-so/cong-doan.yaml", "profiles/tinh-c/rieng/co-so/cong-doan.yaml"]:
        (ws / rel).parent.mkdir(parents=True, exist_ok=True)
        (ws / rel).write_text("ke_thua: co-so/cong-doan\nluu: VT, VP\n", encoding="utf-8")
    monkeypatch.chdir(ws)
    with once.reading_once() if scoped else _no_scope():
        # .yaml before .yml in a folder, whatever their order: tinh-a's .yml comes after tinh-b's .yaml
        assert find_profile("co-so/cong-doan", ws / "profiles" / "tinh-x") == ws / "profiles/tinh-b/co-so/cong-doan.yaml"
        # the asking file's own folder first: tinh-c's nested one before the workspace's first
        assert find_profile("co-so/cong-doan", ws / "profiles" / "tinh-c") == ws / "profiles/tinh-c/co-so/cong-doan.yaml"
        # never itself: the next .yaml in sorted order; the .yml only when there is no .yaml but itself
        asking = ws / "profiles" / "tinh-b" / "co-so" / "cong-doan.yaml"
        assert find_base("co-so/cong-doan", asking) == ws / "profiles/tinh-c/co-so/cong-doan.yaml"
    for rel in ["tinh-c/co-so/cong-doan.yaml", "tinh-c/rieng/co-so/cong-doan.yaml"]:  # a scope is one state of files
        (ws / "profiles" / rel).unlink()
    with once.reading_once() if scoped else _no_scope():
        assert find_base("co-so/cong-doan", asking) == ws / "profiles/tinh-a/co-so/cong-doan.yml"


@pytest.mark.parametrize("first", ["sibling", "itself"])
@pytest.mark.parametrize("scoped", [False, True], ids=["one draft", "a build"])
def test_a_base_asked_from_one_folder_is_never_the_asker_whoever_asks_first(tmp_path, monkeypatch, scoped, first):
    """A build answers a name once per folder, whoever asks (paths.find_profile): a sibling naming co-so/cong-doan gets
    the first match, the first match itself gets the next one, in either order within one build."""
    ws = tmp_path / "ws"
    for rel in ["profiles/tinh-b/co-so/cong-doan.yaml", "profiles/tinh-c/co-so/cong-doan.yaml"]:
        (ws / rel).parent.mkdir(parents=True, exist_ok=True)
        (ws / rel).write_text("ke_thua: co-so/cong-doan\nluu: VT, VP\n", encoding="utf-8")
    folder = ws / "profiles" / "tinh-b" / "co-so"
    itself, sibling = folder / "cong-doan.yaml", folder / "khac.yaml"
    sibling.write_text("ke_thua: co-so/cong-doan\n", encoding="utf-8")
    expected = {sibling: itself, itself: ws / "profiles/tinh-c/co-so/cong-doan.yaml"}
    monkeypatch.chdir(ws)
    with once.reading_once() if scoped else _no_scope():
        for asking in [sibling, itself] if first == "sibling" else [itself, sibling]:
            assert find_base("co-so/cong-doan", asking) == expected[asking]
        for asking in [sibling, itself]:  # and asked again
            assert find_base("co-so/cong-doan", asking) == expected[asking]


def test_a_long_running_process_finds_a_profile_added_nearer_since(tmp_path, monkeypatch):
    """The web page runs for hours: a base a person adds in the asking profile's own folder is found at the next
    draft, not the farther one found before (a build, one state of files, keeps its first answer)."""
    ws = tmp_path / "ws"
    farther = ws / "profiles" / "co-so-xa.yaml"
    child = ws / "profiles" / "tinh-01" / "xa-01.yaml"
    child.parent.mkdir(parents=True)
    farther.write_text("ke_thua: co-so/cong-doan\n", encoding="utf-8")
    child.write_text(COMMUNE.format(base="co-so-xa", n=1), encoding="utf-8")
    monkeypatch.chdir(ws)
    assert find_base("co-so-xa", child) == farther
    nearer = child.parent / "co-so-xa.yaml"
    with once.reading_once():
        assert find_base("co-so-xa", child) == farther
        nearer.write_text("ke_thua: ../co-so-xa.yaml\n", encoding="utf-8")
        assert find_base("co-so-xa", child) == farther
    assert find_base("co-so-xa", child) == nearer
    nearer.unlink()
    assert find_base("co-so-xa", child) == farther


@pytest.mark.parametrize("scoped", [False, True], ids=["one draft", "a build"])
def test_a_missing_base_in_a_large_tree_is_the_same_error(national, monkeypatch, scoped):
    monkeypatch.chdir(national)
    child = national / "profiles" / "tinh-03" / "xa-0301.yaml"
    child.write_text(COMMUNE.format(base="co-so/cong-doann", n=1), encoding="utf-8")
    try:
        with once.reading_once() if scoped else _no_scope(), pytest.raises(InputError) as caught:
            load_profile(child)
    finally:
        child.write_text(COMMUNE.format(base="co-so-xa", n=1), encoding="utf-8")
    (problem,) = caught.value.problems
    assert (problem.file, problem.key, problem.line) == (child, "ke_thua", 1)
    searched = ", ".join(str(d) for d in [national / "profiles" / "tinh-03", national / "profiles", SHIPPED])
    assert problem.message == (f"không tìm thấy hồ sơ cơ sở 'co-so/cong-doann'; có phải ý bạn là 'co-so/cong-doan' hay "
                               f"'co-so/hoi-nong-dan' hay 'co-so/dang'? "
                               f"(đã tìm trong: {searched})")
    assert len(profile_dirs(child.parent)) > 3  # the same folder by two spellings is named once


class _no_scope:
    def __enter__(self) -> None:
        assert once.current() is None

    def __exit__(self, *exc: object) -> None:
        pass
