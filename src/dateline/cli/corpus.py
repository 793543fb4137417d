"""The corpus commands: ``export`` (records, events, corpus events, GeoJSON, aggregates) and ``group``
(rebuild the corpus view: near duplicates and events grouped across articles)."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..store import DEFAULT_DB, export
from ..store.aggregates import DIMENSIONS, INTERVALS
from ..store.corpus_export import export_corpus
from .app import handle_errors, main
from .browse import open_store

__all__ = ["export_command", "group_command"]

_DB = click.option("--db", "db", type=click.Path(dir_okay=False), default=DEFAULT_DB, show_default=True,
                   help="The SQLite database written by `dateline ingest`.")


@main.command("export")
@_DB
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "geojson"]), default="jsonl",
              show_default=True, help="jsonl: FORMAT.md records; csv: flat events; parquet: tables; geojson: "
                                      "located corpus events.")
@click.option("-o", "--output", "output", type=click.Path(), default=None,
              help="Output file (default: standard output); for parquet a file, or a folder for every table.")
@click.option("--what", type=click.Choice(["articles", "events", "quotes", "corpus-events", "aggregates"]),
              default=None, help="What to export (default: articles for jsonl, events for csv, all for parquet, "
                                 "corpus-events for geojson). corpus-events: one row per act with its stable id "
                                 "and mention counts; aggregates: counts per period.")
@click.option("--interval", type=click.Choice(list(INTERVALS)), default="month", show_default=True,
              help="Aggregates: the period counted by.")
@click.option("--by", "by", type=click.Choice(list(DIMENSIONS)), default="type", show_default=True,
              help="Aggregates: what to count by.")
@click.option("--since", metavar="DATE", help="Corpus events and aggregates: from this date.")
@click.option("--until", metavar="DATE", help="Corpus events and aggregates: up to this date.")
@click.option("--text", "with_text", is_flag=True, help="Include article texts.")
@handle_errors
def export_command(db: str, fmt: str, output: str | None, what: str | None, interval: str, by: str,
                   since: str | None, until: str | None, with_text: bool) -> None:
    """Export the database: records, event mentions, corpus events, GeoJSON or aggregates.

    \b
    Example:
      dateline export --format jsonl --text -o records.jsonl
      dateline export --format csv -o events.csv
      dateline export --format parquet -o tables/
      dateline export --what corpus-events --format csv -o corpus_events.csv
      dateline export --what corpus-events --format parquet -o corpus_events.parquet
      dateline export --format geojson -o events.geojson
      dateline export --what aggregates --interval week --by dyad --format csv -o dyads.csv
    """
    if fmt == "parquet" and output is None:
        raise click.UsageError("parquet export needs -o FILE (one table) or -o FOLDER (every table)")
    if fmt == "geojson":
        what = what or "corpus-events"
        if what != "corpus-events":
            raise click.UsageError("geojson exports corpus events: use --what corpus-events (or leave it out)")
    target: Any = output if output is not None else sys.stdout
    with open_store(db) as store:
        if what in ("corpus-events", "aggregates"):
            filters = {k: v for k, v in (("since", since), ("until", until)) if v}
            counts = export_corpus(store.connection, fmt, target, what=what, interval=interval, by=by, **filters)
        else:
            counts = export(store, fmt, target, what=what, include_text=with_text)
    where = output or "standard output"
    click.echo("exported " + ", ".join(f"{n} {table}" for table, n in counts.items()) + f" to {where}", err=True)


@main.command("group")
@_DB
@click.option("--force", is_flag=True, help="Rebuild even when no article changed.")
@handle_errors
def group_command(db: str, force: bool) -> None:
    """Group event mentions into corpus events and mark near-duplicate articles.

    `dateline ingest` does this as it finishes; run it after writing to the database otherwise, or
    with --force after upgrading dateline. The grouping rule is in the README.

    \b
    Example:
      dateline group --db dateline.db
    """
    with open_store(db) as store:
        result = store.refresh_corpus(force=force)
        summary = store.corpus.summary()
    if not result.get("refreshed"):
        click.echo("the corpus view is up to date", err=True)
    click.echo(json.dumps({**result, "events": summary["events"], "mentions": summary["mentions"],
                           "near_duplicates": summary["near_duplicates"]}))
