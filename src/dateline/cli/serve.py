"""``dateline serve``: the HTTP API and pages over a database."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import StoreError
from ..store import Store, missing_database_message
from .app import handle_errors, main


@main.command("serve")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default="dateline.db", show_default=True,
              help="The database to serve.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline for POST /api/extract.")
@click.option("--extract-max-chars", type=click.IntRange(0, None), default=100_000, show_default=True,
              help="Longest text POST /api/extract analyses (0 turns the endpoint off).")
@handle_errors
@click.option("--allow-ingest", is_flag=True,
              help="Accept POST /api/ingest: articles sent as JSON are analysed and stored in the database "
                   "(off by default: the server only reads).")
def serve_command(db_path: str, host: str, port: int, model: str | None, extract_max_chars: int,
                  allow_ingest: bool) -> None:
    """Serve the JSON API (/api, OpenAPI at /docs) and the pages (/) over a database.

    The database is opened read-only. POST /api/extract has no authentication: on a host others
    can reach, turn it off with --extract-max-chars 0 or put the server behind a proxy that asks
    for a login.

    \b
    Example:
      dateline serve --db dateline.db --port 8000
      curl 'http://127.0.0.1:8000/api/events?type=ASSAULT&source=TUR'
    """
    try:
        import uvicorn
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise click.ClickException("the HTTP API needs its extras: run `pip install 'dateline[api]'`") from exc
    if not Path(db_path).exists():
        raise StoreError(missing_database_message(db_path))
    Store.open(db_path, readonly=True).close()  # a clear message now for a database it cannot serve
    from ..api.app import create_app
    from ..settings import Settings

    settings = Settings(model=model, extract_max_chars=extract_max_chars)
    uvicorn.run(create_app(db_path, settings=settings, allow_ingest=allow_ingest), host=host, port=port,
                log_level="info")
