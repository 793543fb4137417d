"""Distributed runs: the records of a local run, in order, and no article lost when a task fails."""

from __future__ import annotations

import os
import pickle
import sys
from types import SimpleNamespace

import pytest

from dateline import Pipeline, Settings
from dateline.records import Article, Failure, SourceDocument

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

from dateline import distributed as dist_mod  # noqa: E402
from dateline.distributed import (  # noqa: E402
    DaskNotInstalledError,
    DistributedError,
    SchedulerUnreachableError,
    run_distributed,
)

STORY = ("MOSCOW, March 4. /TASS/. Russian President Vladimir Putin said on Monday that Russia "
         "would send humanitarian aid to Syria.")
OTHER = ("ANKARA, May 2 (Reuters) - Turkish police detained twelve protesters in Istanbul on "
         "Friday, the interior ministry said.")

INPUTS = [
    {"id": "a1", "text": STORY, "published": "2020-03-04", "source": "TASS"},
    {"id": "empty", "text": "   "},
    OTHER,
    {"id": "no-text", "title": "a title alone"},
    SourceDocument(text=STORY.replace("Syria", "Libya")),
    Failure(origin="feed.jsonl:7", stage="read", reason="bad-json", detail="not JSON"),
    {"id": "a7", "text": OTHER.replace("Istanbul", "Izmir"), "published": "2021-05-02"},
]
SETTINGS = Settings(batch_size=2, max_chars=2_000, places=False)


@pytest.fixture(scope="module")
def client():
    """An in-process cluster of one worker thread (fast to start, shares this process's modules)."""
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1,
                                  dashboard_address="127.0.0.1:0") as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def local_results():
    return list(Pipeline(SETTINGS).run(INPUTS))


def _dicts(results):
    return [r.to_dict(include_text=True) if isinstance(r, Article) else r.to_dict() for r in results]


@pytest.mark.slow  # a Dask cluster running the spaCy pipeline
def test_records_pickle_round_trip(local_results):
    article = next(r for r in local_results if isinstance(r, Article))
    assert article.events or article.actors or article.times
    for record in local_results:
        copy = pickle.loads(pickle.dumps(record))
        assert copy == record


@pytest.mark.slow  # a Dask cluster running the spaCy pipeline
@pytest.mark.parametrize("partition_size, max_in_flight", [(1, 1), (2, None), (3, 2), (256, None)])
def test_same_records_in_the_same_order_as_a_local_run(client, local_results, partition_size, max_in_flight):
    results = list(run_distributed(INPUTS, settings=SETTINGS, client_or_address=client,
                                   partition_size=partition_size, max_in_flight=max_in_flight))
    assert _dicts(results) == _dicts(local_results)
    assert results == local_results  # origins too, which the store keeps


@pytest.mark.slow  # a Dask cluster running the spaCy pipeline
def test_failures_pass_through(client):
    results = list(run_distributed(INPUTS, settings=SETTINGS, client_or_address=client, partition_size=2))
    failures = [r for r in results if isinstance(r, Failure)]
    assert [f.reason for f in failures] == ["empty", "no-text", "bad-json"]
    assert [f.origin for f in failures] == ["<input 2>", "<input 4>", "feed.jsonl:7"]


@pytest.mark.slow  # a Dask cluster running the spaCy pipeline
def test_a_lone_surrogate_fails_alone_and_takes_no_other_article_with_it(client):
    inputs = [INPUTS[0], {"id": "lone", "text": "Bad \ud800 text. " + STORY}, OTHER]
    results = list(run_distributed(inputs, settings=SETTINGS, client_or_address=client, partition_size=3))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert results[1].reason == "invalid-unicode" and results[1].id == "lone"
    assert results == list(Pipeline(SETTINGS).run(inputs))


@pytest.mark.slow  # a Dask cluster running the spaCy pipeline
def test_inputs_are_read_lazily(client):
    read: list[int] = []

    def stream():
        for n, text in enumerate([STORY, OTHER] * 5, 1):
            read.append(n)
            yield text

    results = run_distributed(stream(), settings=SETTINGS, client_or_address=client,
                              partition_size=1, max_in_flight=2)
    first = next(results)
    assert isinstance(first, Article)
    assert len(read) <= 3
    results.close()


# -- a partition whose task fails ------------------------------------------------------------------

CALLS: dict[str, int] = {"n": 0}
REAL_PROCESS_PARTITION = dist_mod.process_partition


def _fails_on_turkish_police(settings, items):
    CALLS["n"] += 1
    if any(isinstance(item, SourceDocument) and "Turkish police" in item.text for _, item in items):
        raise RuntimeError("worker fell over")
    return REAL_PROCESS_PARTITION(settings, items)


def _fails_once(settings, items):
    CALLS["n"] += 1
    if CALLS["n"] == 1:
        raise RuntimeError("transient")
    return REAL_PROCESS_PARTITION(settings, items)


