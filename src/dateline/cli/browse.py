"""Browsing a database: ``articles``, ``events``, ``quotes``, ``actors``, ``show``, ``stats`` (``export`` and
``group`` are in :mod:`.corpus`).

Thin commands over :mod:`dateline.store`. Filter values are checked by :mod:`dateline.store.filters`,
as the HTTP API checks them. Tables fit the terminal (100 columns when the output is not one).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import InvalidFilterError
from ..store import DEFAULT_DB, Store, missing_database_message
from ..store import filters
from ..store.queries import article_info
from .app import emit_rows, format_option, handle_errors, main

__all__ = ["MissingDatabaseError", "open_store"]

WIDTH = 100  # table width when the output is not a terminal


class MissingDatabaseError(click.ClickException):
    """The database to browse does not exist yet (exit code 2)."""

    exit_code = 2


def open_store(db: str) -> Store:
    """Open an existing database for browsing; a missing file is a one-line error, exit code 2."""
    if db != ":memory:" and not Path(db).exists():
        raise MissingDatabaseError(missing_database_message(db))
    return Store.open(db, create=False)


# -- shared options ---------------------------------------------------------------------------

def _checked(check: Callable[..., Any], **options: Any) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A click callback that runs a filter check of :mod:`dateline.store.filters` (exit code 2 when bad)."""

    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value is None:
            return None
        try:
            return check(value, param.name or "value", **options)
        except InvalidFilterError as exc:
            raise click.BadParameter(exc.problem) from exc

    return callback


_date = _checked(filters.check_date)
_codes = _checked(filters.check_codes)
_sectors = _checked(filters.check_codes, what="sector")
_types = _checked(filters.check_types)
_statuses = _checked(filters.check_statuses)
_text = _checked(filters.check_text)


def _common(func: Callable[..., Any]) -> Callable[..., Any]:
    """--db, --format and --limit."""
    func = click.option("--limit", type=click.IntRange(0, None), default=50, show_default=True,
                        help="At most this many rows (0: all).")(func)
    func = format_option()(func)
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=DEFAULT_DB, show_default=True,
                        help="The SQLite database written by `dateline ingest`.")(func)


