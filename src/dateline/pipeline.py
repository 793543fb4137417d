"""The streaming runner: inputs → layout → one spaCy parse → extractors → article records.

A batch never dies on one bad article: each failure comes back as a :class:`Failure` naming the
article, the stage and the reason, in input order with the articles that succeeded.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import time
from pathlib import Path
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import ArticleTooLargeError, EmptyArticleError, InputError
from .extract import actors as actors_mod
from .extract import events as events_mod
from .extract import places as places_mod
from .extract import quotes as quotes_mod
from .extract import times as times_mod
from .ingest.published import publication_date
from .ingest.wire import analyse_layout
from .knowledge.event_patterns import load_event_patterns
from .knowledge.quote_cues import load_cues
from .knowledge.wire import load_wire_knowledge
from .nlp import load_pipeline, masked_text, parse, tokenize
from .records import Article, Failure, Layout, SourceDocument, Span
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Pipeline", "extract", "article_id", "as_source", "StageTimer"]

log = logging.getLogger(__name__)

InputLike = SourceDocument | Failure | Mapping[str, Any] | str


def article_id(text: str) -> str:
    """The identity of an article without an id: a hash of its text."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class StageTimer:
    """Seconds spent per stage over a run (for the throughput benchmark)."""

    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, started: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - started
        return now


def as_source(item: InputLike, n: int) -> SourceDocument | Failure:
    """An input (text, FORMAT.md mapping or SourceDocument) as a SourceDocument, or a Failure."""
    if isinstance(item, (SourceDocument, Failure)):
        return item
    if isinstance(item, str):
        return SourceDocument(text=item, origin=f"<input {n}>")
    if isinstance(item, Mapping):
        text = item.get("text")
        if not isinstance(text, str):
            return Failure(origin=f"<input {n}>", stage="read", reason="no-text",
                           id=_opt_str(item.get("id")), detail="the record has no string field 'text'")

        return SourceDocument(text=text, id=_opt_str(item.get("id")), published=_opt_str(item.get("published")),
                              source=_opt_str(item.get("source")), title=_opt_str(item.get("title")),
                              url=_opt_str(item.get("url")), origin=f"<input {n}>")
    return Failure(origin=f"<input {n}>", stage="read", reason="bad-input",
                   detail=f"expected a text, a mapping or a SourceDocument, got {type(item).__name__}")


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


@dataclass
class _Prepared:
    source: SourceDocument
    article_id: str
    layout: Layout


