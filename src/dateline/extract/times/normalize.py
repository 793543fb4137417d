"""Normalizers: the TimeML value and type of a matched temporal expression.

Each rule of ``time_rules.yaml`` names one normalizer here. A normalizer reads the rule's named
groups and a :class:`NormContext` (document date, tense direction, last date mentioned) and
returns ``(value, type)``, or None when the match is not a temporal expression after all.
Relative expressions without a document date get the value None, never a guessed date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from ...knowledge.time_lexicon import TimeRule, normal_key
from .amounts import duration, fixed, reference, set_calendar, set_every
from .calendar import (
    Direction, easter, granularity, nth_weekday, pick_year, safe_date, value_date, week_value,
    weekday_date,
)
from .context import Groups, NormContext, Normalized, amount_of, day_of, int_of, step_of, with_part
from .episode import event_relative
from .relative import ago, anaphoric, quarter, relative_unit, season, second_day

__all__ = ["NormContext", "Normalized", "NORMALIZERS", "normalize"]

# ---- calendar dates ------------------------------------------------------------------------


def calendar(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """Dates, months and years written out (``Oct. 26, 1998``, ``July 1997``, ``1990``, ``May``);
    with a ``part`` group (a user rule for ``the morning of May 5``) the part of the day (TIME)."""
    found = _calendar_date(groups, ctx)
    part = ctx.lexicon.lookup("parts_of_day", groups.get("part")) if groups.get("part") else None
    if found and part and found[0] and granularity(found[0]) == "day":
        return f"{found[0]}T{part}", "TIME"
    return found


def _calendar_date(groups: Groups, ctx: NormContext) -> Normalized | None:
    """The date a calendar match names."""
    lex = ctx.lexicon
    year = int_of(groups.get("year"))
    month = int_of(groups.get("nmonth")) or lex.lookup("months", groups.get("month"))
    day = day_of(groups.get("day"), lex)
    if day is not None and not 1 <= day <= 31:
        return None
    if year is not None and month is None:
        return f"{year:04d}", "DATE"
    if month is None:
        return None
    if year is not None:
        if day is None:
            return f"{year:04d}-{month:02d}", "DATE"
        found = safe_date(year, month, day)
        return (found.isoformat(), "DATE") if found else None
    if ctx.anchor is None:
        return None, "DATE"
    weekday = lex.lookup("weekdays", groups.get("weekday"))
    if day is not None and weekday:
        for candidate in (ctx.anchor.year, ctx.anchor.year + 1, ctx.anchor.year - 1):
            found = safe_date(candidate, month, day)
            if found and found.isoweekday() == weekday:
                return found.isoformat(), "DATE"
    if groups.get("yrel"):
        year = ctx.anchor.year + (lex.lookup("relations", groups["yrel"]) or 0)
        return f"{year:04d}-{month:02d}", "DATE"
    step = step_of(groups, lex)
    if day is None and step is not None:
        return _month_by_step(ctx.anchor, month, step), "DATE"
    chosen = _year_by_tense(ctx.anchor, month, day, ctx.direction())
    if chosen is None:
        return None
    if day is None:
        return f"{chosen:04d}-{month:02d}", "DATE"
    found = safe_date(chosen, month, day)
    return (found.isoformat(), "DATE") if found else None


# How far the tense may carry a date without a year away from the document date before the
# nearest reading wins instead ("was extended to Nov. 16" written on Oct. 30 is this Nov. 16).
_DAY_WINDOW = 240
_MONTH_WINDOW = 11
_MONTH_DEFAULT_WINDOW = 7
# A month name this close ahead is the coming one whatever the tense ("cutbacks in September").
_NEXT_MONTHS = 2


def _months_between(anchor: date, year: int, month: int) -> int:
    """Months from the document's month to ``year-month`` (negative: before it)."""
    return (year * 12 + month) - (anchor.year * 12 + anchor.month)


def _year_by_tense(anchor: date, month: int, day: int | None, direction: Direction) -> int | None:
    """The year of a month (and day) without one: the tense's direction within a window, else the nearest."""
    nearest = pick_year(anchor, month, day, None)
    window = _MONTH_WINDOW
    defaulted = direction not in ("past", "future")
    if defaulted:
        if day is not None or direction == "near":
            return nearest
        direction, window = "past", _MONTH_DEFAULT_WINDOW
    chosen = pick_year(anchor, month, day, direction)
    if chosen is None or chosen == nearest:
        return nearest
    if day is None and direction == "past" and _months_between(anchor, nearest, month) <= _NEXT_MONTHS:
        return nearest
    if day is not None:
        found = safe_date(chosen, month, day)
        far = found is None or abs((found - anchor).days) > _DAY_WINDOW
    else:
        far = abs(_months_between(anchor, chosen, month)) > window
    return nearest if far else chosen


def _month_by_step(anchor: date, month: int, step: int) -> str:
    """``last May``, ``this May``, ``next May`` as ``YYYY-05``."""
    # "last February" written in March means a year ago (a month ago would be "last month").
    if step < 0:
        year = anchor.year if month < anchor.month - 1 else anchor.year - 1
    elif step > 0:
        year = anchor.year if month > anchor.month + 1 else anchor.year + 1
    else:
        year = anchor.year
    return f"{year:04d}-{month:02d}"


