"""PLOVER events: who did what to whom, when, where, and how sure we are.

Each sentence's triggers are matched against lemma/dependency patterns from the knowledge files
(``knowledge/data/event_vocabulary.yaml``, the broad wire-copy vocabulary of every type, under the
hand-tuned ``knowledge/data/event_patterns.yaml``); source and target come from the parse
(:mod:`.roles`), status from the words around the trigger (:mod:`.status`), codes from
the PLOVER↔CAMEO table (``knowledge/data/plover_codes.tsv``). A plain "said" is a quote, never an
event: only PLOVER's verbal types (ACCUSE, REQUEST, REJECT, THREATEN, ...) are coded from speech.

Object nouns are grouped in classes (``knowledge/data/event_objects.yaml``); a verb specific to one
type also takes an object outside its list, through a derived pattern of lower weight. A trigger
in a clause that only sets the scene (a relative clause on a person, an "after ..." clause), or in
what is said or thought ("..., saying X attacked Y") or a controlled complement ("was forced to
use tear gas"), gives way to the sentence's own act; the complement of a verbal trigger
(``governing_types``: "demanded that X withdraw") is its content, never an event of its own.

The sentence pass is data: :data:`TRIGGER_STEPS` then :data:`ROLE_STEPS`, named steps in order
(the rules themselves are in :mod:`.sentence_rules`); each event is then built (:mod:`.build`,
which documents the confidence) and repeats are merged (:mod:`.repeats`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

from ...knowledge.actors import ActorKnowledge
from ...knowledge.cache import SHARED
from ...knowledge.event_patterns import EventLexicon, EventPatterns
from ...knowledge.plover import PloverTable
from ...records import Actor, Event, Layout, Place, Quote, Span, TimeExpr
from ..actors.mention_resolver import marked
from .actor_coder import ActorCoder, SpanCoder
from .build import INTENT_TO_THREATEN, EventBuilder
from .claims import claimants_for, responsibility_claims
from .filters import drop_object_events, figurative, natural_cause, says_nothing, sporting_contest
from .match import TriggerMatch, match_sentence
from .open_triggers import open_matches
from .repeats import dedupe_article, merge_in_sentence
from .roles import Roles, find_roles
from .scene import article_scene, with_scene
from .sentence_rules import (absorb, attribution_aside, background_participle, drop_elaborations, fold_same_type,
                             in_background_clause, in_said_complement, needs_met, stands_alone, warns_of_anothers_act)
from .where import context_country, here_target, implied_source

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...learn.decider import EventDecider, OpenWords
    from spacy.tokens import Span as SpacySpan

__all__ = ["events", "code_sentence_events", "Proposal", "SentencePass", "TRIGGER_STEPS", "ROLE_STEPS"]

log = logging.getLogger(__name__)


def events(doc: "Doc", *, layout: Layout | None, actors: Sequence[Actor], quotes: Sequence[Quote],
           times: Sequence[TimeExpr], places: Sequence[Place], anchor: str | None,
           knowledge: ActorKnowledge | None, patterns: EventPatterns | None = None,
           lexicon: EventLexicon | None = None, table: PloverTable | None = None,
           proposals: list[Proposal] | None = None, decider: "EventDecider | None" = None, scene: bool = False,
           code_span: SpanCoder | None = None) -> list[Event]:
    """Every PLOVER event of a parsed article, headline/standfirst repeats of body events removed.

    ``patterns``, ``lexicon`` and ``table`` default to the packaged knowledge files. When
    ``proposals`` is a list, every matched trigger is appended to it (see :func:`code_sentence_events`).
    With a ``decider`` (:mod:`dateline.learn`), the rules only propose and the trained model decides
    which proposals are events, of which type and status. With ``scene``, actors named without a
    country take the country of the article's scene (:mod:`.scene`). ``knowledge`` is the actor
    knowledge role nouns are coded with (default: the packaged one); ``code_span`` codes a phrase by
    its offsets (default: :func:`dateline.extract.actors.code_span`).
    """
    if decider is not None and proposals is None:
        proposals = []
    patterns = patterns or SHARED.event_patterns()
    lexicon = lexicon or SHARED.event_lexicon()
    table = table or SHARED.plover()
    coder = ActorCoder(doc, actors=actors, knowledge=knowledge, date=anchor, lexicon=lexicon, quotes=quotes,
                       event_nouns=patterns.event_nouns, code_span=code_span)
    excluded = layout.excluded if layout is not None else ()
    found: list[Event] = []
    claims = responsibility_claims(doc, coder, lexicon)
    for i, sent in enumerate(doc.sents):
        blank = not coder.text[sent.start_char:sent.end_char].strip()  # Span.text rebuilds from tokens
        if blank or any(z.start <= sent.start_char < z.end for z in excluded):
            continue
        found.extend(code_sentence_events(sent, coder=coder, patterns=patterns, lexicon=lexicon, table=table,
                                          times=times, places=places, anchor=anchor, layout=layout,
                                          quotes=quotes, claimants=claimants_for(claims, i), proposals=proposals,
                                          open_words=decider.open_words if decider is not None else None))
    if decider is not None:
        found = decider.decide(doc, proposals or [], quotes, actors)
    # with the decider, a judgement repeated with the same dyad is kept: the model sees earlier
    # mentions itself (seen_type / seen_dyad), and an article tells several criticisms or
    # endorsements of one pair (corpus dev type F1 0.622 with the dedupe for every type)
    found = dedupe_article(found, layout, repeatable=lexicon.repeatable_judgements if decider is not None
                           else frozenset())
    if scene:  # after the repeats are found: a guessed country must not make two acts one
        where = article_scene(layout, places, actors)
        found = [with_scene(e, where, knowledge) for e in found]
    return [replace(e, source=tuple(map(marked, e.source)), target=tuple(map(marked, e.target))) for e in found]


def code_sentence_events(sent: "SpacySpan", *, coder: ActorCoder, patterns: EventPatterns,
                         lexicon: EventLexicon, table: PloverTable, times: Sequence[TimeExpr],
                         places: Sequence[Place], anchor: str | None, layout: Layout | None = None,
                         quotes: Sequence[Quote] = (), claimants: tuple[Actor, ...] = (),
                         proposals: list[Proposal] | None = None,
                         open_words: "OpenWords | None" = None) -> list[Event]:
    """The events of one sentence, one per trigger, repeats within the sentence merged.

    ``claimants`` claimed responsibility for the attacks of this sentence: an attack that names
    no doer of its own has them as its source. When ``proposals`` is a list, every trigger the
    patterns match is appended to it as a :class:`Proposal`: the event it makes when no rule
    filters it, and the step at which the rules dropped it (``kept`` when they did not); with
    ``open_words`` also the sentence's other verbs and event nouns (step ``open``, see
    :mod:`.open_triggers`)."""
    raw = match_sentence(sent, patterns, lexicon.light_verbs)
    steps = _Steps(raw)
    state = SentencePass(coder=coder, patterns=patterns, lexicon=lexicon, places=places, layout=layout,
                         claimants=claimants, matches=raw)
    for name, trigger_step in TRIGGER_STEPS:
        state.matches = trigger_step(state)
        steps.after(name, state.matches)
    triggers = {m.token.i for m in state.matches}
    for name, role_step in ROLE_STEPS:
        state.coded = role_step(state)
        steps.after(name, [m for m, _ in state.coded])
    sentence = _trimmed_span(coder.text, sent.start_char, sent.end_char)
    out: list[Event] = []
    embedded: list[bool] = []
    build = EventBuilder(sent=sent, sentence=sentence, coder=coder, lexicon=lexicon, table=table, times=times,
                         places=places, anchor=anchor, layout=layout, contents=state.contents, modes=state.modes)
    for m, roles in state.coded:
        event = build(m, roles)
        if event is None:  # a word of the political arena, not an event ("Clinton attacked Trump's record")
            steps.drop(m, "reading")
            continue
        out.append(event)
        embedded.append(in_background_clause(m, triggers, patterns.event_nouns | lexicon.event_nouns, lexicon))
    if not all(embedded):  # background in a relative or temporal clause gives way to the sentence's own act
        for e, emb in zip(out, embedded):
            if emb:
                steps.drop_at(e.trigger.start, "background-clause")
        out = [e for e, emb in zip(out, embedded) if not emb]
    merged = merge_in_sentence(out)
    for e in out:
        if not any(m is e for m in merged):
            steps.drop_at(e.trigger.start, "merged")
    result = [replace(e, source=implied_source(e, context_country(e.location, places, sentence), lexicon))
              for e in merged]
    if proposals is not None:
        if open_words is not None:
            extra = open_matches(sent, raw, open_words.nouns, open_words.types)
            raw = sorted([*raw, *extra], key=lambda m: m.token.i)
            for m in extra:
                steps.by_token[m.token.i] = m
                steps.dropped[m.token.i] = "open"
        proposals.extend(_proposals(raw, steps, {m.token.i: r for m, r in state.found}, build, claimants, result, coder,
                                    patterns, lexicon, places, sentence))
    return result


@dataclass
class SentencePass:
    """One sentence along the rule steps: its triggers (``matches``, narrowed by each trigger
    step), what the steps learned on the way (``contents`` of governing triggers, ``modes`` lent
    by folded nouns), the triggers with their roles (``found``) and those still coded (``coded``,
    narrowed by each role step)."""

    coder: ActorCoder
    patterns: EventPatterns
    lexicon: EventLexicon
    places: Sequence[Place]
    layout: Layout | None
    claimants: tuple[Actor, ...]
    matches: list[TriggerMatch]
    contents: dict[int, list[TriggerMatch]] = field(default_factory=dict)
    modes: dict[int, str] = field(default_factory=dict)
    found: list[tuple[TriggerMatch, Roles]] = field(default_factory=list)
    coded: list[tuple[TriggerMatch, Roles]] = field(default_factory=list)


TriggerStep = Callable[[SentencePass], list[TriggerMatch]]
RoleStep = Callable[[SentencePass], list[tuple[TriggerMatch, Roles]]]


def _says_something(p: SentencePass) -> list[TriggerMatch]:
    return [m for m in p.matches if not says_nothing(m, p.lexicon)]


def _political(p: SentencePass) -> list[TriggerMatch]:
    return [m for m in p.matches if not natural_cause(m, p.lexicon) and not sporting_contest(m, p.lexicon)
            and not figurative(m, p.lexicon)]


def _not_content(p: SentencePass) -> list[TriggerMatch]:
    matches, p.contents = absorb(p.matches, p.lexicon)
    return matches


def _not_object(p: SentencePass) -> list[TriggerMatch]:
    return drop_object_events(p.matches)


def _one_per_act(p: SentencePass) -> list[TriggerMatch]:
    matches, p.modes = fold_same_type(p.matches)
    return matches


def _with_roles(p: SentencePass) -> list[tuple[TriggerMatch, Roles]]:
    """Roles for every trigger but a background participle; "arrived here for talks": the
    dateline's place is the target; claimants of responsibility are the source of a claimable
    act that names none."""
    found = [(m, find_roles(m, p.coder, p.patterns, p.lexicon)) for m in p.matches if not background_participle(m)]
    found = [(m, roles if roles.target else Roles(roles.source, here_target(m, p.places, p.layout, p.lexicon)))
             for m, roles in found]
    if p.claimants:
        found = [(m, Roles(p.claimants, roles.target) if not roles.source
                  and p.lexicon.has("claimable_types", m.pattern.type) else roles) for m, roles in found]
    p.found = found
    return found


def _roles_met(p: SentencePass) -> list[tuple[TriggerMatch, Roles]]:
    coded = [(m, roles) for m, roles in p.coded if needs_met(m, roles, p.lexicon)]
    if not coded:
        # a sentence whose triggers all lack the role they ask for: its main-clause trigger
        # still makes the event when one side is coded ("Germany praised the efforts to ...")
        coded = [(m, roles) for m, roles in p.coded if stands_alone(m, roles, p.lexicon)][:1]
    return coded


def _not_elaboration(p: SentencePass) -> list[tuple[TriggerMatch, Roles]]:
    return drop_elaborations(p.coded, p.lexicon)


def _own_act(p: SentencePass) -> list[tuple[TriggerMatch, Roles]]:
    """"X condemned Y, saying Z attacked": the sentence's own act, not what is said."""
    inside = [in_said_complement(m, p.lexicon) for m, _ in p.coded]
    own_acts = [m for (m, _), said in zip(p.coded, inside) if not said and not attribution_aside(m, p.lexicon)]
    return [c for c, said in zip(p.coded, inside) if not said] if own_acts else p.coded


