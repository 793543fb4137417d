"""Calendar arithmetic on TimeML values: shifting by units, weeks, quarters, picking a year.

Values are TimeML/ISO strings (``1998-08-14``, ``1998-W33``, ``1998-Q3``, ``1998-08``, ``1998``);
these helpers read and write them and do the arithmetic the normalizers need.
"""

from __future__ import annotations

import calendar
import re
from datetime import MAXYEAR, MINYEAR, date, timedelta
from email.utils import parsedate_to_datetime
from typing import Literal

__all__ = [
    "Direction", "parse_anchor", "safe_date", "week_value", "month_value", "quarter_of",
    "shift_value", "granularity", "value_date", "within_calendar", "pick_year", "weekday_date", "nth_weekday",
    "easter", "number_value", "duration_value",
]

# "near": the time was set from a past vantage point ("planned a rally for Saturday", "was
# scheduled for Friday"): it may lie on either side of the document date, so the nearest reading wins.
Direction = Literal["past", "future", "present", "near"] | None

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")


def parse_anchor(anchor: str | None) -> date | None:
    """The document date from ``YYYY-MM-DD`` (anything after the date is ignored) or an RFC 2822
    date (``Mon, 08 Mar 2021 09:15:00 +0000``, as feeds give it), else None."""
    if not anchor:
        return None
    m = _DAY.match(anchor.strip())
    if m:
        return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        return parsedate_to_datetime(anchor.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None when there is no such day."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def week_value(day: date) -> str:
    """The ISO week of a day: ``1998-W33``."""
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def month_value(year: int, month: int) -> str:
    """``YYYY-MM`` after carrying months over year ends (``month`` may be out of 1..12)."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return f"{year:04d}-{month:02d}"


def quarter_of(day: date) -> int:
    """The calendar quarter (1-4) of a day."""
    return (day.month - 1) // 3 + 1


def _quarter_value(year: int, quarter: int) -> str:
    """``YYYY-Qn`` after carrying quarters over year ends."""
    year += (quarter - 1) // 4
    return f"{year:04d}-Q{(quarter - 1) % 4 + 1}"


def granularity(value: str | None) -> str | None:
    """The unit of a date value: day, week, month, quarter, half, year; None for anything else."""
    if not value:
        return None
    for name, pattern in (("day", _DAY), ("week", _WEEK), ("month", _MONTH), ("quarter", _QUARTER),
                          ("half", _HALF), ("year", _YEAR)):
        if pattern.match(value):
            return name
    return None


def value_date(value: str | None) -> date | None:
    """A representative day of a date value (the day itself, a week's Monday, a month's first)."""
    if not value:
        return None
    if m := _DAY.match(value):
        return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _WEEK.match(value):
        try:
            return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
    if m := _MONTH.match(value):
        return safe_date(int(m.group(1)), int(m.group(2)), 1)
    if m := _QUARTER.match(value):
        return safe_date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
    if m := _YEAR.match(value):
        return safe_date(int(m.group(1)), 1, 1)
    return None


def shift_value(base: date, unit: str, steps: int) -> str | None:
    """The value ``steps`` units away from ``base`` at that unit's granularity.

    ``unit`` is one of D, W, WE (weekend), M, Q, Y, E (decade), C (century).
    """
    if unit == "D":
        return (base + timedelta(days=steps)).isoformat()
    if unit in ("W", "WE"):
        week = week_value(base + timedelta(weeks=steps))
        return week + "-WE" if unit == "WE" else week
    if unit == "M":
        return month_value(base.year, base.month + steps)
    if unit == "Q":
        return _quarter_value(base.year, quarter_of(base) + steps)
    if unit == "Y":
        year = base.year + steps
        return f"{year:04d}" if MINYEAR <= year <= MAXYEAR else None
    if unit == "E":
        decade = base.year // 10 + steps
        return f"{decade:03d}" if 0 <= decade <= MAXYEAR // 10 else None
    if unit == "C":
        century = base.year // 100 + steps
        return f"{century:02d}" if 0 <= century <= MAXYEAR // 100 else None
    return None


_LEADING_NUMBER = re.compile(r"-?\d+")


def within_calendar(value: str | None) -> bool:
    """False for a value whose year lies outside 0001-9999 (``0000``, ``10000-01``, ``-1``).

    Arithmetic on a document date near either end of the calendar ("next year" in 9999) would
    otherwise write such years; a decade (``201``) or century (``20``) value is left alone.
    """
    if not value:
        return True
    match = _LEADING_NUMBER.match(value)
    if match is None:
        return True
    number = match.group(0)
    if number.startswith("-") or len(number) > 4:
        return False
    return not (len(number) == 4 and int(number) < MINYEAR)


def shift_quarter_value(value: str, steps: int) -> str | None:
    """A quarter value moved by ``steps`` quarters (``1989-Q3``, -4 → ``1988-Q3``)."""
    m = _QUARTER.match(value)
    return _quarter_value(int(m.group(1)), int(m.group(2)) + steps) if m else None


def pick_year(anchor: date, month: int, day: int | None, direction: Direction) -> int | None:
    """The year of a month (and day) given without one, in the direction of the tense.

    Past: the latest such day on or before the anchor; future: the first on or after it;
    otherwise the nearest one.
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        start = safe_date(year, month, day or 1)
        if start is None:
            continue
        end = start if day else safe_date(year, month, calendar.monthrange(year, month)[1])
        candidates.append((year, start, end or start))
    if not candidates:
        return None
    if direction == "past":
        fits = [c for c in candidates if c[1] <= anchor]
        return max(fits, key=lambda c: c[1])[0] if fits else None
    if direction == "future":
        fits = [c for c in candidates if c[2] >= anchor]
        return min(fits, key=lambda c: c[1])[0] if fits else None

    def distance(c: tuple[int, date, date]) -> int:
        if c[1] <= anchor <= c[2]:
            return 0
        return min(abs((c[1] - anchor).days), abs((c[2] - anchor).days))

    return min(candidates, key=lambda c: (distance(c), c[1] > anchor))[0]


def weekday_date(anchor: date, weekday: int, direction: Direction, step: int | None = None) -> date:
    """The day named by a weekday (1 = Monday) relative to the anchor.

    ``step`` -1 (``last Friday``) is strictly before, +1 (``next Friday``) strictly after,
    0 (``this Friday``) the one of the anchor's week. Without a step the anchor itself when the
    weekday matches, else the nearest one when the direction is "near", else the previous one
    unless the direction is future.
    """
    today = anchor.isoweekday()
    if step == 0:
        return anchor + timedelta(days=weekday - today)
    if step is None and weekday == today:
        return anchor
    if step is None and direction == "near":
        ahead = (weekday - today) % 7
        return anchor + timedelta(days=ahead) if ahead < 7 - ahead else anchor - timedelta(days=7 - ahead)
    if step == 1 or (step is None and direction == "future"):
        return anchor + timedelta(days=(weekday - today) % 7 or 7)
    return anchor - timedelta(days=(today - weekday) % 7 or 7)


def nth_weekday(year: int, month: int, weekday: int, n: int, after_day: int = 0) -> date | None:
    """The n-th given weekday (1 = Monday) of a month after ``after_day``; n = -1 the last."""
    days = [d for d in range(after_day + 1, calendar.monthrange(year, month)[1] + 1)
            if date(year, month, d).isoweekday() == weekday]
    if not days or n == 0 or abs(n) > len(days):
        return None
    return date(year, month, days[n - 1] if n > 0 else days[n])


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def number_value(amount: float | None) -> str:
    """A duration amount as TimeML writes it: ``3``, ``2.5``, ``X`` for an unknown amount."""
    if amount is None:
        return "X"
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


_SMALLER = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "M"), "W": (7, "D")}


def duration_value(amount: float | None, code: str, time_unit: bool) -> str:
    """An ISO 8601 duration: ``P3W``, ``PT16H``, ``P2Y6M``, ``PXY`` (TimeML adds ``P2Q``)."""
    prefix = "PT" if time_unit else "P"
    if amount is not None and not float(amount).is_integer() and time_unit and code == "M":
        whole, seconds = int(amount), round((amount - int(amount)) * 60)  # minutes, not months
        return f"PT{whole}M{seconds}S" if whole else f"PT{seconds}S"
    if amount is not None and not float(amount).is_integer() and code in _SMALLER:
        whole = int(amount)
        factor, smaller = _SMALLER[code]
        rest = round((amount - whole) * factor)
        if code == "D":
            return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
        if code == "H":
            return f"PT{whole}H{rest}M" if whole else f"PT{rest}M"
        return (f"P{whole}{code}{rest}{smaller}" if whole else f"P{rest}{smaller}")
    return f"{prefix}{number_value(amount)}{code}"
