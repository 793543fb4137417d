"""Source and target of a matched trigger, read from the dependency parse.

Verbs: subject → source, object / dative / target prepositions → target; passive verbs swap
(``by`` agent → source, passive subject → target); a verb without a subject takes the subject of
the clause it depends on. Nouns: possessor, nationality modifier or ``by`` phrase → source, else
the subject of the nearest governing action verb. Symmetric events read ``between X and Y``; their
coordinated subjects are all sources, or a dyad for the types listed in ``dyadic_symmetric_types``.

When no rule finds a target, the named strategies of :data:`OBJECT_TARGETS` and
:data:`TARGET_FALLBACKS` are tried in order (data, not a chain of conditions): the owner of the trigger's object noun ("rejected the
French proposal"), the doer of an act named as object ("criticized the Israeli raid"), for a
trigger noun the dative or target preposition of the light verb it is the object of ("imposed
sanctions on X", "gave X an ultimatum"), for a control or verbal trigger (``governing_types``)
the subject or object of its complement ("warned that it would attack X"), the place for the
types in ``place_target_types`` ("demonstrated in Belgrade"), and last the nearest coded actor
among the trigger's dependents or their owners ("protested over the British seizure"), another
country's first (never the subject, never the place where the act happened), and after all of
them a named person or organisation that has no country yet ("praised Cruz": the article's scene
gives it one).
Further fallbacks: the one a reaction is drawn upon ("X drew condemnation from Y": Y -> X), the
one a concession yields to (``pressured_types``: "under pressure from X"), the subject of a
threat's or promise's condition ("vowed to retaliate if X ..."), and the one an act's purpose
clause helps or curbs ("sent doctors to help X", "used tear gas to disperse X"). A target that
codes to neither country nor sector is kept only when none of these finds a better one. Two-word
prepositions count as one ("out of", "away from"); the object of an object-control verb is the
doer of its complement ("forced X to close ..."). Parser slips are mended where they are regular: a subject read as
a modifier ("Turkey(npadvmod) massed"), a main verb hung on a noun in a verbless sentence, a
preposition that lost its object to the next clause. The subject and doer rules are in
:mod:`.sources`, the target candidates and fallbacks in :mod:`.targets`. A same-country people named as the object of
an act done to it is its target ("the Iraqi army attacked Iraqi Kurdish fighters"), unless the type
uses its object as an instrument (``instrument_object_types``). The last-resort search stays out of
another act joined to the trigger and out of the reaction it drew ("imposed a curfew and deployed
X", "..., drawing criticism from X"); a participle's subject that is the object a preposition lost
("imposed sanctions on(prep) X(nsubj), charging ...") is no subject. Parse helpers: :mod:`..syntax.tree`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...records import Actor
from ..actors.mention_resolver import refers_to
from ..syntax.tree import children, pobjs, prep_objects
from .actor_coder import ActorCoder
from .match import TriggerMatch, is_passive
from .sources import noun_source, subject_actors, verbless_main
from .targets import (best_target, complement_targets, condition_subject, document_author,
                            coded_or_named, light_verb_targets, nearest_other, object_owner, pressure_source,
                            purpose_targets, target_nouns)
from ..syntax.labels import OBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...knowledge.event_patterns import EventLexicon, EventPatterns

__all__ = ["Roles", "find_roles", "occurrence_head", "verbless_main", "RoleContext", "OBJECT_TARGETS", "TARGET_FALLBACKS"]


@dataclass(frozen=True)
class Roles:
    """The actors found for an event's two roles."""

    source: tuple[Actor, ...]
    target: tuple[Actor, ...]


def _reaction_verb(noun: "Token", lexicon: "EventLexicon") -> "Token | None":
    """The ``reaction_verbs`` verb whose subject drew a nominal trigger upon itself ("drew
    criticism", "drew criticism and a threat of sanctions"), if any."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ in OBJECTS and lexicon.has("reaction_verbs", noun.head.lemma_):
        return noun.head
    return None


def _reversed_roles(verb: "Token", carriers: list["Token"], coder: ActorCoder, lexicon: "EventLexicon", *,
                    subject: bool = True) -> tuple[list[Actor], list[Actor]]:
    """Roles of an act the subject undergoes ("X came under attack from Y", a ``reverse``
    pattern; "X drew a rebuke from Y", a nominal trigger on a ``reaction_verbs`` verb): the
    source is the "from"/"by" phrase on the carrier words, the target the verb's subject."""
    source = best_target([n for h in carriers for n in prep_objects(h, ("from", "by"))], coder, [])
    return source, (subject_actors(verb, coder, lexicon) if subject else [])