def _not_warning(p: SentencePass) -> list[tuple[TriggerMatch, Roles]]:
    hostile = {x.token.i for x in [*p.matches, *(c for cs in p.contents.values() for c in cs)]
               if x.pattern.type in INTENT_TO_THREATEN}
    return [(m, roles) for m, roles in p.coded if not warns_of_anothers_act(m, roles, p.coder, p.lexicon, hostile)]


TRIGGER_STEPS: tuple[tuple[str, TriggerStep], ...] = (
    ("says-nothing", _says_something),  # "said", "told": a quote, not an event
    ("not-political", _political),  # storms, matches, figures of speech
    ("content-of-another", _not_content),  # "demanded that X withdraw": the demand's content
    ("object-of-another", _not_object),
    ("same-act", _one_per_act),  # "killed and wounded": one act
)
"""The sentence pass over matched triggers, in order; each step keeps some of ``matches`` and its
name is the step a dropped trigger's :class:`Proposal` records."""

ROLE_STEPS: tuple[tuple[str, RoleStep], ...] = (
    ("background-participle", _with_roles),  # roles found here; "a letter handed over to X" has none
    ("roles-missing", _roles_met),
    ("elaboration", _not_elaboration),
    ("said-content", _own_act),
    ("warning-of-another", _not_warning),
)
"""The sentence pass over triggers with their roles, in order, after :data:`TRIGGER_STEPS`."""


