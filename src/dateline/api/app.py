"""The HTTP API: the store's articles, events, quotes and actors as JSON, and extraction on demand.

Every error answers with one JSON shape: ``{"error": {"status": 404, "type": "...", "message": "..."}}``,
an unexpected one too (500, and the connection stays open). The database is opened read-only.
The OpenAPI pages (``/docs``, ``/redoc``) load their scripts from the installed ``fastapi-offline``
package, not from a CDN.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..version import __version__
from ..errors import DatelineError, InputError, InvalidFilterError, StoreError
from ..settings import Settings
from ..web import worldmap
from ..web.pages import router as pages_router
from ..web.pages_corpus import router as corpus_pages_router
from .corpus_routes import router as corpus_router
from .deps import ApiState, state_of
from .routes import INGEST_MAX_ARTICLES
from .routes import router as api_router

__all__ = ["create_app", "ApiState", "state_of", "EXTRACT_BODY_SLACK", "DOCS_ASSETS"]

log = logging.getLogger(__name__)

#: Bytes a POST /api/extract body may have beyond the text itself (JSON escapes, the other fields).
EXTRACT_BODY_SLACK = 64 * 1024
#: Where the Swagger UI and ReDoc scripts are served from.
DOCS_ASSETS = "/docs-assets"


def _error(status: int, kind: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"status": status, "type": kind, "message": message}})


def _dateline_error(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, InvalidFilterError):
        return _error(400, "invalid-parameter", str(exc))
    if isinstance(exc, StoreError) and ("no database" in str(exc) or "empty database" in str(exc)):
        return _error(503, "no-database", str(exc))
    if isinstance(exc, InputError):
        return _error(422, exc.reason, str(exc))
    status = 400 if isinstance(exc, StoreError) else 500
    return _error(status, type(exc).__name__, str(exc))


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    kind = {403: "forbidden", 404: "not-found", 405: "method-not-allowed",
            413: "too-large"}.get(exc.status_code, "http-error")
    return _error(exc.status_code, kind, str(exc.detail))


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
    return _error(422, "invalid-request", problems)


def create_app(db_path: str | Path = "dateline.db", *, settings: Settings | None = None,
               allow_ingest: bool = False) -> FastAPI:
    """The FastAPI application over the database at ``db_path``; with ``allow_ingest``,
    ``POST /api/ingest`` analyses articles and stores them there."""
    description = ("Political event data from news articles: events, quotes, actors, times and places, each "
                   "traced to the characters it came from.")
    try:  # Swagger UI and ReDoc served from the installed package, so /docs works offline
        from fastapi_offline import FastAPIOffline
    except ImportError:  # pragma: no cover - depends on the installation
        log.warning("fastapi-offline is not installed: /docs loads Swagger UI from a CDN "
                    "(run `pip install 'dateline[api]'`)")
        app = FastAPI(title="dateline", version=__version__, description=description)
    else:
        app = FastAPIOffline(title="dateline", version=__version__, description=description,
                             static_url=DOCS_ASSETS)
    state = ApiState(db_path, settings or Settings(), allow_ingest=allow_ingest)
    app.state.dateline = state

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Any:
        """Refuse an oversized extraction body before reading it; answer any unexpected error
        with the JSON shape (uvicorn would otherwise close the connection)."""
        path = request.url.path.rstrip("/")
        if request.method == "POST" and path.endswith(("/api/extract", "/api/ingest")):
            cap = state.settings.extract_max_chars
            cap *= INGEST_MAX_ARTICLES if path.endswith("/api/ingest") else 1
            length = request.headers.get("content-length", "")
            if cap > 0 and length.isdigit() and int(length) > 6 * cap + EXTRACT_BODY_SLACK:
                return _error(413, "too-large", f"the request body has {int(length):,} bytes: the text may have "
                                                f"at most {cap:,} characters")
        try:
            return await call_next(request)
        except Exception:
            log.exception("error answering %s %s", request.method, request.url.path)
            return _error(500, "internal-error", "the server could not answer this request; the error is in "
                                                 "the server's log")

    app.add_exception_handler(DatelineError, _dateline_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.include_router(api_router, prefix="/api")
    app.include_router(corpus_router, prefix="/api")
    app.include_router(pages_router)
    app.include_router(corpus_pages_router)
    # the map's country outlines take a second to read: read them now, beside the first requests
    threading.Thread(target=worldmap.outlines, name="dateline-outlines", daemon=True).start()
    return app
