"""The ``dateline`` command: a click group (``app.main``) whose verbs live in the modules beside it."""

from __future__ import annotations

from . import browse, corpus, evaluate, gazetteer, run, serve, train  # noqa: F401  (each module registers its commands on `main`)
from .app import main

__all__ = ["main"]
