"""Wire datelines: ``RIYADH, October 14. /TASS/.``, ``MOSCOW (Reuters) -``, ``NAIROBI, Kenya (AP) _``.

A dateline is a place (usually in capitals), an optional region, an optional month and day, an
optional agency in parentheses or slashes, and a dash. Its date takes the year from the
publication date (the year that puts it nearest); without a publication date it has none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..knowledge.cache import SHARED
from ..knowledge.wire import WireKnowledge
from ..records import Dateline, Span

__all__ = ["find_dateline", "dateline_date", "normal_place", "SEARCH_CHARS", "SEARCH_LINES"]

SEARCH_CHARS = 2000  # a dateline starts within the first SEARCH_CHARS characters ...
SEARCH_LINES = 15    # ... and within the first SEARCH_LINES non-empty lines
PROSE_CHARS = 300    # after a line this long, only a dateline naming a known agency counts

_WORD = r"[^\W\d_](?:[^\W\d_]|['’&\-](?=[^\W\d_])|\.(?=[^\W\d_]))*\.?"
_DASH = r"(?:--+|—|–|―|-(?=\s|$)|_(?=\s|$))"


@dataclass(frozen=True, slots=True)
class _Patterns:
    dateline: re.Pattern[str]
    agency_only: re.Pattern[str]


def _patterns(knowledge: WireKnowledge) -> _Patterns:
    months = "|".join(sorted((re.escape(m) for m in knowledge.months), key=len, reverse=True))
    date = (rf"(?:(?P<month>(?i:{months}))\.?[ \t]+(?P<day>\d{{1,2}})(?!\d)"          # March 4
            rf"|(?P<day2>\d{{1,2}})[ \t]+(?P<month2>(?i:{months}))\b\.?)"              # 4 March
            rf"(?:,?[ \t]+(?P<year>\d{{4}}))?")
    agency = r"(?:/[ \t]*(?P<slash>[^/\n]{1,30}?)[ \t]*/\.?|\((?P<paren>[^()\n]{1,40})\))"
    pattern = rf"""
        (?P<place>{_WORD}(?:[ \t]+{_WORD}){{0,3}})
        (?:,[ \t]*(?P<region>{_WORD}(?:[ \t]+{_WORD}){{0,2}}))?
        (?:(?P<sep>[,.])[ \t]*{date})?
        (?:
            [ \t]*\.?[ \t]*{agency}[ \t]*\.?(?:[ \t]*(?P<dash1>{_DASH}))?
          | [ \t]*(?P<dash2>{_DASH})
        )
    """
    agency_only = rf"\((?P<paren>[^()\n]{{1,40}})\)[ \t]*(?P<dash1>{_DASH})"  # "(Reuters) - Apple said"
    return _Patterns(dateline=re.compile(pattern, re.VERBOSE), agency_only=re.compile(agency_only))


def _letters(word: str) -> str:
    return "".join(c for c in word if c.isalpha())


def _is_caps(words: list[str]) -> bool:
    return all(w.upper() == w and _letters(w) for w in words)


def _is_title(words: list[str], particles: frozenset[str]) -> bool:
    """Words in normal case ("Dar es Salaam", "N.J."), with no all-capital word among them."""
    if not words or not words[0][:1].isupper():
        return False
    for w in words:
        letters = _letters(w)
        if len(letters) > 1 and letters.isupper() and "." not in w:
            return False  # "Associated Press WASHINGTON"
        if not (w[:1].isupper() or w.lower() in particles):
            return False
    return True


def _plausible_words(words: list[str]) -> bool:
    """No word but the last ends a sentence ("By Nate Raymond. BOSTON")."""
    for w in words[:-1]:
        if w.endswith(".") and len(_letters(w)) > 3 and "." not in w[:-1]:
            return False
    return True


def normal_place(written: str, knowledge: WireKnowledge | None = None) -> str:
    """A place in normal case: "RIYADH" → "Riyadh", "DAR ES SALAAM" → "Dar es Salaam"."""
    knowledge = knowledge or SHARED.wire()
    written = " ".join(written.split())
    if written.upper() != written:
        return written
    if written in knowledge.place_spellings:
        return knowledge.place_spellings[written]
    words = []
    for i, word in enumerate(written.split(" ")):
        lower = word.lower()
        if i and lower in knowledge.place_particles:
            words.append(lower)
        else:
            words.append(re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word))
    return " ".join(words)


def dateline_date(month: int, day: int, published: str | None, year: int | None = None) -> str | None:
    """ISO date of a dateline's month and day; the year is given or the one nearest ``published``."""
    if year is not None:
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    if not published:
        return None
    try:
        anchor = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    best: dt.date | None = None
    for candidate_year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(candidate_year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - anchor).days) < abs((best - anchor).days):
            best = candidate
    return best.isoformat() if best else None


def _dash(match: re.Match[str]) -> bool:
    return bool(match.group("dash1") or match.group("dash2"))


def _agency(match: re.Match[str], knowledge: WireKnowledge) -> tuple[str | None, bool]:
    """The agency named in a dateline and whether it is a known one."""
    written = match.group("slash") or match.group("paren")
    if written is None:
        return None, False
    written = " ".join(written.split())
    known = knowledge.agency_name(written)
    if known:
        return known, True
    words = written.split(" ")
    if len(words) <= 4 and written[:1].isalpha() and not any(c.isdigit() for c in written):
        return written, False
    return None, False


