"""Worst misses: what was missed, what was made up, with exact offsets and their sentence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.evaluate import find_misses, misses_report, pair_documents, worst

TEXT = ("Talks opened on Monday in Zenda. The envoy of Ruritania said on Monday that progress was slow.\n"
        "Protesters marched in Strelsau on Tuesday.")


def _span(text: str, nth: int = 0, **extra) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text, **extra}


def _pairs(task: str, gold: list[dict], pred: list[dict], sentences=None):
    gold_doc = {"id": "g1", "text": TEXT, task: gold}
    pred_doc = {"id": "g1", task: pred, "sentences": sentences or []}
    pairs, _ = pair_documents(task, [gold_doc], [pred_doc])
    return pairs


@pytest.mark.parametrize("task, gold, pred, expected", [
    ("times", [_span("on Monday", 0, value="2021-03-01", type="DATE")], [], [("missed", "on Monday")]),
    ("times", [], [_span("Tuesday", value="2021-03-02", type="DATE")], [("false positive", "Tuesday")]),
    ("times", [_span("on Monday", 1, value="2021-03-01", type="DATE")],
     [_span("Monday", 1, value="2021-03-08", type="DATE")], [("wrong value", "on Monday")]),
    ("places", [_span("Zenda", lat=1.0, lon=1.0)], [_span("Zenda", lat=1.0, lon=9.0)], [("far", "Zenda")]),
    ("places", [_span("Strelsau", lat=1.0, lon=1.0)], [_span("Ruritania")],
     [("missed", "Strelsau"), ("false positive", "Ruritania")]),
    ("quotes", [{"kind": "indirect", "content": _span("progress was slow"), "speaker": _span("The envoy")}],
     [{"kind": "indirect", "content": _span("progress was slow"), "speaker": _span("Protesters")}],
     [("wrong speaker", "progress was slow")]),
    ("events", [{"type": "PROTEST", "trigger": _span("marched"), "source": [], "target": []}],
     [{"type": "PROTEST", "trigger": _span("marched"), "source": [{"country": "RUR"}], "target": []},
      {"type": "CONSULT", "trigger": _span("Talks"), "source": [], "target": []}],
     [("wrong dyad", "marched"), ("false positive", "Talks")]),
    ("events", [{"type": "PROTEST", "trigger": _span("marched"), "source": [], "target": []}],
     [{"type": "MOBILIZE", "trigger": _span("Protesters marched"), "source": [], "target": []}],
     [("wrong type", "marched")]),
])
def test_find_misses_kinds_and_offsets(task, gold, pred, expected):
    misses = find_misses(task, _pairs(task, gold, pred))
    assert [(m.kind, m.text) for m in misses] == expected
    for m in misses:
        assert TEXT[m.start:m.end] == m.text
        assert TEXT[m.sentence_start:m.sentence_end] == m.sentence
        assert m.sentence_start <= m.start and m.end <= m.sentence_end


def test_sentence_falls_back_to_punctuation_and_prefers_predicted_sentences():
    gold = [_span("Strelsau", lat=1.0, lon=1.0)]
    (miss,) = find_misses("places", _pairs("places", gold, []))
    assert miss.sentence == "Protesters marched in Strelsau on Tuesday."
    sentence = {"start": 0, "end": len(TEXT)}
    (miss,) = find_misses("places", _pairs("places", gold, [], sentences=[sentence]))
    assert miss.sentence == TEXT


def test_events_without_offsets_are_reported_by_text():
    gold = [{"type": "AID", "trigger": {"text": "sent aid"}, "source": [], "target": []}]
    (miss,) = find_misses("events", _pairs("events", gold, []))
    assert miss.start is None and miss.text == "sent aid" and miss.kind == "missed"


def test_worst_groups_recurring_surface_forms_first():
    gold = [_span("on Monday", 0, value="a", type="DATE"), _span("on Monday", 1, value="a", type="DATE"),
            _span("Tuesday", value="b", type="DATE")]
    groups = worst(find_misses("times", _pairs("times", gold, [])), 5)
    assert [(g.count, g.example.text) for g in groups] == [(2, "on Monday"), (1, "Tuesday")]
    assert worst(find_misses("times", _pairs("times", gold, [])), 1)[0].doc_ids == ("g1",)
    report = misses_report("times", groups)
    assert "×2" in report and "[13:22]" in report and "sentence [0:32]" in report


def test_misses_report_when_nothing_is_wrong():
    assert "no worst misses" in misses_report("quotes", [])


@pytest.mark.parametrize("document, expected", [
    ("", "<!-- acc: begin -->\nNEW\n<!-- acc: end -->\n"),
    ("# B\n", "# B\n\n<!-- acc: begin -->\nNEW\n<!-- acc: end -->\n"),
    ("# B\n<!-- acc: begin -->\nold\n<!-- acc: end -->\ntail\n", "# B\n<!-- acc: begin -->\nNEW\n<!-- acc: end -->\ntail\n"),
    ("<!-- x: begin -->\nkeep\n<!-- x: end -->\n",
     "<!-- x: begin -->\nkeep\n<!-- x: end -->\n\n<!-- acc: begin -->\nNEW\n<!-- acc: end -->\n"),
])
def test_replace_section_touches_only_its_markers(document, expected):
    from dateline.evaluate.report import replace_section

    assert replace_section(document, "acc", "NEW\n") == expected


def test_write_section_creates_then_replaces(tmp_path):
    from dateline.evaluate.report import write_section

    path = tmp_path / "B.md"
    write_section(path, "acc", "one")
    write_section(path, "thr", "two")
    write_section(path, "acc", "three")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n") and "three" in text and "two" in text and "one" not in text


def test_long_sentences_are_cut_around_the_miss():
    from dateline.evaluate.misses import Miss

    sentence = "x" * 300 + " Zenda " + "y" * 300
    miss = Miss(task="places", kind="missed", doc_id="d", start=1301, end=1306, text="Zenda",
                sentence_start=1000, sentence_end=1000 + len(sentence), sentence=sentence)
    line = misses_report("places", worst([miss], 1), width=60).splitlines()[-1]
    assert "Zenda" in line and line.count("…") == 2


_spans = st.tuples(st.integers(-5, len(TEXT) + 5), st.integers(-5, len(TEXT) + 5))


def _items(pairs_: list[tuple[int, int]], task: str) -> list[dict]:
    out = []
    for start, end in pairs_:
        span = {"start": start, "end": end, "text": "?"}
        out.append({**span, "value": "v", "type": "DATE", "lat": 1.0, "lon": 1.0, "kind": "direct",
                    "content": span, "speaker": span, "trigger": span, "source": [], "target": []})
    return out


@settings(max_examples=60, deadline=None)
@given(task=st.sampled_from(["times", "places", "quotes", "events"]), gold=st.lists(_spans, max_size=4),
       pred=st.lists(_spans, max_size=4))
def test_miss_offsets_always_slice_back(task, gold, pred):
    for m in find_misses(task, _pairs(task, _items(gold, task), _items(pred, task))):
        if m.start is not None:
            assert TEXT[m.start:m.end] == m.text
        if m.sentence is not None:
            assert TEXT[m.sentence_start:m.sentence_end] == m.sentence


_junk_value = st.one_of(st.none(), st.integers(-3, 200), st.text(max_size=3), st.lists(st.integers(), max_size=2),
                        st.fixed_dictionaries({"start": st.integers(-3, 200), "end": st.integers(-3, 200)}))
_junk_item = st.dictionaries(st.sampled_from(["start", "end", "type", "value", "kind", "content", "speaker",
                                              "trigger", "source", "target", "lat", "lon", "gwn_type", "text",
                                              "status", "sentence"]), _junk_value, max_size=6)


@pytest.mark.slow  # hypothesis reports many predictions
@settings(max_examples=80, deadline=None)
@given(task=st.sampled_from(["times", "places", "quotes", "events"]), gold=st.lists(_junk_item, max_size=3),
       pred=st.lists(_junk_item, max_size=3), n=st.integers(0, 4))
def test_junk_never_crashes_the_miss_report(task, gold, pred, n):
    misses = find_misses(task, _pairs(task, gold, pred))
    assert isinstance(misses_report(task, worst(misses, n)), str)
