"""When and where an event happened, and the country of actors that name none.

Date: the time expression of the trigger's sentence (through the times package's
``time_for_span``), else the day the past narrative before it named, else the article's date.
Location: the places package's ``event_location``. Domestic actors without a country ("police",
"rebels") take the country where the event happens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ...knowledge.event_patterns import EventLexicon
from ...records import Actor, Event, Layout, Location, Place, Span, TimeExpr
from ..places import event_location as place_of_event
from ..times import is_future, time_for_span
from ..times.narrative import narrative_date
from .match import TriggerMatch
from ..syntax.labels import COMPLEMENTS

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["event_date", "event_location", "is_future_date", "context_country", "localized", "localized_by_counterpart",
           "implied_source", "here_target"]



def is_future_date(value: str | None, anchor: str | None) -> bool:
    """Whether a time value lies after the article's date (through the times package's ``is_future``)."""
    if not value or not anchor or value == anchor:
        return False
    return bool(is_future(value, anchor))


def event_date(times: Sequence[TimeExpr], m: TriggerMatch, sentence: Span, anchor: str | None) -> str | None:
    """The value of the sentence's time expression nearest the trigger, else the day a past
    narrative goes on telling (:func:`dateline.extract.times.narrative.narrative_date`), else the
    article's date.

    The complement of a promise or agreement keeps its own time: "agreed to hold talks next
    month" is an agreement made now about talks next month."""
    told = times
    if m.pattern.control or m.pattern.intent:
        inner = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in m.token.children
                 if c.dep_ in COMPLEMENTS]
        times = [t for t in times if not any(a <= t.start < b for a, b in inner)]
    got = time_for_span(times, m.start, m.end, sentence.start, sentence.end)
    if got is not None and isinstance(got.value, str):
        return got.value
    inside = [t for t in times if sentence.start <= t.start and t.end <= sentence.end
              and t.type in ("DATE", "TIME") and t.value]
    if inside:
        best = min(inside, key=lambda t: abs(t.start - m.start))
        return best.value
    return narrative_date(m.token.doc, told, sentence.start, anchor) or anchor


def context_country(location: Location | None, places: Sequence[Place], sentence: Span) -> str | None:
    """The country an event happens in: its location's when the sentence names it, else the
    sentence's only country.

    The dateline is not used: a wire's dateline is where the reporter is, often not the event.
    """
    if location is not None and location.country and location.start is not None \
            and sentence.start <= location.start < sentence.end:
        return location.country
    inside = {p.country for p in places if sentence.start <= p.start and p.end <= sentence.end and p.country}
    return next(iter(inside)) if len(inside) == 1 else None


def localized(actors: tuple[Actor, ...], country: str | None, lexicon: EventLexicon) -> tuple[Actor, ...]:
    """Domestic actors that name no country ("police", "rebels") take the event's country."""
    if not country:
        return actors
    return tuple(replace(a, country=country)
                 if a.country is None and a.sector and lexicon.has("domestic_sectors", a.sector) else a
                 for a in actors)


def localized_by_counterpart(source: tuple[Actor, ...], target: tuple[Actor, ...],
                             lexicon: EventLexicon) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """A side made only of domestic actors without a country takes the country of the other side
    when that side is the home authority (government, police, court, legislature) of one country."""
    def home_country(actors: tuple[Actor, ...]) -> str | None:
        countries = {a.country for a in actors if a.country}
        if len(countries) != 1 or not any(a.sector and lexicon.has("home_sectors", a.sector) for a in actors):
            return None
        return next(iter(countries))

    def adopt(actors: tuple[Actor, ...], country: str | None) -> tuple[Actor, ...]:
        # domestic sectors ("rebels", "students") and named groups nobody has coded ("MASSOB")
        if not country or not actors or any(a.country for a in actors) or not all(
                lexicon.has("domestic_sectors", a.sector) if a.sector else a.kind in ("organization", "group")
                for a in actors):
            return actors
        return tuple(replace(a, country=country) for a in actors)

    return adopt(source, home_country(target)), adopt(target, home_country(source))


def _dateline_place(places: Sequence[Place], layout: Layout | None) -> Place | None:
    """The resolved place of the wire dateline ("RIYADH, October 14."), when there is one."""
    span = layout.dateline.place_span if layout is not None and layout.dateline else None
    if span is None:
        return None
    return next((p for p in places if p.start < span.end and span.start < p.end), None)


def event_location(doc: "Doc", places: Sequence[Place], m: TriggerMatch, sentence: Span,
                   layout: Layout | None, actor_countries: frozenset[str] = frozenset()) -> Location | None:
    """Where the event happened, or None when the text does not say.

    The dateline's place stands in only for a local event: one whose source or target belongs
    to the dateline's country (a wire's dateline is where the reporter is).
    """
    dateline_place = _dateline_place(places, layout)
    if dateline_place is not None and dateline_place.country not in actor_countries:
        dateline_place = None
    return place_of_event(doc, places, start=m.start, end=m.end, sentence_start=sentence.start,
                          sentence_end=sentence.end, dateline_place=dateline_place)


def implied_source(event: Event, country: str | None, lexicon: EventLexicon) -> tuple[Actor, ...]:
    """The source of a material act nobody is named doing: an unnamed actor of the country it
    happens in, as event coders code it ("was arrested in Lebanon": Lebanon's authorities; "a
    bombing near Samarra"), marked ``kind="implied"`` with the place mention as its span when the
    sentence names it. Statements and acts already sourced are left as they are."""
    if event.source or not country or not (
            lexicon.has("implied_source_types", event.type)
            or any(lexicon.has("implied_source_contexts", c) for c in event.context)):
        return event.source
    where, sentence = event.location, event.sentence
    if where is not None and where.country == country and where.start is not None \
            and sentence.start <= where.start < sentence.end:
        return (Actor(where.start, where.end, where.text, name=f"unnamed actor in {where.name or where.text}",
                      country=country, kind="implied"),)
    return (Actor(None, None, None, name=f"unnamed actor in {country}", country=country, kind="implied"),)


def here_target(m: TriggerMatch, places: Sequence[Place], layout: Layout | None,
                lexicon: EventLexicon) -> tuple[Actor, ...]:
    """"arrived here on Friday for a state visit": in wire copy "here" is the dateline's place, so
    a visit there is to the dateline's country (for ``here_target_types``)."""
    if not lexicon.has("here_target_types", m.pattern.type):
        return ()
    if not any(c.lower_ == "here" and c.dep_ in ("advmod", "npadvmod") for c in m.token.children):
        return ()
    place = _dateline_place(places, layout)
    if place is None or not place.country:
        return ()
    return (Actor(place.start, place.end, place.text, name=place.name or place.text, country=place.country,
                  kind="state"),)

