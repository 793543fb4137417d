"""Writing article records and failures: one record becomes one article row plus its span rows.

Works from FORMAT.md dictionaries, so an :class:`~dateline.records.Article` and a record read back
from JSON Lines are stored the same way.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from ..errors import StoreError
from ..ingest.fields import printable
from ..records import Article, Failure
from .kept import SORT_DATE_SQL

__all__ = ["WriteStats", "SPAN_KINDS", "record_of", "content_hash", "text_hash", "write_article", "write_failure",
           "utc_now"]

#: The span tables, in the order of the record's fields.
SPAN_KINDS: tuple[str, ...] = ("sentences", "actors", "quotes", "times", "places", "events")


@dataclass(slots=True)
class WriteStats:
    """What one batch (or a whole run) wrote: articles by outcome, and span rows by kind."""

    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    duplicates: int = 0
    failures: int = 0
    sentences: int = 0
    actors: int = 0
    quotes: int = 0
    times: int = 0
    places: int = 0
    events: int = 0

    def add(self, other: "WriteStats | Mapping[str, int]") -> "WriteStats":
        """Add another batch's counts to these (in place); returns self."""
        values = other.to_dict() if isinstance(other, WriteStats) else other
        for key, value in values.items():
            if hasattr(self, key):
                setattr(self, key, getattr(self, key) + int(value))
        return self

    @property
    def written(self) -> int:
        """Articles whose rows were (re)written."""
        return self.new + self.replaced

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def utc_now() -> str:
    """The current UTC time as an ISO 8601 string (seconds)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def record_of(item: Article | Mapping[str, Any]) -> tuple[dict[str, Any], str, str | None]:
    """The FORMAT.md record (without ``text``), the text and the origin of an article."""
    if isinstance(item, Article):
        return item.to_dict(), item.text, item.origin
    if isinstance(item, Mapping):
        record = dict(item)
        text = record.pop("text", None)
        origin = record.pop("origin", None)
        if not isinstance(text, str) or not isinstance(record.get("id"), str):
            raise StoreError("an article record needs a string 'id' and its 'text' to be stored "
                             "(write records with text: Article.to_dict(include_text=True))")
        return record, text, origin
    raise StoreError(f"cannot store a {type(item).__name__}: expected an Article, a Failure or a record dict")


def content_hash(record: Mapping[str, Any], text: str) -> str:
    """A hash of an article's text and record: equal hashes mean nothing to rewrite."""
    payload = json.dumps({"record": record, "text": text}, sort_keys=True, ensure_ascii=False,
                         separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def text_hash(text: str | None) -> str | None:
    """A hash of an article's text that ignores how it is spaced: the same story stored under
    another id, or with other whitespace, line ends or Unicode composition, hashes the same."""
    if text is None:
        return None
    normal = " ".join(unicodedata.normalize("NFC", text.lstrip("\ufeff")).split())
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()


def _json(value: Any) -> str:
    return json.dumps(value if value is not None else [], ensure_ascii=False, default=str)


def _get(mapping: Mapping[str, Any] | None, key: str) -> Any:
    return mapping.get(key) if isinstance(mapping, Mapping) else None


def _first(actors: Any) -> Mapping[str, Any] | None:
    return actors[0] if isinstance(actors, list) and actors and isinstance(actors[0], Mapping) else None


def write_article(conn: sqlite3.Connection, item: Article | Mapping[str, Any], *, run_id: int | None,
                  now: str, stats: WriteStats, input_hash: str | None = None) -> str:
    """Store one article inside the caller's transaction.

    Returns ``new``, ``unchanged``, ``replaced`` or ``duplicate``: an article not stored under its
    id whose text (whitespace and line ends aside) is already stored under another id is recorded
    in ``duplicates`` with ``duplicate_of``, and its rows are not written again. ``input_hash``
    (see :mod:`dateline.fingerprint`) is kept with the article or the duplicate so that the next
    run can skip it before parsing it.
    """
    record, text, origin = record_of(item)
    article_id = record["id"]
    digest = content_hash(record, text)
    normal = text_hash(text)
    row = conn.execute("SELECT content_hash, input_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is not None and row[0] == digest:
        if input_hash is not None and row[1] != input_hash:
            conn.execute("UPDATE articles SET input_hash = ? WHERE id = ?", (input_hash, article_id))
        stats.unchanged += 1
        return "unchanged"
    if row is None:
        original = conn.execute("SELECT id FROM articles WHERE text_hash = ? AND id != ? ORDER BY num LIMIT 1",
                                (normal, article_id)).fetchone()
        if original is not None:
            return _write_duplicate(conn, record, origin, original[0], normal, run_id=run_id, now=now, stats=stats,
                                    input_hash=input_hash)
    if row is not None:
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))  # cascades to the spans
    conn.execute("DELETE FROM duplicates WHERE id = ?", (article_id,))  # its text is its own now
    dateline = record.get("dateline") or {}
    body = record.get("body") or {}
    cur = conn.execute(
        "INSERT INTO articles (id, text, published, source, title, url, origin, dateline_place,"
        " dateline_date, dateline_agency, dateline_start, dateline_end, body_start, body_end, record,"
        " content_hash, text_hash, ingested_at, run_id, input_hash)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (article_id, text, record.get("published"), record.get("source"), record.get("title"),
         record.get("url"), origin, _get(dateline, "place"), _get(dateline, "date"),
         _get(dateline, "agency"), _get(dateline, "start"), _get(dateline, "end"), _get(body, "start"),
         _get(body, "end"), json.dumps(record, ensure_ascii=False, default=str), digest, normal, now, run_id,
         input_hash))
    _write_spans(conn, article_id, record, text, stats)
    for table in ("events", "quotes"):  # their list order, read from an index (schema v7)
        conn.execute(f"UPDATE {table} SET sort_date = {SORT_DATE_SQL}, article_num = ? WHERE article_id = ?",
                     (record.get("published"), cur.lastrowid, article_id))
    # an article that now went through is no longer an outstanding failure
    conn.execute("DELETE FROM errors WHERE article_id = ?", (article_id,))
    if row is None:
        stats.new += 1
        return "new"
    stats.replaced += 1
    return "replaced"


