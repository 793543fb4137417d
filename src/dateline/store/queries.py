"""Read-only queries over a dateline database, each returning plain dicts (JSON-ready).

Dates are ISO 8601 strings of any precision (``2019``, ``2019-10``, ``2019-10-14``, or with a time).
``since``/``until`` are inclusive and compare at the coarser of the two precisions, so an event
dated ``2019-10`` is found by ``since="2019-10-14"``. Events and quotes without a calendar date of
their own (none, or a reference such as ``PAST_REF``) are dated by their article's ``published``.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from .filters import (check_codes, check_date, check_limit, check_offset, check_statuses, check_text,
                      check_types)
from . import kept
from .writer import SPAN_KINDS

__all__ = [
    "articles", "events", "quotes", "actors", "errors", "runs", "get_article", "article_info", "duplicates", "stats",
    "check_date", "iter_events", "iter_quotes", "iter_articles", "total", "EVENT_COLUMNS", "QUOTE_COLUMNS",
    "ARTICLE_COLUMNS",
]

_DATED = "GLOB '[0-9][0-9][0-9][0-9]*'"

_EVENT_DATE = "CASE WHEN e.date GLOB '[0-9][0-9][0-9][0-9]*' THEN e.date ELSE a.published END"
# the calendar day an event's own TIMEX value names ("2016-05-06TAF" → 2016-05-06), else NULL
_EVENT_DAY = ("CASE WHEN e.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(e.date, 1, 10) END")
_QUOTE_DATE = "CASE WHEN q.date GLOB '[0-9][0-9][0-9][0-9]*' THEN q.date ELSE a.published END"

_EVENT_SELECT = f"""
SELECT e.article_id, e.idx, {_EVENT_DATE} AS date, e.date AS event_date, {_EVENT_DAY} AS day, a.published,
       e.type, e.mode, e.context, e.source_name, e.source_country, e.source_sector,
       e.target_name, e.target_country, e.target_sector, e.source, e.target,
       e.cameo, substr(e.cameo, 1, 2) AS root_code, e.quad, e.goldstein, e.status, e.attributed_to,
       e.confidence, e.trigger_text AS "trigger", e.trigger_start, e.trigger_end,
       e.sentence_text AS sentence,
       e.sentence_start, e.sentence_end, e.location_text, e.location_name, e.location_lat AS lat,
       e.location_lon AS lon, e.location_country, e.location_geonameid
FROM events e JOIN articles a ON a.id = e.article_id
"""

_QUOTE_SELECT = f"""
SELECT q.article_id, q.idx, {_QUOTE_DATE} AS date, q.date AS quote_date, a.published,
       q.kind, q.speaker_text, q.speaker_name, q.speaker_country, q.speaker_sector, q.cue_text AS cue,
       q.content_text AS content, q.content_start, q.content_end, q.speaker_start, q.speaker_end,
       q.cue_start, q.cue_end
FROM quotes q JOIN articles a ON a.id = q.article_id
"""

_ARTICLE_SELECT = """
SELECT a.id, a.published, a.source, a.title, a.url, a.origin, a.dateline_place, a.dateline_date,
       a.dateline_agency, a.dateline_start, a.dateline_end, a.body_start, a.body_end, length(a.text) AS chars,
       (SELECT count(*) FROM events x WHERE x.article_id = a.id) AS events,
       (SELECT count(*) FROM quotes x WHERE x.article_id = a.id) AS quotes,
       a.ingested_at{extra}
FROM articles a
"""

#: The columns of the rows each query yields (JSON columns are decoded into lists).
EVENT_COLUMNS: tuple[str, ...] = (
    "article_id", "idx", "date", "event_date", "day", "published", "type", "mode", "context", "source_name",
    "source_country", "source_sector", "target_name", "target_country", "target_sector", "source", "target",
    "cameo", "root_code", "quad", "goldstein", "status", "attributed_to", "confidence", "trigger",
    "trigger_start", "trigger_end", "sentence", "sentence_start", "sentence_end", "location_text",
    "location_name", "lat", "lon", "location_country", "location_geonameid")
QUOTE_COLUMNS: tuple[str, ...] = (
    "article_id", "idx", "date", "quote_date", "published", "kind", "speaker_text", "speaker_name",
    "speaker_country", "speaker_sector", "cue", "content", "content_start", "content_end", "speaker_start",
    "speaker_end", "cue_start", "cue_end")
ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "published", "source", "title", "url", "origin", "dateline_place", "dateline_date",
    "dateline_agency", "dateline_start", "dateline_end", "body_start", "body_end", "chars", "events",
    "quotes", "ingested_at")

_EVENT_JSON = ("context", "source", "target")


class Where:
    """WHERE clauses and their parameters, built up filter by filter."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def any_of(self, column: str, values: str | Sequence[str] | None, *, upper: bool = True) -> None:
        items = _split(values, upper=upper)
        if items:
            self.add(f"{column} IN ({','.join('?' * len(items))})", *items)

    def dates(self, expr: str, since: str | None, until: str | None, *, dated_only: bool = True) -> None:
        """``expr`` (a date or a prefix of one) on or after ``since`` and on or before ``until``;
        with ``dated_only`` values that are not dates (PAST_REF) never match."""
        dated = f"{expr} {_DATED} AND " if dated_only else ""
        if since:
            self.add(f"{dated}{expr} >= substr(?, 1, length({expr}))", check_date(since, "since"))
        if until:
            self.add(f"{dated}substr({expr}, 1, length(?)) <= ?", *[check_date(until, "until")] * 2)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(f"({c})" for c in self.clauses)) if self.clauses else ""


