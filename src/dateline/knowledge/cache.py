"""One explicit cache of what a process loads once, kept by what it was loaded from.

Loading the knowledge takes seconds (the actor tables, the trigger patterns, the event model), so
pipelines with the same files share what was loaded: a :class:`KnowledgeCache` holds it, keyed by
the kind of knowledge and the files (or settings) it came from. The loaders themselves
(``load_wire_knowledge``, ``load_event_patterns``, ...) cache nothing: each call reads its files.

A pipeline is given one cache (by default :data:`SHARED`, the process's cache) and can be given
its own. :data:`SHARED` is also where a caller that passes no knowledge gets the packaged one
(``analyse_layout(text)``, ``quotes(doc, ...)``), and where the process keeps its other loaded
things: spaCy pipelines (``nlp.load_pipeline``), a Dask worker's pipelines, the packaged
non-knowledge files (``fingerprint``, ``web.worldmap``, ``evaluate.metrics``).
:meth:`KnowledgeCache.clear` forgets everything, for a test or after a knowledge file changed on disk.

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
from .event_lexicon import EventLexicon, load_event_lexicon
from .event_patterns import EventPatterns, load_event_patterns
from .gazetteer_words import GeoWords, load_geo_words
from .plover import PloverTable, load_plover_table
from .quote_cues import QuoteCues, load_cues
from .time_lexicon import TimeLexicon, load_time_lexicon
from .wire import WireKnowledge, load_wire_knowledge

__all__ = ["KnowledgeCache", "SHARED"]

T = TypeVar("T")

Files = Iterable[str | Path]


def _key(files: Files) -> tuple[Path, ...]:
    return tuple(Path(f) for f in files)


class KnowledgeCache:
    """Loaded things by ``(kind, key)``; each entry is loaded once, even from several threads.

    The typed accessors (:meth:`wire`, :meth:`actors`, ...) return the packaged knowledge of that
    kind plus the user ``files`` given, loaded on the first call for those files.
    """

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

    def _files(self, kind: str, loader: Callable[[tuple[Path, ...]], T], files: Files) -> T:
        """What ``loader`` makes of the packaged files plus ``files``, loaded once per list of files."""
        extra = _key(files)
        return self.get(kind, extra, lambda: loader(extra))

    def actors(self, files: Files = ()) -> ActorKnowledge:
        """The actor knowledge: packaged files plus ``files`` (see :func:`load_actor_knowledge`)."""
        return self._files("actors", load_actor_knowledge, files)

    def wire(self, files: Files = ()) -> WireKnowledge:
        """The wire layout knowledge (see :func:`~dateline.knowledge.wire.load_wire_knowledge`)."""
        return self._files("wire", load_wire_knowledge, files)

    def quote_cues(self, files: Files = ()) -> QuoteCues:
        """The quote cues (see :func:`~dateline.knowledge.quote_cues.load_cues`)."""
        return self._files("quote_cues", load_cues, files)

    def time_lexicon(self, files: Files = ()) -> TimeLexicon:
        """The time lexicon and rules (see :func:`~dateline.knowledge.time_lexicon.load_time_lexicon`)."""
        return self._files("time_lexicon", load_time_lexicon, files)

    def event_patterns(self, files: Files = ()) -> EventPatterns:
        """The event trigger patterns (see :func:`~dateline.knowledge.event_patterns.load_event_patterns`)."""
        return self._files("event_patterns", load_event_patterns, files)

    def event_lexicon(self, files: Files = ()) -> EventLexicon:
        """The event word lists (see :func:`~dateline.knowledge.event_lexicon.load_event_lexicon`)."""
        return self._files("event_lexicon", load_event_lexicon, files)

    def plover(self, files: Files = ()) -> PloverTable:
        """The PLOVER table (see :func:`~dateline.knowledge.plover.load_plover_table`)."""
        return self._files("plover", load_plover_table, files)

    def geo_words(self, files: Files = ()) -> GeoWords:
        """The place words (see :func:`~dateline.knowledge.gazetteer_words.load_geo_words`)."""
        return self._files("geo_words", load_geo_words, files)

    def clear(self) -> None:
        """Forget everything loaded."""
        with self._lock:
            self._loaded.clear()

    def __len__(self) -> int:
        return len(self._loaded)


SHARED = KnowledgeCache()
"""The process's cache: what a :class:`~dateline.pipeline.Pipeline` uses unless given its own,
what the extractors and readers fall back on when called without knowledge, and where the
process keeps its spaCy pipelines."""
