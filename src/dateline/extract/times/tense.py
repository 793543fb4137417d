"""Which way a date without a year points: the tense of the verb that governs it.

"He said on Friday" → past; "talks will be held on Friday", "the talks are scheduled for
March 5", "he is to visit on Monday" → future; "protesters planned a rally on Saturday", "a
service planned for Saturday was cancelled", "the offer was extended to Nov. 16" → "near" (set
from a past vantage point: the nearest reading wins). The cue words are in the time lexicon
(``future_auxiliaries``, ``future_governors``, ``future_participles``, ``planning_verbs``,
``present_auxiliaries``, ``future_signals``, ``past_signals``, ``limit_signals``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...knowledge.time_lexicon import TimeLexicon
from ...nlp import doc_text
from .calendar import Direction
from ..syntax.labels import NOMINAL_POS, VERBAL_POS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["direction_at", "verb_direction", "governing_verb"]

_MAX_CLIMB = 8


def direction_at(doc: "Doc", start: int, end: int, lexicon: TimeLexicon, text: str | None = None) -> Direction:
    """The tense direction of the clause holding the characters ``start:end`` (None if unknown).

    Besides the tense: signal words just before the date ("since", "until"), a past-perfect
    verb, a date that only modifies a noun ("the Oct. 23 slaying": past unless the clause is
    future), a plan made in the past ("near"; but a fronted time dates the planning itself), and
    a limit set by a past act ("was extended to Nov. 16": "near").

    ``text`` is the document's text when the caller has it at hand.
    """
    text = doc_text(doc) if text is None else text
    if _signalled(text, start, lexicon, "past_signals"):
        return "past"
    verb = governing_verb(doc, start, end)
    if verb is not None and _past_perfect(verb):
        return "past"
    if _signalled(text, start, lexicon, "future_signals"):
        return "future"
    if _premodifier(doc, start, end) and not (
            verb is not None and verb_direction(verb, lexicon, progressive=False) == "future"):
        return "past"  # "the Oct. 23 slaying", "a June agreement": news names past events this way
    if verb is None:
        return None
    found = verb_direction(verb, lexicon)
    if found == "near" and start < verb.idx:
        return "past"  # "On Friday, the government planned ...": a fronted time dates the planning
    if found == "past" and _signalled(text, start, lexicon, "limit_signals"):
        return "near"  # "the offer was extended to Nov. 16"
    return found


def governing_verb(doc: "Doc", start: int, end: int) -> "Token | None":
    """The nearest verb above the expression in the dependency tree."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token: Token = span.root
    for _ in range(_MAX_CLIMB):
        if token.head is token:
            break
        token = token.head
        if token.pos_ in VERBAL_POS:
            return token
    return token if token.pos_ in VERBAL_POS else None


def _premodifier(doc: "Doc", start: int, end: int) -> bool:
    """Whether the expression only modifies a noun that follows it ("a June agreement", "the
    Oct. 23 slaying"): the tense of the clause does not date the noun's event."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return (root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ in NOMINAL_POS
            and root.head.i > span.end - 1)


def _past_perfect(verb: "Token") -> bool:
    """Whether a verb, or the verb or adjective it complements, is in the past perfect ("had
    planned to", "had been due to expire")."""
    chain = [verb, verb.head]
    while chain[-1].dep_ in ("xcomp", "acomp", "oprd") and chain[-1].head is not chain[-1] and len(chain) < 5:
        chain.append(chain[-1].head)
    for token in chain:
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


def verb_direction(verb: "Token", lexicon: TimeLexicon, *, progressive: bool = True) -> Direction:
    """past, future or present from a verb's auxiliaries and tag, or from the verbs above it.

    A participle or infinitive without a tense of its own ("start getting beat up in the
    spring") takes the tense of the finite verb that governs it. ``progressive=False`` does not
    read a present progressive ("is meeting") as a future.
    """
    for _ in range(_MAX_CLIMB):
        found = _own_direction(verb, lexicon, progressive=progressive)
        if found != "nonfinite":
            return found
        head = verb.head
        if head is verb or head.pos_ not in VERBAL_POS:
            return "past" if verb.tag_ == "VBN" else None
        verb = head
    return None


def _own_direction(verb: "Token", lexicon: TimeLexicon, *, progressive: bool = True) -> Direction | str:
    """The direction a verb's own auxiliaries and tag give; "nonfinite" when they give none."""
    classes = lexicon.classes
    future_aux = set(classes.get("future_auxiliaries", ()))
    present_aux = set(classes.get("present_auxiliaries", ()))
    aux_words = [c.text.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBN", "JJ") and _lemma(verb) in classes.get("future_participles", ()):
        return "near" if _planned_in_past(verb, aux_words, lexicon) else "future"
    if verb.tag_ == "VBD" and _lemma(verb) in classes.get("planning_verbs", ()):
        return "near"  # "protesters planned a rally on Saturday": a plan made before the document date
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
            return "near" if governor.tag_ == "VBD" else "future"
        return "nonfinite"
    if any(c.tag_ == "MD" for c in verb.children if c.dep_ == "aux"):
        return None
    if progressive and verb.tag_ == "VBG" and any(w in present_aux for w in aux_words):
        return "future"
    if verb.tag_ == "VBD" or any(w in ("was", "were", "did") for w in aux_words):
        return "past"
    if verb.tag_ == "VBP" and not aux_words and _singular_subject(verb):
        return "past"  # "Weakness hurt stocks": a plural-form present with a singular subject is a past
    if verb.tag_ in ("VBZ", "VBP") or any(w in present_aux for w in aux_words):
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "advcl"):
        return "past"
    if verb.tag_ in ("VBN", "VBG", "VB"):
        return "nonfinite"
    return None


def _planned_in_past(participle: "Token", aux_words: list[str], lexicon: TimeLexicon) -> bool:
    """Whether a planning participle stands in a past clause: "was scheduled for Friday", "a
    service planned for Saturday was cancelled" (the plan, not the event, is past)."""
    if any(w in ("was", "were", "had") for w in aux_words):
        return True
    if participle.dep_ not in ("acl", "amod", "relcl"):
        return False
    token = participle.head
    for _ in range(_MAX_CLIMB):
        if token.head is token:
            break
        token = token.head
        if token.pos_ in VERBAL_POS:
            return _own_direction(token, lexicon) == "past"
    return False


def _singular_subject(verb: "Token") -> bool:
    """Whether a verb's subject is a singular noun or he/she/it (which a VBP present cannot take:
    the verb is then an invariant past such as "hurt", "cut", "set")."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if any(c.dep_ == "conj" for c in child.children):
                return False  # "He and Arafat meet Monday"
            return child.tag_ in ("NN", "NNP") or child.lower_ in ("he", "she", "it")
    return False
