"""Claims of responsibility: "the Pakistani Taliban claimed responsibility for the attack".

Wire copy names the doer of a bombing or raid in a separate clause or the next sentence; the
claimant is the source of the attacks around it that name no doer of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...knowledge.event_patterns import EventLexicon
from ...nlp import token_column
from ...records import Actor
from .actor_coder import ActorCoder
from ..syntax.tree import children

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["claimants_for", "responsibility_claims"]


def responsibility_claims(doc: "Doc", coder: ActorCoder, lexicon: EventLexicon) -> dict[int, tuple[Actor, ...]]:
    """The claimants of each sentence (by index in ``doc.sents``) that holds a claim of
    responsibility ("X claimed responsibility", "X said it carried out the attack" is not read)."""
    claims: dict[int, tuple[Actor, ...]] = {}
    pos = token_column(doc, "pos_")
    for i, sent in enumerate(doc.sents):
        for k in range(sent.start, sent.end):
            if pos[k] != "VERB":
                continue
            token = doc[k]
            if not lexicon.has("claim_verbs_of_responsibility", token.lemma_):
                continue
            if not any(lexicon.has("responsibility_nouns", o.lemma_) for o in children(token, "dobj", "obj")):
                continue
            actors = tuple(a for s in children(token, "nsubj") for a in coder.code_noun(s) if a.country or a.sector)
            if actors:
                claims.setdefault(i, actors)
    return claims


def claimants_for(claims: dict[int, tuple[Actor, ...]], sentence_index: int) -> tuple[Actor, ...]:
    """The claimants of an attack in this sentence: a claim in it or in the next sentence."""
    return claims.get(sentence_index) or claims.get(sentence_index + 1) or ()