def occurrence_head(noun: "Token", lexicon: "EventLexicon") -> "Token | None":
    """The verb that says an event noun happened ("protests erupted", "fighting broke out"), if any."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.i != noun.i and head.pos_ == "VERB" \
            and lexicon.has("occurrence_verbs", head.lemma_):
        return head
    return None


def _between(noun: "Token") -> list["Token"]:
    for prep in children(noun, "prep"):
        if prep.lower_ in ("between", "among"):
            return pobjs(prep)
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
        return Roles(tuple(source), tuple(a for a in target if refers_to(a) not in
                                          {refers_to(b) for b in source}))
    if pattern.pos == "VERB":
        if passive:
            for agent in children(trig, "agent"):
                for p in pobjs(agent):
                    source += coder.code_noun(p)
            if not source and not children(trig, "agent"):
                # an agent the parser hung on the verb or its object as a plain "by" phrase
                # ("was hit with sanctions by X")
                heads = [trig] + ([match.obj] if match.obj is not None and match.obj.i != trig.i else [])
                source = best_target([n for h in heads for n in prep_objects(h, ("by",))], coder, [])
            if not source and match.obj is not None and match.obj.dep_ == "nsubjpass" and match.obj.head.i == trig.i:
                source = noun_source(match.obj, coder, lexicon, hops=0)  # "the Russian withdrawal was completed"
            if not source and trig.dep_ in ("conj", "xcomp", "advcl"):
                source = subject_actors(trig.head, coder, lexicon)
            if not source and not children(trig, "agent") and lexicon.has("moved_force_types", pattern.type):
                # "police reinforcements were deployed": forces moved by an unnamed command act
                source = [a for n in children(trig, "nsubjpass") for a in coder.code_noun(n) if a.sector]
        else:
            source = subject_actors(trig, coder, lexicon)
    elif pattern.pos == "NOUN":
        happened = occurrence_head(trig, lexicon)
        pair = _between(trig) or (_between(happened) if happened is not None else [])
        if pair and pattern.symmetric:
            both = coder.code_noun(pair[0])
            source, target = both[:1], both[1:]
        else:
            source = noun_source(trig, coder, lexicon)
        if not source and "from" not in targets:  # "condemnation from X", "appeals from X"
            verb = _reaction_verb(trig, lexicon)
            carriers = [trig] + ([verb] if verb is not None else [])  # "drew protests from X"
            carriers += prep_objects(trig, ("of",))  # "a threat of sanctions from X"
            source = _reversed_roles(trig.head, carriers, coder, lexicon, subject=False)[0]
    else:  # ADJ: the speaker who calls something unacceptable
        source = _speaker_above(trig, coder, lexicon)

    ctx = RoleContext(match, coder, lexicon, targets, passive, happened, source)
    for _, strategy in OBJECT_TARGETS:
        if target:
            break
        target = strategy(ctx)
    if pattern.pos == "VERB" and not passive and lexicon.has("topic_verbs", trig.lemma_):
        # "X and Y discussed the situation in Z": what is discussed is a topic; only "with W" is a party
        heads = [trig, *children(trig, "dobj", "obj")]  # "discussed security with Somalia"
        target = target or best_target([n for h in heads for n in prep_objects(h, targets)], coder, source)
        if pattern.symmetric and len(source) > 1 and not target and lexicon.has("dyadic_symmetric_types",
                                                                                 pattern.type):
            source, target = source[:1], source[1:]
        return Roles(tuple(source), tuple(target))
    weak: list[Actor] = []  # a target that names no country or sector, kept only when nothing better turns up
    if not target:
        target = best_target(target_nouns(match, targets, passive=passive), coder, source)
        if target and not any(a.country or a.sector for a in target):
            weak, target = target, []
    for _, strategy in TARGET_FALLBACKS:
        if target:
            break
        target = strategy(ctx)
    target = target or weak
    if pattern.symmetric and len(source) > 1 and not target and lexicon.has("dyadic_symmetric_types", pattern.type):
        source, target = source[:1], source[1:]
    src_keys = {refers_to(a) for a in source}
    target = [a for a in target if refers_to(a) not in src_keys or a.start is None]
    return Roles(tuple(source), tuple(target))


@dataclass(frozen=True)
class RoleContext:
    """What a target strategy reads: the matched trigger, the coder, the word lists, the
    prepositions that introduce the pattern's targets, whether the trigger is passive, the verb
    that says a nominal trigger happened, and the source already found."""

    match: TriggerMatch
    coder: ActorCoder
    lexicon: "EventLexicon"
    targets: tuple[str, ...]
    passive: bool
    happened: "Token | None"
    source: list[Actor]

    def has(self, name: str) -> bool:
        """Whether the pattern's type is in the word list ``name`` (``place_target_types``, ...)."""
        return self.lexicon.has(name, self.match.pattern.type)


