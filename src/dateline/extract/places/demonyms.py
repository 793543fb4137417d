"""Nationality words that name a place: "the Syrian-Turkish border", "the Turkish economy".

A demonym that qualifies an actor names people or an institution ("Syrian troops", "the Russian
government", "Russian President Vladimir Putin"): that is a place only in GeoWebNews' convention
(``Settings.place_demonyms``). When it qualifies a noun of land or of what the land holds
("border", "territory", "states", "airbases", "market", ``land_nouns`` in ``geo_words.yaml``)
it names the country's land itself, so it is a place whatever the setting. So it is when it
qualifies another thing of the country, one that no actor is ("the Turkish economy", "Chinese
imports", "the Armenian flag", "Indian identity"): a common noun that is no role of the actor
knowledge (``actors_roles.tsv``: "troops", "government", "president", "diplomats") and no
person's name. The noun is the head of the phrase, past other modifiers: "the Turkish livestock
market" counts, "Turkish border guards" (people) do not. Chains count: "the Syrian-Turkish
border", "Russian and Chinese territory".
Inside a name, a demonym counts when the name's head is no actor role (:func:`names_thing`:
"British Airways", "the American League", not "the Russian Defense Ministry", which the seeds
leave out). A demonym of a continent or region names no nationality: inside a name it counts
whatever the head ("the European Commission", "the Asian Development Bank"). Before an actor it
stays out like a nationality word ("Central American migrants", as "Western leaders").
With the setting on, only a demonym that qualifies a word after it counts ("Syrian troops",
"Turkish-backed"); one that names people on its own ("the Irish need 85 points", "a passionate
Nigerian", "Syrians fled") is no place in GeoWebNews either.

Words for a bloc of countries (``bloc_nouns`` and ``bloc_adjectives`` in ``geo_words.yaml``) are
places too: a noun after "the" that no capitalized word follows ("the West", "the West's
démarche", not "the West Bank"), and an adjective under the same rule as a demonym, before a noun
that is no actor ("Western countries", not "Western leaders"). A bloc has no point on the map: it
is reported with null coordinates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING
from ...nlp import token_column

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...knowledge.gazetteer_words import GeoWords

__all__ = ["BLOC_SOURCE", "actor_heads", "bloc_words", "land_demonyms", "names_thing", "place_words", "qualifies_word"]

BLOC_SOURCE = "bloc"

_LINKS = frozenset({"-", "–", "—", "/", "and", "or", ","})
_MAX_CHAIN = 6
_QUALIFIED_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_MAX_MODIFIERS = 3


def _phrase_head(tok: "Token") -> "Token":
    """The noun a modifier belongs to: "livestock" in "Turkish livestock market" leads to
    "market", "Kurdish" in "Syrian Kurdish enclave" to "enclave" (a few steps rightwards)."""
    for _ in range(_MAX_MODIFIERS):
        if tok.dep_ not in _MODIFIER_DEPS or tok.head.i <= tok.i or tok.head.i - tok.i > _MAX_MODIFIERS:
            break
        tok = tok.head
    return tok


def actor_heads(phrases: Iterable[str]) -> frozenset[str]:
    """The actor roles' head words ("troops", "government"; "guard" of "border guard") and their
    plurals, lower-cased."""
    out: set[str] = set()
    for phrase in phrases:
        word = phrase.lower().split()[-1]
        out.update((word, word + "s", word + "es"))
        if word.endswith("y"):
            out.add(word[:-1] + "ies")
    return frozenset(out)


def _names_land(doc: "Doc", i: int, is_demonym: Callable[[str], bool], land_nouns: frozenset[str],
                actor_nouns: frozenset[str] | None) -> bool:
    """Whether the words from token ``i`` on, through links and demonyms, reach a noun of land
    or a modifier of one; with ``actor_nouns``, also a common noun that is no actor."""
    for tok in doc[i:i + _MAX_CHAIN]:
        if tok.lower_ in _LINKS or (tok.is_title and is_demonym(tok.text)):
            continue
        head = _phrase_head(tok)  # "Turkish border guards" are people, "Mexican Economy Secretary" one
        if head.lower_ in land_nouns and head.pos_ in ("NOUN", "PROPN"):
            return True
        return actor_nouns is not None and head.pos_ == "NOUN" and head.ent_type_ != "PERSON" \
            and head.lower_ not in actor_nouns and head.is_alpha
    return False


def land_demonyms(doc: "Doc", taken: Sequence[bool], is_demonym: Callable[[str], bool],
                  land_nouns: frozenset[str], actor_nouns: frozenset[str] | None = None) -> Iterator[int]:
    """Indices of free title-case demonym tokens that qualify a noun of land, or with
    ``actor_nouns`` (:func:`actor_heads`) any common noun that is no actor."""
    is_title = token_column(doc, "is_title")
    for i, text in enumerate(token_column(doc, "text")):
        if taken[i] or not is_title[i] or not is_demonym(text):
            continue
        if _names_land(doc, i + 1, is_demonym, land_nouns, actor_nouns):
            yield i


def names_thing(doc: "Doc", after: int, end: int, actor_nouns: frozenset[str] | None) -> bool:
    """Whether the name that goes on from token ``after`` to ``end`` behind a demonym is a thing
    no actor is: its head (the word before "of" or "for", else the last) is no actor role.
    "British Airways", "the Canadian Press", "the Ukrainian Law on ...", not "the Russian
    Defense Ministry", "the Nigerian Army", "the Russian Ministry of Defence". Without
    ``actor_nouns`` no name counts."""
    if actor_nouns is None or after >= end:
        return False
    head = None
    for tok in doc[after:end]:
        if tok.lower_ in ("of", "for", "on") and head is not None:
            break
        if tok.is_alpha:
            head = tok
    return head is not None and head.lower_ not in actor_nouns and (head.is_title or head.is_upper)


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


def bloc_words(doc: "Doc", taken: Sequence[bool], nouns: frozenset[str], adjectives: frozenset[str],
               land_nouns: frozenset[str], actor_nouns: frozenset[str] | None) -> Iterator[int]:
    """Indices of free title-case bloc words: "the West", "Western countries"."""
    never: Callable[[str], bool] = lambda _: False  # noqa: E731
    is_title = token_column(doc, "is_title")
    for i in range(len(doc)):
        if taken[i] or not is_title[i]:
            continue
        tok = doc[i]
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.lower_ in nouns and tok.i > 0 and doc[tok.i - 1].lower_ == "the" \
                and (after is None or not (after.is_title or after.is_upper)):
            yield tok.i
        elif tok.lower_ in adjectives and after is not None \
                and _names_land(doc, tok.i + 1, never, land_nouns, actor_nouns or frozenset()):
            yield tok.i


def place_words(doc: "Doc", taken: Sequence[bool], is_demonym: Callable[[str], bool], words: "GeoWords",
                actor_nouns: frozenset[str] | None) -> Iterator[tuple[int, str]]:
    """``(token index, mention source)``: demonyms that name their land (:func:`land_demonyms`),
    then bloc words (:func:`bloc_words`)."""
    for i in land_demonyms(doc, taken, is_demonym, words.land_nouns, actor_nouns):
        yield i, "demonym"
    for i in bloc_words(doc, taken, words.bloc_nouns, words.bloc_adjectives, words.land_nouns, actor_nouns):
        yield i, BLOC_SOURCE
