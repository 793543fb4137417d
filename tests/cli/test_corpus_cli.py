"""`dateline export` of the corpus view (corpus events as CSV, JSON Lines and Parquet, GeoJSON,
aggregates) and `dateline group`, with click's CliRunner."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from corpus_stories import STORIES

from dateline.cli import main
from dateline.store import Store


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "corpus.db"
    with Store.open(path) as store:
        store.write_batch(list(STORIES))
    return str(path)


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_corpus_events_csv_has_stable_ids_and_counts(db):
    result = run("export", "--db", db, "--what", "corpus-events", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4 and all(r["id"].startswith("ev-") for r in rows)
    kharkiv = next(r for r in rows if r["location_name"] == "Kharkiv")
    assert (kharkiv["num_mentions"], kharkiv["num_articles"], kharkiv["num_sources"]) == ("4", "3", "3")


def test_corpus_events_parquet(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "corpus_events.parquet"
    assert run("export", "--db", db, "--what", "corpus-events", "--format", "parquet", "-o", str(out)).exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows == 4 and str(table.schema.field("num_mentions").type) == "int64"


def test_geojson_of_located_events(db, tmp_path):
    out = tmp_path / "events.geojson"
    result = run("export", "--db", db, "--format", "geojson", "-o", str(out))
    assert result.exit_code == 0 and "exported 3 corpus-events" in result.output
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 3
    odesa = next(f for f in data["features"] if f["properties"]["location_name"] == "Odesa")
    assert odesa["geometry"] == {"type": "Point", "coordinates": [30.73, 46.48]}
    assert run("export", "--db", db, "--format", "geojson", "--what", "quotes").exit_code == 2


def test_aggregates_csv(db):
    result = run("export", "--db", db, "--what", "aggregates", "--interval", "day", "--by", "quad", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0].keys() == {"period", "key", "events", "mentions", "goldstein"}
    assert {(r["period"], r["key"], r["events"]) for r in rows} == {
        ("2024-03-04", "4", "2"), ("2024-03-04", "3", "1"), ("2024-03-06", "1", "1")}
    assert run("export", "--db", db, "--what", "aggregates", "--format", "parquet", "-o", "x").exit_code == 1


def test_group_rebuilds_and_says_so(db):
    result = run("group", "--db", db)
    assert result.exit_code == 0 and "up to date" in result.output
    forced = run("group", "--db", db, "--force")
    assert forced.exit_code == 0 and json.loads(forced.stdout)["events"] == 4
