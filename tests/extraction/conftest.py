"""Fixtures for extraction tests: one extractor per session, helpers to find mentions."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import Paper



@pytest.fixture(scope="session")
def data_dir() -> Path:
    return Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def extractor():
    from kg.extraction import Extractor
    return Extractor()


@pytest.fixture(scope="session")
def seed_papers(shared_dir) -> list[Paper]:
    from loaders.readers import read_records
    papers = list(read_records(sorted(str(p) for p in (shared_dir / "seeds").glob("*.txt"))))
    assert len(papers) > 400
    return papers


@pytest.fixture(scope="session")
def find():
    """``find(mentions, text)``: the mentions whose surface is ``text``."""
    return lambda mentions, text: [m for m in mentions if m.text == text]