TargetStrategy = Callable[[RoleContext], list[Actor]]


def _document_author(c: RoleContext) -> list[Actor]:
    """"vetoed a resolution put forward by X", "rejected a plan drafted by X": its author."""
    match, found = c.match, []
    if match.pattern.pos != "VERB" or c.passive:
        return []
    for obj in [*children(match.token, "dobj", "obj"), *([match.obj] if match.obj is not None else [])]:
        if c.lexicon.has("document_nouns", obj.lemma_):
            found = document_author(obj, c.coder)
            if found:
                break
    return found


def _doer_of_object_act(c: RoleContext) -> list[Actor]:
    """"criticized the Israeli raid", "condemned Turkey's offensive": the doer of the act (the
    last such object counts; a named doer without a country yet when no doer has one)."""
    match, found = c.match, []
    if match.pattern.pos != "VERB" or c.passive:
        return []
    for obj in children(match.token, "dobj", "obj"):
        if obj.lemma_.lower() in c.coder.event_nouns and (match.obj is None or obj.i != match.obj.i):
            doers = noun_source(obj, c.coder, c.lexicon, hops=0)
            found = coded_or_named(doers)
    return found


def _of_phrase(c: RoleContext) -> list[Actor]:
    """"the blockade of X", "the withdrawal of X's troops"."""
    match = c.match
    if match.obj is None:
        return []
    of_nouns = [n for n in target_nouns(match, ("of",), passive=False)
                if n.dep_ == "pobj" and n.head.head.i in (match.obj.i, match.token.i)]
    return best_target(of_nouns, c.coder, c.source)


def _object_owner(c: RoleContext) -> list[Actor]:
    """"rejected the French proposal": the owner of the trigger's object noun."""
    match = c.match
    if match.obj is None or match.obj.i == match.token.i:
        return []
    return object_owner(match.obj, c.coder, c.source, patient=not c.has("instrument_object_types"))


def _light_verb(c: RoleContext) -> list[Actor]:
    """"imposed sanctions on X", "gave X an ultimatum": the light verb's dative or target preposition."""
    if c.match.pattern.pos != "NOUN":
        return []
    return best_target(light_verb_targets(c.match.token, c.targets, c.lexicon), c.coder, c.source)


def _occurrence(c: RoleContext) -> list[Actor]:
    """"protests erupted against X"."""
    if c.match.pattern.pos != "NOUN" or c.happened is None:
        return []
    return best_target(prep_objects(c.happened, c.targets), c.coder, c.source)


def _reaction_drawn(c: RoleContext) -> list[Actor]:
    """"X granted asylum to Y, drawing a rebuke from Z": the rebuke is aimed at X."""
    verb = _reaction_verb(c.match.token, c.lexicon) if c.match.pattern.pos == "NOUN" else None
    if verb is None:
        return []
    return [a for a in _reversed_roles(verb, [], c.coder, c.lexicon)[1] if not c.source or a.country not in
            {b.country for b in c.source}]


