"""Names found as places that the article itself shows are something else.

The model labels many names GPE or LOC that no gazetteer knows: people ("Guhdar said"),
companies ("Wavepiston installed"), common nouns ("mosques", "veranda"). A name with no
gazetteer entry is dropped, with all its uses, when the article makes it the agent of a verb
somewhere (a known place may be a metonym, "Washington said"; an unknown one acting is a person
or a company), or when it is written in lower case. Names found by their own form (streets,
buildings, the dateline) are kept: "Royal Street was the return route".

A building's name that qualifies a noun of staff stands for the institution housed there ("White
House aides", "the Kremlin spokesman", "Notre Dame coach"), and is dropped too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .candidates import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["without_unknown_agents", "without_institutions"]

# Sources whose names stand on their own form or position, not on the model's label.
_FORM_SOURCES = frozenset({"facility", "street", "dateline", "demonym", "embedded"})


def without_unknown_agents(mentions: Sequence[Mention], text: str,
                           known: Callable[[str], bool]) -> list[Mention]:
    """The mentions less those of unknown names that act or are written in lower case.

    ``text`` is the article; ``known(name)`` says whether the gazetteer has the name.
    """
    unknown: dict[str, bool] = {}

    def is_unknown(name: str) -> bool:
        if name not in unknown:
            unknown[name] = not known(name)
        return unknown[name]

    acting = {m.name for m in mentions
              if m.role == "metonym" and m.source not in _FORM_SOURCES and is_unknown(m.name)}
    kept = []
    for m in mentions:
        if m.source not in _FORM_SOURCES and is_unknown(m.name):
            if m.name in acting or text[m.name_start:m.name_end].islower():
                continue
        kept.append(m)
    return kept


def _building(m: Mention) -> bool:
    """A mention found as a building or street, by its form or by the model's FAC label."""
    return m.source in ("facility", "street") or m.label == "FAC"


def without_institutions(mentions: Sequence[Mention], doc: "Doc", staff_nouns: frozenset[str]) -> list[Mention]:
    """The mentions less buildings whose name qualifies a noun of staff ("White House aides")."""
    kept = []
    for m in mentions:
        if m.role == "modifier" and _building(m):
            span = doc.char_span(m.name_start, m.name_end, alignment_mode="expand")
            if span is not None and span.root.head.lower_ in staff_nouns:
                continue
        kept.append(m)
    return kept
