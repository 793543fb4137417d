"""Building the corpus view: near-duplicate articles, and event mentions grouped into corpus events.

The corpus tables (``near_duplicates``, ``corpus_events``, ``corpus_mentions``) are derived from
the articles and rebuilt whole by :func:`refresh` whenever the articles changed (a fingerprint of
the ``articles`` table says when), so they always follow from the stored records and the rules of
:mod:`.near_duplicates` and :mod:`.grouping`. A writable :class:`~dateline.store.Store` refreshes
them when it closes; ``dateline group`` does it on demand. MinHash signatures are kept per article
and content hash, so a refresh computes signatures only for new or changed articles.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import time
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..errors import StoreError
from . import grouping, kept, near_duplicates

__all__ = ["refresh", "refresh_store", "refresh_quietly", "is_stale", "fingerprint", "RULES_VERSION", "BROAD_PLACE_SQL"]

log = logging.getLogger(__name__)

#: Bumped whenever the grouping or near-duplicate rules change, so stores are regrouped.
RULES_VERSION = "1"

#: Places whose GeoNames feature is too broad to tell two acts apart.
BROAD_PLACE_SQL = " OR ".join(f"feature LIKE '{code}%'" for code in grouping.BROAD_FEATURES)

_MENTIONS_SQL = """
SELECT e.article_id, e.idx, e.type, e.status, e.date AS event_date, a.published, e.mode, e.cameo, e.quad,
       e.goldstein, e.confidence, e.source_name, e.source_country, e.source_sector, e.target_name,
       e.target_country, e.target_sector, e.location_text, e.location_name, e.location_country,
       e.location_lat AS lat, e.location_lon AS lon, e.location_geonameid, e.trigger_text AS "trigger",
       e.sentence_text AS sentence, COALESCE(a.source, a.dateline_agency, a.id) AS outlet
