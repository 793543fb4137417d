"""Source and target of a matched trigger, read from the dependency parse.

Verbs: subject → source, object / dative / target prepositions → target; passive verbs swap
(``by`` agent → source, passive subject → target); a verb without a subject takes the subject of
the clause it depends on. Nouns: possessor, nationality modifier or ``by`` phrase → source, else
the subject of the nearest governing action verb. Symmetric events split coordinated subjects and
read ``between X and Y``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Actor
from .event_actors import ActorCoder
from .event_match import TriggerMatch, is_passive

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..knowledge.event_patterns import EventLexicon, EventPatterns

__all__ = ["Roles", "find_roles"]

_INHERIT_DEPS = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "prep", "pobj", "relcl", "dep"}


@dataclass(frozen=True)
class Roles:
    """The actors found for an event's two roles."""

    source: tuple[Actor, ...]
    target: tuple[Actor, ...]


def _children(token: "Token", *deps: str) -> list["Token"]:
    return [c for c in token.children if c.dep_ in deps]


def _pobjs(prep: "Token") -> list["Token"]:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def _subject(verb: "Token", coder: ActorCoder, lexicon: "EventLexicon", *, hops: int = 4) -> list[Actor]:
    """The actors of the subject of a verb, climbing to governing clauses when it has none."""
    t = verb
    for _ in range(hops):
        subj = _children(t, "nsubj") or ([] if t is verb and is_passive(t) else _children(t, "nsubjpass"))
        if subj:
            noun = subj[0]
            got = coder.code_noun(noun)
            if got:
                return got
            # "the strike, which killed ...": the relative pronoun stands for an event noun;
            # "a bombing killed ...": the event noun's own source.
            if lexicon.has("relative_pronouns", noun.text) and t.dep_ == "relcl":
                noun = t.head
            if noun.pos_ in ("NOUN", "PROPN") and noun.i != t.i and noun.head.i != t.i:
                # the subject is an event noun governed elsewhere (a relative clause's antecedent)
                return _noun_source(noun, coder, lexicon, hops=min(8, hops + 4))
            if noun.pos_ in ("NOUN", "PROPN"):
                return _noun_source(noun, coder, lexicon, hops=0)
            return []
        if t.dep_ == "relcl":
            return []
        if t.dep_ not in _INHERIT_DEPS or t.head.i == t.i:
            return []
        t = t.head
        if t.pos_ == "ADP":
            t = t.head
    return []


def _noun_source(noun: "Token", coder: ActorCoder, lexicon: "EventLexicon", *, hops: int = 8) -> list[Actor]:
    """Who carries out an action noun: its possessor, its nationality, ``by X``, or the doer above."""
    for c in noun.children:
        if c.dep_ == "poss":
            got = coder.code_noun(c)
            if got:
                return got
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i:
            got = coder.code_noun(c) if c.pos_ in ("PROPN", "NOUN") else _code_token(c, coder)
            if got:
                return got
    for c in noun.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            for p in _pobjs(c):
                got = coder.code_noun(p)
                if got:
                    return got
    # the doer of a governing aspectual verb: "X began airstrikes", "X announced the launch of ..."
    t = noun
    for _ in range(hops):
        if t.head.i == t.i:
            return []
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod"):
            if not lexicon.has("aspectual_verbs", t.lemma_):
                return []
            got = _subject(t, coder, lexicon, hops=2)
            if got or t.dep_ != "relcl" or not any(
                    lexicon.has("relative_pronouns", c.text) for c in _children(t, "nsubj", "nsubjpass")):
                return got
            t = t.head  # "a campaign, which began with airstrikes": go on from the campaign
    return []


def _code_token(token: "Token", coder: ActorCoder) -> list[Actor]:
    a = coder.code_tokens(token.i, token.i + 1)
    return [a] if a is not None and a.country else []


def _target_nouns(match: TriggerMatch, targets: tuple[str, ...], *, passive: bool) -> list["Token"]:
    """Nouns in target position around the trigger (and its object noun)."""
    trig = match.token
    nouns: list[Token] = []
    if trig.pos_ in ("VERB", "AUX") or trig.tag_.startswith("VB"):
        if passive:
            nouns += _children(trig, "nsubjpass")
        elif match.obj is None or any(o.lemma == "*" for o in match.pattern.objects):
            nouns += _children(trig, "dobj", "obj")
        nouns += _children(trig, "dative")
        nouns += [p for d in _children(trig, "dative") for p in _pobjs(d)]
    heads = [trig] + ([match.obj] if match.obj is not None else [])
    if match.obj is not None:
        heads += _children(match.obj, "acl")
        # "met the hostage-takers' demands"; "their withdrawal" is the source's own
        nouns += [c for c in _children(match.obj, "poss") if c.pos_ != "PRON"]
    for h in heads:
        for prep in _children(h, "prep"):
            if prep.lower_ in targets or prep.lemma_.lower() in targets:
                nouns += _pobjs(prep)
    return [n for n in nouns if n.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]