def _dates(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--until", callback=_date, metavar="DATE", help="Up to this date (inclusive).")(func)
    return click.option("--since", callback=_date, metavar="DATE", help="From this date (inclusive).")(func)


# -- table helpers ----------------------------------------------------------------------------

def _clip(value: Any, width: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ").replace("\r", " ")
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def terminal_width() -> int:
    """Columns to fill: $COLUMNS, else the terminal's width, else WIDTH when the output is not a terminal."""
    given = os.environ.get("COLUMNS", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((WIDTH, 24)).columns
    return WIDTH


def fit_widths(rows: Sequence[dict[str, str]], layout: Sequence[tuple[str, int, int]], width: int) -> list[int]:
    """Column widths for ``layout`` ((name, narrowest, widest) per column) that fit ``width`` characters.

    Each column is as wide as its longest cell (or its header), within its bounds; while the table is
    too wide, the widest column that can give way loses a character. No column gets narrower than
    its header.
    """
    widths = []
    for name, narrowest, widest in layout:
        longest = max([len(name)] + [len(row.get(name, "")) for row in rows])
        widths.append(max(min(longest, widest), min(narrowest, longest), len(name)))
    floor = [min(max(narrowest, len(name)), w) for (name, narrowest, _), w in zip(layout, widths)]
    while sum(widths) + 2 * (len(widths) - 1) > width:
        shrinkable = [i for i, w in enumerate(widths) if w > floor[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: (widths[i], i))
        widths[widest] -= 1
    return widths


def _emit(rows: list[dict[str, Any]], fmt: str, layout: Sequence[tuple[str, int, int]], limit: int,
          drop: Sequence[str] = ()) -> None:
    """Rows as a table of the ``layout`` columns fitted to the terminal, or whole as CSV/JSON/JSON Lines.

    The ``drop`` columns are left out, in order, while the table cannot fit even at its narrowest.
    """
    if fmt == "table":
        width = terminal_width()
        layout = list(layout)
        for name in drop:
            if sum(max(narrowest, len(n)) for n, narrowest, _ in layout) + 2 * (len(layout) - 1) <= width:
                break
            layout = [column for column in layout if column[0] != name]
        text_rows = [{name: _clip(row.get(name), 10_000) for name, _, _ in layout} for row in rows]
        widths = fit_widths(text_rows, layout, width)
        cells = [{name: _clip(row[name], w) for (name, _, _), w in zip(layout, widths)} for row in text_rows]
        emit_rows(cells, fmt, columns=[name for name, _, _ in layout], max_width=max(widths, default=1))
        if limit and len(rows) >= limit:
            sys.stdout.flush()
            click.echo(f"(first {limit} rows: --limit 0 shows all)", err=True)
        return
    emit_rows(rows, fmt, columns=list(rows[0].keys()) if rows else None)


def _party(name: str | None, country: str | None) -> str:
    """``RUS Dmitry Peskov``: an actor cell."""
    return " ".join(v for v in (country, name) if v) or "-"


# -- commands ---------------------------------------------------------------------------------

@main.command("articles")
@_common
@click.option("--search", "-s", metavar="WORDS", callback=_text,
              help="Full-text search in titles and texts (FTS5 syntax).")
@_dates
@click.option("--source", metavar="NAME", callback=_text,
              help="Only articles from this source (e.g. TASS; the dateline's agency when none was given).")
@handle_errors
def articles_command(db: str, fmt: str, limit: int, search: str | None, since: str | None, until: str | None,
                     source: str | None) -> None:
    """List articles, newest first (best match first with --search).

    \b
    Example:
      dateline articles --search "Peskov Syria" --since 2019-10-01
      dateline articles --source TASS --format csv --limit 0 > articles.csv
    """
    with open_store(db) as store:
        rows = store.articles(search=search, since=since, until=until, source=source, limit=limit)
    if search:
        layout = [("id", 12, 40), ("published", 10, 10), ("title", 12, 40), ("snippet", 20, 80)]
    else:
        layout = [("id", 12, 40), ("published", 10, 10), ("source", 6, 20), ("title", 16, 80), ("events", 6, 6),
                  ("quotes", 6, 6)]
    _emit(rows, fmt, layout, limit)


@main.command("events")
@_common
@click.option("--type", "type_", metavar="TYPE[,TYPE]", callback=_types,
              help="PLOVER event type(s), e.g. ASSAULT,COERCE.")
@click.option("--source", metavar="CODE[,CODE]", callback=_codes,
              help="Source actor country code (any of the sources), e.g. RUS.")
@click.option("--target", metavar="CODE[,CODE]", callback=_codes,
              help="Target actor country code (any of the targets), e.g. SYR.")
@_dates
@click.option("--article", metavar="ID", callback=_text, help="Only this article's events.")
@click.option("--status", metavar="STATUS[,STATUS]", callback=_statuses,
              help="asserted, planned, hypothetical, negated or reported.")
@click.option("--implied/--no-implied", default=True, show_default=True,
              help="--no-implied drops events whose source is implied: coded from where a material act "
                   "happened, not named in the text.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Only events at least this confident (the event model's calibrated confidence).")
@handle_errors
def events_command(db: str, fmt: str, limit: int, type_: str | None, source: str | None, target: str | None,
                   since: str | None, until: str | None, article: str | None, status: str | None,
                   implied: bool, min_confidence: float) -> None:
    """List events (who did what to whom), newest first.

    In the table, DAY is the calendar day the event's own date names, and TIMEX its date as
    normalized from the text when that is not a day (a week 2024-W09, a month, PAST_REF, a part of
    a day 2016-05-06TAF). --since and --until use the article's date for an event without one.

    \b
    Example:
      dateline events --type ASSAULT --source TUR --target SYR
      dateline events --since 2019-10-01 --until 2019-10-31 --status asserted --format csv
      dateline events --type ASSAULT --no-implied --min-confidence 0.5
    """
    with open_store(db) as store:
        rows = store.events(type=type_, source=source, target=target, since=since, until=until,
                            article=article, status=status, implied=implied, min_confidence=min_confidence,
                            limit=limit)
    if fmt == "table":
        for row in rows:
            row["who"] = _party(row["source_name"], row["source_country"])
            row["whom"] = _party(row["target_name"], row["target_country"])
            row["timex"] = row["event_date"] if row["event_date"] != row["day"] else None
            row["article"] = row["article_id"]
    layout = [("day", 10, 10), ("timex", 5, 14), ("article", 8, 40), ("type", 9, 9), ("status", 12, 12),
              ("who", 7, 40), ("whom", 7, 40), ("cameo", 5, 5), ("trigger", 7, 30)]
    _emit(rows, fmt, layout, limit, drop=("cameo", "article"))


@main.command("quotes")
@_common
@click.option("--speaker", metavar="NAME", callback=_text,
              help="Speaker name or mention contains this (case-insensitive).")
@click.option("--article", metavar="ID", callback=_text, help="Only this article's quotes.")
@_dates
@click.option("--search", "-s", metavar="WORDS", callback=_text, help="Quote content contains these words.")
@handle_errors
def quotes_command(db: str, fmt: str, limit: int, speaker: str | None, article: str | None, since: str | None,
                   until: str | None, search: str | None) -> None:
    """List quotes (who said what), newest first.

    \b
    Example:
      dateline quotes --speaker Peskov
      dateline quotes --search sanctions --since 2019 --format json
    """
    with open_store(db) as store:
        rows = store.quotes(speaker=speaker, article=article, since=since, until=until, search=search,
                            limit=limit)
    if fmt == "table":
        for row in rows:
            row["speaker"] = row["speaker_name"] or row["speaker_text"]
            row["article"] = row["article_id"]
    layout = [("date", 10, 10), ("article", 8, 40), ("speaker", 10, 30), ("kind", 8, 8), ("content", 20, 120)]
    _emit(rows, fmt, layout, limit)


@main.command("actors")
@_common
@click.option("--country", metavar="CODE[,CODE]", callback=_codes, help="Country code(s), e.g. RUS or IGO.")
@click.option("--sector", metavar="CODE[,CODE]", callback=_sectors, help="PLOVER sector code(s), e.g. GOV,MIL.")
@click.option("--name", metavar="TEXT", callback=_text, help="Name or mention contains this (case-insensitive).")
@click.option("--mentions", is_flag=True, help="One row per mention (with offsets) instead of per actor.")
@handle_errors
def actors_command(db: str, fmt: str, limit: int, country: str | None, sector: str | None, name: str | None,
                   mentions: bool) -> None:
    """List actors, most mentioned first (or every mention with --mentions).

    \b
    Example:
      dateline actors --country RUS --sector GOV
      dateline actors --name Peskov --mentions
    """
    with open_store(db) as store:
        rows = store.actors(country=country, sector=sector, name=name, mentions=mentions, limit=limit)
    if mentions:
        layout = [("article_id", 10, 30), ("start", 5, 6), ("end", 5, 6), ("text", 12, 40), ("name", 12, 40),
                  ("country", 7, 7), ("sector", 6, 6)]
    else:
        layout = [("name", 16, 60), ("country", 7, 7), ("sector", 6, 6), ("kind", 6, 12), ("mentions", 8, 8),
                  ("articles", 8, 8)]
    _emit(rows, fmt, layout, limit)


@main.command("show")
@click.argument("article_id", metavar="ID")
@click.option("--db", "db", type=click.Path(dir_okay=False), default=DEFAULT_DB, show_default=True,
              help="The SQLite database written by `dateline ingest`.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Readable text, or the FORMAT.md record as JSON.")
@click.option("--text", "with_text", is_flag=True, help="Include the article text.")
@handle_errors
def show_command(article_id: str, db: str, fmt: str, with_text: bool) -> None:
    """Show one article: metadata, dateline and its spans grouped by kind, with offsets.

    \b
    Example:
      dateline show tass-2019-10-14
      dateline show tass-2019-10-14 --format json --text > record.json
    """
    with open_store(db) as store:
        record = store.get_article(article_id, include_text=True)
        info = article_info(store.connection, article_id)
    if record is None or info is None:
        raise click.ClickException(f"no article {article_id!r} in {db}: list them with `dateline articles`")
    if fmt == "json":
        if not with_text:
            record.pop("text", None)
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    for line in _describe(record, info):
        width = terminal_width()
        click.echo(line if len(line) <= width else line[: width - 1] + "…")
    if with_text:
        click.echo("\ntext")
        click.echo(record.get("text") or "")


def _at(span: dict[str, Any] | None) -> str:
    if not span or span.get("start") is None:
        return "[   -   ]"
    return f"[{span['start']}:{span['end']}]"


def _describe(record: dict[str, Any], info: dict[str, Any]) -> list[str]:
    """The readable form of one stored article."""
    text = record.get("text") or ""
    lines = [f"{record['id']}  ({record.get('source') or 'no source'}, published {record.get('published') or '?'}, "
             f"{info.get('chars')} characters)"]
    if record.get("duplicate_of"):
        lines.append(f"  {'same as:':<10}{record['duplicate_of']} (the same text is stored under that id)")
    for key in ("title", "url"):
        if record.get(key):
            lines.append(f"  {key + ':':<10}{record[key]}")
    lines.append(f"  {'origin:':<10}{info.get('origin') or '-'}  ingested {info.get('ingested_at')}"
                 + (f" (run {info['run_id']})" if info.get("run_id") else ""))
    dl = record.get("dateline")
    if dl:
        lines.append(f"  {'dateline:':<10}{_at(dl)} {text[dl['start']:dl['end']] if text else ''!r}  place="
                     f"{dl.get('place')} date={dl.get('date')} agency={dl.get('agency')}")
    body = record.get("body")
    lines.append(f"  {'body:':<10}{_at(body)}")

    def section(kind: str, items: list[Any], render: Callable[[dict[str, Any]], str]) -> None:
        lines.append("")
        lines.append(f"{kind} ({len(items)})")
        for item in items:
            first, *rest = render(item).split("\n")
            lines.append("  " + first)
            lines.extend("      " + more for more in rest)

    section("events", record.get("events") or [], lambda e: (
        f"{_at(e.get('trigger'))} {e['type']} {(e.get('trigger') or {}).get('text')!r}: "
        f"{' + '.join(_party(a.get('name'), a.get('country')) for a in e.get('source') or []) or '-'} -> "
        f"{' + '.join(_party(a.get('name'), a.get('country')) for a in e.get('target') or []) or '-'}"
        f"\ncameo={e.get('cameo')} quad={e.get('quad')} goldstein={e.get('goldstein')} "
        f"{e.get('status')} date={e.get('date')}"
        + (f" at={(e.get('location') or {}).get('name')}" if e.get("location") else "")))
    section("quotes", record.get("quotes") or [], lambda q: (
        f"{_at(q.get('content'))} {q['kind']}: "
        + (f"{_party((q.get('speaker') or {}).get('name'), (q.get('speaker') or {}).get('country'))} "
           f"({(q.get('speaker') or {}).get('text')!r} {_at(q.get('speaker'))})" if q.get("speaker") else "-")
        + (f" {(q.get('cue') or {}).get('text')!r}" if q.get("cue") else "")
        + f"\n{(q.get('content') or {}).get('text')!r}"))
    section("actors", record.get("actors") or [], lambda a: (
        f"{_at(a)} {a.get('text')!r} -> {a.get('name') or '-'} {a.get('country') or '-'} "
        f"{a.get('sector') or '-'} {a.get('kind') or ''}".rstrip()))
    section("times", record.get("times") or [],
            lambda t: f"{_at(t)} {t.get('text')!r} -> {t.get('value')} {t.get('type')}")
    section("places", record.get("places") or [], lambda p: (
        f"{_at(p)} {p.get('text')!r} -> {p.get('name') or '-'} {p.get('country') or '-'} "
        f"{p.get('lat')},{p.get('lon')} {p.get('feature') or ''} geonames={p.get('geonameid')}"))
    section("sentences", record.get("sentences") or [], lambda s: f"{_at(s)} {text[s['start']:s['end']]!r}")
    return lines


@main.command("stats")
@click.option("--db", "db", type=click.Path(dir_okay=False), default=DEFAULT_DB, show_default=True,
              help="The SQLite database written by `dateline ingest`.")
@format_option()
@handle_errors
def stats_command(db: str, fmt: str) -> None:
    """Summarise the database: articles, spans, errors by reason, events by type, dates, size.

    \b
    Example:
      dateline stats
      dateline stats --db news.db --format json
    """
    with open_store(db) as store:
        data = store.stats()
    if fmt in ("json", "jsonl"):  # one document: the nested summary
        click.echo(json.dumps(data, ensure_ascii=False, indent=2 if fmt == "json" else None))
        return
    rows = _flatten(data)
    if fmt == "csv":
        emit_rows([{"metric": k, "value": v} for k, v in rows], "csv", columns=["metric", "value"])
        return
    for key, value in rows:
        click.echo(f"{key:<32} {value}")


def _flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.extend(_flatten(value, name + ".") if value else [(name, "-")])
        else:
            out.append((name, "-" if value is None else value))
    return out