def _write_duplicate(conn: sqlite3.Connection, record: Mapping[str, Any], origin: str | None, original: str,
                     normal: str, *, run_id: int | None, now: str, stats: WriteStats,
                     input_hash: str | None = None) -> str:
    """Record that ``record`` repeats the stored article ``original``; seen again, only ``last_seen``
    (and the input hash) move."""
    article_id = record["id"]
    known = conn.execute("SELECT duplicate_of FROM duplicates WHERE id = ? AND text_hash = ?",
                         (article_id, normal)).fetchone()
    conn.execute(
        "INSERT INTO duplicates (id, duplicate_of, text_hash, published, source, title, url, origin, first_seen,"
        " last_seen, run_id, input_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT (id) DO UPDATE SET duplicate_of = excluded.duplicate_of, text_hash = excluded.text_hash,"
        " published = excluded.published, source = excluded.source, title = excluded.title,"
        " url = excluded.url, origin = excluded.origin, last_seen = excluded.last_seen,"
        " input_hash = excluded.input_hash",
        (article_id, original, normal, record.get("published"), record.get("source"), record.get("title"),
         record.get("url"), origin, now, now, run_id, input_hash))
    conn.execute("DELETE FROM errors WHERE article_id = ?", (article_id,))
    if known is not None and known[0] == original:
        stats.unchanged += 1
        return "unchanged"
    stats.duplicates += 1
    return "duplicate"


def _slice(text: str, span: Any) -> str | None:
    start, end = _get(span, "start"), _get(span, "end")
    return text[start:end] if isinstance(start, int) and isinstance(end, int) else None


