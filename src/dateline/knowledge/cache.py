"""One explicit cache of loaded knowledge, kept by what it was loaded from.

Loading the knowledge takes seconds (the actor tables, the trigger patterns, the event model), so
pipelines with the same files share what was loaded: a :class:`KnowledgeCache` holds it, keyed by
the kind of knowledge and the files (or settings) it came from. A pipeline is given one (by
default :data:`SHARED`, the process's cache) and can be given its own; :meth:`KnowledgeCache.clear`
forgets everything, for a test or after a knowledge file changed on disk.

>>> cache = KnowledgeCache()
>>> cache.get("demo", ("a.yaml",), lambda: {"loaded": True})
{'loaded': True}
>>> len(cache)
1
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from .actor_codes import ActorKnowledge
from .actors import load_actor_knowledge

__all__ = ["KnowledgeCache", "SHARED"]

T = TypeVar("T")


class KnowledgeCache:
    """Loaded knowledge by ``(kind, key)``; each entry is loaded once, even from several threads."""

    def __init__(self) -> None:
        self._loaded: dict[tuple[str, Hashable], Any] = {}
        self._lock = threading.RLock()

    def get(self, kind: str, key: Hashable, load: Callable[[], T]) -> T:
        """The entry ``(kind, key)``, loaded by ``load()`` the first time it is asked for.

        A ``load`` that raises stores nothing: the next call tries again (and raises again).
        """
        with self._lock:
            entry = (kind, key)
            if entry not in self._loaded:
                self._loaded[entry] = load()
            return self._loaded[entry]

    def actors(self, files: Iterable[str | Path] = ()) -> ActorKnowledge:
        """The actor knowledge: packaged files plus ``files`` (see :func:`load_actor_knowledge`)."""
        extra = tuple(Path(f) for f in files)
        return self.get("actors", extra, lambda: load_actor_knowledge(extra))

    def clear(self) -> None:
        """Forget everything loaded."""
        with self._lock:
            self._loaded.clear()

    def __len__(self) -> int:
        return len(self._loaded)


SHARED = KnowledgeCache()
"""The process's cache: what a :class:`~dateline.pipeline.Pipeline` uses unless given its own, and
what the extractors fall back on when called without knowledge."""
