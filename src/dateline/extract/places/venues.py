"""Venues: an organisation's or an event's name used as the place where something happens, which
the text locates in a town ("a briefing at the Palais des Nations in Geneva", "working at Super
Bowl 52 in Minneapolis", "studying at the Guildhall School of Music in London").

The model labels such names ORG, FAC or EVENT, and no gazetteer knows them; "at" before the name
and "in <place>" (or ", <place>") after it say that it is a site in that place. The venue is
reported as a place and resolved where the place after it is. A person's name is never a venue
("a talk by Nate Raymond in Boston"), nor a name after any other preposition ("the office of the
Congress party in Rajasthan").

An institution's name after "at" is a place even where no town follows ("a professor at Cornell
University"): a capitalized head noun ("University", "Hospital") ends or opens it. Such a venue
keeps its span with null coordinates unless the gazetteer knows it. One whose words hold a major
place ("at Moscow State University") is left to that place, an embedded toponym. So is a
name after "at" that a lower-case site noun follows ("at the Lukeoil gas station").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ...knowledge.gazetteer import Gazetteer
from .candidates import Mention, is_major

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["VENUE_SOURCE", "located_venues", "institution_venues", "sited_venues", "venues"]

VENUE_SOURCE = "venue"
VENUE_LABELS = frozenset({"ORG", "FAC", "EVENT"})
# a shop's or a concert's name before its site noun may carry any name label ("Riverdale Luke Oil")
SITE_LABELS = frozenset({"ORG", "FAC", "EVENT", "PERSON", "PRODUCT", "WORK_OF_ART", "GPE", "LOC", "NORP"})
_PLACED_SOURCES = frozenset({"ner", "gazetteer"})  # a place found by its own evidence
_MAX_TOKENS = 8


def located_venues(doc: "Doc", mentions: Sequence[Mention], taken: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
    """``(start, end, place name)`` for each free venue name after "at" that "in <place>" or
    ", <place>" follows, the place being one of ``mentions``."""
    placed = {m.start: m.name for m in mentions if m.source in _PLACED_SOURCES and m.start == m.name_start}
    if not placed:
        return
    for start, end in _names_after_at(doc, VENUE_LABELS, taken):
        if end + 1 >= len(doc) or doc[end].lower_ not in ("in", ","):
            continue
        town = placed.get(doc[end + 1].idx)
        if town is not None:
            yield start, end, town


def institution_venues(doc: "Doc", taken: Sequence[bool], heads: frozenset[str],
                       gazetteer: Gazetteer) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each free ORG or FAC name after "at" that an institution's head noun
    ends or opens ("a professor at Cornell University", "held at the University of Perpetual
    Help") and no major place's name is a word of: the institution's grounds."""
    for start, end in _names_after_at(doc, frozenset({"ORG", "FAC"}), taken):
        if end - start < 2:
            continue
        last, first = doc[end - 1], doc[start]
        if not ((last.lower_ in heads and last.is_title)
                or (first.lower_ in heads and first.is_title and doc[start + 1].lower_ == "of")):
            continue
        if not any(tok.is_title and is_major(gazetteer.lookup_text(tok.text)) for tok in doc[start:end]):
            yield start, end


def sited_venues(doc: "Doc", taken: Sequence[bool], site_nouns: frozenset[str]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each free name after "at" that a lower-case site noun follows, at most
    one other lower-case word between ("at the Lukeoil gas station", "at the Forever Summer
    concert"): the site's own name."""
    for start, end in _names_after_at(doc, SITE_LABELS, taken):
        for k in range(end, min(end + 2, len(doc))):
            tok = doc[k]
            if not (tok.is_lower and tok.is_alpha):
                break
            if tok.lower_ in site_nouns:
                yield start, end
                break


def _names_after_at(doc: "Doc", labels: frozenset[str], taken: Sequence[bool]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` tokens of each free entity name of ``labels`` (without a leading "the")
    that "at" or "at the" comes before."""
    for ent in doc.ents:
        if ent.label_ not in labels or len(ent) > _MAX_TOKENS:
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        before = ent.start - 1
        if before >= 0 and doc[before].lower_ == "the":
            before -= 1
        if start < ent.end and before >= 0 and doc[before].lower_ == "at" and not any(taken[start:ent.end]):
            yield start, ent.end


def venues(doc: "Doc", mentions: Sequence[Mention], taken: Sequence[bool], heads: frozenset[str],
           gazetteer: Gazetteer, site_nouns: frozenset[str] = frozenset()) -> Iterator[tuple[int, int, str | None]]:
    """``(start, end, place name or None)``: venues a town locates, then institutions and named
    sites on their own (None: look the venue's own name up)."""
    yield from located_venues(doc, mentions, taken)
    for start, end in institution_venues(doc, taken, heads, gazetteer):
        yield start, end, None
    for start, end in sited_venues(doc, taken, site_nouns):
        yield start, end, None
