"""Temporal expressions normalized against the document date (TimeML TIMEX3 values).

:func:`times` finds dates, times, durations and sets in a parsed article with the rules of
``time_rules.yaml`` and normalizes each against the document creation time (the dateline's day
when it lies up to two days before the publication day, :func:`story_day`): weekdays and dates
without a year by the tense of the governing verb (past by default), ``the following day`` by
the last date mentioned, a clock time in a past clause by the day last named or the day its own
event was given, ``overnight`` by the day its sentence tells, ``the day after his death`` by
the day that event was given (:mod:`dateline.extract.times.episode`). :func:`time_for_span` (by
clause when given the parse) and :func:`is_future` help the quotes and events extractors date
what they find.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ...knowledge.cache import SHARED
from ...knowledge.time_lexicon import TimeLexicon
from ...nlp import doc_text, sentence_of
from ...records import Layout, TimeExpr
from ...settings import Settings
from .calendar import Direction, granularity, parse_anchor, value_date, within_calendar
from .clause import clause_tier
from .episode import lazy_event_noun_day
from .narrative import is_narrative_past, narrative_date
from .normalize import NormContext, normalize
from .rules import Candidate, find_candidates, select_candidates
from .tense import direction_at, governing_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["times", "tag_times", "time_for_span", "is_future", "story_day", "DATELINE_DAYS"]

log = logging.getLogger(__name__)

# Normalizers whose values become the reference for "the following day", "a year earlier".
_REFERENCE_NORMS = frozenset({"calendar", "numeric_date", "weekday", "deictic", "quarter", "holiday"})
_REFERENCE_GRAINS = frozenset({"day", "week", "month", "quarter", "year"})
#: Days a dateline's date may lie before the publication day and still be the story's own day.
DATELINE_DAYS = 2


def times(doc: "Doc", *, layout: Layout | None = None, anchor: str | None = None,
          settings: Settings | None = None, lexicon: TimeLexicon | None = None) -> list[TimeExpr]:
    """Temporal expressions of a parsed article, with values relative to ``anchor`` (YYYY-MM-DD).

    ``lexicon`` is the time lexicon already loaded (a pipeline's knowledge); without it the
    packaged lexicon and ``settings.time_files`` are loaded.
    """
    settings = settings or Settings()
    if lexicon is None:
        lexicon = SHARED.time_lexicon(settings.time_files)
    return tag_times(doc, anchor=story_day(anchor, layout), layout=layout, date_order=settings.date_order,
                     lexicon=lexicon)


def story_day(anchor: str | None, layout: Layout | None) -> str | None:
    """The day relative expressions count from: the dateline's date when it lies up to
    :data:`DATELINE_DAYS` before ``anchor`` (the publication day), else ``anchor``.

    A wire filed "JOHANNESBURG, August 7" and published on the 8th in another time zone says
    "Friday" for the 7th: the dateline gives the story's local day. A dateline after the
    publication day is not trusted over it (a story is filed before it is published).
    """
    dated = layout.dateline.date if layout is not None and layout.dateline is not None else None
    day, story = parse_anchor(anchor), parse_anchor(dated)
    if story is None:
        return anchor
    if day is None:
        return dated
    return dated if 0 <= (day - story).days <= DATELINE_DAYS else anchor


def tag_times(doc: "Doc", *, anchor: str | None, layout: Layout | None = None,
              date_order: str = "MDY", lexicon: TimeLexicon | None = None) -> list[TimeExpr]:
    """:func:`times` with the lexicon and date order given directly."""
    lexicon = lexicon or SHARED.time_lexicon()
    text = doc_text(doc)
    excluded = [(z.start, z.end) for z in layout.excluded] if layout is not None else []

    def accept(cand: Candidate) -> bool:
        """Outside excluded zones, with the part of speech the rule asks for (of its first word,
        and of the word before it with ``pos_before``), and before its syntactic head when the
        rule says so ("Peskov earlier stressed")."""
        if any(cand.start < end and start < cand.end for start, end in excluded):
            return False
        if cand.rule.pos or cand.rule.precedes_head or cand.rule.pos_before:
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None or (cand.rule.pos and span[0].pos_ not in cand.rule.pos):
                return False
            if cand.rule.precedes_head and not span.root.i < span.root.head.i:
                return False
            if cand.rule.pos_before and (span.start == 0 or doc[span.start - 1].pos_ not in cand.rule.pos_before):
                return False
        return True

    chosen = select_candidates(list(find_candidates(text, lexicon, accept)))
    ctx = NormContext(lexicon=lexicon, anchor=parse_anchor(anchor), direction=lambda: None,
                      date_order=date_order)
    found: list[TimeExpr] = []
    for cand in chosen:
        ctx.direction = _lazy_direction(doc, text, cand, lexicon)
        ctx.narrative_day = _lazy_narrative_day(doc, cand, found, anchor)
        ctx.event_day = _lazy_event_day(doc, cand, found, anchor)
        ctx.event_noun_day = lazy_event_noun_day(doc, cand.start, found, anchor, lexicon)
        try:
            result = normalize(cand.groups, cand.rule, ctx)
        except (ValueError, OverflowError, KeyError, TypeError):
            log.debug("time rule %s could not normalize %r", cand.rule.name, text[cand.start:cand.end])
            continue
        if result is None:
            continue
        value, kind = result
        if not within_calendar(value):  # "next year" in 9999: the expression stands, its value is unknown
            log.debug("time rule %s gave %r, outside the calendar", cand.rule.name, value)
            value = None
        found.append(TimeExpr(cand.start, cand.end, text[cand.start:cand.end], value, kind))  # type: ignore[arg-type]
        if (cand.rule.norm in _REFERENCE_NORMS and granularity(value) in _REFERENCE_GRAINS
                and not cand.groups.get("ago")):
            ctx.reference = value
    return found


def _lazy_narrative_day(doc: "Doc", cand: Candidate, found: Sequence[TimeExpr],
                        anchor: str | None) -> Callable[[], str | None]:
    """The day the candidate's sentence tells, worked out only when a normalizer asks: the last
    day (not after ``anchor``) named earlier in the sentence; else, when the sentence is in the
    simple past, the day it continues (:func:`narrative_date`) or the last day named before it
    (a wire story's one-sentence paragraphs end the narrative walk too early)."""

    def last_day(start: int, end: int) -> str | None:
        day = None
        for t in found:
            if start <= t.start and t.end <= end and t.value and granularity(t.value[:10]) == "day":
                if anchor is None or t.value[:10] <= anchor:
                    day = t.value[:10]
        return day

    def narrative_day() -> str | None:
        """The day, from the expressions found so far and the parse."""
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None:
            return None
        sent = sentence_of(span[0])
        day = last_day(sent.start_char, cand.start)
        if day is None and is_narrative_past(sent):
            day = narrative_date(doc, found, sent.start_char, anchor) or last_day(0, sent.start_char)
        return day

    return narrative_day


def _lazy_event_day(doc: "Doc", cand: Candidate, found: Sequence[TimeExpr],
                    anchor: str | None) -> Callable[[], str | None]:
    """The day (not after ``anchor``) of the last expression found so far whose governing verb
    has the candidate's verb's lemma, worked out only when a normalizer asks."""

    def event_day() -> str | None:
        """The day, from the parse."""
        verb = governing_verb(doc, cand.start, cand.end)
        if verb is None:
            return None
        for t in reversed(found):
            day = t.value[:10] if t.value else None
            if day is None or granularity(day) != "day" or (anchor is not None and day > anchor):
                continue
            other = governing_verb(doc, t.start, t.end)
            if other is not None and other.i != verb.i and other.lemma_ == verb.lemma_:
                return day
        return None

    return event_day


def _lazy_direction(doc: "Doc", text: str, cand: Candidate, lexicon: TimeLexicon) -> Callable[[], Direction]:
    """The tense direction of a candidate, worked out from the parse only when a normalizer asks."""
    cache: list[Direction] = []

    def direction() -> Direction:
        """The cached direction."""
        if not cache:
            cache.append(direction_at(doc, cand.start, cand.end, lexicon, text))
        return cache[0]

    return direction


def time_for_span(times: Sequence[TimeExpr], start: int, end: int, sentence_start: int,
                  sentence_end: int, *, doc: "Doc | None" = None) -> TimeExpr | None:
    """The dated expression (DATE or TIME with a value) of the sentence that dates ``start:end``.

    With the parsed ``doc`` the clause decides first: a time on the span's own word (or on a
    relative clause describing it), then one on the verb of its clause, then one elsewhere in that
    clause, then the rest of the sentence (:func:`dateline.extract.times.clause.clause_tier`).
    Without it, or within a rank, expressions overlapping the span count as nearest, then the
    nearest by characters. General references (``PAST_REF``) are used only when the sentence
    has no calendar date.
    """
    best: tuple[int, int, int, int] | None = None
    chosen: TimeExpr | None = None
    for t in times:
        if t.start < sentence_start or t.end > sentence_end or t.value is None:
            continue
        if t.type not in ("DATE", "TIME"):
            continue
        general = 1 if t.value.endswith("_REF") else 0
        overlapping = t.start < end and start < t.end
        distance = 0 if overlapping else min(abs(t.start - end), abs(start - t.end))
        tier = 0 if overlapping or doc is None else clause_tier(doc, (start, end), (t.start, t.end))
        key = (general, tier, distance, t.start)
        if best is None or key < best:
            best, chosen = key, t
    return chosen


def is_future(value: str, anchor: str | None) -> bool:
    """Whether a time value lies after the document date (``FUTURE_REF`` always does)."""
    if not value:
        return False
    upper = value.strip().upper()
    if upper == "FUTURE_REF":
        return True
    if upper.endswith("_REF"):
        return False
    day = parse_anchor(anchor)
    start = value_date(upper.split("T")[0] if granularity(upper.split("T")[0]) == "day" else upper)
    if day is None or start is None:
        return False
    return start > day
