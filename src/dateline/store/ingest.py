"""The ingest service: articles in, records out (:func:`analyse`) or into the store (:func:`ingest`).

The one place that chooses how a run is executed: in this process, in ``settings.processes``
worker processes (:mod:`dateline.parallel`), or on a Dask cluster (:mod:`dateline.distributed`)
when a ``dask`` address is given; every way yields the same records in input order. :func:`ingest`
is the loop the command line, the Python API (``dateline.ingest``) and the HTTP API
(``POST /api/ingest``) share: it skips inputs already stored from the same text and code, writes
records and failures in batches of ``commit_every`` (a crash loses at most one batch), reports
each result to an ``on_result`` callback (progress bars, failure messages) and records the run
with its :class:`RunSummary`.

>>> from dateline import Settings
>>> from dateline.store import Store
>>> with Store.open("dateline.db") as store:                       # doctest: +SKIP
...     summary = ingest([{"id": "a1", "text": "..."}], store, Settings())
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..distributed import run_distributed
from ..fingerprint import input_hash, settings_fingerprint
from ..parallel import run_in_processes
from ..pipeline import InputLike, Pipeline, article_id, as_source
from ..records import Article, Failure, SourceDocument
from ..settings import Settings
from .store import Store

__all__ = ["analyse", "ingest", "RunSummary", "Execution"]

log = logging.getLogger(__name__)

Result = Article | Failure


@dataclass(frozen=True, slots=True)
class Execution:
    """Where a run executes: ``dask`` (a scheduler address, or ``"local"``) with ``partition_size``
    articles per task, else ``settings.processes`` worker processes, else this process."""

    dask: str | None = None
    partition_size: int = 256


def analyse(inputs: Iterable[InputLike], settings: Settings, *, execution: Execution | None = None,
            pipeline: Pipeline | None = None) -> Iterator[Result]:
    """The records of ``inputs`` in input order, failures included (never raised).

    ``pipeline`` is the one to run here (and to redo a dead worker's articles); by default one is
    built from ``settings``. With ``execution.dask`` the articles go to a Dask cluster, else with
    ``settings.processes > 1`` to worker processes, else they are analysed in this process.
    """
    execution = execution or Execution()
    if execution.dask:
        results = run_distributed(inputs, settings=settings, client_or_address=execution.dask,
                                  partition_size=execution.partition_size)
        # importing distributed sets its loggers to INFO: keep them at the level the caller asked for
        logging.getLogger("distributed").setLevel(logging.getLogger().getEffectiveLevel())
        return results
    pipeline = pipeline or Pipeline(settings)
    if settings.processes > 1:
        return run_in_processes(pipeline, (as_source(item, n) for n, item in enumerate(inputs, 1)))
    return pipeline.run(inputs)


@dataclass
class RunSummary:
    """What a run did, for the closing summary and the run's row in the database."""

    articles: int = 0
    spans: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)
    stored: Counter = field(default_factory=Counter)
    unchanged: int = 0    # articles already stored from the same input and code: not parsed again
    undated: int = 0      # processed articles with no publication date (given or found in the text)
    encodings: Counter = field(default_factory=Counter)  # articles decoded from a guessed encoding
    skipped_files: list[str] = field(default_factory=list)  # files in folders that are not articles

    def add(self, result: Result) -> None:
        if isinstance(result, Failure):
            self.errors[result.reason] += 1
            return
        self.articles += 1
        if not result.published:
            self.undated += 1
        if result.encoding:
            self.encodings[result.encoding] += 1
        for kind in ("sentences", "actors", "quotes", "times", "places", "events"):
            self.spans[kind] += len(getattr(result, kind))

    def record(self) -> dict[str, Any]:
        """What the run's row in the database keeps of this summary."""
        return {"articles": self.articles, "unchanged": self.unchanged, "undated": self.undated,
                "errors": dict(self.errors), "spans": dict(self.spans), "stored": dict(self.stored),
                "encodings_guessed": dict(self.encodings), "skipped_file_count": len(self.skipped_files),
                "skipped_files": self.skipped_files[:100], "seconds": round(self.seconds, 3)}

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def lines(self) -> list[str]:
        """The closing summary, one line each."""
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        out = [f"articles: {self.articles} processed in {self.seconds:.1f} s ({rate:.2f} articles/s)"
               + (f"; {self.unchanged} unchanged since the last run, not parsed again" if self.unchanged else "")]
        if self.undated:
            out.append(f"undated: {self.undated} of {self.articles} articles have no publication date (none given, "
                       "none in a dateline or byline): give one with --published YYYY-MM-DD")
        if self.stored:
            out.append("stored: " + ", ".join(f"{v} {k}" for k, v in self.stored.items()))
        out.append("spans: " + ", ".join(f"{self.spans[k]} {k}" for k in
                                         ("events", "quotes", "actors", "times", "places", "sentences")))
        if self.encodings:
            guessed = sum(self.encodings.values())
            out.append(f"encodings guessed: {guessed} article(s) were not UTF-8 and were read as "
                       + ", ".join(f"{k} ({v})" for k, v in self.encodings.most_common())
                       + ": check that they read right (the records say 'encoding')")
        if self.skipped_files:
            files = self.skipped_files
            shown = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
            out.append(f"skipped: {len(files)} file(s) that are not .txt, .html or .jsonl "
                       f"(nor one of them gzipped): {shown}")
        n_err = sum(self.errors.values())
        out.append(f"errors: {n_err}" + (" (" + ", ".join(f"{v} {k}" for k, v in self.errors.most_common()) + ")"
                                         if n_err else ""))
        return out