def _accept(match: re.Match[str], at_line_start: bool, knowledge: WireKnowledge,
            prose_before: bool = False) -> tuple[bool, str | None]:
    """Whether a pattern match is a dateline, and its agency.

    ``prose_before``: a long paragraph precedes the match, so only a dateline naming a known
    agency is believed there.
    """
    place_words = match.group("place").split()
    if " ".join(place_words).upper() in knowledge.not_places:
        return False, None
    if any(re.search(r"['’][sS]$", w) for w in place_words):
        return False, None
    caps = _is_caps(place_words)
    if not _plausible_words(place_words):
        return False, None
    if not caps and not _is_title(place_words, knowledge.place_particles):
        return False, None
    has_agency_group = match.group("slash") is not None or match.group("paren") is not None
    agency, known = _agency(match, knowledge)
    if has_agency_group and (agency is None or not (known or _dash(match))):
        return False, None
    has_date = (match.group("month") or match.group("month2")) is not None
    region = match.group("region")
    if region:
        region_words = region.split()
        if knowledge.agency_name(region) and not agency and not has_date:
            agency, known = knowledge.agency_name(region), True  # "Moscow, SANA -"
        elif _is_caps(region_words) and any(len(w.strip(".")) > 3 for w in region_words) and not known:
            return False, None
        elif not _is_caps(region_words) and not _is_title(region_words, knowledge.place_particles):
            return False, None
    if prose_before and not known:
        return False, None
    if caps:
        if agency or has_date:
            return at_line_start or known, agency
        # "WASHINGTON _", "CHARLOTTE -"; not a short shout such as "NO - we will not".
        return at_line_start and len(_letters("".join(place_words))) >= 3, None
    # A place in normal case needs a date or a known agency, and the start of a line.
    return at_line_start and (has_date or known), agency


def _candidate_starts(text: str, limit: int) -> list[tuple[int, bool, bool]]:
    """Word starts where a dateline may begin: (offset, begins a line, a long paragraph precedes)."""
    line_starts: list[int] = []
    for m in re.finditer(r"(?m)^[ \t\f\v\r]*(?=\S)", text[:limit]):
        if len(line_starts) == SEARCH_LINES:
            limit = m.end()
            break
        line_starts.append(m.end())
    candidates = {pos: True for pos in line_starts}
    for m in re.finditer(r"(?<=[\s(\[|])[^\W\d_]", text[:limit]):
        candidates.setdefault(m.start(), False)
    long_lines = [m.start() for m in re.finditer(rf"(?m)^[^\n]{{{PROSE_CHARS + 1},}}", text[:limit])]
    first_long_end = text.find("\n", long_lines[0]) if long_lines else -1
    out = []
    for pos in sorted(candidates):
        if pos < limit:
            out.append((pos, candidates[pos], 0 <= first_long_end < pos))
    return out


def _agency_only(text: str, pos: int, patterns: _Patterns, knowledge: WireKnowledge,
                 skip: tuple[tuple[int, int], ...]) -> Dateline | None:
    """A lead that names only a known agency: ``(Reuters) -``."""
    match = patterns.agency_only.match(text, pos)
    if match is None:
        return None
    agency = knowledge.agency_name(match.group("paren"))
    if agency is None or any(a < match.end() and pos < b for a, b in skip):
        return None
    return Dateline(start=pos, end=match.end(), text=match.group(0), place=None, date=None, agency=agency)


def find_dateline(text: str, *, published: str | None = None, knowledge: WireKnowledge | None = None,
                  skip: tuple[tuple[int, int], ...] = ()) -> Dateline | None:
    """The first wire dateline in the opening lines of ``text``, or None.

    ``skip`` lists (start, end) regions (navigation, captions) where no dateline may start.
    """
    knowledge = knowledge or SHARED.wire()
    patterns = knowledge.derived(__name__, _patterns)
    for pos, at_line_start, prose_before in _candidate_starts(text, SEARCH_CHARS):
        if any(a <= pos < b for a, b in skip):
            continue
        if at_line_start and text.startswith("(", pos) and not prose_before:
            found = _agency_only(text, pos, patterns, knowledge, skip)
            if found is not None:
                return found
        match = patterns.dateline.match(text, pos)
        if match is None:
            continue
        ok, agency = _accept(match, at_line_start, knowledge, prose_before)
        if not ok:
            continue
        end = match.end()
        while end > pos and text[end - 1].isspace():
            end -= 1
        if any(a < end and pos < b for a, b in skip):
            continue
        place_written = " ".join(match.group("place").split())
        date = None
        month_written = match.group("month") or match.group("month2")
        if month_written:
            month = knowledge.month(month_written)
            day = int(match.group("day") or match.group("day2"))
            year = int(match.group("year")) if match.group("year") else None
            if month is not None:
                date = dateline_date(month, day, published, year)
        place_end = match.end("place")
        return Dateline(start=pos, end=end, text=text[pos:end], place=normal_place(place_written, knowledge),
                        date=date, agency=agency,
                        place_span=Span(pos, place_end, text[pos:place_end]))
    return None
