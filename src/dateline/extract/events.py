"""PLOVER events: who did what to whom. (STUB)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..records import Actor, Event, Layout, Place, Quote, TimeExpr


def events(doc, *, layout: Layout, actors: Sequence[Actor], quotes: Sequence[Quote],
           times: Sequence[TimeExpr], places: Sequence[Place], anchor: str | None, knowledge: Any) -> list[Event]:
    return []
