"""Features of what frames a proposal's trigger: words of evaluation under it (a speaker's
judgement: "called the move unacceptable"), and what makes a mention no reported act (a question,
a condition, a modal or an adverb of habit on the clause's verb)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..knowledge.event_evaluations import load_evaluations

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["frame_features"]

_SHORT = {"negative": "neg", "positive": "pos"}
_CONDITION_MARKS = frozenset({"if", "unless", "whether"})
_CLOSING = "\"'”’»)] \n\t"


def _lemma(token: "Token") -> str:
    return (token.lemma_ or token.lower_).lower()


def _clause_verb(token: "Token") -> "Token | None":
    """The verb whose clause holds the trigger: itself when a verb, else its nearest verbal governor."""
    t = token
    for _ in range(5):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def frame_features(token: "Token", sent: "SpacySpan", rule_type: str) -> list[str]:
    """The frame features of the trigger ``token`` in its sentence ``sent`` (``rule_type``: the
    type its pattern gives)."""
    evaluations = load_evaluations()
    f: list[str] = []
    own = evaluations.polarity(_lemma(token))
    if own:
        f += [f"eval_self={_SHORT[own]}", f"eval_self+type={_SHORT[own]}+{rule_type}"]
    found = set()
    for t in token.subtree:
        if t.i != token.i and sent.start <= t.i < sent.end and t.is_alpha:
            polarity = evaluations.polarity(_lemma(t)) or evaluations.polarity(t.lower_)
            if polarity:
                found.add(_SHORT[polarity])
    for polarity in sorted(found):
        f += [f"eval_sub={polarity}", f"eval_sub+type={polarity}+{rule_type}"]
    if sent.text.rstrip(_CLOSING).endswith("?"):
        f.append("question")
    verb = _clause_verb(token)
    if verb is not None:
        for c in verb.children:
            if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD":
                f.append(f"clause_modal={c.lower_}")
            elif c.dep_ == "advmod" and verb.i != token.i:
                f.append(f"clause_adv={c.lower_}")
    t = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in t.children):
            f.append("condition")
            break
        if t.head.i == t.i:
            break
        t = t.head
    return f
