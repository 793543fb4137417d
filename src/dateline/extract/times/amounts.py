"""Normalizers for amounts of time and repetitions: durations, sets and general references.

``three weeks`` → ``P3W``, ``every Monday`` → ``XXXX-WXX-1``, ``daily`` → ``P1D``, ``now`` → ``PRESENT_REF``.
"""

from __future__ import annotations

from ...knowledge.time_lexicon import TimeRule
from .context import Groups, NormContext, Normalized, amount_of
from .calendar import duration_value

__all__ = ["duration", "set_calendar", "set_every", "fixed", "reference"]


# ---- durations and sets ---------------------------------------------------------------------


def duration(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``three weeks`` → ``P3W``, ``16-hour`` → ``PT16H``, ``several years`` → ``PXY``,
    ``centuries`` → ``PXC``, ``day-long`` → ``P1D``, ``a minute and a half`` → ``PT1M30S``."""
    lex = ctx.lexicon
    unit = lex.lookup("units", (groups.get("unit") or "").lower())
    if not isinstance(unit, dict):
        return None
    num = groups.get("num") or ("1" if groups.get("one") else None)  # "day-long": one day
    amount = amount_of(num, lex) if num else None
    if amount is None:  # "several decades" -> PXE, "centuries" -> PXC
        return duration_value(None, unit.get("vague", unit["code"]), bool(unit.get("time"))), "DURATION"
    if amount <= 0 or amount > 10000:
        return None
    if groups.get("half"):  # "an hour and a half"
        amount += 0.5
    amount *= unit.get("factor", 1)
    return duration_value(amount, unit["code"], bool(unit.get("time"))), "DURATION"


def set_calendar(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``every Monday`` → ``XXXX-WXX-1``, ``Tuesday nights``, ``each July`` → ``XXXX-07``,
    ``the past three summers`` / ``every summer`` → ``XXXX-SU``, ``every morning`` → ``XXXX-XX-XXTMO``."""
    lex = ctx.lexicon
    number = lex.lookup("weekdays", groups.get("weekday"))
    if not number and groups.get("part"):  # "every morning": that part of any day
        part = lex.lookup("parts_of_day", groups.get("part"))
        return (f"XXXX-XX-XXT{part}", "SET") if part else None
    if number:
        part = lex.lookup("parts_of_day", groups.get("part")) if groups.get("part") else None
        return f"XXXX-WXX-{number}" + (f"T{part}" if part else ""), "SET"
    month = lex.lookup("months", groups.get("month"))
    if month:
        return f"XXXX-{month:02d}", "SET"
    season = lex.lookup("seasons", groups.get("season"))
    return (f"XXXX-{season}", "SET") if season else None


def set_every(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``every day`` → ``P1D``, ``every two weeks`` → ``P2W``, ``twice a year`` → ``P1Y``,
    ``every few years`` → ``PXY``."""
    lex = ctx.lexicon
    unit = lex.lookup("units", (groups.get("unit") or "").lower())
    if not isinstance(unit, dict):
        return None
    num = (groups.get("num") or "").lower()
    if num in ("few", "several"):
        return duration_value(None, unit.get("vague", unit["code"]), bool(unit.get("time"))), "SET"
    amount = 2.0 if num == "other" else (amount_of(num, lex) if num else 1.0)
    if amount is None:
        return None
    return duration_value(amount * unit.get("factor", 1), unit["code"], bool(unit.get("time"))), "SET"


def fixed(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """A value given by the rule or by the frequency words (``daily`` → ``P1D``)."""
    value = rule.value or ctx.lexicon.lookup("frequencies", groups.get("freq"))
    return (str(value), rule.type) if value else None


def reference(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """General reference to the present, past or future (``now``, ``recently``, ``soon``).

    In a past-tense clause a word of the future ("he was soon released") counts from the time
    narrated, not from the document date: it is sequencing, not a temporal expression.
    """
    value = ctx.lexicon.lookup("references", groups.get("ref"))
    if not value:
        return None
    if value == "FUTURE_REF" and ctx.direction() == "past":
        return None
    return str(value), "DATE"
