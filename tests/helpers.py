"""Helpers shared by the tests that code events, actors or times from short texts: the table of country
words the stand-in actor coder reads (conftest's ``country_word_actors``), the events, types and
dyads dateline codes for a text alone, and the actor mentions it finds."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.extract.actors import ActorKnowledge, actors
from dateline.extract.events import events
from dateline.extract.times import tag_times
from dateline.nlp import masked_text
from dateline.records import Actor, Event, Layout, Place, Quote, TimeExpr

# country words (and two-word names) the stand-in actor coder codes a phrase by: country names,
# demonyms, capitals and a few leaders and bodies, as the test sentences name them
COUNTRIES: dict[str, str] = {
    "algerian": "DZA", "ankara": "TUR", "argentina": "ARG", "australia": "AUS", "bahrain": "BHR",
    "belarus": "BLR", "bolivia": "BOL", "brazil": "BRA", "britain": "GBR", "british": "GBR",
    "canada": "CAN", "canadian": "CAN", "chile": "CHL", "chilean": "CHL", "china": "CHN", "chinese": "CHN",
    "colombia": "COL", "colombian": "COL", "cuba": "CUB", "egypt": "EGY", "egyptian": "EGY",
    "egyptians": "EGY", "erdogan": "TUR", "eritrea": "ERI", "ethiopia": "ETH", "france": "FRA",
    "french": "FRA", "georgia": "GEO", "german": "DEU", "germany": "DEU", "ghana": "GHA", "greece": "GRC",
    "greek": "GRC", "india": "IND", "indian": "IND", "interpol": "IGO", "iran": "IRN", "iranian": "IRN",
    "iraq": "IRQ", "iraqi": "IRQ", "israel": "ISR", "israeli": "ISR", "italian": "ITA", "italy": "ITA",
    "japan": "JPN", "japanese": "JPN", "jordan": "JOR", "kenya": "KEN", "kenyan": "KEN", "kenyans": "KEN",
    "khartoum": "SDN", "kuwait": "KWT", "kyiv": "UKR", "lebanon": "LBN", "libya": "LBY", "malta": "MLT",
    "mexico": "MEX", "moscow": "RUS", "myanmar": "MMR", "nepalese": "NPL", "nigeria": "NGA",
    "north korea": "PRK", "norway": "NOR", "norwegian": "NOR", "pakistan": "PAK", "pakistani": "PAK",
    "palestinian": "PSE", "peru": "PER", "peruvian": "PER", "philippines": "PHL", "portugal": "PRT",
    "putin": "RUS", "qatar": "QAT", "russia": "RUS", "russian": "RUS", "saudi arabia": "SAU",
    "serbia": "SRB", "serbian": "SRB", "south korea": "KOR", "spain": "ESP", "spanish": "ESP",
    "sudan": "SDN", "sudanese": "SDN", "sweden": "SWE", "swedish": "SWE", "switzerland": "CHE",
    "syria": "SYR", "syrian": "SYR", "taiwan": "TWN", "thai": "THA", "togo": "TGO", "tokyo": "JPN",
    "tripoli": "LBY", "turkey": "TUR", "turkish": "TUR", "uganda": "UGA", "ukraine": "UKR",
    "ukrainian": "UKR", "united nations": "IGO", "united states": "USA", "venezuela": "VEN",
    "vietnam": "VNM", "washington": "USA", "zimbabwe": "ZWE",
}

# the statuses of acts a text says happen or will happen (not negated, not hypothetical)
STATED = ("asserted", "planned", "reported")


def events_of(nlp, text: str, *, layout: Layout | None = None, actors: Sequence[Actor] = (),
              quotes: Sequence[Quote] = (), times: Sequence[TimeExpr] = (), places: Sequence[Place] = (),
              anchor: str | None = "2024-05-01") -> list[Event]:
    """The events dateline codes for ``text`` alone (no layout, actors, quotes, times or places unless
    given); every trigger slices back to its text."""
    found = events(nlp(text), layout=layout, actors=list(actors), quotes=list(quotes), times=list(times),
                   places=list(places), anchor=anchor, knowledge=None)
    for e in found:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
    return found


def stated(evs: Sequence[Event]) -> list[Event]:
    """The asserted, planned or reported events."""
    return [e for e in evs if e.status in STATED]


def dyads(evs: Sequence[Event]) -> list[tuple[str, list[str], list[str]]]:
    """(type, source countries, target countries) of each event."""
    return [(e.type, sorted({a.country for a in e.source if a.country}),
             sorted({a.country for a in e.target if a.country})) for e in evs]


def types_of(nlp, text: str) -> list[str]:
    """The types of the asserted, planned or reported events of ``text``."""
    return [e.type for e in stated(events_of(nlp, text))]


def dyads_of(nlp, text: str) -> list[tuple[str, list[str], list[str]]]:
    """(type, source countries, target countries) of the asserted, planned or reported events of ``text``."""
    return dyads(stated(events_of(nlp, text)))


def actors_of(nlp, knowledge: ActorKnowledge, text: str, *, date: str | None,
              layout: Layout | None = None) -> list[Actor]:
    """The actor mentions dateline finds in ``text`` read on ``date`` (the layout's excluded zones
    blanked before parsing)."""
    return actors(nlp(masked_text(text, layout)), layout=layout, knowledge=knowledge, date=date)


def actor_named(found: Sequence[Actor], text: str) -> Actor:
    """The first of ``found`` whose text is ``text`` (failing with what was found if none is)."""
    hits = [a for a in found if a.text == text]
    assert hits, f"{text!r} not among {[a.text for a in found]}"
    return hits[0]


def tagged_times(nlp, text: str, anchor: str) -> list[tuple[str, str | None, str]]:
    """The time expressions tagged in a text against a publication day, as (text, value, type),
    after checking that each span's offsets give its text."""
    found = tag_times(nlp(text), anchor=anchor)
    for t in found:
        assert text[t.start:t.end] == t.text
    return [(t.text, t.value, t.type) for t in found]


def quotes_of(nlp, text: str) -> list[Quote]:
    """The quotes dateline finds in ``text`` alone, its persons, organisations, states and groups
    (spaCy's entities) given as the actors."""
    from dateline.extract.quotes import quotes

    doc = nlp(text)
    kinds = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
    found = [Actor(e.start_char, e.end_char, e.text, name=e.text, kind=kinds[e.label_])
             for e in doc.ents if e.label_ in kinds]
    return quotes(doc, layout=None, actors=found, times=[], anchor="2021-05-04")


def quote_triples(found: Sequence[Quote]) -> list[tuple[str, str, str | None]]:
    """``(kind, content, speaker)`` of each quote, as texts."""
    return [(q.kind, q.content.text, q.speaker.text if q.speaker else None) for q in found]
