"""Opening databases: creation, migrations, and clear errors for files that are not ours."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from records_fixtures import article_a

from dateline.errors import StoreError
from dateline.store import MIGRATIONS, SCHEMA_VERSION, Store
from dateline.store.schema import APPLICATION_ID, migrate


def test_new_database_has_the_latest_schema_and_wal(db_path):
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        conn = store.connection
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migrations_are_ordered_and_consecutive():
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_reopening_applies_nothing(db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path, isolation_level=None)
    assert migrate(conn) == []
    conn.close()


def test_a_v1_database_migrates_and_its_articles_become_searchable(db_path):
    conn = sqlite3.connect(db_path, isolation_level=None)
    assert migrate(conn, target=1) == [1]
    art = article_a()
    conn.execute("INSERT INTO articles (id, text, title, published, record, content_hash, ingested_at)"
                 " VALUES (?, ?, ?, ?, ?, 'x', '2020-01-01')",
                 (art.id, art.text, art.title, art.published, json.dumps(art.to_dict())))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [a["id"] for a in store.articles(search="diplomats")] == ["art-a"]
        assert store.get_article("art-a") == art.to_dict()


def test_missing_database_is_not_created_when_browsing(tmp_path):
    path = tmp_path / "none.db"
    with pytest.raises(StoreError, match="dateline ingest"):
        Store.open(path, create=False)
    assert not path.exists()


@pytest.mark.parametrize("setup, message", [
    (lambda p: p.write_bytes(b"this is not a database at all, just some text" * 20), "not a SQLite database"),
    (lambda p: _foreign_sqlite(p), "not a dateline database"),
    (lambda p: _newer(p), "newer than this dateline"),
    (lambda p: p.mkdir(), "is a directory"),
])
def test_files_that_are_not_dateline_databases_give_clear_errors(tmp_path, setup, message):
    path = tmp_path / "other.db"
    setup(path)
    with pytest.raises(StoreError, match=message):
        Store.open(path)


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "dir.db")


def test_in_memory_database_works():
    with Store.open(":memory:") as store:
        assert store.write_batch([article_a()]).new == 1
        assert store.stats()["articles"] == 1


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
