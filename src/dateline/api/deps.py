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

from ..settings import Settings
from ..store import Store

__all__ = ["ApiState", "state_of", "store", "StoreDep", "Page", "page", "Limit", "Offset", "Since", "Until"]


class ApiState:
    """What the routers share: the database path, and one pipeline loaded on first use."""

    def __init__(self, db_path: str | Path, settings: Settings) -> None:
        self.db_path = str(db_path)
        self.settings = settings
        self._pipeline = None
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
            if self._pipeline is None:
                from ..pipeline import Pipeline

                self._pipeline = Pipeline(self.settings)
            return next(iter(self._pipeline.run([source])))


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