FROM events e JOIN articles a ON a.id = e.article_id
"""

# Distinct actors and speakers with their counts, kept so that listing them does not group every
# mention of a big store on each request.
_ACTORS_SQL = """
INSERT INTO corpus_actors (name, country, sector, kind, mentions, articles)
SELECT COALESCE(name, text), country, sector, max(kind), count(*), count(DISTINCT article_id)
FROM actors WHERE COALESCE(name, text) IS NOT NULL GROUP BY COALESCE(name, text), country, sector
"""
_SPEAKERS_SQL = """
INSERT INTO corpus_speakers (speaker, country, quotes, articles)
SELECT COALESCE(speaker_name, speaker_text), max(speaker_country), count(*), count(DISTINCT article_id)
FROM quotes WHERE COALESCE(speaker_name, speaker_text) IS NOT NULL GROUP BY COALESCE(speaker_name, speaker_text)
"""

_EVENT_FIELDS = ("id", "type", "status", "mode", "cameo", "root_code", "quad", "goldstein", "confidence",
                 "source_name", "source_country", "source_sector", "target_name", "target_country", "target_sector",
                 "date", "week", "month", "first_seen", "last_seen", "location_name", "location_country", "lat",
                 "lon", "location_geonameid", "trigger", "sentence", "article_id", "idx", "num_mentions",
                 "num_articles", "num_sources", "num_duplicates")


def fingerprint(conn: sqlite3.Connection) -> str:
    """What the corpus tables were built from: the articles' count, keys and latest write, and the
    rules' version (a replaced newest article keeps its key, so the latest write time and run
    count too)."""
    count, top, total, written, run = conn.execute(
        "SELECT count(*), max(num), total(num), max(ingested_at), max(run_id) FROM articles").fetchone()
    return f"{RULES_VERSION}:{count}:{top or 0}:{int(total or 0)}:{written or ''}:{run or 0}"


def is_stale(conn: sqlite3.Connection) -> bool:
    """Whether the corpus tables lag behind the articles (or were never built)."""
    row = conn.execute("SELECT value FROM corpus_state WHERE key = 'fingerprint'").fetchone()
    return row is None or row[0] != fingerprint(conn)


def refresh(conn: sqlite3.Connection, *, force: bool = False) -> dict[str, Any]:
    """Rebuild the corpus tables when stale (or ``force``); returns what was built and how long it took.

    The connection must be writable and in autocommit mode; the rebuild is one transaction.
    """
    if not force and not is_stale(conn):
        return {"refreshed": False}
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    try:
        signed = _signatures(conn)
        found = near_duplicates.find_near_duplicates(signed)
        conn.execute("DELETE FROM near_duplicates")
        conn.executemany("INSERT INTO near_duplicates (article_id, duplicate_of, similarity) VALUES (?,?,?)",
                         near_duplicates.pairs_of(found))
        events, mentions = _group(conn, {key: original for key, (original, _) in found.items()})
        conn.execute("DELETE FROM corpus_mentions")
        conn.execute("DELETE FROM corpus_events")
        marks = ",".join("?" * len(_EVENT_FIELDS))
        conn.executemany(f"INSERT INTO corpus_events ({', '.join(_quoted(f) for f in _EVENT_FIELDS)})"
                         f" VALUES ({marks})", ([e[f] for f in _EVENT_FIELDS] for e in events))
        conn.executemany("INSERT INTO corpus_mentions (article_id, idx, event_id, position, counted)"
                         " VALUES (?,?,?,?,?)", mentions)
        conn.execute("DELETE FROM corpus_actors")
        conn.execute(_ACTORS_SQL)
        conn.execute("DELETE FROM corpus_speakers")
        conn.execute(_SPEAKERS_SQL)
        kept.fill(conn)
        conn.execute("INSERT INTO corpus_state (key, value) VALUES ('fingerprint', ?)"
                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (fingerprint(conn),))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    seconds = round(time.perf_counter() - started, 3)
    log.info("corpus view rebuilt: %d events from %d mentions, %d near duplicates (%.1f s)",
             len(events), len(mentions), len(found), seconds)
    return {"refreshed": True, "events": len(events), "mentions": len(mentions), "near_duplicates": len(found),
            "seconds": seconds}


def refresh_store(conn: sqlite3.Connection, path: str, *, readonly: bool = False,
                  force: bool = False) -> dict[str, Any]:
    """:func:`refresh` with the store's errors: a read-only store or a database problem is a StoreError."""
    if readonly:
        raise StoreError(f"{path} is open read-only: run `dateline group --db {path}` to regroup it")
    try:
        return refresh(conn, force=force)
    except sqlite3.Error as exc:
        raise StoreError(f"could not rebuild the corpus view of {path}: {exc}") from exc


def refresh_quietly(conn: sqlite3.Connection, path: str) -> None:
    """Bring the corpus view up to date (as a writable store closes); a failure is logged, never raised:
    the articles are stored already, and ``dateline group`` rebuilds the view."""
    try:
        if is_stale(conn):
            refresh(conn)
    except sqlite3.Error as exc:
        log.warning("could not rebuild the corpus view of %s (run `dateline group`): %s", path, exc)


def _quoted(name: str) -> str:
    return f'"{name}"' if name == "trigger" else name


def _signatures(conn: sqlite3.Connection) -> list[near_duplicates.Signed]:
    """Every article's signature, computed for those that lack one for their current content."""
    conn.execute("DELETE FROM article_signatures WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE"
                 " a.id = article_signatures.article_id AND a.content_hash = article_signatures.content_hash)")
    missing = conn.execute("SELECT a.id, a.content_hash, a.text FROM articles a WHERE NOT EXISTS"
                           " (SELECT 1 FROM article_signatures s WHERE s.article_id = a.id)").fetchall()
    conn.executemany("INSERT INTO article_signatures (article_id, content_hash, signature) VALUES (?,?,?)",
                     ((row[0], row[1], near_duplicates.signature(row[2])) for row in missing))
    rows = conn.execute("SELECT a.id, a.published, s.signature FROM articles a"
                        " JOIN article_signatures s ON s.article_id = a.id")
    return [near_duplicates.Signed(row[0], row[1], bytes(row[2])) for row in rows]


