"""Exporting the corpus view: corpus events (stable id, mention counts) as CSV, JSON Lines or Parquet,
located events as GeoJSON, and the aggregates as CSV. Rows are streamed from the database."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError
from . import aggregates, corpus_queries
from .export import write_parquet

__all__ = ["export_corpus", "CORPUS_FORMATS", "AGGREGATE_COLUMNS"]

CORPUS_FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "geojson")
#: The columns of the aggregates CSV.
AGGREGATE_COLUMNS: tuple[str, ...] = ("period", "key", "events", "mentions", "goldstein")

_INTS = {"quad", "idx", "location_geonameid", "num_mentions", "num_articles", "num_sources", "num_duplicates"}
_FLOATS = {"goldstein", "confidence", "lat", "lon"}


def export_corpus(conn: sqlite3.Connection, fmt: str, out: str | Path | IO[str], *, what: str = "corpus-events",
                  interval: str = "month", by: str = "type", **filters: Any) -> dict[str, int]:
    """Write corpus events (``what="corpus-events"``; ``fmt`` csv, jsonl, parquet or geojson — only
    located events) or the aggregates (``what="aggregates"``; csv or jsonl, per ``interval`` and
    ``by``); returns rows written by table."""
    if fmt not in CORPUS_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}: choose one of {', '.join(CORPUS_FORMATS)}")
    if what == "aggregates":
        if fmt not in ("csv", "jsonl"):
            raise StoreError("aggregates export as csv or jsonl")
        rows, _ = aggregates.counts(conn, interval=interval, by=by, **filters)
        return {"aggregates": _write_rows(rows, fmt, out, AGGREGATE_COLUMNS)}
    if what != "corpus-events":
        raise StoreError(f"unknown corpus table {what!r}: choose corpus-events or aggregates")
    if fmt == "geojson":
        return {"corpus-events": _geojson(corpus_queries.iter_events(conn, located=True, **filters), out)}
    rows = corpus_queries.iter_events(conn, **filters)
    if fmt == "parquet":
        return {"corpus-events": _parquet(rows, out)}
    return {"corpus-events": _write_rows(rows, fmt, out, corpus_queries.CORPUS_EVENT_COLUMNS)}


class _Opened:
    """A path opened for writing (closed after), or a stream passed through (left open)."""

    def __init__(self, out: str | Path | IO[str]) -> None:
        self.out = out
        self.stream: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if isinstance(self.out, (str, Path)):
            try:
                self.stream = open(self.out, "w", encoding="utf-8", newline="")
            except OSError as exc:
                raise StoreError(f"cannot write {self.out}: {exc.strerror or exc}") from exc
            return self.stream
        return self.out

    def __exit__(self, *exc_info: Any) -> None:
        if self.stream is not None:
            self.stream.close()


def _write_rows(rows: Any, fmt: str, out: str | Path | IO[str], columns: tuple[str, ...]) -> int:
    count = 0
    with _Opened(out) as stream:
        writer = csv.writer(stream) if fmt == "csv" else None
        if writer:
            writer.writerow(columns)
        for row in rows:
            if writer:
                writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
            else:
                stream.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
            count += 1
    return count


def _geojson(rows: Iterator[dict[str, Any]], out: str | Path | IO[str]) -> int:
    count = 0
    with _Opened(out) as stream:
        stream.write('{"type": "FeatureCollection", "features": [\n')
        for row in rows:
            properties = {k: v for k, v in row.items() if k not in ("lat", "lon")}
            feature = {"type": "Feature", "id": row["id"],
                       "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                       "properties": properties}
            stream.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
            count += 1
        stream.write("\n]}\n")
    return count


def _parquet(rows: Iterator[dict[str, Any]], out: str | Path | IO[str]) -> int:
    try:
        import pyarrow as pa
    except ImportError as exc:
        raise StoreError("Parquet export needs pyarrow: run `pip install 'dateline[parquet]'`") from exc
    if not isinstance(out, (str, Path)):
        raise StoreError("Parquet export writes files: give an output path with -o")
    path = Path(out) / "corpus_events.parquet" if Path(out).is_dir() else Path(out)
    schema = pa.schema([(c, pa.int64() if c in _INTS else pa.float64() if c in _FLOATS else pa.string())
                        for c in corpus_queries.CORPUS_EVENT_COLUMNS])
    return write_parquet(rows, schema, path)
