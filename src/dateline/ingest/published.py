"""The publication date a story gives itself when its metadata does not: the year in its dateline
(``WASHINGTON, Dec. 3, 2021 (UPI) --``), or a time stamp in its head, alone or with a byline
(``By Anna Kowalska | January 27, 2022 4:12 PM UTC``, ``Published: 3 October 2023, 14:05``,
``Source: Xinhua | 2023-03-04 18:22:15 | Editor: Li``).

A stamp line must consist of nothing but stamps, bylines, credits and times, so a sentence that
mentions a date ("The initiative was signed in July 2022") is never read as one. A month and day
without a year (``MOSCOW, October 3. /TASS/.``) gives no date: the year is not guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..knowledge.cache import SHARED
from ..knowledge.wire import WireKnowledge
from ..records import Layout
from .datelines import SEARCH_CHARS, SEARCH_LINES
from .lines import split_lines

__all__ = ["publication_date", "stamp_date", "is_stamp_line"]

STAMP_MAX_CHARS = 160
_SEPARATORS = re.compile(r"\s*(?:\||·|•|\s/\s|\s—\s|\s–\s)\s*")
_WEEKDAYS = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+"
_TIME = (r"(?:(?:,|\s+at|\s*-)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
         r"(?:\s*\(?(?:[A-Z]{2,5}(?:[+\-]\d{1,2}(?::?\d{2})?)?|[+\-]\d{2}:?\d{2})\)?)?)")


@dataclass(frozen=True, slots=True)
class _Patterns:
    date_segment: re.Pattern[str]
    byline_segment: re.Pattern[str]
    other_segment: re.Pattern[str]


def _patterns(knowledge: WireKnowledge) -> _Patterns:
    months = "|".join(sorted((re.escape(m) for m in knowledge.months), key=len, reverse=True))
    labels = "|".join(sorted((re.escape(x).replace(r"\ ", r"\s+") for x in knowledge.date_labels),
                             key=len, reverse=True)) or "(?!)"
    date = (rf"(?:(?P<month>{months})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
            rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{months})\.?,?\s+(?P<year2>\d{{4}})"
            rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?:T\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+\-]\d{{2}}:?\d{{2}})?)?)")
    stamp = rf"(?:(?:{labels})\s*:?\s*)?(?:{_WEEKDAYS})?{date}(?:{_TIME})?\.?"
    openers = "|".join(sorted((re.escape(o).replace(r"\ ", r"\s+") for o in knowledge.byline_openers),
                              key=len, reverse=True)) or "(?!)"
    byline = rf"(?:{openers})\s+[^\W\d_][^|\d]{{0,80}}?(?:(?:,\s*|\s+)(?P<stamp>{stamp}))?"
    agencies = "|".join(sorted((re.escape(a).replace(r"\ ", r"\s+") for a in knowledge.agencies),
                               key=len, reverse=True)) or "(?!)"
    other = (rf"(?:(?:Source|Editor|Credit|Reporting|Writing|Editing)\s*:\s*[^\W\d_][^|\d]{{0,40}}"
             rf"|(?:{agencies})|{_TIME.replace('(?:,|', '(?:')})")
    flags = re.IGNORECASE
    return _Patterns(date_segment=re.compile(stamp, flags), byline_segment=re.compile(byline, flags),
                     other_segment=re.compile(other, flags))


def _date_of(match: re.Match[str], knowledge: WireKnowledge) -> str | None:
    if match.group("iso"):
        text = match.group("iso")
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    month = knowledge.month(match.group("month") or match.group("month2"))
    day = int(match.group("day") or match.group("day2"))
    year = int(match.group("year") or match.group("year2"))
    if month is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def stamp_date(line: str, knowledge: WireKnowledge | None = None) -> str | None:
    """The first date of a stamp line (see the module), or None when ``line`` is not one."""
    knowledge = knowledge or SHARED.wire()
    patterns = knowledge.derived(__name__, _patterns)
    line = line.strip()
    if not line or len(line) > STAMP_MAX_CHARS:
        return None
    found: str | None = None
    dated = False
    for segment in _SEPARATORS.split(line):
        segment = segment.strip(" ,;")
        if not segment:
            continue
        match = patterns.date_segment.fullmatch(segment)
        if match is None:
            byline = patterns.byline_segment.fullmatch(segment)
            if byline is not None and byline.group("stamp"):
                match = patterns.date_segment.fullmatch(byline.group("stamp"))
            elif byline is None and patterns.other_segment.fullmatch(segment) is None:
                return None  # a segment that is neither stamp, byline nor credit: not a stamp line
        if match is not None:
            date = _date_of(match, knowledge)
            if date is None:
                return None
            dated = True
            found = found or date
    return found if dated else None


def is_stamp_line(line: str, knowledge: WireKnowledge | None = None) -> bool:
    """Whether ``line`` is a time stamp (with bylines or credits) that gives a date."""
    return stamp_date(line, knowledge) is not None


def publication_date(text: str, layout: Layout, knowledge: WireKnowledge | None = None) -> str | None:
    """The date ``text`` gives for itself: its dateline's full date, else the first stamp line
    among its opening lines (before the body, or the first line of a story without a dateline)."""
    knowledge = knowledge or SHARED.wire()
    if layout.dateline is not None and layout.dateline.date:
        return layout.dateline.date
    head_end = layout.dateline.start if layout.dateline is not None else SEARCH_CHARS
    for line in split_lines(text[:SEARCH_CHARS])[:SEARCH_LINES]:
        if line.start >= head_end:
            break
        date = stamp_date(line.text, knowledge)
        if date is not None:
            return date
    return None
