"""The status of an event: asserted, negated, hypothetical, planned or reported (with who claims it).

The frame is read on the path from the trigger up to the clause that reports it: negation words
and negating verbs ("failed to", "steered clear of"), negative subjects ("neither X nor Y",
"none of them"), the act not chosen ("rather than attacking"), preferences ("would rather"), conditional and interrogative markers ("if", "whether") and
uncertain modals ("could"), future modals and planning verbs ("will", "scheduled for"), and
"according to X" anywhere up to the sentence root.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ...knowledge.event_patterns import EventLexicon
from .match import verb_lemmas
from ..syntax.labels import NOMINAL_POS, SUBJECTS, VERBAL_POS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Frame", "read_frame"]

Tense = Literal["past", "future", "intent", "planned"]


@dataclass(frozen=True)
class Frame:
    """What the words around a trigger say about it.

    ``tense``: past (default), future ("will"), intent ("would" in reported speech) or planned
    ("scheduled", "plans to"); ``decided``: announced by a decision verb ("announced it would");
    ``conditional``: the trigger carries an if-clause.
    """

    negated: bool = False
    hypothetical: bool = False
    tense: Tense = "past"
    reported_by: "Token | None" = None
    reported: bool = False
    decided: bool = False
    conditional: bool = False


def _path(trigger: "Token", lexicon: EventLexicon) -> list["Token"]:
    """The trigger and its governors up to (not including) the speech verb that reports it; a
    relative clause or a participle clause ends the path, and a nominal trigger's path ends at its
    own verb."""
    out = [trigger]
    t = trigger
    nominal = trigger.pos_ in NOMINAL_POS
    while t.head.i != t.i:
        if nominal and t.pos_ in VERBAL_POS:
            break  # a nominal event is presupposed by the clause it sits in, beyond its own verb
        if t.dep_ in ("ccomp",) and lexicon.has("speech_verbs", t.head.lemma_):
            break
        if t.dep_ == "relcl":
            break  # "the blasts that killed 10": a relative clause is presupposed by its noun
        if t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ in ("mark", "aux") for c in t.children):
            break  # "X would not return, rebuffing Y": a participle's act is outside the verb's negation
        t = t.head
        if lexicon.has("speech_verbs", t.lemma_) and t.pos_ == "VERB":
            break
        out.append(t)
    return out


def _head_words(t: "Token") -> list[str]:
    """The lemmas a governing word may stand for: its lemma, a mis-lemmatised verb's stems
    ("hopes" read as *hop*), and two-word verbs with their adverb, particle or adjective
    ("steer clear", "shy away", "hold off")."""
    words = verb_lemmas(t) if t.pos_ == "VERB" else [t.lemma_.lower()]
    words += [f"{w} {c.lower_}" for w in words[:1] for c in t.children
              if c.dep_ in ("advmod", "prt", "acomp", "oprd", "dobj") and c.i == t.i + 1]
    # a verb with its object noun wherever it stands ("cleared the way for", "set the stage for")
    words += [f"{w} {c.lemma_.lower()}" for w in words[:1] for c in t.children if c.dep_ == "dobj"]
    return words


def _negative_subject(t: "Token", lexicon: EventLexicon) -> bool:
    """"no country has condemned", "neither X nor Y criticized", "none of them attacked"."""
    for c in t.children:
        if c.dep_ not in SUBJECTS:
            continue
        if lexicon.has("negative_subjects", c.lower_) or any(
                d.dep_ in ("det", "preconj", "cc") and lexicon.has("negative_subjects", d.lower_)
                for d in c.children):
            return True
    return False


def _according_to(token: "Token") -> "Token | None":
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            for to in c.children:
                if to.lower_ == "to":
                    for p in to.children:
                        if p.dep_ == "pobj":
                            return p
    return None


def governor_of(path: list["Token"]) -> "Token | None":
    """The word above the trigger's clause: the speech verb that reports it, if any."""
    top = path[-1]
    return top.head if top.head.i != top.i else None


