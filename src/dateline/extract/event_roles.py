"""Source and target of a matched trigger, read from the dependency parse.

Verbs: subject → source, object / dative / target prepositions → target; passive verbs swap
(``by`` agent → source, passive subject → target); a verb without a subject takes the subject of
the clause it depends on. Nouns: possessor, nationality modifier or ``by`` phrase → source, else
the subject of the nearest governing action verb. Symmetric events read ``between X and Y``; their
coordinated subjects are all sources, or a dyad for the types listed in ``dyadic_symmetric_types``.

When no rule finds a target, in order: the owner of the trigger's object noun ("rejected the
French proposal"), the doer of an act named as object ("criticized the Israeli raid"), for a
trigger noun the dative or target preposition of the light verb it is the object of ("imposed
sanctions on X", "gave X an ultimatum"), for a control or verbal trigger (``governing_types``)
the subject or object of its complement ("warned that it would attack X"), the place for the
types in ``place_target_types`` ("demonstrated in Belgrade"), and last the nearest coded actor
among the trigger's dependents or their owners ("protested over the British seizure"), another
country's first (never the subject, never the place where the act happened).
Further fallbacks: the one a reaction is drawn upon ("X drew condemnation from Y": Y -> X), the
one a concession yields to (``pressured_types``: "under pressure from X"), the subject of a
threat's or promise's condition ("vowed to retaliate if X ..."), and the one an act's purpose
clause helps or curbs ("sent doctors to help X", "used tear gas to disperse X"). A target that
codes to neither country nor sector is kept only when none of these finds a better one. Two-word
prepositions count as one ("out of", "away from"); the object of an object-control verb is the
doer of its complement ("forced X to close ..."). Parser slips are mended where they are regular: a subject read as
a modifier ("Turkey(npadvmod) massed"), a main verb hung on a noun in a verbless sentence, a
preposition that lost its object to the next clause. A same-country people named as the object of
an act done to it is its target ("the Iraqi army attacked Iraqi Kurdish fighters"), unless the type
uses its object as an instrument (``instrument_object_types``). The last-resort search stays out of
another act joined to the trigger and out of the reaction it drew ("imposed a curfew and deployed
X", "..., drawing criticism from X"); a participle's subject that is the object a preposition lost
("imposed sanctions on(prep) X(nsubj), charging ...") is no subject. Parse helpers: :mod:`.event_syntax`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Actor
from .event_actors import ActorCoder
from .event_match import TriggerMatch, is_passive
from .event_syntax import children as _children
from .event_syntax import code_token as _code_token
from .event_syntax import lost_object as _lost_object
from .event_syntax import only_own as _only_own
from .event_syntax import own_property as _own_property
from .event_syntax import owner as _owner
from .event_syntax import partitive as _partitive
from .event_syntax import pobjs as _pobjs
from .event_syntax import prep_objects as _prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..knowledge.event_patterns import EventLexicon, EventPatterns

__all__ = ["Roles", "find_roles", "verbless_main"]

_INHERIT_DEPS = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "prep", "pobj", "relcl", "dep"}


@dataclass(frozen=True)
class Roles:
    """The actors found for an event's two roles."""

    source: tuple[Actor, ...]
    target: tuple[Actor, ...]


