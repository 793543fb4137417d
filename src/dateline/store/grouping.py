"""One event, many mentions: the rule that groups event mentions into corpus events.

A *mention* is one event of one article's record (a row of the ``events`` table). Mentions of the
same act — the headline, the lead and the body of one article; several agencies; a follow-up story
the next day — become one *corpus event*. Two mentions are of the same act when:

1. **type** — the same PLOVER type, and the same kind of status (asserted and reported acts
   together; planned, hypothetical and negated ones each apart);
2. **dyad** — on each side (source, target) the same country where both name one, and the same
   sector where both name one (a side left open matches any);
3. **date** — the act's day is at most :data:`WINDOW_DAYS` after the group's first day. A mention
   whose text dates the act to a day (``yesterday`` → 2024-03-04) keeps that day; one without
   takes its article's publication day. Two mentions that both date the act to a day must name the
   same day (two dated strikes on consecutive days are two acts);
4. **place** — no conflict: two exact places (a town, a district; not a country or a province)
   differ, or two places lie in different countries;
5. **trigger** — the places agree (same place, or one inside the other's country), or the trigger
   words are alike (a shared stem of four letters, or character trigrams overlapping by at least
   :data:`TRIGGER_SIMILARITY`), or the CAMEO codes are equal, or both mentions are in one article.

Mentions are taken in a fixed order (day, publication, article id, position), each joining the
first open group it fits, so a store rebuilt from the same articles gives the same groups. The id
of a group is a hash of its grouping key — type, status kind, the dyad's codes, place, first day
and trigger stem of its first mention — and so does not change when the store is rebuilt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Mention", "Group", "group_mentions", "status_kind", "trigger_alike", "WINDOW_DAYS",
           "TRIGGER_SIMILARITY", "BROAD_FEATURES"]

#: Days after a group's first day that a mention may still join it.
WINDOW_DAYS = 1
#: The least trigram overlap (Jaccard) of two alike trigger words.
TRIGGER_SIMILARITY = 0.5
#: GeoNames feature codes of places too broad to tell two acts apart (countries, provinces, regions).
BROAD_FEATURES: tuple[str, ...] = ("A.PCL", "A.ADM1", "A.ADMD", "A.ZN", "L.RGN", "L.CONT", "T.", "H.")

_KINDS = {"asserted": "occurred", "reported": "occurred", None: "occurred"}
_WORD = re.compile(r"[^\W\d_]+")


def status_kind(status: str | None) -> str:
    """The kind of status mentions must share: ``occurred`` (asserted, reported), else the status."""
    return _KINDS.get(status, status or "occurred")


def _stems(text: str | None) -> frozenset[str]:
    return frozenset(w[:4] for w in _WORD.findall((text or "").lower()) if len(w) >= 3)


def _trigrams(text: str | None) -> frozenset[str]:
    letters = " " + "".join(_WORD.findall((text or "").lower())) + " "
    return frozenset(letters[i:i + 3] for i in range(len(letters) - 2)) if len(letters) > 3 else frozenset()


def trigger_alike(first: str | None, second: str | None) -> bool:
    """Whether two trigger words name the act alike ("airstrike" / "air strikes", "shelled" / "shelling")."""
    if _stems(first) & _stems(second):
        return True
    a, b = _trigrams(first), _trigrams(second)
    return bool(a and b) and len(a & b) / len(a | b) >= TRIGGER_SIMILARITY


@dataclass(frozen=True, slots=True)
class Mention:
    """One event of one article, with what the grouping rule compares."""

    article_id: str
    idx: int
    type: str
    status: str | None
    day: dt.date | None
    dated: bool  # the text itself dates the act to ``day``
    published: str | None
    source_country: str | None = None
    source_sector: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    place: str | None = None  # geonameid or lower-case name of the event's location
    place_country: str | None = None
    broad_place: bool = True
    trigger: str | None = None
    cameo: str | None = None

    @property
    def order(self) -> tuple[Any, ...]:
        return (self.day is None, self.day or dt.date.min, self.published or "", self.article_id, self.idx)


@dataclass(slots=True)
class Group:
    """A corpus event being built: its first mention, and what its mentions have named."""

    first: Mention
    mentions: list[Mention] = field(default_factory=list)
    days: set[dt.date] = field(default_factory=set)  # days named by the texts themselves
    sides: dict[str, set[str]] = field(default_factory=dict)
    exact_places: set[str] = field(default_factory=set)
    place_countries: set[str] = field(default_factory=set)
    triggers: list[str] = field(default_factory=list)
    cameos: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    id: str = ""

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.articles.add(mention.article_id)
        if mention.dated and mention.day is not None:
            self.days.add(mention.day)
        for side in ("source_country", "source_sector", "target_country", "target_sector"):
            value = getattr(mention, side)
            if value:
                self.sides.setdefault(side, set()).add(value)
        if mention.place and not mention.broad_place:
            self.exact_places.add(mention.place)
        if mention.place_country:
            self.place_countries.add(mention.place_country)
        if mention.trigger:
            self.triggers.append(mention.trigger)
        if mention.cameo:
            self.cameos.add(mention.cameo)

    def fits(self, mention: Mention) -> bool:
        """Whether ``mention`` is of this group's act (rules 2–5; rule 1 is the caller's block)."""
        first = self.first
        if (mention.day is None) != (first.day is None):
            return False
        if mention.day is None and mention.article_id not in self.articles:
            return False  # undated: only within one article
        if mention.day is not None and first.day is not None:
            if (mention.day - first.day).days > WINDOW_DAYS:
                return False
            if mention.dated and self.days and mention.day not in self.days:
                return False
        for side in ("source_country", "source_sector", "target_country", "target_sector"):
            value, seen = getattr(mention, side), self.sides.get(side)
            if value and seen and value not in seen:
                return False
        if mention.place_country and self.place_countries and mention.place_country not in self.place_countries:
            return False
        exact = mention.place if mention.place and not mention.broad_place else None
        if exact and self.exact_places and exact not in self.exact_places:
            return False
        if mention.article_id in self.articles:
            return True
        if exact and exact in self.exact_places:
            return True
        if mention.cameo and mention.cameo in self.cameos:
            return True
        return any(trigger_alike(mention.trigger, t) for t in self.triggers)


def _key(mention: Mention) -> str:
    stem = min(_stems(mention.trigger), default="")
    parts = (mention.type, status_kind(mention.status), mention.source_country or "", mention.source_sector or "",
             mention.target_country or "", mention.target_sector or "",
             mention.place if mention.place and not mention.broad_place else (mention.place_country or ""),
             mention.day.isoformat() if mention.day else f"article:{mention.article_id}", stem)
    return "|".join(parts)


def group_mentions(mentions: Iterable[Mention]) -> list[Group]:
    """Group mentions into corpus events (see the module's rule); groups come in the order of their
    first mention, each with its stable ``id``."""
    blocks: dict[tuple[str, ...], list[Group]] = {}
    groups: list[Group] = []
    for mention in sorted(mentions, key=lambda m: m.order):
        key = (mention.type, status_kind(mention.status))
        block = blocks.setdefault(key if mention.day is not None else key + (mention.article_id,), [])
        while block and block[0].first.day is not None and mention.day is not None \
                and (mention.day - block[0].first.day).days > WINDOW_DAYS:
            block.pop(0)  # groups whose window has passed take no more mentions
        target = next((g for g in block if g.fits(mention)), None)
        if target is None:
            target = Group(first=mention)
            block.append(target)
            groups.append(target)
        target.add(mention)
    used: dict[str, int] = {}
    for group in groups:
        digest = hashlib.sha1(_key(group.first).encode("utf-8")).hexdigest()[:16]
        used[digest] = used.get(digest, 0) + 1
        group.id = f"ev-{digest}" if used[digest] == 1 else f"ev-{digest}-{used[digest]}"
    return groups


def mention_of(row: Mapping[str, Any], broad: set[str]) -> Mention:
    """A mention from an ``events`` row joined with its article (see :mod:`.corpus`); ``broad`` holds
    the geonameids and lower-case names of places too broad to tell acts apart."""
    own = row.get("event_date") or ""
    dated = bool(re.match(r"\d{4}-\d{2}-\d{2}", own))
    day = _date(own[:10]) if dated else _date((row.get("published") or "")[:10])
    dated = dated and day is not None
    geonameid = row.get("location_geonameid")
    name = (row.get("location_name") or row.get("location_text") or "").strip().lower() or None
    place = str(geonameid) if geonameid is not None else name
    broad_place = place is None or place in broad or (name is not None and name in broad)
    return Mention(
        article_id=row["article_id"], idx=row["idx"], type=row["type"], status=row.get("status"), day=day,
        dated=dated, published=row.get("published"), source_country=row.get("source_country"),
        source_sector=row.get("source_sector"), target_country=row.get("target_country"),
        target_sector=row.get("target_sector"), place=place, place_country=row.get("location_country"),
        broad_place=broad_place, trigger=row.get("trigger"), cameo=row.get("cameo"))


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None
