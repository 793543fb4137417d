"""Whole-article parallelism on one machine: each worker process runs the full pipeline.

spaCy's own ``n_process`` parallelises only parsing, leaving every extractor in the main
process; here a worker does layout, parsing and extraction for a chunk of articles, and results
come back in input order. A chunk whose worker dies is redone in the main process article by
article, so nothing is lost and an article that fails there fails alone.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from .ingest.fields import printable
from .knowledge.cache import SHARED
from .records import Article, Failure, SourceDocument
from .settings import Settings

__all__ = ["run_in_processes", "Runner"]

log = logging.getLogger(__name__)


class Runner(Protocol):
    """What this module needs of a pipeline (:class:`dateline.pipeline.Pipeline` is one)."""

    settings: Settings
    timer: Any
    knowledge: Any

    def __init__(self, settings: Settings) -> None: ...

    @property
    def nlp(self) -> Any: ...

    def run(self, inputs: Iterable[Any]) -> Iterator[Article | Failure]: ...


_WORKER = "parallel worker"
"""The kind under which a worker process keeps its pipeline in its :data:`~dateline.knowledge.cache.SHARED`."""


def _start_worker(factory: type[Runner], settings: Settings) -> None:
    """Build this worker process's pipeline (the pool's initializer), kept in the process's cache."""
    SHARED.get(_WORKER, (), lambda: factory(settings))


def _not_started() -> Runner:
    raise RuntimeError("worker not initialised")


def _process_chunk(chunk: list[SourceDocument | Failure]) -> tuple[list[Article | Failure], dict[str, float]]:
    """Run the worker's pipeline over one chunk (in the worker); returns the results and the stage seconds."""
    pipeline = SHARED.get(_WORKER, (), _not_started)
    pipeline.timer.seconds.clear()
    results = list(pipeline.run(chunk))
    return results, dict(pipeline.timer.seconds)


def _chunks(sources: Iterable[SourceDocument | Failure], size: int) -> Iterator[list[SourceDocument | Failure]]:
    chunk: list[SourceDocument | Failure] = []
    for source in sources:
        chunk.append(source)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_in_processes(pipeline: Runner, sources: Iterable[SourceDocument | Failure]) -> Iterator[Article | Failure]:
    """Results of ``pipeline`` over ``sources`` computed by ``settings.processes`` worker processes.

    The main process prepares what workers share (the spaCy model and the gazetteer are loaded
    before the workers start, so a forked worker inherits them), keeps at most two chunks per
    worker in flight, and yields results in input order.
    """
    settings = pipeline.settings
    worker_settings = settings.replace(processes=1)
    pipeline.nlp  # noqa: B018 - load (or fail clearly) before any worker starts
    if settings.places:
        pipeline.knowledge.gazetteer  # noqa: B018 - build once here, never concurrently in the workers
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    in_flight: deque[tuple[list[SourceDocument | Failure], Future[Any] | None]] = deque()
    limit = 2 * settings.processes
    with ProcessPoolExecutor(max_workers=settings.processes, mp_context=context,
                             initializer=_start_worker, initargs=(type(pipeline), worker_settings)) as pool:
        for chunk in _chunks(sources, settings.batch_size):
            in_flight.append((chunk, _submit(pool, chunk)))
            if len(in_flight) >= limit:
                yield from _collect(pipeline, *in_flight.popleft())
        while in_flight:
            yield from _collect(pipeline, *in_flight.popleft())


def _submit(pool: ProcessPoolExecutor, chunk: list[SourceDocument | Failure]) -> Future[Any] | None:
    """The chunk's future, or None when the pool can take no more work (a worker died)."""
    try:
        return pool.submit(_process_chunk, chunk)
    except Exception as exc:  # BrokenProcessPool: the chunk is redone in the main process
        log.warning("the worker pool is broken (%s)", exc)
        return None


def _collect(pipeline: Runner, chunk: list[SourceDocument | Failure],
             future: Future[Any] | None) -> Iterator[Article | Failure]:
    try:
        if future is None:
            raise RuntimeError("no worker took the chunk")
        results, seconds = future.result()
    except Exception as exc:  # a dead worker (BrokenProcessPool) or a chunk that could not travel
        log.warning("a worker failed (%s): redoing its %d articles in the main process", exc, len(chunk))
        yield from _one_by_one(pipeline, chunk, f"{type(exc).__name__}: {exc}")
        return
    for stage, value in seconds.items():
        pipeline.timer.seconds[stage] = pipeline.timer.seconds.get(stage, 0.0) + value
    yield from results


def _one_by_one(pipeline: Runner, chunk: list[SourceDocument | Failure], why: str) -> Iterator[Article | Failure]:
    """The chunk's records computed here, one article at a time, each failure its own."""
    for n, item in enumerate(chunk, 1):
        try:
            yield from pipeline.run([item])
        except Exception as exc:  # run_here turns article errors into Failures; this is a last guard
            if isinstance(item, Failure):
                yield item
                continue
            yield Failure(origin=printable(item.origin or f"<chunk item {n}>"), stage="parallel",
                          reason="worker-error", id=None if item.id is None else printable(item.id),
                          detail=printable(f"its worker failed ({why}) and so did the main process "
                                           f"({type(exc).__name__}: {exc})"))
