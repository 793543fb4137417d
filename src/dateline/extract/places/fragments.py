"""Place names the model split in two: "Boa" (GPE) + "Vista" (ORG), "Baja" + "California".

Two entities that touch, with one space between and no punctuation, form one place when the
joined words are a place's own name in the gazetteer. Two different places rarely stand side
by side without a comma or "and" between them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...knowledge.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["joined_entities"]

_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})
_PLACE_LABELS = ("GPE", "LOC", "FAC")


def joined_entities(doc: "Doc", gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """Token ranges and a label of adjacent entity pairs whose joined text names a place,
    at least one of them tagged as a place."""
    ents = list(doc.ents)
    for a, b in zip(ents, ents[1:]):
        if b.start != a.end or a.label_ not in _NAME_LABELS or b.label_ not in _NAME_LABELS:
            continue
        if a.label_ not in _PLACE_LABELS and b.label_ not in _PLACE_LABELS:
            continue
        gap = doc[a.end - 1].whitespace_
        if gap != " " or not (a.text[:1].isupper() and b.text[:1].isupper()):
            continue
        text = doc.text[a.start_char:b.end_char]
        if any(c.prio == 0 and c.lat is not None for c in gazetteer.lookup_text(text)):
            yield a.start, b.end, a.label_ if a.label_ in _PLACE_LABELS else b.label_
