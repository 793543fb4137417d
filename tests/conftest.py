"""Shared fixtures: one spaCy pipeline per test session, and paths to optional shared material."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """dateline's spaCy pipeline (loaded once)."""
    from dateline.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text the way the pipeline does (no layout masking)."""
    return nlp
