"""Writing batches: idempotency, replacement, failure dedup, runs, and crash safety."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from records_fixtures import FAILURE, TEXT_A, article_a, article_b, article_c

from dateline.errors import StoreError
from dateline.records import Failure
from dateline.store import Store, WriteStats

SPAN_TABLES = ("sentences", "actors", "quotes", "times", "places", "events")
TABLES = ("articles", *SPAN_TABLES, "errors")


def counts(store: Store) -> dict[str, int]:
    return {t: store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, without the columns that record when something happened."""
    conn = sqlite3.connect(path)
    out = {}
    for table in TABLES:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                if r[1] not in ("ingested_at", "first_seen", "last_seen", "num", "id", "run_id")
                or (table != "errors" and r[1] == "id")]
        out[table] = sorted(conn.execute(f"SELECT {', '.join(repr(c) for c in cols)} FROM {table}").fetchall(),
                            key=repr)
    conn.close()
    return out


def test_first_write_counts_articles_and_spans(store):
    stats = store.write_batch([article_a(), article_b(), FAILURE])
    assert (stats.new, stats.unchanged, stats.replaced, stats.failures) == (2, 0, 0, 1)
    assert (stats.sentences, stats.actors, stats.quotes, stats.times, stats.places, stats.events) == (5, 6, 1, 1, 1, 4)
    assert counts(store) == {"articles": 2, "sentences": 5, "actors": 6, "quotes": 1, "times": 1, "places": 1,
                             "events": 4, "errors": 1}


def test_second_write_of_the_same_batch_adds_nothing(store):
    batch = [article_a(), article_b(), article_c(), FAILURE]
    store.write_batch(batch)
    before = counts(store)
    stats = store.write_batch(batch)
    assert (stats.new, stats.unchanged, stats.replaced) == (0, 3, 0)
    assert stats.events == stats.actors == stats.sentences == 0
    assert counts(store) == before


@pytest.mark.parametrize("changed", [
    article_a(text=TEXT_A + " "),                                     # different text
    article_a(events=()),                                             # different record
    article_a(title="Another headline"),
])
def test_changed_article_replaces_its_spans(store, changed):
    store.write_batch([article_a(), article_b()])
    stats = store.write_batch([changed])
    assert (stats.new, stats.unchanged, stats.replaced) == (0, 0, 1)
    assert store.get_article("art-a") == changed.to_dict()
    assert store.connection.execute("SELECT count(*) FROM events WHERE article_id='art-a'").fetchone()[0] == \
        len(changed.events)
    assert counts(store)["articles"] == 2
    assert store.get_article("art-b") == article_b().to_dict()


def test_failure_seen_again_updates_last_seen(store):
    store.write_batch([FAILURE])
    store.connection.execute("UPDATE errors SET first_seen = '2000-01-01', last_seen = '2000-01-01'")
    store.write_batch([FAILURE])
    rows = store.errors()
    assert len(rows) == 1
    assert rows[0]["first_seen"] == "2000-01-01" and rows[0]["last_seen"] > "2000-01-01"
    assert rows[0]["seen"] == 2


def test_a_different_reason_is_another_error(store):
    store.write_batch([FAILURE, Failure(origin=FAILURE.origin, stage="read", reason="binary")])
    assert sorted(r["reason"] for r in store.errors()) == ["binary", "empty"]


def test_success_clears_the_articles_earlier_failure(store):
    store.write_batch([Failure(origin="a.txt", stage="extract", reason="extractor-error", id="art-a")])
    assert store.stats()["errors"] == 1
    store.write_batch([article_a()])
    assert store.stats()["errors"] == 0


def test_record_dicts_with_text_are_stored_like_articles(store):
    record = article_c().to_dict(include_text=True)
    stats = store.write_batch([record])
    assert stats.new == 1 and stats.events == 2
    assert store.write_batch([article_c()]).unchanged == 1


