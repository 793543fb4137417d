"""The streaming runner: inputs → layout → one spaCy parse → stages → article records.

The stages (:mod:`dateline.stages`) run in order over each parse, each given the article's
context, the :class:`~dateline.stages.Knowledge` bundle built once from the settings, and what
earlier stages found.

A batch never dies on one bad article: whatever goes wrong while one article is handled (bad
input, a parser or extractor exception) comes back as a :class:`Failure` naming the article, the
stage and the reason, in input order with the articles that succeeded. Articles longer than
``Settings.segment_chars`` are parsed in paragraph-bounded segments (:mod:`dateline.segments`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import ArticleError, ArticleTooLargeError, EmptyArticleError, InputError
from .ingest.fields import check_unicode, id_text, printable, published_date
from .ingest.published import publication_date
from .ingest.wire import analyse_layout
from .knowledge.cache import KnowledgeCache
from .nlp import load_pipeline, masked_text, parse, tokenize
from .offsets import resliced, shift_offsets
from .records import Article, Failure, Layout, SourceDocument
from .segments import layout_window, segment_bounds
from .settings import Settings
from .stages import DEFAULT_STAGES, ArticleContext, Knowledge, Stage, check_order

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Pipeline", "extract", "article_id", "as_source", "StageTimer"]

log = logging.getLogger(__name__)

InputLike = SourceDocument | Failure | Mapping[str, Any] | str

BATCH_SEGMENTS = 4  # a batch holds at most this many segments' worth of characters
_CHECKED_FIELDS = ("id", "published", "source", "title", "url")


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
        try:
            id_ = id_text(item.get("id"))
        except InputError as exc:
            return Failure(origin=f"<input {n}>", stage="read", reason=exc.reason, detail=str(exc))
        if not isinstance(text, str):
            return Failure(origin=f"<input {n}>", stage="read", reason="no-text",
                           id=None if id_ is None else printable(id_),
                           detail="the record has no string field 'text'")

        return SourceDocument(text=text, id=id_, published=_opt_str(item.get("published")),
                              source=_opt_str(item.get("source")), title=_opt_str(item.get("title")),
                              url=_opt_str(item.get("url")), origin=f"<input {n}>")
    return Failure(origin=f"<input {n}>", stage="read", reason="bad-input",
                   detail=f"expected a text, a mapping or a SourceDocument, got {type(item).__name__}")


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _failure(source: SourceDocument, n: int, stage: str, reason: str, detail: str,
             id: str | None = None) -> Failure:
    """A Failure for one input, safe to print and to store whatever its text holds."""
    shown = id if id is not None else source.id
    return Failure(origin=printable(source.origin or f"<input {n}>"), stage=stage, reason=reason,
                   id=None if shown is None else printable(str(shown)), detail=printable(detail))


def _unexpected(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


@dataclass
class _Prepared:
    source: SourceDocument
    article_id: str
    layout: Layout
    n: int = 0

    @property
    def anchor(self) -> str | None:
        """The date relative expressions are read against: published, else the dateline's date."""
        dateline = self.layout.dateline
        return self.source.published or (dateline.date if dateline else None)


@dataclass
class _Found:
    """What the stages found in one parse, in that parse's offsets, by the name they assign."""

    results: dict[str, list[Any]] = field(default_factory=dict)

    def extend(self, other: "_Found", shift: int) -> None:
        for name, values in other.results.items():
            self.results.setdefault(name, []).extend(shift_offsets(values, shift))

    def get(self, name: str) -> tuple[Any, ...]:
        return tuple(self.results.get(name, ()))


