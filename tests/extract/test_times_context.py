"""Table tests of the context mechanisms of the temporal tagger: plans made in the past, dates
that modify a noun, future words in past clauses, anaphoric weekdays, reporting quarters, and
dating a trigger by its clause (``time_for_span(..., doc=...)``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.extract.times.calendar import weekday_date
from dateline.extract.times import time_for_span, times
from dateline.settings import Settings

WEDNESDAY = "2019-10-16"
SUNDAY = "2019-10-20"


def _tag(nlp, text: str, anchor: str) -> list[tuple[str, str | None]]:
    found = times(nlp(text), layout=None, anchor=anchor, settings=Settings())
    return [(t.text, t.value) for t in found]


@pytest.mark.parametrize("text, anchor, expected", [
    # a plan made before the document date: the nearest such day, on either side
    ("Protesters planned a rally on Saturday.", WEDNESDAY, [("Saturday", "2019-10-19")]),
    ("A memorial service planned for Saturday was cancelled.", SUNDAY, [("Saturday", "2019-10-19")]),
    ("The talks were scheduled for Saturday.", SUNDAY, [("Saturday", "2019-10-19")]),
    ("The ministers agreed to meet on Saturday.", SUNDAY, [("Saturday", "2019-10-19")]),
    # a fronted time dates the planning itself
    ("On Friday, the government planned new talks.", WEDNESDAY, [("Friday", "2019-10-11")]),
    # plans stated now still point ahead
    ("The vote is scheduled for Saturday.", SUNDAY, [("Saturday", "2019-10-26")]),
    ("The talks will be held on Saturday.", SUNDAY, [("Saturday", "2019-10-26")]),
    ("The minister said on Saturday that talks went well.", SUNDAY, [("Saturday", "2019-10-19")]),
])
def test_plans_made_in_the_past_take_the_nearest_day(nlp, text, anchor, expected):
    assert _tag(nlp, text, anchor) == expected


@pytest.mark.parametrize("text, anchor, expected", [
    ("Police are still searching for the gunman after the Oct. 23 shooting.", "2019-05-06",
     [("Oct. 23", "2018-10-23")]),
    ("The company is selling itself under a June agreement with shareholders.", "2019-10-27",
     [("June", "2019-06")]),
    ("Delegates will attend the Saturday meeting.", WEDNESDAY, [("Saturday", "2019-10-19")]),
    ("The Sunday vote is expected to be close.", WEDNESDAY, [("Sunday", "2019-10-20")]),
    ("Delegates discussed the Saturday meeting.", WEDNESDAY, [("Saturday", "2019-10-12")]),
])
def test_a_date_modifying_a_noun_names_a_past_event(nlp, text, anchor, expected):
    assert _tag(nlp, text, anchor) == expected


@pytest.mark.parametrize("text, expected", [
    ("He was soon released from hospital.", []),
    ("The cash soon became a flood.", []),
    ("The budget will soon move into surplus.", [("soon", "FUTURE_REF")]),
    ("Prices are now falling.", [("now", "PRESENT_REF")]),
])
def test_future_words_in_past_clauses_are_sequencing(nlp, text, expected):
    assert _tag(nlp, text, WEDNESDAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("Stocks closed higher on Friday, up 4.5% from the previous Friday.",
     [("Friday", "2019-10-11"), ("the previous Friday", "2019-10-04")]),
    ("Troops left on Monday and returned the following Friday.",
     [("Monday", "2019-10-14"), ("the following Friday", "2019-10-18")]),
    ("Officials met last Friday.", [("last Friday", "2019-10-11")]),
])
def test_previous_and_following_weekdays_count_from_the_last_date(nlp, text, expected):
    assert _tag(nlp, text, WEDNESDAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sales rose in the quarter ended Sept. 30.", [("the quarter", "2019-Q3"), ("Sept. 30", "2019-09-30")]),
    ("Profit fell in the quarter ended June 30.", [("the quarter", "2019-Q2"), ("June 30", "2019-06-30")]),
    ("Earnings will suffer in the last half of 2019.", [("the last half of 2019", "2019-H2")]),
    ("The group began to fall apart in mid-1996.", [("mid-1996", "1996")]),
])
def test_reporting_periods_and_hyphenated_years(nlp, text, expected):
    assert _tag(nlp, text, WEDNESDAY) == expected


@pytest.mark.parametrize("text, expected", [
    # a clock time alone in a past clause falls on the day last mentioned
    ("Slepian was shot on Friday. He died at 10 p.m. in his kitchen.",
     [("Friday", "2019-10-11"), ("10 p.m.", "2019-10-11T22:00")]),
    ("The meeting starts at 3 p.m.", [("3 p.m.", "2019-10-16T15:00")]),
    # a plural-form present with a singular subject is an invariant past ("hurt", "cut", "set")
    ("Weakness in technology stocks hurt the Nasdaq 100 Index, which fell 1.4% on Friday.",
     [("Friday", "2019-10-11")]),
    ("He and Arafat meet separately Monday with the envoy.", [("Monday", "2019-10-21")]),
    # the past perfect reaches through the adjective a verb complements
    ("The offer had been due to expire Friday evening.", [("Friday evening", "2019-10-11TEV")]),
    # a limit set by a past act may lie ahead
    ("The bank extended loans to the company through January.", [("January", "2020-01")]),
    ("The bank made loans to the company in January.", [("January", "2019-01")]),
    # a part of the day before the day
    ("Shares were up at mid-afternoon yesterday.", [("mid-afternoon yesterday", "2019-10-15TAF")]),
    # bare "earlier" counts back from the document date only before its verb
    ("Earlier, they had said they would give the boy back.", []),
    ("The mother had earlier suffered seven miscarriages.", []),
    ("The reward announced earlier by the minister still stands.", []),
    ("Peskov earlier stressed that Moscow was committed to the deal.", [("earlier", "PAST_REF")]),
])
def test_tense_and_reference_day(nlp, text, expected):
    assert _tag(nlp, text, WEDNESDAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("They emerged from a day-long meeting.", [("day-long", "P1D")]),
    ("He followed a several-year tenure as editor.", [("several-year", "PXY")]),
    ("The loan may be extended for an additional year.", [("an additional year", "P1Y")]),
    ("Profits will suffer in the near term.", [("the near term", "FUTURE_REF")]),
    ("The company will sell the unit as soon as possible.", [("as soon as possible", "FUTURE_REF")]),
    ("He left as soon as possible.", []),
    ("The plan failed. Now, he says, it looks different.", []),
    ("The truce holds for now, officials said.", [("now", "PRESENT_REF")]),
])
def test_more_duration_and_reference_shapes(nlp, text, expected):
    assert _tag(nlp, text, WEDNESDAY) == expected


@pytest.mark.parametrize("weekday, direction, expected", [
    (6, "near", date(2019, 10, 19)),   # Saturday from Wednesday: 3 days ahead beats 4 back
    (1, "near", date(2019, 10, 14)),   # Monday: 2 days back beats 5 ahead
    (3, "near", date(2019, 10, 16)),   # the day itself
    (6, "past", date(2019, 10, 12)),
    (6, "future", date(2019, 10, 19)),
    (6, None, date(2019, 10, 12)),
])
def test_weekday_date_near(weekday, direction, expected):
    assert weekday_date(date(2019, 10, 16), weekday, direction) == expected


@pytest.mark.parametrize("text, trigger, by_clause, by_position", [
    ("The rebels, who had attacked the base on Saturday, withdrew from the town on Monday.",
     "withdrew", "Monday", "Saturday"),
    ("The rebels, who had attacked the base on Saturday, withdrew from the town on Monday.",
     "attacked", "Saturday", "Saturday"),
    ("On Monday the president, who met Putin on Friday, announced new sanctions against Iran.",
     "announced", "Monday", "Friday"),
    ("Police arrested 20 protesters on Tuesday after clashes that began on Sunday.",
     "clashes", "Sunday", "Tuesday"),
    ("Officials said Monday that the airstrikes on Sunday killed 12 people.", "said", "Monday", "Monday"),
])
def test_time_for_span_prefers_the_clause_of_the_trigger(nlp, text, trigger, by_clause, by_position):
    doc = nlp(text)
    found = times(doc, layout=None, anchor=WEDNESDAY, settings=Settings())
    start = text.index(trigger)
    end = start + len(trigger)
    assert time_for_span(found, start, end, 0, len(text), doc=doc).text == by_clause
    assert time_for_span(found, start, end, 0, len(text)).text == by_position


def test_times_dev_skips_without_the_gold_set(tmp_path: Path, capsys):
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "benchmarks" / "times_dev.py"
    spec = importlib.util.spec_from_file_location("times_dev", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--gold", str(tmp_path / "missing.jsonl")]) == 0
    assert "missing" in capsys.readouterr().err


@pytest.mark.parametrize("text, shape", [
    ("last week", "relative unit"), ("Friday night", "weekday+part"), ("Friday", "weekday"),
    ("fiscal 1988", "fiscal"), ("the third quarter", "quarter/half"), ("Oct. 23", "month-day"),
    ("a year earlier", "ago/earlier/later"), ("now", "general ref"), ("three weeks", "duration"),
])
def test_times_dev_shapes(text, shape):
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "benchmarks" / "times_dev.py"
    spec = importlib.util.spec_from_file_location("times_dev", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.shape_of(text) == shape


@pytest.mark.parametrize("anchor, expected", [
    ("2019-10-14", date(2019, 10, 14)),
    ("2019-10-14T10:00:00Z", date(2019, 10, 14)),
    ("Mon, 08 Mar 2021 09:15:00 +0000", date(2021, 3, 8)),
    ("yesterday", None),
    ("", None),
])
def test_parse_anchor_reads_iso_and_feed_dates(anchor, expected):
    from dateline.extract.times.calendar import parse_anchor

    assert parse_anchor(anchor) == expected
