"""Open proposals: words no trigger pattern matches that may still name an act (every main verb,
and the nouns a trained model has seen name acts), proposed for a learned decider to judge. The
rules never code them; they only widen what the decider may consider. Words of evaluation ("called
the move unacceptable") are proposed the same way, with a step of their own."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...knowledge.event_evaluations import POLARITY_TYPES
from ...knowledge.event_patterns import EventPattern
from .match import TriggerMatch
from ..syntax.labels import NOMINAL_POS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ...knowledge.event_evaluations import Evaluations

__all__ = ["open_matches", "evaluative_matches", "OPEN_TYPE", "EVALUATION_STEP"]

# The type an open proposal is built with (roles as for a statement: the subject acts on the
# object); the decider chooses the real type.
OPEN_TYPE = "ACCUSE"
_SKIP_DEPS = frozenset({"aux", "auxpass", "amod", "compound"})


def open_matches(sent: "SpacySpan", matched: Sequence[TriggerMatch], nouns: frozenset[str],
                 types: dict[str, str]) -> list[TriggerMatch]:
    """Matches with a plain pattern for the sentence's verbs and the listed event nouns that no
    pattern matched. ``types`` guesses a type per lemma (from training data); else OPEN_TYPE."""
    taken = {t.i for m in matched for t in m.tokens}
    out = []
    for token in sent:
        if token.i in taken or token.dep_ in _SKIP_DEPS:
            continue
        lemma = (token.lemma_ or token.lower_).lower()
        if token.pos_ == "VERB":
            pos = "VERB"
        elif token.pos_ in NOMINAL_POS and (lemma in nouns or token.lower_ in nouns):
            pos = "NOUN"
        else:
            continue
        pattern = EventPattern(lemma=lemma, type=types.get(lemma, OPEN_TYPE), pos=pos, needs="none", weight=0.3)
        out.append(TriggerMatch(token, pattern))
    return out


# The proposals' step: what the decider's features tell apart from the other open proposals.
EVALUATION_STEP = "evaluation"
# Where a word of evaluation is a predicate: "were unacceptable", "called it dangerous", "is a genius".
_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd", "xcomp", "ccomp", "ROOT"})
# Verbs that attach a judgement to their object ("called the exiles criminals", "described X as").
_LABELLING_VERBS = frozenset({"call", "describe", "term", "brand", "label", "dub", "deem", "consider", "find",
                              "regard", "view", "characterize", "characterise"})
_EVALUATIVE_POS = frozenset({"ADJ", "NOUN", "VERB"})


def _predicative(token: "Token") -> bool:
    """Whether ``token`` states a judgement: a predicate, the object of a labelling verb, or the
    complement of "as" after one ("described him as a hero")."""
    if token.dep_ in _PREDICATE_DEPS:
        return True
    head = token.head
    if token.dep_ in ("dobj", "conj", "appos", "npadvmod") and head.lemma_.lower() in _LABELLING_VERBS:
        return True
    return token.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in _LABELLING_VERBS


def evaluative_matches(sent: "SpacySpan", matched: Sequence[TriggerMatch], evaluations: "Evaluations") -> list[TriggerMatch]:
    """Matches for the words of evaluation that judge something in the sentence ("the DNC said the
    actions were completely unacceptable", "a positive step"): a listed adjective or noun that is a
    predicate, or qualifies one, and no other match took. Typed by polarity (ACCUSE or SUPPORT);
    the decider judges whether a stance-holder voiced it."""
    taken = {t.i for m in matched for t in m.tokens}
    out = []
    for token in sent:
        if token.i in taken or token.pos_ not in _EVALUATIVE_POS:
            continue
        lemma = (token.lemma_ or token.lower_).lower()
        polarity = evaluations.polarity(lemma) or evaluations.polarity(token.lower_)
        if polarity is None:
            continue
        if not (_predicative(token) or (token.dep_ == "amod" and _predicative(token.head))):
            continue
        pattern = EventPattern(lemma=lemma, type=POLARITY_TYPES[polarity], pos="NOUN" if token.pos_ == "NOUN" else "VERB",
                               needs="none", weight=0.3)
        out.append(TriggerMatch(token, pattern))
    return out
