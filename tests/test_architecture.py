"""The package's shape: its folders are the stages of the data flow, and imports only go down the stages.

A module may import its own stage and the stages below it, never one above, and never a neighbour of the same
rank (nhap, above kiemtra, uses its term list and issuer codes; kiemtra never uses nhap). Lazy imports inside
functions count too:
a cycle hidden in a function is still a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kehoach"

# Lowest first: the rank of each stage (a subpackage or a top-level module).
STAGES: dict[str, int] = {
    "kehoach": 0,  # __init__: the version
    "kehoach.errors": -1,  # the exception tree: below everything, files.py raises its errors too
    "kehoach.files": 0,
    "kehoach.cli_vi": 0,  # click's own words in Vietnamese: imports nothing of kehoach
    "kehoach.text": 1,
    "kehoach.inputs": 2,
    "kehoach.drafting": 3,
    "kehoach.docx": 4,
    "kehoach.generate": 5,
    "kehoach.catalog": 5,
    "kehoach.workspace": 6,
    "kehoach.kiemtra": 7,
    "kehoach.nhap": 8,
    "kehoach.web": 9,
    "kehoach.cli": 10,
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every kehoach module `name` imports, at any depth of its code, resolved to a module of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from kehoach.drafting import citations` imports the module kehoach.drafting.citations.
            targets |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names}
    return {t for t in targets if t in known and t != name}


def _stage(module: str) -> str:
    parts = module.split(".")
    for n in (2, 1):
        if ".".join(parts[:n]) in STAGES:
            return ".".join(parts[:n])
    raise AssertionError(f"{module} belongs to no stage: add its folder to STAGES")


MODULES = _modules()
GRAPH = {name: _imports(name, path, set(MODULES)) for name, path in MODULES.items()}


def test_every_module_belongs_to_a_stage() -> None:
    for module in MODULES:
        _stage(module)


def test_imports_go_down_the_stages() -> None:
    wrong = []
    for module, targets in GRAPH.items():
        here = _stage(module)
        for target in targets:
            there = _stage(target)
            if there != here and STAGES[there] >= STAGES[here]:
                wrong.append(f"{module} → {target} ({here} rank {STAGES[here]}, {there} rank {STAGES[there]})")
    assert not wrong, "imports going up or sideways:\n" + "\n".join(sorted(wrong))


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                cycle = path[path.index(target):] + [target]
                pytest.fail("import cycle: " + " → ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)


def test_the_top_of_the_package_is_small_and_each_stage_says_what_it_does() -> None:
    top = [p.name for p in PACKAGE.glob("*.py")]
    assert len(top) <= 8, top
    for folder in (p for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()):
        doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
        assert doc, f"{folder.name}/__init__.py has no docstring saying what the stage does"


def test_the_checker_catches_an_upward_import(tmp_path: Path) -> None:
    """The walk itself works: a low module importing a high one is seen (so the tests above can fail)."""
    low = tmp_path / "vntext.py"
    low.write_text("from kehoach.workspace.build import build\n", encoding="utf-8")
    found = _imports("kehoach.text.vntext", low, set(MODULES))
    assert found == {"kehoach.workspace.build"}
    assert STAGES[_stage("kehoach.workspace.build")] > STAGES[_stage("kehoach.text.vntext")]
