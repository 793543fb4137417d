"""The HTTP API and pages, in process: routes, filters, the error shape and the pinned schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from dateline.api.app import create_app  # noqa: E402
from dateline.records import Actor, Article, Event, Failure, Quote, Span, span_of  # noqa: E402
from dateline.store import Store  # noqa: E402
from dateline.web.pages import marked_text  # noqa: E402

SCHEMA = Path(__file__).with_name("openapi.json")
TEXT = "ANKARA, May 3. /TASS/. Turkey shelled Syrian positions, the ministry said. \"We acted,\" Akar said."


def _article() -> Article:
    turkey = Actor(23, 29, "Turkey", "Turkey", "TUR", "GOV", "state")
    syria = Actor(38, 54, "Syrian positions", "Syrian military", "SYR", "MIL", "group")
    event = Event(type="ASSAULT", trigger=span_of(TEXT, 30, 37), sentence=span_of(TEXT, 23, 74),
                  source=(turkey,), target=(syria,), date="2019-05-02", cameo="195", quad=4, goldstein=-10.0,
                  confidence=0.7)
    quote = Quote("direct", span_of(TEXT, 76, 85), Actor(87, 91, "Akar", "Hulusi Akar", "TUR", "GOV", "person"),
                  span_of(TEXT, 92, 96), "2019-05-03")
    return Article(id="a-1", text=TEXT, published="2019-05-03", source="TASS", title="Turkey shells Syria",
                   body=Span(0, len(TEXT), TEXT), actors=(turkey, syria), events=(event,), quotes=(quote,))


@pytest.fixture()
def client(tmp_path):
    db = tmp_path / "api.db"
    with Store.open(db) as store:
        store.write_batch([_article(), Failure(origin="bad.jsonl:2", stage="read", reason="malformed-json")])
    return TestClient(create_app(db))


def test_lists_and_filters(client):
    assert client.get("/api/articles").json()["count"] == 1
    events = client.get("/api/events", params={"type": "ASSAULT", "source": "TUR"}).json()
    assert events["count"] == 1 and events["rows"][0]["target_country"] == "SYR"
    assert client.get("/api/events", params={"source": "SYR"}).json()["count"] == 0
    assert client.get("/api/events", params={"min_confidence": 0.6}).json()["count"] == 1
    assert client.get("/api/events", params={"min_confidence": 0.8}).json()["count"] == 0
    assert client.get("/api/quotes", params={"speaker": "Akar"}).json()["rows"][0]["content"] == TEXT[76:85]
    assert {r["country"] for r in client.get("/api/actors").json()["rows"]} == {"TUR", "SYR"}
    assert client.get("/api/stats").json()["articles"] == 1


def test_article_record_and_page(client):
    record = client.get("/api/articles/a-1", params={"text": True}).json()
    assert record["events"][0]["type"] == "ASSAULT" and record["text"] == TEXT
    page = client.get("/articles/a-1")
    assert page.status_code == 200 and "<mark class=trigger" in page.text
    assert "Turkey shells Syria" in client.get("/").text


@pytest.mark.parametrize("path, status, kind", [
    ("/api/articles/nope", 404, "not-found"),
    ("/api/events?since=yesterday", 400, "invalid-parameter"),
    ("/api/events?limit=0", 422, "invalid-request"),
])
def test_errors_have_one_shape(client, path, status, kind):
    response = client.get(path)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and error["type"] == kind and error["message"]


def test_missing_database_is_a_clear_503(tmp_path):
    response = TestClient(create_app(tmp_path / "none.db")).get("/api/stats")
    assert response.status_code == 503
    assert "dateline ingest" in response.json()["error"]["message"]


@pytest.mark.slow  # parses with spaCy
def test_extract_endpoint_returns_a_record(tmp_path):
    client = TestClient(create_app(tmp_path / "none.db"))
    response = client.post("/api/extract", json={"text": TEXT, "published": "2019-05-03"})
    assert response.status_code == 200
    record = response.json()
    assert record["id"].startswith("sha1-") and record["sentences"]
    assert client.post("/api/extract", json={"text": ""}).status_code == 422


def test_marked_text_escapes_and_nests_overlaps():
    html = marked_text("a <b> c", [(2, 5, "actor", "x"), (3, 4, "place", "y")])
    assert html == ("a <mark class=actor title='x'>&lt;</mark><mark class=actor title='x'><mark class=place "
                    "title='y'>b</mark></mark><mark class=actor title='x'>&gt;</mark> c")


def test_openapi_schema_is_pinned(client):
    """A change to the API's shape must be deliberate: regenerate tests/api/openapi.json with
    `python -c "import json,dateline.api.app as a; print(json.dumps(a.create_app().openapi(), indent=1, sort_keys=True))" > tests/api/openapi.json`."""
    current = json.loads(json.dumps(client.app.openapi(), sort_keys=True))
    current["info"].pop("version", None)
    pinned = json.loads(SCHEMA.read_text(encoding="utf-8"))
    pinned["info"].pop("version", None)
    assert current == pinned
