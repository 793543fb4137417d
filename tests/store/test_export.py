"""Export: FORMAT.md JSON Lines, the flat event CSV, and Parquet tables read back with pyarrow."""

from __future__ import annotations

import csv
import importlib
import io
import json

import pytest
from records_fixtures import article_a, article_b, article_c

from dateline.errors import StoreError
from dateline.store import EVENT_CSV_COLUMNS, export

ARTICLES = (article_a(), article_b(), article_c())


def test_jsonl_is_exactly_the_records(filled):
    out = io.StringIO()
    assert export(filled, "jsonl", out) == {"articles": 3}
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert records == [a.to_dict() for a in ARTICLES]


def test_jsonl_with_text_to_a_file(filled, tmp_path):
    path = tmp_path / "records.jsonl"
    export(filled, "jsonl", path, include_text=True)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert records == [a.to_dict(include_text=True) for a in ARTICLES]


@pytest.mark.parametrize("what, count", [("events", 6), ("quotes", 2)])
def test_jsonl_of_flat_rows(filled, what, count):
    out = io.StringIO()
    assert export(filled, "jsonl", out, what=what) == {what: count}
    assert len(out.getvalue().splitlines()) == count


def test_csv_of_events_has_the_flat_layout(filled):
    out = io.StringIO()
    assert export(filled, "csv", out) == {"events": 6}
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0].keys()) == EVENT_CSV_COLUMNS
    consult = rows[0]
    assert consult["article_id"] == "art-a" and consult["type"] == "CONSULT"
    assert (consult["cameo"], consult["root_code"], consult["quad"], consult["goldstein"]) == ("040", "04", "1", "1.0")
    assert (consult["source_country"], consult["target_country"], consult["location_name"]) == ("GRC", "TUR", "Ankara")
    text = article_a().text
    assert consult["sentence"] == text[int(consult["sentence_start"]):int(consult["sentence_end"])]
    undated = [r for r in rows if r["type"] == "REQUEST"][0]
    assert undated["date"] == "2022-06-12" and undated["target_name"] == ""


@pytest.mark.parametrize("what, first_column", [("quotes", "article_id"), ("articles", "id")])
def test_csv_of_other_tables(filled, what, first_column):
    out = io.StringIO()
    export(filled, "csv", out, what=what)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows and next(iter(rows[0])) == first_column


def test_parquet_folder_gets_a_file_per_table(filled, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path / "tables"
    assert export(filled, "parquet", folder) == {"articles": 3, "events": 6, "quotes": 2}
    events = pq.read_table(folder / "events.parquet").to_pylist()
    assert [e["type"] for e in events] == ["CONSULT", "PROTEST", "ASSAULT", "REQUEST", "ASSAULT", "REJECT"]
    assert events[0]["goldstein"] == 1.0 and events[0]["quad"] == 1 and events[0]["context"] == []
    assert json.loads(events[5]["source"])[1]["country"] == "UKR"
    quotes = pq.read_table(folder / "quotes.parquet").to_pylist()
    assert quotes[0]["speaker_name"] == "Nikos Dendias"
    articles = pq.read_table(folder / "articles.parquet")
    assert articles.column("id").to_pylist() == ["art-a", "art-b", "art-c"]
    assert "text" not in articles.column_names


def test_parquet_one_table_to_a_file(filled, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "articles.parquet"
    export(filled, "parquet", path, what="articles", include_text=True)
    table = pq.read_table(path)
    assert table.column("text").to_pylist() == [a.text for a in ARTICLES]


def test_parquet_of_an_empty_database_has_the_schema(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export(store, "parquet", path, what="events") == {"events": 0}
    assert "goldstein" in pq.read_table(path).column_names


def test_parquet_streams_in_batches(store, tmp_path, monkeypatch):
    pq = pytest.importorskip("pyarrow.parquet")
    export_module = importlib.import_module("dateline.store.export")
    monkeypatch.setattr(export_module, "_PARQUET_BATCH", 2)
    # three stories, so that none is stored as a duplicate of another (the spans are at the start)
    store.write_batch([article_b(id=f"b{i}", text=article_b().text + f" Story {i}.") for i in range(3)])
    path = tmp_path / "events.parquet"
    assert export(store, "parquet", path, what="events") == {"events": 9}
    assert pq.read_table(path).num_rows == 9


@pytest.mark.parametrize("fmt, what, out, message", [
    ("xml", None, io.StringIO(), "unknown export format"),
    ("jsonl", "actors", io.StringIO(), "unknown table"),
    ("csv", "all", io.StringIO(), "one table at a time"),
    ("parquet", None, io.StringIO(), "writes files"),
    ("jsonl", None, None, "no output"),
])
def test_bad_export_requests(filled, fmt, what, out, message):
    with pytest.raises(StoreError, match=message):
        export(filled, fmt, out, what=what)


def test_parquet_to_an_existing_file_as_folder_is_refused(filled, tmp_path):
    path = tmp_path / "file.parquet"
    path.write_text("x")
    with pytest.raises(StoreError, match="needs a folder"):
        export(filled, "parquet", path)
