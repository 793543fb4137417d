"""Queries: full-text search and every filter, over the three hand-built articles."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from records_fixtures import article_a, article_b

from dateline.errors import StoreError
from dateline.records import Article, Event, Span
from dateline.store import Store


def ids(rows, key="id"):
    return sorted({r[key] for r in rows})


@pytest.mark.parametrize("filters, expected", [
    ({}, ["art-a", "art-b", "art-c"]),
    ({"search": "diplomats"}, ["art-a"]),
    ({"search": "tear gas"}, ["art-b"]),                   # words anywhere
    ({"search": '"tear gas"'}, ["art-b"]),                 # FTS5 phrase
    ({"search": "Kremlin OR Geneva"}, ["art-b", "art-c"]),  # FTS5 operator
    ({"search": "turkey"}, ["art-a"]),                      # the title is searched too
    ({"search": "Peskov's"}, []),                           # not FTS5 syntax: searched as typed
    ({"search": "Red-Cross"}, ["art-b"]),
    ({"search": "nothing-like-this"}, []),
    ({"since": "2022"}, ["art-b", "art-c"]),
    ({"until": "2022-06"}, ["art-a", "art-b"]),
    ({"since": "2022-06-12", "until": "2022-06-12"}, ["art-b"]),
    ({"source": "wire"}, ["art-a", "art-c"]),
    ({"source": "WIRE", "search": "Geneva"}, []),
    ({"source": "WIRE", "search": "Donetsk", "since": "2023"}, ["art-c"]),
])
def test_article_filters(filled, filters, expected):
    assert ids(filled.articles(**filters)) == expected


def test_articles_are_newest_first_and_paged(filled):
    assert [a["id"] for a in filled.articles()] == ["art-c", "art-b", "art-a"]
    assert [a["id"] for a in filled.articles(limit=1, offset=1)] == ["art-b"]
    assert [a["id"] for a in filled.articles(limit=0)] == ["art-c", "art-b", "art-a"]


def test_search_gives_a_snippet_and_counts(filled):
    (row,) = filled.articles(search="Donetsk")
    assert "[Donetsk]" in row["snippet"]
    assert row["events"] == 2 and row["quotes"] == 1


def test_search_stays_in_sync_after_replacement(filled):
    filled.write_batch([article_b(text=article_b().text.replace("Geneva on", "Lausanne on"))])
    assert ids(filled.articles(search="Lausanne")) == ["art-b"]
    assert ids(filled.articles(search="marched")) == ["art-b"]
    filled.connection.execute("DELETE FROM articles WHERE id='art-b'")
    assert filled.articles(search="Lausanne") == []


def event_keys(rows):
    return sorted((r["article_id"], r["type"]) for r in rows)


@pytest.mark.parametrize("filters, expected", [
    ({"type": "ASSAULT"}, [("art-b", "ASSAULT"), ("art-c", "ASSAULT")]),
    ({"type": "assault,protest"}, [("art-b", "ASSAULT"), ("art-b", "PROTEST"), ("art-c", "ASSAULT")]),
    ({"type": ["CONSULT"]}, [("art-a", "CONSULT")]),
    ({"source": "grc"}, [("art-a", "CONSULT")]),
    ({"source": "UKR"}, [("art-c", "ASSAULT"), ("art-c", "REJECT")]),    # second source counts too
    ({"target": "RUS"}, [("art-c", "REJECT")]),
    ({"source": "CHE", "target": "CHE"}, [("art-b", "ASSAULT")]),
    ({"since": "2022-06-12", "until": "2022-06-12"},
     [("art-b", "ASSAULT"), ("art-b", "PROTEST"), ("art-b", "REQUEST")]),  # undated: article's date
    ({"since": "2023-06-15"}, [("art-c", "ASSAULT"), ("art-c", "REJECT")]),  # 2023-06 overlaps
    ({"until": "2021-05-03"}, []),                                          # the event is dated 2021-05-04
    ({"until": "2021-05-04"}, [("art-a", "CONSULT")]),
    ({"article": "art-c"}, [("art-c", "ASSAULT"), ("art-c", "REJECT")]),
    ({"status": "reported"}, [("art-b", "ASSAULT")]),
    ({"status": "asserted,negated", "article": "art-c"}, [("art-c", "ASSAULT"), ("art-c", "REJECT")]),
    ({"type": "AID"}, []),
])
def test_event_filters(filled, filters, expected):
    assert event_keys(filled.events(**filters)) == expected


def test_event_rows_carry_the_flat_layout(filled):
    (row,) = filled.events(type="CONSULT")
    assert row["date"] == "2021-05-04" and row["published"] == "2021-05-03"
    assert (row["source_country"], row["target_country"], row["cameo"], row["root_code"]) == ("GRC", "TUR", "040", "04")
    assert row["sentence"] == article_a().text[row["sentence_start"]:row["sentence_end"]]
    assert row["trigger"] == "talks" and row["location_name"] == "Ankara" and row["lat"] == 39.92
    assert row["source"][0]["name"] == "Greece" and row["context"] == []


@pytest.mark.parametrize("bad", ["yesterday", "2021/05/03", "21-05-03"])
def test_bad_dates_are_refused(filled, bad):
    with pytest.raises(StoreError, match="ISO date"):
        filled.events(since=bad)


@pytest.mark.parametrize("filters, expected", [
    ({}, ["art-a", "art-c"]),
    ({"speaker": "peskov"}, ["art-c"]),
    ({"speaker": "Dendias"}, ["art-a"]),
    ({"speaker": "%"}, []),                       # wildcards are literal
    ({"article": "art-a"}, ["art-a"]),
    ({"since": "2023-07-01"}, ["art-c"]),         # undated quote: the article's date
    ({"until": "2022"}, ["art-a"]),
    ({"search": "proposal"}, ["art-c"]),
    ({"search": "KEEP TALKING"}, ["art-a"]),
])
def test_quote_filters(filled, filters, expected):
    assert ids(filled.quotes(**filters), "article_id") == expected


def test_quote_rows(filled):
    (row,) = filled.quotes(speaker="Dendias")
    assert row["content"] == "We will keep talking," and row["cue"] == "said" and row["kind"] == "direct"
    assert article_a().text[row["content_start"]:row["content_end"]] == row["content"]


@pytest.mark.parametrize("filters, expected", [
    ({"country": "RUS"}, ["Dmitry Peskov", "Russia"]),
    ({"country": "rus,ukr", "sector": "mil"}, ["Ukrainian forces"]),
    ({"sector": "COP"}, ["Swiss police"]),
    ({"name": "red cross"}, ["International Committee of the Red Cross"]),
    ({"name": "Moscow"}, ["Russia"]),             # the mention's text matches too
])
def test_actor_filters(filled, filters, expected):
    assert sorted(r["name"] for r in filled.actors(**filters)) == expected


def test_actors_grouped_and_as_mentions(filled):
    filled.write_batch([article_a(id="art-a2", text=article_a().text + " A second story.")])  # not a duplicate
    (greece,) = filled.actors(name="Greece")
    assert (greece["mentions"], greece["articles"]) == (2, 2)
    mentions = filled.actors(name="Greece", mentions=True)
    assert sorted(m["article_id"] for m in mentions) == ["art-a", "art-a2"]
    assert all(article_a().text[m["start"]:m["end"]] == m["text"] for m in mentions)


def test_get_article_returns_the_record(filled):
    assert filled.get_article("art-a") == article_a().to_dict()
    assert filled.get_article("art-a", include_text=True) == article_a().to_dict(include_text=True)
    assert filled.get_article("nope") is None


def test_stats(filled):
    stats = filled.stats()
    assert stats["articles"] == 3
    assert stats["spans"] == {"sentences": 7, "actors": 9, "quotes": 2, "times": 1, "places": 1, "events": 6}
    assert stats["errors_by_reason"] == {"empty": 1}
    assert stats["events_by_type"]["ASSAULT"] == 2
    assert stats["published"] == {"first": "2021-05-03", "last": "2023-07-01"}
    assert stats["size_bytes"] > 0


@pytest.mark.slow  # hypothesis writes many stores
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=60), data=st.data())
def test_sentence_text_slices_back_for_any_text(text, data):
    """Stored sentence texts and article texts come back exactly, whatever the characters."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    sent = Span(start, end, text[start:end])
    art = Article(id="x", text=text, sentences=(sent,), events=(Event("AID", sent, sent),))
    with Store.open(":memory:") as store:
        store.write_batch([art])
        (row,) = store.events()
        assert row["sentence"] == text[start:end]
        assert store.get_article("x", include_text=True)["text"] == text