def read_frame(trigger: "Token", lexicon: EventLexicon) -> Frame:
    """Negation, modality, tense and attribution of the event whose trigger is ``trigger``."""
    path = _path(trigger, lexicon)
    negated = hypothetical = reported = False
    tense: Tense = "past"
    nominal = trigger.pos_ in NOMINAL_POS
    for depth, t in enumerate(path):
        own = depth == 0
        # the verb a nominal event hangs on lends its meaning ("talks were cancelled"), not its modals
        children = [] if nominal and not own and t.pos_ in VERBAL_POS else list(t.children)
        if own and t.i >= 2 and lexicon.has("alternative_phrases", f"{t.doc[t.i - 2].lower_} {t.doc[t.i - 1].lower_}"):
            negated = True  # "rather than attacking X", "instead of condemning X": the act not done
        if own and _negative_subject(t, lexicon):
            negated = True  # "no country has condemned", "neither X nor Y criticized"
        for c in children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "det" and low == "no" and own):
                if own or t.pos_ in ("VERB", "AUX", "ADJ"):
                    negated = True
            elif c.dep_ == "det" and own and lexicon.has("hypothetical_determiners", low):
                hypothetical = True  # "any attack on its citizens": no attack in particular
            elif c.dep_ == "mark" and lexicon.has("hypothetical_marks", low):
                hypothetical = True
            elif c.dep_ == "advmod" and lexicon.has("preference_adverbs", low) and any(
                    d.dep_ == "aux" and lexicon.has("intent_modals", d.lower_) for d in t.children):
                hypothetical = True  # "would rather negotiate": a preference, not an act
            elif c.dep_ == "aux":
                if lexicon.has("hypothetical_modals", low):
                    hypothetical = True
                elif lexicon.has("future_modals", low):
                    tense = "future" if tense == "past" else tense
                elif lexicon.has("intent_modals", low):
                    tense = "intent" if tense == "past" else tense
            elif c.dep_ in ("acl", "amod") and own and lexicon.has("planned_heads", c.lemma_):
                tense = "planned"
        if depth > 0:
            words = _head_words(t)
            # "the talks failed" happened; "cancelled the talks" did not
            subject_of_verb = nominal and depth == 1 and path[0].dep_ == "nsubj"
            if any(lexicon.has("negating_heads", w) for w in words) and not subject_of_verb:
                negated = True
            if any(lexicon.has("hypothetical_heads", w) for w in words):
                hypothetical = True
            if lexicon.has("planned_heads", words[0]) and tense == "past":
                tense = "planned"
            if lexicon.has("report_words", words[0]) and t.pos_ == "NOUN":
                reported = True
        # "to punish them": a purpose infinitive states an aim, not an act
        if t.dep_ in ("advcl", "acl", "relcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            hypothetical = True
        # "going to attack"
        if t.lower_ == "going" and any(c.dep_ == "xcomp" for c in t.children):
            tense = "future"
    reporter = None
    t = trigger
    while True:
        reporter = _according_to(t)
        if reporter is not None or t.head.i == t.i:
            break
        t = t.head
    if reporter is None and governor_of(path) is not None:
        speech = governor_of(path)
        if lexicon.has("claim_verbs", speech.lemma_):  # "X claimed that Y attacked Z"
            reporter = next((c for c in speech.children if c.dep_ == "nsubj"), None)
    if reporter is not None:
        reported = True
    # "X will strike if Y ...": a conditional promise or threat
    conditional = any(c.dep_ == "advcl" and any(
        m.dep_ == "mark" and lexicon.has("conditional_marks", m.lower_) for m in c.children)
        for c in trigger.children)
    governor = governor_of(path)
    decided = any(lexicon.has("decision_verbs", t.lemma_) for t in path[1:]) or (
        governor is not None and lexicon.has("decision_verbs", governor.lemma_))
    return Frame(negated=negated, hypothetical=hypothetical, tense=tense, reported_by=reporter,
                 reported=reported, decided=decided, conditional=conditional)
