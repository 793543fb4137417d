"""Issue 12, items 2 and 3: long articles are parsed in paragraph-bounded segments, offsets kept.

An article of 999,000 characters peaked at 3.2 GB as one spaCy Doc, and one longer than spaCy's
``max_length`` (``--max-chars`` above 2,000,000) ended the run with error E088. The figures for
10k, 100k and 1M characters are in BENCHMARKS.md (benchmarks/throughput.py --long).
"""

from __future__ import annotations

import pytest

from dateline import Pipeline, Settings
from dateline.offsets import spans_in
from dateline.records import Article, Layout, Span, Zone
from dateline.segments import layout_window, segment_bounds

PARAGRAPH = ("Turkish Foreign Minister Mevlut Cavusoglu met his Iranian counterpart in Ankara on Tuesday, "
             "and the two ministers agreed to keep working together on Syria, officials said.")


@pytest.mark.parametrize("text, limit, expected", [
    ("short", 10, [(0, 5)]),
    ("aaaa\n\nbbbb\n\ncccc", 8, [(0, 6), (6, 12), (12, 16)]),             # at blank lines
    ("aaaa\nbbbb\ncccc", 8, [(0, 5), (5, 10), (10, 14)]),                 # else at line breaks
    ("Aa bb. Cc dd. Ee ff.", 9, [(0, 7), (7, 14), (14, 20)]),             # else after a sentence
    ("aa bb cc dd ee", 5, [(0, 3), (3, 6), (6, 9), (9, 14)]),             # else at a space
    ("x" * 25, 10, [(0, 10), (10, 20), (20, 25)]),                       # else where the limit falls
])
def test_segment_bounds(text, limit, expected):
    assert segment_bounds(text, limit) == expected


@pytest.mark.parametrize("limit", [2, 3, 7, 50, 1000])
def test_segments_cover_the_text_in_order_and_keep_to_the_limit(limit):
    text = ("A line.\nAnother one here!\n\n  \nA paragraph, with words... and more words \u2014 \"quoted.\" "
            * 30)
    bounds = segment_bounds(text, limit)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a < b <= a + limit for a, b in bounds)
    assert all(prev[1] == nxt[0] for prev, nxt in zip(bounds, bounds[1:]))


def test_a_window_on_the_layout_clips_zones_and_keeps_what_it_holds_whole():
    text = "Head\n\nMOSCOW -- Body one.\n\nPhoto: Jo Doe\n\nBody two."
    layout = Layout(zones=(Zone("title", 0, 4), Zone("body", 6, 24), Zone("credit", 26, 39), Zone("body", 41, 50)),
                    title=Span(0, 4, "Head"), standfirst=(), dateline=None, body=Span(6, 50, text[6:50]))
    window = layout_window(layout, 20, 45)
    assert window.zones == (Zone("body", 0, 4), Zone("credit", 6, 19), Zone("body", 21, 25))
    assert window.title is None and window.body == Span(0, 25, text[20:45])
    assert layout_window(layout, 0, 10).title == Span(0, 4, "Head")


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Settings(places=False, max_chars=10_000_000, segment_chars=len(PARAGRAPH) + 40))


@pytest.mark.slow
def test_each_segment_finds_what_its_paragraph_alone_finds_at_its_own_offsets(pipeline):
    copies = 6
    text = "\n\n".join([PARAGRAPH] * copies)
    (alone,) = pipeline.run([{"id": "one", "text": PARAGRAPH, "published": "2019-05-07"}])
    (article,) = pipeline.run([{"id": "long", "text": text, "published": "2019-05-07"}])
    assert isinstance(article, Article) and article.id == "long"
    step = len(PARAGRAPH) + 2
    for kind in ("sentences", "actors", "times", "quotes", "events"):
        found = getattr(article, kind)
        single = getattr(alone, kind)
        assert len(found) == copies * len(single), kind
        for k in range(copies):
            part = found[k * len(single):(k + 1) * len(single)]
            assert [(p.start if hasattr(p, "start") else None) for p in part if hasattr(p, "start")] == \
                [s.start + k * step for s in single if hasattr(s, "start")], kind
    assert article.events and [e.type for e in article.events] == [e.type for e in alone.events] * copies
    for path, start, end, span_text in spans_in(article):
        assert span_text is None or text[start:end] == span_text, path


@pytest.mark.slow
def test_a_text_longer_than_spacys_max_length_is_parsed_not_an_error(pipeline, monkeypatch):
    # --max-chars above 2,000,000 let through texts longer than spaCy's max_length (error E088)
    monkeypatch.setattr(pipeline.nlp, "max_length", 600)
    text = "\n\n".join([PARAGRAPH] * 8)
    big = Pipeline(Settings(places=False, max_chars=10_000_000))  # segment_chars stays at its default
    big._nlp = pipeline.nlp
    results = list(big.run([{"id": "long", "text": text, "published": "2019-05-07"}, PARAGRAPH]))
    assert [type(r).__name__ for r in results] == ["Article", "Article"]
    assert results[0].events and results[0].sentences[-1].start == len(text) - len(PARAGRAPH)
    assert len(results[0].sentences) == 8 * len(results[1].sentences)
