"""Initials that stand for a place the gazetteer knows by its full name.

An all-caps word that spells the initials of a place the article names in full, or by its
people, is that place: "SA" where the article speaks of "South Africa" or of "South Africans",
"FATA" after "Federally Administered Tribal Areas". The initials resolve as the full name does.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ...knowledge.gazetteer import Gazetteer
from .candidates import Mention
from ...nlp import token_column

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ALIAS_SOURCE", "initialisms"]

ALIAS_SOURCE = "alias"
_LINKS = frozenset({"of", "and", "the", "&"})
_SHORTEST, _LONGEST = 2, 5


def _initials(name: str) -> str | None:
    """"SA" for "South Africa", "FATA" for "Federally Administered Tribal Areas"; None for a
    one-word name or one with a word in lower case other than "of", "and"."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _LINKS]
    if len(words) < _SHORTEST or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def initialisms(doc: "Doc", mentions: Sequence[Mention], taken: Sequence[bool],
                gazetteer: Gazetteer) -> Iterator[tuple[int, str]]:
    """Token indices of all-caps words that spell the initials of a place found in the article,
    or of the country of a nationality word in it, with that place's name."""
    names = [m.name for m in mentions]
    for ent in doc.ents:
        if ent.label_ == "NORP" and " " in ent.text:
            place = gazetteer.demonym_place(ent.text)  # "South Africans"
            if place is not None:
                names.append(place.name)
    full: dict[str, str] = {}
    for name in names:
        letters = _initials(name)
        if letters is not None and _SHORTEST <= len(letters) <= _LONGEST:
            full.setdefault(letters, name)
    if not full:
        return
    is_alpha, is_upper = token_column(doc, "is_alpha"), token_column(doc, "is_upper")
    for i, text in enumerate(token_column(doc, "text")):
        if not taken[i] and is_alpha[i] and is_upper[i] and text in full:
            yield i, full[text]

