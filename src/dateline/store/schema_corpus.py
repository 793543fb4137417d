"""The tables of the corpus view (schema v6), kept apart from :mod:`.schema` for its size."""

from __future__ import annotations

__all__ = ["V6_CORPUS"]

# The corpus view (store/corpus.py): derived from the articles, rebuilt whole when they change.
# near_duplicates: an article that rewrites an earlier one (MinHash over word shingles); exact
# repeats of a stored text are not articles at all (see the duplicates table).
V6_CORPUS = """
CREATE TABLE article_signatures (
    article_id    TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    content_hash  TEXT NOT NULL,
    signature     BLOB NOT NULL
);

CREATE TABLE near_duplicates (
    article_id    TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    duplicate_of  TEXT NOT NULL,
    similarity    REAL NOT NULL
);
CREATE INDEX near_duplicates_of ON near_duplicates(duplicate_of);

CREATE TABLE corpus_events (
    id                  TEXT PRIMARY KEY,
    type                TEXT NOT NULL,
    status              TEXT,
    mode                TEXT,
    cameo               TEXT,
    root_code           TEXT,
    quad                INTEGER,
    goldstein           REAL,
    confidence          REAL,
    source_name         TEXT,
    source_country      TEXT,
    source_sector       TEXT,
    target_name         TEXT,
    target_country      TEXT,
    target_sector       TEXT,
    date                TEXT,
    week                TEXT,
    month               TEXT,
    first_seen          TEXT,
    last_seen           TEXT,
    location_name       TEXT,
    location_country    TEXT,
    lat                 REAL,
    lon                 REAL,
    location_geonameid  INTEGER,
    "trigger"           TEXT,
    sentence            TEXT,
    article_id          TEXT NOT NULL,
    idx                 INTEGER NOT NULL,
    num_mentions        INTEGER NOT NULL,
    num_articles        INTEGER NOT NULL,
    num_sources         INTEGER NOT NULL,
    num_duplicates      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX corpus_events_date ON corpus_events(date, id);
CREATE INDEX corpus_events_type ON corpus_events(type, date);
CREATE INDEX corpus_events_source ON corpus_events(source_country, date);
CREATE INDEX corpus_events_target ON corpus_events(target_country, date);
CREATE INDEX corpus_events_quad ON corpus_events(quad, date);
CREATE INDEX corpus_events_dyad ON corpus_events(source_country, target_country);

CREATE TABLE corpus_mentions (
    article_id  TEXT NOT NULL,
    idx         INTEGER NOT NULL,
    event_id    TEXT NOT NULL,
    position    INTEGER NOT NULL,
    counted     INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX corpus_mentions_event ON corpus_mentions(event_id, position);

CREATE TABLE corpus_actors (
    name      TEXT NOT NULL,
    country   TEXT,
    sector    TEXT,
    kind      TEXT,
    mentions  INTEGER NOT NULL,
    articles  INTEGER NOT NULL
);
CREATE INDEX corpus_actors_mentions ON corpus_actors(mentions DESC, name);
CREATE INDEX corpus_actors_country ON corpus_actors(country, mentions DESC);

CREATE TABLE corpus_speakers (
    speaker   TEXT PRIMARY KEY,
    country   TEXT,
    quotes    INTEGER NOT NULL,
    articles  INTEGER NOT NULL
);
CREATE INDEX corpus_speakers_quotes ON corpus_speakers(quotes DESC, speaker);

CREATE TABLE corpus_state (
    key    TEXT PRIMARY KEY,
    value  TEXT
);
"""
