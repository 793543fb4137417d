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
import os
import socket
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..ingest.fields import printable
from ..records import Article, Failure
from . import corpus, generation, queries
from .corpus_view import CorpusView
from .schema import APPLICATION_ID, SCHEMA_VERSION, migrate, schema_version
from .writer import WriteStats, utc_now, write_article, write_failure

__all__ = ["Store", "DEFAULT_DB", "missing_database_message"]

log = logging.getLogger(__name__)

DEFAULT_DB = "dateline.db"

# What the database says about a record it will not take (as opposed to a problem of the database).
_RECORD_ERRORS = (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.ProgrammingError, sqlite3.DataError)


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
        return CorpusView(self._conn, memo=self._memo)

    def _memo(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """``compute()``, kept per generation of the file when the store is read-only (nothing of this
        process writes to it then, and another writer changes the generation)."""
        if not self.readonly:
            return compute()
        return generation.cached(self.path, key, compute)

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
                    key = _item_id(item)
                    self._write_one(conn, item, run_id=run_id, now=now, stats=stats,
                                    input_hash=(input_hashes or {}).get(key) if isinstance(key, str) else None)
                if run_id is not None:
                    self._add_run_counts(run_id, stats)
        except sqlite3.Error as exc:
            raise StoreError(f"could not write to the database {self.path}: {exc}") from exc
        log.debug("batch written: %s", stats)
        return stats

    def _write_one(self, conn: sqlite3.Connection, item: Article | Failure | Mapping[str, Any], *,
                   run_id: int | None, now: str, stats: WriteStats, input_hash: str | None = None) -> None:
        """Write one item; an article the database will not take is recorded as a failure of stage ``store``.

        A problem of the database itself (disk full, locked, corrupt), or an item that is no
        article record at all (:class:`StoreError`, a caller's mistake), still ends the batch.
        """
        conn.execute("SAVEPOINT dateline_item")
        try:
            if isinstance(item, Failure):
                write_failure(conn, item, run_id=run_id, now=now, stats=stats)
            else:
                write_article(conn, item, run_id=run_id, now=now, stats=stats, input_hash=input_hash)
        except StoreError:
            raise
        except sqlite3.Error as exc:
            if not isinstance(exc, _RECORD_ERRORS):
                raise
            conn.execute("ROLLBACK TO dateline_item")
            write_failure(conn, _store_failure(item, exc), run_id=run_id, now=now, stats=stats)
        except Exception as exc:  # UnicodeEncodeError, a malformed record dict, ...
            conn.execute("ROLLBACK TO dateline_item")
            write_failure(conn, _store_failure(item, exc), run_id=run_id, now=now, stats=stats)
        conn.execute("RELEASE dateline_item")

    def has_input(self, article_id: str, input_hash: str) -> bool:
        """Whether the article is stored from this very input, analysed by the same code and settings
        (so parsing it again would change nothing): as an article, or as a duplicate of an article
        that still has its text."""
        row = self._conn.execute(
            "SELECT 1 FROM articles WHERE id = ? AND input_hash = ?"
            " UNION ALL SELECT 1 FROM duplicates d JOIN articles a ON a.id = d.duplicate_of"
            " AND a.text_hash = d.text_hash WHERE d.id = ? AND d.input_hash = ? LIMIT 1",
            (article_id, input_hash, article_id, input_hash)).fetchone()
        return row is not None

    def _check_run(self, run_id: int) -> None:
        if self._conn.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone() is None:
            raise StoreError(f"there is no run {run_id} in {self.path}: start one with Store.start_run()")

    def _add_run_counts(self, run_id: int, stats: WriteStats) -> None:
        row = self._conn.execute("SELECT counts FROM runs WHERE id = ?", (run_id,)).fetchone()
        counts = WriteStats().add(json.loads(row[0] or "{}")).add(stats)
        self._conn.execute("UPDATE runs SET counts = ? WHERE id = ?", (json.dumps(counts.to_dict()), run_id))

    def start_run(self, settings: Mapping[str, Any] | None = None) -> int:
        """Record the start of a run with the settings it uses; returns the run id.

        Runs left ``running`` by a process that no longer exists (killed with ``kill -9``, or a
        machine that went down) are marked ``interrupted`` first; see :meth:`mark_interrupted`.
        """
        payload = json.dumps(dict(settings or {}), ensure_ascii=False, default=str, sort_keys=True)
        self.mark_interrupted()
        host, pid, started = this_process()
        with self.transaction() as conn:
            cur = conn.execute("INSERT INTO runs (started_at, settings, counts, host, pid, process_started)"
                               " VALUES (?, ?, ?, ?, ?, ?)",
                               (utc_now(), payload, json.dumps(WriteStats().to_dict()), host, pid, started))
        return int(cur.lastrowid)

    def mark_interrupted(self) -> list[int]:
        """Mark ``interrupted`` the runs still ``running`` whose process is gone; returns their ids.

        A run started on this machine is gone when no process has its id and start time. A run of
        another machine cannot be checked from here and is left alone; one recorded before
        dateline kept its process (schema v5) is taken to be gone.
        """
        host = this_process()[0]
        gone = []
        for row in self._conn.execute("SELECT id, host, pid, process_started FROM runs WHERE status = 'running'"):
            run_id, run_host, pid, started = row[0], row[1], row[2], row[3]
            if run_host is None or pid is None or (run_host == host and not process_alive(pid, started)):
                gone.append(run_id)
        if gone:
            note = json.dumps({"interrupted": "its process had ended without finishing the run (found by "
                                              "the next run's start); re-run it: what it stored is kept"})
            with self.transaction() as conn:
                conn.executemany("UPDATE runs SET status = 'interrupted', summary = COALESCE(summary, ?)"
                                 " WHERE id = ? AND status = 'running'", [(note, run_id) for run_id in gone])
            log.warning("runs %s had been interrupted: marked so", ", ".join(map(str, gone)))
        return gone

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
        return self._memo(("total", kind, _frozen(filters)), lambda: queries.total(self._conn, kind, **filters))

    def errors(self, **filters: Any) -> list[dict[str, Any]]:
        """Recorded failures; see :func:`queries.errors`."""
        return queries.errors(self._conn, **filters)

    def duplicates(self, **filters: Any) -> list[dict[str, Any]]:
        """Ids whose text repeats a stored article; see :func:`queries.duplicates`."""
        return queries.duplicates(self._conn, **filters)

    def runs(self, **filters: Any) -> list[dict[str, Any]]:
        """Recorded runs, latest first; see :func:`queries.runs`."""
        return queries.runs(self._conn, **filters)

    def get_article(self, article_id: str, *, include_text: bool = False) -> dict[str, Any] | None:
        """The stored FORMAT.md record of one article (None when unknown)."""
        return queries.get_article(self._conn, article_id, include_text=include_text)

    def stats(self) -> dict[str, Any]:
        """Counts of articles, spans, errors and events, the date range and the file size."""
        return self._memo(("stats",), lambda: queries.stats(self._conn, path=self.path))


def this_process() -> tuple[str, int, str | None]:
    """This machine's name, this process's id and its start time (None where it cannot be read)."""
    pid = os.getpid()
    return socket.gethostname(), pid, process_start(pid)


def process_start(pid: int) -> str | None:
    """When process ``pid`` started, in clock ticks since boot (Linux /proc); None elsewhere.

    With the process id it names one process: a new process that reuses the id has another start.
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rfind(")") + 2:].split()
    return fields[19] if len(fields) > 19 else None  # field 22 of stat(5), the 20th after the name


def process_alive(pid: int, started: str | None) -> bool:
    """Whether process ``pid`` of this machine still runs (and is the one that started at ``started``)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    except OSError:
        return False
    if started is None:
        return True
    now = process_start(pid)
    return now is None or now == started


def _store_failure(item: Any, exc: BaseException) -> Failure:
    """The failure recorded for an item the database would not take."""
    log.error("could not store %r: %s: %s", _item_id(item), type(exc).__name__, exc)
    origin = getattr(item, "origin", None) or (item.get("origin") if isinstance(item, Mapping) else None)
    article = _item_id(item)
    return Failure(origin=printable(str(origin or article or "<record>")), stage="store", reason="store-error",
                   id=None if article is None else printable(str(article)),
                   detail=printable(f"the database would not take this record ({type(exc).__name__}: {exc})"))


def _frozen(filters: Mapping[str, Any]) -> tuple[Any, ...]:
    """Filters as a key: sorted (name, value) pairs, lists as tuples."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in filters.items()))


def _item_id(item: Any) -> Any:
    return getattr(item, "id", None) if not isinstance(item, Mapping) else item.get("id")


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

