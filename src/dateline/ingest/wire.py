"""Wire layout: navigation, headline, standfirst, captions, credits, dateline and body. (STUB)"""

from __future__ import annotations

from ..records import Layout, Span, Zone


def analyse_layout(text: str, *, published: str | None = None, source: str | None = None,
                   title: str | None = None) -> Layout:
    """Where the parts of the story are (stub: all body)."""
    return Layout(zones=(Zone("body", 0, len(text)),), title=None, standfirst=(), dateline=None,
                  body=Span(0, len(text), text))