class Pipeline:
    """Turns input articles into article records.

    >>> pipe = Pipeline(Settings(batch_size=8))                      # doctest: +SKIP
    >>> for result in pipe.run([{"id": "a1", "text": "..."}]):       # doctest: +SKIP
    ...     print(result.to_dict())
    """

    def __init__(self, settings: Settings | None = None, *, stages: Sequence[Stage] = DEFAULT_STAGES,
                 knowledge: Knowledge | None = None, cache: KnowledgeCache | None = None) -> None:
        """A pipeline running ``stages`` (checked: each one's ``requires`` assigned by an earlier one,
        else :class:`~dateline.stages.StageOrderError`) with ``knowledge`` (default: built from
        ``settings``, shared through ``cache``, by default the process's
        :data:`~dateline.knowledge.cache.SHARED`; a bad knowledge file raises here)."""
        self.settings = settings or Settings()
        check_order(stages)
        self.stages: tuple[Stage, ...] = tuple(stages)
        self.knowledge = knowledge if knowledge is not None else Knowledge.from_settings(self.settings, cache)
        self.timer = StageTimer()
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_pipeline(self.settings.model)
        return self._nlp

    @property
    def segment_chars(self) -> int:
        """Articles longer than this are parsed in segments: the setting, or spaCy's own limit if lower."""
        return max(2, min(self.settings.segment_chars, self.nlp.max_length))

    # -- stages ------------------------------------------------------------------------------

    def prepare(self, source: SourceDocument) -> _Prepared:
        """Check an input and find its layout; raises InputError for unusable articles.

        The checks are the same whatever the input came through: the text must be proper Unicode
        and not empty nor longer than ``max_chars``; ``id`` must be a string (or an integer);
        ``published`` is read into ``YYYY-MM-DD`` (:class:`~dateline.errors.BadDateError` when it
        cannot be).
        """
        text = source.text
        if not isinstance(text, str):
            raise InputError(f"the article text must be a string, not {type(text).__name__}")
        check_unicode(text, "text")
        for name in _CHECKED_FIELDS:
            value = getattr(source, name)
            if isinstance(value, str):
                check_unicode(value, name)
        if not text.strip():
            raise EmptyArticleError("the article text is empty")
        if len(text) > self.settings.max_chars:
            raise ArticleTooLargeError(
                f"the article has {len(text):,} characters, more than the limit of "
                f"{self.settings.max_chars:,}: split it, or raise the limit with --max-chars")
        id_, published = id_text(source.id), published_date(source.published)
        if id_ != source.id or published != source.published:
            source = dataclasses.replace(source, id=id_, published=published)
        knowledge = self.knowledge.wire
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
        found = self._extract(doc, prepared.source.text, prepared.layout, prepared.anchor)
        return self._article(prepared, found)

    def _extract(self, doc: "Doc", text: str, layout: Layout, anchor: str | None) -> _Found:
        """Every stage, in order, over one parse of ``text`` (an article, or a segment of one)."""
        context = ArticleContext(text=text, layout=layout, anchor=anchor, settings=self.settings)
        found: dict[str, list[Any]] = {}
        t = time.perf_counter()
        for stage in self.stages:
            found.update(stage(doc, context, self.knowledge, found))
            t = self.timer.add(stage.name, t)
        return _Found(found)

    def _article(self, prepared: _Prepared, found: _Found) -> Article:
        source, layout = prepared.source, prepared.layout
        text = source.text
        title = source.title or (layout.title.text if layout.title else None)
        article = Article(
            id=prepared.article_id, text=text, published=source.published, source=source.source,
            title=title, url=source.url, dateline=layout.dateline, body=layout.body, zones=layout.zones,
            sentences=found.get("sentences"), actors=found.get("actors"), quotes=found.get("quotes"),
            times=found.get("times"), places=found.get("places"), events=found.get("events"),
            origin=source.origin, encoding=source.encoding,
        )
        return resliced(article, text)  # spans that cross a blanked caption take the input's characters

    def analyse_in_segments(self, prepared: _Prepared) -> Article:
        """Parse and analyse a long article segment by segment; offsets stay those of the whole text."""
        text, layout = prepared.source.text, prepared.layout
        found = _Found()
        for start, end in segment_bounds(text, self.segment_chars):
            window = layout_window(layout, start, end)
            piece = text[start:end]
            t = time.perf_counter()
            doc = self._tokenize(piece, window)
            doc = next(parse(self.nlp, [(doc, 0)], 1))[0]
            self.timer.add("parse", t)
            found.extend(self._extract(doc, piece, window, prepared.anchor), start)
            del doc
        return self._article(prepared, found)

    # -- running -----------------------------------------------------------------------------

    def run(self, inputs: Iterable[InputLike]) -> Iterator[Article | Failure]:
        """Process articles lazily in this process, in input order; failures are yielded, never raised.

        To spread articles over ``settings.processes`` worker processes or a Dask cluster, use the
        ingest service (:func:`dateline.analyse`, :mod:`dateline.store.ingest`), which chooses.
        """
        batch: list[_Prepared | Failure] = []
        chars = 0
        batch_chars = BATCH_SEGMENTS * self.settings.segment_chars
        for n, item in enumerate(inputs, 1):
            ready = self._prepared(item, n)
            if isinstance(ready, _Prepared) and len(ready.source.text) > self.segment_chars:
                yield from self._finish(batch)
                batch, chars = [], 0
                yield self._guarded(ready, lambda: self.analyse_in_segments(ready))
                continue
            batch.append(ready)
            chars += len(ready.source.text) if isinstance(ready, _Prepared) else 0
            if len(batch) >= self.settings.batch_size or chars >= batch_chars:
                yield from self._finish(batch)
                batch, chars = [], 0
        if batch:
            yield from self._finish(batch)

    run_here = run  # the name the learned coder's training and older callers use

    def _prepared(self, item: InputLike, n: int) -> _Prepared | Failure:
        """An input checked and laid out, or its Failure (never raises)."""
        try:
            source = as_source(item, n)
        except Exception as exc:  # a mapping whose fields cannot even be read
            return Failure(origin=f"<input {n}>", stage="read", reason="bad-input", detail=printable(_unexpected(exc)))
        if isinstance(source, Failure):
            return source
        try:
            t = time.perf_counter()
            prepared = self.prepare(source)
            self.timer.add("layout", t)
        except InputError as exc:
            return _failure(source, n, "read", exc.reason, str(exc))
        except Exception as exc:  # one article's bug must not end the run
            log.exception("layout failed for %s", printable(source.origin or f"<input {n}>"))
            return _failure(source, n, "layout", "layout-error", _unexpected(exc))
        prepared.n = n
        return prepared

    def _guarded(self, prepared: _Prepared, work: Any) -> Article | Failure:
        """``work()``'s article, or the article's Failure when it raises."""
        try:
            return work()
        except Exception as exc:  # one article's bug must not end the run
            log.exception("extraction failed for %s", printable(prepared.article_id))
            return _failure(prepared.source, prepared.n, "extract", "extractor-error", _unexpected(exc),
                            id=prepared.article_id)

    def _tokenize(self, text: str, layout: Layout) -> "Doc":
        breaks = [z.start for z in layout.zones] + [z.end for z in layout.zones]
        return tokenize(self.nlp, masked_text(text, layout), breaks)

    def _parsed(self, items: list[_Prepared]) -> Iterator[tuple[int, "Doc | Failure"]]:
        """``(index, doc)`` of each item in order, or ``(index, Failure)`` when it cannot be parsed.

        The items are parsed as one spaCy batch; when the batch raises, the items it did not
        finish are parsed one by one, so that only the article at fault fails.
        """
        done = 0
        docs: list[tuple["Doc", int]] = []
        try:
            for i, prepared in enumerate(items):
                docs.append((self._tokenize(prepared.source.text, prepared.layout), i))
            for doc, i in parse(self.nlp, docs, self.settings.batch_size):
                yield i, doc
                done = i + 1
            return
        except Exception as exc:
            log.warning("a spaCy batch failed (%s): parsing its articles one by one", _unexpected(exc))
        del docs
        for i in range(done, len(items)):
            prepared = items[i]
            try:
                doc = next(parse(self.nlp, [(self._tokenize(prepared.source.text, prepared.layout), i)], 1))[0]
            except Exception as exc:
                log.exception("parsing failed for %s", printable(prepared.article_id))
                yield i, _failure(prepared.source, prepared.n, "parse", "parse-error", _unexpected(exc),
                                  id=prepared.article_id)
                continue
            yield i, doc

    def _finish(self, batch: list[_Prepared | Failure]) -> Iterator[Article | Failure]:
        to_parse = [b for b in batch if isinstance(b, _Prepared)]
        parsed: dict[int, Article | Failure] = {}
        t = time.perf_counter()
        for i, doc in self._parsed(to_parse):
            t = self.timer.add("parse", t)
            if isinstance(doc, Failure):
                parsed[i] = doc
            else:
                prepared = to_parse[i]
                parsed[i] = self._guarded(prepared, lambda: self.analyse(doc, prepared))
            t = time.perf_counter()
        i = 0
        for item in batch:
            if isinstance(item, Failure):
                yield item
            else:
                yield parsed[i]
                i += 1


