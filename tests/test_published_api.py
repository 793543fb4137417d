"""Issue 12, item 7: ``published`` given to the Python or HTTP API is read as the command line reads it.

It used to be kept as written: "14 October 2019" left "Tuesday" unresolved, and "not a date"
was echoed back in the record. Years 0000 and 10000 must not come out of the time tagger either.
"""

from __future__ import annotations

import pytest

import dateline
from dateline import Pipeline, Settings
from dateline.errors import BadDateError
from dateline.records import Failure

STORY = "ANKARA, Oct. 15 (Reuters) - Turkish and Russian officials met in Ankara on Tuesday, the ministry said."


@pytest.mark.parametrize("given", ["not a date", "2019-13-45", "0000-01-01", "10000-01-01", "yesterday"])
def test_a_published_date_that_cannot_be_read_is_refused_with_a_clear_message(given):
    with pytest.raises(BadDateError, match="not a date dateline can read.*YYYY-MM-DD"):
        dateline.extract(STORY, published=given)


@pytest.mark.slow  # parses with spaCy
def test_in_a_run_it_is_that_articles_failure():
    (result,) = Pipeline(Settings(places=False)).run([{"id": "x", "text": STORY, "published": "soonish"}])
    assert isinstance(result, Failure) and (result.reason, result.id) == ("bad-date", "x")
    assert "'soonish'" in result.detail


@pytest.mark.slow
@pytest.mark.parametrize("given", ["14 October 2019", "2019-10-14", "2019-10-14T23:30:00+03:00", "Oct 14, 2019",
                                   "Mon, 14 Oct 2019 09:15:00 +0000", "2019/10/14"])
def test_the_api_normalizes_published_as_the_cli_does(given):
    article = dateline.extract(STORY, published=given, settings=Settings(places=False))
    assert article.published == "2019-10-14"
    (tuesday,) = [t for t in article.times if t.text == "Tuesday"]
    assert tuesday.value == "2019-10-08"  # past tense: the Tuesday before Monday the 14th


@pytest.mark.slow
@pytest.mark.parametrize("text, published", [
    ("The ministers will meet next year, officials said.", "9999-06-01"),
    ("The ministers met last year, officials said.", "0001-06-01"),
    ("They will meet next month and again next quarter.", "9999-12-30"),
    ("They met last month and last quarter.", "0001-01-02"),
    ("They will meet in the next decade.", "9995-06-01"),
    ("A year later they met again. Ten years later too.", "9999-01-01"),
])
def test_no_year_0000_or_10000_comes_out_of_the_tagger(text, published):
    article = dateline.extract(text, published=published, settings=Settings(places=False))
    assert article.times, "the expressions are still found"
    for t in article.times:
        assert t.value is None or not t.value.startswith(("0000", "10000", "1000", "-")), t


fastapi = pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from dateline.api.app import create_app

    return TestClient(create_app(tmp_path_factory.mktemp("api") / "api.db", settings=Settings(places=False)))


@pytest.mark.slow  # parses with spaCy
def test_the_http_api_refuses_what_it_cannot_read(client):
    answer = client.post("/api/extract", json={"text": STORY, "published": "not a date"})
    assert answer.status_code == 422
    assert "not a date dateline can read" in answer.json()["error"]["message"]


@pytest.mark.slow
def test_the_http_api_normalizes_published(client):
    answer = client.post("/api/extract", json={"text": STORY, "published": "14 October 2019"})
    assert answer.status_code == 200, answer.text
    record = answer.json()
    assert record["published"] == "2019-10-14"
    assert [t["value"] for t in record["times"] if t["text"] == "Tuesday"] == ["2019-10-08"]
