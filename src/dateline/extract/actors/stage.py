"""Actors: mentions of people, organisations, states and groups, coded.

API (stable; other extractors may rely on it)
---------------------------------------------
``load_knowledge(settings) -> ActorKnowledge``
    The actor knowledge (packaged files + ``settings.actor_files``), loaded once per process
    (:data:`dateline.knowledge.cache.SHARED`).

``actors(doc, *, layout, knowledge, date) -> list[Actor]``
    Every actor mention of the article, sorted by start, no overlapping spans:
    ``Actor(start, end, text, name, country, sector, kind)`` with ``kind`` person |
    organization | state | group. The span is the whole mention ("Kremlin Spokesman Dmitry
    Peskov", "the Turkish armed forces", "36 Turkish soldiers"); ``name`` is canonical
    ("Dmitry Peskov"; a country's short name for states and seats of power: "Ankara" -> "Turkey";
    the phrase without determiners for role phrases: "Turkish armed forces"). Short names and
    titles are linked across the article ("Peskov", "the Kremlin spokesman" -> Dmitry Peskov).
    ``date`` (YYYY-MM-DD) picks office holders ("the US president" in 2019 -> Donald Trump).
    Unknown codes are None (e.g. "militants" -> country None, sector REB).

``code_span(doc, start, end, *, knowledge, date=None) -> Actor | None``
    Code any stretch of a parsed text (an event argument's subtree, a speaker phrase); the
    returned Actor keeps the offsets given. None when the phrase's head is no actor
    ("Ankara's operation").

``code_phrase(text, *, knowledge=None, date=None) -> ActorCode | None``
    The same coding for plain text, no parse needed. ``ActorCode(name, country, sector, kind)``
    is a frozen record (``dateline.knowledge.actors.ActorCode``). Other look-ups on the
    knowledge: ``entity(text, date=)``, ``demonym(text)``, ``role(text)``, ``person(text, date=)``,
    ``office_holder(country, office, date)``, ``country_name(code)``.

Countries are ISO 3166-1 alpha-3 or UNO (UN family), EUR (EU), IGO, NGO, IMG (transnational
armed groups); sectors are PLOVER's (GOV MIL COP JUD LEG REB OPP PTY PRM SPY UAF CVL ELI BUS
EDU MED LAB AGR JRN REF REL SOC CRM). Named news media are MED, as the output contract asks.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ...knowledge.actors import ActorCode, ActorKnowledge
from ...knowledge.cache import SHARED
from ...nlp import doc_text
from ...records import Actor, Layout
from ...settings import Settings
from .coding import code_text, code_words, words_of_span
from .locate import locate_mentions
from .mention_resolver import link_names
from .mentions import find_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["load_knowledge", "actors", "code_span", "code_phrase", "ActorKnowledge", "ActorCode"]

log = logging.getLogger(__name__)


def load_knowledge(settings: Settings) -> ActorKnowledge:
    """The actor knowledge for ``settings`` (packaged files plus ``settings.actor_files``), from the
    process's :class:`~dateline.knowledge.cache.KnowledgeCache`."""
    return SHARED.actors(settings.actor_files)


def _default_knowledge(knowledge: ActorKnowledge | None) -> ActorKnowledge:
    return knowledge if isinstance(knowledge, ActorKnowledge) else SHARED.actors()


def actors(doc: "Doc", *, layout: Layout | None, knowledge: ActorKnowledge | None,
           date: str | None) -> list[Actor]:
    """Every coded actor mention in ``doc`` (sorted by start, no overlapping spans)."""
    kb = _default_knowledge(knowledge)
    text = doc_text(doc)
    skipped = [(z.start, z.end) for z in layout.excluded] if layout is not None else []
    if layout is not None and layout.dateline is not None:  # "MOSCOW, March 4. /TASS/." is no actor
        skipped.append((layout.dateline.start, layout.dateline.end))
    mentions = [m for m in find_mentions(doc, kb, date)
                if not any(s <= m.start < e for s, e in skipped)]
    out: list[Actor] = []
    for m in locate_mentions(link_names(mentions, doc, kb), doc, kb):
        code = m.coding.code
        out.append(Actor(m.start, m.end, text[m.start:m.end], name=code.name, country=code.country,
                         sector=code.sector, kind=code.kind))
    return out


class _DocCache:
    """The text of the last few documents and the codes already computed on them.

    ``Doc.text`` is rebuilt from the tokens on every access, and event coding asks about many
    phrases of one document, so both are kept for the documents in use (compared by identity).
    """

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._entries: list[tuple["Doc", str, dict]] = []

    def get(self, doc: "Doc") -> tuple[str, dict]:
        for entry in self._entries:
            if entry[0] is doc:
                return entry[1], entry[2]
        text, codes = doc_text(doc), {}
        self._entries.insert(0, (doc, text, codes))
        del self._entries[self.size:]
        return text, codes


_DOCS = _DocCache()


def code_span(doc: "Doc", start: int, end: int, *, knowledge: ActorKnowledge | None,
              date: str | None = None, weak: bool = False) -> Actor | None:
    """Code the tokens of ``doc`` between two character offsets; None if they name no actor.
    With ``weak``, a weak role alone ("the family") counts: the phrase fills an actor's place."""
    kb = _default_knowledge(knowledge)
    text, codes = _DOCS.get(doc)
    key = (start, end, date, id(kb), weak)
    if key in codes:
        return codes[key]
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = [] if span is None else [t for t in span if t.idx >= start and t.idx + len(t.text) <= end]
    words = words_of_span(tokens)
    coding = code_words(words, text, knowledge=kb, date=date, weak=weak) if words else None
    result = None
    if coding is not None:
        code = coding.code
        result = Actor(start, end, text[start:end], name=code.name, country=code.country,
                       sector=code.sector, kind=code.kind)
    codes[key] = result
    return result


def code_phrase(text: str, *, knowledge: ActorKnowledge | None = None, date: str | None = None) -> ActorCode | None:
    """Code a noun phrase given as plain text ("Kremlin Spokesman Dmitry Peskov", "Syrian
    positions", "the US president"); None when it names no actor."""
    return code_text(text, knowledge=_default_knowledge(knowledge), date=date)