class Pipeline:
    """Turns input articles into article records.

    >>> pipe = Pipeline(Settings(batch_size=8))                      # doctest: +SKIP
    >>> for result in pipe.run([{"id": "a1", "text": "..."}]):       # doctest: +SKIP
    ...     print(result.to_dict())
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.timer = StageTimer()
        self._nlp = None
        self._actor_knowledge = None
        self._gazetteer = None
        self._quote_cues = None
        self._event_decider: Any = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_pipeline(self.settings.model)
        return self._nlp

    @property
    def actor_knowledge(self):
        if self._actor_knowledge is None:
            self._actor_knowledge = actors_mod.load_knowledge(self.settings)
        return self._actor_knowledge

    @property
    def quote_cues(self):
        if self._quote_cues is None:
            self._quote_cues = load_cues(self.settings.quote_files)
        return self._quote_cues

    @property
    def event_decider(self):
        """The learned event decider the settings ask for (None: the rules decide alone)."""
        if self._event_decider is None and self.settings.event_coder != "rules":
            from .learn import load_event_decider

            path = None if self.settings.event_coder == "model" else Path(self.settings.event_coder)
            self._event_decider = load_event_decider(path)
        return self._event_decider

    @property
    def gazetteer(self):
        if self._gazetteer is None and self.settings.places:
            self._gazetteer = places_mod.open_gazetteer(self.settings)
        return self._gazetteer

    # -- stages ------------------------------------------------------------------------------

    def prepare(self, source: SourceDocument) -> _Prepared:
        """Check an input and find its layout; raises InputError for unusable articles."""
        text = source.text
        if not text.strip():
            raise EmptyArticleError("the article text is empty")
        if len(text) > self.settings.max_chars:
            raise ArticleTooLargeError(
                f"the article has {len(text):,} characters, more than the limit of "
                f"{self.settings.max_chars:,}: split it, or raise the limit with --max-chars")
        knowledge = load_wire_knowledge(self.settings.wire_files)
        layout = analyse_layout(text, published=source.published, source=source.source, title=source.title,
                                knowledge=knowledge)
        if source.published is None:  # the date the story gives itself: dateline year or time stamp
            found = publication_date(text, layout, knowledge)
            if found is not None:
                source = dataclasses.replace(source, published=found)
                layout = analyse_layout(text, published=found, source=source.source, title=source.title,
                                        knowledge=knowledge)  # the dateline's month and day get this year
        if source.source is None and layout.dateline is not None and layout.dateline.agency:
            source = dataclasses.replace(source, source=layout.dateline.agency)  # "/TASS/." → TASS
        return _Prepared(source, source.id or article_id(text), layout)

    def analyse(self, doc: "Doc", prepared: _Prepared) -> Article:
        """Run every extractor over one parsed article."""
        source, layout, timer = prepared.source, prepared.layout, self.timer
        text = source.text
        anchor = source.published or (layout.dateline.date if layout.dateline else None)
        t = time.perf_counter()
        found_actors = actors_mod.actors(doc, layout=layout, knowledge=self.actor_knowledge, date=anchor)
        t = timer.add("actors", t)
        found_times = times_mod.times(doc, layout=layout, anchor=anchor, settings=self.settings)
        t = timer.add("times", t)
        settings = self.settings
        found_places = (places_mod.places(doc, layout=layout, gazetteer=self.gazetteer,
                                          demonyms=settings.place_demonyms, embedded=settings.place_embedded)
                        if settings.places else [])
        t = timer.add("places", t)
        found_quotes = quotes_mod.quotes(doc, layout=layout, actors=found_actors, times=found_times,
                                         anchor=anchor, cues=self.quote_cues)
        t = timer.add("quotes", t)
        found_events = events_mod.events(doc, layout=layout, actors=found_actors, quotes=found_quotes,
                                         times=found_times, places=[p for p in found_places if p.role != "demonym"],
                                         anchor=anchor,
                                         knowledge=self.actor_knowledge,
                                         patterns=load_event_patterns(settings.event_files),
                                         decider=self.event_decider, scene=settings.scene_actors)
        if settings.min_confidence > 0:
            found_events = [e for e in found_events if (e.confidence or 0.0) >= settings.min_confidence]
        timer.add("events", t)
        title = source.title or (layout.title.text if layout.title else None)
        sentences = tuple(Span(s.start_char, s.end_char, text[s.start_char:s.end_char])
                          for s in doc.sents if s.text.strip() and _in_text_zones(s.start_char, layout))
        return Article(
            id=prepared.article_id, text=text, published=source.published, source=source.source,
            title=title, url=source.url, dateline=layout.dateline, body=layout.body, zones=layout.zones,
            sentences=tuple(_trimmed(s, text) for s in sentences), actors=tuple(found_actors),
            quotes=tuple(found_quotes), times=tuple(found_times), places=tuple(found_places),
            events=tuple(found_events), origin=source.origin,
        )

    # -- running -----------------------------------------------------------------------------

    def run(self, inputs: Iterable[InputLike]) -> Iterator[Article | Failure]:
        """Process articles lazily, in input order; failures are yielded, never raised.

        With ``settings.processes > 1`` whole articles are spread over worker processes.
        """
        if self.settings.processes > 1:
            from .parallel import run_in_processes

            yield from run_in_processes(self, (as_source(item, n) for n, item in enumerate(inputs, 1)))
        else:
            yield from self.run_here(inputs)

    def run_here(self, inputs: Iterable[InputLike]) -> Iterator[Article | Failure]:
        """Process articles in this process, in input order."""
        batch: list[tuple["Doc", _Prepared] | Failure] = []
        for n, item in enumerate(inputs, 1):
            source = as_source(item, n)
            if isinstance(source, Failure):
                batch.append(source)
            else:
                try:
                    t = time.perf_counter()
                    prepared = self.prepare(source)
                    self.timer.add("layout", t)
                    batch.append((self._tokenized(prepared), prepared))
                except InputError as exc:
                    batch.append(Failure(origin=source.origin or f"<input {n}>", stage="read",
                                         reason=exc.reason, id=source.id, detail=str(exc)))
            if len(batch) >= self.settings.batch_size:
                yield from self._finish(batch)
                batch = []
        if batch:
            yield from self._finish(batch)

    def _tokenized(self, prepared: _Prepared) -> "Doc":
        layout = prepared.layout
        breaks = [z.start for z in layout.zones] + [z.end for z in layout.zones]
        return tokenize(self.nlp, masked_text(prepared.source.text, layout), breaks)

    def _finish(self, batch: list[tuple["Doc", _Prepared] | Failure]) -> Iterator[Article | Failure]:
        to_parse = [b for b in batch if not isinstance(b, Failure)]
        parsed: dict[int, Article | Failure] = {}
        t = time.perf_counter()
        docs = parse(self.nlp, ((text, i) for i, (text, _) in enumerate(to_parse)), self.settings.batch_size)
        for doc, i in docs:
            t = self.timer.add("parse", t)
            prepared = to_parse[i][1]
            try:
                parsed[i] = self.analyse(doc, prepared)
            except Exception as exc:  # one article's bug must not end the run
                log.exception("extraction failed for %s", prepared.article_id)
                parsed[i] = Failure(origin=prepared.source.origin or prepared.article_id, stage="extract",
                                    reason="extractor-error", id=prepared.article_id,
                                    detail=f"{type(exc).__name__}: {exc}")
            t = time.perf_counter()
        i = 0
        for item in batch:
            if isinstance(item, Failure):
                yield item
            else:
                yield parsed[i]
                i += 1


def _in_text_zones(start: int, layout: Layout) -> bool:
    return not any(z.start <= start < z.end for z in layout.excluded)


def _trimmed(span: Span, text: str) -> Span:
    start, end = span.start, span.end
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end, text[start:end])


_DEFAULT_PIPELINES: dict[Settings, Pipeline] = {}


def extract(text: str, published: str | None = None, source: str | None = None, *,
            id: str | None = None, title: str | None = None, settings: Settings | None = None) -> Article:
    """Analyse one article and return its record.

    Raises :class:`dateline.errors.InputError` when the text cannot be used (empty, too large).
    """
    settings = settings or Settings()
    pipe = _DEFAULT_PIPELINES.get(settings)
    if pipe is None:
        pipe = _DEFAULT_PIPELINES[settings] = Pipeline(settings)
    doc_in = SourceDocument(text=text, id=id, published=published, source=source, title=title,
                            origin="<extract>")
    prepared = pipe.prepare(doc_in)
    doc = next(parse(pipe.nlp, [(pipe._tokenized(prepared), 0)], settings.batch_size))[0]
    return pipe.analyse(doc, prepared)
