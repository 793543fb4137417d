"""The event of one matched trigger with its roles: type, mode and status from the words around it
(an announced act is a promise or a threat, a conditional one a threat or an offer), date, place,
codes from the PLOVER table, attribution and a confidence.

Confidence is a documented heuristic: 0.7 × the pattern's weight (its specificity, 0.3-0.95),
plus 0.15 when the source is coded with a country, plus 0.15 when the target is, minus 0.1 when
neither role has an actor, times 0.9 for reported events; clamped to [0.05, 0.99].
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...knowledge.event_patterns import EventLexicon
from ...knowledge.plover import PloverTable
from ...records import Event, Layout, Place, Span, TimeExpr
from .actor_coder import ActorCoder
from .match import TriggerMatch
from .readings import reread
from .roles import Roles
from .status import Frame, read_frame
from .where import context_country, event_date, event_location, is_future_date, localized, localized_by_counterpart
from ..syntax.labels import VERBAL_POS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["EventBuilder", "INTENT_TO_THREATEN"]

# How an announced future act is coded (CAMEO's "express intent to" and "threaten" families).
# How an announced future act is coded (CAMEO's "express intent to" and "threaten" families).
_INTENT_TO_AGREE = {"AID", "COOPERATE", "CONCEDE", "RETREAT", "SUPPORT"}
INTENT_TO_THREATEN = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
_THREAT_MODES = {"SANCTION": "relations", "COERCE": "restrict", "ASSAULT": "violence", "MOBILIZE": "violence"}


@dataclass
class EventBuilder:
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
    if frame.conditional and type_ in INTENT_TO_THREATEN and self_stated and not frame.negated:
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
        if type_ in INTENT_TO_THREATEN:
            return "THREATEN", _THREAT_MODES.get(type_, mode), "asserted"
        return type_, mode, "planned"
    if frame.tense == "planned":
        return type_, mode, "planned"
    if frame.reported:
        return type_, mode, "reported"
    return type_, mode, "asserted"


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
        if c.pattern.type in INTENT_TO_THREATEN or c.pattern.type == "THREATEN":
            return "THREATEN", _THREAT_MODES.get(c.pattern.type, c.pattern.mode)
    if any(c.pattern.type == "REJECT" for c in contents):
        return "REJECT", None
    for comp in token.children:
        if comp.dep_ not in ("xcomp", "ccomp", "advcl") or comp.pos_ not in VERBAL_POS:
            continue
        if lexicon.has("hostile_complements", comp.lemma_):  # "vowed to hunt down the militants"
            return "THREATEN", None
        if lexicon.has("defiant_complements", comp.lemma_) or any(
                c.dep_ == "neg" and lexicon.has("negations", c.lower_) for c in comp.children):
            return "REJECT", None
    return "AGREE", mode


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
