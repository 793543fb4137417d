"""Where an act is aimed: the target candidates around a trigger and the fallbacks that find one
when the syntax names none (see :mod:`.roles` for the order in which they are tried)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...records import Actor
from ..actors.mention_resolver import refers_to
from ..syntax.tree import children, partitive, pobjs, prep_objects
from .actor_coder import ActorCoder
from .match import TriggerMatch, is_passive
from .owners import code_token, only_own, own_property, owner
from .sources import noun_source
from ..syntax.labels import NOMINAL_POS, NOUN_MODIFIERS, OBJECTS, SUBJECTS, VERBAL_POS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...knowledge.event_patterns import EventLexicon

__all__ = ["best_target", "coded_or_named", "complement_targets", "condition_subject", "document_author",
           "light_verb_targets", "named_uncoded", "nearest_other", "object_owner", "pressure_source",
           "purpose_targets", "target_nouns"]


def target_nouns(match: TriggerMatch, targets: tuple[str, ...], *, passive: bool) -> list["Token"]:
    """Nouns in target position around the trigger (and its object noun)."""
    trig = match.token
    nouns: list[Token] = []
    if trig.pos_ in VERBAL_POS or trig.tag_.startswith("VB"):
        if passive:
            subjects = children(trig, "nsubjpass")
            if match.obj is not None and any(c.i == match.obj.i for c in subjects):
                # "a protest against X was held": the event noun's own target comes first
                nouns += prep_objects(match.obj, targets)
            nouns += [c for c in subjects if match.obj is None or c.i != match.obj.i]
        elif match.obj is None or any(o.lemma == "*" for o in match.pattern.objects) \
                or match.obj.dep_ not in OBJECTS:
            # the direct object, unless it is the trigger's own object noun ("arrested X on charges")
            # (or the phrase that holds it: "held a round of talks", "carried out a series of raids")
            nouns += [c for c in children(trig, "dobj", "obj")
                      if match.obj is None or not (c.left_edge.i <= match.obj.i <= c.right_edge.i)]
        nouns += children(trig, "dative")
        nouns += [p for d in children(trig, "dative") for p in pobjs(d)]
    heads = [trig] + ([match.obj] if match.obj is not None else [])
    if match.obj is not None:
        heads += children(match.obj, "acl")
        # "met the hostage-takers' demands"; "their withdrawal" is the source's own
        nouns += [c for c in children(match.obj, "poss") if c.pos_ != "PRON"]
    for h in heads:
        nouns += prep_objects(h, targets)
    return [n for n in map(partitive, nouns) if n.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]


def named_uncoded(actor: Actor) -> bool:
    """Whether an actor without a country yet is a named person or organisation (the article's
    scene may give it one: "Cruz's endorsement" in an American article)."""
    return actor.country is None and actor.kind in ("person", "organization") and bool(actor.name)


def coded_or_named(actors: Sequence[Actor]) -> list[Actor]:
    """The actors with a country, else the named persons and organisations without one yet."""
    return [a for a in actors if a.country] or [a for a in actors if named_uncoded(a)]


def _overlaps_any(actor: Actor, others: Sequence[Actor]) -> bool:
    """Whether an actor's span overlaps one of ``others``' spans, or names the same one."""
    if actor.start is None or actor.end is None:
        return False
    return any(refers_to(o) == refers_to(actor) or (o.start is not None and o.end is not None
                                                   and o.start < actor.end and actor.start < o.end) for o in others)


def best_target(nouns: list["Token"], coder: ActorCoder, source: list[Actor]) -> list[Actor]:
    """The first candidate that codes to a country or sector, else the first that codes at all.

    The source's own people and things ("its troops") are skipped; "his counterpart" is not.
    """
    fallback: list[Actor] = []
    own = {a.country for a in source if a.country}
    for noun in nouns:
        got = coder.code_noun(noun)
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in coder.event_nouns:
            # "an inquiry into Israeli shelling", "protested against the US raid": the act's doer
            doers = noun_source(noun, coder, coder.lexicon, hops=0)
            got = coded_or_named(doers) or got
        countries = {a.country for a in got if a.country}
        if own_property(noun, coder) and (not countries or countries <= own):
            continue
        if any(a.country or a.sector for a in got):
            return got
        if got and not fallback:
            fallback = got
    return fallback


# Target prepositions of any act named in a complement ("refused to lift sanctions on X",
# "pledged to pull troops out of X").
_COMPLEMENT_PREPS = ("on", "against", "with", "from", "to", "at", "out of", "away from")


def complement_targets(match: TriggerMatch, coder: ActorCoder, targets: tuple[str, ...],
                        depth: int = 0, source: Sequence[Actor] = ()) -> list[Actor]:
    """``demanded that X ...`` → X; ``threatened to ban X`` → X; ``refused to lift Y on X`` → X;
    ``warned that it would attack X`` → X (a subject that is the source itself is passed over)."""
    fallback: list[Actor] = []
    own = {a.country for a in source if a.country}
    for comp in children(match.token, "ccomp", "xcomp"):
        if comp.dep_ == "ccomp":
            for s in children(comp, "nsubj", "nsubjpass"):
                got = coder.code_noun(s)
                if got and not coder.is_pronoun(s) and not _same_side(got, source):
                    return got
        inner = TriggerMatch(comp, match.pattern, None)
        for n in target_nouns(inner, targets + _COMPLEMENT_PREPS, passive=is_passive(comp)):
            got = coder.code_noun(n)
            countries = {a.country for a in got if a.country}
            if own and countries and countries <= own and own_property(n, coder):
                continue  # "pledged to pull its troops out of X": its troops are the source's
            if countries:  # "agreed to send troops to Afghanistan": Afghanistan
                return got
            if got and not fallback:
                fallback = got
        if depth < 1:  # "refused to allow X to cross"
            got = complement_targets(inner, coder, targets, depth + 1, source)
            if got:
                return got
    return fallback


def document_author(noun: "Token", coder: ActorCoder) -> list[Actor]:
    """Who put a document forward: the agent of a participle on it ("a resolution put forward by
    X", "a plan drafted by X and Y")."""
    for acl in children(noun, "acl"):
        for agent in children(acl, "agent"):
            got = [a for p in pobjs(agent) for a in coder.code_noun(p) if a.country]
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


def purpose_targets(match: TriggerMatch, coder: ActorCoder, lexicon: "EventLexicon",
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
            nouns = children(verb, "dobj", "obj", "dative")
            nouns += [s for c in children(verb, "ccomp", "xcomp") for s in children(c, "nsubj")]
            for n in nouns:
                got = [a for a in coder.code_noun(n) if a.country or a.sector]
                if got and not only_own(got, own):
                    return got
    return []


def pressure_source(trigger: "Token", coder: ActorCoder, lexicon: "EventLexicon",
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
            nouns += prep_objects(n, ("from", "of", "by"))
            for c in nouns:
                got = [a for a in coder.code_noun(c) if a.country or a.sector]
                if got and not only_own(got, own):
                    return got
            got = owner(n, coder)
            if got and not only_own(got, own):
                return got
        frontier = nxt
    return []


def condition_subject(trigger: "Token", coder: ActorCoder, lexicon: "EventLexicon",
                       source: Sequence[Actor]) -> list[Actor]:
    """The one a warning or promise is conditioned on: "vowed to retaliate if X goes ahead",
    "will impose sanctions unless X frees ..." -> X (the subject of the condition)."""
    own = {a.country for a in source if a.country}
    verbs = [trigger] + children(trigger, "xcomp", "ccomp")
    for verb in verbs:
        for clause in children(verb, "advcl"):
            if not any(c.dep_ == "mark" and lexicon.has("conditional_marks", c.lower_) for c in clause.children):
                continue
            for subj in children(clause, "nsubj", "nsubjpass"):
                got = [a for a in coder.code_noun(subj) if a.country]
                if got and not {a.country for a in got} <= own:
                    return got
    return []


def object_owner(obj: "Token", coder: ActorCoder, source: list[Actor], *, patient: bool = False) -> list[Actor]:
    """The target an object noun of the trigger names or belongs to: "expelled two Turkish
    diplomats" -> the diplomats; "rejected the French proposal", "demolished Palestinian homes"
    -> the nationality or owner of the thing. An event noun ("held talks") names no one, and the
    source's own people and things ("its troops", "Syrian troops" for Syria) are no target, unless
    the act is done to the object (``patient``: not a type in ``instrument_object_types``) and
    the object names people of a sector ("the Iraqi army attacked Iraqi Kurdish fighters")."""
    if obj.lemma_.lower() in coder.event_nouns:
        return []
    own = {a.country for a in source if a.country}
    got = best_target([obj], coder, source)
    if any(a.country for a in got) and not {a.country for a in got} <= own:
        return got
    spans = {refers_to(a) for a in source}
    if patient and got and not own_property(obj, coder) and all(
            a.country and a.sector and a.kind != "state" and refers_to(a) not in spans
            and a.start <= obj.idx < a.end for a in got):  # type: ignore[operator]
        return got
    for c in obj.children:
        if c.dep_ in NOUN_MODIFIERS and c.i < obj.i and not coder.is_pronoun(c):
            found = coder.code_noun(c) if c.pos_ in NOMINAL_POS else code_token(c, coder)
            if any(a.country for a in found) and not {a.country for a in found} <= own:
                return found
    return []


_NOT_TARGET_DEPS = {"nsubj", "nsubjpass", "csubj", "agent", "npadvmod", "punct", "cc", "mark", "aux",
                    "auxpass", "neg", "advmod", "det", "relcl", "appos"}


_LOCATIVE = {"in", "at", "inside", "within", "throughout", "across", "near", "around", "through"}


def _located_actor(head: "Token", coder: ActorCoder) -> bool:
    """Whether a place phrase on ``head`` says where an actor is from ("positions in X", "the
    largest group in X"), not where the act happened ("martial law in X", "talks in X")."""
    if head.pos_ not in NOMINAL_POS or head.lemma_.lower() in coder.event_nouns:
        return False
    return coder.lexicon.has("carrier_nouns", head.lemma_) or bool(coder.code_noun(head, depth=2))


def _struck_thing(t: "Token", match: TriggerMatch, coder: ActorCoder) -> bool:
    """Whether a place phrase on ``t`` says where the thing struck stands: on the trigger's object
    ("bombed a market in X"), or on the trigger when it has an object that is no event ("hit
    targets across X")."""
    if t.dep_ in OBJECTS and t.head.i == match.token.i:
        return t.lemma_.lower() not in coder.event_nouns
    if t.i == match.token.i:
        return any(c.dep_ in OBJECTS and c.lemma_.lower() not in coder.event_nouns for c in t.children)
    return False


def _other_clause(token: "Token", trigger: "Token", coder: ActorCoder) -> bool:
    """Whether a dependent of the trigger opens another act, whose actors are not the trigger's
    target: a verb joined to a trigger that has its own object or to a clause with its own subject
    ("imposed a curfew and deployed soldiers"; "condemned and rejected X" shares X), or a reaction
    the act drew ("..., drawing condemnation from X": ``reaction_verbs``)."""
    lexicon = coder.lexicon
    if token.dep_ == "conj" and token.pos_ in VERBAL_POS and token.head.i == trigger.i:
        return any(c.dep_ in OBJECTS for c in trigger.children) \
            or any(c.dep_ in SUBJECTS for c in token.children)
    return token.dep_ == "advcl" and lexicon.has("reaction_verbs", token.lemma_)


def nearest_other(match: TriggerMatch, coder: ActorCoder, source: list[Actor], *, hops: int = 6,
                   targets: Sequence[str] = ()) -> list[Actor]:
    """The last resort for a target: the nearest coded actor among the trigger's own dependents
    (objects, prepositional phrases, complements; never its subject), one of another country than
    the source first ("protested X's failure", "in defiance of X", "over X's decision"). A place
    phrase counts only when its preposition is one of the type's ``targets`` ("sent warships near
    X"), when it says where an actor is from ("the largest group in X"), or, for
    ``located_object_types``, where the thing struck stands ("stormed a hotel in X"); a named
    geographic feature (a river, a sea) is never a target. Last of all comes a named person or
    organisation the actors stage gave no country ("praised Cruz" in an American article: the
    article's scene may give it one)."""
    own = {a.country for a in source if a.country}
    spans = {refers_to(a) for a in source}
    frontier = [match.token] + ([match.obj] if match.obj is not None else [])
    seen = {t.i for t in frontier}
    same_country: list[Actor] = []
    named: list[Actor] = []  # a named person or organisation without a country yet, last of all
    # "bombed a market in X": the place of the thing struck stands for whom it hits
    struck = coder.lexicon.has("located_object_types", match.pattern.type)
    for hop in range(hops):
        nxt: list[Token] = []
        for t in frontier:
            for c in t.children:
                # below the trigger's own words, the doer of a clause on a noun owns it ("over
                # a bill signed by X")
                by_agent = hop > 0 and c.dep_ == "agent"
                if c.i in seen or (c.dep_ in _NOT_TARGET_DEPS and not by_agent) or _other_clause(c, match.token, coder) \
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
            coded = coder.code_noun(n)
            got = [a for a in coded if a.country and refers_to(a) not in spans]
            if not named and n.dep_ != "compound":
                named = [a for a in coded if named_uncoded(a) and not _overlaps_any(a, source)]
            if not got:  # the owner of a thing or act: "over the British seizure", "Russia's decision"
                got = [a for a in owner(n, coder) if refers_to(a) not in spans]
            if got and not {a.country for a in got} <= own:
                return got
            if got and not same_country:
                same_country = got
        frontier = nxt
    return same_country or named


def light_verb_targets(noun: "Token", targets: tuple[str, ...], lexicon: "EventLexicon", *,
                        any_verb: bool = False) -> list["Token"]:
    """Nouns in target position on the light verb whose object the trigger noun is: "imposed
    sanctions on X", "gave X a warning", "lodged a protest with X" (with ``any_verb``, on the
    verb the trigger hangs on, whatever its relation)."""
    verb = noun.head
    if not any_verb and (noun.dep_ not in OBJECTS or not lexicon.has("light_verbs", verb.lemma_)):
        return []
    nouns = children(verb, "dative") + [p for d in children(verb, "dative") for p in pobjs(d)]
    nouns += prep_objects(verb, targets)
    return [n for n in nouns if n.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]
