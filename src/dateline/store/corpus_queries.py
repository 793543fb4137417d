"""Reading corpus events: filtered pages with their total, one event with its mentions, near duplicates.

Filters (all optional, checked by :mod:`.filters`): ``since``/``until`` (the act's date, inclusive,
at the coarser precision), ``type``, ``quad``, ``status`` (comma lists), ``source``/``target``
(country codes), ``country`` (source, target or place), ``actor`` (a country code, or a substring of
the source or target name), ``min_confidence``, ``min_mentions``, ``text`` (a substring of the
trigger or the sentence of the event's main mention) and ``article`` (events mentioned there).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..errors import InvalidFilterError
from .queries import Where, like
from .filters import (check_codes, check_confidence, check_limit, check_offset, check_quads,
                      check_statuses, check_text, check_types)

__all__ = ["Where", "event_where", "events", "event", "iter_events", "mentions", "near_duplicates",
           "duplicate_of", "speakers", "actors", "CORPUS_EVENT_COLUMNS", "SORTS", "rows_of", "like"]

#: The columns of a corpus event row.
CORPUS_EVENT_COLUMNS: tuple[str, ...] = (
    "id", "date", "type", "status", "mode", "cameo", "root_code", "quad", "goldstein", "confidence",
    "source_name", "source_country", "source_sector", "target_name", "target_country", "target_sector",
    "location_name", "location_country", "lat", "lon", "location_geonameid", "trigger", "sentence",
    "article_id", "idx", "num_mentions", "num_articles", "num_sources", "num_duplicates", "first_seen",
    "last_seen", "week", "month")

#: How a list of events may be ordered.
SORTS: dict[str, str] = {
    "date": "c.date DESC, c.id DESC",  # NULL dates sort last; the (date, id) index gives this order
    "-date": "c.date IS NULL, c.date ASC, c.id",
    "mentions": "c.num_mentions DESC, c.date DESC, c.id",
    "confidence": "c.confidence DESC, c.date DESC, c.id",
}

#: A filtered list of at most this many events is found first and then ordered.
FEW = 2_000

_SELECT = "SELECT " + ", ".join(f'c."{c}"' for c in CORPUS_EVENT_COLUMNS) + " FROM corpus_events c"
_CODE = re.compile(r"[A-Za-z]{3}")


def _min_mentions(value: int | str | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise InvalidFilterError("min_mentions", f"{str(value)[:40]!r} is not a whole number") from None
    if number < 0:
        raise InvalidFilterError("min_mentions", f"{number} is negative: give 0 or more")
    return number


def event_where(*, since: str | None = None, until: str | None = None, type: str | Sequence[str] | None = None,
                quad: str | Sequence[str] | int | None = None, status: str | Sequence[str] | None = None,
                source: str | None = None, target: str | None = None, country: str | None = None,
                actor: str | None = None, min_confidence: float | str | None = None,
                min_mentions: int | str | None = None, text: str | None = None,
                article: str | None = None, located: bool = False) -> Where:
    """The WHERE clause of the corpus event filters (alias ``c`` for ``corpus_events``)."""
    where = Where()
    where.dates("c.date", since, until, dated_only=False)
    where.any_of("c.type", check_types(type, "type"), upper=False)
    quads = [int(q) for q in (check_quads(quad, "quad") or "").split(",") if q]
    if quads:
        where.add(f"c.quad IN ({','.join('?' * len(quads))})", *quads)
    where.any_of("c.status", check_statuses(status, "status"), upper=False)
    where.any_of("c.source_country", check_codes(source, "source"), upper=False)
    where.any_of("c.target_country", check_codes(target, "target"), upper=False)
    codes = check_codes(country, "country")
    if codes:
        items = codes.split(",")
        marks = ",".join("?" * len(items))
        where.add(f"c.source_country IN ({marks}) OR c.target_country IN ({marks}) OR c.location_country IN ({marks})",
                  *items, *items, *items)
    actor = check_text(actor, "actor")
    if actor and actor.strip():
        value = actor.strip()
        if _CODE.fullmatch(value) and value.isupper():
            where.add("c.source_country = ? OR c.target_country = ?", value, value)
        else:
            pattern = like(value)
            where.add("c.source_name LIKE ? ESCAPE '\\' OR c.target_name LIKE ? ESCAPE '\\'", pattern, pattern)
    bound = check_confidence(min_confidence)
    if bound is not None:
        where.add("c.confidence >= ?", bound)
    least = _min_mentions(min_mentions)
    if least:
        where.add("c.num_mentions >= ?", least)
    text = check_text(text, "text")
    if text and text.strip():
        pattern = like(text.strip())
        where.add("c.sentence LIKE ? ESCAPE '\\' OR c.\"trigger\" LIKE ? ESCAPE '\\'", pattern, pattern)
    if located:
        where.add("c.lat IS NOT NULL AND c.lon IS NOT NULL")
    article = check_text(article, "article")
    if article:
        where.add("c.id IN (SELECT event_id FROM corpus_mentions WHERE article_id = ?)", article)
    return where


def rows_of(cur: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    """A cursor's rows as dicts."""
    names = [d[0] for d in cur.description]
    for row in cur:
        yield dict(zip(names, row))


