"""The repository's examples as a test's inputs: its plans and parent documents, never what was made from them.

A new user who follows the README (`kehoach web examples`, `kehoach xay-dung examples`) leaves examples/ban-thao/
with drafts and records in it; a test that copied the folder whole would start from those drafts (and find them
"không đổi") instead of from the inputs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
_MADE = {"ban-thao", "__pycache__"}  # the drafts folder kehoach writes by default; Python's caches


def _made(_folder: str, names: list[str]) -> set[str]:
    """What a run of kehoach, an editor or Python left in the examples (hidden files too: .kehoach/, ~$ locks)."""
    return {name for name in names if name in _MADE or name.startswith((".", "~$"))}


def copy_examples(dest: Path, *parts: str, dirs_exist_ok: bool = False) -> Path:
    """examples/<parts…> copied to `dest` without what runs left in it; returns `dest`."""
    shutil.copytree(EXAMPLES_DIR.joinpath(*parts), dest, ignore=_made, dirs_exist_ok=dirs_exist_ok)
    return dest
