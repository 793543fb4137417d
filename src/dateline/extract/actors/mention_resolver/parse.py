"""The parse strategies: which noun a pronoun or a counted group stands for, read from the parse.

A pronoun's antecedent is a subject up its clause chain, then a subject of the three sentences
before (:func:`antecedent_token`); an object pronoun of a clause joined to a verb is that verb's
plural object ("shut down 25 groups, accusing them": :func:`shared_object`); "the two countries"
or "both sides" is the pair coordinated before it, or the subject and partner of the clause its
own clause is joined to (:func:`pair_antecedent`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from ....records import Actor
from ...syntax.labels import NOMINAL_POS, OBJECTS, SUBJECTS, VERBAL_POS
from ...syntax.tree import lost_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["antecedent_token", "shared_object", "names_a_pair", "pair_antecedent", "CodeNoun", "Article"]


class Article(Protocol):
    """What the parse strategies read of the resolver (:class:`.resolver.MentionResolver`)."""

    doc: "Doc"

    def codes(self, token: "Token") -> bool: ...

    def is_pronoun(self, token: "Token") -> bool: ...

    def sentence_start(self, i: int) -> int: ...

    def has(self, name: str, word: str) -> bool: ...

#: Pronouns that stand for one person ("he", "her"): never for a plural noun ("officers").
_SINGULAR = frozenset({"he", "him", "his", "she", "her", "hers"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})

CodeNoun = Callable[["Token", int], list[Actor]]
"""Codes the phrase a noun heads, at a depth of resolution: ``(token, depth) -> actors`` (the event
coder's ``code_noun``)."""


def antecedent_token(r: Article, pronoun: "Token") -> "Token | None":
    """A non-pronoun subject the pronoun most likely refers to: up the clause chain, then the
    subjects of the three sentences before (a plural pronoun wants a plural or a body)."""
    plural = pronoun.lower_ in ("they", "them", "their")
    single = pronoun.lower_ in _SINGULAR
    shared = shared_object(pronoun) if plural else None
    if shared is not None:
        return shared
    t = pronoun.head
    own_clause = pronoun.dep_ not in ("nsubj", "nsubjpass", "poss")
    if own_clause and t.pos_ in VERBAL_POS and t.tag_ in ("VBG", "VBN"):
        # "imposed sanctions on(prep) X(nsubj), charging(advcl) her": X is the object the
        # preposition lost, not the participle's subject, and the one "her" stands for
        for c in t.children:
            if c.dep_ == "nsubj" and c.i < pronoun.i and lost_object(c, t.head) and r.codes(c):
                return c
    while True:
        # an object pronoun never refers to its own clause's subject ("X hit them")
        if own_clause and t.pos_ in VERBAL_POS:
            own_clause = False
        else:
            for c in t.children:
                if c.dep_ in SUBJECTS and c.i != pronoun.i and not r.is_pronoun(c) \
                        and c.i < pronoun.i and not (single and c.tag_ in _PLURAL_TAGS) and r.codes(c):
                    return c
        if t.head.i == t.i:
            break
        t = t.head
    start = r.sentence_start(pronoun.i)
    for _ in range(3):
        if start <= 0:
            break
        prev_start = r.sentence_start(start - 1)
        prev = r.doc[prev_start:start]
        subjects = [tok for tok in prev if tok.dep_ in SUBJECTS and not r.is_pronoun(tok)
                    and tok.pos_ in NOMINAL_POS and not (single and tok.tag_ in _PLURAL_TAGS) and r.codes(tok)
                    and (not plural or tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ in ("GPE", "ORG", "NORP"))]
        if subjects:
            return subjects[0]
        start = prev_start
    return None


def shared_object(pronoun: "Token") -> "Token | None":
    """``shut down 25 groups, accusing them``, ``detained 200 protesters and beat several of
    them``: an object pronoun of a clause joined to a verb stands for that verb's plural object."""
    verb = pronoun.head
    while verb.pos_ not in VERBAL_POS and verb.head.i != verb.i:
        verb = verb.head
    if pronoun.dep_ == "nsubj" or verb.dep_ not in ("advcl", "conj", "xcomp") \
            or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    for obj in verb.head.children:
        if obj.dep_ in OBJECTS and obj.i < pronoun.i and obj.tag_ in ("NNS", "NNPS"):
            return obj
    return None


def names_a_pair(r: Article, noun: "Token") -> bool:
    """``the two countries``, ``both sides``, ``the three neighbours`` (``pair_nouns`` counted
    by ``group_count_words``); ``the two`` or ``both`` standing alone as a subject ("the two
    pledged to ...")."""
    counted = r.has("group_count_words", noun.lower_)
    if counted and noun.dep_ in SUBJECTS \
            and (noun.lower_ == "both" or any(c.lower_ == "the" for c in noun.children)):
        return True
    return noun.pos_ == "NOUN" and r.has("pair_nouns", noun.lemma_) and any(
        c.dep_ in ("det", "nummod", "predet", "amod") and r.has("group_count_words", c.lower_)
        for c in noun.children)


def pair_antecedent(r: Article, noun: "Token", code: CodeNoun) -> list[Actor]:
    """The two or more coordinated actors named last before ``noun`` ("India and Pakistan
    ... the two countries"), in its sentence or the two before it; else the clause pair."""
    first = r.sentence_start(r.sentence_start(noun.i) - 1) if r.sentence_start(noun.i) > 0 else 0
    if first > 0:
        first = r.sentence_start(first - 1)
    for i in range(noun.i - 1, first - 1, -1):
        t = r.doc[i]
        if t.pos_ not in NOMINAL_POS or not any(c.dep_ == "conj" for c in t.children) \
                or names_a_pair(r, t):
            continue
        while t.dep_ == "conj" and t.head.pos_ in NOMINAL_POS:
            t = t.head  # "Spain, Ireland and Norway": from the first of the list
        got = [a for a in code(t, 2) if a.country]
        if len({a.country for a in got}) >= 2:
            return got
    return _clause_pair(noun, code)


def _clause_pair(noun: "Token", code: CodeNoun) -> list[Actor]:
    """``X met Y, and the two agreed ...``: the subject and the partner (object or "with"
    phrase) of the clause the pair's own clause is joined to."""
    verb = noun.head
    if verb.dep_ != "conj" or noun.i < verb.head.i:
        return []
    first = verb.head
    nouns = [c for c in first.children if c.dep_ == "nsubj"]
    partners = [c for c in first.children if c.dep_ in OBJECTS]
    for holder in [first, *partners]:
        partners += [p for prep in holder.children if prep.dep_ == "prep" and prep.lower_ == "with"
                     for p in prep.children if p.dep_ == "pobj"]
    found: list[Actor] = []
    for n in nouns + partners:
        got = [a for a in code(n, 2) if a.country or a.sector]
        if got and n.pos_ in NOMINAL_POS:
            found.append(got[0])
        if len(found) == 2:
            return found if (found[0].start, found[0].end) != (found[1].start, found[1].end) else []
    return []
