"""One event, many mentions: the grouping rule on article pairs, near duplicates, stable ids."""

from __future__ import annotations

import datetime as dt

import pytest
from corpus_stories import AFP, FOLLOW_UP, ODESA, REUTERS, REWRITE, STORIES, TALKS, Act, story

from dateline.store import Store
from dateline.store.grouping import Mention, group_mentions, trigger_alike
from dateline.store.near_duplicates import signature, similarity


def _build(path, articles):
    with Store.open(path) as store:
        store.write_batch(list(articles))
    return Store.open(path)


def _assaults(store):
    rows, _ = store.corpus.events(type="ASSAULT", limit=0)
    return rows


def test_same_act_from_two_agencies_is_one_event(tmp_path):
    with _build(tmp_path / "a.db", [AFP, REUTERS]) as store:
        (event,) = _assaults(store)
        assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (3, 2, 2)
        assert event["location_name"] == "Kharkiv" and event["date"] == "2024-03-04"
        mentions = store.corpus.event(event["id"])["mentions"]
        assert {(m["article_id"], m["idx"]) for m in mentions} == {("afp-kharkiv", 0), ("afp-kharkiv", 1),
                                                                   ("reuters-kharkiv", 0)}


def test_two_strikes_the_same_day_in_two_cities_stay_apart(tmp_path):
    with _build(tmp_path / "b.db", [AFP, ODESA]) as store:
        events = _assaults(store)
        assert sorted(e["location_name"] for e in events) == ["Kharkiv", "Odesa"]
        assert all(e["num_articles"] == 1 for e in events)


def test_follow_up_that_repeats_yesterdays_act_joins_it(tmp_path):
    with _build(tmp_path / "c.db", [AFP, FOLLOW_UP]) as store:
        (event,) = _assaults(store)
        assert event["num_articles"] == 2 and event["num_sources"] == 2
        assert (event["first_seen"], event["last_seen"]) == ("2024-03-04", "2024-03-05")


def test_follow_up_without_a_date_of_its_own_joins_within_the_window(tmp_path):
    undated = story("undated", "DPA", "2024-03-05", "Kharkiv counts the dead\nRussian missiles struck Kharkiv, "
                    "Ukraine said.", [Act("ASSAULT", "struck", "Russian", "Ukraine", "Kharkiv")])
    late = story("late", "DPA", "2024-03-07", "Kharkiv again\nRussian missiles struck Kharkiv, Ukraine said.",
                 [Act("ASSAULT", "struck", "Russian", "Ukraine", "Kharkiv")])
    with _build(tmp_path / "d.db", [AFP, undated, late]) as store:
        events = sorted(_assaults(store), key=lambda e: e["date"])
        assert [e["num_articles"] for e in events] == [2, 1]
        assert events[1]["date"] == "2024-03-07"


def test_rewrite_is_a_near_duplicate_and_not_counted_twice(tmp_path):
    with _build(tmp_path / "e.db", [AFP, REWRITE, REUTERS]) as store:
        (event,) = _assaults(store)
        assert (event["num_mentions"], event["num_articles"], event["num_duplicates"]) == (3, 2, 1)
        assert store.corpus.duplicate_of("web-kharkiv")["duplicate_of"] == "afp-kharkiv"
        assert store.corpus.duplicate_of("afp-kharkiv") is None
        assert store.corpus.duplicate_of("reuters-kharkiv") is None
        counted = {m["article_id"]: m["counted"] for m in store.corpus.event(event["id"])["mentions"]}
        assert counted["web-kharkiv"] == 0 and counted["afp-kharkiv"] == 1


def test_ids_are_stable_when_the_store_is_rebuilt_in_another_order(tmp_path):
    with _build(tmp_path / "f.db", STORIES) as first, _build(tmp_path / "g.db", reversed(STORIES)) as second:
        one = {(e["id"], e["num_mentions"], e["num_articles"]) for e in first.corpus.events(limit=0)[0]}
        two = {(e["id"], e["num_mentions"], e["num_articles"]) for e in second.corpus.events(limit=0)[0]}
        assert one == two and len(one) == 4  # Kharkiv, Odesa, the accusation, the talks
        first.refresh_corpus(force=True)
        assert {e["id"] for e in first.corpus.events(limit=0)[0]} == {key for key, _, _ in one}


def test_view_follows_new_and_removed_articles(tmp_path):
    path = tmp_path / "h.db"
    with _build(path, [AFP]) as store:
        assert store.corpus.summary()["events"] == 1
        store.write_batch([REUTERS, TALKS])
        assert store.corpus.stale
    with Store.open(path) as store:
        assert not store.corpus.stale and store.corpus.summary()["events"] == 3
        store.connection.execute("DELETE FROM articles WHERE id = 'tass-geneva'")
        assert store.corpus.stale
        assert store.refresh_corpus()["events"] == 2


def test_view_goes_stale_when_the_newest_article_is_replaced(tmp_path):
    # the replaced article takes the same key (num) back: its write marks the view stale
    path = tmp_path / "r.db"
    with _build(path, [AFP, REUTERS]) as store:
        assert not store.corpus.stale
        store.connection.execute("UPDATE articles SET ingested_at = '9999-01-01T00:00:00' WHERE id = ?",
                                 (REUTERS.id,))
        assert store.corpus.stale


def _mention(article: str, day: int, *, dated: bool = True, place: str | None = "706483", trigger: str = "struck",
             status: str = "asserted", target: str | None = "UKR") -> Mention:
    return Mention(article, 0, "ASSAULT", status, dt.date(2024, 3, day), dated, f"2024-03-{day:02d}",
                   "RUS", "MIL", target, None, place, "UKR", place is None, trigger, "195")


@pytest.mark.parametrize("second, together", [
    (_mention("b", 4), True),                               # same day, same place
    (_mention("b", 5), False),                              # both dated, another day: another act
    (_mention("b", 5, dated=False), True),                  # dated only by publication, next day
    (_mention("b", 6, dated=False), False),                 # outside the window
    (_mention("b", 4, place="698740"), False),              # another city
    (_mention("b", 4, place=None, trigger="airstrike"), True),  # no place: the trigger decides (same CAMEO)
    (_mention("b", 4, status="negated"), False),            # a denial is not the act
    (_mention("b", 4, status="reported"), True),            # a claim of it is
    (_mention("b", 4, target="POL"), False),                # another target country
    (_mention("b", 4, target=None), True),                  # an open side matches
])
def test_rule_on_pairs(second, together):
    groups = group_mentions([_mention("a", 4), second])
    assert (len(groups) == 1) is together


@pytest.mark.parametrize("first, second, alike", [
    ("airstrike", "air strikes", True), ("shelled", "shelling", True), ("struck", "strikes", False),
    ("talks", "met", False), ("bombed", "bombing", True),
])
def test_trigger_alike(first, second, alike):
    assert trigger_alike(first, second) is alike


def test_signatures_estimate_similarity():
    a = AFP.text
    assert similarity(signature(a), signature(a)) == 1.0
    assert similarity(signature(a), signature(REWRITE.text)) >= 0.5
    assert similarity(signature(a), signature(ODESA.text)) < 0.3
    assert similarity(signature(""), signature("")) == 0.0
