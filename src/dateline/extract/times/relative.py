"""Normalizers for spans counted from the document date or from the last date mentioned.

``last week``, ``the third quarter``, ``last fall``, ``the following day``, ``a year earlier``.
"""

from __future__ import annotations

from datetime import date

from ...knowledge.time_lexicon import TimeRule
from .context import Groups, NormContext, Normalized, amount_of, day_of, dropped_on_named_day, int_of, step_of
from .calendar import (
    Direction, duration_value, granularity, quarter_of, shift_quarter_value, shift_value, value_date,
)

__all__ = ["relative_unit", "quarter", "season", "anaphoric", "ago", "second_day"]


# ---- units relative to the document date or to the last date mentioned ----------------------

_UNIT_SHIFT = {"day": "D", "night": "D", "morning": "D", "afternoon": "D", "evening": "D",
               "week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y",
               "decade": "E", "century": "C"}


def relative_unit(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``last week`` → ``1998-W32``, ``this year``, ``next month``, ``earlier this month``, ``the
    first half of next year`` → ``1999-H1``."""
    unit = (groups.get("unit") or "").lower()
    step = -1 if groups.get("latest") else step_of(groups, ctx.lexicon)  # "the latest fiscal year"
    if step is None:
        return None
    if unit == "fortnight":
        return "P2W", "DURATION"
    if ctx.anchor is None:
        return None, "DATE"
    value = shift_value(ctx.anchor, _UNIT_SHIFT[unit], step)
    half = _HALVES.get(" ".join((groups.get("mod") or "").lower().split()))
    if half and unit == "year" and value:  # "the first half of next year" -> 1999-H1
        return f"{value}-{half}", "DATE"
    return value, "DATE"


_HALVES = {"the first half of": "H1", "the second half of": "H2"}


def quarter(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """Quarters and halves: ``the third quarter`` → ``1998-Q3``, ``the year-ago quarter``, ``the first half``."""
    lex = ctx.lexicon
    unit = (groups.get("unit") or "quarter").lower()
    step = step_of(groups, lex)
    ordinal = day_of(groups.get("ordinal"), lex)
    year = int_of(groups.get("year")) or int_of(groups.get("year2"))
    code = "H" if unit == "half" else "Q"
    if ordinal is not None and ordinal > (4 if code == "Q" else 2):
        return None
    if year is not None and ordinal:
        return f"{year:04d}-{code}{ordinal}", "DATE"
    if ordinal is None and year is not None and step == -1:
        ordinal = 4 if code == "Q" else 2  # "the last half of 1989"
        return f"{year:04d}-{code}{ordinal}", "DATE"
    if code == "H" and not ordinal:
        return None
    reference = _reported_quarter(ctx)
    if year is not None and not ordinal:
        if unit == "period":  # "the 1988 period": a quarter, nine months or the year: the year
            return f"{year:04d}", "DATE"
        return (f"{year:04d}-{reference[5:]}", "DATE") if reference else None  # "the 1988 quarter"
    anchor = ctx.anchor
    if anchor is None:
        return None, "DATE"
    if code == "Q" and not ordinal and (groups.get("endmonth") or groups.get("endyesterday")):
        ended = _quarter_ending(groups, ctx)
        if ended:
            return ended, "DATE"
    now = quarter_of(anchor) if code == "Q" else (anchor.month - 1) // 6 + 1
    yrel = groups.get("yrel")
    if ordinal:
        if yrel:
            chosen = anchor.year + (ctx.lexicon.lookup("relations", yrel) or 0)
        elif groups.get("ago"):
            chosen = anchor.year - 1
        elif step is not None and step != 0:
            chosen = anchor.year + step
        elif ordinal <= now or ctx.direction() == "future":
            chosen = anchor.year
        else:
            chosen = anchor.year - 1
        return f"{chosen:04d}-{code}{ordinal}", "DATE"
    if code == "H":
        return None
    if not any(groups.get(g) for g in ("det", "rel", "yrel", "ago", "latest")):
        return None  # a bare "quarter" ("a quarter that produced a loss") names no quarter
    if unit == "period" and not (groups.get("latest") or groups.get("ago")):
        return None
    if groups.get("ago"):  # "the year-ago quarter": a year before the quarter reported
        base = reference or shift_value(anchor, "Q", -1)
        return shift_quarter_value(base, -4) if base else None, "DATE"
    if yrel:  # "last year's quarter": the quarter reported, in last year
        base = reference or shift_value(anchor, "Q", -1)
        chosen = anchor.year + (ctx.lexicon.lookup("relations", yrel) or 0)
        return (f"{chosen:04d}-{base[5:]}" if base else None), "DATE"
    if step is not None:
        return shift_value(anchor, "Q", step), "DATE"
    if groups.get("latest"):
        return shift_value(anchor, "Q", -1), "DATE"
    return reference or shift_value(anchor, "Q", -1), "DATE"


def _reported_quarter(ctx: NormContext) -> str | None:
    """The quarter last named, unless it lies after the document date ("losses through the third
    quarter of 1990" does not make 1990 the year a "year-ago quarter" counts back from)."""
    reference = ctx.reference
    if not reference or granularity(reference) != "quarter":
        return None
    start = value_date(reference)
    if ctx.anchor is not None and (start is None or start > ctx.anchor):
        return None
    return reference


def _quarter_ending(groups: Groups, ctx: NormContext) -> str | None:
    """The calendar quarter a reporting period ends in: ``the quarter ended Sept. 30`` → ``1989-Q3``
    (the latest such month at or before the document date: "ended" is past)."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    if groups.get("endyesterday"):
        return shift_value(anchor, "Q", 0)
    month = ctx.lexicon.lookup("months", groups.get("endmonth"))
    if not isinstance(month, int):
        return None
    year = anchor.year if month <= anchor.month else anchor.year - 1
    return f"{year:04d}-Q{(month - 1) // 3 + 1}"


def season(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``last fall`` → ``1998-FA``, ``the summer of 1997``."""
    code = ctx.lexicon.lookup("seasons", groups.get("season"))
    if not code:
        return None
    year = int_of(groups.get("year"))
    if year is not None:
        return f"{year:04d}-{code}", "DATE"
    if ctx.anchor is None:
        return None, "DATE"
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    step = step_of(groups, ctx.lexicon)
    year = ctx.anchor.year
    if step is None:
        direction = ctx.direction()
        if direction == "past" and start > ctx.anchor.month:
            year -= 1
        elif direction == "future" and start + 2 < ctx.anchor.month:
            year += 1
    elif step < 0 and start >= ctx.anchor.month - 2:
        year -= 1
    elif step > 0 and start <= ctx.anchor.month:
        year += 1
    return f"{year:04d}-{code}", "DATE"


def anaphoric(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``the following day``, ``that year``, ``the day before``: relative to the last date mentioned."""
    unit = (groups.get("unit") or "").lower()
    which = (groups.get("which") or "").lower()
    text_det = (groups.get("det") or "").lower()
    if unit == "day" and not which and text_det == "the" and not groups.get("mod"):
        return None
    step = {"following": 1, "next": 1, "after": 1, "previous": -1, "preceding": -1, "prior": -1,
            "before": -1}.get(which, 0)
    part = ctx.lexicon.lookup("parts_of_day", unit) if unit in ("morning", "afternoon", "evening", "night") else None
    shift = _UNIT_SHIFT.get(unit)
    if shift is None:
        return None
    ref_value = ctx.reference
    ref_gran = granularity(ref_value)
    base = value_date(ref_value) if ref_value else None
    if shift in ("D", "W", "WE") and ref_gran not in ("day", "week"):
        base = None
    if text_det == "the" and not which:
        base = None
    if base is None:
        base = ctx.anchor
        if base is not None and shift == "WE" and not which:
            return _weekend(base, ctx.direction()), "DATE"
    if base is None:
        return None, "DATE"
    if step == 0 and shift == "D" and ref_gran == "day" and ref_value:
        value = ref_value[:10]
    else:
        value = shift_value(base, shift, step)
    if part and value and not dropped_on_named_day(unit, ctx.lexicon):  # "the next morning", like "Friday morning"
        return f"{value}T{part}", "DATE"
    return value, "DATE"


def second_day(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """The second day of a pair or range ("April 24 and [25]", "Oct. 3 to [5]"): that day of the
    month of the date just named (``NormContext.reference``)."""
    day = day_of(groups.get("day"), ctx.lexicon)
    named = value_date(ctx.reference) if granularity(ctx.reference) == "day" else None
    if day is None or named is None or day <= named.day:
        return None
    try:
        return named.replace(day=day).isoformat(), "DATE"
    except ValueError:
        return None


def _weekend(anchor: date, direction: Direction) -> str | None:
    """``the weekend`` seen from a day: the one just past, or the coming one if the tense is future."""
    if anchor.isoweekday() >= 6:
        return shift_value(anchor, "WE", 0)
    return shift_value(anchor, "WE", 0 if direction == "future" else -1)


def ago(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``two days ago``, ``a year earlier``, ``three months later``, ``year-ago``."""
    lex = ctx.lexicon
    unit_word = (groups.get("unit") or "").lower()
    unit = lex.lookup("units", unit_word)
    if not isinstance(unit, dict):
        return None
    direction_word = " ".join((groups.get("dir") or "ago").lower().split())
    sign = 1 if direction_word in ("later", "after", "from now", "hence") else -1
    if groups.get("num") is None and not rule.name.startswith("year_ago"):
        return ("FUTURE_REF" if sign > 0 else "PAST_REF"), "DATE"
    amount = amount_of(groups.get("num"), lex) if groups.get("num") else 1.0
    if amount is None:
        return ("FUTURE_REF" if sign > 0 else "PAST_REF"), "DATE"
    if groups.get("half"):  # "a minute and a half later", "a year and a half ago"
        amount += 0.5
    if unit.get("time"):
        return duration_value(amount, unit["code"], True), "DURATION"
    code = unit["code"]
    amount *= unit.get("factor", 1)
    from_reference = direction_word in ("earlier", "later", "before", "after")
    reference = ctx.reference
    if code == "Y" and amount == int(amount) and granularity(reference) == "quarter" and reference:
        if from_reference or _same_year_quarter(reference, ctx.anchor):
            return shift_quarter_value(reference, sign * 4 * int(amount)), "DATE"
    base = ctx.anchor
    if from_reference and granularity(reference) == "day":
        base = value_date(reference)
    if base is None:
        return None, "DATE"
    if not float(amount).is_integer() and code == "Y" and float(amount * 12).is_integer():
        code, amount = "M", amount * 12
    if not float(amount).is_integer():
        return None, "DATE"
    return shift_value(base, code if code != "W" or amount < 52 else "W", sign * int(amount)), "DATE"


def _same_year_quarter(reference: str, anchor: date | None) -> bool:
    """Whether a quarter mentioned lies within about a year before the document date."""
    day = value_date(reference)
    return bool(anchor and day and 0 <= (anchor - day).days <= 400)
