"""``dateline serve``: the HTTP API and pages over a database."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import StoreError
from ..store import missing_database_message
from .app import handle_errors, main


@main.command("serve")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default="dateline.db", show_default=True,
              help="The database to serve.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline for POST /api/extract.")
@handle_errors
def serve_command(db_path: str, host: str, port: int, model: str | None) -> None:
    """Serve the JSON API (/api, OpenAPI at /docs) and the pages (/) over a database.

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
    from ..api.app import create_app
    from ..settings import Settings

    uvicorn.run(create_app(db_path, settings=Settings(model=model)), host=host, port=port, log_level="info")
