"""What a filter value may be: one check per kind of filter, shared by the queries, the CLI and the API.

Each check returns the value in its normal form (codes in capitals, statuses in lower case) or raises
:class:`~dateline.errors.InvalidFilterError`, whose message says what is accepted. The queries run
every filter through these checks, so the same value is judged the same way by ``dateline events
--type BOMBING`` and ``GET /api/events?type=BOMBING``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import get_args

from ..errors import InvalidFilterError
from ..knowledge.plover import PLOVER_TYPES
from ..records import EventStatus

__all__ = ["check_date", "check_codes", "check_types", "check_statuses", "check_text", "check_offset",
           "check_limit", "check_quads", "check_confidence", "STATUSES", "MAX_TEXT_CHARS", "MAX_OFFSET", "MAX_ITEMS"]

#: The statuses an event can have (FORMAT.md).
STATUSES: tuple[str, ...] = get_args(EventStatus)
#: The longest text filter (speaker, name, search, id) in characters.
MAX_TEXT_CHARS = 1000
#: The largest offset SQLite can take (a signed 64-bit integer).
MAX_OFFSET = 2**63 - 1
#: The most values in one comma-separated filter.
MAX_ITEMS = 50

_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})(?P<time>[T ][0-9:.+\-Z]*)?)?)?")
_CODE = re.compile(r"[A-Z]{3}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _items(value: str | Sequence[str] | None, parameter: str) -> list[str]:
    if value is None:
        return []
    raw = value.split(",") if isinstance(value, str) else list(value)
    items = [str(v).strip() for v in raw if v is not None and str(v).strip()]
    if len(items) > MAX_ITEMS:
        raise InvalidFilterError(parameter, f"{len(items)} values given, at most {MAX_ITEMS} are allowed")
    return items


def check_date(value: str, parameter: str = "date") -> str:
    """An ISO date of any precision (``2019``, ``2019-10``, ``2019-10-14``, with a time) that exists."""
    text = str(value).strip()
    match = _ISO.fullmatch(text)
    problem = None
    if match is None:
        problem = f"{text[:40]!r} is not an ISO date: write it as 2019, 2019-10 or 2019-10-14"
    else:
        year, month, day = (int(match.group(k)) if match.group(k) else None for k in ("year", "month", "day"))
        try:
            dt.date(year or 1, month or 1, day or 1)
            if not year:
                raise ValueError("year 0")
        except ValueError:
            problem = f"{text!r} is not a date in the calendar: write it as 2019, 2019-10 or 2019-10-14"
    if problem:
        raise InvalidFilterError(parameter, problem)
    return text


def check_codes(value: str | Sequence[str] | None, parameter: str = "country", *,
                what: str = "country") -> str | None:
    """Three-letter codes, comma-separated: ISO 3166 alpha-3 countries (and IGO, UNO ...) or sectors."""
    codes = [c.upper() for c in _items(value, parameter)]
    for code in codes:
        if not _CODE.fullmatch(code):
            if what == "sector":
                hint = "use three-letter PLOVER sector codes such as GOV, MIL, REB or CVL"
            else:
                hint = "use ISO 3166 alpha-3 codes such as RUS, or IGO, UNO, EUR, NGO for international actors"
            raise InvalidFilterError(parameter, f"{code[:40]!r} is not a {what} code: {hint}")
    return ",".join(codes) or None


def check_types(value: str | Sequence[str] | None, parameter: str = "type") -> str | None:
    """PLOVER event types, comma-separated, in any case."""
    types = [t.upper() for t in _items(value, parameter)]
    for type_ in types:
        if type_ not in PLOVER_TYPES:
            raise InvalidFilterError(parameter, f"{type_[:40]!r} is not a PLOVER event type: choose from "
                                                f"{', '.join(PLOVER_TYPES)}")
    return ",".join(types) or None


def check_statuses(value: str | Sequence[str] | None, parameter: str = "status") -> str | None:
    """Event statuses, comma-separated, in any case."""
    statuses = [s.lower() for s in _items(value, parameter)]
    for status in statuses:
        if status not in STATUSES:
            raise InvalidFilterError(parameter, f"{status[:40]!r} is not an event status: choose from "
                                                f"{', '.join(STATUSES)}")
    return ",".join(statuses) or None


def check_text(value: str | None, parameter: str = "search") -> str | None:
    """A text to search for or match: at most MAX_TEXT_CHARS characters, no control characters."""
    if value is None:
        return None
    text = str(value)
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidFilterError(parameter, f"{len(text):,} characters is too long: at most {MAX_TEXT_CHARS:,}")
    if _CONTROL.search(text):
        raise InvalidFilterError(parameter, "contains a control character (such as NUL): remove it")
    return text


def check_offset(value: int | None, parameter: str = "offset") -> int:
    """Rows to skip: a whole number from 0 to 2**63 - 1."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_OFFSET:
        raise InvalidFilterError(parameter, f"{str(value)[:40]} is out of range: give a whole number from 0 "
                                            f"to {MAX_OFFSET}")
    return value


def check_limit(value: int | None, parameter: str = "limit") -> int | None:
    """Rows to return: None or 0 (or less) for all, else at most 2**63 - 1."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value > MAX_OFFSET:
        raise InvalidFilterError(parameter, f"{str(value)[:40]} is out of range: give a whole number up to "
                                            f"{MAX_OFFSET}, or 0 for every row")
    return value


def check_quads(value: str | Sequence[str] | int | None, parameter: str = "quad") -> str | None:
    """QuadClasses, comma-separated: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    4 material conflict."""
    items = _items(str(value) if isinstance(value, int) else value, parameter)
    for item in items:
        if item not in ("1", "2", "3", "4"):
            raise InvalidFilterError(parameter, f"{item[:40]!r} is not a QuadClass: choose from 1 (verbal "
                                                "cooperation), 2 (material cooperation), 3 (verbal conflict), "
                                                "4 (material conflict)")
    return ",".join(items) or None


def check_confidence(value: float | str | None, parameter: str = "min_confidence") -> float | None:
    """A confidence bound: a number from 0 to 1."""
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidFilterError(parameter, f"{str(value)[:40]!r} is not a number: give one from 0 to 1") from None
    if not 0.0 <= number <= 1.0:
        raise InvalidFilterError(parameter, f"{number} is out of range: give a number from 0 to 1")
    return number
