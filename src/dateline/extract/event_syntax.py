"""Small readings of the dependency parse shared by the event role finders: children by
relation, objects of (two-word) prepositions, the country-coded owner of a noun, partitives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..records import Actor
    from .event_actors import ActorCoder

__all__ = ["children", "code_token", "lost_object", "only_own", "own_property", "owner", "partitive", "pobjs",
           "prep_objects"]


def children(token: "Token", *deps: str) -> list["Token"]:
    """The children of ``token`` in any of the relations ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


def pobjs(prep: "Token") -> list["Token"]:
    """The objects of a preposition, including one the parser hung on the next clause."""
    found = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if found or prep.dep_ not in ("prep", "dative", "agent"):
        return found
    # a preposition left without its object, which the parser made the subject of a clause
    # that follows ("granted asylum to(prep) officers(nsubj) holed up in ...")
    for t in prep.doc[prep.i + 1:min(prep.i + 6, len(prep.doc))]:
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass") \
                and t.head.dep_ in ("advcl", "acl", "relcl", "ccomp") and t.head.i > t.i:
            return [t]
        if t.pos_ in ("VERB", "AUX") or t.is_punct:
            break
    return []


def prep_objects(head: "Token", targets: Sequence[str]) -> list["Token"]:
    """Objects of the prepositions on ``head`` that introduce a target: a word of ``targets``,
    or a two-word preposition whose first word takes the second as its own ("pulled out of X",
    "moved away from X" are read as "out of", "away from")."""
    nouns: list[Token] = []
    for prep in children(head, "prep"):
        word, objs = prep.lower_, pobjs(prep)
        if not objs:
            inner = children(prep, "prep")
            if inner:
                word, objs = f"{word} {inner[0].lower_}", pobjs(inner[0])
        if word in targets or prep.lemma_.lower() in targets:
            nouns += objs
    return nouns


def code_token(token: "Token", coder: ActorCoder) -> list[Actor]:
    """The country-coded actor one word names ("Israeli"), if any."""
    a = coder.code_tokens(token.i, token.i + 1)
    return [a] if a is not None and a.country else []


def owner(noun: "Token", coder: ActorCoder) -> list[Actor]:
    """The country-coded possessor or nationality word before a noun, if any."""
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i and not coder.is_pronoun(c):
            found = coder.code_noun(c) if c.pos_ in ("PROPN", "NOUN") else code_token(c, coder)
            found = [a for a in found if a.country]
            if found:
                return found
    return []


def only_own(actors: Sequence[Actor], own: set[str]) -> bool:
    """Whether the actors name countries, all of them the source's own."""
    countries = {a.country for a in actors if a.country}
    return bool(countries) and countries <= own


def own_property(noun: "Token", coder: ActorCoder) -> bool:
    """``its troops``, ``their homes``: the source's own people or things, not a target."""
    return any(c.dep_ == "poss" and coder.is_pronoun(c) for c in noun.children)


def partitive(token: "Token") -> "Token":
    """``several of them``, ``some of the protesters``: the group a quantifier word picks from."""
    if token.pos_ in ("ADJ", "DET", "PRON", "NUM"):
        for prep in children(token, "prep"):
            if prep.lower_ == "of":
                objs = pobjs(prep)
                if objs:
                    return objs[0]
    return token


def lost_object(noun: "Token", verb: "Token") -> bool:
    """Whether a noun stands right after a preposition of ``verb`` left without any dependent
    ("imposed sanctions on(prep) X(nsubj), charging ..."): the parser took the preposition's
    object for the subject of the clause that follows."""
    before = noun.left_edge.i - 1
    if before < 0:
        return False
    prep = noun.doc[before]
    return prep.dep_ == "prep" and prep.pos_ == "ADP" and prep.head.i == verb.i and not list(prep.children)
