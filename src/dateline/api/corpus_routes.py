"""JSON routes of the corpus view: events grouped across articles, counts over time, the dyad
network, actor profiles and near-duplicate articles (all under ``/api/corpus``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from .deps import Limit, Offset, Page, Since, StoreDep, Until, page

__all__ = ["router", "event_filters"]

router = APIRouter(prefix="/corpus", tags=["corpus"])

Codes = Annotated[str | None, Query(description="Three-letter codes, comma-separated.")]


def event_filters(since: Since = None, until: Until = None,
                  type: Annotated[str | None, Query(description="PLOVER types, comma-separated.")] = None,
                  quad: Annotated[str | None, Query(description="QuadClasses 1-4, comma-separated.")] = None,
                  status: Annotated[str | None, Query(description="Statuses, comma-separated.")] = None,
                  source: Codes = None, target: Codes = None,
                  country: Annotated[str | None, Query(description="Source, target or place country.")] = None,
                  actor: Annotated[str | None, Query(description="A country code (RUS) or part of a name.")] = None,
                  min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
                  min_mentions: Annotated[int | None, Query(ge=0)] = None,
                  text: Annotated[str | None, Query(description="Part of the trigger or sentence.")] = None,
                  article: Annotated[str | None, Query(description="Events this article mentions.")] = None,
                  ) -> dict[str, Any]:
    """The corpus event filters, as one dict (a FastAPI dependency)."""
    return {k: v for k, v in dict(since=since, until=until, type=type, quad=quad, status=status, source=source,
                                  target=target, country=country, actor=actor, min_confidence=min_confidence,
                                  min_mentions=min_mentions, text=text, article=article).items() if v is not None}


Filters = Annotated[dict[str, Any], Depends(event_filters)]


@router.get("/events", response_model=Page)
def list_corpus_events(db: StoreDep, filters: Filters, limit: Limit = 50, offset: Offset = 0,
                       sort: Annotated[str, Query(description="date, -date, mentions or confidence")] = "date",
                       ) -> Page:
    """Corpus events (mentions of one act grouped across articles), with mention, article and source
    counts, first and last seen, and a stable id; filtered, paged, with the total."""
    rows, total = db.corpus.events(**filters, limit=limit, offset=offset, sort=sort)
    return page(rows, total, limit, offset)


@router.get("/events/{event_id}")
def get_corpus_event(db: StoreDep, event_id: str) -> dict[str, Any]:
    """One corpus event with every mention: article, sentence and trigger offsets, counted or a duplicate."""
    event = db.corpus.event(event_id)
    if event is None:
        raise HTTPException(404, f"no corpus event with id {event_id!r}")
    return event


@router.get("/counts", response_model=Page)
def corpus_counts(db: StoreDep, filters: Filters,
                  interval: Annotated[str, Query(description="day, week or month")] = "month",
                  by: Annotated[str, Query(description="none, type, quad, source_country, target_country, dyad "
                                                       "or status")] = "type",
                  limit: Limit = 1000, offset: Offset = 0) -> Page:
    """Events, mentions and the Goldstein sum per period and dimension, oldest period first."""
    rows, total = db.corpus.counts(interval=interval, by=by, limit=limit, offset=offset, **filters)
    return page(rows, total, limit, offset)


@router.get("/network")
def corpus_network(db: StoreDep, filters: Filters, min_events: Annotated[int, Query(ge=1)] = 1,
                   limit: Limit = 200) -> dict[str, Any]:
    """The dyad network: edges between source and target countries with weights and the balance of
    cooperation and conflict; nodes with their events as source and target; the total of edges."""
    return db.corpus.network(min_events=min_events, limit=limit, **filters)


@router.get("/actors/{actor}")
def corpus_actor(db: StoreDep, actor: str,
                 interval: Annotated[str, Query(description="day, week or month")] = "month") -> dict[str, Any]:
    """An actor (a country code such as RUS, or part of a name) as source and as target over time,
    with event types, counterparts, named actors and quotes."""
    return db.corpus.profile(actor, interval=interval)


@router.get("/duplicates", response_model=Page)
def near_duplicates(db: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Articles that rewrite an earlier article (near duplicates), with their similarity."""
    rows = db.corpus.near_duplicates(limit=limit, offset=offset)
    return page(rows, db.corpus.summary()["near_duplicates"], limit, offset)


@router.get("/summary")
def corpus_summary(db: StoreDep) -> dict[str, Any]:
    """How many corpus events, mentions and near duplicates; the dates; whether the view is stale."""
    return db.corpus.summary()
