"""Temporal expressions normalized against the document date. (STUB)"""

from __future__ import annotations

from ..records import Layout, TimeExpr
from ..settings import Settings


def times(doc, *, layout: Layout, anchor: str | None, settings: Settings) -> list[TimeExpr]:
    return []
