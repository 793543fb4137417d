"""Issue 12, item 8: a run ended by ``kill -9`` is marked interrupted when the next one starts."""

from __future__ import annotations

import os
import subprocess
import sys

from dateline.store import Store
from dateline.store.store import process_alive, process_start, this_process


def _status(store: Store) -> dict[int, str]:
    return {r["id"]: r["status"] for r in store.runs()}


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_run_records_its_process(store):
    run = store.start_run({})
    row = store.connection.execute("SELECT host, pid, process_started FROM runs WHERE id = ?", (run,)).fetchone()
    assert tuple(row) == this_process()
    assert process_alive(os.getpid(), row["process_started"])


def test_runs_whose_process_is_gone_are_marked_interrupted_at_the_next_start(store):
    dead, reused, old, elsewhere, alive, finished = (store.start_run({}) for _ in range(6))
    store.finish_run(finished, {"articles": 1})
    update = store.connection.execute
    update("UPDATE runs SET pid = ? WHERE id = ?", (_dead_pid(), dead))
    update("UPDATE runs SET process_started = 'x' WHERE id = ?", (reused,))  # our pid, another process
    update("UPDATE runs SET host = NULL, pid = NULL WHERE id = ?", (old,))  # from before runs kept it
    update("UPDATE runs SET host = 'another-machine', pid = 1 WHERE id = ?", (elsewhere,))
    assert set(store.mark_interrupted()) == {dead, reused, old}
    assert _status(store) == {dead: "interrupted", reused: "interrupted", old: "interrupted",
                              elsewhere: "running", alive: "running", finished: "finished"}
    (row,) = [r for r in store.runs() if r["id"] == dead]
    assert "re-run" in row["summary"]["interrupted"]
    assert store.mark_interrupted() == []


def test_start_run_does_it(store):
    dead = store.start_run({})
    store.connection.execute("UPDATE runs SET pid = ? WHERE id = ?", (_dead_pid(), dead))
    new = store.start_run({})
    assert _status(store) == {dead: "interrupted", new: "running"}


def test_process_start_names_one_process():
    assert process_start(os.getpid()) == process_start(os.getpid())
    assert not process_alive(_dead_pid(), None) and not process_alive(0, None)
