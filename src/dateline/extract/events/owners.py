"""Country-coded owners of nouns, read through the event coder's actor coding: the actor one word
names ("Israeli"), the possessor or nationality word before a noun, the source's own people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..syntax.labels import NOMINAL_POS, NOUN_MODIFIERS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...records import Actor
    from .actor_coder import ActorCoder

__all__ = ["code_token", "only_own", "own_property", "owner"]


def code_token(token: "Token", coder: ActorCoder) -> list[Actor]:
    """The country-coded actor one word names ("Israeli"), if any."""
    a = coder.code_tokens(token.i, token.i + 1)
    return [a] if a is not None and a.country else []


def owner(noun: "Token", coder: ActorCoder) -> list[Actor]:
    """The country-coded possessor or nationality word before a noun, if any."""
    for c in noun.children:
        if c.dep_ in NOUN_MODIFIERS and c.i < noun.i and not coder.is_pronoun(c):
            found = coder.code_noun(c) if c.pos_ in NOMINAL_POS else code_token(c, coder)
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
