"""The HTTP API: the store's articles, events, quotes and actors as JSON, and extraction on demand.

Every error answers with one JSON shape: ``{"error": {"status": 404, "type": "...", "message": "..."}}``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import DatelineError, InputError, StoreError
from ..settings import Settings
from ..store import Store

__all__ = ["create_app", "ApiState"]


class ApiState:
    """What the routers share: the database path, and one pipeline loaded on first use."""

    def __init__(self, db_path: str | Path, settings: Settings) -> None:
        self.db_path = str(db_path)
        self.settings = settings
        self._pipeline = None
        self._lock = threading.Lock()

    def store(self) -> Iterator[Store]:
        """A read connection per request (FastAPI dependency)."""
        store = Store.open(self.db_path, create=False)
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


def _error(status: int, kind: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"status": status, "type": kind, "message": message}})


def _dateline_error(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, StoreError) and "no database" in str(exc):
        return _error(503, "no-database", str(exc))
    if isinstance(exc, InputError):
        return _error(422, exc.reason, str(exc))
    status = 400 if isinstance(exc, StoreError) else 500
    return _error(status, type(exc).__name__, str(exc))


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    kind = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
    return _error(exc.status_code, kind, str(exc.detail))


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
    return _error(422, "invalid-request", problems)


def create_app(db_path: str | Path = "dateline.db", *, settings: Settings | None = None) -> FastAPI:
    """The FastAPI application over the database at ``db_path``."""
    from ..web.pages import router as pages_router
    from .routes import router as api_router

    app = FastAPI(title="dateline", version=__version__,
                  description="Political event data from news articles: events, quotes, actors, "
                              "times and places, each traced to the characters it came from.")
    app.state.dateline = ApiState(db_path, settings or Settings())
    app.add_exception_handler(DatelineError, _dateline_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.include_router(api_router, prefix="/api")
    app.include_router(pages_router)
    return app


def state_of(request: Request) -> ApiState:
    """The app's shared state."""
    state: Any = request.app.state.dateline
    return state