def _complement(c: RoleContext) -> list[Actor]:
    """"warned that it would attack X": the subject or object of a control or verbal trigger's complement."""
    pattern = c.match.pattern
    if not (pattern.control or pattern.pos == "ADJ" or c.has("governing_types")):
        return []
    return complement_targets(c.match, c.coder, c.targets, source=c.source)


def _participle_addressee(c: RoleContext) -> list[Actor]:
    """"sent a letter to X asking for ...": a participle's speech act goes to the verb's addressee."""
    trig = c.match.token
    if not (trig.dep_ == "advcl" and trig.tag_ == "VBG" and c.has("governing_types")):
        return []
    return best_target(light_verb_targets(trig, ("to", "with"), c.lexicon, any_verb=True), c.coder, c.source)


def _pressure(c: RoleContext) -> list[Actor]:
    """"under pressure from X": the one a concession yields to (``pressured_types``)."""
    return pressure_source(c.match.token, c.coder, c.lexicon, c.source) if c.has("pressured_types") else []


def _condition(c: RoleContext) -> list[Actor]:
    """"would respond with force if NATO ...": the subject of a threat's or promise's condition."""
    pattern = c.match.pattern
    if not (pattern.control or pattern.intent or c.has("governing_types") or c.has("curb_types")):
        return []
    return condition_subject(c.match.token, c.coder, c.lexicon, c.source)


def _beneficiary(c: RoleContext) -> list[Actor]:
    """"sent doctors to help X"."""
    return purpose_targets(c.match, c.coder, c.lexicon, c.source, "beneficiary_verbs") \
        if c.has("beneficiary_types") else []


def _curbed(c: RoleContext) -> list[Actor]:
    """"used tear gas to disperse X"."""
    return purpose_targets(c.match, c.coder, c.lexicon, c.source, "curb_verbs") if c.has("curb_types") else []


def _place(c: RoleContext) -> list[Actor]:
    """"demonstrated in Belgrade": the place, for ``place_target_types``."""
    if not c.has("place_target_types"):
        return []
    places = [n for n in target_nouns(c.match, ("in",), passive=False) if n.pos_ == "PROPN"]
    return [a for a in best_target(places, c.coder, c.source) if a.country and a.kind == "state"]


def _nearest(c: RoleContext) -> list[Actor]:
    """The nearest coded actor among the trigger's dependents or their owners, another country's first."""
    if c.match.pattern.symmetric and len(c.source) > 1:
        return []
    return nearest_other(c.match, c.coder, c.source, targets=c.targets)


OBJECT_TARGETS: tuple[tuple[str, TargetStrategy], ...] = (
    ("document-author", _document_author),
    ("doer-of-object-act", _doer_of_object_act),
)
"""Targets read from a verb's object before the syntax's own target (in order, the first that finds one wins)."""

TARGET_FALLBACKS: tuple[tuple[str, TargetStrategy], ...] = (
    ("of-phrase", _of_phrase),
    ("object-owner", _object_owner),
    ("light-verb", _light_verb),
    ("occurrence", _occurrence),
    ("reaction-drawn", _reaction_drawn),
    ("complement", _complement),
    ("participle-addressee", _participle_addressee),
    ("pressure", _pressure),
    ("condition", _condition),
    ("beneficiary", _beneficiary),
    ("curbed", _curbed),
    ("place", _place),
    ("nearest-other", _nearest),
)
"""When the syntax names no target (or only one without country or sector), these are tried in
order and the first that finds one wins; a weak syntactic target is kept when none does."""


def _speaker_above(token: "Token", coder: ActorCoder, lexicon: "EventLexicon") -> list[Actor]:
    """Who calls something "unacceptable": the subject of the speech verb above, or of the copula."""
    t = token
    for _ in range(5):
        if t.head.i == t.i:
            break
        t = t.head
        if lexicon.has("speech_verbs", t.lemma_):
            return subject_actors(t, coder, lexicon)
    return subject_actors(token.head, coder, lexicon) if token.dep_ in ("acomp", "attr") else []
