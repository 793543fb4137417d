"""What the API routers and the pages share: the app's state, a read connection per request, and
the shape of a page of rows.

Kept apart from :mod:`.app` (which builds the application from the routers) so that the routers
and the pages import this module, and the app imports them, with no import circle.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from pydantic import BaseModel

from ..pipeline import Pipeline
from ..settings import Settings
from ..store import Store
from ..store.ingest import RunSummary
from ..store.ingest import ingest as ingest_articles

__all__ = ["ApiState", "state_of", "store", "StoreDep", "Page", "page", "Limit", "Offset", "Since", "Until"]


class ApiState:
    """What the routers share: the database path, and one pipeline loaded on first use."""

    def __init__(self, db_path: str | Path, settings: Settings, *, allow_ingest: bool = False) -> None:
        self.db_path = str(db_path)
        self.settings = settings
        self.allow_ingest = allow_ingest
        self._pipeline: Any = None
        self._lock = threading.Lock()

    def store(self) -> Iterator[Store]:
        """A read connection per request (FastAPI dependency)."""
        store = Store.open(self.db_path, create=False, readonly=True)
        try:
            yield store
        finally:
            store.close()

    def analyse(self, source: Any) -> Any:
        """Run the pipeline (loaded once, used by one request at a time) on one input."""
        with self._lock:
            return next(iter(self._pipeline_here().run([source])))

    def ingest(self, articles: list[Any]) -> RunSummary:
        """Analyse ``articles`` and store them, through the ingest service (one run at a time)."""
        with self._lock, Store.open(self.db_path) as db:
            return ingest_articles(articles, db, self.settings, pipeline=self._pipeline_here(),
                                   run_info={"inputs": ["<api>"]})

    def _pipeline_here(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self.settings)
        return self._pipeline


def state_of(request: Request) -> ApiState:
    """The app's shared state."""
    state: Any = request.app.state.dateline
    return state


def store(request: Request) -> Iterator[Store]:
    """A read connection to the app's database for one request."""
    yield from state_of(request).store()


StoreDep = Annotated[Store, Depends(store)]
Limit = Annotated[int, Query(ge=1, le=1000, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Since = Annotated[str | None, Query(description="From this ISO date (2019, 2019-10 or 2019-10-14).")]
Until = Annotated[str | None, Query(description="Up to this ISO date.")]


class Page(BaseModel):
    """A page of rows: ``count`` rows here, out of ``total``, from ``offset`` on."""

    rows: list[dict[str, Any]]
    count: int
    total: int
    limit: int
    offset: int


def page(rows: list[dict[str, Any]], total: int, limit: int, offset: int) -> Page:
    """A :class:`Page` of ``rows``."""
    return Page(rows=rows, count=len(rows), total=total, limit=limit, offset=offset)
