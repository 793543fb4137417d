"""Runs on a Dask cluster: the records of a local run, in input order, with no article lost.

The driver reads the inputs lazily, cuts them into partitions and keeps a bounded number of them
on the cluster; each worker process builds one :class:`~dateline.pipeline.Pipeline` per settings
and sends its partition's records back. Results are yielded in input order, so writing stays in
the driver (SQLite has one writer). A partition whose task fails is tried once more; after that
each of its articles is tried in a task of its own, and only one that fails again comes back as a
:class:`Failure` with stage ``distributed``, never dropped.

Needs the ``dask`` extra: ``pip install 'dateline[dask]'`` (``dask[bag]`` and ``distributed``).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .errors import DaskNotInstalledError, DistributedError, SchedulerUnreachableError
from .ingest.fields import printable
from .knowledge.cache import SHARED
from .pipeline import Pipeline, as_source, article_id
from .records import Article, Failure, SourceDocument
from .settings import Settings

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = [
    "run_distributed", "process_partition", "DistributedError", "DaskNotInstalledError",
    "SchedulerUnreachableError", "PartitionItem",
]

log = logging.getLogger(__name__)

PartitionItem = tuple[int, SourceDocument | Failure]
"""An input as sent to a worker: its 1-based position in the whole stream, and the input."""

INSTALL_HINT = "run `pip install 'dateline[dask]'`"


# -- the worker side ---------------------------------------------------------------------------

def _worker_pipeline(settings: Settings) -> tuple[Pipeline, threading.Lock]:
    """This process's pipeline for these settings (built once, kept in the process's
    :data:`~dateline.knowledge.cache.SHARED`), with the lock that guards it."""
    return SHARED.get("worker pipeline", settings, lambda: (Pipeline(settings), threading.Lock()))


def process_partition(settings: Settings, items: list[PartitionItem]) -> list[Article | Failure]:
    """The records of one partition, in order: what ``Pipeline(settings).run`` yields for it.

    Runs on a worker. Parallelism comes from the cluster, so each worker parses with one process.
    """
    pipeline, lock = _worker_pipeline(settings.replace(processes=1))
    with lock:  # a spaCy pipeline is not shared between threads
        results = list(pipeline.run(item for _, item in items))
    if len(results) != len(items):
        raise DistributedError(f"the pipeline returned {len(results)} records for {len(items)} inputs")
    return [_numbered(result, item, n) for result, (n, item) in zip(results, items)]


def _numbered(result: Article | Failure, item: SourceDocument | Failure, n: int) -> Article | Failure:
    """A failure of an input without an origin names its place in the whole stream, as a local run does."""
    if isinstance(result, Failure) and isinstance(item, SourceDocument) and item.origin is None:
        return dataclasses.replace(result, origin=f"<input {n}>")
    return result


# -- the driver side ---------------------------------------------------------------------------

def _import_distributed() -> ModuleType:
    try:
        import dask  # noqa: F401
        import distributed
    except ImportError as exc:
        raise DaskNotInstalledError(
            f"running on Dask needs the packages dask and distributed ({exc}): {INSTALL_HINT}") from exc
    return distributed


def run_distributed(inputs: Iterable[SourceDocument | Failure | Mapping[str, Any] | str], *,
                    settings: Settings, client_or_address: "str | Client | None" = "local",
                    partition_size: int = 256, max_in_flight: int | None = None,
                    n_workers: int | None = None, timeout: float = 10.0) -> Iterator[Article | Failure]:
    """Process articles on a Dask cluster; yields what ``Pipeline(settings).run(inputs)`` would, in order.

    ``client_or_address``: ``"local"`` starts a cluster of worker processes on this machine
    (``n_workers``, else ``settings.processes`` when above 1, else one per core) and closes it at
    the end; ``"tcp://host:8786"`` connects to a running scheduler; a ``distributed.Client`` is
    used as it is; None uses the client already set up in this process.
    ``partition_size``: articles per task. ``max_in_flight``: partitions on the cluster at a time
    (default: twice the workers' threads); the driver holds no more inputs than that.
    ``timeout``: seconds to wait for a scheduler.

    Raises :class:`DaskNotInstalledError` without dask, :class:`SchedulerUnreachableError` when
    no scheduler answers. A partition that fails twice comes back as one Failure per article.
    """
    distributed = _import_distributed()
    if partition_size < 1:
        raise DistributedError(f"partition_size must be at least 1, not {partition_size}")
    if max_in_flight is not None and max_in_flight < 1:
        raise DistributedError(f"max_in_flight must be at least 1, not {max_in_flight}")
    return _run(distributed, inputs, settings=settings, target=client_or_address,
                partition_size=partition_size, max_in_flight=max_in_flight, n_workers=n_workers,
                timeout=timeout)


def _run(distributed: ModuleType, inputs: Iterable[Any], *, settings: Settings, target: Any,
         partition_size: int, max_in_flight: int | None, n_workers: int | None,
         timeout: float) -> Iterator[Article | Failure]:
    with _client(distributed, target, settings=settings, n_workers=n_workers, timeout=timeout) as client:
        _check_workers(client)
        limit = max_in_flight or 2 * max(1, sum(client.nthreads().values()))
        run_key = uuid.uuid4().hex[:12]
        pending: deque[tuple[list[PartitionItem], Future]] = deque()
        try:
            for number, partition in enumerate(_partitions(inputs, partition_size)):
                pending.append((partition, _submit(client, settings, partition, f"dateline-{run_key}-{number}")))
                if len(pending) >= limit:
                    yield from _collect(distributed, client, settings, *pending.popleft())
            while pending:
                yield from _collect(distributed, client, settings, *pending.popleft())
        finally:
            if pending:
                client.cancel([future for _, future in pending])


def _submit(client: "Client", settings: Settings, partition: list[PartitionItem], key: str) -> "Future":
    # looked up at call time, so a test can replace the worker function
    return client.submit(process_partition, settings, partition, key=key, retries=1, pure=False)


def _partitions(inputs: Iterable[Any], size: int) -> Iterator[list[PartitionItem]]:
    """Numbered inputs in lists of ``size``, read lazily; mappings and texts become SourceDocuments."""
    partition: list[PartitionItem] = []
    for n, item in enumerate(inputs, 1):
        partition.append((n, as_source(item, n)))
        if len(partition) >= size:
            yield partition
            partition = []
    if partition:
        yield partition


def _collect(distributed: ModuleType, client: "Client", settings: Settings, partition: list[PartitionItem],
             future: "Future") -> list[Article | Failure]:
    """The partition's records; when its task failed for good, its articles tried one by one.

    A task that raises has been retried once by Dask. A task whose workers died (KilledWorker) may
    only have shared a worker with the partition that crashed them, so it is submitted once more.
    After that each article goes to the cluster alone, so that only the article at fault fails.
    """
    try:
        return _result(future, len(partition), client)
    except distributed.KilledWorker as exc:
        log.warning("partition %s lost its workers (%s): submitting it once more", future.key, exc)
        future = _submit(client, settings, partition, f"{future.key}-again")
        error: BaseException = exc
    except (Exception, asyncio.CancelledError) as exc:
        error, future = exc, None
    if future is not None:
        try:
            return _result(future, len(partition), client)
        except (Exception, asyncio.CancelledError) as exc:
            error = exc
    log.warning("partition of inputs %d-%d failed on the cluster (%s: %s): trying its articles one by one",
                partition[0][0], partition[-1][0], type(error).__name__, error)
    return _one_by_one(client, settings, partition)


def _one_by_one(client: "Client", settings: Settings, partition: list[PartitionItem]) -> list[Article | Failure]:
    """Each article of a failed partition in a task of its own; one that fails again is a Failure."""
    key = uuid.uuid4().hex[:12]
    pending = [(n, item, _submit(client, settings, [(n, item)], f"dateline-alone-{key}-{n}"))
               if isinstance(item, SourceDocument) else (n, item, None) for n, item in partition]
    results: list[Article | Failure] = []
    for n, item, future in pending:
        if future is None:  # it had failed before it reached the cluster: keep that reason
            results.append(item)
            continue
        try:
            results.extend(_result(future, 1, client))
        except (Exception, asyncio.CancelledError) as exc:
            log.error("input %d failed on the cluster on its own: %s: %s", n, type(exc).__name__, exc)
            detail = (f"the task for this article failed on the cluster, also when tried again and on its "
                      f"own ({type(exc).__name__}: {exc}); run it again, or locally without --dask")
            results.append(_worker_failure(item, n, detail))
    return results


# seconds a task may wait while the cluster has no worker at all before it is given up
NO_WORKERS_LIMIT = 60.0
_POLL = 5.0


def _live_workers(client: "Client") -> int:
    """How many workers the scheduler has now (0 when it cannot be asked)."""
    try:
        return len(client.nthreads())
    except Exception:  # noqa: BLE001 - a scheduler that cannot answer has no worker for us
        return 0


def _result(future: "Future", expected: int, client: "Client | None" = None) -> list[Article | Failure]:
    """A finished task's records (raises what the task raised); releases the task. Raises
    DistributedError when the cluster has had no worker for ``NO_WORKERS_LIMIT`` seconds (a
    cluster whose workers all died and were not replaced would otherwise be waited on forever)."""
    try:
        without_workers = 0.0
        while True:
            try:
                results = future.result(timeout=_POLL if client is not None else None)
                break
            except TimeoutError:
                # the task's own TimeoutError; a task that finished but whose result was lost with
                # its worker reports done() too, while the scheduler computes it again: keep waiting
                if client is None or getattr(future, "status", None) == "error":
                    raise
                # ask the scheduler itself: the client's cached scheduler_info() can still list
                # workers that died (a crash-test run waited on it for minutes)
                without_workers = 0.0 if _live_workers(client) else without_workers + _POLL
                if without_workers >= NO_WORKERS_LIMIT:
                    raise DistributedError(f"the cluster has had no worker for {NO_WORKERS_LIMIT:.0f} s: "
                                           "start workers, or run without --dask") from None
    finally:
        future.release()
    if not isinstance(results, list) or len(results) != expected:
        raise DistributedError(f"the worker returned {type(results).__name__} instead of {expected} records")
    return results


def _worker_failure(item: SourceDocument | Failure, n: int, detail: str) -> Failure:
    if isinstance(item, Failure):  # it had failed before it reached the cluster: keep that reason
        return item
    return Failure(origin=printable(item.origin or f"<input {n}>"), stage="distributed", reason="worker-error",
                   id=printable(item.id or article_id(item.text)), detail=printable(detail))


def _dateline_version() -> str:
    """The dateline version this process runs (asked of every worker)."""
    from .version import __version__

    return __version__


def _check_workers(client: "Client") -> None:
    """Fail early, once, when the workers cannot run this dateline (rather than once per article)."""
    from .version import __version__

    try:
        versions = client.run(_dateline_version)
    except Exception as exc:
        raise DistributedError(f"the Dask workers cannot run dateline ({type(exc).__name__}: {exc}): "
                               f"install dateline {__version__} on every worker") from exc
    wrong = {worker: version for worker, version in versions.items() if version != __version__}
    if wrong:
        listed = ", ".join(f"{worker} has {version}" for worker, version in sorted(wrong.items()))
        raise DistributedError(f"the Dask workers run another dateline than this one ({__version__}): "
                               f"{listed}; install the same version everywhere")


def _ensure_gazetteer(settings: Settings) -> None:
    """Build a missing or outdated gazetteer once here, rather than once in every local worker."""
    if settings.places:
        from .knowledge.gazetteer import open_gazetteer_file

        with open_gazetteer_file(settings.gazetteer):
            pass


@contextlib.contextmanager
def _client(distributed: ModuleType, target: Any, *, settings: Settings, n_workers: int | None,
            timeout: float) -> Iterator["Client"]:
    """A client for the target; a cluster or client made here is closed on exit."""
    if isinstance(target, distributed.Client):
        yield target
        return
    if target is None:
        try:
            client = distributed.default_client()
        except ValueError as exc:
            raise DistributedError("no Dask client is running in this process: pass a scheduler "
                                   "address, a Client, or 'local'") from exc
        yield client
        return
    if not isinstance(target, str) or not target.strip():
        raise DistributedError(f"expected 'local', a scheduler address or a Client, got {target!r}")
    if target == "local":
        workers = n_workers or (settings.processes if settings.processes > 1 else os.cpu_count() or 1)
        _ensure_gazetteer(settings)
        try:  # the scheduler serves HTTP whatever the options: on a free port of this machine only
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                               dashboard_address="127.0.0.1:0")
        except Exception as exc:
            raise DistributedError(f"could not start a local Dask cluster of {workers} workers: "
                                   f"{type(exc).__name__}: {exc}") from exc
        with cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(target, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerUnreachableError(
            f"cannot reach a Dask scheduler at {target} within {timeout:g} s ({type(exc).__name__}: {exc}): "
            "check the address (tcp://host:8786) and that `dask scheduler` runs there, or use 'local'"
        ) from exc
    with client:
        yield client
