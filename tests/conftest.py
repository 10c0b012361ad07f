from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from kehoach.workspace.drafts import generate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "ke-hoach"


class Parts:
    """The parts of a generated draft that the form rules talk about, read back with python-docx."""

    def __init__(self, path: Path):
        self.path = path
        self.doc = Document(str(path))
        header, signature = self.doc.tables[0], self.doc.tables[-1]
        self.left, self.right = (c.paragraphs for c in header.rows[0].cells)
        self.sig_left, self.sig_right = (c.paragraphs for c in signature.rows[0].cells)
        self.body = [p for p in self.doc.paragraphs]

    @staticmethod
    def texts(paragraphs) -> list[str]:
        return [p.text for p in paragraphs if p.text.strip()]

    def find(self, paragraphs, text: str):
        for p in paragraphs:
            if p.text == text:
                return p
        raise AssertionError(f"không thấy đoạn {text!r}")

    def body_texts(self) -> list[str]:
        return self.texts(self.body)


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> dict[str, Parts]:
    out = tmp_path_factory.mktemp("ban-thao")
    results = {}
    for plan in sorted(EXAMPLES.glob("*.yaml")):
        result = generate(plan, out_dir=out)
        results[plan.stem[:3] if plan.stem[:3].isdigit() else plan.stem] = Parts(result.output)
    return results