@dataclass
class Proposal:
    """A trigger the patterns matched, with what the rules made of it.

    ``event``: the event the trigger makes when no rule filters it (None when none can be built);
    ``step``: ``kept`` when the rules' output holds it, else the name of the rule step that dropped it.
    An open proposal (step ``open``) builds its event only when :meth:`realized` is asked for it
    (``pending``): most are no event, and their roles cost more than deciding so."""

    match: TriggerMatch
    event: Event | None
    step: str
    pending: Callable[[], Event | None] | None = field(default=None, repr=False, compare=False)

    def realized(self) -> "Proposal":
        """This proposal with its event built."""
        if self.pending is None:
            return self
        return Proposal(self.match, self.pending(), self.step)


class _Steps:
    """Where along the sentence pass each trigger was dropped."""

    def __init__(self, raw: list[TriggerMatch]) -> None:
        self.by_token = {m.token.i: m for m in raw}
        self.alive = set(self.by_token)
        self.dropped: dict[int, str] = {}
        self.starts: dict[int, int] = {}

    def after(self, step: str, kept: Iterable[TriggerMatch]) -> None:
        left = {m.token.i for m in kept}
        for i in self.alive - left:
            self.dropped.setdefault(i, step)
        self.alive &= left

    def drop(self, m: TriggerMatch, step: str) -> None:
        self.dropped.setdefault(m.token.i, step)
        self.alive.discard(m.token.i)

    def drop_at(self, start: int, step: str) -> None:
        for i in list(self.alive):
            if self.by_token[i].start == start:
                self.drop(self.by_token[i], step)

    def step(self, m: TriggerMatch) -> str:
        return self.dropped.get(m.token.i, "kept")


