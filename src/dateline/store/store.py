"""The SQLite store: opening (and migrating) a database, writing batches, recording runs.

>>> with Store.open("dateline.db") as store:                            # doctest: +SKIP
...     run = store.start_run({"model": "en_core_web_sm"})
...     stats = store.write_batch(results, run_id=run)
...     store.finish_run(run, stats)
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..records import Article, Failure
from . import corpus, queries
from .corpus_view import CorpusView
from .schema import APPLICATION_ID, SCHEMA_VERSION, migrate, schema_version
from .writer import WriteStats, utc_now, write_article, write_failure

__all__ = ["Store", "DEFAULT_DB", "missing_database_message"]

log = logging.getLogger(__name__)

DEFAULT_DB = "dateline.db"


def missing_database_message(path: str | Path) -> str:
    """What to tell a user who browses a database that does not exist yet."""
    return f"no database at {path}: run `dateline ingest INPUT --db {path}` first"


class Store:
    """A dateline database. Open it with :meth:`Store.open`; use it as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: str, *, readonly: bool = False) -> None:
        self._conn = conn
        self.path = path
        self.readonly = readonly

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, *, create: bool = True, readonly: bool = False) -> "Store":
        """Open a database, creating it when ``create`` is true, and bring its schema up to date.

        ``readonly`` opens an existing database for reading only: nothing is created, migrated or
        written (``dateline serve`` reads this way), and a database of an older schema is refused.

        Raises :class:`StoreError` when the file is missing (and ``create`` is false), cannot be
        opened, is not a SQLite file, or is a SQLite database of some other program.
        """
        name = str(path)
        in_memory = name == ":memory:"
        if readonly:
            return cls._open_readonly(name)
        if not in_memory:
            file = Path(name)
            if file.is_dir():
                raise StoreError(f"{name} is a directory, not a database file: give a file path with --db")
            if not file.exists():
                if not create:
                    raise StoreError(missing_database_message(name))
                if not file.parent.exists():
                    raise StoreError(f"cannot create the database {name}: the folder {file.parent} does not exist")
        try:
            conn = sqlite3.connect(name, isolation_level=None, timeout=30, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {name}: {exc}") from exc
        try:
            _check_identity(conn, name)
            conn.execute("PRAGMA foreign_keys = ON")
            if not in_memory:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot use the database {name}: {exc}") from exc
        conn.row_factory = sqlite3.Row
        return cls(conn, name)

    @classmethod
    def _open_readonly(cls, name: str) -> "Store":
        file = Path(name)
        if name == ":memory:" or not file.is_file():
            raise StoreError(missing_database_message(name) if not file.exists() or name == ":memory:"
                             else f"{name} is a directory, not a database file: give a file path with --db")
        uri = "file:" + urllib.parse.quote(str(file.resolve())) + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {name} for reading: {exc}") from exc
        try:
            _check_identity(conn, name)
            version = schema_version(conn)
            if version == 0:
                raise StoreError(f"{name} is an empty database: run `dateline ingest INPUT --db {name}` first")
            if version < SCHEMA_VERSION:
                raise StoreError(f"the database {name} has schema version {version}, older than this dateline's "
                                 f"({SCHEMA_VERSION}), and is opened read-only: upgrade it by running "
                                 f"`dateline ingest` on it once")
            if version > SCHEMA_VERSION:
                raise StoreError(f"the database {name} has schema version {version}, newer than this dateline "
                                 f"knows ({SCHEMA_VERSION}): upgrade dateline, or choose another --db file")
            conn.execute("PRAGMA query_only = ON")
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot read the database {name}: {exc}") from exc
        conn.row_factory = sqlite3.Row
        return cls(conn, name, readonly=True)

    def close(self) -> None:
        """Close the connection (uncommitted work is rolled back).

        A database opened for writing is left in rollback-journal mode, so that readers that may
        not write (``dateline serve``, a read-only folder) need no ``-wal``/``-shm`` files.
        """
        if not self.readonly:
            corpus.refresh_quietly(self._conn, self.path)
        if not self.readonly and self.path != ":memory:":
            try:
                self._conn.execute("PRAGMA busy_timeout = 1000")
                self._conn.execute("PRAGMA journal_mode = DELETE")
            except sqlite3.Error as exc:  # another connection is reading: it stays in WAL mode for now
                log.debug("left %s in WAL mode: %s", self.path, exc)
        self._conn.close()

    def refresh_corpus(self, *, force: bool = False) -> dict[str, Any]:
        """Rebuild the corpus view (near duplicates, corpus events) if the articles changed, or ``force``."""
        return corpus.refresh_store(self._conn, self.path, readonly=self.readonly, force=force)

    @property
    def corpus(self) -> CorpusView:
        """The corpus view: events grouped across articles, their aggregates, dyads and actors."""
        return CorpusView(self._conn)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection (autocommit mode; rows are :class:`sqlite3.Row`)."""
        return self._conn

    @property
    def schema_version(self) -> int:
        return schema_version(self._conn)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # -- writing -----------------------------------------------------------------------------

    def write_batch(self, results: Iterable[Article | Failure | Mapping[str, Any]], *,
                    run_id: int | None = None, input_hashes: Mapping[str, str] | None = None) -> WriteStats:
        """Store articles and failures in one transaction; returns what was written.

        An article is identified by its id: the same id with the same content is left alone, the
        same id with a different text or record replaces the old rows. A failure seen again (same
        origin, stage and reason) only updates its ``last_seen``. Articles may also be FORMAT.md
        dicts that carry their ``text``. ``input_hashes`` maps article ids to the hash of their
        input (:func:`dateline.fingerprint.input_hash`), kept for :meth:`has_input`.
        """
        stats = WriteStats()
        now = utc_now()
        try:
            with self.transaction() as conn:
                if run_id is not None:
                    self._check_run(run_id)
                for item in results:
                    if isinstance(item, Failure):
                        write_failure(conn, item, run_id=run_id, now=now, stats=stats)
                    else:
                        key = item.id if isinstance(item, Article) else (
                            item.get("id") if isinstance(item, Mapping) else None)
                        write_article(conn, item, run_id=run_id, now=now, stats=stats,
                                      input_hash=(input_hashes or {}).get(key) if isinstance(key, str) else None)
                if run_id is not None:
                    self._add_run_counts(run_id, stats)
        except sqlite3.Error as exc:
            raise StoreError(f"could not write to the database {self.path}: {exc}") from exc
        log.debug("batch written: %s", stats)
        return stats

    def has_input(self, article_id: str, input_hash: str) -> bool:
        """Whether the article is stored from this very input, analysed by the same code and settings
        (so parsing it again would change nothing)."""
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ? AND input_hash = ?",
                                 (article_id, input_hash)).fetchone()
        return row is not None

    def _check_run(self, run_id: int) -> None:
        if self._conn.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone() is None:
            raise StoreError(f"there is no run {run_id} in {self.path}: start one with Store.start_run()")

    def _add_run_counts(self, run_id: int, stats: WriteStats) -> None:
        row = self._conn.execute("SELECT counts FROM runs WHERE id = ?", (run_id,)).fetchone()
        counts = WriteStats().add(json.loads(row[0] or "{}")).add(stats)
        self._conn.execute("UPDATE runs SET counts = ? WHERE id = ?", (json.dumps(counts.to_dict()), run_id))

    def start_run(self, settings: Mapping[str, Any] | None = None) -> int:
        """Record the start of a run with the settings it uses; returns the run id."""
        payload = json.dumps(dict(settings or {}), ensure_ascii=False, default=str, sort_keys=True)
        with self.transaction() as conn:
            cur = conn.execute("INSERT INTO runs (started_at, settings, counts) VALUES (?, ?, ?)",
                               (utc_now(), payload, json.dumps(WriteStats().to_dict())))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, summary: Mapping[str, Any] | WriteStats | None = None, *,
                   status: str = "finished") -> None:
        """Record the end of a run with a summary (counts, timings ...)."""
        if isinstance(summary, WriteStats):
            summary = summary.to_dict()
        payload = json.dumps(dict(summary or {}), ensure_ascii=False, default=str)
        with self.transaction() as conn:
            cur = conn.execute("UPDATE runs SET finished_at = ?, status = ?, summary = ? WHERE id = ?",
                               (utc_now(), status, payload, run_id))
            if cur.rowcount == 0:
                raise StoreError(f"there is no run {run_id} in {self.path}: start one with Store.start_run()")

    # -- reading (see queries.py) --------------------------------------------------------------

    def articles(self, **filters: Any) -> list[dict[str, Any]]:
        """Articles, newest first (best match first with ``search``); see :func:`queries.articles`."""
        return queries.articles(self._conn, **filters)

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        """Events; see :func:`queries.events`."""
        return queries.events(self._conn, **filters)

    def quotes(self, **filters: Any) -> list[dict[str, Any]]:
        """Quotes; see :func:`queries.quotes`."""
        return queries.quotes(self._conn, **filters)

    def actors(self, **filters: Any) -> list[dict[str, Any]]:
        """Actors; see :func:`queries.actors`."""
        return queries.actors(self._conn, **filters)

    def total(self, kind: str, **filters: Any) -> int:
        """How many articles, events, quotes or actors match the filters; see :func:`queries.total`."""
        return queries.total(self._conn, kind, **filters)

    def errors(self, **filters: Any) -> list[dict[str, Any]]:
        """Recorded failures; see :func:`queries.errors`."""
        return queries.errors(self._conn, **filters)

    def runs(self, **filters: Any) -> list[dict[str, Any]]:
        """Recorded runs, latest first; see :func:`queries.runs`."""
        return queries.runs(self._conn, **filters)

    def get_article(self, article_id: str, *, include_text: bool = False) -> dict[str, Any] | None:
        """The stored FORMAT.md record of one article (None when unknown)."""
        return queries.get_article(self._conn, article_id, include_text=include_text)

    def stats(self) -> dict[str, Any]:
        """Counts of articles, spans, errors and events, the date range and the file size."""
        return queries.stats(self._conn, path=self.path)


def _check_identity(conn: sqlite3.Connection, name: str) -> None:
    """Raise StoreError unless the database is new or a dateline database."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{name} is not a SQLite database ({exc}): choose another --db file") from exc
    if app_id == APPLICATION_ID:
        return
    if app_id == 0 and tables == 0:
        return
    raise StoreError(f"{name} is a SQLite database but not a dateline database: choose another --db file")