def verbless_main(verb: "Token") -> bool:
    """Whether a verb the parser attached to a noun (acl) is in fact the main verb: its sentence
    has a noun for root and no other verb of its own."""
    root = verb.sent.root
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and root.pos_ in ("NOUN", "PROPN")
            and verb.i > root.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _subject(verb: "Token", coder: ActorCoder, lexicon: "EventLexicon", *, hops: int = 4) -> list[Actor]:
    """The actors of the subject of a verb, climbing to governing clauses when it has none."""
    t = verb
    came_from = ""
    for _ in range(hops):
        subj = _children(t, "nsubj") or ([] if t is verb and is_passive(t) else _children(t, "nsubjpass"))
        if not subj and not _children(t, "nsubjpass", "csubj", "expl"):
            # a subject the parser misread as a modifier of the verb ("Turkey(npadvmod) massed troops")
            subj = [c for c in t.children if c.dep_ == "npadvmod" and c.i < t.i and c.pos_ == "PROPN"]
        if subj and t.dep_ in ("advcl", "conj") and t.tag_ in ("VBG", "VBN") and _lost_object(subj[0], t.head):
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
                    return _subject(noun.head, coder, lexicon, hops=max(1, hops - 1))  # "a plan which urges X"
            if noun.pos_ in ("NOUN", "PROPN") and noun.i != t.i and noun.head.i != t.i:
                # the subject is an event noun governed elsewhere (a relative clause's antecedent)
                return _noun_source(noun, coder, lexicon, hops=min(8, hops + 4))
            if noun.pos_ in ("NOUN", "PROPN"):
                return _noun_source(noun, coder, lexicon, hops=0)
            return []
        if t.dep_ in ("relcl", "acl") and _issued_document(t.head, lexicon):
            # "adopted a resolution calling on X", "backed a plan which urges X": what a document
            # says is said by whoever issues or adopts it
            return _subject(t.head.head, coder, lexicon, hops=max(1, hops - 1))
        if t.dep_ == "relcl":
            return []
        if verbless_main(t):
            # the main verb the parser hung on a noun of a sentence it left without one
            # ("Doctors(ROOT) from aid groups donated(acl) ..."): the root noun is its subject
            return coder.code_noun(t.sent.root)
        # "X is ready to free Y": an infinitive on a predicate adjective takes the copula's subject
        ready = t.dep_ == "acomp" and t.i != verb.i and came_from == "xcomp"
        if (t.dep_ not in _INHERIT_DEPS and not ready) or t.head.i == t.i:
            return []
        came_from = t.dep_
        if t.dep_ == "xcomp" and t.head.pos_ in ("VERB", "AUX"):
            # object control: "forced X to close", "allowed X to send": X does the act
            objs = [c for c in t.head.children if c.dep_ in ("dobj", "obj") and c.i < t.i
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


def _noun_source(noun: "Token", coder: ActorCoder, lexicon: "EventLexicon", *, hops: int = 8) -> list[Actor]:
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
                    if leader.pos_ in ("PROPN", "NOUN") and leader.i < c.i:
                        got = coder.code_exact(leader) or coder.code_noun(leader)
                        if got:
                            return got
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


def _target_nouns(match: TriggerMatch, targets: tuple[str, ...], *, passive: bool) -> list["Token"]:
    """Nouns in target position around the trigger (and its object noun)."""
    trig = match.token
    nouns: list[Token] = []
    if trig.pos_ in ("VERB", "AUX") or trig.tag_.startswith("VB"):
        if passive:
            subjects = _children(trig, "nsubjpass")
            if match.obj is not None and any(c.i == match.obj.i for c in subjects):
                # "a protest against X was held": the event noun's own target comes first
                nouns += _prep_objects(match.obj, targets)
            nouns += [c for c in subjects if match.obj is None or c.i != match.obj.i]
        elif match.obj is None or any(o.lemma == "*" for o in match.pattern.objects) \
                or match.obj.dep_ not in ("dobj", "obj"):
            # the direct object, unless it is the trigger's own object noun ("arrested X on charges")
            # (or the phrase that holds it: "held a round of talks", "carried out a series of raids")
            nouns += [c for c in _children(trig, "dobj", "obj")
                      if match.obj is None or not (c.left_edge.i <= match.obj.i <= c.right_edge.i)]
        nouns += _children(trig, "dative")
        nouns += [p for d in _children(trig, "dative") for p in _pobjs(d)]
    heads = [trig] + ([match.obj] if match.obj is not None else [])
    if match.obj is not None:
        heads += _children(match.obj, "acl")
        # "met the hostage-takers' demands"; "their withdrawal" is the source's own
        nouns += [c for c in _children(match.obj, "poss") if c.pos_ != "PRON"]
    for h in heads:
        nouns += _prep_objects(h, targets)
    return [n for n in map(_partitive, nouns) if n.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]


def _best_target(nouns: list["Token"], coder: ActorCoder, source: list[Actor]) -> list[Actor]:
    """The first candidate that codes to a country or sector, else the first that codes at all.

    The source's own people and things ("its troops") are skipped; "his counterpart" is not.
    """
    fallback: list[Actor] = []
    own = {a.country for a in source if a.country}
    for noun in nouns:
        got = coder.code_noun(noun)
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in coder.event_nouns:
            # "an inquiry into Israeli shelling", "protested against the US raid": the act's doer
            got = [a for a in _noun_source(noun, coder, coder.lexicon, hops=0) if a.country] or got
        countries = {a.country for a in got if a.country}
        if _own_property(noun, coder) and (not countries or countries <= own):
            continue
        if any(a.country or a.sector for a in got):
            return got
        if got and not fallback:
            fallback = got
    return fallback


# Target prepositions of any act named in a complement ("refused to lift sanctions on X",
# "pledged to pull troops out of X").
_COMPLEMENT_PREPS = ("on", "against", "with", "from", "to", "at", "out of", "away from")


def _complement_targets(match: TriggerMatch, coder: ActorCoder, targets: tuple[str, ...],
                        depth: int = 0, source: Sequence[Actor] = ()) -> list[Actor]:
    """``demanded that X ...`` → X; ``threatened to ban X`` → X; ``refused to lift Y on X`` → X;
    ``warned that it would attack X`` → X (a subject that is the source itself is passed over)."""
    fallback: list[Actor] = []
    own = {a.country for a in source if a.country}
    for comp in _children(match.token, "ccomp", "xcomp"):
        if comp.dep_ == "ccomp":
            for s in _children(comp, "nsubj", "nsubjpass"):
                got = coder.code_noun(s)
                if got and not coder.is_pronoun(s) and not _same_side(got, source):
                    return got
        inner = TriggerMatch(comp, match.pattern, None)
        for n in _target_nouns(inner, targets + _COMPLEMENT_PREPS, passive=is_passive(comp)):
            got = coder.code_noun(n)
            countries = {a.country for a in got if a.country}
            if own and countries and countries <= own and _own_property(n, coder):
                continue  # "pledged to pull its troops out of X": its troops are the source's
            if countries:  # "agreed to send troops to Afghanistan": Afghanistan
                return got
            if got and not fallback:
                fallback = got
        if depth < 1:  # "refused to allow X to cross"
            got = _complement_targets(inner, coder, targets, depth + 1, source)
            if got:
                return got
    return fallback


def _document_author(noun: "Token", coder: ActorCoder) -> list[Actor]:
    """Who put a document forward: the agent of a participle on it ("a resolution put forward by
    X", "a plan drafted by X and Y")."""
    for acl in _children(noun, "acl"):
        for agent in _children(acl, "agent"):
            got = [a for p in _pobjs(agent) for a in coder.code_noun(p) if a.country]
            if got:
                return got
    return []


def _same_side(actors: Sequence[Actor], source: Sequence[Actor]) -> bool:
    """Whether actors are the source again: the same name, or the same country and sector ("the
    Kenyan government said the government would ..."); another body of the same country ("Kenya's
    opposition charged that the electoral commission ...") is not."""
    names = {a.name for a in source if a.name}
    sides = {(a.country, a.sector) for a in source if a.country}
    return all(a.name in names or (a.country, a.sector) in sides or not a.country for a in actors)


def _purpose_targets(match: TriggerMatch, coder: ActorCoder, lexicon: "EventLexicon",
                     source: Sequence[Actor], verbs: str) -> list[Actor]:
    """Whom an act is meant to help or curb, named in its purpose clause: "sent 50 doctors to
    help X", "pledged money to help X rebuild" (``beneficiary_verbs``), "used tear gas to
    disperse X" (``curb_verbs``); ``verbs`` names the list."""
    own = {a.country for a in source if a.country}
    heads = [match.token] + ([match.obj] if match.obj is not None else [])
    for h in heads:
        for verb in h.children:
            if verb.dep_ not in ("xcomp", "advcl", "acl", "relcl") or not lexicon.has(verbs, verb.lemma_):
                continue
            nouns = _children(verb, "dobj", "obj", "dative")
            nouns += [s for c in _children(verb, "ccomp", "xcomp") for s in _children(c, "nsubj")]
            for n in nouns:
                got = [a for a in coder.code_noun(n) if a.country or a.sector]
                if got and not _only_own(got, own):
                    return got
    return []


def _pressure_source(trigger: "Token", coder: ActorCoder, lexicon: "EventLexicon",
                     source: Sequence[Actor]) -> list[Actor]:
    """Whom a concession yields to, named as the one who pressed for it: "under pressure from X",
    "after weeks of criticism from X", "bowing to X's demands" (``pressure_nouns``)."""
    own = {a.country for a in source if a.country}
    frontier, seen = [trigger], {trigger.i}
    for _ in range(4):
        nxt = [c for t in frontier for c in t.children
               if c.i not in seen and c.dep_ in ("prep", "pobj", "advcl", "pcomp", "dobj")]
        seen.update(c.i for c in nxt)
        for n in nxt:
            if n.pos_ != "NOUN" or not lexicon.has("pressure_nouns", n.lemma_):
                continue
            nouns = [c for c in n.children if c.dep_ == "poss"]
            nouns += _prep_objects(n, ("from", "of", "by"))
            for c in nouns:
                got = [a for a in coder.code_noun(c) if a.country or a.sector]
                if got and not _only_own(got, own):
                    return got
            got = _owner(n, coder)
            if got and not _only_own(got, own):
                return got
        frontier = nxt
    return []


def _condition_subject(trigger: "Token", coder: ActorCoder, lexicon: "EventLexicon",
                       source: Sequence[Actor]) -> list[Actor]:
    """The one a warning or promise is conditioned on: "vowed to retaliate if X goes ahead",
    "will impose sanctions unless X frees ..." -> X (the subject of the condition)."""
    own = {a.country for a in source if a.country}
    verbs = [trigger] + _children(trigger, "xcomp", "ccomp")
    for verb in verbs:
        for clause in _children(verb, "advcl"):
            if not any(c.dep_ == "mark" and lexicon.has("conditional_marks", c.lower_) for c in clause.children):
                continue
            for subj in _children(clause, "nsubj", "nsubjpass"):
                got = [a for a in coder.code_noun(subj) if a.country]
                if got and not {a.country for a in got} <= own:
                    return got
    return []


def _object_owner(obj: "Token", coder: ActorCoder, source: list[Actor], *, patient: bool = False) -> list[Actor]:
    """The target an object noun of the trigger names or belongs to: "expelled two Turkish
    diplomats" -> the diplomats; "rejected the French proposal", "demolished Palestinian homes"
    -> the nationality or owner of the thing. An event noun ("held talks") names no one, and the
    source's own people and things ("its troops", "Syrian troops" for Syria) are no target, unless
    the act is done to the object (``patient``: not a type in ``instrument_object_types``) and
    the object names people of a sector ("the Iraqi army attacked Iraqi Kurdish fighters")."""
    if obj.lemma_.lower() in coder.event_nouns:
        return []
    own = {a.country for a in source if a.country}
    got = _best_target([obj], coder, source)
    if any(a.country for a in got) and not {a.country for a in got} <= own:
        return got
    spans = {(a.start, a.end) for a in source}
    if patient and got and not _own_property(obj, coder) and all(
            a.country and a.sector and a.kind != "state" and (a.start, a.end) not in spans
            and a.start <= obj.idx < a.end for a in got):  # type: ignore[operator]
        return got
    for c in obj.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < obj.i and not coder.is_pronoun(c):
            found = coder.code_noun(c) if c.pos_ in ("PROPN", "NOUN") else _code_token(c, coder)
            if any(a.country for a in found) and not {a.country for a in found} <= own:
                return found
    return []


_NOT_TARGET_DEPS = {"nsubj", "nsubjpass", "csubj", "agent", "npadvmod", "punct", "cc", "mark", "aux",
                    "auxpass", "neg", "advmod", "det", "relcl", "appos"}


_LOCATIVE = {"in", "at", "inside", "within", "throughout", "across", "near", "around", "through"}


def _located_actor(head: "Token", coder: ActorCoder) -> bool:
    """Whether a place phrase on ``head`` says where an actor is from ("positions in X", "the
    largest group in X"), not where the act happened ("martial law in X", "talks in X")."""
    if head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() in coder.event_nouns:
        return False
    return coder.lexicon.has("carrier_nouns", head.lemma_) or bool(coder.code_noun(head, depth=2))


def _struck_thing(t: "Token", match: TriggerMatch, coder: ActorCoder) -> bool:
    """Whether a place phrase on ``t`` says where the thing struck stands: on the trigger's object
    ("bombed a market in X"), or on the trigger when it has an object that is no event ("hit
    targets across X")."""
    if t.dep_ in ("dobj", "obj") and t.head.i == match.token.i:
        return t.lemma_.lower() not in coder.event_nouns
    if t.i == match.token.i:
        return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in coder.event_nouns for c in t.children)
    return False


