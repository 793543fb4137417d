"""Trigger matching: which tokens of a parsed sentence fit an event pattern, and in which frame."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..knowledge.event_patterns import EventPattern, EventPatterns, ObjectTerm

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["TriggerMatch", "match_sentence", "is_passive", "object_of"]

# Dependency labels, a property of the parser's annotation scheme (ClearNLP / OntoNotes).
_OBJECT_DEPS = ("dobj", "obj")
_QUANTITY_HEADS = {"day", "week", "month", "hour", "series", "wave", "round", "number", "set",
                   "string", "spate", "barrage", "volley", "kind", "type", "couple", "part", "portion",
                   "some", "all", "most", "much", "lot", "dozen", "hundred", "thousand", "ton", "tonne",
                   "kilogram", "kg", "barrel", "shipment", "consignment", "package", "worth",
                   "amount", "quantity", "load", "batch", "million", "billion", "state", "$", "dollar",
                   "euro", "pound", "yen", "yuan", "rupee", "franc", "shilling", "ruble", "rouble"}


@dataclass(frozen=True)
class TriggerMatch:
    """A token that fits a pattern; ``obj`` is the object noun that belongs to the trigger."""

    token: "Token"
    pattern: EventPattern
    obj: "Token | None" = None

    @property
    def tokens(self) -> list["Token"]:
        """The trigger's tokens: the word, its particle and the object noun when the pattern names one."""
        out = [self.token]
        out.extend(c for c in self.token.children if c.dep_ == "prt")
        if self.obj is not None and not any(o.lemma == "*" for o in self.pattern.objects):
            out.append(self.obj)
            out.extend(c for c in self.obj.children
                       if c.dep_ == "compound" and c.i < self.obj.i and c.i > self.token.i)
        return sorted(out, key=lambda t: t.i)

    @property
    def start(self) -> int:
        return min(t.idx for t in self.tokens)

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in self.tokens)


def is_passive(token: "Token") -> bool:
    """Whether a verb is in the passive voice."""
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in token.children)


def object_of(token: "Token") -> "Token | None":
    """The direct object of a verb (the passive subject for a passive verb)."""
    for c in token.children:
        if c.dep_ in _OBJECT_DEPS:
            return c
    if is_passive(token):
        for c in token.children:
            if c.dep_ == "nsubjpass":
                return c
    return None


def _lemma(token: "Token") -> str:
    return token.lemma_.lower()


def _pos_ok(token: "Token", pos: str) -> bool:
    if pos == "VERB":
        return token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX")
    if pos == "NOUN":  # "bombing victims", "protest movement": a modifier is not an event
        return (token.pos_ == "NOUN" and token.dep_ not in ("compound", "amod", "nmod", "npadvmod")
                and token.ent_type_ not in ("DATE", "TIME", "EVENT", "LAW", "WORK_OF_ART"))
    return token.pos_ == "ADJ" or (token.tag_ == "VBN" and token.dep_ in ("acomp", "amod"))


def _has_modifier(token: "Token", lemmas: Iterable[str]) -> bool:
    wanted = set(lemmas)
    return any(c.dep_ in ("compound", "amod", "nmod") and _lemma(c) in wanted for c in token.children)


def _term_fits(noun: "Token", term: ObjectTerm) -> bool:
    if term.lemma == "*":  # any object: the verb is an event only when used transitively
        return noun.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
    return _lemma(noun) == term.lemma and (not term.modifiers or _has_modifier(noun, term.modifiers))


def _object_candidates(token: "Token", preps: tuple[str, ...] = ()) -> list["Token"]:
    """The object noun, its conjuncts, nouns behind a quantity ("10 days of war games"), and,
    when the pattern names prepositions, their objects ("went on strike", "spoke by telephone")."""
    obj = object_of(token)
    prep_objs = [p for c in token.children if c.dep_ == "prep" and _lemma(c) in preps
                 for p in c.children if p.dep_ == "pobj"]
    if obj is None:
        return prep_objs
    out = [obj, *[c for c in obj.children if c.dep_ == "conj"], *prep_objs]
    if _lemma(obj) in _QUANTITY_HEADS or obj.pos_ in ("NUM", "SYM") or obj.tag_ == "$":
        for c in obj.children:
            if c.dep_ == "prep" and _lemma(c) in ("of", "in"):
                out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def _fits(token: "Token", pattern: EventPattern) -> tuple[bool, "Token | None"]:
    if not _pos_ok(token, pattern.pos):
        return False, None
    obj: Token | None = None
    if pattern.objects:
        for cand in _object_candidates(token, pattern.preps):
            if any(_term_fits(cand, term) for term in pattern.objects):
                obj = cand
                break
        if obj is None:
            return False, None
    if pattern.particles and not any(c.dep_ == "prt" and _lemma(c) in pattern.particles for c in token.children):
        return False, None
    if pattern.preps and not any(c.dep_ in ("prep", "agent", "dative") and _lemma(c) in pattern.preps
                                 for c in token.children):
        return False, None
    if pattern.modifiers and not _has_modifier(token, pattern.modifiers):
        return False, None
    if pattern.xcomp:
        comps = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
        if not comps or ("*" not in pattern.xcomp and not any(_lemma(c) in pattern.xcomp for c in comps)):
            return False, None
    return True, obj


def match_token(token: "Token", patterns: EventPatterns) -> TriggerMatch | None:
    """The most specific pattern ``token`` fits, or None."""
    for pattern in patterns.for_lemma(_lemma(token)):
        ok, obj = _fits(token, pattern)
        if ok:
            return TriggerMatch(token, pattern, obj)
    return None


def match_light_verb(token: "Token", patterns: EventPatterns, light_verbs: frozenset[str]) -> TriggerMatch | None:
    """``announced the withdrawal of its troops``: a light verb over an event noun, coded as the
    verb the noun stands for (with the noun as the trigger's object)."""
    if _lemma(token) not in light_verbs or not _pos_ok(token, "VERB"):
        return None
    for noun in _object_candidates(token):
        for pattern in patterns.plain_verb_patterns(_lemma(noun)):
            return TriggerMatch(token, pattern, noun)
    return None


def match_sentence(sent: "SpacySpan", patterns: EventPatterns,
                   light_verbs: frozenset[str] = frozenset()) -> list[TriggerMatch]:
    """Every trigger in one sentence, in text order; an object noun never triggers on its own."""
    found: list[TriggerMatch] = []
    for token in sent:
        if token.is_space or token.is_punct:
            continue
        m = match_token(token, patterns) or match_light_verb(token, patterns, light_verbs)
        if m is not None:
            found.append(m)
    claimed = {m.obj.i for m in found if m.obj is not None}
    return [m for m in found if m.token.i not in claimed]