def ingest(inputs: Iterable[InputLike], store: Store, settings: Settings, *, execution: Execution | None = None,
           pipeline: Pipeline | None = None, commit_every: int = 32, summary: RunSummary | None = None,
           on_result: Callable[[Result], None] | None = None,
           run_info: dict[str, Any] | None = None) -> RunSummary:
    """Analyse ``inputs`` and store their records and failures in ``store``; returns the run's summary.

    Inputs already stored from the same text, metadata, code and settings are not parsed again
    (``summary.unchanged``). Records are written ``commit_every`` at a time; however the run ends
    (finished, interrupted, failed), what was analysed is kept and the run's row says how it ended.
    ``on_result`` sees every result as it arrives; ``run_info`` is kept with the run (inputs, model...).
    """
    summary = summary if summary is not None else RunSummary()
    fingerprint = settings_fingerprint(settings)
    execution = execution or Execution()
    run_id = store.start_run({**(run_info or {}), "model": settings.model, "processes": settings.processes,
                              "dask": execution.dask, "fingerprint": fingerprint})
    hashes: dict[str, str] = {}  # input hashes of the articles on their way to the database

    def changed(items: Iterable[InputLike]) -> Iterator[InputLike]:
        """The inputs not already stored from the same text, metadata, code and settings."""
        for n, item in enumerate(items, 1):
            source = as_source(item, n)
            if isinstance(source, SourceDocument):
                try:
                    key, digest = source.id or article_id(source.text), input_hash(source, fingerprint)
                except Exception:  # an unusable input: the pipeline records why
                    yield source
                    continue
                if store.has_input(key, digest):
                    summary.unchanged += 1
                    summary.stored["unchanged"] += 1
                    continue
                hashes[key] = digest
            yield source

    batch: list[Result] = []
    status = "failed"
    try:
        for result in analyse(changed(inputs), settings, execution=execution, pipeline=pipeline):
            summary.add(result)
            if on_result is not None:
                on_result(result)
            batch.append(result)
            if len(batch) >= commit_every:
                pending, batch = batch, []
                _write(store, pending, run_id, summary, hashes)
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:  # what was analysed is kept, and the run says how it ended, whatever ended it
        _close_run(store, batch, run_id, summary, status, hashes)
    return summary


def _close_run(store: Store, batch: list[Result], run_id: Any, summary: RunSummary, status: str,
               hashes: dict[str, str]) -> None:
    """Write the last batch and record how the run ended.

    When the run is ending on an error, that error is the one to report: a database that fails
    here too is only logged.
    """
    try:
        if batch:
            _write(store, batch, run_id, summary, hashes)
        store.finish_run(run_id, summary.record(), status=status)
    except Exception as exc:
        if status == "finished":
            raise
        log.error("could not close the run after it %s: %s", status, exc)


def _write(store: Store, batch: list[Result], run_id: Any, summary: RunSummary, hashes: dict[str, str]) -> None:
    stats = store.write_batch(batch, run_id=run_id, input_hashes=hashes)
    for result in batch:
        if result.id is not None:
            hashes.pop(result.id, None)
    for key in ("new", "unchanged", "replaced", "duplicates"):
        value = getattr(stats, key, None)
        if value is not None:
            summary.stored[key] += value
