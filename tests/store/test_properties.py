"""Invariants over generated records: what is written comes back unchanged, and writes are idempotent."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dateline.records import Actor, Article, Event, Failure, Quote, Span, TimeExpr
from dateline.store import Store, export
from dateline.store.writer import text_hash

codes = st.one_of(st.none(), st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3))
words = st.one_of(st.none(), st.text(max_size=12))


@st.composite
def articles(draw) -> Article:
    text = draw(st.text(min_size=1, max_size=80))

    def span() -> Span:
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        return Span(start, end, text[start:end])

    def actor() -> Actor:
        s = span()
        return Actor(s.start, s.end, s.text, name=draw(words), country=draw(codes), sector=draw(codes))

    n = draw(st.integers(0, 3))
    return Article(
        id=draw(st.one_of(st.sampled_from(["a", "b"]), st.text(min_size=1, max_size=10))), text=text,
        published=draw(st.one_of(st.none(), st.dates().map(str))), source=draw(words), title=draw(words),
        sentences=tuple(span() for _ in range(n)),
        actors=tuple(actor() for _ in range(n)),
        quotes=tuple(Quote(draw(st.sampled_from(["direct", "indirect"])), span(),
                           draw(st.one_of(st.none(), st.just(actor()))), draw(st.one_of(st.none(), st.just(span()))))
                     for _ in range(n)),
        times=tuple(TimeExpr(*(lambda s: (s.start, s.end, s.text))(span()), draw(words), "DATE") for _ in range(n)),
        events=tuple(Event(draw(st.sampled_from(["AID", "ASSAULT", "AGREE"])), span(), span(),
                           source=tuple(actor() for _ in range(draw(st.integers(0, 2)))),
                           target=tuple(actor() for _ in range(draw(st.integers(0, 2)))),
                           context=tuple(draw(st.lists(st.text(max_size=5), max_size=2))),
                           date=draw(words),
                           cameo=draw(st.one_of(st.none(), st.text("0123456789", min_size=2, max_size=4))),
                           quad=draw(st.one_of(st.none(), st.integers(1, 4))),
                           goldstein=draw(st.one_of(st.none(), st.floats(-10, 10))),
                           confidence=draw(st.one_of(st.none(), st.floats(0, 1))))
                     for _ in range(n)),
    )


@pytest.mark.slow  # hypothesis writes many stores
@settings(max_examples=40, deadline=None)
@given(batch=st.lists(st.one_of(articles(), st.builds(Failure, origin=st.text(max_size=8), stage=st.just("read"),
                                                      reason=st.text(max_size=8))), max_size=4))
def test_records_round_trip_and_rewrites_add_nothing(batch):
    # the same text under two ids is one story stored once (tests/store/test_duplicates.py), not a round trip
    texts = {(a.id, text_hash(a.text)) for a in batch if isinstance(a, Article)}
    assume(len({digest for _, digest in texts}) == len(texts))
    with Store.open(":memory:") as store:
        first = store.write_batch(batch)
        latest = {a.id: a for a in batch if isinstance(a, Article)}      # a repeated id: the last one wins
        for article_id, article in latest.items():
            stored = store.get_article(article_id, include_text=True)
            # the corpus view marks a near-copy of another stored article (FORMAT.md: duplicate_of)
            assert stored.pop("duplicate_of", None) in (None, *latest)
            assert stored == article.to_dict(include_text=True)
        assert store.stats()["articles"] == len(latest)
        again = store.write_batch(batch)
        ids = [a.id for a in batch if isinstance(a, Article)]
        assert again.new == 0 and again.unchanged + again.replaced == len(ids)
        if len(set(ids)) == len(ids):
            assert (again.unchanged, again.replaced) == (len(ids), 0)
        assert store.stats()["articles"] == len(latest)
        out = io.StringIO()
        export(store, "jsonl", out, include_text=True)
        exported = [json.loads(line) for line in out.getvalue().split("\n") if line]  # JSON Lines: "\n" only
        assert sorted(exported, key=lambda r: r["id"]) == sorted(
            (a.to_dict(include_text=True) for a in latest.values()), key=lambda r: r["id"])