def _other_clause(token: "Token", trigger: "Token", coder: ActorCoder) -> bool:
    """Whether a dependent of the trigger opens another act, whose actors are not the trigger's
    target: a verb joined to a trigger that has its own object or to a clause with its own subject
    ("imposed a curfew and deployed soldiers"; "condemned and rejected X" shares X), or a reaction
    the act drew ("..., drawing condemnation from X": ``reaction_verbs``)."""
    lexicon = coder.lexicon
    if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and token.head.i == trigger.i:
        return any(c.dep_ in ("dobj", "obj") for c in trigger.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    return token.dep_ == "advcl" and lexicon.has("reaction_verbs", token.lemma_)


def _nearest_other(match: TriggerMatch, coder: ActorCoder, source: list[Actor], *, hops: int = 6,
                   targets: Sequence[str] = ()) -> list[Actor]:
    """The last resort for a target: the nearest coded actor among the trigger's own dependents
    (objects, prepositional phrases, complements; never its subject), one of another country than
    the source first ("protested X's failure", "in defiance of X", "over X's decision"). A place
    phrase counts only when its preposition is one of the type's ``targets`` ("sent warships near
    X"), when it says where an actor is from ("the largest group in X"), or, for
    ``located_object_types``, where the thing struck stands ("stormed a hotel in X"); a named
    geographic feature (a river, a sea) is never a target."""
    own = {a.country for a in source if a.country}
    spans = {(a.start, a.end) for a in source}
    frontier = [match.token] + ([match.obj] if match.obj is not None else [])
    seen = {t.i for t in frontier}
    same_country: list[Actor] = []
    # "bombed a market in X": the place of the thing struck stands for whom it hits
    struck = coder.lexicon.has("located_object_types", match.pattern.type)
    for hop in range(hops):
        nxt: list[Token] = []
        for t in frontier:
            for c in t.children:
                # below the trigger's own words, the doer of a clause on a noun owns it ("over
                # a bill signed by X")
                owner = hop > 0 and c.dep_ == "agent"
                if c.i in seen or (c.dep_ in _NOT_TARGET_DEPS and not owner) or _other_clause(c, match.token, coder) \
                        or c.ent_type_ in ("DATE", "TIME", "LOC") \
                        or (c.dep_ == "prep" and c.lower_ in _LOCATIVE and c.lower_ not in targets
                            and not _located_actor(t, coder)
                            and not (struck and _struck_thing(t, match, coder))):
                    continue  # where it happened is not whom it concerns ("positions in X" is)
                seen.add(c.i)
                nxt.append(c)
        for n in nxt:
            if n.pos_ not in ("NOUN", "PROPN", "PRON") or coder.is_pronoun(n):
                continue
            got = [a for a in coder.code_noun(n) if a.country and (a.start, a.end) not in spans]
            if not got:  # the owner of a thing or act: "over the British seizure", "Russia's decision"
                got = [a for a in _owner(n, coder) if (a.start, a.end) not in spans]
            if got and not {a.country for a in got} <= own:
                return got
            if got and not same_country:
                same_country = got
        frontier = nxt
    return same_country


def _light_verb_targets(noun: "Token", targets: tuple[str, ...], lexicon: "EventLexicon", *,
                        any_verb: bool = False) -> list["Token"]:
    """Nouns in target position on the light verb whose object the trigger noun is: "imposed
    sanctions on X", "gave X a warning", "lodged a protest with X" (with ``any_verb``, on the
    verb the trigger hangs on, whatever its relation)."""
    verb = noun.head
    if not any_verb and (noun.dep_ not in ("dobj", "obj") or not lexicon.has("light_verbs", verb.lemma_)):
        return []
    nouns = _children(verb, "dative") + [p for d in _children(verb, "dative") for p in _pobjs(d)]
    nouns += _prep_objects(verb, targets)
    return [n for n in nouns if n.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]


def _reaction_verb(noun: "Token", lexicon: "EventLexicon") -> "Token | None":
    """The ``reaction_verbs`` verb whose subject drew a nominal trigger upon itself ("drew
    criticism", "drew criticism and a threat of sanctions"), if any."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ in ("dobj", "obj") and lexicon.has("reaction_verbs", noun.head.lemma_):
        return noun.head
    return None


def _reversed_roles(verb: "Token", carriers: list["Token"], coder: ActorCoder, lexicon: "EventLexicon", *,
                    subject: bool = True) -> tuple[list[Actor], list[Actor]]:
    """Roles of an act the subject undergoes ("X came under attack from Y", a ``reverse``
    pattern; "X drew a rebuke from Y", a nominal trigger on a ``reaction_verbs`` verb): the
    source is the "from"/"by" phrase on the carrier words, the target the verb's subject."""
    source = _best_target([n for h in carriers for n in _prep_objects(h, ("from", "by"))], coder, [])
    return source, (_subject(verb, coder, lexicon) if subject else [])


def occurrence_head(noun: "Token", lexicon: "EventLexicon") -> "Token | None":
    """The verb that says an event noun happened ("protests erupted", "fighting broke out"), if any."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.i != noun.i and head.pos_ == "VERB" \
            and lexicon.has("occurrence_verbs", head.lemma_):
        return head
    return None


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
    happened = None

    if pattern.reverse and pattern.pos == "VERB" and not passive:
        # "X came under attack from Y": the subject is the one acted on, the "from" phrase the doer
        source, target = _reversed_roles(trig, [trig] + ([match.obj] if match.obj is not None else []), coder,
                                         lexicon)
        return Roles(tuple(source), tuple(a for a in target if (a.start, a.end) not in
                                          {(b.start, b.end) for b in source}))
    if pattern.pos == "VERB":
        if passive:
            for agent in _children(trig, "agent"):
                for p in _pobjs(agent):
                    source += coder.code_noun(p)
            if not source and not _children(trig, "agent"):
                # an agent the parser hung on the verb or its object as a plain "by" phrase
                # ("was hit with sanctions by X")
                heads = [trig] + ([match.obj] if match.obj is not None and match.obj.i != trig.i else [])
                source = _best_target([n for h in heads for n in _prep_objects(h, ("by",))], coder, [])
            if not source and match.obj is not None and match.obj.dep_ == "nsubjpass" and match.obj.head.i == trig.i:
                source = _noun_source(match.obj, coder, lexicon, hops=0)  # "the Russian withdrawal was completed"
            if not source and trig.dep_ in ("conj", "xcomp", "advcl"):
                source = _subject(trig.head, coder, lexicon)
            if not source and not _children(trig, "agent") and lexicon.has("moved_force_types", pattern.type):
                # "police reinforcements were deployed": forces moved by an unnamed command act
                source = [a for n in _children(trig, "nsubjpass") for a in coder.code_noun(n) if a.sector]
        else:
            source = _subject(trig, coder, lexicon)
    elif pattern.pos == "NOUN":
        happened = occurrence_head(trig, lexicon)
        pair = _between(trig) or (_between(happened) if happened is not None else [])
        if pair and pattern.symmetric:
            both = coder.code_noun(pair[0])
            source, target = both[:1], both[1:]
        else:
            source = _noun_source(trig, coder, lexicon)
        if not source and "from" not in targets:  # "condemnation from X", "appeals from X"
            verb = _reaction_verb(trig, lexicon)
            carriers = [trig] + ([verb] if verb is not None else [])  # "drew protests from X"
            carriers += _prep_objects(trig, ("of",))  # "a threat of sanctions from X"
            source = _reversed_roles(trig.head, carriers, coder, lexicon, subject=False)[0]
    else:  # ADJ: the speaker who calls something unacceptable
        source = _speaker_above(trig, coder, lexicon)

    if not target and pattern.pos == "VERB" and not passive:
        # "vetoed a resolution put forward by X", "rejected a plan drafted by X": its author
        for obj in [*_children(trig, "dobj", "obj"), *([match.obj] if match.obj is not None else [])]:
            if lexicon.has("document_nouns", obj.lemma_):
                target = _document_author(obj, coder)
                if target:
                    break
    if not target and pattern.pos == "VERB" and not passive:
        # "criticized the Israeli raid", "condemned Turkey's offensive": the doer of the act
        for obj in _children(trig, "dobj", "obj"):
            if obj.lemma_.lower() in coder.event_nouns and (match.obj is None or obj.i != match.obj.i):
                target = [a for a in _noun_source(obj, coder, lexicon, hops=0) if a.country]
    if pattern.pos == "VERB" and not passive and lexicon.has("topic_verbs", trig.lemma_):
        # "X and Y discussed the situation in Z": what is discussed is a topic; only "with W" is a party
        heads = [trig, *_children(trig, "dobj", "obj")]  # "discussed security with Somalia"
        target = target or _best_target([n for h in heads for n in _prep_objects(h, targets)], coder, source)
        if pattern.symmetric and len(source) > 1 and not target and lexicon.has("dyadic_symmetric_types",
                                                                                 pattern.type):
            source, target = source[:1], source[1:]
        return Roles(tuple(source), tuple(target))
    weak: list[Actor] = []  # a target that names no country or sector, kept only when nothing better turns up
    if not target:
        target = _best_target(_target_nouns(match, targets, passive=passive), coder, source)
        if target and not any(a.country or a.sector for a in target):
            weak, target = target, []
    if not target and match.obj is not None:  # "the blockade of X", "the withdrawal of X's troops"
        of_nouns = [n for n in _target_nouns(match, ("of",), passive=False)
                    if n.dep_ == "pobj" and n.head.head.i in (match.obj.i, trig.i)]
        target = _best_target(of_nouns, coder, source)
    if not target and match.obj is not None and match.obj.i != trig.i:
        target = _object_owner(match.obj, coder, source,
                               patient=not lexicon.has("instrument_object_types", pattern.type))
    if not target and pattern.pos == "NOUN":
        target = _best_target(_light_verb_targets(trig, targets, lexicon), coder, source)
    if not target and pattern.pos == "NOUN" and happened is not None:  # "protests erupted against X"
        target = _best_target(_prep_objects(happened, targets), coder, source)
    verb = _reaction_verb(trig, lexicon) if pattern.pos == "NOUN" else None
    if not target and verb is not None:
        # "X granted asylum to Y, drawing a rebuke from Z": the rebuke is aimed at X
        target = [a for a in _reversed_roles(verb, [], coder, lexicon)[1] if not source or a.country not in
                  {b.country for b in source}]
    if not target and (pattern.control or pattern.pos == "ADJ" or lexicon.has("governing_types", pattern.type)):
        target = _complement_targets(match, coder, targets, source=source)
    if not target and trig.dep_ == "advcl" and trig.tag_ == "VBG" and lexicon.has("governing_types", pattern.type):
        # "sent a letter to X asking for ...": a participle's speech act goes to the verb's addressee
        target = _best_target(_light_verb_targets(trig, ("to", "with"), lexicon, any_verb=True), coder, source)
    if not target and lexicon.has("pressured_types", pattern.type):
        target = _pressure_source(trig, coder, lexicon, source)
    if not target and (pattern.control or pattern.intent or lexicon.has("governing_types", pattern.type)
                       or lexicon.has("curb_types", pattern.type)):  # "would respond with force if NATO ..."
        target = _condition_subject(trig, coder, lexicon, source)
    if not target and lexicon.has("beneficiary_types", pattern.type):
        target = _purpose_targets(match, coder, lexicon, source, "beneficiary_verbs")
    if not target and lexicon.has("curb_types", pattern.type):
        target = _purpose_targets(match, coder, lexicon, source, "curb_verbs")
    if not target and lexicon.has("place_target_types", pattern.type):
        places = [n for n in _target_nouns(match, ("in",), passive=False) if n.pos_ == "PROPN"]
        target = [a for a in _best_target(places, coder, source) if a.country and a.kind == "state"]
    if not target and not (pattern.symmetric and len(source) > 1):
        target = _nearest_other(match, coder, source, targets=targets)
    target = target or weak
    if pattern.symmetric and len(source) > 1 and not target and lexicon.has("dyadic_symmetric_types", pattern.type):
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
