"""Fixtures for the store tests: an empty store and one holding the hand-built records."""

from __future__ import annotations

from pathlib import Path

import pytest
from records_fixtures import FAILURE, article_a, article_b, article_c

from dateline.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path):
    with Store.open(db_path) as s:
        yield s


@pytest.fixture
def filled(store: Store) -> Store:
    """A store holding the three fixture articles and one failure."""
    store.write_batch([article_a(), article_b(), article_c(), FAILURE])
    return store
