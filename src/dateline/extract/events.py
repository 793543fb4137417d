"""PLOVER events: who did what to whom, when, where, and how sure we are.

Each sentence's triggers are matched against lemma/dependency patterns from the knowledge files
(``knowledge/data/event_vocabulary.yaml``, the broad wire-copy vocabulary of every type, under the
hand-tuned ``knowledge/data/event_patterns.yaml``); source and target come from the parse
(:mod:`.event_roles`), status from the words around the trigger (:mod:`.event_status`), codes from
the PLOVER↔CAMEO table (``knowledge/data/plover_codes.tsv``). A plain "said" is a quote, never an
event: only PLOVER's verbal types (ACCUSE, REQUEST, REJECT, THREATEN, ...) are coded from speech.

Object nouns are grouped in classes (``knowledge/data/event_objects.yaml``); a verb specific to one
type also takes an object outside its list, through a derived pattern of lower weight. A trigger
in a clause that only sets the scene (a relative clause on a person, an "after ..." clause), or in
what is said or thought ("..., saying X attacked Y") or a controlled complement ("was forced to
use tear gas"), gives way to the sentence's own act; the complement of a verbal trigger
(``governing_types``: "demanded that X withdraw") is its content, never an event of its own.

Confidence is a documented heuristic: 0.7 × the pattern's weight (its specificity, 0.3-0.95),
plus 0.15 when the source is coded with a country, plus 0.15 when the target is, minus 0.1 when
neither role has an actor, times 0.9 for reported events; clamped to [0.05, 0.99].
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..knowledge.event_patterns import EventLexicon, EventPatterns, load_event_lexicon, load_event_patterns
from ..knowledge.plover import PloverTable, load_plover_table
from ..records import Actor, Event, Layout, Place, Quote, Span, TimeExpr
from .event_actors import ActorCoder
from .event_claims import claimants_for, responsibility_claims
from .event_filters import drop_object_events, figurative, natural_cause, says_nothing, sporting_contest
from .event_match import TriggerMatch, match_sentence
from .event_open import open_matches
from .event_scene import article_scene, with_scene
from .mention_resolver import marked
from .event_readings import reread
from .event_roles import Roles, find_roles, occurrence_head
from .event_sources import verbless_main
from .event_status import Frame, read_frame
from .event_where import (context_country, event_date, event_location, here_target, implied_source, is_future_date,
                          localized, localized_by_counterpart)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..learn.decider import EventDecider, OpenWords
    from spacy.tokens import Span as SpacySpan

__all__ = ["events", "code_sentence_events", "Proposal"]

log = logging.getLogger(__name__)

# How an announced future act is coded (CAMEO's "express intent to" and "threaten" families).
_INTENT_TO_AGREE = {"AID", "COOPERATE", "CONCEDE", "RETREAT", "SUPPORT"}
_INTENT_TO_THREATEN = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
_THREAT_MODES = {"SANCTION": "relations", "COERCE": "restrict", "ASSAULT": "violence", "MOBILIZE": "violence"}
_HEAD_ZONES = ("title", "standfirst")


def events(doc: "Doc", *, layout: Layout | None, actors: Sequence[Actor], quotes: Sequence[Quote],
           times: Sequence[TimeExpr], places: Sequence[Place], anchor: str | None, knowledge: Any,
           patterns: EventPatterns | None = None, lexicon: EventLexicon | None = None,
           table: PloverTable | None = None, proposals: list[Proposal] | None = None,
           decider: "EventDecider | None" = None, scene: bool = False) -> list[Event]:
    """Every PLOVER event of a parsed article, headline/standfirst repeats of body events removed.

    ``patterns``, ``lexicon`` and ``table`` default to the packaged knowledge files. When
    ``proposals`` is a list, every matched trigger is appended to it (see :func:`code_sentence_events`).
    With a ``decider`` (:mod:`dateline.learn`), the rules only propose and the trained model decides
    which proposals are events, of which type and status. With ``scene``, actors named without a
    country take the country of the article's scene (:mod:`.event_scene`).
    """
    if decider is not None and proposals is None:
        proposals = []
    patterns = patterns or load_event_patterns()
    lexicon = lexicon or load_event_lexicon()
    table = table or load_plover_table()
    coder = ActorCoder(doc, actors=actors, knowledge=knowledge, date=anchor, lexicon=lexicon, quotes=quotes,
                       event_nouns=patterns.event_nouns)
    excluded = layout.excluded if layout is not None else ()
    found: list[Event] = []
    claims = responsibility_claims(doc, coder, lexicon)
    for i, sent in enumerate(doc.sents):
        if not sent.text.strip() or any(z.start <= sent.start_char < z.end for z in excluded):
            continue
        found.extend(code_sentence_events(sent, coder=coder, patterns=patterns, lexicon=lexicon, table=table,
                                          times=times, places=places, anchor=anchor, layout=layout,
                                          quotes=quotes, claimants=claimants_for(claims, i), proposals=proposals,
                                          open_words=decider.open_words if decider is not None else None))
    if decider is not None:
        found = decider.decide(doc, proposals or [], quotes)
    found = _dedupe_article(found, layout)
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
    :mod:`.event_open`)."""
    raw = match_sentence(sent, patterns, lexicon.light_verbs)
    steps = _Steps(raw)
    matches = [m for m in raw if not says_nothing(m, lexicon)]
    steps.after("says-nothing", matches)
    matches = [m for m in matches if not natural_cause(m, lexicon) and not sporting_contest(m, lexicon)
               and not figurative(m, lexicon)]
    steps.after("not-political", matches)
    matches, contents = _absorb(matches, lexicon)
    steps.after("content-of-another", matches)
    matches = drop_object_events(matches)
    steps.after("object-of-another", matches)
    matches, modes = _fold_same_type(matches)
    steps.after("same-act", matches)
    text = coder.text
    sentence = _trimmed_span(text, sent.start_char, sent.end_char)
    out: list[Event] = []
    embedded: list[bool] = []
    triggers = {m.token.i for m in matches}
    found = [(m, find_roles(m, coder, patterns, lexicon)) for m in matches if not _background_participle(m)]
    steps.after("background-participle", [m for m, _ in found])
    # "arrived here for talks": the dateline's place is the target
    found = [(m, roles if roles.target else Roles(roles.source, here_target(m, places, layout, lexicon)))
             for m, roles in found]
    if claimants:
        found = [(m, Roles(claimants, roles.target) if not roles.source
                  and lexicon.has("claimable_types", m.pattern.type) else roles) for m, roles in found]
    coded = [(m, roles) for m, roles in found if _needs_met(m, roles, lexicon)]
    if not coded:
        # a sentence whose triggers all lack the role they ask for: its main-clause trigger
        # still makes the event when one side is coded ("Germany praised the efforts to ...")
        coded = [(m, roles) for m, roles in found if _stands_alone(m, roles, lexicon)][:1]
    steps.after("roles-missing", [m for m, _ in coded])
    coded = _drop_elaborations(coded, lexicon)
    steps.after("elaboration", [m for m, _ in coded])
    inside = [_in_said_complement(m, lexicon) for m, _ in coded]
    own_acts = [m for (m, _), said in zip(coded, inside) if not said and not _attribution_aside(m, lexicon)]
    if own_acts:  # "X condemned Y, saying Z attacked": the sentence's own act, not what is said
        coded = [c for c, said in zip(coded, inside) if not said]
    steps.after("said-content", [m for m, _ in coded])
    hostile = {x.token.i for x in [*matches, *(c for cs in contents.values() for c in cs)]
               if x.pattern.type in _INTENT_TO_THREATEN}
    coded = [(m, roles) for m, roles in coded if not _warns_of_anothers_act(m, roles, coder, lexicon, hostile)]
    steps.after("warning-of-another", [m for m, _ in coded])
    build = _EventBuilder(sent=sent, sentence=sentence, coder=coder, lexicon=lexicon, table=table, times=times,
                          places=places, anchor=anchor, layout=layout, contents=contents, modes=modes)
    for m, roles in coded:
        event = build(m, roles)
        if event is None:  # a word of the political arena, not an event ("Clinton attacked Trump's record")
            steps.drop(m, "reading")
            continue
        out.append(event)
        embedded.append(_in_background_clause(m, triggers, patterns.event_nouns | lexicon.event_nouns, lexicon))
    if not all(embedded):  # background in a relative or temporal clause gives way to the sentence's own act
        for e, emb in zip(out, embedded):
            if emb:
                steps.drop_at(e.trigger.start, "background-clause")
        out = [e for e, emb in zip(out, embedded) if not emb]
    merged = _merge_in_sentence(out)
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
        proposals.extend(_proposals(raw, steps, {m.token.i: r for m, r in found}, build, claimants, result, coder, patterns, lexicon,
                                    places, sentence))
    return result