def extract(text: str, published: str | None = None, source: str | None = None, *,
            id: str | None = None, title: str | None = None, settings: Settings | None = None) -> Article:
    """Analyse one article and return its record.

    ``published`` is read as the command line reads it ("2019-10-14", "14 October 2019", an ISO
    datetime, an RFC 2822 date) and given back as ``YYYY-MM-DD``.

    Raises :class:`dateline.errors.InputError` when the input cannot be used: an empty or too
    large text, a lone surrogate (``InvalidUnicodeError``), a ``published`` that is not a date
    (``BadDateError``), an ``id`` that is not a string (``BadIdError``). Raises
    :class:`dateline.errors.ArticleError` when parsing or an extractor fails on the article.
    """
    pipe = Pipeline(settings or Settings())  # cheap: the knowledge and the spaCy model are loaded once
    doc_in = SourceDocument(text=text, id=id, published=published, source=source, title=title,
                            origin="<extract>")
    prepared = pipe.prepare(doc_in)
    if len(text) > pipe.segment_chars:
        result = pipe._guarded(prepared, lambda: pipe.analyse_in_segments(prepared))
    else:
        _, doc = next(pipe._parsed([prepared]))
        result = doc if isinstance(doc, Failure) else pipe._guarded(prepared, lambda: pipe.analyse(doc, prepared))
    if isinstance(result, Failure):
        raise ArticleError(f"{result.stage} failed on the article: {result.detail}", stage=result.stage,
                           reason=result.reason)
    return result
