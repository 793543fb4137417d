"""POST /api/ingest: articles sent as JSON go through the ingest service into the database."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from dateline.api.app import create_app  # noqa: E402
from dateline.settings import Settings  # noqa: E402
from dateline.store import Store  # noqa: E402

STORY = "MOSCOW, March 4. /TASS/. Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan."


def test_ingest_is_off_unless_the_server_allows_it(tmp_path):
    db = tmp_path / "d.db"
    Store.open(db).close()
    client = TestClient(create_app(db, settings=Settings(places=False)))
    answer = client.post("/api/ingest", json={"articles": [{"text": STORY}]})
    assert answer.status_code == 403


@pytest.mark.slow  # runs the pipeline: loads spaCy and the knowledge, parses
def test_ingested_articles_are_stored_and_summarised(tmp_path):
    db = tmp_path / "d.db"
    Store.open(db).close()
    client = TestClient(create_app(db, settings=Settings(places=False), allow_ingest=True))
    answer = client.post("/api/ingest", json={"articles": [{"id": "a1", "text": STORY, "published": "2020-03-04"},
                                                           {"id": "empty", "text": " "}]})
    assert answer.status_code == 200, answer.text
    summary = answer.json()
    assert summary["articles"] == 1 and summary["errors"] == {"empty": 1}
    assert client.get("/api/articles/a1").status_code == 200
    again = client.post("/api/ingest", json={"articles": [{"id": "a1", "text": STORY, "published": "2020-03-04"}]})
    assert again.json()["unchanged"] == 1
