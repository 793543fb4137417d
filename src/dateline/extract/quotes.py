"""Quotations and reported speech with resolved speakers. (STUB)"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Actor, Layout, Quote, TimeExpr


def quotes(doc, *, layout: Layout, actors: Sequence[Actor], times: Sequence[TimeExpr],
           anchor: str | None) -> list[Quote]:
    return []
