"""Kept answers (schema v7): the counts kept with the corpus view, the list order kept as columns, and
totals kept per generation of a read-only store all give what counting the rows again gives."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from corpus_stories import STORIES, TALKS

from dateline.store import Store, generation
from dateline.store.kept import DIMENSIONS, INTERVALS, V7_KEPT


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "kept.db"
    with Store.open(path) as store:
        store.write_batch([s for s in STORIES if s is not TALKS])
        store.write_batch([TALKS])  # a second batch: the view is rebuilt as the store closes
    return path


def _live_counts(conn: sqlite3.Connection, interval: str, by: str) -> list[dict]:
    """What counting corpus_events gives (the query the kept table replaces)."""
    period, key = INTERVALS[interval], DIMENSIONS[by]
    extra = " AND c.source_country IS NOT NULL AND c.target_country IS NOT NULL" if by == "dyad" else ""
    cur = conn.execute(f"SELECT {period} AS period, {key} AS key, count(*) AS events, sum(c.num_mentions) AS mentions,"
                       f" round(total(c.goldstein), 2) AS goldstein FROM corpus_events c WHERE {period} IS NOT NULL"
                       f"{extra} GROUP BY {period}, {key} ORDER BY period, events DESC, key")
    return [dict(zip([d[0] for d in cur.description], row)) for row in cur]


def test_kept_counts_are_the_counted_ones(db):
    with Store.open(db, create=False, readonly=True) as store:
        conn = store.connection
        for interval in INTERVALS:
            for by in DIMENSIONS:
                rows, total = store.corpus.counts(interval=interval, by=by)
                assert rows == _live_counts(conn, interval, by) and total == len(rows)
        rows, _ = store.corpus.counts(interval="day", by="quad")
        assert rows and all(isinstance(r["key"], int) for r in rows)  # a quad stays a number
        assert store.corpus.counts(interval="month", by="type", limit=1, offset=1)[0] == \
            _live_counts(conn, "month", "type")[1:2]


def test_kept_network_countries_and_summary_are_the_counted_ones(db):
    with Store.open(db, create=False, readonly=True) as store:
        every = store.corpus.network(min_events=1)
        # a filter that keeps every event takes the counting path
        counted = store.corpus.network(min_events=1, since="1900")
        assert every == counted and every["edges"]
        assert store.corpus.countries() == store.corpus.countries(since="1900")
        summary = store.corpus.summary()
        events, mentions = store.connection.execute(
            "SELECT count(*), total(num_mentions) FROM corpus_events").fetchone()
        assert (summary["events"], summary["mentions"]) == (events, int(mentions))


def test_list_order_columns_follow_the_computed_date(db):
    with Store.open(db) as store:
        conn = store.connection
        for table in ("events", "quotes"):
            wrong = conn.execute(
                f"SELECT count(*) FROM {table} t JOIN articles a ON a.id = t.article_id WHERE t.article_num IS NOT a.num"
                f" OR t.sort_date IS NOT (CASE WHEN t.date GLOB '[0-9][0-9][0-9][0-9]*' THEN t.date ELSE a.published END)"
            ).fetchone()[0]
            assert wrong == 0
        # the migration's UPDATEs give the columns the writer gave
        before = conn.execute("SELECT article_id, idx, sort_date, article_num FROM quotes ORDER BY 1, 2").fetchall()
        conn.execute("UPDATE quotes SET sort_date = NULL, article_num = NULL")
        for statement in V7_KEPT.split(";\n"):
            if statement.strip().startswith("UPDATE quotes"):
                conn.execute(statement)
        assert conn.execute("SELECT article_id, idx, sort_date, article_num FROM quotes ORDER BY 1, 2").fetchall() \
            == before


def test_speaker_filter_matches_name_or_mention(db):
    with Store.open(db, create=False, readonly=True) as store:
        every = store.quotes(limit=0)
        assert any("Peskov" in (q["speaker_name"] or "") for q in every)
        for speaker in ("Peskov", "peskov", "Dmitry", "nobody"):
            expected = [q for q in every if speaker.lower() in (q["speaker_name"] or "").lower()
                        or speaker.lower() in (q["speaker_text"] or "").lower()]
            assert store.quotes(speaker=speaker, limit=0) == expected
            assert store.total("quotes", speaker=speaker) == len(expected)


def test_totals_are_kept_until_the_file_changes(db, monkeypatch):
    generation.clear()
    with Store.open(db, create=False, readonly=True) as store:
        first = store.total("articles")
        calls = []
        original = generation.cached

        def counting(path, key, compute):
            return original(path, key, lambda: calls.append(key) or compute())

        monkeypatch.setattr(generation, "cached", counting)
        assert store.total("articles") == first and calls == []  # kept
        stats = store.stats()
        stats["articles"] = -1  # a caller's change does not reach the kept answer
        assert store.stats()["articles"] == first
    with Store.open(db) as writer:
        writer.write_batch([dataclasses.replace(STORIES[0], id="another", text=STORIES[0].text + " More.")])
    with Store.open(db, create=False, readonly=True) as store:
        assert store.total("articles") == first + 1
        assert store.corpus.events()[1] == store.connection.execute("SELECT count(*) FROM corpus_events").fetchone()[0]


def test_writable_stores_count_every_time(db):
    with Store.open(db) as store:
        assert generation.generation(str(db)) is not None
        assert store.total("articles") == len(STORIES)
        store.connection.execute("DELETE FROM articles WHERE id = ?", (TALKS.id,))
        assert store.total("articles") == len(STORIES) - 1


def test_span_counts_kept_by_triggers_follow_writes_replacements_and_deletes(db):
    def counted(conn):
        spans = {kind: conn.execute(f"SELECT count(*) FROM {kind}").fetchone()[0]
                 for kind in ("sentences", "actors", "quotes", "times", "places", "events")}
        types = dict(conn.execute("SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC, type"))
        return spans, types

    with Store.open(db) as store:
        conn = store.connection
        stats = store.stats()
        assert (stats["spans"], stats["events_by_type"]) == counted(conn) and stats["spans"]["events"] > 0
        store.write_batch([dataclasses.replace(STORIES[0], text=STORIES[0].text + " Changed.")])  # replaced
        conn.execute("DELETE FROM articles WHERE id = ?", (TALKS.id,))  # cascades to its spans
        stats = store.stats()
        assert (stats["spans"], stats["events_by_type"]) == counted(conn)
        assert store.total("events") == stats["spans"]["events"] and store.total("quotes") == stats["spans"]["quotes"]
        kept = dict(conn.execute("SELECT string, n FROM speaker_strings WHERE n > 0"))
        strings = conn.execute("SELECT string, count(*) FROM (SELECT speaker_name AS string FROM quotes UNION ALL"
                               " SELECT speaker_text FROM quotes) WHERE string IS NOT NULL GROUP BY string")
        assert kept == dict(strings)


@pytest.mark.parametrize("filters", [{"quad": "4"}, {"country": "UKR"}, {"type": "ASSAULT", "source": "RUS"},
                                     {"status": "asserted", "min_mentions": 2}])
@pytest.mark.parametrize("sort", ["date", "-date", "mentions", "confidence"])
def test_few_matches_found_first_are_ordered_alike(db, monkeypatch, filters, sort):
    from dateline.store import corpus_queries

    with Store.open(db) as store:
        found_first = store.corpus.events(**filters, sort=sort, limit=2, offset=1)
        monkeypatch.setattr(corpus_queries, "FEW", -1)
        assert store.corpus.events(**filters, sort=sort, limit=2, offset=1) == found_first