def _write_spans(conn: sqlite3.Connection, article_id: str, record: Mapping[str, Any], text: str,
                 stats: WriteStats) -> None:
    rows = [(article_id, i, s.get("start"), s.get("end")) for i, s in enumerate(record.get("sentences") or [])]
    conn.executemany('INSERT INTO sentences (article_id, idx, start, "end") VALUES (?,?,?,?)', rows)
    stats.sentences += len(rows)

    rows = [(article_id, i, a.get("start"), a.get("end"), a.get("text"), a.get("name"), a.get("country"),
             a.get("sector"), a.get("kind")) for i, a in enumerate(record.get("actors") or [])]
    conn.executemany('INSERT INTO actors (article_id, idx, start, "end", text, name, country, sector, kind)'
                     " VALUES (?,?,?,?,?,?,?,?,?)", rows)
    stats.actors += len(rows)

    rows = []
    for i, q in enumerate(record.get("quotes") or []):
        content, speaker, cue = q.get("content") or {}, q.get("speaker"), q.get("cue")
        rows.append((article_id, i, q.get("kind"), content.get("start"), content.get("end"), content.get("text"),
                     _get(speaker, "start"), _get(speaker, "end"), _get(speaker, "text"), _get(speaker, "name"),
                     _get(speaker, "country"), _get(speaker, "sector"), _get(cue, "start"), _get(cue, "end"),
                     _get(cue, "text"), q.get("date")))
    conn.executemany(
        "INSERT INTO quotes (article_id, idx, kind, content_start, content_end, content_text, speaker_start,"
        " speaker_end, speaker_text, speaker_name, speaker_country, speaker_sector, cue_start, cue_end,"
        " cue_text, date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    stats.quotes += len(rows)

    rows = [(article_id, i, t.get("start"), t.get("end"), t.get("text"), t.get("value"), t.get("type"))
            for i, t in enumerate(record.get("times") or [])]
    conn.executemany('INSERT INTO times (article_id, idx, start, "end", text, value, type) VALUES (?,?,?,?,?,?,?)',
                     rows)
    stats.times += len(rows)

    rows = [(article_id, i, p.get("start"), p.get("end"), p.get("text"), p.get("name"), p.get("geonameid"),
             p.get("lat"), p.get("lon"), p.get("country"), p.get("feature"), p.get("score"))
            for i, p in enumerate(record.get("places") or [])]
    conn.executemany('INSERT INTO places (article_id, idx, start, "end", text, name, geonameid, lat, lon,'
                     " country, feature, score) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    stats.places += len(rows)

    rows = []
    for i, e in enumerate(record.get("events") or []):
        source, target = e.get("source") or [], e.get("target") or []
        first_source, first_target = _first(source), _first(target)
        sentence, trigger, location = e.get("sentence"), e.get("trigger"), e.get("location")
        rows.append((
            article_id, i, e.get("type"), e.get("mode"), _json(e.get("context")), _json(source), _json(target),
            _get(first_source, "name"), _get(first_source, "country"), _get(first_source, "sector"),
            _get(first_target, "name"), _get(first_target, "country"), _get(first_target, "sector"),
            _get(sentence, "start"), _get(sentence, "end"), _slice(text, sentence), _get(trigger, "start"),
            _get(trigger, "end"), _get(trigger, "text"), e.get("date"), _get(location, "text"), _get(location, "name"),
            _get(location, "lat"), _get(location, "lon"), _get(location, "country"), _get(location, "geonameid"),
            e.get("cameo"), e.get("quad"), e.get("goldstein"), e.get("status"), e.get("attributed_to"),
            e.get("confidence")))
    conn.executemany(
        "INSERT INTO events (article_id, idx, type, mode, context, source, target, source_name, source_country,"
        " source_sector, target_name, target_country, target_sector, sentence_start, sentence_end, sentence_text,"
        " trigger_start, trigger_end, trigger_text, date, location_text, location_name, location_lat,"
        " location_lon, location_country, location_geonameid, cameo, quad, goldstein, status, attributed_to,"
        " confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    stats.events += len(rows)


def write_failure(conn: sqlite3.Connection, failure: Failure, *, run_id: int | None, now: str,
                  stats: WriteStats) -> None:
    """Record a failure; the same origin, stage and reason seen again only updates ``last_seen``."""
    conn.execute(
        "INSERT INTO errors (origin, article_id, stage, reason, detail, first_seen, last_seen, run_id)"
        " VALUES (?,?,?,?,?,?,?,?)"
        " ON CONFLICT (origin, stage, reason) DO UPDATE SET last_seen = excluded.last_seen,"
        " detail = excluded.detail, article_id = COALESCE(excluded.article_id, errors.article_id),"
        " seen = errors.seen + 1, run_id = COALESCE(excluded.run_id, errors.run_id)",
        (printable(failure.origin), None if failure.id is None else printable(failure.id), failure.stage,
         failure.reason, None if failure.detail is None else printable(failure.detail), now, now, run_id))
    stats.failures += 1
