"""Shared fixtures: the real spaCy model is loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = ROOT / "examples" / "kremlin-geneve.txt"
SHARED_DEV = ROOT.parent / "shared" / "gold" / "dev"


@pytest.fixture(scope="session")
def fr():
    from lasswell.lang import load_language

    return load_language("fr")


@pytest.fixture(scope="session")
def example_article():
    import lasswell

    return lasswell.analyze(EXAMPLE.read_text(encoding="utf-8"), published="2022-01-11")


@pytest.fixture(scope="session")
def winer_gold():
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((DATA / "winer").glob("*.json"))]