@dataclass
class Proposal:
    """A trigger the patterns matched, with what the rules made of it.

    ``event``: the event the trigger makes when no rule filters it (None when none can be built);
    ``step``: ``kept`` when the rules' output holds it, else the name of the rule step that dropped it."""

    match: TriggerMatch
    event: Event | None
    step: str


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


def _proposals(raw: list[TriggerMatch], steps: _Steps, roles_of: dict, build: "_EventBuilder",
               claimants: tuple[Actor, ...], result: list[Event], coder: ActorCoder, patterns: EventPatterns,
               lexicon: EventLexicon, places: Sequence[Place], sentence: Span) -> list[Proposal]:
    kept = {e.trigger.start: e for e in result}
    out = []
    for m in raw:
        step = steps.step(m)
        if step == "kept" and m.start in kept:
            out.append(Proposal(m, kept[m.start], "kept"))
            continue
        roles = roles_of.get(m.token.i)
        if roles is None:
            roles = find_roles(m, coder, patterns, lexicon)
            if claimants and not roles.source and lexicon.has("claimable_types", m.pattern.type):
                roles = Roles(claimants, roles.target)
        event = build(m, roles)
        if event is not None:
            event = replace(event, source=implied_source(event, context_country(event.location, places, sentence),
                                                         lexicon))
        out.append(Proposal(m, event, step if step != "kept" else "merged"))
    return out