def _split(values: str | Sequence[str] | None, *, upper: bool) -> list[str]:
    if values is None:
        return []
    raw = values.split(",") if isinstance(values, str) else list(values)
    items = [v.strip() for v in raw if v and v.strip()]
    return [v.upper() for v in items] if upper else items


def like(value: str) -> str:
    """A LIKE pattern that finds ``value`` as a substring (with ``ESCAPE '\\'``)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _page(limit: int | None, offset: int | None = 0) -> str:
    limit, offset = check_limit(limit), check_offset(offset)
    if limit is None or limit <= 0:
        return f" LIMIT -1 OFFSET {int(offset)}" if offset else ""
    return f" LIMIT {int(limit)} OFFSET {int(offset)}"


def _dicts(cur: sqlite3.Cursor, json_columns: Sequence[str] = ()) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    for row in cur:
        out = dict(zip(names, row))
        for key in json_columns:
            if isinstance(out.get(key), str):
                out[key] = json.loads(out[key])
        yield out


def _country_filter(where: Where, role: str, country: str | None) -> None:
    codes = _split(country, upper=True)
    if not codes:
        return
    marks = ",".join("?" * len(codes))
    where.add(f"e.{role}_country IN ({marks}) OR EXISTS (SELECT 1 FROM json_each(e.{role}) j"
              f" WHERE json_extract(j.value, '$.country') IN ({marks}))", *codes, *codes)


# -- articles ---------------------------------------------------------------------------------

def _fts_phrases(text: str) -> str:
    """A full-text query that matches every whitespace-separated chunk as a phrase."""
    return " ".join('"' + chunk.replace('"', '""') + '"' for chunk in text.split())


def articles(conn: sqlite3.Connection, *, search: str | None = None, since: str | None = None,
             until: str | None = None, source: str | None = None, limit: int | None = 100,
             offset: int = 0) -> list[dict[str, Any]]:
    """Articles filtered by full-text ``search`` (FTS5 syntax, or plain words), ``published`` range
    and ``source`` (case-insensitive); newest first, or best match first when searching."""
    search, source = check_text(search, "search"), check_text(source, "source")
    searching = bool(search and search.strip())
    where = Where()
    if searching:
        where.add("articles_fts MATCH ?", search.strip())  # type: ignore[union-attr]
    where.dates("a.published", since, until)
    if source:
        where.add("a.source = ? COLLATE NOCASE", source.strip())
    if not searching:
        sql = _ARTICLE_SELECT.format(extra="") + where.sql() + " ORDER BY a.published DESC, a.id"
        return list(_dicts(conn.execute(sql + _page(limit, offset), where.params)))
    sql = (_ARTICLE_SELECT.format(extra=", snippet(articles_fts, 1, '[', ']', '…', 8) AS snippet")
           + " JOIN articles_fts ON articles_fts.rowid = a.num" + where.sql()
           + " ORDER BY articles_fts.rank, a.id" + _page(limit, offset))
    try:
        return list(_dicts(conn.execute(sql, where.params)))
    except sqlite3.OperationalError:  # not valid FTS5 syntax: search the words as typed
        where.params[0] = _fts_phrases(search)  # type: ignore[arg-type]
        return list(_dicts(conn.execute(sql, where.params)))


def iter_articles(conn: sqlite3.Connection, *, include_text: bool = False) -> Iterator[dict[str, Any]]:
    """Every article's metadata row, in storage order, streamed."""
    extra = ", a.text" if include_text else ""
    return _dicts(conn.execute(_ARTICLE_SELECT.format(extra=extra) + " ORDER BY a.num"))


