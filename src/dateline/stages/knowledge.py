"""The Knowledge bundle: everything the stages look things up in, built once from the Settings.

Every file a user may extend reaches its loader from here, named by a ``Settings`` field: the wire
layout (``wire_files``), the actor tables with their leaders and organisations (``actor_files``),
the quote cues (``quote_files``), the time lexicon (``time_files``), the event trigger patterns
(``event_files``), the event word lists (``event_word_files``), the PLOVER table
(``plover_files``) and the place words (``geo_word_files``); the gazetteer (``gazetteer``) and
the learned event decider (``event_coder``) too. A :class:`~dateline.pipeline.Pipeline` builds
one bundle and hands it to every stage; nothing is loaded per article.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..extract.places import Gazetteer, open_gazetteer
from ..knowledge.actor_codes import ActorKnowledge
from ..knowledge.cache import SHARED, KnowledgeCache
from ..knowledge.event_patterns import EventLexicon, EventPatterns
from ..knowledge.gazetteer_words import GeoWords
from ..knowledge.plover import PloverTable
from ..knowledge.quote_cues import QuoteCues
from ..knowledge.time_lexicon import TimeLexicon
from ..knowledge.wire import WireKnowledge
from ..learn import EventDecider, load_event_decider
from ..settings import Settings

__all__ = ["Knowledge", "KNOWLEDGE_FIELDS"]

KNOWLEDGE_FIELDS = ("actor_files", "wire_files", "time_files", "event_files", "quote_files", "event_word_files",
                    "plover_files", "geo_word_files", "gazetteer", "places", "event_coder")
"""The Settings fields a bundle depends on: pipelines that agree on them share one bundle."""


@dataclass
class Knowledge:
    """What the stages read: loaded tables, the learned decider, and the gazetteer (opened on first use).

    Build it with :meth:`from_settings`; ``decider`` is None when the rules decide alone
    (``event_coder="rules"``); ``gazetteer`` is None when places are turned off.
    """

    settings: Settings
    wire: WireKnowledge
    actors: ActorKnowledge
    quote_cues: QuoteCues
    time_lexicon: TimeLexicon
    event_patterns: EventPatterns
    event_lexicon: EventLexicon
    plover: PloverTable
    geo_words: GeoWords
    decider: EventDecider | Any | None = None
    _gazetteer: tuple[int, Gazetteer] | None = field(default=None, repr=False)
    _lock: Any = field(default_factory=threading.Lock, repr=False, compare=False)

    @classmethod
    def from_settings(cls, settings: Settings, cache: KnowledgeCache | None = None) -> "Knowledge":
        """The bundle for ``settings``: from ``cache`` (default: the process's) when it holds one
        for the same files, else loaded now. Raises ``KnowledgeFileError`` for a bad file and
        ``ModelNotFoundError`` for a missing event model."""
        cache = SHARED if cache is None else cache
        key = tuple(getattr(settings, name) for name in KNOWLEDGE_FIELDS)
        return cache.get("bundle", key, lambda: cls._load(settings, cache))

    @classmethod
    def _load(cls, settings: Settings, cache: KnowledgeCache) -> "Knowledge":
        plover = cache.plover(settings.plover_files)
        decider = None
        if settings.event_coder != "rules":
            path = None if settings.event_coder == "model" else Path(settings.event_coder)
            decider = load_event_decider(path, table=plover)
        return cls(settings=settings, wire=cache.wire(settings.wire_files),
                   actors=cache.actors(settings.actor_files), quote_cues=cache.quote_cues(settings.quote_files),
                   time_lexicon=cache.time_lexicon(settings.time_files),
                   event_patterns=cache.event_patterns(settings.event_files),
                   event_lexicon=cache.event_lexicon(settings.event_word_files), plover=plover,
                   geo_words=cache.geo_words(settings.geo_word_files), decider=decider)

    @property
    def gazetteer(self) -> Gazetteer | None:
        """The gazetteer the settings name (built on first use), or None with places turned off.

        Each process opens its own connection: a forked worker never uses its parent's.
        """
        if not self.settings.places:
            return None
        with self._lock:
            if self._gazetteer is None or self._gazetteer[0] != os.getpid():
                self._gazetteer = (os.getpid(), open_gazetteer(self.settings))
            return self._gazetteer[1]

    def with_decider(self, decider: EventDecider | Any | None) -> "Knowledge":
        """A copy whose events are decided by ``decider`` (training records the rules' proposals so)."""
        return dataclasses.replace(self, decider=decider, _lock=threading.Lock())
