"""Trigger matches that are no events: asides, refusals to comment, questions, claims posing as
demands, natural causes, and event nouns that another act is about."""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from ...knowledge.event_patterns import EventLexicon
from .match import TriggerMatch
from ..syntax.labels import ACTIVE_SUBJECTS, COMPLEMENTS, OBJECTS, SUBJECTS
from ...nlp import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["drop_object_events", "says_nothing", "natural_cause"]


def drop_object_events(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """An event noun that another type's verb acts on is what that act is about, not an act of
    its own: "would not cooperate with a UN investigation", "protested against the arrests"."""
    verbs = {m.token.i: m for m in matches if m.pattern.pos == "VERB"}
    kept = []
    for m in matches:
        t = m.token
        head = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else t.head
        other = verbs.get(head.i) if t.dep_ in ("dobj", "obj", "pobj") and m.pattern.pos == "NOUN" else None
        if other is not None and other.pattern.type != m.pattern.type and (other.obj is None or other.obj.i != t.i):
            continue
        kept.append(m)
    return kept


def says_nothing(m: TriggerMatch, lexicon: EventLexicon) -> bool:
    """A refusal to comment ("declined to give details"), a control verb over a question ("asked
    whether"), or one used as a reporting verb after its content ("X will attack, officials warned")."""
    if not m.pattern.control:
        return False
    t = m.token
    objects = [c for c in t.children if c.dep_ in OBJECTS]
    if lexicon.has("wish_types", m.pattern.type):
        if any(lexicon.has("unrequested_objects", c.lemma_) for c in objects):
            return True  # "requested anonymity"
        if any(c.dep_ in ("advmod", "prt") and c.i == t.i + 1 and lexicon.has("continuation_adverbs", c.lower_)
               for c in t.children):
            return True  # "pressed ahead with the vote": carrying on
        if lexicon.has("attempt_verbs", t.lemma_) and not objects and any(c.dep_ == "xcomp" for c in t.children):
            return True  # "sought to become his guardian": a try
        passive = any(c.dep_ == "auxpass" for c in t.children) or (
            t.tag_ == "VBN" and not any(c.dep_ in SUBJECTS for c in t.children))
        if t.dep_ == "advcl" and passive and not any(c.dep_ == "agent" for c in t.children) and any(
                c.dep_ in ("mark", "advmod") and lexicon.has("question_marks", c.lower_) for c in t.children):
            return True  # "said when asked about X": the reporter's question
        if t.dep_ == "advcl" and passive and not any(c.dep_ == "agent" for c in t.children) and any(
                c.dep_ == "prep" and c.lower_ == "about" for c in t.children):
            return True  # "Asked about his criticisms, X said": the same question, before the answer
    if any(c.dep_ == "ccomp" and c.i < m.token.i for c in m.token.children) and not any(
            c.dep_ in ("dobj", "obj", "dative") for c in m.token.children):
        return True
    for comp in m.token.children:
        if comp.dep_ not in COMPLEMENTS:
            continue
        if m.pattern.type == "REJECT" and (lexicon.has("uneventful_complements", comp.lemma_) or any(
                c.dep_ in OBJECTS and lexicon.has("uneventful_objects", c.lemma_) for c in comp.children)):
            return True
        if any(c.dep_ == "mark" and lexicon.has("hypothetical_marks", c.lower_) for c in comp.children):
            return True
        if comp.dep_ == "ccomp" and lexicon.has("wish_types", m.pattern.type) and _states_past_fact(comp) \
                and not any(c.dep_ in ("dobj", "obj", "dative") for c in m.token.children):
            return True  # "insisted that it had never threatened X": a claim, not a demand
        if any(c.tag_ in ("WDT", "WP", "WRB") and c.i < comp.i for c in comp.children):
            return True
    return False


def natural_cause(m: TriggerMatch, lexicon: EventLexicon) -> bool:
    """Whether a verbal trigger's doer is a natural force or impersonal cause (``natural_forces``):
    "a storm hit X", "X was pounded by heavy rain", "rising prices put pressure on X"."""
    t = m.token
    if m.pattern.pos != "VERB":
        return False
    doers = [c for c in t.children if c.dep_ in ACTIVE_SUBJECTS]
    doers += [p for a in t.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    if not doers and t.dep_ in ("advcl", "conj", "xcomp") and t.head.i != t.i:
        # "an earthquake struck Nepal, killing 1,000 people": the participle's doer is the clause's
        doers = [c for c in t.head.children if c.dep_ in ACTIVE_SUBJECTS]
    # "Hurricane Mitch killed ...": the force's name is a compound on the name
    return any(lexicon.has("natural_forces", w.lemma_) for d in doers
               for w in [d, *(c for c in d.children if c.dep_ == "compound")])


def _states_past_fact(verb: "Token") -> bool:
    """Whether a clause is in the past, perfect or third-person present without a modal ("had
    crossed", "attacked", "wants"), the tense of a fact rather than of a wish ("withdraw", "should withdraw", "would stop")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in aux):
        return False
    if any(c.lemma_ == "have" for c in aux) or any(c.tag_ in ("VBD", "VBZ") for c in aux):
        return True
    if verb.tag_ == "VBZ":  # "insisted his son wants to return": a claim in the present tense
        return True
    # "that Argentina cut its deficit": a past form that is also the bare form may be a wish
    return verb.tag_ == "VBD" and verb.lower_ != verb.lemma_.lower()


# a game's score: "4-2", "3 - 1", "2\u20130"
_SCORE = re.compile(r"\b\d{1,2} ?[-\u2013] ?\d{1,2}\b")


def sporting_contest(m: TriggerMatch, lexicon: EventLexicon) -> bool:
    """Whether a verb of victory is a game's result ("France beat Croatia 4-2 to win the World
    Cup"): a ``contest_verbs`` trigger in a sentence with a score or a ``sports_words`` word."""
    if m.pattern.pos != "VERB" or not lexicon.has("contest_verbs", m.token.lemma_):
        return False
    sent = sentence_of(m.token)
    return any(lexicon.has("sports_words", t.lower_) for t in sent) or _SCORE.search(sent.text) is not None


def figurative(m: TriggerMatch, lexicon: EventLexicon) -> bool:
    """Whether a verb of force is used in a figure of speech with its particle or preposition
    ("seized on her remarks", "shot back in a statement", "hit back at critics")."""
    if m.pattern.pos != "VERB" or not lexicon.has("force_types", m.pattern.type):
        return False
    lemma = m.token.lemma_.lower()
    return any(c.dep_ in ("prt", "prep", "advmod") and lexicon.has("figurative_idioms", f"{lemma} {c.lower_}")
               and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)  # "seized on Tuesday"
               for c in m.token.children)

