"""Issue 12, item 1: an exception while handling one article is that article's Failure, on every path.

Local runs, worker processes and the Python API; Dask is in test_distributed.py, the store and
the command line in their own test files.
"""

from __future__ import annotations

import pytest

import dateline
from dateline import Pipeline, Settings, analyse
from dateline import pipeline as pipeline_mod
from dateline.errors import InvalidUnicodeError
from dateline.records import Failure

STORY = ("MOSCOW, March 4. /TASS/. Russian President Vladimir Putin and Turkish President "
         "Recep Tayyip Erdogan will hold talks in Moscow on Thursday, the Kremlin said.")
OTHER = "PARIS (Reuters) - France protested to Iran on Monday over the detention of two citizens."
LONE = "Bad \ud800 text. Russia condemned the strike on Monday."


def test_the_api_raises_the_documented_error_for_a_lone_surrogate():
    with pytest.raises(InvalidUnicodeError, match="lone surrogate"):
        dateline.extract(LONE, published="2020-03-04")


@pytest.mark.parametrize("field", ["id", "title", "source"])
def test_a_lone_surrogate_in_another_field_is_refused_too(field):
    with pytest.raises(InvalidUnicodeError, match=repr(field)):
        dateline.extract(STORY, **{field: "x\udfff"})


@pytest.mark.slow  # runs the spaCy pipeline
def test_a_lone_surrogate_in_a_record_is_a_failure_that_can_be_printed():
    result = next(Pipeline(Settings(places=False)).run([{"id": "u\ud800", "text": STORY, "url": "http://x/"}]))
    assert isinstance(result, Failure) and result.reason == "invalid-unicode"
    assert result.id == "u\\ud800"  # escaped, so it can be printed and stored
    (result.origin + result.id + result.detail).encode("utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("processes", [1, 2])
def test_a_lone_surrogate_fails_alone_in_a_run(processes):
    inputs = [{"id": "a1", "text": STORY, "published": "2020-03-04"},
              {"id": "bad", "text": LONE},
              {"id": "a3", "text": OTHER, "published": "2020-03-04"}]
    results = list(analyse(inputs, Settings(batch_size=4, processes=processes, places=False)))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert results[1].reason == "invalid-unicode" and results[1].id == "bad"
    assert results[1].detail.encode("utf-8")  # the report itself is printable


@pytest.mark.slow
def test_a_spacy_batch_that_raises_is_parsed_again_article_by_article(monkeypatch):
    real = pipeline_mod.parse

    def parse(nlp, items, batch_size):
        items = list(items)
        if any("POISON" in doc.text for doc, _ in items):
            for doc, context in real(nlp, items, batch_size):
                if "POISON" in doc.text:
                    raise ValueError("the parser fell over")
                yield doc, context
        else:
            yield from real(nlp, items, batch_size)

    monkeypatch.setattr(pipeline_mod, "parse", parse)
    inputs = [STORY, OTHER, "POISON " + OTHER, STORY.replace("Moscow", "Ankara")]
    results = list(Pipeline(Settings(batch_size=8, places=False)).run(inputs))
    assert [type(r).__name__ for r in results] == ["Article", "Article", "Failure", "Article"]
    assert results[2].stage == "parse" and results[2].reason == "parse-error"
    assert "the parser fell over" in results[2].detail and results[2].origin == "<input 3>"


@pytest.mark.slow
def test_a_layout_bug_is_a_failure_of_that_article(monkeypatch):
    real = pipeline_mod.analyse_layout

    def layout(text, **kwargs):
        if "POISON" in text:
            raise IndexError("layout bug")
        return real(text, **kwargs)

    monkeypatch.setattr(pipeline_mod, "analyse_layout", layout)
    results = list(Pipeline(Settings(places=False)).run([STORY, "POISON " + OTHER, OTHER]))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert (results[1].stage, results[1].reason) == ("layout", "layout-error")


def _raises(chunk):
    raise RuntimeError("worker bug")


@pytest.mark.slow
def test_a_chunk_whose_worker_raises_is_redone_article_by_article(monkeypatch):
    from dateline import parallel

    monkeypatch.setattr(parallel, "_process_chunk", _raises)
    inputs = [STORY, {"id": "bad", "text": LONE}, OTHER]
    results = list(analyse(inputs, Settings(processes=2, batch_size=3, places=False)))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert results[1].reason == "invalid-unicode"


@pytest.mark.slow
def test_an_extractor_bug_in_the_api_is_an_article_error(monkeypatch):
    from dateline.errors import ArticleError
    from dateline.extract import quotes as quotes_mod

    def broken(doc, **kwargs):
        raise KeyError("speaker")

    monkeypatch.setattr(quotes_mod, "quotes", broken)
    with pytest.raises(ArticleError) as info:
        dateline.extract(STORY, settings=Settings(places=False, batch_size=3))
    assert info.value.stage == "extract" and "KeyError" in str(info.value)


@pytest.mark.slow  # runs the spaCy pipeline
def test_failures_of_records_pass_through_untouched():
    failure = Failure(origin="feed.jsonl:3", stage="read", reason="malformed-json", detail="not JSON")
    assert list(Pipeline(Settings()).run([failure])) == [failure]
