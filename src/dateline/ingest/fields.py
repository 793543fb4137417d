"""The fields of an input record, checked the same way on every path (files, Python API, HTTP API).

``id`` is a string (an integer is taken as its JSON text); ``published`` is read into
``YYYY-MM-DD``; no field may hold a lone surrogate (JSON's ``"\\ud800"``), which no UTF-8 file,
stream or database can hold.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
from typing import Any

from ..errors import BadDateError, BadIdError, InvalidUnicodeError

__all__ = ["lone_surrogate_at", "check_unicode", "id_text", "normalise_published", "published_date", "printable"]

log = logging.getLogger(__name__)

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y",
                 "%B %d %Y", "%b %d %Y", "%d.%m.%Y")


def lone_surrogate_at(text: str) -> int | None:
    """The position of the first lone surrogate in ``text``, or None when it is proper Unicode."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def check_unicode(value: str | None, field: str) -> None:
    """Raise :class:`InvalidUnicodeError` when a field holds a lone surrogate."""
    if value is None:
        return
    at = lone_surrogate_at(value)
    if at is not None:
        raise InvalidUnicodeError(
            f"the field {field!r} holds a lone surrogate ({printable(value[at])}) at character {at:,}: "
            f"it is not valid Unicode and cannot be stored; fix the escape in the input (JSON \"\\ud800\" "
            f"needs its pair, as in \"\\ud83d\\ude00\")")


def printable(value: str) -> str:
    """``value`` with lone surrogates written as backslash escapes (safe to print and to store)."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def id_text(value: Any) -> str | None:
    """An article id as text: a string (stripped; empty means none) or an integer (its JSON text).

    Raises :class:`BadIdError` for anything else (a number with a fraction, a boolean, a list, an
    object), whose Python text would not be the id the input meant.
    """
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    kind = {bool: "a boolean", float: "a number with a fraction", list: "a list", dict: "an object"}.get(
        type(value), f"a {type(value).__name__}")
    raise BadIdError(f"the 'id' is {kind} ({printable(repr(value))[:60]}): give each record a string id "
                     f"(or an integer), or leave it out to have one made from the text")


def _read_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` for a date, datetime or written date; None when it cannot be read."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str):
        return None
    written = value.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}(?:$|[T ])", written):
        try:
            return dt.date.fromisoformat(written[:10]).isoformat()
        except ValueError:
            pass
    try:
        return dt.datetime.fromisoformat(written).date().isoformat()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(written, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return email.utils.parsedate_to_datetime(written).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def normalise_published(value: Any, *, origin: str = "") -> str | None:
    """``YYYY-MM-DD`` for a parseable date or datetime, else None (logged): the readers' rule."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    found = _read_date(value)
    if found is None:
        log.warning("%s: published date %r is not a date I can read; leaving it empty", origin or "input", value)
    return found


def published_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` read as the readers read it; raises :class:`BadDateError` when it cannot be read.

    The Python and HTTP APIs use this: a date the caller gave and dateline cannot read is an
    error, never passed on as it was written.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    found = _read_date(value)
    if found is None:
        shown = printable(value if isinstance(value, str) else repr(value))[:60]
        raise BadDateError(f"the published date {shown!r} is not a date dateline can read: give it as "
                           f"YYYY-MM-DD (2019-10-14), an ISO datetime, '14 October 2019', 'October 14, 2019' "
                           f"or an RFC 2822 date")
    return found
