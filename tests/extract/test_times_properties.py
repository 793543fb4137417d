"""Invariants of the temporal tagger: no input crashes it, offsets slice back, output is deterministic."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract.times import times
from dateline.settings import Settings

WORDS = ["on", "Monday", "March", "5", "2020", "last", "week", "the", "following", "day", "ago", "two",
         "years", "every", "Friday", "night", "10:35", "a.m.", "said", "will", "meet", "-", "'s", "1990s",
         "third", "quarter", "now", "recently", "03/05/2020", "since", "by", "until", ".", ",", "\n",
         "Sept.", "30", "earlier", "this", "month", "tomorrow", "a", "half", "century", "mid-1990s", "May"]

phrases = st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join)
anchors = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))
common = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@common
@given(text=st.one_of(phrases, st.text(max_size=200)), anchor=anchors)
def test_no_input_crashes_and_offsets_slice_back(nlp, text, anchor):
    doc = nlp.make_doc(text)
    for t in times(doc, layout=None, anchor=anchor, settings=Settings()):
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.start < t.end


@common
@given(text=phrases, anchor=anchors)
def test_parsed_output_is_deterministic_and_non_overlapping(nlp, text, anchor):
    first = times(nlp(text), layout=None, anchor=anchor, settings=Settings())
    second = times(nlp(text), layout=None, anchor=anchor, settings=Settings())
    assert first == second
    for a, b in zip(first, first[1:]):
        assert a.end <= b.start


@common
@given(text=phrases)
def test_without_anchor_only_anchor_free_values_appear(nlp, text):
    for t in times(nlp.make_doc(text), layout=None, anchor=None, settings=Settings()):
        if t.value is not None and t.type in ("DATE", "TIME"):
            assert t.value.endswith("_REF") or t.value[:1].isdigit()


@pytest.mark.parametrize("anchor", ["", "not a date", "2019-02-30", "2019-10-16T10:00:00"])
def test_odd_anchors_are_tolerated(nlp, anchor):
    found = times(nlp("He spoke on Monday."), layout=None, anchor=anchor, settings=Settings())
    assert [t.text for t in found] == ["Monday"]


@pytest.mark.parametrize("anchor", ["0001-01-05", "9999-12-30"])
def test_no_year_0000_or_10000_at_the_ends_of_the_calendar(nlp, anchor):
    from dateline.extract.times import tag_times

    text = "It happened last year, a year ago and last January; it will happen next year, 10 years from now."
    for t in tag_times(nlp(text), anchor=anchor):
        assert not (t.value or "").startswith("0000")
        assert not re.match(r"\d{5}", t.value or "")
