from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from kehoach.workspace.drafts import generate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "ke-hoach"


def header_columns(doc) -> tuple[list, list]:
    """The paragraphs of the header's left and right columns, every row (names, then number and date)."""
    header = doc.tables[0]
    return tuple([p for cell in column.cells for p in cell.paragraphs] for column in header.columns)  # type: ignore[return-value]


class Parts:
    """The parts of a generated draft that the form rules talk about, read back with python-docx."""

    def __init__(self, path: Path):
        self.path = path
        self.doc = Document(str(path))
        signature = self.doc.tables[-1]
        self.left, self.right = header_columns(self.doc)
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


LONG_NAMED = Path(__file__).resolve().parent / "fixtures" / "ten-dai" / "ke-hoach"


@pytest.fixture(scope="session")
def long_named(tmp_path_factory) -> dict[str, Parts]:
    """Drafts of the bodies with the longest names after the 2025 reform (tests/fixtures/ten-dai)."""
    out = tmp_path_factory.mktemp("ten-dai")
    return {plan.stem: Parts(generate(plan, out_dir=out).output) for plan in sorted(LONG_NAMED.glob("*.yaml"))}
