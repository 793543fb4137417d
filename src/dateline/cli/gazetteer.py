"""``dateline gazetteer build|info|lookup|import``: the offline gazetteer."""

from __future__ import annotations

import json

from pathlib import Path

import click

from ..knowledge.gazetteer import default_gazetteer_path, open_gazetteer_file
from ..knowledge.gazetteer_build import CITY_SOURCES, build_gazetteer
from ..knowledge.gazetteer_import import import_geonames
from .app import emit_rows, format_option, handle_errors, main

_path_option = click.option(
    "--path", "path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Gazetteer file (default: $DATELINE_GAZETTEER, else the user data directory).")


def _progress(message: str) -> None:
    click.echo(f"gazetteer: {message}", err=True)


@main.group()
def gazetteer() -> None:
    """The offline gazetteer that places are resolved against.

    \b
    Example:
      dateline gazetteer build
      dateline gazetteer lookup Idlib
      dateline gazetteer import allCountries.txt
    """


@gazetteer.command("build")
@_path_option
@click.option("--min-population", type=click.Choice([str(k) for k in sorted(CITY_SOURCES)]), default="500",
              show_default=True, help="Smallest city population to include.")
@handle_errors
def build(path: Path | None, min_population: str) -> None:
    """Build (or rebuild) the gazetteer from the data that pip installed.

    \b
    Example:
      dateline gazetteer build --path /tmp/gazetteer.sqlite
    """
    target = build_gazetteer(default_gazetteer_path(path), min_population=int(min_population), progress=_progress)
    click.echo(str(target))


@gazetteer.command("info")
@_path_option
@format_option()
@handle_errors
def info(path: Path | None, fmt: str) -> None:
    """What the gazetteer holds (building it first if needed).

    \b
    Example:
      dateline gazetteer info --format json
    """
    with open_gazetteer_file(path, progress=_progress) as gaz:
        data = gaz.info()
    if fmt in ("json", "jsonl"):  # one document: the facts as an object
        click.echo(json.dumps(data, ensure_ascii=False, indent=2 if fmt == "json" else None, default=str))
        return
    emit_rows([{"key": k, "value": v} for k, v in data.items()], fmt)


@gazetteer.command("lookup")
@click.argument("name")
@_path_option
@click.option("--limit", type=click.IntRange(1, 200), default=10, show_default=True, help="Most candidates shown.")
@format_option()
@handle_errors
def lookup(name: str, path: Path | None, limit: int, fmt: str) -> None:
    """The gazetteer entries a NAME may refer to, best-known first.

    \b
    Example:
      dateline gazetteer lookup "Idlib"
    """
    with open_gazetteer_file(path, progress=_progress) as gaz:
        rows = [c.to_dict() for c in gaz.lookup_text(name)]
    rows.sort(key=lambda r: -r["population"])
    emit_rows(rows[:limit], fmt, columns=["geonameid", "name", "feature", "country", "admin1", "lat", "lon",
                                           "population"])


@gazetteer.command("import")
@click.argument("dumps", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_path_option
@handle_errors
def import_(dumps: tuple[Path, ...], path: Path | None) -> None:
    """Add GeoNames dumps (allCountries.txt, cities1000.txt, alternateNamesV2.txt) downloaded elsewhere.

    Place files go before alternate-name files, which only add names to known places.

    \b
    Example:
      dateline gazetteer import allCountries.txt alternateNamesV2.txt
    """
    with open_gazetteer_file(path, progress=_progress) as gaz:
        target = gaz.path
    for dump in dumps:
        count = import_geonames(target, dump, progress=_progress)
        click.echo(f"{dump.name}: {count:,} rows added to {target}")
