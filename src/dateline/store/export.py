"""Exporting a database: FORMAT.md JSON Lines, a flat event CSV (Phoenix/GDELT style), Parquet.

Rows are streamed from the database, so exporting a big database needs little memory.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError
from . import queries

__all__ = ["export", "write_parquet", "FORMATS", "TABLES", "EVENT_CSV_COLUMNS"]

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
TABLES: tuple[str, ...] = ("articles", "events", "quotes")

#: The flat event layout of the CSV export, one event per row.
EVENT_CSV_COLUMNS: tuple[str, ...] = (
    "article_id", "date", "source_name", "source_country", "source_sector", "target_name", "target_country",
    "target_sector", "type", "mode", "cameo", "root_code", "quad", "goldstein", "status", "location_name",
    "lat", "lon", "location_country", "trigger", "sentence", "sentence_start", "sentence_end")

_QUOTE_FLAT = ("article_id", "date", "kind", "speaker_text", "speaker_name", "speaker_country", "speaker_sector",
               "cue", "content", "content_start", "content_end")
_ARTICLE_FLAT = ("id", "published", "source", "title", "url", "origin", "dateline_place", "dateline_date",
                 "dateline_agency", "chars", "events", "quotes")

_PARQUET_BATCH = 2000
OutLike = str | Path | IO[str] | None


def export(store: Any, fmt: str, out: OutLike, *, what: str | None = None,
           include_text: bool = False) -> dict[str, int]:
    """Write the database's ``what`` (articles, events or quotes) in ``fmt``; returns rows per table.

    - ``jsonl``: articles are exactly the FORMAT.md records (``text`` added when ``include_text``);
      events and quotes are their flat rows as JSON objects.
    - ``csv``: events in the flat layout of :data:`EVENT_CSV_COLUMNS`; quotes and articles flat too.
    - ``parquet``: one file per table; ``out`` is a file for one table, or a folder that gets
      ``articles.parquet``, ``events.parquet`` and ``quotes.parquet`` when ``what`` is None or ``all``.

    ``what=None`` picks each format's natural table: articles for jsonl, events for csv, every
    table for parquet. ``out`` is a path or an open text stream (None: standard output is not
    chosen here, the caller passes ``sys.stdout``).
    """
    conn: sqlite3.Connection = store.connection if hasattr(store, "connection") else store
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if what not in (None, "all", *TABLES):
        raise StoreError(f"unknown table {what!r} to export: choose one of {', '.join(TABLES)}")
    if fmt == "parquet":
        return _parquet(conn, out, what, include_text)
    if what == "all":
        raise StoreError(f"{fmt} exports one table at a time: choose one of {', '.join(TABLES)} with --what")
    table = what or ("articles" if fmt == "jsonl" else "events")
    with _opened(out) as stream:
        if fmt == "jsonl":
            count = _jsonl(conn, stream, table, include_text)
        else:
            count = _csv(conn, stream, table, include_text)
    return {table: count}


@contextlib.contextmanager
def _opened(out: OutLike) -> Iterator[IO[str]]:
    if out is None:
        raise StoreError("no output given: pass a file path or an open text stream")
    if isinstance(out, (str, Path)):
        try:
            with open(out, "w", encoding="utf-8", newline="") as stream:
                yield stream
        except OSError as exc:
            raise StoreError(f"cannot write {out}: {exc.strerror or exc}") from exc
    else:
        yield out


def _rows(conn: sqlite3.Connection, table: str, include_text: bool) -> Iterator[dict[str, Any]]:
    if table == "events":
        return queries.iter_events(conn)
    if table == "quotes":
        return queries.iter_quotes(conn)
    return queries.iter_articles(conn, include_text=include_text)


def _jsonl(conn: sqlite3.Connection, stream: IO[str], table: str, include_text: bool) -> int:
    count = 0
    if table == "articles":
        cur = conn.execute("SELECT record, text FROM articles ORDER BY num")
        for record, text in cur:
            if include_text:
                data = json.loads(record)
                data["text"] = text
                record = json.dumps(data, ensure_ascii=False)
            stream.write(record + "\n")
            count += 1
        return count
    for row in _rows(conn, table, include_text):
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _csv(conn: sqlite3.Connection, stream: IO[str], table: str, include_text: bool) -> int:
    columns = {"events": EVENT_CSV_COLUMNS, "quotes": _QUOTE_FLAT,
               "articles": _ARTICLE_FLAT + (("text",) if include_text else ())}[table]
    writer = csv.writer(stream)
    writer.writerow(columns)
    count = 0
    for row in _rows(conn, table, include_text):
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
        count += 1
    return count


def _parquet(conn: sqlite3.Connection, out: OutLike, what: str | None, include_text: bool) -> dict[str, int]:
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise StoreError("Parquet export needs pyarrow: run `pip install 'dateline[parquet]'`") from exc
    if out is None or not isinstance(out, (str, Path)):
        raise StoreError("Parquet export writes files: give an output path with -o")
    target = Path(out)
    if what in (None, "all"):
        if target.exists() and not target.is_dir():
            raise StoreError(f"{target} is a file: exporting every table to Parquet needs a folder "
                             "(or choose one table with --what)")
        target.mkdir(parents=True, exist_ok=True)
        return {t: _parquet_table(conn, t, target / f"{t}.parquet", include_text) for t in TABLES}
    path = target / f"{what}.parquet" if target.is_dir() else target
    return {what: _parquet_table(conn, what, path, include_text)}


def _parquet_schema(table: str, include_text: bool):
    import pyarrow as pa

    s, i, f = pa.string(), pa.int64(), pa.float64()
    if table == "events":
        types = {"idx": i, "context": pa.list_(s), "source": s, "target": s, "quad": i, "goldstein": f,
                 "confidence": f, "trigger_start": i, "trigger_end": i, "sentence_start": i, "sentence_end": i,
                 "lat": f, "lon": f, "location_geonameid": i}
        columns = queries.EVENT_COLUMNS
    elif table == "quotes":
        types = {c: i for c in ("idx", "content_start", "content_end", "speaker_start", "speaker_end",
                                "cue_start", "cue_end")}
        columns = queries.QUOTE_COLUMNS
    else:
        types = {c: i for c in ("dateline_start", "dateline_end", "body_start", "body_end", "chars", "events",
                                "quotes")}
        columns = queries.ARTICLE_COLUMNS + (("text",) if include_text else ())
    return pa.schema([(c, types.get(c, s)) for c in columns])


def _parquet_table(conn: sqlite3.Connection, table: str, path: Path, include_text: bool) -> int:
    def rows() -> Iterator[dict[str, Any]]:
        for row in _rows(conn, table, include_text):
            if table == "events":  # nested actor lists stay JSON text, as in the database
                row["source"] = json.dumps(row["source"], ensure_ascii=False)
                row["target"] = json.dumps(row["target"], ensure_ascii=False)
            yield row

    return write_parquet(rows(), _parquet_schema(table, include_text), path)


def write_parquet(rows: Iterable[dict[str, Any]], schema: Any, path: Path) -> int:
    """Write ``rows`` to one Parquet file with ``schema`` (a pyarrow schema) in batches; the
    number of rows written (an empty table when there are none)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    count = 0
    try:
        with pq.ParquetWriter(str(path), schema) as writer:
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= _PARQUET_BATCH:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    count, batch = count + len(batch), []
            if batch or count == 0:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc}") from exc
    return count
