"""Toponyms resolved against the offline gazetteer. (STUB)"""

from __future__ import annotations

from typing import Any

from ..records import Layout, Place
from ..settings import Settings


def open_gazetteer(settings: Settings) -> Any:
    return None


def places(doc, *, layout: Layout, gazetteer: Any) -> list[Place]:
    return []