def _own_property(noun: "Token", coder: ActorCoder) -> bool:
    """``its troops``, ``their homes``: the source's own people or things, not a target."""
    return any(c.dep_ == "poss" and coder.is_pronoun(c) for c in noun.children)


def _best_target(nouns: list["Token"], coder: ActorCoder, source: list[Actor]) -> list[Actor]:
    """The first candidate that codes to a country or sector, else the first that codes at all.

    The source's own people and things ("its troops") are skipped; "his counterpart" is not.
    """
    fallback: list[Actor] = []
    own = {a.country for a in source if a.country}
    for noun in nouns:
        got = coder.code_noun(noun)
        countries = {a.country for a in got if a.country}
        if _own_property(noun, coder) and (not countries or countries <= own):
            continue
        if any(a.country or a.sector for a in got):
            return got
        if got and not fallback:
            fallback = got
    return fallback


def _complement_targets(match: TriggerMatch, coder: ActorCoder, targets: tuple[str, ...],
                        depth: int = 0) -> list[Actor]:
    """``demanded that X ...`` → X; ``threatened to ban X`` → X; ``refused to lift Y on X`` → X."""
    for comp in _children(match.token, "ccomp", "xcomp"):
        if comp.dep_ == "ccomp":
            for s in _children(comp, "nsubj", "nsubjpass"):
                got = coder.code_noun(s)
                if got:
                    return got
        inner = TriggerMatch(comp, match.pattern, None)
        for n in _target_nouns(inner, targets + ("on", "against", "with", "from", "to"), passive=is_passive(comp)):
            got = coder.code_noun(n)
            if got:
                return got
        if depth < 1:  # "refused to allow X to cross"
            got = _complement_targets(inner, coder, targets, depth + 1)
            if got:
                return got
    return []


def _between(noun: "Token") -> list["Token"]:
    for prep in _children(noun, "prep"):
        if prep.lower_ in ("between", "among"):
            return _pobjs(prep)
    return []


def find_roles(match: TriggerMatch, coder: ActorCoder, patterns: "EventPatterns",
               lexicon: "EventLexicon") -> Roles:
    """The source and target actors of one matched trigger."""
    pattern, trig = match.pattern, match.token
    targets = patterns.targets_for(pattern)
    passive = pattern.pos == "VERB" and is_passive(trig)
    source: list[Actor] = []
    target: list[Actor] = []

    if pattern.pos == "VERB":
        if passive:
            for agent in _children(trig, "agent"):
                for p in _pobjs(agent):
                    source += coder.code_noun(p)
            if not source and trig.dep_ in ("conj", "xcomp", "advcl"):
                source = _subject(trig.head, coder, lexicon)
        else:
            source = _subject(trig, coder, lexicon)
    elif pattern.pos == "NOUN":
        pair = _between(trig)
        if pair and pattern.symmetric:
            both = coder.code_noun(pair[0])
            source, target = both[:1], both[1:]
        else:
            source = _noun_source(trig, coder, lexicon)
    else:  # ADJ: the speaker who calls something unacceptable
        source = _speaker_above(trig, coder, lexicon)

    if not target:
        target = _best_target(_target_nouns(match, targets, passive=passive), coder, source)
    if not target and match.obj is not None:  # "the blockade of X", "the withdrawal of X's troops"
        of_nouns = [n for n in _target_nouns(match, ("of",), passive=False)
                    if n.dep_ == "pobj" and n.head.head.i in (match.obj.i, trig.i)]
        target = _best_target(of_nouns, coder, source)
    if not target and (pattern.control or pattern.pos == "ADJ"):
        target = _complement_targets(match, coder, targets)
    if pattern.symmetric and len(source) > 1 and not target:
        source, target = source[:1], source[1:]
    src_keys = {(a.start, a.end) for a in source}
    target = [a for a in target if (a.start, a.end) not in src_keys or a.start is None]
    return Roles(tuple(source), tuple(target))


def _speaker_above(token: "Token", coder: ActorCoder, lexicon: "EventLexicon") -> list[Actor]:
    """Who calls something "unacceptable": the subject of the speech verb above, or of the copula."""
    t = token
    for _ in range(5):
        if t.head.i == t.i:
            break
        t = t.head
        if lexicon.has("speech_verbs", t.lemma_):
            return _subject(t, coder, lexicon)
    return _subject(token.head, coder, lexicon) if token.dep_ in ("acomp", "attr") else []
