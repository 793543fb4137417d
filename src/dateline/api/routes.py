"""JSON routes, one per resource: articles, events, quotes, actors, stats, and extraction."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from ..records import Failure, SourceDocument
from .deps import Limit, Offset, Page, Since, StoreDep, Until, page, state_of

__all__ = ["router", "ExtractRequest", "IngestRequest"]

#: Articles one POST /api/ingest may carry.
INGEST_MAX_ARTICLES = 100

router = APIRouter()


@router.get("/articles", response_model=Page, tags=["articles"])
def list_articles(db: StoreDep, search: str | None = None, since: Since = None, until: Until = None,
                  source: str | None = None, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Articles, newest first; ``search`` is full-text over title and text."""
    filters = dict(search=search, since=since, until=until, source=source)
    rows = db.articles(**filters, limit=limit, offset=offset)
    return page(rows, db.total("articles", **filters), limit, offset)


@router.get("/articles/{article_id}", tags=["articles"])
def get_article(db: StoreDep, article_id: str, text: bool = False) -> dict[str, Any]:
    """One article's record (FORMAT.md), with its text when ``text=true``."""
    record = db.get_article(article_id, include_text=text)
    if record is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return record


@router.get("/events", response_model=Page, tags=["events"])
def list_events(db: StoreDep, type: str | None = None, source: str | None = None, target: str | None = None,
                since: Since = None, until: Until = None, article: str | None = None,
                status: str | None = None,
                implied: Annotated[bool, Query(description="false drops events whose source is implied "
                                                           "(coded from where the act happened)")] = True,
                min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="only events at least this "
                                                                                   "confident")] = 0.0,
                limit: Limit = 50, offset: Offset = 0) -> Page:
    """Event mentions (one row per article's event; /api/corpus/events groups them) filtered by PLOVER
    type, source/target country code, date range, article, status and confidence."""
    filters = dict(type=type, source=source, target=target, since=since, until=until, article=article,
                   status=status, implied=implied, min_confidence=min_confidence)
    rows = db.events(**filters, limit=limit, offset=offset)
    return page(rows, db.total("events", **filters), limit, offset)


@router.get("/quotes", response_model=Page, tags=["quotes"])
def list_quotes(db: StoreDep, speaker: str | None = None, article: str | None = None, since: Since = None,
                until: Until = None, search: str | None = None, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Quotes filtered by speaker (name or mention), article, date range and content."""
    filters = dict(speaker=speaker, article=article, since=since, until=until, search=search)
    rows = db.quotes(**filters, limit=limit, offset=offset)
    return page(rows, db.total("quotes", **filters), limit, offset)


@router.get("/actors", response_model=Page, tags=["actors"])
def list_actors(db: StoreDep, country: str | None = None, sector: str | None = None, name: str | None = None,
                limit: Limit = 50, offset: Offset = 0) -> Page:
    """Distinct actors with their mention counts, most mentioned first."""
    filters = dict(country=country, sector=sector, name=name)
    if not db.corpus.stale:  # counted when the corpus view was built: no grouping of every mention
        rows, total = db.corpus.actors(**filters, limit=limit, offset=offset)
        return page(rows, total, limit, offset)
    rows = db.actors(**filters, limit=limit, offset=offset)
    return page(rows, db.total("actors", **filters), limit, offset)


@router.get("/stats", tags=["stats"])
def get_stats(db: StoreDep) -> dict[str, Any]:
    """Counts of articles, spans, errors and events by type; the date range; the database size."""
    return db.stats()


class ExtractRequest(BaseModel):
    """An article to analyse (FORMAT.md input: only ``text`` is required)."""

    text: str = Field(min_length=1, description="At most the server's extract limit (100,000 characters by "
                                                "default; `dateline serve --extract-max-chars`).")
    id: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD: anchors relative dates.")
    source: str | None = None
    title: str | None = None
    url: str | None = None


@router.post("/extract", tags=["extract"])
def extract_article(request: Request, body: ExtractRequest) -> dict[str, Any]:
    """Analyse one article and return its record (nothing is stored)."""
    cap = state_of(request).settings.extract_max_chars
    if cap <= 0:
        raise HTTPException(403, "extraction is turned off on this server (dateline serve --extract-max-chars 0)")
    if len(body.text) > cap:
        raise HTTPException(413, f"the text has {len(body.text):,} characters, more than this server's limit of "
                                 f"{cap:,}: split it, or run `dateline extract` locally")
    source = SourceDocument(text=body.text, id=body.id, published=body.published, source=body.source,
                            title=body.title, url=body.url, origin="<api>")
    result = state_of(request).analyse(source)
    if isinstance(result, Failure):
        raise HTTPException(422, f"{result.reason}: {result.detail}")
    return result.to_dict()


class IngestRequest(BaseModel):
    """Articles to analyse and store (each FORMAT.md input: only ``text`` is required)."""

    articles: list[ExtractRequest] = Field(min_length=1, max_length=INGEST_MAX_ARTICLES)


@router.post("/ingest", tags=["extract"])
def ingest_articles(request: Request, body: IngestRequest) -> dict[str, Any]:
    """Analyse articles and store their records (and the failures) in the server's database, as
    ``dateline ingest`` does; returns the run's summary. Off unless the server was started with
    ``dateline serve --allow-ingest``; each text is held to the extract limit."""
    state = state_of(request)
    cap = state.settings.extract_max_chars
    if not state.allow_ingest or cap <= 0:
        raise HTTPException(403, "ingestion is turned off on this server (start it with dateline serve --allow-ingest)")
    for n, article in enumerate(body.articles, 1):
        if len(article.text) > cap:
            raise HTTPException(413, f"article {n} has {len(article.text):,} characters, more than this server's "
                                     f"limit of {cap:,}: split it, or run `dateline ingest` locally")
    inputs = [SourceDocument(text=a.text, id=a.id, published=a.published, source=a.source, title=a.title,
                             url=a.url, origin=f"<api {n}>") for n, a in enumerate(body.articles, 1)]
    return state.ingest(inputs).record()