@dataclass
class _EventBuilder:
    """Builds the event of one matched trigger with its roles: type, mode and status from the
    words around it, date, place, codes and attribution."""

    sent: "SpacySpan"
    sentence: Span
    coder: ActorCoder
    lexicon: EventLexicon
    table: PloverTable
    times: Sequence[TimeExpr]
    places: Sequence[Place]
    anchor: str | None
    layout: Layout | None
    contents: dict[int, list[TriggerMatch]]
    modes: dict[int, str]

    def __call__(self, m: TriggerMatch, roles: Roles) -> Event | None:
        lexicon, coder, anchor = self.lexicon, self.coder, self.anchor
        frame = read_frame(m.token, lexicon)
        type_, mode, status = _type_and_status(m, frame, speech_act=lexicon.has("governing_types", m.pattern.type),
                                               self_stated=frame.conditional and _stated_by_doer(m, roles, coder, lexicon))
        if m.pattern.intent and type_ == "AGREE":
            type_, mode = _promised(m.token, self.contents.get(m.token.i, []), mode, lexicon)
        if frame.tense in ("future", "intent") and not roles.target and status == "asserted" \
                and type_ != m.pattern.type and not m.pattern.intent and not frame.conditional:
            # "X will resign": an act announced without a counterpart stays what it is, planned
            type_, mode, status = m.pattern.type, m.pattern.mode, "planned"
        type_, mode = reread(m, roles, type_, mode, lexicon)
        if type_ is None:
            return None
        mode = mode or self.modes.get(m.token.i)
        date = event_date(self.times, m, self.sentence, anchor)
        if is_future_date(date, anchor):
            if m.token.tag_ == "VBD":  # "opened talks on the handover in 1997": the time is another act's
                date = anchor
            elif status == "asserted":
                status = "planned"  # "talks on March 5" in a story of March 4
        attributed = None
        if frame.reported_by is not None:
            got = coder.code_noun(frame.reported_by)
            attributed = got[0].name if got and got[0].name else _whole_phrase(frame.reported_by, coder)
        code = self.table.lookup(type_, mode)
        text = coder.text
        trigger = Span(m.start, m.end, text[m.start:m.end])
        countries = frozenset(a.country for a in (*roles.source, *roles.target) if a.country)
        location = event_location(self.sent.doc, self.places, m, self.sentence, self.layout, countries)
        where = context_country(location, self.places, self.sentence)
        source, target = localized_by_counterpart(localized(roles.source, where, lexicon),
                                                  localized(roles.target, where, lexicon), lexicon)
        return Event(
            type=type_, trigger=trigger, sentence=self.sentence, source=source, target=target,
            mode=mode, context=m.pattern.context, date=date, location=location,
            cameo=code.cameo if code else None, quad=code.quad if code else None,
            goldstein=code.goldstein if code else None, status=status, attributed_to=attributed,
            confidence=_confidence(m, roles, status),
            evidence={"proposed_by": f"pattern '{m.pattern.lemma}' ({m.pattern.type}, weight {m.pattern.weight})",
                      "decided_by": "rules", "roles": "rules (syntax of the trigger)"},
        )


