"""What a normalizer knows besides its match, and readers for the pieces a match holds.

Shared by the normalizers in ``normalize``, ``relative`` and ``amounts``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from ...knowledge.time_lexicon import TimeLexicon
from .calendar import Direction

__all__ = ["Groups", "Normalized", "NormContext", "int_of", "amount_of", "day_of", "step_of", "with_part",
           "dropped_on_named_day"]

Groups = Mapping[str, str | None]
Normalized = tuple[str | None, str]


@dataclass
class NormContext:
    """What a normalizer may know besides the match."""

    lexicon: TimeLexicon
    anchor: date | None
    direction: Callable[[], Direction]
    reference: str | None = None
    date_order: str = "MDY"
    #: The day the match's sentence tells (YYYY-MM-DD): one named earlier in the sentence, or the
    #: day a sentence in the simple past continues (:func:`dateline.extract.times.narrative.narrative_date`).
    narrative_day: Callable[[], str | None] = lambda: None
    #: The day given earlier to the match's own event: an expression governed by the same verb
    #: ("was shot to death last Oct. 23" ... "was shot to death at 10 p.m.").
    event_day: Callable[[], str | None] = lambda: None
    #: The day of the event a noun names ("the shooting"), from the expressions found before the
    #: match (:func:`dateline.extract.times.episode.lazy_event_noun_day`).
    event_noun_day: Callable[[str], str | None] = lambda noun: None


def int_of(text: str | None) -> int | None:
    """The leading digits of a group as a number (``26th`` → 26), or None."""
    if not text:
        return None
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else None


def amount_of(text: str | None, lex: TimeLexicon) -> float | None:
    """The amount a number phrase names; None for vague amounts (``several``)."""
    if not text:
        return None
    key = " ".join(text.lower().replace("-", " ").split())
    if key in ("a", "an", "the"):
        return 1.0
    half = 0.0
    for suffix in (" and a half", " 1/2"):
        if key.endswith(suffix):
            key, half = key[: -len(suffix)].strip(), 0.5
    if re.fullmatch(r"[\d,]+(\.\d+)?", key):
        return float(key.replace(",", "")) + half
    value = lex.lookup("numbers", key)
    if isinstance(value, (int, float)):
        return float(value) + half
    parts = key.split()
    if len(parts) == 2:
        tens, ones = lex.lookup("numbers", parts[0]), lex.lookup("numbers", parts[1])
        if isinstance(tens, int) and isinstance(ones, int):
            return float(tens + ones) + half
    return None


def day_of(text: str | None, lex: TimeLexicon) -> int | None:
    """A day of the month from digits or an ordinal word (``eighth``), or None."""
    if not text:
        return None
    number = int_of(text)
    if number is not None:
        return number
    value = lex.lookup("ordinals", text)
    return value if isinstance(value, int) and value > 0 else None


def step_of(groups: Groups, lex: TimeLexicon) -> int | None:
    """The step of the ``rel`` group (``last`` -1, ``this`` 0, ``next`` +1), or None."""
    rel = groups.get("rel")
    value = lex.lookup("relations", rel) if rel else None
    return value if isinstance(value, int) else None


def with_part(day: date, part: str | None, lex: TimeLexicon) -> Normalized:
    """A day with an optional part of the day: ``1998-08-14TMO`` or the day, typed DATE.

    A named day with its part ("Friday morning") keeps the part in its value but stays a DATE, as
    TimeBank annotates most of them (25 of 31 in TBAQ); "this morning", "last night" (parts of the
    day named from today, :func:`dateline.extract.times.normalize.deictic`) are TIME. A part in the
    lexicon's ``parts_dropped_on_named_day`` ("Friday night") gives the day alone.
    """
    if part and dropped_on_named_day(part, lex):
        part = None
    code = lex.lookup("parts_of_day", part) if part else None
    if code:
        return f"{day.isoformat()}T{code}", "DATE"
    return day.isoformat(), "DATE"


def dropped_on_named_day(part: str, lex: TimeLexicon) -> bool:
    """Whether a part of the day is left out of a named day's value ("Friday night", "the next
    night": lexicon ``parts_dropped_on_named_day``)."""
    return " ".join(part.lower().split()) in lex.classes.get("parts_dropped_on_named_day", ())
