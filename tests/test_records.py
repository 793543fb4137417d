"""Records serialise to exactly FORMAT.md's shape."""

from __future__ import annotations

import json

from dateline.records import (Actor, Article, Dateline, Event, Failure, Location, Place, Quote, Span,
                              TimeExpr, Zone, span_of)

TEXT = "MOSCOW, March 4. /TASS/. Russia and Turkey held talks on Monday, Peskov said."


def test_span_of_slices_text():
    span = span_of(TEXT, 25, 31)
    assert span.text == "Russia" == TEXT[span.start:span.end]


def test_article_to_dict_has_format_fields_and_is_json():
    actor = Actor(25, 31, "Russia", name="Russia", country="RUS", sector="GOV", kind="state")
    event = Event(type="CONSULT", trigger=span_of(TEXT, 43, 53), sentence=span_of(TEXT, 25, 78),
                  source=(actor,), target=(Actor(36, 42, "Turkey", "Turkey", "TUR", "GOV", "state"),),
                  date="2020-03-02", cameo="040", quad=1, goldstein=1.0,
                  location=Location(text="Moscow", name="Moscow", lat=55.75, lon=37.62, country="RUS"))
    article = Article(
        id="a1", text=TEXT, published="2020-03-04", source="TASS",
        dateline=Dateline(0, 24, TEXT[0:24], "Moscow", "2020-03-04", "TASS"),
        body=Span(0, len(TEXT), TEXT), zones=(Zone("dateline", 0, 24), Zone("body", 25, len(TEXT))),
        sentences=(span_of(TEXT, 25, 78),), actors=(actor,),
        quotes=(Quote("indirect", span_of(TEXT, 25, 63), Actor(65, 71, "Peskov", "Dmitry Peskov", "RUS", "GOV"),
                      span_of(TEXT, 72, 76), "2020-03-04"),),
        times=(TimeExpr(54, 63, "on Monday", "2020-03-02", "DATE"),),
        places=(Place(0, 6, "MOSCOW", "Moscow", 524901, 55.75, 37.62, "RUS", "P.PPLC"),),
        events=(event,),
    )
    record = article.to_dict()
    json.dumps(record)
    assert list(record)[:5] == ["id", "published", "source", "title", "url"]
    assert record["dateline"] == {"place": "Moscow", "date": "2020-03-04", "agency": "TASS",
                                  "start": 0, "end": 24, "text": TEXT[0:24]}
    assert record["body"] == {"start": 0, "end": len(TEXT)}
    assert record["sentences"] == [{"start": 25, "end": 78}]
    assert record["events"][0]["sentence"] == {"start": 25, "end": 78}
    assert record["events"][0]["source"][0]["country"] == "RUS"
    assert record["events"][0]["context"] == []
    assert record["quotes"][0]["speaker"]["name"] == "Dmitry Peskov"
    assert "text" not in record and article.to_dict(include_text=True)["text"] == TEXT


def test_unknown_values_are_null_or_empty():
    record = Article(id="x", text="Nothing.").to_dict()
    assert record["dateline"] is None and record["body"] is None
    for key in ("sentences", "actors", "quotes", "times", "places", "events"):
        assert record[key] == []


def test_failure_to_dict():
    failure = Failure(origin="a.jsonl:3", stage="read", reason="malformed-json", detail="bad")
    assert failure.to_dict() == {"id": None, "origin": "a.jsonl:3", "stage": "read",
                                 "reason": "malformed-json", "detail": "bad"}
