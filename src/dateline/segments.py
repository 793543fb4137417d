"""Long articles in segments: cut at paragraph breaks, each parsed on its own, offsets kept.

spaCy's cost and memory grow faster than the length of one document (a 1,000,000-character
article took 3.2 GB and minutes as a single Doc). An article longer than
``Settings.segment_chars`` is therefore cut into consecutive pieces of at most that many
characters, each ending at a paragraph break where there is one (else a line break, a sentence
end, a space). Each piece is parsed and analysed with the layout seen through a window on it, and
its records are shifted back into the article, so every offset still points into the input text.
"""

from __future__ import annotations

import re

from .offsets import shift_offsets
from .records import Dateline, Layout, Span, Zone

__all__ = ["segment_bounds", "layout_window"]

# Where a segment may end, best first; each match ends where the next segment starts.
_BREAKS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),      # a blank line
    re.compile(r"\n\s*"),                    # a line break
    re.compile(r"[.!?…][\"”’')\]]*\s+"),     # a sentence end
    re.compile(r"\s+"),                      # a space
)


def _cut(text: str, start: int, limit: int) -> int:
    """Where the segment that begins at ``start`` ends: the last good break in its second half."""
    hi = start + limit
    lo = start + limit // 2
    for pattern in _BREAKS:
        last = None
        for match in pattern.finditer(text, lo, hi):
            if lo < match.end() <= hi:
                last = match.end()
        if last is not None:
            return last
    return hi


def segment_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` pieces that cover ``text``, none longer than ``limit`` characters.

    A text of at most ``limit`` characters is one piece.

    >>> segment_bounds("aaa\\n\\nbbb\\n\\nccc", 6)
    [(0, 5), (5, 10), (10, 13)]
    """
    if limit < 2:
        raise ValueError(f"a segment needs at least 2 characters, not {limit}")
    bounds = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, limit)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _span(span: Span | None, start: int, end: int) -> Span | None:
    if span is None or span.start < start or span.end > end:
        return None
    return shift_offsets(span, -start)


def layout_window(layout: Layout, start: int, end: int) -> Layout:
    """The layout of ``text[start:end]`` in that piece's own offsets.

    Zones are clipped to the window; the title, standfirst lines and dateline are kept only in the
    window that holds them whole; the body is clipped.
    """
    zones = tuple(Zone(z.kind, max(z.start, start) - start, min(z.end, end) - start)
                  for z in layout.zones if z.start < end and start < z.end)
    dateline: Dateline | None = None
    if layout.dateline is not None and start <= layout.dateline.start and layout.dateline.end <= end:
        dateline = shift_offsets(layout.dateline, -start)
    body: Span | None = None
    if layout.body is not None and layout.body.start < end and start < layout.body.end:
        a, b = max(layout.body.start, start), min(layout.body.end, end)
        body = Span(a - start, b - start, layout.body.text[a - layout.body.start:b - layout.body.start])
    standfirst = tuple(s for s in (_span(s, start, end) for s in layout.standfirst) if s is not None)
    return Layout(zones=zones, title=_span(layout.title, start, end), standfirst=standfirst,
                  dateline=dateline, body=body)