# -- matching helpers --------------------------------------------------------------------------


def _absorb(matches: list[TriggerMatch],
            lexicon: EventLexicon) -> tuple[list[TriggerMatch], dict[int, list[TriggerMatch]]]:
    """Drop triggers that are the content of a governing control or verbal trigger.

    Returns the remaining matches and, per governing trigger, the triggers of its complement.
    """
    absorbed: set[int] = set()
    contents: dict[int, list[TriggerMatch]] = {}
    by_index = {m.token.i: m for m in matches}
    for m in matches:
        # "meet the demands to release prisoners", "rejected a plan to withdraw": an infinitive
        # hanging on the trigger's object noun is what that noun asks or proposes, not an act
        for noun in ([m.obj] if m.obj is not None else []) + ([m.token] if m.pattern.pos == "NOUN" else []):
            for child in noun.children:
                if child.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                    absorbed.update(t.i for t in child.subtree)
    # types whose trigger governs the content of what is said (``governing_types``): events inside
    # their complement are that content, not events of their own ("accused X of attacking")
    governors = [m for m in matches if m.pattern.control or lexicon.has("governing_types", m.pattern.type)]
    if not governors:
        return [m for m in matches if m.token.i not in absorbed], {}
    for g in governors:
        for child in g.token.children:
            # "vowed to fight" (an infinitive without an object is the content; "offered troops to
            # help" is a purpose, unless the pattern names a complement: "pushed X to accept")
            infinitive = (child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                          and (bool(g.pattern.xcomp) or not any(c.dep_ in ("dobj", "obj") for c in g.token.children)))
            if child.dep_ in ("xcomp", "ccomp", "dobj", "prep", "pcomp", "dative", "attr", "oprd") or infinitive:
                inner = {t.i for t in child.subtree}
                absorbed.update(inner)
                if child.dep_ in ("xcomp", "ccomp") or infinitive:
                    contents.setdefault(g.token.i, []).extend(by_index[i] for i in sorted(inner) if i in by_index)
    kept = [m for m in matches if m.token.i not in absorbed or m.token.i == m.token.head.i]
    return kept, contents


def _fold_same_type(matches: list[TriggerMatch]) -> tuple[list[TriggerMatch], dict[int, str]]:
    """One trigger per act: "killed and wounded", "a bombing killed", "arrived on a visit".

    A trigger is dropped when it is a noun hanging (within two steps) on another trigger of the
    same type, or when it is coordinated with one and either is a casualty verb (``outcome``);
    a dropped noun lends its mode to the verb.
    """
    by_index = {m.token.i: m for m in matches}
    dropped: set[int] = set()
    modes: dict[int, str] = {}
    for m in matches:
        t = m.token
        other = None
        if t.dep_ == "conj" and t.head.i in by_index and (m.pattern.outcome or by_index[t.head.i].pattern.outcome):
            other = by_index[t.head.i]
        elif t.dep_ == "advcl" and m.pattern.outcome and t.head.i in by_index:
            other = by_index[t.head.i]  # "opened fire on X, killing five"
        elif m.pattern.pos == "NOUN":
            h = t.head
            for _ in range(2):
                if h.i in by_index and h.i != t.i:
                    other = by_index[h.i]
                    break
                if h.head.i == h.i:
                    break
                h = h.head
        # a casualty participle reports the outcome of the act it hangs on, whatever its type
        # ("protesters rioted, killing two": one riot)
        outcome_of = t.dep_ == "advcl" and m.pattern.outcome and t.tag_ == "VBG"
        if other is not None and (other.pattern.type == m.pattern.type or outcome_of) \
                and other.token.i not in dropped:
            dropped.add(t.i)
            if m.pattern.mode and not other.pattern.mode:
                modes[other.token.i] = m.pattern.mode
    # "retaliated by carrying out attacks": the means names the act; the general verb goes
    for m in matches:
        t = m.token
        if t.dep_ == "pcomp" and t.head.lower_ == "by" and t.head.head.i in by_index:
            head = by_index[t.head.head.i]
            if head.pattern.type == m.pattern.type and head.pattern.weight <= m.pattern.weight:
                dropped.add(head.token.i)
    # "donated and delivered goods to X": coordinated verbs of one type, one without an object of
    # its own, share that object: one act (the one with the object is kept)
    for m in matches:
        t = m.token
        head = by_index.get(t.head.i)
        if (t.dep_ != "conj" or head is None or head.pattern.type != m.pattern.type or t.i in dropped
                or head.token.i in dropped or m.pattern.pos != "VERB" or head.pattern.pos != "VERB"):
            continue
        has_obj = [any(c.dep_ in ("dobj", "obj") for c in x.token.children) for x in (head, m)]
        if has_obj[0] != has_obj[1]:
            dropped.add(head.token.i if has_obj[1] else t.i)
    return [m for m in matches if m.token.i not in dropped], modes


