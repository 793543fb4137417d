"""The database schema as an ordered list of migrations, and the code that applies them.

The schema version lives in ``PRAGMA user_version``; a dateline database is recognised by its
``PRAGMA application_id``. Opening a database applies every migration newer than its version,
each in its own transaction, so an interrupted upgrade leaves a consistent older version behind.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from ..errors import StoreError
from .kept import V7_KEPT, V8_SPAN_COUNTS
from .schema_corpus import V6_CORPUS

__all__ = ["Migration", "MIGRATIONS", "SCHEMA_VERSION", "APPLICATION_ID", "migrate", "schema_version"]

log = logging.getLogger(__name__)

#: ``PRAGMA application_id`` of every dateline database ("DLNE").
APPLICATION_ID = 0x444C4E45


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: the version it leads to, what it does, and its SQL script."""

    version: int
    description: str
    sql: str


_V1_CORE = """
CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    status        TEXT NOT NULL DEFAULT 'running',
    settings      TEXT NOT NULL DEFAULT '{}',
    counts        TEXT NOT NULL DEFAULT '{}',
    summary       TEXT
);

-- `num` is a stable integer key (the full-text index needs one); `id` is the article's identity.
CREATE TABLE articles (
    num             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    text            TEXT NOT NULL,
    published       TEXT,
    source          TEXT,
    title           TEXT,
    url             TEXT,
    origin          TEXT,
    dateline_place  TEXT,
    dateline_date   TEXT,
    dateline_agency TEXT,
    dateline_start  INTEGER,
    dateline_end    INTEGER,
    body_start      INTEGER,
    body_end        INTEGER,
    record          TEXT NOT NULL,
    content_hash    TEXT NOT NULL,
    ingested_at     TEXT NOT NULL,
    run_id          INTEGER REFERENCES runs(id) ON DELETE SET NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);

CREATE TABLE sentences (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE actors (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER,
    "end"       INTEGER,
    text        TEXT,
    name        TEXT,
    country     TEXT,
    sector      TEXT,
    kind        TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX actors_country ON actors(country);
CREATE INDEX actors_sector ON actors(sector);
CREATE INDEX actors_name ON actors(name);

CREATE TABLE quotes (
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    content_start   INTEGER NOT NULL,
    content_end     INTEGER NOT NULL,
    content_text    TEXT NOT NULL,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    speaker_text    TEXT,
    speaker_name    TEXT,
    speaker_country TEXT,
    speaker_sector  TEXT,
    cue_start       INTEGER,
    cue_end         INTEGER,
    cue_text        TEXT,
    date            TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker_name ON quotes(speaker_name);
CREATE INDEX quotes_date ON quotes(date);

CREATE TABLE times (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       TEXT,
    type        TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX times_value ON times(value);

CREATE TABLE places (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    name        TEXT,
    geonameid   INTEGER,
    lat         REAL,
    lon         REAL,
    country     TEXT,
    feature     TEXT,
    score       REAL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX places_country ON places(country);
CREATE INDEX places_geonameid ON places(geonameid);

CREATE TABLE events (
    article_id          TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx                 INTEGER NOT NULL,
    type                TEXT NOT NULL,
    mode                TEXT,
    context             TEXT NOT NULL DEFAULT '[]',
    source              TEXT NOT NULL DEFAULT '[]',
    target              TEXT NOT NULL DEFAULT '[]',
    source_name         TEXT,
    source_country      TEXT,
    source_sector       TEXT,
    target_name         TEXT,
    target_country      TEXT,
    target_sector       TEXT,
    sentence_start      INTEGER,
    sentence_end        INTEGER,
    sentence_text       TEXT,
    trigger_start       INTEGER,
    trigger_end         INTEGER,
    trigger_text        TEXT,
    date                TEXT,
    location_text       TEXT,
    location_name       TEXT,
    location_lat        REAL,
    location_lon        REAL,
    location_country    TEXT,
    location_geonameid  INTEGER,
    cameo               TEXT,
    quad                INTEGER,
    goldstein           REAL,
    status              TEXT,
    attributed_to       TEXT,
    confidence          REAL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_source_country ON events(source_country);
CREATE INDEX events_target_country ON events(target_country);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_status ON events(status);

CREATE TABLE errors (
    id          INTEGER PRIMARY KEY,
    origin      TEXT NOT NULL,
    article_id  TEXT,
    stage       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    detail      TEXT,
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    seen        INTEGER NOT NULL DEFAULT 1,
    run_id      INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    UNIQUE (origin, stage, reason)
);
CREATE INDEX errors_reason ON errors(reason);
CREATE INDEX errors_article ON errors(article_id);
"""

