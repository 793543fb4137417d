"""Fixtures shared by the extractor tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def kb():
    """The packaged actor knowledge, loaded once for every actor test."""
    from dateline.extract.actors import load_knowledge
    from dateline.settings import Settings

    return load_knowledge(Settings())
