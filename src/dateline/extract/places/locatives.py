"""Names no gazetteer knows that a spatial preposition places: "a market at Makeen", "fireworks
inside Anfield", "projects in South Waziristan Agency".

A capitalized proper name right after "in", "into", "inside", "at", "near" or "outside" is a
place even where the model labelled it a person or an organisation, or nothing, so long as
nothing else claims it:

- it opens its entity, if it has one, and ends with it ("at Sullivan Goss" is not cut short), and
  no proper noun stands before the preposition ("Dignity in Dying" is one name, not a place
  "Dying");
- none of its words belongs to the article's person names, and no honorific opens it or stands
  before the preposition ("at Mr Robinson's office");
- it owns nothing: no possessive follows it before a noun ("at Kelly's attempts", "in Modi's
  name");
- the gazetteer knows neither it nor any of its words (known names are judged by their entries,
  elsewhere).

Such a name keeps its span with null coordinates. One that acts somewhere in the article ("Lombard
Odier said") is dropped later with all its uses, as every unknown name that acts is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING
from ...nlp import token_column

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["LOCATIVE_SOURCE", "SPATIAL_PREPOSITIONS", "placed_unknowns"]

LOCATIVE_SOURCE = "locative"
SPATIAL_PREPOSITIONS = frozenset({"in", "into", "inside", "at", "near", "outside"})
_LABELS = frozenset({"", "PERSON", "ORG", "FAC"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_MAX_WORDS = 4


def _name_end(doc: "Doc", start: int) -> int:
    """The end of the run of title-case proper nouns from ``start`` (its entity's end, if any)."""
    tok = doc[start]
    if tok.ent_type_:
        ent_end = start
        while ent_end < len(doc) and (ent_end == start or doc[ent_end].ent_iob_ == "I"):
            ent_end += 1
        return ent_end
    end = start
    while end < len(doc) and end - start < _MAX_WORDS and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    return end


def placed_unknowns(doc: "Doc", taken: Sequence[bool], person_words: set[str], honorifics: frozenset[str],
                    known: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` tokens of each free unknown name that a spatial preposition places."""
    lower, is_title, pos = token_column(doc, "lower_"), token_column(doc, "is_title"), token_column(doc, "pos_")
    ent_type = token_column(doc, "ent_type_")
    for i in range(1, len(doc)):
        if lower[i - 1] not in SPATIAL_PREPOSITIONS or taken[i] or not is_title[i] \
                or pos[i] != "PROPN" or ent_type[i] not in _LABELS or (ent_type[i] and doc[i].ent_iob_ != "B"):
            continue
        end = _name_end(doc, i)
        words = doc[i:end]
        if not 0 < len(words) <= _MAX_WORDS or any(taken[i:end]) \
                or not all(t.is_title and t.pos_ == "PROPN" for t in words):
            continue
        before = doc[i - 2] if i >= 2 else None  # the word before the preposition
        named_before = before is not None and before.is_title and before.pos_ == "PROPN" and not before.is_sent_start
        if any(t.text in person_words or t.lower_.rstrip(".") in honorifics for t in words) or named_before \
                or (before is not None and before.lower_.rstrip(".") in honorifics):
            continue  # "Mr Robinson", "Dignity in Dying", "Russia in Global Affairs"
        if end + 1 < len(doc) and doc[end].text in _POSSESSIVE and doc[end + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
            continue
        if known(words.text) or any(known(t.text) for t in words):
            continue
        yield i, end
