"""Nationality words that name a place: "the Syrian-Turkish border", "Syrian territory".

A demonym usually names people ("Syrian troops") and is a place only in GeoWebNews' convention
(``Settings.place_demonyms``). Before a noun of land ("border", "territory", "soil", "coast",
``land_nouns`` in ``geo_words.yaml``) it names the country's land itself, so it is a place
whatever the setting. Chains count: "the Syrian-Turkish border", "Russian and Chinese territory".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["land_demonyms"]

_LINKS = frozenset({"-", "–", "—", "/", "and", "or", ","})
_MAX_CHAIN = 6


def _names_land(doc: "Doc", i: int, is_demonym: Callable[[str], bool], land_nouns: frozenset[str]) -> bool:
    """Whether the words from token ``i`` on reach a noun of land through links and demonyms."""
    for tok in doc[i:i + _MAX_CHAIN]:
        if tok.lower_ in _LINKS or (tok.is_title and is_demonym(tok.text)):
            continue
        return tok.lower_ in land_nouns and tok.pos_ in ("NOUN", "PROPN")
    return False


def land_demonyms(doc: "Doc", taken: Sequence[bool], is_demonym: Callable[[str], bool],
                  land_nouns: frozenset[str]) -> Iterator[int]:
    """Indices of free title-case demonym tokens that qualify a noun of land."""
    for tok in doc:
        if taken[tok.i] or not tok.is_title or not is_demonym(tok.text):
            continue
        if _names_land(doc, tok.i + 1, is_demonym, land_nouns):
            yield tok.i