def _broad_places(conn: sqlite3.Connection) -> set[str]:
    broad: set[str] = set()
    for geonameid, name, text in conn.execute(f"SELECT DISTINCT geonameid, name, text FROM places WHERE {BROAD_PLACE_SQL}"):
        if geonameid is not None:
            broad.add(str(geonameid))
        broad.update(v.strip().lower() for v in (name, text) if v)
    return broad


def _group(conn: sqlite3.Connection, duplicate_of: dict[str, str]) -> tuple[list[dict[str, Any]], list[tuple]]:
    cur = conn.execute(_MENTIONS_SQL)
    names = [d[0] for d in cur.description]
    rows = {(r[0], r[1]): dict(zip(names, r)) for r in cur}
    broad = _broad_places(conn)
    groups = grouping.group_mentions(grouping.mention_of(row, broad) for row in rows.values())
    events, mentions = [], []
    for group in groups:
        members = [rows[(m.article_id, m.idx)] for m in group.mentions]
        articles = {m["article_id"] for m in members}
        counted = [m for m in members if duplicate_of.get(m["article_id"]) not in articles]
        events.append(_summary(group, members, counted))
        counted_keys = {(m["article_id"], m["idx"]) for m in counted}
        mentions.extend((m["article_id"], m["idx"], group.id, i, int((m["article_id"], m["idx"]) in counted_keys))
                        for i, m in enumerate(members))
    return events, mentions


def _common(rows: Sequence[dict[str, Any]], key: str) -> Any:
    """The most frequent value of ``key`` among rows (the first seen on a tie), or None."""
    if len(rows) == 1:
        value = rows[0].get(key)
        return None if value == "" else value
    counts = Counter(r[key] for r in rows if r.get(key) not in (None, ""))
    if not counts:
        return None
    best = max(counts.values())
    return next(r[key] for r in rows if r.get(key) not in (None, "") and counts[r[key]] == best)


def _summary(group: grouping.Group, members: list[dict[str, Any]], counted: list[dict[str, Any]]) -> dict[str, Any]:
    """One corpus event's row: counts, dates, and each field as most of its mentions code it."""
    base = counted or members
    rep = max(base, key=lambda m: (m.get("confidence") or 0.0, -base.index(m)))
    day = min(group.days) if group.days else group.first.day
    event = {f: _common(base, f) for f in ("source_name", "source_country", "source_sector", "target_name",
                                           "target_country", "target_sector", "mode", "location_name",
                                           "location_country", "location_geonameid")}
    located = next((m for m in base if m.get("lat") is not None and m.get("location_name") == event["location_name"]),
                   None) or next((m for m in base if m.get("lat") is not None), None)
    published = [m["published"] for m in members if m.get("published")]
    cameo = rep.get("cameo")
    event.update(
        id=group.id, type=group.first.type, status=rep.get("status"), cameo=cameo,
        root_code=cameo[:2] if cameo else None, quad=rep.get("quad"), goldstein=rep.get("goldstein"),
        confidence=max((m.get("confidence") or 0.0) for m in base) if base else None,
        date=day.isoformat() if day else (rep.get("event_date") or rep.get("published")),
        week=_week(day), month=day.isoformat()[:7] if day else None,
        first_seen=min(published) if published else None, last_seen=max(published) if published else None,
        lat=located.get("lat") if located else None, lon=located.get("lon") if located else None,
        trigger=rep.get("trigger"), sentence=rep.get("sentence"), article_id=rep["article_id"], idx=rep["idx"],
        num_mentions=len(counted), num_articles=len({m["article_id"] for m in counted}),
        num_sources=len({m["outlet"] for m in counted}), num_duplicates=len(members) - len(counted))
    return event


def _week(day: dt.date | None) -> str | None:
    if day is None:
        return None
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
