"""The article's scene: the country where its acts happen, for actors the text names without
saying whose they are ("police", "prosecutors", "five men", a local official absent from the
leaders file). Such actors take the scene's country, marked ``kind: "scene"`` so that a user can
tell an inferred code from a stated one.

The scene is the country of the dateline's place when it resolves, else the country that the
article's resolved places and coded actors name most, when it holds at least ``MIN_SHARE`` of
those mentions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ...records import Actor, Event, Layout, Place

__all__ = ["article_scene", "with_scene"]

MIN_SHARE = 0.4
_NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
_DATELINE_WEIGHT = 3


def article_scene(layout: Layout | None, places: Sequence[Place], actors: Sequence[Actor]) -> str | None:
    """The country (ISO alpha-3) where the article's acts happen, or None when it is unclear."""
    dateline = layout.dateline if layout is not None else None
    counts: Counter[str] = Counter()
    for p in places:
        if not p.country:
            continue
        on_dateline = (dateline is not None and dateline.place_span is not None
                       and dateline.place_span.start <= p.start < dateline.place_span.end)
        counts[p.country] += _DATELINE_WEIGHT if on_dateline else 1
    for a in actors:
        if a.country and a.country not in _NON_STATE:
            counts[a.country] += 1
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n / sum(counts.values()) >= MIN_SHARE else None


_DOUBLE = re.compile(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)\b")


def _double_nationality(text: str, knowledge: Any) -> set[str]:
    """The two countries of a double demonym in ``text`` ("a French-Algerian man" -> FRA, DZA)."""
    m = _DOUBLE.search(text)
    if m is None or knowledge is None:
        return set()
    codes = [knowledge.demonym(w) for w in m.groups()]
    countries = {c.country for c in codes if c is not None and c.kind == "state" and c.country}
    return countries if len(countries) == 2 else set()


def _scened(actor: Actor, scene: str, knowledge: Any = None) -> Actor:
    if not actor.text:
        return actor
    if actor.country:
        # "a French-Algerian man" arrested in Algeria: the half that is the scene
        if actor.country != scene and scene in _double_nationality(actor.text, knowledge):
            return replace(actor, country=scene, kind="scene")
        return actor
    return replace(actor, country=scene, kind="scene")


def with_scene(event: Event, scene: str | None, knowledge: Any = None) -> Event:
    """The event with its uncoded actors given the scene's country; with the actor
    ``knowledge``, an actor of double nationality takes the half that is the scene."""
    if scene is None:
        return event
    return replace(event, source=tuple(_scened(a, scene, knowledge) for a in event.source),
                   target=tuple(_scened(a, scene, knowledge) for a in event.target))
