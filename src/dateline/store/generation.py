"""Answers kept per store generation: a total or the store's counts, counted once until the file changes.

A read-only store (``dateline serve`` opens one per request) asks :func:`cached` for answers that
count many rows — the total a page is out of, the overview's counts — and gets the one it counted
last time as long as the database file is the same *generation*: the same size, modification time
and change counter of the file, and the same size and header of its write-ahead log. Any commit
changes one of them, so a kept answer is never that of older data.
"""

from __future__ import annotations

import copy
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

__all__ = ["generation", "cached", "clear", "MAX_KEPT"]

T = TypeVar("T")

#: The most answers kept (the least recently used go first).
MAX_KEPT = 2048

_kept: OrderedDict[tuple[Hashable, ...], object] = OrderedDict()
_lock = threading.Lock()


def _stamp(path: str, header: int) -> tuple[int, int, bytes] | None:
    try:
        with open(path, "rb") as file:
            head = file.read(header)
            stat = os.fstat(file.fileno())
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, head


def generation(path: str) -> tuple[object, ...] | None:
    """What identifies the database file's current contents (None for an in-memory or missing file).

    The main file's size, time and first 100 bytes (its header holds the change counter, bumped by
    every commit in rollback-journal mode); the ``-wal`` file's size, time and 32-byte header (its
    salts change when the log restarts).
    """
    if not path or path == ":memory:":
        return None
    main = _stamp(path, 100)
    if main is None:
        return None
    return main, _stamp(path + "-wal", 32)


def cached(path: str, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or the answer it gave for ``key`` in this generation of the file at ``path``."""
    stamp = generation(path)
    if stamp is None:
        return compute()
    full = (os.path.abspath(path), stamp, *key)
    with _lock:
        if full in _kept:
            _kept.move_to_end(full)
            return copy.deepcopy(_kept[full])  # type: ignore[return-value]
    value = compute()
    if generation(path) == stamp:  # unchanged while counting: keep it
        with _lock:
            _kept[full] = value
            while len(_kept) > MAX_KEPT:
                _kept.popitem(last=False)
        return copy.deepcopy(value)
    return value


def clear() -> None:
    """Forget every kept answer."""
    with _lock:
        _kept.clear()
