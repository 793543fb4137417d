"""Street names that share one street noun: "Bourbon and Dauphine streets", "the Chartres/Franklin
intersection", "the intersection of Main and Elm", "at the corner of State and Hubbard".

Each name alone ("Bourbon") is no known place and the model rarely tags it; the shared noun says
what it is. The nouns are ``street_joins`` in ``geo_words.yaml``: before a plural street noun or
a junction noun the names joined before it are streets; after a junction noun and "of", the
names joined after it.

Names whose own form says they are places, whatever the model labelled them: one a prefix noun
opens ("Rue d’Enghein", "Faubourg Marigny", "Mount Elgon", ``prefix_nouns``), looked up like a
street; one a capitalized settlement noun ends ("Grants Town", ``settlement_heads``), looked up
whole ("Grants Town" is not a town called Grants).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .candidates import capitalized
from ...nlp import token_column

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["STREET_SOURCE", "SETTLEMENT_SOURCE", "shared_street_names", "prefixed_names", "headed_names"]

STREET_SOURCE = "street"  # a street, placed only near the article's other places, like a named facility
SETTLEMENT_SOURCE = "settlement"  # a name ending in a settlement noun ("Grants Town"), looked up whole

_LINKS = frozenset({"and", "&", "/", ","})
_AFTER_ONLY = frozenset({"corner", "block"})  # "the corner of X and Y", "the 500 block of X"; not "the Smith corner"
_MAX_WORDS = 3  # words in one street name ("Martin Luther King")
_MAX_NAMES = 4


def _names(doc: "Doc", taken: Sequence[bool], i: int, step: int) -> list[tuple[int, int]]:
    """Names joined by links from token ``i`` on, walking by ``step`` (-1 leftwards, +1 right)."""
    names: list[tuple[int, int]] = []
    while 0 <= i < len(doc) and len(names) < _MAX_NAMES:
        j = i
        while 0 <= j < len(doc) and abs(j - i) < _MAX_WORDS and capitalized(doc[j]) and not taken[j] \
                and doc[j].pos_ == "PROPN":
            j += step
        if j == i:
            break
        names.append((min(i, j - step), max(i, j - step) + 1))
        if not (0 <= j < len(doc)) or doc[j].lower_ not in _LINKS:
            break
        i = j + step
    return names


def shared_street_names(doc: "Doc", taken: Sequence[bool], joins: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Token ranges ``[start, end)`` of street names joined before or after a shared street noun."""
    is_lower, pos = token_column(doc, "is_lower"), token_column(doc, "pos_")
    for i, lower in enumerate(token_column(doc, "lower_")):
        plural = lower.endswith("s")  # "streets" is no verb, whatever the tagger says
        if lower not in joins or not is_lower[i] or not (plural or pos[i] == "NOUN"):
            continue
        tok = doc[i]
        before = [] if tok.lower_ in _AFTER_ONLY else _names(doc, taken, tok.i - 1, -1)
        after = []
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of" and not plural:
            after = _names(doc, taken, tok.i + 2, 1)
        yield from sorted(before + after)


_NAME_LINKS = frozenset({"de", "del", "la", "le", "des", "du", "of", "d'", "d’"})


def _elided(text: str) -> bool:
    """A French elided article before a name: "d’Enghein", "D’Aunoy", "l'Opéra"."""
    return len(text) > 2 and text[0] in "dDlL" and text[1] in "'’" and text[2].isupper()


def prefixed_names(doc: "Doc", taken: Sequence[bool], prefix_nouns: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Token ranges ``[start, end)`` of free names that a prefix noun opens ("Rue Casa Calvo",
    "Faubourg Marigny", "Mount Elgon"): the noun, then up to three capitalized words (with
    "de", "la" ... between them); the last word is capitalized."""
    i = 0
    while i < len(doc):
        tok = doc[i]
        if taken[i] or not tok.is_title or tok.lower_.rstrip(".") not in prefix_nouns:
            i += 1
            continue
        end, words = i + 1, 0
        while end < len(doc) and not taken[end] and words < _MAX_WORDS:
            nxt = doc[end]
            if capitalized(nxt) or _elided(nxt.text):
                words += 1
            elif not (nxt.lower_ in _NAME_LINKS and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()):
                break
            end += 1
        if words:
            yield i, end
        i = max(end, i + 1)


def headed_names(doc: "Doc", taken: Sequence[bool], heads: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Token ranges ``[start, end)`` of free names that a capitalized settlement noun ends
    ("Grants Town", "Quezon City"): up to three capitalized words before the noun."""
    is_title = token_column(doc, "is_title")
    for i, lower in enumerate(token_column(doc, "lower_")):
        if taken[i] or not is_title[i] or lower not in heads or i == 0:
            continue
        tok = doc[i]
        start = tok.i
        while start > 0 and tok.i - start < _MAX_WORDS and not taken[start - 1] and capitalized(doc[start - 1]) \
                and not doc[start].is_sent_start:
            start -= 1
        if start < tok.i:
            yield start, tok.i + 1
