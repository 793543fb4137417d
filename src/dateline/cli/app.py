"""The click group every verb attaches to, and the helpers verbs share (output formats, errors)."""

from __future__ import annotations

import csv
import functools
import json
import logging
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import click

from ..version import __version__
from ..errors import DatelineError

__all__ = ["main", "format_option", "emit_rows", "handle_errors", "CONTEXT_SETTINGS", "FORMATS"]

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="dateline")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """dateline: who did what to whom, when and where, and who said what, from news articles.

    \b
    Example:
      dateline ingest examples/corpus --db dateline.db
      dateline events --db dateline.db --type ASSAULT --format table
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn dateline's exceptions into a one-line message and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DatelineError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


FORMATS = ("table", "csv", "json", "jsonl")


def format_option(default: str = "table") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The shared ``--format table|csv|json|jsonl`` option."""
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default=default, show_default=True,
                        help="Output format: an aligned table, CSV, one JSON document (a list of rows), "
                             "or JSON Lines (one row per line).")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit_rows(rows: Iterable[dict[str, Any]], fmt: str, *, columns: Sequence[str] | None = None,
              max_width: int = 60, out=None) -> int:
    """Print rows as an aligned table, CSV, one JSON document or JSON Lines; returns how many rows were printed."""
    out = out or sys.stdout
    rows = list(rows)
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return len(rows)
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return len(rows)
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _cell(row.get(c)) for c in cols})
        return len(rows)
    if not rows:
        out.write("(no rows)\n")
        return 0
    cells = [[_cell(r.get(c)).replace("\n", " ") for c in cols] for r in rows]
    cells = [[v if len(v) <= max_width else v[: max_width - 1] + "…" for v in row] for row in cells]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    out.write("  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")
    return len(rows)