_V2_FULL_TEXT = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='num', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.num, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.num, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.num, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.num, new.title, new.text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
"""

_V3_INPUT_HASH = """
ALTER TABLE articles ADD COLUMN input_hash TEXT;
"""

# A database of the parallel numbering (see _renumber_parallel) has ``articles.text_hash`` and
# ``duplicates`` already, without the input hash. ``text_hash`` (derived from the text, so nothing is
# lost) is dropped and added again after ``input_hash``, so that the columns come in the order of a
# new database; SQLite before 3.35 cannot drop a column, and there they stay in the other order.
_INPUT_HASH_RENUMBERED = """
DROP INDEX articles_text_hash;
ALTER TABLE articles DROP COLUMN text_hash;
ALTER TABLE articles ADD COLUMN input_hash TEXT;
ALTER TABLE articles ADD COLUMN text_hash TEXT;
UPDATE articles SET text_hash = dateline_text_hash(text);
CREATE INDEX articles_text_hash ON articles(text_hash);
ALTER TABLE duplicates ADD COLUMN input_hash TEXT;
""" if sqlite3.sqlite_version_info >= (3, 35, 0) else _V3_INPUT_HASH + """
ALTER TABLE duplicates ADD COLUMN input_hash TEXT;
"""

# ``dateline_text_hash`` is registered on the connection by :func:`migrate`.
_V4_DUPLICATES = """
ALTER TABLE articles ADD COLUMN text_hash TEXT;
UPDATE articles SET text_hash = dateline_text_hash(text);
CREATE INDEX articles_text_hash ON articles(text_hash);

-- An article whose text (whitespace and line ends aside) is already stored under another id.
CREATE TABLE duplicates (
    id            TEXT PRIMARY KEY,
    duplicate_of  TEXT NOT NULL,
    text_hash     TEXT NOT NULL,
    published     TEXT,
    source        TEXT,
    title         TEXT,
    url           TEXT,
    origin        TEXT,
    first_seen    TEXT NOT NULL,
    last_seen     TEXT NOT NULL,
    run_id        INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    input_hash    TEXT
);
CREATE INDEX duplicates_of ON duplicates(duplicate_of);
"""

# Which process runs a run, so that the next start can tell a run whose process died (kill -9)
# from one still going: the host, the process id and the process's start time (Linux).
_V5_RUN_PROCESS = """
ALTER TABLE runs ADD COLUMN host TEXT;
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN process_started TEXT;
"""

#: Every migration, in order; a new schema change is appended here, never edited in place.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, spans, errors and runs", _V1_CORE),
    Migration(2, "full-text search over article titles and texts (FTS5)", _V2_FULL_TEXT),
    Migration(3, "articles.input_hash: the input and what analysed it, compared before parsing", _V3_INPUT_HASH),
    Migration(4, "duplicates: a normalized text hash per article, and the ids that repeat one", _V4_DUPLICATES),
    Migration(5, "runs record the process that runs them", _V5_RUN_PROCESS),
    Migration(6, "the corpus view: near-duplicate articles, and event mentions grouped into corpus events",
              V6_CORPUS),
    Migration(7, "kept counts of the corpus view (per period, dyad and country), and the list order of events"
                 " and quotes as indexed columns", V7_KEPT),
    Migration(8, "rows per span table and events per type, kept by triggers", V8_SPAN_COUNTS),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, *, target: int = SCHEMA_VERSION) -> list[int]:
    """Apply the migrations between the database's version and ``target``; returns those applied.

    The connection must be in autocommit mode (``isolation_level=None``).
    """
    from .writer import text_hash

    conn.create_function("dateline_text_hash", 1, text_hash, deterministic=True)
    current = _renumber_parallel(conn, schema_version(conn))
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {current}, newer than this dateline knows "
            f"({SCHEMA_VERSION}): upgrade dateline, or choose another --db file")
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= current or migration.version > target:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            if schema_version(conn) >= migration.version:  # another process got there first
                conn.execute("COMMIT")
                continue
            log.info("migrating the database to schema v%d: %s", migration.version, migration.description)
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"could not migrate the database to schema v{migration.version} "
                             f"({migration.description}): {exc}") from exc
        applied.append(migration.version)
    return applied


def _renumber_parallel(conn: sqlite3.Connection, version: int) -> int:
    """Bring a database of the parallel numbering into this one; returns its version in this numbering.

    Two lines of development each had a schema v3: one added ``articles.input_hash`` (v3 here),
    the other the ``duplicates`` table (then v3, v4 here) and the runs' process (then v4, v5 here).
    A database of the second line, at its v3 or v4, has ``duplicates`` but no ``input_hash``: it
    is given the input-hash columns (of ``articles`` and of ``duplicates``, which has one here),
    in the column order of a new database, and its version goes up by one, after which the usual
    migrations follow. Its articles are then parsed again on the next ``ingest`` (no input hash).
    """
    if version not in (3, 4) or not _parallel_numbering(conn):
        return version
    try:
        conn.execute("BEGIN IMMEDIATE")
        version = schema_version(conn)
        if version in (3, 4) and _parallel_numbering(conn):  # not done meanwhile by another process
            log.info("renumbering schema v%d of a database with duplicates but no input hash as v%d",
                     version, version + 1)
            for statement in _statements(_INPUT_HASH_RENUMBERED):
                conn.execute(statement)
            version += 1
            conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"could not add the input-hash columns to the database at schema v{version}: {exc}") from exc
    return version


def _parallel_numbering(conn: sqlite3.Connection) -> bool:
    """Whether the database has the ``duplicates`` table but no ``articles.input_hash`` column."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    columns = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    return "duplicates" in tables and "input_hash" not in columns


def _statements(script: str) -> list[str]:
    """The complete SQL statements of a script (trigger bodies stay whole)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(part.strip().startswith("--") for part in buffer.strip().splitlines()):
        raise StoreError(f"incomplete SQL statement in a migration: {buffer.strip()[:80]}")
    return statements