def get_article(conn: sqlite3.Connection, article_id: str, *, include_text: bool = False) -> dict[str, Any] | None:
    """The stored FORMAT.md record of one article, or None.

    For the id of a duplicate (an article whose text was already stored under another id) it is
    the record of that other article, with this ``id`` and ``duplicate_of`` naming the other; its
    offsets point into the stored text.
    """
    row = conn.execute("SELECT record, text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        original = _duplicate_of(conn, article_id)
        record = get_article(conn, original, include_text=include_text) if original else None
        if record is not None:
            record = {"id": article_id, "duplicate_of": original,
                      **{k: v for k, v in record.items() if k not in ("id", "duplicate_of")}}
        return record
    record = json.loads(row[0])
    if include_text:
        record["text"] = row[1]
    return record


def _duplicate_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The id of the stored article that ``article_id`` repeats, if it is a known duplicate."""
    row = conn.execute("SELECT d.duplicate_of FROM duplicates d JOIN articles a ON a.id = d.duplicate_of"
                       " WHERE d.id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def article_info(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """Storage facts about one article: origin, ingestion time, run, content hash, length.

    For a duplicate: its own origin, first sighting and run, the stored article's hash and length,
    and ``duplicate_of``.
    """
    cur = conn.execute("SELECT id, origin, ingested_at, run_id, content_hash, length(text) AS chars"
                       " FROM articles WHERE id = ?", (article_id,))
    info = next(_dicts(cur), None)
    if info is None:
        original = _duplicate_of(conn, article_id)
        if original is None:
            return None
        info = article_info(conn, original) or {}
        dup = conn.execute("SELECT origin, first_seen, run_id FROM duplicates WHERE id = ?", (article_id,)).fetchone()
        info.update(id=article_id, origin=dup[0], ingested_at=dup[1], run_id=dup[2], duplicate_of=original)
    return info


def duplicates(conn: sqlite3.Connection, *, of: str | None = None, limit: int | None = 50,
               offset: int = 0) -> list[dict[str, Any]]:
    """Ids whose text repeats a stored article (``duplicate_of``), first seen first."""
    where, params = ("WHERE duplicate_of = ?", (of,)) if of else ("", ())
    cur = conn.execute("SELECT id, duplicate_of, origin, published, source, title, url, first_seen, last_seen,"
                       f" run_id FROM duplicates {where} ORDER BY first_seen, id" + _page(limit, offset), params)
    return list(_dicts(cur))


# -- events and quotes ------------------------------------------------------------------------

def _event_where(type: str | Sequence[str] | None, source: str | None, target: str | None, since: str | None,
                 until: str | None, article: str | None, status: str | Sequence[str] | None,
                 implied: bool = True, min_confidence: float | None = None) -> Where:
    where = Where()
    where.any_of("e.type", check_types(type, "type"))
    _country_filter(where, "source", check_codes(source, "source"))
    _country_filter(where, "target", check_codes(target, "target"))
    where.dates(_EVENT_DATE, since, until)
    article = check_text(article, "article")
    if article:
        where.add("e.article_id = ?", article)
    where.any_of("e.status", check_statuses(status, "status"), upper=False)
    if not implied:  # no source coded only from the scene of the act (FORMAT.md: kind "implied")
        where.add("NOT EXISTS (SELECT 1 FROM json_each(e.source) j WHERE json_extract(j.value, '$.kind') = 'implied')")
    if min_confidence:  # an event without a confidence counts as 0
        where.add("coalesce(e.confidence, 0) >= ?", float(min_confidence))
    return where


def events(conn: sqlite3.Connection, *, type: str | Sequence[str] | None = None, source: str | None = None,
           target: str | None = None, since: str | None = None, until: str | None = None,
           article: str | None = None, status: str | Sequence[str] | None = None, implied: bool = True,
           min_confidence: float | None = None, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Events filtered by PLOVER ``type`` (one or a comma list), ``source``/``target`` country code
    (any of the event's sources/targets), date range, ``article`` id, ``status`` and
    ``min_confidence``; newest first. ``implied=False`` drops events whose source is implied (coded
    from where a material act happened, not named in the text)."""
    where = _event_where(type, source, target, since, until, article, status, implied, min_confidence)
    sql = (_EVENT_SELECT + where.sql() + " ORDER BY e.sort_date IS NULL, e.sort_date DESC, e.article_num, e.idx"
           + _page(limit, offset))
    return list(_dicts(conn.execute(sql, where.params), _EVENT_JSON))


def iter_events(conn: sqlite3.Connection, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every event (optionally filtered as in :func:`events`), in storage order, streamed."""
    where = _event_where(filters.get("type"), filters.get("source"), filters.get("target"),
                         filters.get("since"), filters.get("until"), filters.get("article"), filters.get("status"),
                         filters.get("implied", True), filters.get("min_confidence"))
    return _dicts(conn.execute(_EVENT_SELECT + where.sql() + " ORDER BY a.num, e.idx", where.params), _EVENT_JSON)


def _quote_where(speaker: str | None, article: str | None, since: str | None, until: str | None,
                 search: str | None) -> Where:
    speaker, article = check_text(speaker, "speaker"), check_text(article, "article")
    search = check_text(search, "search")
    where = Where()
    if speaker and speaker.strip():
        pattern = like(speaker.strip())
        # = speaker_name LIKE ? OR speaker_text LIKE ?, matched over the distinct speaker strings (v8)
        matching = "SELECT string FROM speaker_strings WHERE n > 0 AND string LIKE ? ESCAPE '\\'"
        where.add(f"q.speaker_name IN ({matching}) OR q.speaker_text IN ({matching})", pattern, pattern)
    if article:
        where.add("q.article_id = ?", article)
    where.dates(_QUOTE_DATE, since, until)
    if search and search.strip():
        where.add("q.content_text LIKE ? ESCAPE '\\'", like(search.strip()))
    return where


def quotes(conn: sqlite3.Connection, *, speaker: str | None = None, article: str | None = None,
           since: str | None = None, until: str | None = None, search: str | None = None,
           limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Quotes filtered by ``speaker`` (substring of the resolved name or the mention), ``article``,
    date range and ``search`` (substring of the content); newest first."""
    where = _quote_where(speaker, article, since, until, search)
    # sort_date, article_num: _EVENT_DATE / _QUOTE_DATE and a.num, kept with the row in an index (v7)
    sql = (_QUOTE_SELECT + where.sql() + " ORDER BY q.sort_date IS NULL, q.sort_date DESC, q.article_num, q.idx"
           + _page(limit, offset))
    return list(_dicts(conn.execute(sql, where.params)))


def iter_quotes(conn: sqlite3.Connection, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every quote (optionally filtered as in :func:`quotes`), in storage order, streamed."""
    where = _quote_where(filters.get("speaker"), filters.get("article"), filters.get("since"),
                         filters.get("until"), filters.get("search"))
    return _dicts(conn.execute(_QUOTE_SELECT + where.sql() + " ORDER BY a.num, q.idx", where.params))


# -- actors, errors, runs ---------------------------------------------------------------------

def actors(conn: sqlite3.Connection, *, country: str | None = None, sector: str | None = None,
           name: str | None = None, article: str | None = None, mentions: bool = False,
           limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Actors filtered by ``country``/``sector`` code and ``name`` (substring of name or mention).

    By default one row per distinct actor (name, country, sector) with its mention and article
    counts, most mentioned first; with ``mentions=True`` one row per mention, with offsets.
    """
    name, article = check_text(name, "name"), check_text(article, "article")
    where = Where()
    where.any_of("country", check_codes(country, "country"))
    where.any_of("sector", check_codes(sector, "sector", what="sector"))
    if name and name.strip():
        pattern = like(name.strip())
        where.add("name LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\'", pattern, pattern)
    if article:
        where.add("article_id = ?", article)
    if mentions:
        sql = ('SELECT article_id, idx, start, "end", text, name, country, sector, kind FROM actors'
               + where.sql() + " ORDER BY article_id, idx")
    else:
        sql = ("SELECT COALESCE(name, text) AS name, country, sector, max(kind) AS kind, count(*) AS mentions,"
               " count(DISTINCT article_id) AS articles FROM actors" + where.sql()
               + " GROUP BY COALESCE(name, text), country, sector ORDER BY mentions DESC, name")
    return list(_dicts(conn.execute(sql + _page(limit, offset), where.params)))


def errors(conn: sqlite3.Connection, *, reason: str | None = None, stage: str | None = None,
           limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Recorded failures, most recently seen first."""
    where = Where()
    where.any_of("reason", reason, upper=False)
    where.any_of("stage", stage, upper=False)
    sql = ("SELECT origin, article_id, stage, reason, detail, first_seen, last_seen, seen, run_id FROM errors"
           + where.sql() + " ORDER BY last_seen DESC, id" + _page(limit, offset))
    return list(_dicts(conn.execute(sql, where.params)))


def runs(conn: sqlite3.Connection, *, limit: int | None = 20) -> list[dict[str, Any]]:
    """Recorded runs, latest first, with their settings, counts and summary decoded."""
    rows = list(_dicts(conn.execute("SELECT id, started_at, finished_at, status, settings, counts, summary"
                                    " FROM runs ORDER BY id DESC" + _page(limit))))
    for row in rows:
        for key in ("settings", "counts", "summary"):
            if isinstance(row[key], str):
                row[key] = json.loads(row[key])
    return rows


def stats(conn: sqlite3.Connection, *, path: str | None = None) -> dict[str, Any]:
    """Counts of articles, spans per kind, errors by reason and events by type; the published
    date range; the number of runs, the schema version and the size on disk in bytes."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    first, last = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
    spans, types = kept.span_counts(conn)  # kept by triggers (schema v8): no count of millions of rows
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "duplicates": one("SELECT count(*) FROM duplicates"),
        "spans": {kind: spans.get(kind, 0) for kind in SPAN_KINDS},
        "errors": one("SELECT count(*) FROM errors"),
        "errors_by_reason": dict(conn.execute(
            "SELECT reason, count(*) FROM errors GROUP BY reason ORDER BY count(*) DESC, reason").fetchall()),
        "events_by_type": types,
        "published": {"first": first, "last": last},
        "runs": one("SELECT count(*) FROM runs"),
        "schema_version": one("PRAGMA user_version"),
        "size_bytes": _size(conn, path),
    }


def _size(conn: sqlite3.Connection, path: str | None) -> int:
    if path and os.path.isfile(path):
        return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.isfile(p))
    return int(conn.execute("PRAGMA page_count").fetchone()[0]) * int(conn.execute("PRAGMA page_size").fetchone()[0])


def total(conn: sqlite3.Connection, kind: str, **filters: Any) -> int:
    """How many rows :func:`articles`, :func:`events`, :func:`quotes` or :func:`actors` (``kind``) give
    for these filters, without limit and offset (the total a page of them is out of)."""
    filters = {k: v for k, v in filters.items() if k not in ("limit", "offset")}
    if kind == "events":
        where = _event_where(filters.get("type"), filters.get("source"), filters.get("target"), filters.get("since"),
                             filters.get("until"), filters.get("article"), filters.get("status"),
                             filters.get("implied", True), filters.get("min_confidence"))
        if not where.clauses:  # every event: the count the triggers keep (each has its article: a foreign key)
            return kept.span_counts(conn)[0].get("events", 0)
        joined = " JOIN articles a ON a.id = e.article_id" if re.search(r"\ba\.", where.sql()) else ""  # dates
        sql = "SELECT count(*) FROM events e" + joined + where.sql()
    elif kind == "quotes":
        where = _quote_where(filters.get("speaker"), filters.get("article"), filters.get("since"),
                             filters.get("until"), filters.get("search"))
        if not where.clauses:  # every quote: the count the triggers keep
            return kept.span_counts(conn)[0].get("quotes", 0)
        joined = " JOIN articles a ON a.id = q.article_id" if re.search(r"\ba\.", where.sql()) else ""
        sql = "SELECT count(*) FROM quotes q" + joined + where.sql()
    elif kind == "actors":
        name = check_text(filters.get("name"), "name")
        where = Where()
        where.any_of("country", check_codes(filters.get("country"), "country"))
        where.any_of("sector", check_codes(filters.get("sector"), "sector", what="sector"))
        if name and name.strip():
            where.add("name LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\'", like(name.strip()), like(name.strip()))
        sql = ("SELECT count(*) FROM (SELECT 1 FROM actors" + where.sql()
               + " GROUP BY COALESCE(name, text), country, sector)")
    elif kind == "articles":
        search, source = check_text(filters.get("search"), "search"), check_text(filters.get("source"), "source")
        where = Where()
        if search and search.strip():
            where.add("a.num IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", search.strip())
        where.dates("a.published", filters.get("since"), filters.get("until"))
        if source:
            where.add("a.source = ? COLLATE NOCASE", source.strip())
        sql = "SELECT count(*) FROM articles a" + where.sql()
        try:
            return int(conn.execute(sql, where.params).fetchone()[0])
        except sqlite3.OperationalError:  # not valid FTS5 syntax: the words as typed, as articles() does
            where.params[0] = _fts_phrases(search or "")
    else:
        raise ValueError(f"no total for {kind!r}: choose articles, events, quotes or actors")
    return int(conn.execute(sql, where.params).fetchone()[0])
