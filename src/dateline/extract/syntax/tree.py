"""Small readings of the dependency parse: children by relation, objects of (two-word)
prepositions, partitives, a preposition that lost its object to the next clause."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .labels import CLAUSES, NOMINAL_POS, PREP_LIKE, PREP_OBJECTS, SUBJECTS, VERBAL_POS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["children", "lost_object", "partitive", "pobjs", "prep_objects"]


def children(token: "Token", *deps: str) -> list["Token"]:
    """The children of ``token`` in any of the relations ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


def pobjs(prep: "Token") -> list["Token"]:
    """The objects of a preposition, including one the parser hung on the next clause."""
    found = [c for c in prep.children if c.dep_ in PREP_OBJECTS]
    if found or prep.dep_ not in PREP_LIKE:
        return found
    # a preposition left without its object, which the parser made the subject of a clause
    # that follows ("granted asylum to(prep) officers(nsubj) holed up in ...")
    for t in prep.doc[prep.i + 1:min(prep.i + 6, len(prep.doc))]:
        if t.pos_ in NOMINAL_POS and t.dep_ in SUBJECTS \
                and t.head.dep_ in CLAUSES and t.head.i > t.i:
            return [t]
        if t.pos_ in VERBAL_POS or t.is_punct:
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
