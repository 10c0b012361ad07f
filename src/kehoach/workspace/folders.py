"""A workspace: a folder of plans (ke-hoach/), documents (van-ban/), profiles (profiles/) and drafts (ban-thao/).

The layout is the one `examples/` uses. A folder without ke-hoach/ is itself the folder of plans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.errors import InputError, Problem
from kehoach.inputs.documents import is_plan_text

_OUTPUT_LINE = re.compile(r"^tep_ra\s*:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", re.MULTILINE)
_SKIP = {".kehoach", ".git", ".venv", "ban-thao", "profiles", "__pycache__"}


@dataclass
class Workspace:
    root: Path
    plans_dir: Path
    out_dir: Path
    _index: dict[str, Path] | None = field(default=None, repr=False)
    _texts: dict[Path, str] = field(default_factory=dict, repr=False)  # plan files read by plans(), for output_of

    @classmethod
    def open(cls, folder: Path, out_dir: Path | None = None) -> Workspace:
        if not folder.is_dir():
            raise InputError([Problem(folder, "không có thư mục này")])
        plans_dir = folder / "ke-hoach" if (folder / "ke-hoach").is_dir() else folder
        return cls(folder, plans_dir, out_dir or folder / "ban-thao")

    def plans(self) -> list[Path]:
        """Every plan file, in a stable order; documents and profiles in the same tree are not plans."""
        found = []
        for path in sorted(self.plans_dir.rglob("*.yaml")):
            rel = path.relative_to(self.plans_dir)
            if any(part in _SKIP or part.startswith(".") for part in rel.parts[:-1]):
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
            if is_plan_text(text):
                found.append(path)
                self._texts[path] = text
        return found

    def output_of(self, plan: Path, text: str | None = None) -> Path:
        """ban-thao/<same sub-folder>/<tep_ra or plan name>.docx, without parsing the YAML (a no-op build reads 3,000 plans)."""
        rel = plan.relative_to(self.plans_dir)
        raw = text if text is not None else self._texts.get(plan) or plan.read_text(encoding="utf-8")
        match = _OUTPUT_LINE.search(raw)
        name = match[1].strip() if match else plan.stem
        return self.out_dir / rel.parent / (name if name.endswith(".docx") else f"{name}.docx")

    def index(self) -> dict[str, Path]:
        """Document and plan keys → files, read once; the first of two files with one key wins, as in a search."""
        if self._index is None:
            van_ban = self.root / "van-ban"

            def rank(path: Path) -> tuple[int, str]:  # plans first, then van-ban/, then anything else
                return (0 if path.is_relative_to(self.plans_dir) else 1 if path.is_relative_to(van_ban) else 2, str(path))

            found = [p for p in self.root.rglob("*.yaml")
                     if not any(part in _SKIP or part.startswith(".") for part in p.relative_to(self.root).parts[:-1])]
            index: dict[str, Path] = {}
            for path in sorted(found, key=rank):
                index.setdefault(path.stem, path)
            self._index = index
        return self._index
