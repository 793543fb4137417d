"""Where an event happened: the place its trigger attaches to, else the nearest place of its
clause, else the dateline when the event is local. Also the agencies' home countries."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ...knowledge.cache import SHARED
from ...knowledge.gazetteer_build import read_tsv
from ...knowledge.gazetteer_names import normalize
from ...records import Location, Place
from ..syntax.labels import VERBAL_POS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["event_location", "agency_country", "location_of"]

# Prepositions that put an event somewhere ("in Idlib", "near Aleppo", "east of the Euphrates").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around",
                            "within", "on", "over", "along", "off", "into", "of"})
# Syntactic roles in which a place is an actor, not a location ("Ankara announced").
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent", "iobj", "appos"})


def _read_agencies() -> dict[str, str]:
    """Agency name (normalised) -> ISO3 home country, from the packaged ``geo_agencies.tsv``."""
    path = Path(str(resources.files("dateline.knowledge") / "data" / "geo_agencies.tsv"))
    return {normalize(row[0]): row[1] for row in read_tsv(path) if len(row) >= 2}


def agency_country(agency: str | None) -> str | None:
    """The ISO3 home country of a news agency ("TASS" → "RUS"), or None."""
    if not agency:
        return None
    return SHARED.get("geo_agencies", (), _read_agencies).get(normalize(agency))


def location_of(place: Place | Location) -> Location:
    """The event-data view of a place mention."""
    if isinstance(place, Location):
        return place
    return Location(text=place.text, name=place.name, lat=place.lat, lon=place.lon, country=place.country,
                    start=place.start, end=place.end, geonameid=place.geonameid)


def _place_of(token: "Token", places: Sequence[Place]) -> Place | None:
    for p in places:
        if p.start <= token.idx < p.end:
            return p
    return None


def _locative_places(head: "Token", places: Sequence[Place], depth: int) -> list[Place]:
    """Places in "in/near/at X" phrases under ``head`` (breadth first, ``depth`` levels)."""
    found: list[Place] = []
    frontier = [head]
    for _ in range(depth):
        nxt = []
        for tok in frontier:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                    objects = [t for t in child.children if t.dep_ == "pobj"]
                    objects += [c for t in objects for c in t.conjuncts]
                    for obj in objects:
                        p = _place_of(obj, places)
                        if p is not None and p not in found:
                            found.append(p)
                elif child.dep_ not in ("ccomp", "xcomp", "advcl", "relcl", "conj", "prep", "acl"):
                    nxt.append(child)  # "struck [targets in Idlib]", not "contacts [on X in Y]"
        frontier = nxt
        if found:
            break
    return found


def _in_locative_phrase(token: "Token") -> bool:
    """The token is the object of "in/near/at ..." (not "according to", not an actor)."""
    if token.dep_ not in ("pobj", "conj"):
        return False
    for anc in token.ancestors:
        if anc.dep_ == "prep":
            return anc.lower_ in LOCATIVE_PREPS and anc.head.lower_ != "according"
        if anc.pos_ in VERBAL_POS:
            return False
    return False


def event_location(doc: "Doc", places: Sequence[Place], *, start: int, end: int, sentence_start: int,
                   sentence_end: int, dateline_place: Place | Location | None = None) -> Location | None:
    """The place an event (trigger at ``start:end``) happened in, or None when the text does not say.

    Looks for a locative phrase attached to the trigger ("struck in Idlib"), then the nearest
    place of the trigger's clause that is not one of its actors, then the dateline's place when
    the sentence names no other place.
    """
    in_sentence = [p for p in places if sentence_start <= p.start and p.end <= sentence_end and p.lat is not None]
    span = doc.char_span(start, end, alignment_mode="expand")
    trigger = list(span) if span is not None else []
    if trigger and in_sentence:
        head = min(trigger, key=lambda t: len(list(t.ancestors)))
        attached = _locative_places(head, in_sentence, depth=3)
        if attached:
            return location_of(attached[0])
        candidates = []
        for p in in_sentence:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root  # in the trigger's clause: the head's subtree (its descendants and itself)
            if not (root.i == head.i or head.is_ancestor(root)) or not _in_locative_phrase(root):
                continue
            candidates.append((abs(p.start - start), p))
        if candidates:
            return location_of(min(candidates, key=lambda dp: dp[0])[1])
        return None
    if not in_sentence and dateline_place is not None:
        return location_of(dateline_place)
    return None
