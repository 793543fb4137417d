"""dateline's own stages, in the order the pipeline runs them (:data:`DEFAULT_STAGES`).

Each wraps one extractor of :mod:`dateline.extract` in the :class:`~.contract.Stage` contract:
its knowledge comes from the pipeline's bundle, its options from the settings in the context.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..extract import actors as actors_mod
from ..extract import events as events_mod
from ..extract import places as places_mod
from ..extract import quotes as quotes_mod
from ..extract import times as times_mod
from ..nlp import doc_text, load_pipeline
from ..records import Layout, Span
from .contract import ArticleContext, Stage
from .knowledge import Knowledge

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DEFAULT_STAGES", "ACTORS", "TIMES", "PLACES", "QUOTES", "EVENTS", "SENTENCES"]

Found = Mapping[str, Sequence[Any]]


def _actors(doc: "Doc", ctx: ArticleContext, kn: Knowledge, found: Found) -> dict[str, list[Any]]:
    return {"actors": actors_mod.actors(doc, layout=ctx.layout, knowledge=kn.actors, date=ctx.anchor)}


def _times(doc: "Doc", ctx: ArticleContext, kn: Knowledge, found: Found) -> dict[str, list[Any]]:
    return {"times": times_mod.times(doc, layout=ctx.layout, anchor=ctx.anchor, settings=ctx.settings,
                                     lexicon=kn.time_lexicon)}


def _places(doc: "Doc", ctx: ArticleContext, kn: Knowledge, found: Found) -> dict[str, list[Any]]:
    settings = ctx.settings
    if not settings.places:
        return {"places": []}
    return {"places": places_mod.places(doc, layout=ctx.layout, gazetteer=kn.gazetteer, words=kn.geo_words,
                                        demonyms=settings.place_demonyms, embedded=settings.place_embedded,
                                        actors=kn.actors)}


def _quotes(doc: "Doc", ctx: ArticleContext, kn: Knowledge, found: Found) -> dict[str, list[Any]]:
    return {"quotes": quotes_mod.quotes(doc, layout=ctx.layout, actors=found["actors"], times=found["times"],
                                        anchor=ctx.anchor, cues=kn.quote_cues, nlp=load_pipeline(ctx.settings.model))}


def _events(doc: "Doc", ctx: ArticleContext, kn: Knowledge, found: Found) -> dict[str, list[Any]]:
    settings = ctx.settings
    events = events_mod.events(doc, layout=ctx.layout, actors=found["actors"], quotes=found["quotes"],
                               times=found["times"], places=[p for p in found["places"] if p.role != "demonym"],
                               anchor=ctx.anchor, knowledge=kn.actors, patterns=kn.event_patterns,
                               lexicon=kn.event_lexicon, table=kn.plover, decider=kn.decider,
                               scene=settings.scene_actors)
    if settings.min_confidence > 0:
        events = [e for e in events if (e.confidence or 0.0) >= settings.min_confidence]
    return {"events": events}


def _sentences(doc: "Doc", ctx: ArticleContext, kn: Knowledge, found: Found) -> dict[str, list[Any]]:
    text, parsed = ctx.text, doc_text(doc)  # the parsed text has the excluded zones blanked
    return {"sentences": [_trimmed(Span(s.start_char, s.end_char, text[s.start_char:s.end_char]), text)
                          for s in doc.sents if parsed[s.start_char:s.end_char].strip()
                          and _in_text_zones(s.start_char, ctx.layout)]}


def _in_text_zones(start: int, layout: Layout) -> bool:
    return not any(z.start <= start < z.end for z in layout.excluded)


def _trimmed(span: Span, text: str) -> Span:
    start, end = span.start, span.end
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end, text[start:end])


ACTORS = Stage("actors", requires=(), assigns=("actors",), run=_actors)
TIMES = Stage("times", requires=(), assigns=("times",), run=_times)
PLACES = Stage("places", requires=(), assigns=("places",), run=_places)
QUOTES = Stage("quotes", requires=("actors", "times"), assigns=("quotes",), run=_quotes)
EVENTS = Stage("events", requires=("actors", "quotes", "times", "places"), assigns=("events",), run=_events)
SENTENCES = Stage("sentences", requires=(), assigns=("sentences",), run=_sentences)

DEFAULT_STAGES: tuple[Stage, ...] = (ACTORS, TIMES, PLACES, QUOTES, EVENTS, SENTENCES)
"""The stages of a record, in order: who, when, where, who said what, what happened, the sentences."""
