"""Our own scoring: the referee's definitions, on tiny gold/prediction pairs written here."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.evaluate import HEADLINES, score
from dateline.evaluate.metrics import greedy_pairs, haversine_km, name_tokens, prf

TEXT = "On Monday the minister of Ruritania met envoys in Zenda and said talks went well."


def _doc(task: str, items: list[dict], doc_id: str = "d1") -> dict:
    return {"id": doc_id, "text": TEXT, "published": "2021-03-01", "source": "test", task: items}


def _span(start: int, end: int, **extra) -> dict:
    return {"start": start, "end": end, "text": TEXT[start:end], **extra}


def _ev(type_: str, src: list[str], tgt: list[str], status: str = "asserted") -> dict:
    return {"type": type_, "status": status, "source": [{"country": c} for c in src],
            "target": [{"country": c} for c in tgt]}


def test_prf_zero_denominators_give_zero():
    assert prf(0, 0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(1, 2, 1, 4) == pytest.approx((0.5, 0.25, 1 / 3))


def test_greedy_pairs_best_first_then_document_order():
    gold, pred = [0, 1], [0, 1]
    scores = {(0, 0): 1, (0, 1): 3, (1, 1): 2}
    assert greedy_pairs(gold, pred, lambda g, p: scores.get((g, p))) == [(0, 1)]
    assert greedy_pairs([0, 1], [0], lambda g, p: 1) == [(0, 0)]


@pytest.mark.parametrize("gold, pred, expected", [
    ([_ev("CONSULT", ["RUS"], ["TUR"])], [_ev("CONSULT", ["RUS"], ["TUR"])], (1.0, 1.0)),
    # the type is right, the target country is not
    ([_ev("CONSULT", ["RUS"], ["TUR"])], [_ev("CONSULT", ["RUS"], ["SYR"])], (1.0, 0.0)),
    # both sides empty on both: compatible
    ([_ev("PROTEST", [], [])], [_ev("PROTEST", [], [])], (1.0, 1.0)),
    # gold empty, prediction coded: not compatible
    ([_ev("PROTEST", [], [])], [_ev("PROTEST", ["FRA"], [])], (1.0, 0.0)),
    # the UN and the EU are IGO for the CAMEO-era gold; case and spaces do not matter
    ([_ev("REQUEST", ["IGO"], ["IRQ"])], [_ev("request", ["UNO"], [" irq "])], (1.0, 1.0)),
    # negated and hypothetical events are not scored, on either side
    ([_ev("ASSAULT", ["ISR"], ["PSE"])], [_ev("ASSAULT", ["ISR"], ["PSE"], "negated")], (0.0, 0.0)),
    ([_ev("ASSAULT", ["ISR"], ["PSE"], "hypothetical")], [], (0.0, 0.0)),
    # multiset of types: two gold of a type, one predicted
    ([_ev("AID", ["USA"], []), _ev("AID", ["GBR"], [])], [_ev("AID", ["GBR"], [])], (2 / 3, 2 / 3)),
    ([_ev("AID", ["USA"], [])], [_ev("ACCUSE", ["USA"], [])], (0.0, 0.0)),
])
def test_events_type_and_dyad_f1(gold, pred, expected):
    m = score("events", [_doc("events", gold)], [{"id": "d1", "events": pred}])
    assert (m["type_f1"], m["dyad_f1"]) == pytest.approx(expected)


def test_events_dyad_matching_is_greedy_in_gold_order():
    gold = [_ev("COERCE", ["USA"], []), _ev("COERCE", ["USA", "GBR"], [])]
    pred = [_ev("COERCE", ["USA", "GBR"], []), _ev("COERCE", ["FRA"], [])]
    m = score("events", [_doc("events", gold)], [{"id": "d1", "events": pred}])
    assert m["dyad_tp"] == 1 and m["type_tp"] == 2


def test_events_per_type_table_and_surplus():
    gold = [_ev("AID", ["USA"], [])]
    pred = [_ev("AID", ["USA"], []), _ev("AID", ["USA"], []), _ev("REJECT", [], [])]
    m = score("events", [_doc("events", gold)], [{"id": "d1", "events": pred}])
    assert m["per_type"]["AID"] == {"gold": 1, "pred": 2, "tp": 1, "p": 0.5, "r": 1.0, "f1": pytest.approx(2 / 3)}
    assert m["per_type"]["REJECT"]["pred"] == 1
    assert m["extra_per_doc"] == 2.0


def _q(content: tuple[int, int], speaker: tuple[int, int] | None = None, kind: str = "indirect",
       cue: tuple[int, int] | None = None, **speaker_extra) -> dict:
    return {"kind": kind, "content": _span(*content),
            "speaker": _span(*speaker, **speaker_extra) if speaker else None,
            "cue": _span(*cue) if cue else None}


# offsets into TEXT: "the minister of Ruritania" 10:35, "minister" 14:22, "Ruritania" 26:35,
# "said" 59:63, "talks went well" 64:79, "talks" 64:69
@pytest.mark.parametrize("gold, pred, f1, speaker_acc", [
    ([_q((64, 79), (10, 35))], [_q((64, 79), (14, 22))], 1.0, 1.0),
    # content overlap of at least half the shorter span pairs them
    ([_q((64, 79), (10, 35))], [_q((64, 69), (14, 22))], 1.0, 1.0),
    ([_q((59, 79), (10, 35))], [_q((50, 66), (14, 22))], 0.0, 0.0),
    # speaker by shared capitalized name token, not by a generic title
    ([_q((64, 79), (26, 35))], [{**_q((64, 79)), "speaker": {"text": "Ruritania's", "name": None}}], 1.0, 1.0),
    ([_q((64, 79), (26, 35))], [{**_q((64, 79)), "speaker": {"text": "He", "name": "President"}}], 1.0, 0.0),
    # no predicted speaker
    ([_q((64, 79), (10, 35))], [_q((64, 79))], 1.0, 0.0),
])
def test_quotes_content_and_speaker(gold, pred, f1, speaker_acc):
    m = score("quotes", [_doc("quotes", gold)], [{"id": "d1", "quotes": pred}])
    assert m["content_f1"] == pytest.approx(f1)
    assert m["speaker_acc"] == pytest.approx(speaker_acc)


def test_quotes_direct_subset_per_kind_and_e2e():
    gold = [_q((64, 79), (26, 35), kind="direct", cue=(59, 63), name="Ruritania"), _q((0, 9), None)]
    pred = [_q((64, 79), (26, 35), kind="indirect", cue=(59, 63), name="Ruritania")]
    m = score("quotes", [_doc("quotes", gold)], [{"id": "d1", "quotes": pred}])
    assert m["content_f1"] == pytest.approx(2 / 3)
    assert m["kind_acc"] == 0.0 and m["cue_acc"] == 1.0 and m["speaker_name_acc"] == 1.0
    assert m["speaker_e2e"] == 1.0  # one gold quote has a speaker, and it is found
    assert m["direct_content_f1"] == 0.0 and m["direct_gold"] == 1 and m["direct_pred"] == 0
    assert m["per_kind"]["indirect"]["gold"] == 1 and m["per_kind"]["indirect"]["pred"] == 1


@pytest.mark.parametrize("texts, expected", [
    (("President Barack Obama",), {"barack", "obama"}),
    (("Peskov's",), {"peskov"}),
    (("He", "The Spokesman"), set()),
    (("Erdoğan",), {"erdogan"}),
    ((None, 3),  set()),
])
def test_name_tokens(texts, expected):
    assert name_tokens(*texts) == expected


@pytest.mark.parametrize("gold, pred, expected", [
    # (strict_f1, relaxed_f1, value_f1)
    ([_span(0, 9, value="2021-03-01", type="DATE")], [_span(0, 9, value="2021-03-01", type="DATE")], (1, 1, 1)),
    ([_span(0, 9, value="2021-03-01", type="DATE")], [_span(3, 9, value=" 2021-03-01 ", type="DATE")], (0, 1, 1)),
    ([_span(0, 9, value="PAST_REF", type="DATE")], [_span(3, 9, value="past_ref", type="DATE")], (0, 1, 1)),
    ([_span(0, 9, value="2021-03-01", type="DATE")], [_span(3, 9, value="2021-03", type="DATE")], (0, 1, 0)),
    ([_span(0, 9, value="2021-03-01", type="DATE")], [_span(10, 13, value="2021-03-01", type="DATE")], (0, 0, 0)),
    # a missing value on both sides compares equal (both read as empty)
    ([_span(0, 9, value=None, type="DATE")], [_span(0, 9, type="DATE")], (1, 1, 1)),
    ([_span(0, 9, value="2021-03-01", type="DATE")], [], (0, 0, 0)),
])
def test_times_strict_relaxed_value(gold, pred, expected):
    m = score("times", [_doc("times", gold)], [{"id": "d1", "times": pred}])
    assert (m["strict_f1"], m["relaxed_f1"], m["value_f1"]) == pytest.approx(expected)


def test_times_per_type_table():
    gold = [_span(0, 9, value="2021-03-01", type="DATE"), _span(64, 69, value="P1D", type="DURATION")]
    pred = [_span(3, 9, value="2021-03-01", type="DATE"), _span(70, 74, value="PRESENT_REF", type="DATE")]
    m = score("times", [_doc("times", gold)], [{"id": "d1", "times": pred}])
    assert m["per_type"]["DATE"]["gold"] == 1 and m["per_type"]["DATE"]["pred"] == 2
    assert m["per_type"]["DATE"]["relaxed_p"] == 0.5 and m["per_type"]["DATE"]["relaxed_r"] == 1.0
    assert m["per_type"]["DURATION"]["relaxed_r"] == 0.0


def test_places_span_f1_and_geocoding():
    # "Ruritania" 26:35, "Zenda" 50:55
    gold = [_span(26, 35, lat=45.0, lon=20.0, gwn_type="Literal"), _span(50, 55, lat=46.0, lon=21.0,
                                                                      gwn_type="Metonymic")]
    pred = [_span(26, 35, lat=45.5, lon=20.0), _span(50, 55, lat=10.0, lon=21.0), _span(0, 2)]
    m = score("places", [_doc("places", gold)], [{"id": "d1", "places": pred}])
    assert (m["p"], m["r"]) == pytest.approx((2 / 3, 1.0))
    assert m["geo_pairs"] == 2 and m["acc161"] == 0.5 and m["acc161_e2e"] == 0.5
    assert m["per_gwn_type"]["Literal"]["acc161"] == 1.0 and m["per_gwn_type"]["Metonymic"]["acc161"] == 0.0


def test_places_pairs_without_coordinates_are_not_geocoding_pairs():
    gold = [_span(26, 35, lat=45.0, lon=20.0)]
    pred = [_span(26, 35, lat=None, lon=None)]
    m = score("places", [_doc("places", gold)], [{"id": "d1", "places": pred}])
    assert m["f1"] == 1.0 and m["geo_pairs"] == 0 and m["median_km"] is None


def test_haversine_one_degree_of_latitude():
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.1)


def test_documents_are_matched_by_id_and_bookkept():
    gold = [_doc("times", [_span(0, 9, value="x", type="DATE")], "a"),
            _doc("times", [_span(0, 9, value="x", type="DATE")], "b"),
            {"id": "c", "text": TEXT}]
    pred = [{"id": "a", "times": [_span(0, 9, value="x", type="DATE")]},
            {"id": "a", "times": []}, {"id": "z", "times": []}, {"times": []}, ["not", "a", "record"]]
    m = score("times", gold, pred, unreadable=2)
    assert m["docs"] == 2 and m["docs_without_prediction"] == 1 and m["gold_docs_without_task"] == 1
    assert m["pred_duplicate_ids"] == 1 and m["pred_docs_not_in_gold"] == 1
    assert m["pred_lines_unreadable"] == 4
    assert m["relaxed_p"] == 1.0 and m["relaxed_r"] == 0.5


span_st = st.tuples(st.integers(-3, 90), st.integers(-3, 90)).map(
    lambda t: {"start": t[0], "end": t[1], "text": "x", "value": "v", "type": "DATE", "lat": 1.0, "lon": 2.0})
junk = st.one_of(st.none(), st.integers(), st.text(max_size=3), st.lists(st.integers(), max_size=2),
                 st.dictionaries(st.sampled_from(["start", "end", "content", "speaker", "type", "status", "lat",
                                                  "source", "target", "kind", "value", "cue"]),
                                 st.one_of(st.none(), st.integers(-2, 5), st.text(max_size=3), st.booleans(),
                                           st.lists(st.integers(), max_size=2)),
                                 max_size=4))


@pytest.mark.slow  # hypothesis scores many predictions
@settings(max_examples=60, deadline=None)
@given(task=st.sampled_from(list(HEADLINES)), gold=st.lists(span_st, max_size=4),
       pred=st.lists(st.one_of(span_st, junk), max_size=5))
def test_any_prediction_scores_between_zero_and_one(task, gold, pred):
    items = [{"content": g, "speaker": g, "type": "AID", **g} for g in gold]
    m = score(task, [_doc(task, items)], [{"id": "d1", task: pred}])
    for key in HEADLINES[task]:
        assert 0.0 <= m[key] <= 1.0


@settings(max_examples=40, deadline=None)
@given(task=st.sampled_from(list(HEADLINES)), gold=st.lists(span_st, min_size=1, max_size=4))
def test_gold_scored_against_itself_is_perfect(task, gold):
    items = [{**g, "content": g, "speaker": g, "type": "AID", "kind": "direct"} for g in gold
             if g["start"] < g["end"]]
    if not items:
        return
    doc = _doc(task, items)
    m = score(task, [doc], [doc])
    for key in HEADLINES[task]:
        assert m[key] == pytest.approx(1.0)
