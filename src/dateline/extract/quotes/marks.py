"""Quoted stretches of text: pairing quotation marks robustly.

Straight and curly marks are told apart by what stands beside them (an opening mark follows a
space or the start of a line and precedes a word). A quote that runs over several paragraphs
(an opening mark on each paragraph, no closing mark until the last) is one stretch. A mark left
open ends at its paragraph, so a stray mark never swallows the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...knowledge.quote_cues import QuoteCues

__all__ = ["QuotedStretch", "find_quoted", "paragraph_breaks"]

_OPENERS_BEFORE = set("([{—–-/:;\u00a0")
# A markup tag kept in the text ('<tweet id="74796" author="@x">'): the marks inside it delimit
# attribute values, not quotations.
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>\n]*)?/?>")
_CLOSERS_AFTER = set(".,;:!?)]}—–-…")


@dataclass(frozen=True, slots=True)
class QuotedStretch:
    """Text between quotation marks: ``start``/``end`` exclude the marks themselves.

    ``open_mark`` is the offset of the opening mark, ``close_mark`` that of the closing one
    (None when the quote was left open and ended at its paragraph). ``paragraphs`` counts the
    paragraphs the quote runs over.
    """

    open_mark: int
    close_mark: int | None
    start: int
    end: int
    paragraphs: int = 1
    close_width: int = 1

    @property
    def outer_end(self) -> int:
        """The end offset including the closing mark, if any."""
        return self.close_mark + self.close_width if self.close_mark is not None else self.end


def paragraph_breaks(text: str) -> list[int]:
    """Offsets of line breaks that end a paragraph (not those inside a wrapped sentence)."""
    out = []
    n = len(text)
    i = text.find("\n")
    while i >= 0:
        j = i + 1
        while j < n and text[j] in " \t\r\n\u00a0":
            j += 1
        if not (j < n and text[j].islower()):
            out.append(i)
        i = text.find("\n", i + 1)
    return out


def _direction(text: str, i: int, ch: str, cues: QuoteCues, opens: frozenset[str],
               closes: frozenset[str]) -> str | None:
    """'open', 'close' or None (ambivalent) for the mark ``ch`` at ``i``."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + len(ch)] if i + len(ch) < len(text) else "\n"
    marks = {m[0] for m in opens | closes | cues.both_marks}
    can_open = (not nxt.isspace()) and (prev.isspace() or prev in _OPENERS_BEFORE or prev in marks)
    can_close = (not prev.isspace()) and (nxt.isspace() or nxt in _CLOSERS_AFTER or nxt in marks)
    if ch in opens:
        return "close" if can_close and not can_open else "open"
    if ch in closes:
        return "open" if can_open and not can_close else "close"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return None


def _mark_pattern(long_marks: tuple[str, ...], single_marks: str) -> re.Pattern[str]:
    """A regex finding the next quotation mark: the longer marks first (in the order given),
    then any single-character one; it never matches the empty string (``re`` keeps the compiled
    pattern)."""
    parts = [re.escape(m) for m in long_marks]
    if single_marks:
        parts.append("[" + "".join(re.escape(c) for c in single_marks) + "]")
    return re.compile("|".join(parts) if parts else "(?!x)x")


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _tags(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The markup tags between ``start`` and ``end`` (as offsets), whose marks quote nothing."""
    if "<" not in text[start:end]:
        return []
    return [m.span() for m in _TAG.finditer(text, start, end)]


def find_quoted(text: str, cues: QuoteCues, *, start: int = 0, end: int | None = None) -> list[QuotedStretch]:
    """Every quoted stretch between ``start`` and ``end``, in text order."""
    end = len(text) if end is None else end
    opens, closes = cues.open_marks, cues.close_marks
    if not any(ch in text[start:end] for ch in opens | closes | cues.both_marks):
        opens, closes = cues.single_open, cues.single_close
    all_marks = opens | closes | cues.both_marks
    breaks = [b for b in paragraph_breaks(text) if start <= b < end]
    events: list[tuple[int, str, int]] = [(b, "break", 1) for b in breaks]
    long_marks = sorted((m for m in all_marks if len(m) > 1), key=len, reverse=True)
    marks = _mark_pattern(tuple(long_marks), "".join(sorted(m for m in all_marks if len(m) == 1)))
    tags = _tags(text, start, end)
    for found in marks.finditer(text, start):
        i, mark = found.start(), found.group()
        if i >= end:
            break
        if tags and any(a < i < b for a, b in tags):
            continue
        d = _direction(text, i, mark, cues, opens, closes)
        events.append((i, d or "either", len(mark)))
    events.sort()

    out: list[QuotedStretch] = []
    open_at: int | None = None
    open_width = 1
    depth = 0
    paragraphs = 1
    pending_break: int | None = None

    def first_char_after(pos: int) -> int:
        j = pos
        while j < end and text[j].isspace():
            j += 1
        return j

    for pos, kind, width in events:
        if kind == "break":
            if open_at is not None and pending_break is not None and first_char_after(pending_break) < pos:
                # a whole paragraph went by without an opening mark: the quote ended before it
                out.append(QuotedStretch(open_at, None, open_at + open_width,
                                         _trim_end(text, open_at + open_width, pending_break), paragraphs))
                open_at, depth, paragraphs, pending_break = None, 0, 1, None
            elif open_at is not None and pending_break is None:
                pending_break = pos
            continue
        if pending_break is not None and open_at is not None:
            # a mark after a paragraph break while a quote is open: the quote continues only
            # when this paragraph starts with an opening mark
            if first_char_after(pending_break) == pos and kind in ("open", "either"):
                paragraphs += 1
                pending_break = None
                continue
            out.append(QuotedStretch(open_at, None, open_at + open_width, _trim_end(text, open_at + open_width, pending_break),
                                     paragraphs))
            open_at, depth, paragraphs, pending_break = None, 0, 1, None
        if kind == "open" or (kind == "either" and open_at is None):
            if open_at is None:
                open_at, depth, paragraphs, open_width = pos, 1, 1, width
            else:
                depth += 1
        else:  # close, or ambivalent inside a quote
            if open_at is None:
                continue  # a stray closing mark
            depth -= 1
            if depth <= 0:
                out.append(QuotedStretch(open_at, pos, open_at + open_width, pos, paragraphs, width))
                open_at, depth, paragraphs, pending_break = None, 0, 1, None
    if open_at is not None:
        stop = pending_break if pending_break is not None else end
        out.append(QuotedStretch(open_at, None, open_at + open_width, _trim_end(text, open_at + open_width, stop), paragraphs))
    return [q for q in out if q.end > q.start]
