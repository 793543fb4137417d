"""The corpus API: grouped events with totals and paging, counts, the dyad network, actors, duplicates."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from corpus_stories import STORIES  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from dateline.api.app import create_app  # noqa: E402
from dateline.store import Store  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    with Store.open(db) as store:
        store.write_batch(list(STORIES))
    return TestClient(create_app(db))


def test_events_page_through_with_a_total(client):
    first = client.get("/api/corpus/events", params={"limit": 3}).json()
    second = client.get("/api/corpus/events", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] == 4
    assert (first["count"], second["count"]) == (3, 1)
    assert not {r["id"] for r in first["rows"]} & {r["id"] for r in second["rows"]}


@pytest.mark.parametrize("params, total", [
    ({"type": "ASSAULT"}, 2), ({"quad": "4"}, 2), ({"quad": "1,3"}, 2), ({"actor": "RUS"}, 4),
    ({"actor": "Ukraine"}, 4), ({"country": "CHE"}, 1), ({"status": "asserted"}, 4), ({"min_confidence": 0.9}, 0),
    ({"text": "Odesa"}, 1), ({"since": "2024-03-05"}, 1), ({"until": "2024-03-04"}, 3), ({"min_mentions": 2}, 1),
    ({"article": "xinhua-kharkiv"}, 1), ({"source": "UKR"}, 1),
])
def test_event_filters(client, params, total):
    assert client.get("/api/corpus/events", params=params).json()["total"] == total


def test_bad_filters_are_400(client):
    for params in ({"quad": "9"}, {"type": "BOMBING"}, {"sort": "nope"}, {"since": "2024-02-30"}):
        answer = client.get("/api/corpus/events", params=params)
        assert answer.status_code == 400, params
        assert answer.json()["error"]["type"] == "invalid-parameter"


def test_one_event_with_its_mentions(client):
    top = client.get("/api/corpus/events", params={"sort": "mentions", "limit": 1}).json()["rows"][0]
    event = client.get(f"/api/corpus/events/{top['id']}").json()
    assert event["num_mentions"] == 4 and len(event["mentions"]) == 5  # one in the rewrite, not counted
    assert all(m["sentence"][m["trigger_start"] - m["sentence_start"]:][:len(m["trigger"])] == m["trigger"]
               for m in event["mentions"])
    assert client.get("/api/corpus/events/ev-nope").status_code == 404


def test_counts_network_actor_and_duplicates(client):
    counts = client.get("/api/corpus/counts", params={"interval": "day", "by": "type"}).json()
    assert {(r["period"], r["key"], r["events"]) for r in counts["rows"]} >= {("2024-03-04", "ASSAULT", 2)}
    assert counts["total"] == len(counts["rows"])
    dyads = client.get("/api/corpus/counts", params={"by": "dyad", "interval": "week"}).json()["rows"]
    assert {r["key"] for r in dyads} == {"RUS>UKR", "UKR>RUS"}
    net = client.get("/api/corpus/network").json()
    edge = next(e for e in net["edges"] if (e["source"], e["target"]) == ("RUS", "UKR"))
    assert (edge["events"], edge["cooperation"], edge["conflict"]) == (3, 1, 2)
    assert edge["balance"] == pytest.approx(-1 / 3, abs=1e-3)
    actor = client.get("/api/corpus/actors/RUS").json()
    assert actor["as_source"]["events"] == 3 and actor["as_target"]["events"] == 1
    assert client.get("/api/corpus/actors/Peskov").json()["quotes"][0]["speaker_name"] == "Dmitry Peskov"
    duplicates = client.get("/api/corpus/duplicates").json()
    assert duplicates["total"] == 1 and duplicates["rows"][0]["duplicate_of"] == "afp-kharkiv"
    assert client.get("/api/corpus/summary").json()["stale"] is False


def test_every_list_carries_a_total(client):
    for path in ("/api/articles", "/api/events", "/api/quotes", "/api/actors", "/api/corpus/events"):
        page = client.get(path, params={"limit": 1}).json()
        assert page["count"] == 1 and page["total"] >= 1, path
    assert client.get("/api/articles", params={"limit": 2}).json()["total"] == 6
    assert client.get("/api/articles", params={"search": "Kharkiv"}).json()["total"] == 4
    assert client.get("/api/articles", params={"search": "NEAR("}).json()["total"] == 0
    assert client.get("/api/events", params={"type": "ASSAULT"}).json()["total"] == 6
