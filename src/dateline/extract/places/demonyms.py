"""Nationality words that name a place: "the Syrian-Turkish border", "Syrian territory".

A demonym usually names people ("Syrian troops") and is a place only in GeoWebNews' convention
(``Settings.place_demonyms``). Before a noun of land ("border", "territory", "soil", "coast",
``land_nouns`` in ``geo_words.yaml``) it names the country's land itself, so it is a place
whatever the setting. Chains count: "the Syrian-Turkish border", "Russian and Chinese territory".
With the setting on, only a demonym that qualifies a word after it counts ("Syrian troops",
"Turkish-backed"); one that names people on its own ("the Irish need 85 points", "a passionate
Nigerian", "Syrians fled") is no place in GeoWebNews either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["land_demonyms", "qualifies_word"]

_LINKS = frozenset({"-", "–", "—", "/", "and", "or", ","})
_MAX_CHAIN = 6
_QUALIFIED_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


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


def qualifies_word(doc: "Doc", end: int, is_demonym: Callable[[str], bool]) -> bool:
    """Whether the demonym ending before token ``end`` qualifies a word after it, through links
    and further demonyms: "Syrian troops", "Russian and Chinese diplomats", "Turkish-backed"."""
    hyphen = False
    for tok in doc[end:end + _MAX_CHAIN]:
        if tok.text in ("-", "–"):
            hyphen = not tok.whitespace_ and tok.i > 0 and not doc[tok.i - 1].whitespace_
            continue
        if tok.lower_ in _LINKS or (tok.is_title and is_demonym(tok.text)):
            hyphen = False
            continue
        return tok.is_alpha and (hyphen or tok.pos_ in _QUALIFIED_POS)
    return False