def numeric_date(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``03/05/2020`` read in the configured order (MDY or DMY), the other order if only it fits."""
    a, b, year = int_of(groups.get("a")), int_of(groups.get("b")), int_of(groups.get("year"))
    if a is None or b is None or year is None:
        return None
    if year < 100:
        year += 2000 if year < 50 else 1900
    first = (a, b) if ctx.date_order == "MDY" else (b, a)
    for month, day in (first, first[::-1]):
        found = safe_date(year, month, day)
        if found:
            return found.isoformat(), "DATE"
    return None


def week_of(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``the week of March 6``: the ISO week of that day."""
    value, _ = _calendar_date(groups, ctx) or (None, "DATE")
    day = value_date(value) if granularity(value) == "day" else None
    return (week_value(day) if day else None), "DATE"


def decade(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``the 1990s`` → ``199``; ``the '90s`` → ``199`` from the document's century."""
    if groups.get("decade"):
        return groups["decade"], "DATE"
    word = ctx.lexicon.lookup("decade_words", groups.get("decadeword"))
    digit = word if isinstance(word, int) else int_of(groups.get("short"))
    if digit is None or ctx.anchor is None:
        return None, "DATE"
    century = ctx.anchor.year // 100
    if digit * 10 > ctx.anchor.year % 100:
        century -= 1
    return f"{century:02d}{digit}", "DATE"


def spelled_year(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """Years said in words: ``nineteen ninety-six`` → ``1996``, ``the year two thousand`` → ``2000``."""
    hundreds = ctx.lexicon.lookup("year_centuries", groups.get("yearcentury"))
    if not isinstance(hundreds, int):
        return None
    rest = amount_of(groups.get("yearrest"), ctx.lexicon) if groups.get("yearrest") else None
    word = " ".join((groups.get("yearcentury") or "").lower().split())
    if rest is None:
        if word.startswith("two thousand"):
            return "2000", "DATE"
        return None
    if not float(rest).is_integer() or not 0 < rest < 100:
        return None
    if not word.startswith("two thousand") and rest < 10 and "oh" not in (groups.get("yearrest") or ""):
        return None
    return f"{hundreds * 100 + int(rest):04d}", "DATE"


def year_end(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``year-end``: the last day of the current year, or of the last one when the tense is past."""
    if ctx.anchor is None:
        return None, "DATE"
    year = ctx.anchor.year - 1 if ctx.direction() == "past" else ctx.anchor.year
    return f"{year:04d}-12-31", "DATE"


def century(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``the 20th century`` → ``19``."""
    n = day_of(groups.get("ordinal"), ctx.lexicon)
    if not n or n > 30:
        return None
    return f"{n - 1:02d}", "DATE"


def holiday(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """Named days (``Thanksgiving``, ``Easter``) in the given year or the tense's direction."""
    spec = ctx.lexicon.lookup("holidays", groups.get("holiday"))
    if not isinstance(spec, dict):
        return None
    year = int_of(groups.get("year"))

    def on(y: int) -> date | None:
        if "easter" in spec:
            return easter(y) + timedelta(days=int(spec["easter"]))
        if "day" in spec:
            return safe_date(y, spec["month"], spec["day"])
        return nth_weekday(y, spec["month"], spec["weekday"], spec.get("n", 1), spec.get("after_day", 0))

    if year is not None:
        found = on(year)
        return (found.isoformat() if found else None), "DATE"
    if ctx.anchor is None:
        return None, "DATE"
    days = [d for d in (on(ctx.anchor.year - 1), on(ctx.anchor.year), on(ctx.anchor.year + 1)) if d]
    step = step_of(groups, ctx.lexicon)
    direction = {-1: "past", 1: "future"}.get(step) if step else ctx.direction()
    if direction == "past":
        days = [d for d in days if d <= ctx.anchor] or days
        return max(days).isoformat(), "DATE"
    if direction == "future":
        days = [d for d in days if d >= ctx.anchor] or days
        return min(days).isoformat(), "DATE"
    return min(days, key=lambda d: abs((d - ctx.anchor).days)).isoformat(), "DATE"


# ---- days of the week and days named from today ---------------------------------------------


def weekday(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``Friday``, ``last Friday``, ``Friday morning``: by news convention, past unless the tense says future."""
    lex = ctx.lexicon
    number = lex.lookup("weekdays", groups.get("weekday"))
    if not number:
        return None
    part = groups.get("part")
    if ctx.anchor is None:
        return None, "DATE"
    step = step_of(groups, lex)
    if step is not None and step > 1:
        step = 1
    base = ctx.anchor
    rel = groups.get("rel")
    if step and rel and normal_key(rel) in lex.classes.get("anaphoric_relations", ()):
        base = value_date(ctx.reference) if granularity(ctx.reference) == "day" else base
    direction = None if step is not None else _weekday_direction(groups, ctx)
    day = weekday_date(base or ctx.anchor, number, direction, step)
    return with_part(day, part, lex)


def _weekday_direction(groups: Groups, ctx: NormContext) -> Direction:
    """The tense for a bare weekday: the present tense of news copy announces ("meets Monday"),
    except before a possessive ("Friday's vote")."""
    direction = ctx.direction()
    if direction == "present" and groups.get("poss") is None:
        return "future"
    return direction


def deictic(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """``today``, ``yesterday``, ``tomorrow night``, ``this morning``, ``last night``; ``overnight``
    (lexicon ``narrated``) counts from the day its sentence tells (``NormContext.narrative_day``)."""
    lex = ctx.lexicon
    word = groups.get("deictic") or ""
    part = groups.get("part")
    spec = lex.lookup("deictic_days", word + (" " + part if part else ""))
    if isinstance(spec, dict):
        part = None
    else:
        spec = lex.lookup("deictic_days", word)
    if not isinstance(spec, dict):
        return None
    part_code = spec.get("part") or (lex.lookup("parts_of_day", part) if part else None)
    kind = "TIME" if part_code else "DATE"
    if ctx.anchor is None:
        return None, kind
    base = ctx.anchor
    if spec.get("narrated"):  # "overnight" counts from the day told in a past clause
        base = value_date(ctx.narrative_day()) or ctx.anchor
    day = base + timedelta(days=int(spec.get("offset", 0)))
    return (f"{day.isoformat()}T{part_code}" if part_code else day.isoformat()), kind


def clock(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """Clock times (``10:35 a.m.``, ``5 p.m. EST, Nov. 6``, ``midnight Friday``, ``4 p.m. yesterday``)
    on their day."""
    lex = ctx.lexicon
    word = groups.get("clockword")
    if word:
        hhmm = str(lex.lookup("clock_words", word))
    else:
        hour = int_of(groups.get("hour"))
        if hour is None:
            hour_f = amount_of(groups.get("hour"), lex)
            hour = int(hour_f) if hour_f else None
        if hour is None or hour > 24:
            return None
        minute = int_of(groups.get("minute")) or 0
        marker = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
        part = (groups.get("part") or "").lower()
        if marker == "pm" or part in ("afternoon", "evening"):
            hour = hour + 12 if hour < 12 else hour
        elif marker == "am" and hour == 12:
            hour = 0
        if marker and hour > 23:
            return None
        hhmm = f"{hour:02d}:{minute:02d}"
    deictic_day = lex.lookup("deictic_days", groups.get("deictic")) if groups.get("deictic") else None
    if groups.get("month"):
        value, _ = _calendar_date(groups, ctx) or (None, "DATE")
    elif isinstance(deictic_day, dict) and ctx.anchor:  # "4 p.m. yesterday"
        value = (ctx.anchor + timedelta(days=int(deictic_day.get("offset", 0)))).isoformat()
    elif (groups.get("weekday") or groups.get("nextweekday")) and ctx.anchor:
        number = lex.lookup("weekdays", groups.get("weekday") or groups.get("nextweekday"))
        value = weekday_date(ctx.anchor, number, _weekday_direction(groups, ctx)).isoformat() if number else None
    else:
        value = _clock_day(ctx)
    return (f"{value}T{hhmm}" if value else None), "TIME"


def _clock_day(ctx: NormContext) -> str | None:
    """The day of a clock time given alone: in a past clause the day last mentioned ("was shot on
    Friday ... at 10 p.m.") or, when that is no day, the day its event was given earlier (the same
    verb dated before: ``NormContext.event_day``); otherwise the document date."""
    if ctx.anchor is None:
        return None
    if ctx.direction() == "past":
        reference = ctx.reference
        day = value_date(reference) if granularity(reference) == "day" else None
        if day is None:
            day = value_date(ctx.event_day())
        if day is not None and day <= ctx.anchor:
            return day.isoformat()
    return ctx.anchor.isoformat()


def part_of_day(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """A part of the day named alone (``mid afternoon``, ``in the morning``): of the day last
    mentioned when the clause is past and that day is not after the document date, else of the
    document date."""
    code = ctx.lexicon.lookup("parts_of_day", groups.get("part"))
    if not code:
        return None
    day = _clock_day(ctx)
    return (f"{day}T{code}" if day else None), "TIME"


NORMALIZERS: dict[str, Callable[[Groups, TimeRule, NormContext], Normalized | None]] = {
    "calendar": calendar, "numeric_date": numeric_date, "week_of": week_of, "decade": decade,
    "century": century, "spelled_year": spelled_year, "year_end": year_end, "holiday": holiday,
    "weekday": weekday, "deictic": deictic, "clock": clock, "part_of_day": part_of_day,
    "relative_unit": relative_unit, "quarter": quarter, "season": season, "anaphoric": anaphoric,
    "ago": ago, "duration": duration, "set_calendar": set_calendar, "set_every": set_every,
    "fixed": fixed, "reference": reference, "event_relative": event_relative,
    "second_day": second_day,
}


def normalize(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """The value and type of one match by its rule's normalizer (None: not temporal)."""
    fn = NORMALIZERS.get(rule.norm)
    if fn is None:
        return None
    return fn(groups, rule, ctx)
