"""Invariants: no input crashes the layout or the readers; offsets always slice back."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest.readers import read_inputs
from dateline.ingest.wire import analyse_layout
from dateline.records import Failure, SourceDocument

PIECES = [
    "All news", "Share", "Read more", "RIYADH, October 14. /TASS/.", "MOSCOW (Reuters) -",
    "NAIROBI, Kenya (AP) _", "BEIJING, March 4 (Xinhua) --", "© Mikhail Metzel/TASS", "AP Photo/Jo Doe",
    "Kremlin spokesman Dmitry Peskov", "The talks ended.", "\"We agree,\" he said.", "WASHINGTON _",
    "Ministers meet", "\n", "\n\n", " ", "\r\n", "\u2014", "(AP)", "/TASS/", ".", "Photo:", "\u00a0",
]
wire_like = st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=40).map("".join)
any_text = st.text(max_size=400) | wire_like
published = st.none() | st.dates().map(lambda d: d.isoformat()) | st.text(max_size=12)


def _check_layout(text, layout):
    spans = list(layout.zones)
    for zone in spans:
        assert 0 <= zone.start < zone.end <= len(text)
    ordered = sorted(spans, key=lambda z: z.start)
    for a, b in zip(ordered, ordered[1:]):
        assert a.end <= b.start, (a, b)
    for span in [layout.title, layout.body, *layout.standfirst]:
        if span is not None:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start:span.end] == span.text
    if layout.dateline is not None:
        dl = layout.dateline
        assert text[dl.start:dl.end] == dl.text
        if dl.place_span is not None:
            assert text[dl.place_span.start:dl.place_span.end] == dl.place_span.text
        if dl.date is not None:
            assert len(dl.date) == 10


@pytest.mark.slow  # hypothesis reads hundreds of inputs
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, published=published, title=st.none() | st.text(max_size=30) | st.sampled_from(PIECES))
def test_layout_never_crashes_and_offsets_slice_back(text, published, title):
    _check_layout(text, analyse_layout(text, published=published, title=title))


@pytest.mark.slow  # hypothesis reads hundreds of inputs
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600) | any_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_readers_never_crash(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("in")
    for name in ("x.txt", "x.jsonl", "x.html"):
        (folder / name).write_bytes(data)
    results = list(read_inputs([str(folder), "-"], stdin=io.BytesIO(data)))
    assert results and all(isinstance(r, (SourceDocument, Failure)) for r in results)
    for result in results:
        if isinstance(result, SourceDocument):
            assert result.text.strip()
