"""Ingest: readers for text, HTML and JSON Lines inputs, and the wire layout of a story."""

from __future__ import annotations

from .readers import normalise_published, read_inputs
from .wire import analyse_layout

__all__ = ["read_inputs", "analyse_layout", "normalise_published"]