def _background_participle(m: TriggerMatch) -> bool:
    """A reduced relative ("a letter handed over to X") without a "by" agent: background, no event."""
    t = m.token
    return (t.dep_ == "acl" and t.tag_ == "VBN"
            and not any(c.dep_ == "agent" for c in t.children) and not verbless_main(t))


def _stands_alone(m: TriggerMatch, roles: Roles, lexicon: EventLexicon) -> bool:
    """A trigger of the main clause (the root, a verb joined to it, or an event noun that is its
    subject or object) with a coded source or target (a coded source when its pattern ``needs``
    one: "rising prices put pressure on X" is no act; a pattern that needs a target may stand on
    its source), from a pattern specific enough to stand alone (weight 0.5 or more, not a verb of
    speech: not "spoke to reporters", "said it must act")."""
    t = m.token
    if m.pattern.needs == "none" or m.pattern.weight < 0.5 or lexicon.has("speech_verbs", m.pattern.lemma):
        return False
    main = t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT")
    if not main and not (m.pattern.pos == "NOUN" and t.head.dep_ == "ROOT" and t.dep_ in ("dobj", "nsubj")):
        return False
    if m.pattern.needs == "source":  # a doer the pattern asks for is never made up by a target
        return any(a.country for a in roles.source)
    return any(a.country for a in (*roles.source, *roles.target))


def _in_background_clause(m: TriggerMatch, triggers: set[int], event_nouns: frozenset[str],
                          lexicon: EventLexicon) -> bool:
    """Whether the trigger sits in a clause that describes a noun ("refugees, whom authorities
    blame for ...", "a team trying to broker a deal") or sets the scene in time ("condemned X
    after Y attacked Z"): background to the sentence's main act. A clause on an event noun or
    another trigger ("the strike, which killed ...") is that event."""
    t = m.token
    if m.pattern.pos == "NOUN" and t.dep_ == "pobj" and lexicon.has("background_preps", t.head.lemma_):
        return True  # "after talks with X", "during the visit": the time of the main act
    for _ in range(6):
        if t.dep_ in ("relcl", "acl"):
            head = t.head
            return not (head.i in triggers or head.lemma_.lower() in event_nouns or verbless_main(t))
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and lexicon.has("background_marks", c.lemma_)
                                     for c in t.children):
            return True
        if t.head.i == t.i or (t.dep_ in ("ccomp", "xcomp", "advcl", "conj") and t.head.pos_ in ("VERB", "AUX")):
            return False  # the main clause, or a clause of a verb: not a noun's description
        t = t.head
    return False


def _in_said_complement(m: TriggerMatch, lexicon: EventLexicon) -> bool:
    """Whether the trigger sits in the clausal complement (``complement_deps``) of a verb of
    speech or thought ("said that X attacked Y", "believes X will withdraw"), or in the controlled
    complement (``controlled_deps``) of any verb ("police were forced to use tear gas")."""
    t = m.token
    while t.head.i != t.i:
        if lexicon.has("controlled_deps", t.dep_) or (lexicon.has("complement_deps", t.dep_) and (
                lexicon.has("speech_verbs", t.head.lemma_) or lexicon.has("cognition_verbs", t.head.lemma_))):
            return True
        t = t.head
    return False


