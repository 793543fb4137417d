"""Helpers shared by the event coder tests: code one sentence with the stand-in actor coder
installed by each module (``country_word_actors``), and read events as (type, sources, targets)."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.extract.events import events
from dateline.records import Event, Place


def run(nlp, text: str, *, places: Sequence[Place] = (), anchor: str = "2024-05-01") -> list[Event]:
    """The events dateline codes for ``text`` alone (no layout, actors, quotes or times)."""
    return events(nlp(text), layout=None, actors=[], quotes=[], times=[], places=list(places), anchor=anchor,
                  knowledge=None)


def dyads(evs: Sequence[Event]) -> list[tuple[str, list[str], list[str]]]:
    """(type, source countries, target countries) of the asserted, planned or reported events."""
    return [(e.type, sorted({a.country for a in e.source if a.country}),
             sorted({a.country for a in e.target if a.country}))
            for e in evs if e.status not in ("negated", "hypothetical")]
