from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt

from kehoach.workspace.drafts import generate

from .tools import convert, require

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "ke-hoach"
# The trial's parent (trial 1, defects 12 and 13): Ban Thường vụ Tỉnh ủy's plan continuing Chỉ thị 21-CT/TW.
KH_15 = """loai: Kế hoạch
so_ky_hieu: 15-KH/TU
ngay: 20/11/2026
co_quan: Ban Thường vụ Tỉnh ủy
thuc_hien: [21-ct-tw]
cum_tu: tiếp tục thực hiện
"""


def seen(text: str) -> str:
    """A paragraph's text as a reader sees it: a non-breaking space (organ names in a title) is a space."""
    return text.replace("\u00a0", " ")


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
        # As a reader sees it: the non-breaking spaces that keep an organ name on one line are spaces.
        return [seen(p.text) for p in paragraphs if p.text.strip()]

    def find(self, paragraphs, text: str):
        for p in paragraphs:
            if seen(p.text) == text:
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


STAMP = ["Ký bởi: Liên đoàn Lao động tỉnh Lai Châu", "Email: ldld@laichau.gov.vn", "Cơ quan: Tỉnh Lai Châu",
         "Thời gian ký: 23.08.2023 15:21:09 +07:00"]
LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "nhap-bo-cuc"


def _stamped(draft: Path, out: Path) -> Path:
    """The draft as an e-office system returns it signed: the stamp's lines over the header and by the signature."""
    doc = Document(str(draft))
    for cell in (doc.tables[0].rows[0].cells[1], doc.tables[-1].rows[0].cells[1]):
        for line in STAMP:
            run = cell.add_paragraph().add_run(line)
            run.font.size = Pt(8)
    doc.save(str(out))
    return out


@pytest.fixture(scope="session")
def layout_drafts(tmp_path_factory) -> dict[str, Path]:
    """Drafts of the layouts offices receive beyond kehoach's examples (tests/fixtures/nhap-bo-cuc), by plan."""
    out = tmp_path_factory.mktemp("bo-cuc")
    return {plan.stem: generate(plan, out_dir=out).output for plan in sorted((LAYOUTS / "ke-hoach").glob("*.yaml"))}


@pytest.fixture(scope="session")
def pdfs(generated, layout_drafts, tmp_path_factory) -> dict[str, Path]:
    """Every example's PDF, the signed one, and the layouts' PDFs, from ONE LibreOffice run."""
    require("soffice")
    out = tmp_path_factory.mktemp("pdf")
    stamped = _stamped(generated["000"].path, out / "000-da-ky.docx")
    files = [parts.path for parts in generated.values()] + [stamped] + list(layout_drafts.values())
    return {f.stem: pdf for f, pdf in zip(files, convert(files, "pdf", out), strict=True)}