def _warns_of_anothers_act(m: TriggerMatch, roles: Roles, coder: ActorCoder, lexicon: EventLexicon,
                           hostile: set[int]) -> bool:
    """"NATO warned that Moscow could launch an attack": a warning that another actor may commit a
    hostile act (``hostile``: token indices of such triggers) is no threat by the one who warns;
    "warned that Taiwan would pay a heavy price" still is."""
    if m.pattern.type != "THREATEN" or not lexicon.has("warning_verbs", m.token.lemma_):
        return False
    own = {a.country for a in roles.source if a.country}
    for comp in m.token.children:
        if comp.dep_ != "ccomp" or comp.pos_ not in ("VERB", "AUX") or not any(t.i in hostile for t in comp.subtree):
            continue
        for subj in comp.children:
            if subj.dep_ == "nsubj":
                others = {a.country for a in coder.code_noun(subj) if a.country}
                return bool(own) and bool(others) and not others & own
    return False


def _attribution_aside(m: TriggerMatch, lexicon: EventLexicon) -> bool:
    """A participle on the verb of attribution ("X is expelling Y, the prime minister said,
    blaming Z"): the speaker's aside, which leaves what is said the sentence's news."""
    head = m.token.head
    return m.token.dep_ in ("advcl", "conj") and head.i != m.token.i and head.dep_ == "ROOT" \
        and lexicon.has("speech_verbs", head.lemma_)


def _stated_by_doer(m: TriggerMatch, roles: Roles, coder: ActorCoder, lexicon: EventLexicon) -> bool:
    """Whether the trigger's clause is stated by its own source ("the EU said it could impose", "X
    could strike if ..."), not by someone else ("analysts say X could strike if ...")."""
    clause = m.token
    if clause.dep_ != "ccomp" or not (lexicon.has("speech_verbs", clause.head.lemma_)
                                      or lexicon.has("cognition_verbs", clause.head.lemma_)):
        return True
    if any(c.dep_ == "nsubj" and coder.is_pronoun(c) for c in clause.children):
        return True  # "a spokesman said they could close the strait if ...": the speaker's side
    doers = {a.country for a in roles.source if a.country}
    for subj in clause.head.children:
        if subj.dep_ == "nsubj":
            return bool(doers) and doers <= {a.country for a in coder.code_noun(subj) if a.country}
    return False


def _promised(token: "Token", contents: list[TriggerMatch], mode: str | None,
              lexicon: EventLexicon) -> tuple[str, str | None]:
    """A promise of a hostile act is a threat ("vowed to fight"); a promise to refuse or defy,
    or not to do something, is a rejection ("vowed to ignore the ultimatum", "vowed not to bow
    to pressure"); of anything else, an agreement. Only the promised act itself counts, not a
    purpose clause below it ("ready to work with X to curb the haze" promises cooperation)."""
    contents = [c for c in contents if c.token.head.i == token.i
                or (c.token.dep_ == "conj" and c.token.head.head.i == token.i)]
    for c in contents:
        if c.pattern.type in _INTENT_TO_THREATEN or c.pattern.type == "THREATEN":
            return "THREATEN", _THREAT_MODES.get(c.pattern.type, c.pattern.mode)
    if any(c.pattern.type == "REJECT" for c in contents):
        return "REJECT", None
    for comp in token.children:
        if comp.dep_ not in ("xcomp", "ccomp", "advcl") or comp.pos_ not in ("VERB", "AUX"):
            continue
        if lexicon.has("hostile_complements", comp.lemma_):  # "vowed to hunt down the militants"
            return "THREATEN", None
        if lexicon.has("defiant_complements", comp.lemma_) or any(
                c.dep_ == "neg" and lexicon.has("negations", c.lower_) for c in comp.children):
            return "REJECT", None
    return "AGREE", mode