@pytest.fixture
def patched(monkeypatch):
    """Replace the worker function (the in-process cluster shares this module, and CALLS)."""
    CALLS["n"] = 0

    def use(fake):
        monkeypatch.setattr(dist_mod, "process_partition", fake)

    return use


@pytest.mark.slow  # a Dask cluster running the spaCy pipeline
def test_a_failing_partition_is_retried_then_tried_article_by_article(client, patched, local_results):
    patched(_fails_on_turkish_police)
    results = list(run_distributed(INPUTS, settings=SETTINGS, client_or_address=client, partition_size=3))
    assert len(results) == len(INPUTS)
    # partition 1 holds a1, "empty" and OTHER; partition 3 holds "a7" alone
    assert isinstance(results[2], Failure) and results[2].stage == "distributed"
    assert results[2].reason == "worker-error" and "worker fell over" in results[2].detail
    assert results[2].origin == "<input 3>" and results[2].id.startswith("sha1-")
    assert isinstance(results[6], Failure) and results[6].id == "a7" and results[6].reason == "worker-error"
    # the good articles of the failed partition come back as from a local run; the rest is untouched
    assert [results[i] for i in (0, 1, 3, 4, 5)] == [local_results[i] for i in (0, 1, 3, 4, 5)]
    # three partitions, a retry for each of the two that failed, then their articles alone:
    # a1 and "empty" once, OTHER and a7 twice (they fail again and are retried once)
    assert CALLS["n"] == 3 + 2 + 1 + 1 + 2 + 2


@pytest.mark.slow  # a Dask cluster running the spaCy pipeline
def test_a_partition_that_fails_once_succeeds_on_retry(client, patched, local_results):
    patched(_fails_once)
    results = list(run_distributed(INPUTS, settings=SETTINGS, client_or_address=client, partition_size=7))
    assert results == local_results
    assert CALLS["n"] == 2


def _loses_its_workers(settings, items):
    CALLS["n"] += 1
    if any(isinstance(item, SourceDocument) and "Turkish police" in item.text for _, item in items):
        raise distributed.KilledWorker("dateline-test", SimpleNamespace(address="tcp://127.0.0.1:1"), 3)
    return REAL_PROCESS_PARTITION(settings, items)


@pytest.mark.slow  # a Dask cluster running the spaCy pipeline
def test_a_partition_whose_workers_died_is_submitted_once_more_then_split(client, patched, local_results):
    patched(_loses_its_workers)
    results = list(run_distributed(INPUTS, settings=SETTINGS, client_or_address=client, partition_size=7))
    assert [r.reason if isinstance(r, Failure) else "ok" for r in results] == [
        "ok", "empty", "worker-error", "no-text", "ok", "bad-json", "worker-error"]
    assert "KilledWorker" in results[2].detail
    assert [results[i] for i in (0, 1, 3, 4, 5)] == [local_results[i] for i in (0, 1, 3, 4, 5)]
    # Dask's retry, then ours with its own retry; then a1, "empty", Libya once and OTHER, a7 twice alone
    assert CALLS["n"] == 4 + 3 + 2 + 2


# -- errors that stop a run before it starts -------------------------------------------------------

