"""Fixtures for the kiemtra tests: the seed copies and a writer for hand-made .docx drafts."""

from __future__ import annotations

from pathlib import Path

import pytest
from kiemtra_docs import Spec, write_docx

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


@pytest.fixture
def make_docx(tmp_path):
    counter = iter(range(1000))

    def make(spec: Spec) -> Path:
        return write_docx(spec, tmp_path / f"van-ban-{next(counter)}.docx")

    return make


@pytest.fixture
def seeds() -> Path:
    return SEEDS