def _page(limit: int | None, offset: int | None) -> str:
    limit, offset = check_limit(limit), check_offset(offset)
    if limit is None or limit <= 0:
        return f" LIMIT -1 OFFSET {int(offset)}" if offset else ""
    return f" LIMIT {int(limit)} OFFSET {int(offset)}"


def events(conn: sqlite3.Connection, *, limit: int | None = 50, offset: int = 0, sort: str = "date",
           memo: Callable[[tuple[Any, ...], Callable[[], int]], int] | None = None,
           **filters: Any) -> tuple[list[dict[str, Any]], int]:
    """A page of corpus events and the total that match the filters (see the module); ``memo(key,
    count)`` may keep the total (see :mod:`.generation`)."""
    if sort not in SORTS:
        raise InvalidFilterError("sort", f"{str(sort)[:40]!r} is not a sort order: choose from {', '.join(SORTS)}")
    where = event_where(**filters)
    count_sql = "SELECT count(*) FROM corpus_events c" + where.sql()

    def count() -> int:
        return int(conn.execute(count_sql, where.params).fetchone()[0])

    total = memo(("corpus_events", count_sql, tuple(where.params)), count) if memo else count()
    condition = where.sql()
    if where.clauses and total <= FEW and "LIKE" not in condition:
        # few matches found through an index: find them first, then order them (walking an order's index
        # and testing each row would read most of the table when the matches are rare)
        condition = f" WHERE c.rowid IN (SELECT c.rowid FROM corpus_events c{condition})"
    sql = _SELECT + condition + f" ORDER BY {SORTS[sort]}" + _page(limit, offset)
    return list(rows_of(conn.execute(sql, where.params))), int(total)


def iter_events(conn: sqlite3.Connection, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every corpus event matching the filters, by date then id, streamed."""
    where = event_where(**filters)
    return rows_of(conn.execute(_SELECT + where.sql() + " ORDER BY c.date IS NULL, c.date, c.id", where.params))


def mentions(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    """The mentions of one corpus event, in the grouping's order, each with its article and sentence."""
    cur = conn.execute(
        "SELECT m.article_id, m.idx, m.position, m.counted, a.title, a.published, a.source, a.dateline_agency,"
        " n.duplicate_of, n.similarity, e.type, e.status, e.date AS event_date, e.trigger_text AS \"trigger\","
        " e.trigger_start, e.trigger_end, e.sentence_text AS sentence, e.sentence_start, e.sentence_end,"
        " e.source_name, e.source_country, e.target_name, e.target_country, e.location_name, e.confidence"
        " FROM corpus_mentions m JOIN articles a ON a.id = m.article_id"
        " JOIN events e ON e.article_id = m.article_id AND e.idx = m.idx"
        " LEFT JOIN near_duplicates n ON n.article_id = m.article_id"
        " WHERE m.event_id = ? ORDER BY m.position", (event_id,))
    return list(rows_of(cur))


def event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """One corpus event with its ``mentions`` (None when unknown)."""
    row = next(rows_of(conn.execute(_SELECT + " WHERE c.id = ?", (check_text(event_id, "id"),))), None)
    if row is None:
        return None
    row["mentions"] = mentions(conn, event_id)
    return row


def near_duplicates(conn: sqlite3.Connection, *, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Articles that rewrite an earlier one: id, duplicate_of, similarity, with both titles."""
    cur = conn.execute("SELECT n.article_id AS id, n.duplicate_of, n.similarity, a.title, a.published, a.source,"
                       " o.title AS original_title FROM near_duplicates n JOIN articles a ON a.id = n.article_id"
                       " LEFT JOIN articles o ON o.id = n.duplicate_of ORDER BY a.published DESC, n.article_id"
                       + _page(limit, offset))
    return list(rows_of(cur))


def duplicate_of(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The article this one rewrites, with the similarity (None when it is no near duplicate)."""
    row = conn.execute("SELECT duplicate_of, similarity FROM near_duplicates WHERE article_id = ?",
                       (article_id,)).fetchone()
    return None if row is None else {"duplicate_of": row[0], "similarity": row[1]}


def speakers(conn: sqlite3.Connection, *, limit: int | None = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Speakers by number of quotes: ``speaker``, ``country``, ``quotes``, ``articles`` (as of the last
    build of the corpus view)."""
    cur = conn.execute("SELECT speaker, country, quotes, articles FROM corpus_speakers"
                       " ORDER BY quotes DESC, speaker" + _page(limit, offset))
    return list(rows_of(cur))


def actors(conn: sqlite3.Connection, *, country: str | None = None, sector: str | None = None,
           name: str | None = None, limit: int | None = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Distinct actors (name, country, sector) with mention and article counts, most mentioned first,
    and their total; filtered as :func:`dateline.store.queries.actors` filters (as of the last build)."""
    where = Where()
    where.any_of("country", check_codes(country, "country"), upper=False)
    where.any_of("sector", check_codes(sector, "sector", what="sector"), upper=False)
    name = check_text(name, "name")
    if name and name.strip():
        where.add("name LIKE ? ESCAPE '\\'", like(name.strip()))
    total = conn.execute("SELECT count(*) FROM corpus_actors" + where.sql(), where.params).fetchone()[0]
    cur = conn.execute("SELECT name, country, sector, kind, mentions, articles FROM corpus_actors" + where.sql()
                       + " ORDER BY mentions DESC, name" + _page(limit, offset), where.params)
    return list(rows_of(cur)), int(total)
