"""Open proposals: words no trigger pattern matches that may still name an act (every main verb,
and the nouns a trained model has seen name acts), proposed for a learned decider to judge. The
rules never code them; they only widen what the decider may consider."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...knowledge.event_patterns import EventPattern
from ...nlp import token_column
from .match import TriggerMatch
from ..syntax.labels import NOMINAL_POS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

__all__ = ["open_matches", "OPEN_TYPE"]

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
    doc = sent.doc
    deps, tags = token_column(doc, "dep_"), token_column(doc, "pos_")
    for i in range(sent.start, sent.end):
        if i in taken or deps[i] in _SKIP_DEPS:
            continue
        word_pos = tags[i]  # most words are neither: their lemma is not read
        if word_pos == "VERB":
            token = doc[i]
            lemma, pos = (token.lemma_ or token.lower_).lower(), "VERB"
        elif word_pos in NOMINAL_POS:
            token = doc[i]
            lemma, pos = (token.lemma_ or token.lower_).lower(), "NOUN"
            if lemma not in nouns and token.lower_ not in nouns:
                continue
        else:
            continue
        pattern = EventPattern(lemma=lemma, type=types.get(lemma, OPEN_TYPE), pos=pos, needs="none", weight=0.3)
        out.append(TriggerMatch(token, pattern))
    return out
