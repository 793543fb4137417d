"""Kept counts of the corpus view (schema v7): what the pages would otherwise count on every request.

``corpus_counts`` holds the events, mentions and Goldstein sum of every period (day, week, month)
and dimension (type, quad, dyad ...), ``corpus_dyads`` the dyad network's edges and
``corpus_countries`` the events per country where they happened; ``corpus_state`` keeps the view's
summary. They are filled from ``corpus_events`` in the same transaction that rebuilds it
(:func:`fill`, from :func:`dateline.store.corpus.refresh`), so they always agree with it; the
queries of :mod:`.aggregates` read them when no filter narrows the events, and count the events
themselves otherwise. The migration also gives events and quotes their list order as columns
(``sort_date``, ``article_num``) so that the newest-first lists read an index instead of sorting
every row.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

__all__ = ["INTERVALS", "DIMENSIONS", "COOPERATION", "CONFLICT", "V7_KEPT", "V8_SPAN_COUNTS", "fill",
           "fill_statements", "summary", "span_counts", "SORT_DATE_SQL"]

#: Periods to count by, and the corpus_events column each uses.
INTERVALS: dict[str, str] = {"day": "c.date", "week": "c.week", "month": "c.month"}
#: What to count by, and the SQL expression each is.
DIMENSIONS: dict[str, str] = {
    "none": "''", "type": "c.type", "quad": "c.quad", "source_country": "c.source_country",
    "target_country": "c.target_country", "dyad": "c.source_country || '>' || c.target_country",
    "status": "c.status",
}
#: QuadClasses of cooperation (verbal, material) and of conflict.
COOPERATION, CONFLICT = (1, 2), (3, 4)

#: The date a list of events or quotes is ordered by: the span's own calendar date, else the
#: article's publication (``{table}.date`` and ``?``, the article's ``published``).
SORT_DATE_SQL = "CASE WHEN date GLOB '[0-9][0-9][0-9][0-9]*' THEN date ELSE ? END"

_TABLES = """
CREATE TABLE corpus_counts (
    interval   TEXT NOT NULL,
    dimension  TEXT NOT NULL,
    period     TEXT NOT NULL,
    key,
    events     INTEGER NOT NULL,
    mentions   INTEGER,
    goldstein  REAL
);
CREATE INDEX corpus_counts_order ON corpus_counts(interval, dimension, period, events DESC, key, mentions, goldstein);

CREATE TABLE corpus_dyads (
    source       TEXT NOT NULL,
    target       TEXT NOT NULL,
    events       INTEGER NOT NULL,
    mentions     INTEGER,
    goldstein    REAL,
    cooperation  INTEGER,
    conflict     INTEGER
);
CREATE INDEX corpus_dyads_events ON corpus_dyads(events DESC, source, target);

CREATE TABLE corpus_countries (
    country  TEXT PRIMARY KEY,
    events   INTEGER NOT NULL
);

CREATE INDEX corpus_events_mentions ON corpus_events(num_mentions DESC, date DESC, id);
CREATE INDEX corpus_events_confidence ON corpus_events(confidence DESC, date DESC, id);
CREATE INDEX corpus_events_oldest ON corpus_events(date IS NULL, date, id);
CREATE INDEX corpus_events_located ON corpus_events(lat, lon);
CREATE INDEX corpus_events_as_source ON corpus_events(source_country, target_country, type, date, week, month,
                                                      num_mentions, goldstein);
CREATE INDEX corpus_events_as_target ON corpus_events(target_country, source_country, type, date, week, month,
                                                      num_mentions, goldstein);
CREATE INDEX corpus_events_quad_countries ON corpus_events(quad, source_country, target_country, location_country);
CREATE INDEX actors_country_names ON actors(country, sector, name, text);
CREATE INDEX quotes_speaker_country ON quotes(speaker_country);
CREATE INDEX quotes_speaker_text ON quotes(speaker_text);

ALTER TABLE events ADD COLUMN sort_date TEXT;
ALTER TABLE events ADD COLUMN article_num INTEGER;
ALTER TABLE quotes ADD COLUMN sort_date TEXT;
ALTER TABLE quotes ADD COLUMN article_num INTEGER;
UPDATE events SET article_num = (SELECT a.num FROM articles a WHERE a.id = events.article_id),
    sort_date = CASE WHEN date GLOB '[0-9][0-9][0-9][0-9]*' THEN date
                     ELSE (SELECT a.published FROM articles a WHERE a.id = events.article_id) END;
UPDATE quotes SET article_num = (SELECT a.num FROM articles a WHERE a.id = quotes.article_id),
    sort_date = CASE WHEN date GLOB '[0-9][0-9][0-9][0-9]*' THEN date
                     ELSE (SELECT a.published FROM articles a WHERE a.id = quotes.article_id) END;
CREATE INDEX events_newest ON events(sort_date IS NULL, sort_date DESC, article_num, idx);
CREATE INDEX events_type_newest ON events(type, sort_date IS NULL, sort_date DESC, article_num, idx);
CREATE INDEX quotes_newest ON quotes(sort_date IS NULL, sort_date DESC, article_num, idx);
"""


#: Schema v8: how many rows each span table holds, events per type, and the speaker names and mentions
#: of the quotes (so a speaker filter matches a few thousand strings, not every quote), kept by triggers.
V8_SPAN_COUNTS = """
CREATE TABLE kept_counts (
    name  TEXT PRIMARY KEY,
    n     INTEGER NOT NULL
);
""" + "".join(f"""
INSERT INTO kept_counts (name, n) SELECT '{kind}', count(*) FROM {kind};
CREATE TRIGGER {kind}_counted AFTER INSERT ON {kind} BEGIN
    UPDATE kept_counts SET n = n + 1 WHERE name = '{kind}';
