"""The streaming pipeline: order, identity, and the per-article error policy."""

from __future__ import annotations

import os

import pytest

import dateline
from dateline import Pipeline, Settings, analyse
from dateline.errors import EmptyArticleError
from dateline.pipeline import article_id
from dateline.records import Article, Failure

STORY = ("MOSCOW, March 4. /TASS/. Russian President Vladimir Putin and Turkish President "
         "Recep Tayyip Erdogan will hold talks in Moscow on Thursday, the Kremlin said.")


@pytest.mark.slow  # parses with spaCy
def test_extract_returns_an_article_whose_spans_slice_back():
    article = dateline.extract(STORY, published="2020-03-04", source="TASS")
    assert isinstance(article, Article)
    assert article.sentences
    for span in (*article.sentences, *article.actors, *article.times, *article.places):
        assert STORY[span.start:span.end] == span.text
    assert article.id == article_id(STORY)


def test_extract_rejects_empty_text():
    with pytest.raises(EmptyArticleError):
        dateline.extract("   \n ")


@pytest.mark.slow  # parses with spaCy
def test_run_keeps_input_order_and_reports_failures():
    settings = Settings(batch_size=2, max_chars=500)
    inputs = [
        {"id": "ok-1", "text": STORY, "published": "2020-03-04"},
        {"id": "empty", "text": ""},
        {"id": "no-text", "title": "x"},
        {"id": "huge", "text": "word " * 200},
        STORY.replace("Moscow", "Ankara"),
    ]
    results = list(Pipeline(settings).run(inputs))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Failure", "Failure", "Article"]
    assert [r.reason for r in results if isinstance(r, Failure)] == ["empty", "no-text", "too-large"]
    assert results[0].id == "ok-1" and results[0].published == "2020-03-04"
    assert results[4].id.startswith("sha1-")


@pytest.mark.slow  # parses with spaCy
def test_an_extractor_crash_becomes_a_failure_and_the_run_goes_on(monkeypatch):
    from dateline.extract import times as times_mod

    calls = {"n": 0}
    real = times_mod.times

    def flaky(doc, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("boom")
        return real(doc, **kwargs)

    monkeypatch.setattr(times_mod, "times", flaky)
    results = list(Pipeline(Settings()).run([STORY, STORY + " Again."]))
    assert isinstance(results[0], Failure) and results[0].stage == "extract"
    assert "boom" in results[0].detail
    assert isinstance(results[1], Article)


@pytest.mark.slow  # parses with spaCy
def test_processes_give_the_same_records_in_the_same_order():
    inputs = [{"id": f"a{i}", "text": STORY.replace("Moscow", city), "published": "2020-03-04"}
              for i, city in enumerate(["Ankara", "Paris", "Cairo", "Kabul", "Lima"])]
    inputs.insert(2, {"id": "empty", "text": ""})
    one = [r.to_dict() for r in Pipeline(Settings(batch_size=2, places=False)).run(inputs)]
    two_pipe = Pipeline(Settings(batch_size=2, processes=2, places=False))
    two = [r.to_dict() for r in analyse(inputs, two_pipe.settings, pipeline=two_pipe)]
    assert two == one
    assert two_pipe.timer.seconds.get("parse", 0) > 0


def _die(chunk):
    os._exit(3)


@pytest.mark.slow  # parses with spaCy
def test_a_dead_worker_chunk_is_redone_in_the_main_process(monkeypatch):
    from dateline import parallel

    monkeypatch.setattr(parallel, "_process_chunk", _die)
    inputs = [STORY.replace("Moscow", city) for city in ("Ankara", "Paris", "Cairo", "Kabul", "Lima", "Oslo")]
    results = list(analyse(inputs, Settings(processes=2, batch_size=1, places=False)))
    assert [type(r).__name__ for r in results] == ["Article"] * 6


@pytest.mark.slow  # parses with spaCy
@pytest.mark.parametrize("text, expected", [
    # the reporter's city is not where two foreign armies fought
    ("CAIRO, May 3. /TASS/. Turkish forces attacked Syrian army positions on Tuesday.", None),
    # a local event takes the dateline's place when the sentence names none
    ("CAIRO, May 3. /TASS/. Egyptian police arrested twelve protesters on Tuesday.", "Cairo"),
])
def test_the_dateline_locates_only_local_events(text, expected):
    article = dateline.extract(text, published="2019-05-03")
    assert article.events, "the story should give an event"
    assert {(e.location.name if e.location else None) for e in article.events} == {expected}
