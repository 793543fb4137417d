"""Quotation-mark pairing: straight and curly marks, paragraphs, stray marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.quotes.marks import find_quoted, paragraph_breaks
from dateline.knowledge.cache import SHARED


def stretches(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quoted(text, SHARED.quote_cues())]


@pytest.mark.parametrize("text, expected", [
    ('"We will win," she said.', ["We will win,"]),
    ("“We will win,” she said.", ["We will win,"]),
    ("«Nous gagnerons», a-t-il dit.", ["Nous gagnerons"]),
    ("''We will win,'' she said.", ["We will win,"]),
    ('"One," he said. "Two."', ["One,", "Two."]),
    ("“It is a ‘so-called’ truce,” he said.", ["It is a ‘so-called’ truce,"]),
    # a quote over three paragraphs: an opening mark on each, one closing mark at the end
    ("“First part.\n\n“Second part.\n\n“Third part.”\n\nNarration.",
     ["First part.\n\n“Second part.\n\n“Third part."]),
    # an unclosed mark ends at its paragraph; the next paragraph is read normally
    ("He said “this never closes.\n\nLater “a real one” came.", ["this never closes.", "a real one"]),
    # a stray closing mark is ignored
    ("Nothing here” at all. Then “this”.", ["this"]),
    ("No quotes at all.", []),
    # the marks of a markup tag's attributes quote nothing; a quotation beside the tag still counts
    ('<post id="12" author="@ann" date="2016-06-29">Ann said "we won" today.</post>', ["we won"]),
    ('<p class="lead">"We won," she said.</p>', ["We won,"]),
])
def test_find_quoted(text, expected):
    assert stretches(text) == expected


def test_multi_paragraph_counts_paragraphs():
    text = "“One.\n\n“Two.”"
    (q,) = find_quoted(text, SHARED.quote_cues())
    assert q.paragraphs == 2 and q.close_mark == len(text) - 1


def test_wrapped_line_is_not_a_paragraph_break():
    text = "He said it\nwas over.\nNew line"
    assert paragraph_breaks(text) == [text.index("\nNew")]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab ."“”\n\'‘’«»,')), max_size=80))
def test_stretches_are_inside_text_and_ordered(text):
    found = find_quoted(text, SHARED.quote_cues())
    last = -1
    for q in found:
        assert 0 <= q.open_mark < q.start <= q.end <= len(text)
        assert q.open_mark > last
        last = q.outer_end - 1
