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


def _schema(conn: sqlite3.Connection) -> dict:
    """Everything of a database's schema that its use depends on, column order included."""
    out: dict = {"version": conn.execute("PRAGMA user_version").fetchone()[0],
                 "application_id": conn.execute("PRAGMA application_id").fetchone()[0]}
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master ORDER BY type, name").fetchall():
        if kind == "table":
            out[name] = (conn.execute(f"PRAGMA table_xinfo('{name}')").fetchall(),
                         conn.execute(f"PRAGMA foreign_key_list('{name}')").fetchall())
        elif kind == "index":
            out[name] = conn.execute(f"PRAGMA index_xinfo('{name}')").fetchall()
        else:
            out[name] = " ".join(conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,))
                                 .fetchone()[0].split())
    return out


def _fresh_schema(tmp_path: Path) -> dict:
    with Store.open(tmp_path / "fresh.db") as store:
        return _schema(store.connection)


@pytest.mark.parametrize("version", range(0, SCHEMA_VERSION))
def test_a_database_upgraded_from_any_version_has_the_schema_of_a_new_one(tmp_path, version):
    path = tmp_path / f"v{version}.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=version)
    conn.close()
    with Store.open(path) as store:
        assert _schema(store.connection) == _fresh_schema(tmp_path)


# The duplicates table and the runs' process as another line of development numbered them (v3, v4),
# before the input hash (now v3) was merged in ahead of them.
_PARALLEL_V3 = """
ALTER TABLE articles ADD COLUMN text_hash TEXT;
UPDATE articles SET text_hash = 'x';
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE TABLE duplicates (
    id TEXT PRIMARY KEY, duplicate_of TEXT NOT NULL, text_hash TEXT NOT NULL, published TEXT, source TEXT,
    title TEXT, url TEXT, origin TEXT, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL
);
CREATE INDEX duplicates_of ON duplicates(duplicate_of);
PRAGMA user_version = 3;
"""
_PARALLEL_V4 = """
ALTER TABLE runs ADD COLUMN host TEXT;
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN process_started TEXT;
PRAGMA user_version = 4;
"""


@pytest.mark.parametrize("version", [3, 4])
def test_a_database_of_the_parallel_numbering_is_renumbered_and_keeps_its_rows(tmp_path, version):
    path = tmp_path / f"parallel-v{version}.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=2)
    art = article_a()
    conn.execute("INSERT INTO articles (id, text, title, published, record, content_hash, ingested_at)"
                 " VALUES (?, ?, ?, ?, ?, 'x', '2020-01-01')",
                 (art.id, art.text, art.title, art.published, json.dumps(art.to_dict())))
    conn.executescript(_PARALLEL_V3 + (_PARALLEL_V4 if version == 4 else ""))
    conn.execute("INSERT INTO duplicates (id, duplicate_of, text_hash, first_seen, last_seen)"
                 " VALUES ('copy', 'art-a', 'x', '2020-01-01', '2020-01-01')")
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        if sqlite3.sqlite_version_info >= (3, 35, 0):
            assert _schema(store.connection) == _fresh_schema(tmp_path)
        assert store.get_article("art-a") == art.to_dict()
        assert [d["id"] for d in store.duplicates(of="art-a")] == ["copy"]
        assert store.connection.execute("SELECT text_hash, input_hash FROM articles").fetchone()[1] is None
        assert store.write_batch([article_a(id="again", text=art.text + "\n")]).duplicates == 1


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
