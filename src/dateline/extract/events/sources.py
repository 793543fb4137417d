"""Who acts: the subject of an event verb (climbing to the clause it depends on) and the doer of
an action noun (possessor, nationality, ``by`` phrase, or the subject of the verb that governs it).
Used by :mod:`.roles`; parse helpers are in :mod:`..syntax.tree`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import Actor
from ..syntax.tree import children, lost_object, pobjs
from .actor_coder import ActorCoder
from .match import is_passive
from .owners import code_token
from ..syntax.labels import NOMINAL_POS, OBJECTS, SUBJECTS, VERBAL_POS
from ...nlp import sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...knowledge.event_patterns import EventLexicon

__all__ = ["noun_source", "subject_actors", "verbless_main"]


_INHERIT_DEPS = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "prep", "pobj", "relcl", "dep"}


def verbless_main(verb: "Token") -> bool:
    """Whether a verb the parser attached to a noun (acl) is in fact the main verb: its sentence
    has a noun for root and no other verb of its own."""
    root = sentence_of(verb).root
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and root.pos_ in NOMINAL_POS
            and verb.i > root.i and not any(c.dep_ in SUBJECTS for c in verb.children))


def subject_actors(verb: "Token", coder: ActorCoder, lexicon: "EventLexicon", *, hops: int = 4) -> list[Actor]:
    """The actors of the subject of a verb, climbing to governing clauses when it has none."""
    t = verb
    came_from = ""
    for _ in range(hops):
        subj = children(t, "nsubj") or ([] if t is verb and is_passive(t) else children(t, "nsubjpass"))
        if not subj and not children(t, "nsubjpass", "csubj", "expl"):
            # a subject the parser misread as a modifier of the verb ("Turkey(npadvmod) massed troops")
            subj = [c for c in t.children if c.dep_ == "npadvmod" and c.i < t.i and c.pos_ == "PROPN"]
        if subj and t.dep_ in ("advcl", "conj") and t.tag_ in ("VBG", "VBN") and lost_object(subj[0], t.head):
            # "imposed sanctions on(prep) X(nsubj), charging(advcl) her": the subject the parser
            # gave a participle is the object its preposition lost; the doer is above
            subj = []
        elif subj:
            noun = subj[0]
            # an event noun is no actor: its doer is found below ("Israeli strikes on X killed ...")
            doer = coder.doer(noun) if noun.pos_ == "NOUN" else None
            if doer is not None:
                return [doer]  # "a suicide bomber blew himself up": a doer, not an event
            event = noun.pos_ == "NOUN" and noun.lemma_.lower() in coder.event_nouns
            got = [] if event else coder.code_noun(noun)
            if got:
                return got
            # "the strike, which killed ...": the relative pronoun stands for an event noun;
            # "a bombing killed ...": the event noun's own source.
            if lexicon.has("relative_pronouns", noun.text) and t.dep_ == "relcl":
                noun = t.head
                if _issued_document(noun, lexicon):
                    return subject_actors(noun.head, coder, lexicon, hops=max(1, hops - 1))  # "a plan which urges X"
            if noun.pos_ in NOMINAL_POS and noun.i != t.i and noun.head.i != t.i:
                # the subject is an event noun governed elsewhere (a relative clause's antecedent)
                return noun_source(noun, coder, lexicon, hops=min(8, hops + 4))
            if noun.pos_ in NOMINAL_POS:
                return noun_source(noun, coder, lexicon, hops=0)
            return []
        if t.dep_ in ("relcl", "acl") and _issued_document(t.head, lexicon):
            # "adopted a resolution calling on X", "backed a plan which urges X": what a document
            # says is said by whoever issues or adopts it
            return subject_actors(t.head.head, coder, lexicon, hops=max(1, hops - 1))
        if t.dep_ == "relcl":
            return []
        if verbless_main(t):
            # the main verb the parser hung on a noun of a sentence it left without one
            # ("Doctors(ROOT) from aid groups donated(acl) ..."): the root noun is its subject
            return coder.code_noun(sentence_of(t).root)
        # "X is ready to free Y": an infinitive on a predicate adjective takes the copula's subject
        ready = t.dep_ == "acomp" and t.i != verb.i and came_from == "xcomp"
        if (t.dep_ not in _INHERIT_DEPS and not ready) or t.head.i == t.i:
            return []
        came_from = t.dep_
        if t.dep_ == "xcomp" and t.head.pos_ in VERBAL_POS:
            # object control: "forced X to close", "allowed X to send": X does the act
            objs = [c for c in t.head.children if c.dep_ in OBJECTS and c.i < t.i
                    and c.pos_ in ("NOUN", "PROPN", "PRON")]
            if objs:
                return coder.code_noun(objs[0])
        t = t.head
        if t.pos_ == "ADP":
            t = t.head
    return []


def _issued_document(noun: "Token", lexicon: "EventLexicon") -> bool:
    """Whether a noun is a document (``document_nouns``) that its verb issues (``issuing_verbs``):
    "adopted a resolution", "sent a letter" (not "backed a plan": backing it says nothing)."""
    return (lexicon.has("document_nouns", noun.lemma_) and noun.dep_ in ("dobj", "obj", "nsubjpass")
            and lexicon.has("issuing_verbs", noun.head.lemma_))


_LEADER_PARTICIPLES = frozenset({"led", "backed", "sponsored", "supported", "funded", "armed", "organised",
                                 "organized", "orchestrated", "brokered", "mediated"})


def noun_source(noun: "Token", coder: ActorCoder, lexicon: "EventLexicon", *, hops: int = 8) -> list[Actor]:
    """Who carries out an action noun: its possessor, its nationality, ``by X``, or the doer above."""
    for c in noun.children:
        if c.dep_ == "poss":
            got = coder.code_noun(c)
            if got:
                return got
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i:
            if c.tag_ == "VBN" and c.lower_ in _LEADER_PARTICIPLES:
                # "the U.S.-led attack", "a Saudi-backed offensive": the leader is the doer (a
                # mention of the whole "U.S.-led" may be coded as the coalition it leads)
                for leader in c.children:
                    if leader.pos_ in NOMINAL_POS and leader.i < c.i:
                        got = coder.code_exact(leader) or coder.code_noun(leader)
                        if got:
                            return got
            got = coder.code_noun(c) if c.pos_ in NOMINAL_POS else code_token(c, coder)
            if got:
                return got
    for c in noun.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            for p in pobjs(c):
                got = coder.code_noun(p)
                if got:
                    return got
    # the doer of a governing aspectual verb: "X began airstrikes", "X announced the launch of ..."
    t = noun
    for _ in range(hops):
        if t.head.i == t.i:
            return []
        t = t.head
        if t.pos_ in VERBAL_POS and t.dep_ not in ("acl", "amod"):
            if not lexicon.has("aspectual_verbs", t.lemma_):
                return []
            got = subject_actors(t, coder, lexicon, hops=2)
            if got or t.dep_ != "relcl" or not any(
                    lexicon.has("relative_pronouns", c.text) for c in children(t, "nsubj", "nsubjpass")):
                return got
            t = t.head  # "a campaign, which began with airstrikes": go on from the campaign
    return []
