"""Repeats of one act: within a sentence one verbal event per type and dyad; across the article
a headline or standfirst event repeated in the body, and statements repeated in quotes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...records import Actor, Event, Layout

__all__ = ["merge_in_sentence", "dedupe_article"]

_HEAD_ZONES = ("title", "standfirst")


def _countries(actors: Iterable[Actor]) -> frozenset[str]:
    return frozenset(a.country for a in actors if a.country)


def _dyad_key(e: Event) -> tuple[str, frozenset[str], frozenset[str]]:
    return e.type, _countries(e.source), _countries(e.target)


def merge_in_sentence(found: list[Event]) -> list[Event]:
    """One verbal event (QuadClass 1 or 3) per type and dyad within a sentence, the most confident.

    A sentence that praises, backs and supports X makes one SUPPORT event; material acts with
    the same dyad ("occupying A and taking B") stay apart. An event without a source whose type
    and target another event of the sentence has ("arrived in X for talks with X's president")
    is that event mentioned again.
    """
    best: dict[tuple[Any, ...], Event] = {}
    order: list[tuple[Any, ...]] = []
    for e in found:
        key = _dyad_key(e) + (e.status,)
        if (not key[1] and not key[2]) or e.quad not in (1, 3):
            key = key + (e.trigger.start,)
        if key not in best:
            best[key] = e
            order.append(key)
        elif (e.confidence or 0) > (best[key].confidence or 0):
            best[key] = e
    kept = [best[k] for k in order]
    # "arrived in X for talks with X's president": a second mention of the same act, without a doer
    return [e for e in kept if e.source or not any(
        o is not e and o.type == e.type and o.source and _countries(e.target) <= _countries(o.target)
        for o in kept)]


def _zone_of(e: Event, layout: Layout | None) -> str:
    if layout is None:
        return "body"
    for z in layout.zones:
        if z.start <= e.trigger.start < z.end:
            return z.kind
    return "body"


def _overlaps(a: Event, b: Event) -> bool:
    ca, cb = _countries(a.source) | _countries(a.target), _countries(b.source) | _countries(b.target)
    return bool(ca & cb)


def dedupe_article(found: list[Event], layout: Layout | None, repeatable: frozenset[str] = frozenset()) -> list[Event]:
    """Drop repeats across the article (events of the ``repeatable`` types, lower case, are all kept).

    - a headline or standfirst event that a body event of the same type and overlapping
      countries repeats;
    - a verbal event (QuadClass 1 or 3) or a planned one that an earlier event repeats with the
      same type, mode, source and target countries (statements are repeated in quotes; material
      acts with the same dyad are often distinct acts, so they are kept).
    """
    body = [e for e in found if _zone_of(e, layout) not in _HEAD_ZONES]
    out: list[Event] = []
    seen: set[tuple[Any, ...]] = set()
    for e in found:
        if e.type.lower() in repeatable:
            out.append(e)
            continue
        key = _dyad_key(e)
        has_dyad = bool(key[1] or key[2])
        if _zone_of(e, layout) in _HEAD_ZONES and any(b.type == e.type and _overlaps(b, e) for b in body):
            continue
        if has_dyad and (e.quad in (1, 3) or e.status == "planned") and e.status not in ("negated", "hypothetical"):
            full = key + (e.mode,)
            if full in seen:
                continue
            seen.add(full)
        out.append(e)
    return out
