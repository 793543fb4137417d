"""Which way a date without a year points: the tense of the verb that governs it.

"He said on Friday" → past; "talks will be held on Friday", "the talks are scheduled for
March 5", "he is to visit on Monday" → future. The cue words are in the time lexicon
(``future_auxiliaries``, ``future_governors``, ``future_participles``, ``present_auxiliaries``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..knowledge.time_lexicon import TimeLexicon
from .time_calendar import Direction

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["direction_at", "verb_direction"]

_MAX_CLIMB = 8


def direction_at(doc: "Doc", start: int, end: int, lexicon: TimeLexicon, text: str | None = None) -> Direction:
    """The tense direction of the clause holding the characters ``start:end`` (None if unknown).

    ``text`` is ``doc.text`` when the caller has it at hand (spaCy rebuilds it on every access).
    """
    text = doc.text if text is None else text
    if _signalled(text, start, lexicon, "past_signals"):
        return "past"
    signalled = _signalled(text, start, lexicon, "future_signals")
    verb = _governing_verb(doc, start, end)
    if verb is None:
        return "future" if signalled else None
    if _past_perfect(verb):
        return "past"
    return "future" if signalled else verb_direction(verb, lexicon)


def _governing_verb(doc: "Doc", start: int, end: int) -> "Token | None":
    """The nearest verb above the expression in the dependency tree."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token: Token = span.root
    for _ in range(_MAX_CLIMB):
        if token.head is token:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return token if token.pos_ in ("VERB", "AUX") else None


def _past_perfect(verb: "Token") -> bool:
    """Whether a verb, or the verb it complements, is in the past perfect ("had been due to")."""
    for token in (verb, verb.head):
        if any(c.text.lower() == "had" for c in token.children if c.dep_ in ("aux", "auxpass")):
            return True
        if token.text.lower() == "had" and token.pos_ == "AUX":
            return True
    return False


def _signalled(text: str, start: int, lexicon: TimeLexicon, signals: str) -> bool:
    """Whether the words just before ``start`` are one of the lexicon's ``signals``
    ("until", "as early as" point ahead; "since" points back)."""
    before = " ".join(text[max(0, start - 30):start].lower().split())
    return any(before == s or before.endswith(" " + s) for s in lexicon.classes.get(signals, ()))


def _lemma(token: "Token") -> str:
    """The lower-case lemma of a token (its text when the pipeline has no lemmatizer)."""
    return (token.lemma_ or token.text).lower()


def verb_direction(verb: "Token", lexicon: TimeLexicon) -> Direction:
    """past, future or present from a verb's auxiliaries and tag, or from the verbs above it.

    A participle or infinitive without a tense of its own ("start getting beat up in the
    spring") takes the tense of the finite verb that governs it.
    """
    for _ in range(_MAX_CLIMB):
        found = _own_direction(verb, lexicon)
        if found != "nonfinite":
            return found
        head = verb.head
        if head is verb or head.pos_ not in ("VERB", "AUX"):
            return "past" if verb.tag_ == "VBN" else None
        verb = head
    return None


def _own_direction(verb: "Token", lexicon: TimeLexicon) -> Direction | str:
    """The direction a verb's own auxiliaries and tag give; "nonfinite" when they give none."""
    classes = lexicon.classes
    future_aux = set(classes.get("future_auxiliaries", ()))
    present_aux = set(classes.get("present_auxiliaries", ()))
    aux_words = [c.text.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBN", "JJ") and _lemma(verb) in classes.get("future_participles", ()):
        return "future"
    if any(w in ("have", "has", "had", "'ve") for w in aux_words):
        return "past"
    if any(w in future_aux for w in aux_words):
        return "future"
    if "to" in aux_words and verb.head is not verb:
        governor = verb.head
        lemma = _lemma(governor)
        if lemma == "be" and governor.tag_ == "VBD":
            return "past"
        if lemma in classes.get("future_governors", ()) or governor.text.lower() == "going":
            return "future"
        return "nonfinite"
    if any(c.tag_ == "MD" for c in verb.children if c.dep_ == "aux"):
        return None
    if verb.tag_ == "VBG" and any(w in present_aux for w in aux_words):
        return "future"
    if verb.tag_ == "VBD" or any(w in ("was", "were", "did") for w in aux_words):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(w in present_aux for w in aux_words):
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "advcl"):
        return "past"
    if verb.tag_ in ("VBN", "VBG", "VB"):
        return "nonfinite"
    return None
