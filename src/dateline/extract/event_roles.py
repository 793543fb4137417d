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
preposition that lost its object to the next clause. The subject and doer rules are in
:mod:`.event_sources`, the target candidates and fallbacks in :mod:`.event_targets`. A same-country people named as the object of
an act done to it is its target ("the Iraqi army attacked Iraqi Kurdish fighters"), unless the type
uses its object as an instrument (``instrument_object_types``). The last-resort search stays out of
another act joined to the trigger and out of the reaction it drew ("imposed a curfew and deployed
X", "..., drawing criticism from X"); a participle's subject that is the object a preposition lost
("imposed sanctions on(prep) X(nsubj), charging ...") is no subject. Parse helpers: :mod:`.event_syntax`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Actor
from .event_actors import ActorCoder
from .event_match import TriggerMatch, is_passive
from .mention_resolver import refers_to
from .event_syntax import children as _children
from .event_syntax import pobjs as _pobjs
from .event_syntax import prep_objects as _prep_objects
from .event_sources import _noun_source, _subject, verbless_main
from .event_targets import (_best_target, _complement_targets, _condition_subject, _document_author,
                            _light_verb_targets, _nearest_other, _object_owner, _pressure_source,
                            _purpose_targets, _target_nouns)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..knowledge.event_patterns import EventLexicon, EventPatterns

__all__ = ["Roles", "find_roles", "occurrence_head", "verbless_main"]


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
        return Roles(tuple(source), tuple(a for a in target if refers_to(a) not in
                                          {refers_to(b) for b in source}))
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
    src_keys = {refers_to(a) for a in source}
    target = [a for a in target if refers_to(a) not in src_keys or a.start is None]
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