END;
CREATE TRIGGER {kind}_uncounted AFTER DELETE ON {kind} BEGIN
    UPDATE kept_counts SET n = n - 1 WHERE name = '{kind}';
END;
""" for kind in ("sentences", "actors", "quotes", "times", "places", "events")) + """
INSERT INTO kept_counts (name, n) SELECT 'type:' || type, count(*) FROM events GROUP BY type;
CREATE TRIGGER events_type_counted AFTER INSERT ON events BEGIN
    INSERT INTO kept_counts (name, n) VALUES ('type:' || NEW.type, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_type_uncounted AFTER DELETE ON events BEGIN
    UPDATE kept_counts SET n = n - 1 WHERE name = 'type:' || OLD.type;
END;

CREATE TABLE speaker_strings (
    string  TEXT PRIMARY KEY,
    n       INTEGER NOT NULL
);
INSERT INTO speaker_strings (string, n) SELECT string, count(*) FROM (
    SELECT speaker_name AS string FROM quotes WHERE speaker_name IS NOT NULL
    UNION ALL SELECT speaker_text FROM quotes WHERE speaker_text IS NOT NULL) GROUP BY string;
CREATE TRIGGER quotes_speaker_counted AFTER INSERT ON quotes BEGIN
    INSERT INTO speaker_strings (string, n) SELECT NEW.speaker_name, 1 WHERE NEW.speaker_name IS NOT NULL
        ON CONFLICT (string) DO UPDATE SET n = n + 1;
    INSERT INTO speaker_strings (string, n) SELECT NEW.speaker_text, 1 WHERE NEW.speaker_text IS NOT NULL
        ON CONFLICT (string) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER quotes_speaker_uncounted AFTER DELETE ON quotes BEGIN
    UPDATE speaker_strings SET n = n - 1 WHERE string = OLD.speaker_name;
    UPDATE speaker_strings SET n = n - 1 WHERE string = OLD.speaker_text;
END;
"""


def span_counts(conn: sqlite3.Connection) -> tuple[dict[str, int], dict[str, int]]:
    """Rows per span table, and events per type (most first, then by type), as the triggers keep them."""
    spans, types = {}, []
    for name, n in conn.execute("SELECT name, n FROM kept_counts"):
        if name.startswith("type:"):
            if n > 0:
                types.append((name[5:], n))
        else:
            spans[name] = n
    return spans, dict(sorted(types, key=lambda item: (-item[1], item[0])))


def fill_statements() -> list[str]:
    """The statements that fill the kept tables from ``corpus_events`` (emptying them first)."""
    statements = ["DELETE FROM corpus_counts", "DELETE FROM corpus_dyads", "DELETE FROM corpus_countries",
                  "DELETE FROM corpus_state WHERE key = 'summary'"]
    for interval, period in INTERVALS.items():
        for dimension, key in DIMENSIONS.items():
            where = f"{period} IS NOT NULL"
            if dimension == "dyad":
                where += " AND c.source_country IS NOT NULL AND c.target_country IS NOT NULL"
            statements.append(
                f"INSERT INTO corpus_counts (interval, dimension, period, key, events, mentions, goldstein)"
                f" SELECT '{interval}', '{dimension}', {period}, {key}, count(*), sum(c.num_mentions),"
                f" round(total(c.goldstein), 2) FROM corpus_events c WHERE {where} GROUP BY {period}, {key}")
    coop, conflict = ",".join(map(str, COOPERATION)), ",".join(map(str, CONFLICT))
    statements.append(
        "INSERT INTO corpus_dyads (source, target, events, mentions, goldstein, cooperation, conflict)"
        " SELECT c.source_country, c.target_country, count(*), sum(c.num_mentions), round(total(c.goldstein), 2),"
        f" sum(c.quad IN ({coop})), sum(c.quad IN ({conflict})) FROM corpus_events c"
        " WHERE c.source_country IS NOT NULL AND c.target_country IS NOT NULL AND c.source_country != c.target_country"
        " GROUP BY c.source_country, c.target_country")
    statements.append(
        "INSERT INTO corpus_countries (country, events) SELECT COALESCE(c.location_country, c.target_country),"
        " count(*) FROM corpus_events c WHERE COALESCE(c.location_country, c.target_country) IS NOT NULL GROUP BY 1")
    statements.append(
        "INSERT INTO corpus_state (key, value) SELECT 'summary', json_object('events', count(*), 'mentions',"
        " total(num_mentions), 'first', min(date), 'last', max(date)) FROM corpus_events")
    return statements


#: Schema v7: the kept tables and indexes, the list order of events and quotes, and the first fill.
V7_KEPT = _TABLES + "".join(f"{statement};\n" for statement in fill_statements())


def fill(conn: sqlite3.Connection) -> None:
    """Fill the kept tables from ``corpus_events`` (inside the caller's transaction)."""
    for statement in fill_statements():
        conn.execute(statement)


def summary(conn: sqlite3.Connection) -> dict[str, Any]:
    """The corpus events' count, mentions and date range as of the last fill."""
    row = conn.execute("SELECT value FROM corpus_state WHERE key = 'summary'").fetchone()
    if row is None:  # never filled (an empty view): count them
        events, mentions, first, last = conn.execute(
            "SELECT count(*), total(num_mentions), min(date), max(date) FROM corpus_events").fetchone()
        return {"events": events, "mentions": int(mentions), "first": first, "last": last}
    kept = json.loads(row[0])
    return {"events": kept["events"], "mentions": int(kept["mentions"]), "first": kept["first"], "last": kept["last"]}
