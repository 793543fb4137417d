"""Actor knowledge as tables: what an actor is (:class:`ActorCode`), role nouns (:class:`Role`),
terms of office (:class:`Tenure`), the normalised keys names are looked up by, and
:class:`ActorKnowledge`, the look-ups the actor coder makes. :mod:`dateline.knowledge.actors`
builds one from the packaged and the user's files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = ["ActorCode", "Role", "Tenure", "ActorKnowledge", "norm_key", "NORM_KEY_MEMO", "acronym_key", "KINDS",
           "SEGMENTS_MEMO"]

KINDS = ("person", "organization", "state", "group")
_ABBREVIATION = re.compile(r"(?<![\w.])(?:\w\.){2,}")
_DOTS_AND_SPACES = re.compile(r"[.\s]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-"})


@dataclass(frozen=True, slots=True)
class ActorCode:
    """What an actor is: canonical ``name``, ``country`` (ISO3 or IGO/UNO/EUR/NGO/ISM/IMG/MNC),
    PLOVER ``sector`` and ``kind`` (person | organization | state | group); unknown is None."""

    name: str | None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Role:
    """A role noun or title: its sector, kind, office key, default country and flags.

    ``generic`` roles ("leader", "spokesman", "commander") take the sector of the role or the
    organisation named before them ("rebel leader" REB, "army spokesman" MIL, "Hamas official" REB).
    """

    phrase: str
    sector: str | None
    kind: str
    office: str | None = None
    country: str | None = None
    weak: bool = False
    title: bool = False
    generic: bool = False


@dataclass(frozen=True, slots=True)
class Tenure:
    """One person in one office for one period (``end`` exclusive; None means open)."""

    code: ActorCode
    office: str | None
    start: str | None
    end: str | None

    def holds(self, date: str) -> bool:
        """Whether the term covers ``date`` (YYYY-MM-DD)."""
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


SEGMENTS_MEMO = 4096
"""How many cut phrases an :class:`ActorKnowledge` remembers (see its ``segments``)."""

NORM_KEY_MEMO = 1 << 16
"""How many keys :func:`norm_key` remembers (pure memoisation of a string function)."""


@lru_cache(maxsize=NORM_KEY_MEMO)
def norm_key(text: str) -> str:
    """The case-, accent-, dot- and hyphen-insensitive key of a name ("U.S." -> "us").

    Pure memoisation: the key depends on ``text`` alone (no knowledge, no settings), so the
    bounded memo of the last :data:`NORM_KEY_MEMO` texts can never give a stale answer; the
    actor coder asks for the same words many times per article.
    """
    text = text.translate(_QUOTES)
    if not text.isascii():  # ASCII is its own NFKD form and has no combining marks
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold()
    text = _ABBREVIATION.sub(lambda m: m.group().replace(".", ""), text)
    text = text.replace(".", " ").replace("-", " ")
    return " ".join(text.split())


@lru_cache(maxsize=NORM_KEY_MEMO)
def acronym_key(text: str) -> str | None:
    """The case-sensitive key of an all-capital acronym ("U.N." -> "UN"), else None.

    Memoised like :func:`norm_key` (a pure function of ``text``): the actor coder asks for the
    same words many times per article."""
    bare = _DOTS_AND_SPACES.sub("", text.translate(_QUOTES))
    if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper():
        return bare
    return None


@dataclass
class ActorKnowledge:
    """Every table the actor coder looks names up in (build it with :func:`load_actor_knowledge`)."""

    entities: dict[str, ActorCode] = field(default_factory=dict)
    acronyms: dict[str, ActorCode] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, ActorCode] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    people: dict[str, list[Tenure]] = field(default_factory=dict)
    offices: dict[tuple[str, str], list[Tenure]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    skip: frozenset[str] = frozenset()
    breaks: frozenset[str] = frozenset()
    not_incumbent: frozenset[str] = frozenset()
    not_actor: frozenset[str] = frozenset()
    partitives: frozenset[str] = frozenset()
    counts: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    affiliations: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    located: frozenset[str] = frozenset()
    located_by_others: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()
    encounters: frozenset[str] = frozenset()
    max_words: int = 1
    first_words: frozenset[str] = frozenset()
    first_lengths: dict[str, int] = field(default_factory=dict)
    cities: dict[str, str] | None = None
    #: Phrases already cut into pieces by the actor coder (``extract.actors.segment``), derived
    #: from these tables alone; at most :data:`SEGMENTS_MEMO` entries.
    segments: dict[tuple, list] = field(default_factory=dict, repr=False, compare=False)
    #: Phrases already coded (``extract.actors.code_words``), by the same relative key, with
    #: offsets from the phrase's first character; at most :data:`SEGMENTS_MEMO` entries.
    codings: dict[tuple, Any] = field(default_factory=dict, repr=False, compare=False)

    # -- look-ups ------------------------------------------------------------------------------

    def entity(self, text: str, *, date: str | None = None) -> ActorCode | None:
        """A named actor (state, seat of power, organisation, group or known person), or None.

        All-capital acronyms match only in capitals; other names need a capital letter somewhere.
        """
        acro = acronym_key(text)
        if acro is not None:
            found = self.acronyms.get(acro)
            if found is not None or len(acro) < 4:  # "PUTIN" in a transcript is no acronym
                return found
        if not any(map(str.isupper, text)):
            return None
        key = norm_key(text)
        person = self.person(key, date=date)
        found = self.entities.get(key)
        if person is not None and (found is None or found.kind == "person"):
            return person
        return found

    def capital(self, text: str) -> ActorCode | None:
        """A capital city as a metonym of its government ("Ankara" -> Turkey, GOV)."""
        if not any(map(str.isupper, text)):
            return None
        code = self.capitals.get(norm_key(text))
        return ActorCode(self.country_names.get(code, code), code, "GOV", "state") if code else None

    def demonym(self, text: str) -> ActorCode | None:
        """The state or group a demonym points to ("Turkish" -> Turkey; "Kurdish" -> Kurds)."""
        acro = acronym_key(text)
        if acro is not None:
            found = self.demonyms.get("\x00" + acro)
            if found is not None:
                return found
        if not any(map(str.isupper, text)):
            return None
        return self.demonyms.get(norm_key(text))

    def role(self, text: str) -> Role | None:
        """A role noun or title ("spokesman", "armed forces", "Gen.")."""
        return self.roles.get(norm_key(text))

    def person(self, text: str, *, date: str | None = None, office: str | None = None,
               country: str | None = None) -> ActorCode | None:
        """A known person by full name or alias; several people with one alias are told apart
        by ``country`` (named beside the title: "Jordan's King Abdullah"; None when nobody of
        that country has the alias), ``office`` (the title used: "President Clinton") and
        ``date`` (who held office then), else the most recent."""
        tenures = self.people.get(norm_key(text))
        if tenures and country is not None:
            tenures = [t for t in tenures if t.code.country == country]
        if not tenures:
            return None
        if office is not None:
            tenures = [t for t in tenures if t.office == office] or tenures
        if date is None:
            return max(tenures, key=lambda t: t.start or "").code
        holding = [t for t in tenures if t.holds(date)]
        if holding:
            return holding[-1].code
        started = [t for t in tenures if t.start is None or t.start <= date]
        if started:  # out of office on that date: a former official is one of the elites
            code = max(started, key=lambda t: t.start or "").code
            return ActorCode(code.name, code.country, "ELI", "person")
        code = min(tenures, key=lambda t: t.start or "").code  # not yet in office
        return ActorCode(code.name, code.country, None, "person")

    def office_holder(self, country: str | None, office: str | None, date: str | None) -> ActorCode | None:
        """Who held ``office`` in ``country`` on ``date`` ("USA", "president", "2019-10-14"); a
        term from a later file (a user's) wins over a packaged one."""
        if not country or not office or not date:
            return None
        for tenure in reversed(self.offices.get((country, office), ())):
            if tenure.holds(date):
                return tenure.code
        return None

    def city(self, text: str) -> str | None:
        """The country of a city of 100,000 people or more with a unique name ("Samarra" -> IRQ)."""
        if not text[:1].isupper():
            return None
        if self.cities is None:
            from .big_cities import big_cities  # the packaged table, read at the first unknown name
            self.cities = big_cities(norm_key, self.entities, self.demonyms)
        return self.cities.get(norm_key(text))

    def country_name(self, code: str | None) -> str | None:
        """The canonical short name of a country code ("RUS" -> "Russia")."""
        return self.country_names.get(code) if code else None