def _drop_elaborations(coded: list[tuple[TriggerMatch, Roles]],
                       lexicon: EventLexicon) -> list[tuple[TriggerMatch, Roles]]:
    """Drop a participle clause that restates the act it hangs on: one of the same type ("lifted
    the lockdown, allowing residents to leave"), or a speech act that names no target of its own
    ("X criticised Y, calling for an end to ...", "X warned Y, urging restraint"; "sent a letter
    to Y asking for ..." has its target, and stays)."""
    heads = {m.token.i: m.pattern.type for m, _ in coded}
    verbal_types = {m.pattern.type for m, _ in coded if m.pattern.pos == "VERB"}
    return [(m, roles) for m, roles in coded
            if not (m.token.dep_ == "advcl" and m.token.tag_ == "VBG" and m.token.head.i in heads
                    and (heads[m.token.head.i] == m.pattern.type  # "lifted the lockdown, allowing X to leave"
                         or (lexicon.has("governing_types", m.pattern.type)
                             and not any(a.country or a.sector for a in roles.target))))
            and not _setting(m, verbal_types) and not _means_of(m, heads)]


def _means_of(m: TriggerMatch, heads: dict[int, str]) -> bool:
    """"breached the ceasefire by shelling government positions": the act that is the means of
    another coded act of the same type is that act, not a second one."""
    prep = m.token.head
    if m.token.dep_ not in ("pcomp", "pobj") or prep.lower_ != "by" or prep.head.i == prep.i:
        return False
    return heads.get(prep.head.i) == m.pattern.type


def _setting(m: TriggerMatch, verbal_types: set[str]) -> bool:
    """An event noun in a prepositional phrase of a sentence whose verb makes an event of the same
    type is the setting of that act ("met Y on the sidelines of the G20 summit", "signed the
    deal at talks in Doha"), not a second event."""
    if m.pattern.pos != "NOUN" or m.pattern.type not in verbal_types:
        return False
    t = m.token
    while t.dep_ in ("pobj", "compound", "amod", "conj") or (t.dep_ == "prep" and t.head.i != t.i):
        if t.dep_ == "pobj":
            return True
        t = t.head
    return False


def _needs_met(m: TriggerMatch, roles: Roles, lexicon: EventLexicon) -> bool:
    """Whether the roles the pattern asks for were found; an act the sentence says happened
    ("protests erupted in X") needs no named doer."""
    if m.pattern.pos == "NOUN" and occurrence_head(m.token, lexicon) is not None:
        return True
    coded_src = any(a.country or a.sector or a.name for a in roles.source)
    coded_tgt = any(a.country or a.sector or a.name for a in roles.target)
    needs = m.pattern.needs
    if needs == "none":
        return True
    if needs == "source":
        return coded_src
    if needs == "target":
        return coded_tgt
    return coded_src or coded_tgt


def _type_and_status(m: TriggerMatch, frame: Frame, *, speech_act: bool = False,
                     self_stated: bool = False) -> tuple[str, str | None, str]:
    """The type, mode and status the frame gives a matched trigger. A speech act (``speech_act``:
    a warning, demand, accusation) with an if-clause is made all the same: the condition belongs
    to what is said ("warned X of consequences if it resumes ..."); a hostile act on a condition
    that its own doer states (``self_stated``: "X said it could strike if ...") is a threat, a
    cooperative one an offer ("X said it would withdraw if ...")."""
    type_, mode = m.pattern.type, m.pattern.mode
    if frame.negated:
        if m.pattern.negated:
            return m.pattern.negated, None, "hypothetical" if frame.hypothetical else "asserted"
        if frame.tense in ("future", "intent") and type_ in _COOPERATIVE and not frame.hypothetical:
            return "REJECT", None, "asserted"  # "will not negotiate": a refusal, which PLOVER codes
        return type_, mode, "negated"
    if frame.conditional and type_ in _INTENT_TO_THREATEN and self_stated and not frame.negated:
        # "X said it could impose sanctions unless Y ...": a conditional threat by X
        return "THREATEN", _THREAT_MODES.get(type_, mode), "asserted"
    if frame.conditional and type_ in _INTENT_TO_AGREE and self_stated and not frame.negated:
        # "X said it would withdraw its troops if Y ...": a conditional offer by X
        return "AGREE", None, "asserted"
    if frame.hypothetical:
        return type_, mode, "hypothetical"
    if frame.conditional and frame.tense not in ("future", "intent") and not speech_act:
        return type_, mode, "hypothetical"  # "if X attacks, Y responds"
    if frame.tense in ("future", "intent"):
        if frame.decided:
            return type_, mode, "planned"
        if type_ in _INTENT_TO_AGREE:
            return "AGREE", None, "asserted"
        if type_ in _INTENT_TO_THREATEN:
            return "THREATEN", _THREAT_MODES.get(type_, mode), "asserted"
        return type_, mode, "planned"
    if frame.tense == "planned":
        return type_, mode, "planned"
    if frame.reported:
        return type_, mode, "reported"
    return type_, mode, "asserted"