def _proposals(raw: list[TriggerMatch], steps: _Steps, roles_of: dict, build: "EventBuilder",
               claimants: tuple[Actor, ...], result: list[Event], coder: ActorCoder, patterns: EventPatterns,
               lexicon: EventLexicon, places: Sequence[Place], sentence: Span) -> list[Proposal]:
    kept = {e.trigger.start: e for e in result}
    out = []
    for m in raw:
        step = steps.step(m)
        if step == "kept" and m.start in kept:
            out.append(Proposal(m, kept[m.start], "kept"))
            continue
        make = partial(_proposed_event, m, roles_of.get(m.token.i), build, claimants, coder, patterns, lexicon,
                       places, sentence)
        if step == "open":
            out.append(Proposal(m, None, step, pending=make))
        else:
            out.append(Proposal(m, make(), step if step != "kept" else "merged"))
    return out


def _proposed_event(m: TriggerMatch, roles: Roles | None, build: "EventBuilder", claimants: tuple[Actor, ...],
                    coder: ActorCoder, patterns: EventPatterns, lexicon: EventLexicon, places: Sequence[Place],
                    sentence: Span) -> Event | None:
    """The event one trigger makes when no rule filters it (None when none can be built)."""
    if roles is None:
        roles = find_roles(m, coder, patterns, lexicon)
        if claimants and not roles.source and lexicon.has("claimable_types", m.pattern.type):
            roles = Roles(claimants, roles.target)
    event = build(m, roles)
    if event is not None:
        event = replace(event, source=implied_source(event, context_country(event.location, places, sentence),
                                                     lexicon))
    return event


# -- matching helpers --------------------------------------------------------------------------


# -- repeats -----------------------------------------------------------------------------------


def _trimmed_span(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end, text[start:end])