def test_missing_dask_gives_an_install_hint(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(DaskNotInstalledError, match=r"pip install 'dateline\[dask\]'"):
        run_distributed([STORY], settings=SETTINGS)


def test_an_unreachable_scheduler_is_a_clear_error():
    results = run_distributed([STORY], settings=SETTINGS, client_or_address="tcp://127.0.0.1:9", timeout=1)
    with pytest.raises(SchedulerUnreachableError, match="cannot reach a Dask scheduler at tcp://127.0.0.1:9"):
        next(results)


@pytest.mark.slow  # a Dask cluster running the spaCy pipeline
def test_workers_running_another_dateline_are_refused_before_any_work(client, monkeypatch):
    monkeypatch.setattr(dist_mod, "_dateline_version", lambda: "0.0.0-other")
    with pytest.raises(DistributedError, match=r"another dateline than this one .*0\.0\.0-other"):
        next(run_distributed([STORY], settings=SETTINGS, client_or_address=client))


@pytest.mark.parametrize("kwargs", [{"partition_size": 0}, {"max_in_flight": 0}])
def test_bad_sizes_are_refused(kwargs):
    with pytest.raises(DistributedError):
        run_distributed([STORY], settings=SETTINGS, **kwargs)


# -- the command line (`--dask`, from /work/notes/dask_cli.patch) ---------------------------------



def _corpus(folder):
    import json

    path = folder / "corpus.jsonl"
    lines = [json.dumps({"id": f"s{i}", "text": text, "published": "2020-03-04"})
             for i, text in enumerate([STORY, OTHER, STORY.replace("Syria", "Yemen")])]
    path.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow  # a Dask cluster running the spaCy pipeline
def test_extract_with_dask_writes_what_a_local_run_writes(client, tmp_path):
    from click.testing import CliRunner

    from dateline.cli import main

    corpus = _corpus(tmp_path)
    outputs = {}
    for name, extra in (("local", []), ("dask", ["--dask", client.scheduler.address, "--partition-size", "2"])):
        out = tmp_path / f"{name}.jsonl"
        result = CliRunner().invoke(main, ["extract", str(corpus), "-o", str(out), "--no-places", *extra])
        assert result.exit_code == 0, result.output
        assert "malformed-json" in result.output and "articles: 3" in result.output
        outputs[name] = out.read_text(encoding="utf-8")
    assert outputs["dask"] == outputs["local"]


@pytest.mark.slow  # a Dask cluster running the spaCy pipeline
def test_ingest_with_dask_writes_in_the_driver_and_stays_idempotent(client, tmp_path):
    import sqlite3

    from click.testing import CliRunner

    from dateline.cli import main

    corpus, db = _corpus(tmp_path), tmp_path / "dask.db"
    args = ["ingest", str(corpus), "--db", str(db), "--no-places", "--dask", client.scheduler.address,
            "--partition-size", "2", "--commit-every", "2"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "3 new" in first.output
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0, second.output
    assert "3 unchanged" in second.output
    with sqlite3.connect(db) as con:
        assert [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id")] == ["s0", "s1", "s2"]


def test_the_cli_reports_an_unreachable_scheduler_in_one_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from dateline.cli import main

    monkeypatch.setitem(dist_mod.run_distributed.__kwdefaults__, "timeout", 1)
    result = CliRunner().invoke(main, ["extract", str(_corpus(tmp_path)), "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach a Dask scheduler at tcp://127.0.0.1:9" in result.output


# -- the real thing ---------------------------------------------------------------------------------

def _crashes_on_marker(settings, items):
    if any(isinstance(item, SourceDocument) and "CRASH-THIS-WORKER" in item.text for _, item in items):
        os._exit(3)
    return REAL_PROCESS_PARTITION(settings, items)


@pytest.mark.slow
def test_a_local_cluster_of_two_processes_gives_the_local_records_and_survives_a_crash(monkeypatch):
    poison = SourceDocument(text="CRASH-THIS-WORKER " + STORY, id="poison", origin="poison.txt")
    inputs = [*INPUTS, poison, *INPUTS]
    monkeypatch.setattr(dist_mod, "process_partition", _crashes_on_marker)  # the workers import this module
    # a task is given up after two workers died under it (Dask's default is four): the path is the
    # same, with half the worker restarts, each of which loads spaCy again
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        results = list(run_distributed(inputs, settings=SETTINGS, client_or_address="local",
                                       partition_size=4, n_workers=2))
    expected = list(Pipeline(SETTINGS).run(inputs))
    assert len(results) == len(inputs)
    lost = [i for i, r in enumerate(results) if r != expected[i]]
    assert all(isinstance(results[i], Failure) and results[i].reason == "worker-error" for i in lost)  # none silently
    # the cluster replaces its dead workers: the poison is lost, the rest of its partition is tried
    # again article by article. An innocent article is lost only when workers died under it too
    # (on a loaded machine it can share the poison's worker four times, or the local cluster stops
    # replacing workers): then it is given up with that reason instead of hanging
    assert 7 in lost
    for i in lost:
        assert i == 7 or "KilledWorker" in results[i].detail or "no worker" in results[i].detail, results[i]
    assert results[7].reason == "worker-error"
    assert results[7].id == "poison"


def test_a_task_is_given_up_when_the_cluster_has_no_worker_left(monkeypatch):
    """A cluster whose workers all died is not waited on forever."""

    class Pending:
        key = "k"
        status = "pending"

        def result(self, timeout=None):
            raise TimeoutError

        def release(self):
            pass

    class Empty:
        def nthreads(self):
            return {}

    monkeypatch.setattr(dist_mod, "_POLL", 0.0)
    monkeypatch.setattr(dist_mod, "NO_WORKERS_LIMIT", 0.0)
    with pytest.raises(dist_mod.DistributedError, match="no worker"):
        dist_mod._result(Pending(), 1, Empty())


class _LostThenFound:
    """A task that had finished, lost its result with its worker, and is computed again."""

    key = "k"
    status = "finished"

    def __init__(self, records):
        self.records, self.asked = records, 0

    def result(self, timeout=None):
        self.asked += 1
        if self.asked < 3:
            raise TimeoutError
        return self.records

    def release(self):
        pass


class _Workers:
    def nthreads(self):
        return {"w": 1}


def test_a_finished_task_whose_result_was_lost_is_waited_for(monkeypatch):
    monkeypatch.setattr(dist_mod, "_POLL", 0.0)
    task = _LostThenFound(["record"])
    assert dist_mod._result(task, 1, _Workers()) == ["record"]
    assert task.asked == 3


def test_a_task_that_raised_timeouterror_itself_fails_at_once(monkeypatch):
    monkeypatch.setattr(dist_mod, "_POLL", 0.0)
    task = _LostThenFound(["record"])
    task.status = "error"
    with pytest.raises(TimeoutError):
        dist_mod._result(task, 1, _Workers())
    assert task.asked == 1