def _whole_phrase(token, coder: ActorCoder) -> str:
    start, end = coder.phrase_bounds(token)
    return coder.doc[start:end].text


def _confidence(m: TriggerMatch, roles: Roles, status: str) -> float:
    score = 0.7 * m.pattern.weight
    if any(a.country for a in roles.source):
        score += 0.15
    if any(a.country for a in roles.target):
        score += 0.15
    if not roles.source and not roles.target:
        score -= 0.1
    if status == "reported":
        score *= 0.9
    return round(min(0.99, max(0.05, score)), 2)


# -- repeats -----------------------------------------------------------------------------------


def _countries(actors: Iterable[Actor]) -> frozenset[str]:
    return frozenset(a.country for a in actors if a.country)


def _dyad_key(e: Event) -> tuple[str, frozenset[str], frozenset[str]]:
    return e.type, _countries(e.source), _countries(e.target)


def _merge_in_sentence(found: list[Event]) -> list[Event]:
    """One verbal event (QuadClass 1 or 3) per type and dyad within a sentence, the most confident.

    A sentence that praises, backs and supports X makes one SUPPORT event; material acts with
    the same dyad ("occupying A and taking B") stay apart. An event without a source whose type
    and target another event of the sentence has ("arrived in X for talks with X's president")
    is that event mentioned again.
    """
    best: dict[tuple[Any, ...], Event] = {}
    order: list[tuple[Any, ...]] = []
    for e in found:
        key = _dyad_key(e) + (e.status,)
        if (not key[1] and not key[2]) or e.quad not in (1, 3):
            key = key + (e.trigger.start,)
        if key not in best:
            best[key] = e
            order.append(key)
        elif (e.confidence or 0) > (best[key].confidence or 0):
            best[key] = e
    kept = [best[k] for k in order]
    # "arrived in X for talks with X's president": a second mention of the same act, without a doer
    return [e for e in kept if e.source or not any(
        o is not e and o.type == e.type and o.source and _countries(e.target) <= _countries(o.target)
        for o in kept)]


def _zone_of(e: Event, layout: Layout | None) -> str:
    if layout is None:
        return "body"
    for z in layout.zones:
        if z.start <= e.trigger.start < z.end:
            return z.kind
    return "body"


def _overlaps(a: Event, b: Event) -> bool:
    ca, cb = _countries(a.source) | _countries(a.target), _countries(b.source) | _countries(b.target)
    return bool(ca & cb)


def _dedupe_article(found: list[Event], layout: Layout | None) -> list[Event]:
    """Drop repeats across the article.

    - a headline or standfirst event that a body event of the same type and overlapping
      countries repeats;
    - a verbal event (QuadClass 1 or 3) or a planned one that an earlier event repeats with the
      same type, mode, source and target countries (statements are repeated in quotes; material
      acts with the same dyad are often distinct acts, so they are kept).
    """
    body = [e for e in found if _zone_of(e, layout) not in _HEAD_ZONES]
    out: list[Event] = []
    seen: set[tuple[Any, ...]] = set()
    for e in found:
        key = _dyad_key(e)
        has_dyad = bool(key[1] or key[2])
        if _zone_of(e, layout) in _HEAD_ZONES and any(b.type == e.type and _overlaps(b, e) for b in body):
            continue
        if has_dyad and (e.quad in (1, 3) or e.status == "planned") and e.status not in ("negated", "hypothetical"):
            full = key + (e.mode,)
            if full in seen:
                continue
            seen.add(full)
        out.append(e)
    return out


def _trimmed_span(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end, text[start:end])

