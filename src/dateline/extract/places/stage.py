"""Toponyms resolved against the offline gazetteer, and where events happened.

``places(doc, layout=..., gazetteer=...)`` finds toponyms (the dateline's place, named streets
and buildings, NER entities, known places the model mislabelled, gazetteer matches it missed) and
resolves each against the gazetteer with the evidence of the whole article. ``event_location``
gives the place an event happened in.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ...knowledge.actor_codes import ActorKnowledge
from ...knowledge.cache import SHARED
from ...knowledge.gazetteer import Gazetteer, open_gazetteer_file
from ...knowledge.gazetteer_words import GeoWords
from ...nlp import doc_text
from ...records import Layout, Place
from ...settings import Settings
from .demonyms import actor_heads
from .mentions import find_mentions
from .resolve import resolve_mentions
from .where import agency_country, event_location, location_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["open_gazetteer", "places", "event_location", "location_of", "Gazetteer"]

log = logging.getLogger(__name__)


def open_gazetteer(settings: Settings) -> Gazetteer:
    """The gazetteer named by the settings (or the default one), built on first use."""
    return open_gazetteer_file(settings.gazetteer)


def _actor_nouns(actors: ActorKnowledge | None) -> frozenset[str]:
    """The actor roles' head words (:func:`actor_heads`), worked out once per actor knowledge
    (kept in the shared cache with the roles they come from, so the id cannot be reused)."""
    roles = (actors if actors is not None else SHARED.actors()).roles
    held, heads = SHARED.get("place_actor_heads", id(roles), lambda: (roles, actor_heads(roles)))
    return heads if held is roles else actor_heads(roles)


def places(doc: "Doc", *, layout: Layout | None, gazetteer: Gazetteer | None,
           demonyms: bool = False, embedded: bool = False,
           word_files: Sequence[str | Path] = (), words: GeoWords | None = None,
           actors: ActorKnowledge | None = None) -> list[Place]:
    """Toponyms of an article in text order, each resolved to a gazetteer entry when possible.

    A toponym with no gazetteer entry keeps its span with null coordinates. ``demonyms=True``
    also returns nationality words ("Syrian") resolved to their country; ``embedded=True`` also
    place names inside organisation names ("Pakistan Army"), as GeoWebNews annotates them.
    ``word_files`` are extra ``geo_words.yaml``-shaped files; ``words`` the geo words already
    loaded (a pipeline's :class:`~dateline.stages.Knowledge`), which then are used instead.
    Nationality words that qualify a thing no actor is ("the Turkish economy") are places
    whatever ``demonyms`` says; ``actors`` (default: the packaged actor knowledge) tells the
    actors' role nouns ("troops", "government").
    """
    if gazetteer is None:
        return []
    if words is None:
        words = SHARED.geo_words(word_files)
    mentions = find_mentions(doc, gazetteer=gazetteer, words=words, layout=layout, demonyms=demonyms,
                             embedded=embedded, actor_nouns=_actor_nouns(actors))
    home, bounds = None, None
    if layout is not None and layout.dateline is not None:
        home = agency_country(layout.dateline.agency)
        bounds = (layout.dateline.start, layout.dateline.end)
    return resolve_mentions(mentions, doc_text(doc), gazetteer=gazetteer, words=words, home_country=home,
                            dateline=bounds)

