"""Actors: mentions of people, organisations, states and groups, coded. (STUB: NER only)"""

from __future__ import annotations

from typing import Any

from ..records import Actor, Layout
from ..settings import Settings

_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}


def load_knowledge(settings: Settings) -> Any:
    return None


def actors(doc, *, layout: Layout, knowledge: Any, date: str | None) -> list[Actor]:
    text = doc.text
    return [Actor(e.start_char, e.end_char, e.text, name=e.text, kind=_KINDS[e.label_])
            for e in doc.ents if e.label_ in _KINDS]
