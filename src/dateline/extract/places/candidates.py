"""A place mention and the tests that decide whether a name may be one: how populous its
gazetteer candidates are (a major place, a town after a locative preposition, a village by its
own name), and whether a word looks like part of a longer name."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...knowledge.gazetteer import Candidate
from ...knowledge.gazetteer_names import normalize
from ...knowledge.gazetteer_words import GeoWords
from ...nlp import token_column

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Mention", "mention_role", "is_major", "is_local", "is_strong", "capitalized", "capitalized_tokens",
           "looks_like_name_part", "apposed",
           "quoted", "relative_before", "apposed_words",
           "MAJOR_POPULATION",
           "LOCATIVE_POPULATION", "VILLAGE_POPULATION", "EMBEDDED_POPULATION"]

_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})
MAJOR_POPULATION = 100_000
LOCATIVE_POPULATION = 5_000  # after "in", "at", "of" ...: a town is enough
VILLAGE_POPULATION = 1_000  # after "in", "at", "near" ... a village, by its own name
EMBEDDED_POPULATION = 20_000  # a place that opens a name ("Suffolk Times") is usually its seat


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym in the text: ``start``/``end`` include modifiers, ``name`` is what to look up.

    ``prefer`` is a GeoNames feature class an administrative noun asks for ("province" → A);
    ``source`` says how it was found: ner, gazetteer, facility, street (a name sharing a street
    noun), dateline, embedded, demonym or repeat (a name found as a place elsewhere in the article);
    ``speaks``: the name is the subject of a reporting verb ("Guhdar said"); ``role``: how the
    text uses the name (:func:`mention_role`).
    """

    start: int
    end: int
    name: str
    name_start: int
    name_end: int
    source: str
    prefer: str | None = None
    label: str | None = None
    locative: bool = False
    speaks: bool = False
    role: str | None = None


def is_major(cands: Iterable[Candidate]) -> bool:
    """Whether a name's best reading is a country, a continent or region, or a city or division
    of 100,000 people or more: a place, whatever label the model gave it."""
    return any(c.lat is not None and (c.is_country or c.fclass == "L" or c.population >= MAJOR_POPULATION)
               for c in cands)


def is_local(cands: Iterable[Candidate], text: str, preposition: str) -> bool:
    """Whether a name after a locative preposition is a place: a town, or after a spatial one
    ("in", "at", not "of") a village that bears this very name ("at Wana")."""
    if is_strong(cands, LOCATIVE_POPULATION):
        return True
    if preposition == "of":
        return False
    key = normalize(text)
    return any(c.lat is not None and c.prio == 0 and c.population >= VILLAGE_POPULATION and normalize(c.name) == key
               for c in cands)


def is_strong(cands: Iterable[Candidate], min_population: int) -> bool:
    """Whether a name's best reading is a place worth recognising without NER."""
    for c in cands:
        if c.lat is None:
            if c.is_admin and c.prio == 0:
                return True  # a division no city places ("Osun", "Limpopo")
            continue
        if c.is_country or c.fclass in ("L", "H", "T") or c.is_admin or c.fcode == "PPLC":
            return True
        if c.population >= min_population:
            return True
    return False


_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
_HEAD_POS = frozenset({"NOUN", "PROPN"})


def mention_role(head: "Token", source: str, locative: bool, end: int) -> str | None:
    """How the text uses a toponym: ``demonym`` or ``embedded`` by how it was found; ``modifier``
    when it qualifies a noun after it ("the Moscow talks", "Syrian-Turkish border"); ``metonym``
    when it is the subject of an act ("Washington said", "Ankara launched"); None when literal.

    ``head`` is the mention's syntactic head, ``end`` the token index just after the mention."""
    if source in ("demonym", "embedded"):
        return source
    if locative:
        return None
    if head.dep_ in _MODIFIER_DEPS and head.head.i >= end and head.head.pos_ in _HEAD_POS:
        return "modifier"
    if head.dep_ == "nsubj" and head.head.pos_ == "VERB":
        return "metonym"
    return None


def capitalized(tok: "Token") -> bool:
    """A capitalized word or abbreviation ("Idlib", "RIYADH", "U.S.", "Calif.")."""
    return _capitalized(tok.text, tok.is_alpha)


def capitalized_tokens(doc: "Doc") -> list[bool]:
    """:func:`capitalized` of every token of ``doc``, read from its token columns."""
    return [_capitalized(text, alpha) for text, alpha in zip(token_column(doc, "text"), token_column(doc, "is_alpha"))]


def _capitalized(text: str, alpha: bool) -> bool:
    """Whether a token's text (all letters or not: ``alpha``) is a capitalized word or abbreviation."""
    if len(text) < 2 or not text[0].isupper():
        return False
    return alpha or (text.endswith(".") and text.replace(".", "").isalpha())


def looks_like_name_part(doc: "Doc", i: int, words: GeoWords, placed: Sequence[bool] = ()) -> bool:
    """A single capitalized word next to another capitalized word that is not a place, nor an
    administrative or facility noun ("Borno State", "Wana Market"); ``placed`` marks the words
    already found as places ("in Maiduguri Borno State" names two)."""
    before = doc[i - 1] if i > 0 and not (placed and placed[i - 1]) else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and (after.lower_ in words.admin_nouns or after.lower_.rstrip(".") in words.facility_nouns):
        after = None
    return bool((before is not None and before.is_title and before.pos_ == "PROPN" and not before.is_sent_start)
                or (after is not None and after.is_title and after.pos_ == "PROPN"))


def apposed(doc: "Doc", i: int, settlement_nouns: frozenset[str]) -> bool:
    """Whether the name starting at token ``i`` follows a lower-case noun of a settlement and
    "of" ("the village of Nagrig", "Cairo's suburb of Madinaty"): a place by the text's word."""
    if i < 2 or doc[i - 1].lower_ != "of":
        return False
    noun = doc[i - 2]
    return noun.is_lower and noun.lower_ in settlement_nouns


def apposed_words(doc: "Doc", settlement_nouns: frozenset[str]) -> set[str]:
    """The capitalized words of names the article calls a settlement ("the suburb of Madinaty"):
    they are no person's name elsewhere in it ("Beyond Madinaty")."""
    words: set[str] = set()
    is_lower = token_column(doc, "is_lower")
    for i, lower in enumerate(token_column(doc, "lower_")):
        if is_lower[i] and lower in settlement_nouns and i + 2 < len(doc) and doc[i + 1].lower_ == "of":
            for t in doc[i + 2:i + 6]:
                if not capitalized(t):
                    break
                words.add(t.text)
    return words


def quoted(doc: "Doc", start: int, end: int) -> bool:
    """Whether tokens [start, end) stand in quotation marks, as a title does ("the Broadway smash
    "Hamilton"")."""
    return (start > 0 and doc[start - 1].text in _QUOTES and end < len(doc)
            and (doc[end].text in _QUOTES or (doc[end].is_punct and end + 1 < len(doc)
                                              and doc[end + 1].text in _QUOTES)))


def relative_before(doc: "Doc", taken: Sequence[bool], phrases: Sequence[tuple[str, ...]], i: int) -> int | None:
    """The first token of a free relative phrase ("east of", "north of the") that ends right
    before token ``i``, or None."""
    for phrase in phrases:
        n = len(phrase)
        if i - n >= 0 and tuple(t.lower_ for t in doc[i - n:i]) == phrase and not any(taken[i - n:i]):
            return i - n
    return None
