"""Times counted from an event the story told earlier: "6 a.m. ten days before the shooting",
"the day after his death".

The event's day is the day of the last expression found before the match that dates the same
event: one governed by a verb of the noun's family ("was shot to death last Oct. 23" for "the
shooting") or one that premodifies such a noun ("the Oct. 23 killing"). A noun in -ing finds its
own verb ("shooting": shoot); others are listed in the lexicon's ``event_nouns``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from ...knowledge.time_lexicon import TimeLexicon, TimeRule
from ...records import TimeExpr
from .calendar import granularity, value_date
from .context import Groups, NormContext, Normalized, amount_of
from .tense import governing_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["event_relative", "event_words", "lazy_event_noun_day"]

_UNIT_DAYS = {"day": 1, "night": 1, "week": 7}


def event_words(noun: str, lexicon: TimeLexicon) -> frozenset[str]:
    """The lemmas that tell the event a noun names: the noun, its verb when it ends in -ing, and
    the lexicon's ``event_nouns`` entry."""
    word = noun.lower()
    words = {word}
    if word.endswith("ing") and len(word) > 5:
        words.add(word[:-3])
    listed = lexicon.lookup("event_nouns", word)
    if isinstance(listed, list):
        words.update(str(w).lower() for w in listed)
    return frozenset(words)


def lazy_event_noun_day(doc: "Doc", start: int, found: Sequence[TimeExpr], anchor: str | None,
                        lexicon: TimeLexicon) -> Callable[[str], str | None]:
    """A function giving the day (not after ``anchor``) of the event a noun names, from the
    expressions found before ``start``; worked out only when a normalizer asks."""

    def heads(t: TimeExpr) -> set[str]:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return set()
        lemmas = {span.root.head.lemma_.lower(), span.root.head.text.lower()}
        verb = governing_verb(doc, t.start, t.end)
        if verb is not None:
            lemmas.add(verb.lemma_.lower())
        return lemmas

    def event_day(noun: str) -> str | None:
        """The day, or None when no earlier expression dates that event."""
        words = event_words(noun, lexicon)
        for t in reversed(found):
            day = t.value[:10] if t.value else None
            if t.start >= start or day is None or granularity(day) != "day":
                continue
            if anchor is not None and day > anchor:
                continue
            if heads(t) & words:
                return day
        return None

    return event_day


def event_relative(groups: Groups, rule: TimeRule, ctx: NormContext) -> Normalized | None:
    """A day (or a clock time on it) counted in days or weeks from an event told earlier:
    ``6 a.m. ten days before the shooting`` → ``1998-10-13T06:00``; the value is unknown (None)
    when the story never dated that event."""
    unit = _UNIT_DAYS.get((groups.get("unit") or "").lower())
    amount = amount_of(groups.get("num") or "1", ctx.lexicon)
    if unit is None or amount is None or not float(amount).is_integer():
        return None
    clock = _clock_of(groups)
    kind = "TIME" if clock else "DATE"
    day = value_date(ctx.event_noun_day(groups.get("event") or ""))
    if day is None:
        return None, kind
    sign = -1 if (groups.get("dir") or "").lower() == "before" else 1
    shifted = (day + timedelta(days=sign * unit * int(amount))).isoformat()
    return (f"{shifted}T{clock}" if clock else shifted), kind


def _clock_of(groups: Groups) -> str | None:
    """``HH:MM`` of the match's clock groups, or None without them."""
    hour_text = groups.get("hour")
    if not hour_text:
        return None
    hour, minute = int(hour_text), int(groups.get("minute") or 0)
    marker = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if marker == "pm" and hour < 12:
        hour += 12
    elif marker == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 else None