@pytest.mark.parametrize("item", [{"id": "x"}, {"text": "no id"}, 42, "a string"])
def test_unstorable_items_raise_store_error_and_write_nothing(store, item):
    with pytest.raises(StoreError):
        store.write_batch([article_a(), item])
    assert counts(store)["articles"] == 0


def test_runs_accumulate_counts(store):
    run = store.start_run({"model": "test", "paths": [Path("x")]})
    store.write_batch([article_a(), FAILURE], run_id=run)
    store.write_batch([article_a(), article_b()], run_id=run)
    store.finish_run(run, WriteStats(new=2))
    (row,) = store.runs()
    assert row["status"] == "finished" and row["finished_at"]
    assert row["settings"] == {"model": "test", "paths": ["x"]}
    assert row["counts"]["new"] == 2 and row["counts"]["unchanged"] == 1 and row["counts"]["failures"] == 1
    assert row["summary"]["new"] == 2
    assert store.connection.execute("SELECT count(*) FROM articles WHERE run_id = ?", (run,)).fetchone()[0] == 2


def test_unknown_run_is_an_error(store):
    with pytest.raises(StoreError, match="no run"):
        store.write_batch([article_a()], run_id=99)
    with pytest.raises(StoreError, match="no run"):
        store.finish_run(99)


def test_deleting_an_article_cascades_to_its_spans(filled):
    filled.connection.execute("DELETE FROM articles WHERE id = 'art-b'")
    for table in SPAN_TABLES:
        n = filled.connection.execute(f"SELECT count(*) FROM {table} WHERE article_id='art-b'").fetchone()[0]
        assert n == 0, table


class Boom(RuntimeError):
    pass


def _exploding(items, after: int):
    for i, item in enumerate(items):
        if i == after:
            raise Boom("crash in the middle of a batch")
        yield item


def test_a_crash_mid_batch_loses_only_that_batch(tmp_path):
    first, second = [article_a(), FAILURE], [article_b(), article_c()]
    crashed = tmp_path / "crashed.db"
    with Store.open(crashed) as store:
        store.write_batch(first)
        with pytest.raises(Boom):
            store.write_batch(_exploding(second, after=1))
    with Store.open(crashed) as store:
        assert [a["id"] for a in store.articles()] == ["art-a"]
        assert counts(store)["errors"] == 1
        assert counts(store)["events"] == 1
        # re-running the whole input gives the same database as a clean run
        assert store.write_batch(first).unchanged == 1
        assert store.write_batch(second).new == 2
    clean = tmp_path / "clean.db"
    with Store.open(clean) as store:
        store.write_batch(first)
        store.write_batch(second)
    assert dump(crashed) == dump(clean)


def test_fixture_spans_slice_back():
    for art in (article_a(), article_b(), article_c()):
        record = art.to_dict()
        for kind in ("actors", "times", "places"):
            for item in record[kind]:
                assert art.text[item["start"]:item["end"]] == item["text"]
        for event in record["events"]:
            assert art.text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]


def test_an_article_the_database_will_not_take_is_recorded_and_the_batch_goes_on(store):
    bad = article_b(title="Bad \ud800 title")
    stats = store.write_batch([article_a(), bad, article_c()])
    assert (stats.new, stats.failures) == (2, 1)
    assert [a["id"] for a in store.articles()] and store.get_article("art-b") is None
    (error,) = store.errors()
    assert (error["article_id"], error["stage"], error["reason"]) == ("art-b", "store", "store-error")
    assert "UnicodeEncodeError" in error["detail"]
    assert counts(store)["events"] == len(article_a().events) + len(article_c().events)


def test_a_failure_with_a_lone_surrogate_is_stored_escaped(store):
    store.write_batch([Failure(origin="x.jsonl:2", stage="read", reason="invalid-unicode", id="a\udc80",
                               detail="the field 'id' holds \udc80")])
    (error,) = store.errors()
    assert error["article_id"] == "a\\udc80" and error["detail"].endswith("\\udc80")
