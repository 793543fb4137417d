"""Table tests of the temporal tagger: spans, TimeML values and types against a document date."""

from __future__ import annotations

import pytest

from dateline.extract.times import is_future, time_for_span, times
from dateline.records import Layout, TimeExpr, Zone
from dateline.settings import Settings

ANCHOR = "2019-10-16"  # a Wednesday


def _tag(nlp, text: str, anchor: str | None = ANCHOR, **settings) -> list[tuple[str, str | None, str]]:
    doc = nlp(text)
    found = times(doc, layout=None, anchor=anchor, settings=Settings(**settings))
    for t in found:
        assert text[t.start:t.end] == t.text
    return [(t.text, t.value, t.type) for t in found]


@pytest.mark.parametrize("text, expected", [
    ("The minister arrived on March 5.", [("March 5", "2019-03-05", "DATE")]),
    ("The summit opened 5 March 2020 in Sochi.", [("5 March 2020", "2020-03-05", "DATE")]),
    ("Talks resumed on Mar. 5, 2018.", [("Mar. 5, 2018", "2018-03-05", "DATE")]),
    ("The report is dated 2020-03-05.", [("2020-03-05", "2020-03-05", "DATE")]),
    ("The deal was signed in July 1997.", [("July 1997", "1997-07", "DATE")]),
    ("The army withdrew in 1989.", [("1989", "1989", "DATE")]),
    ("Growth slowed in the 1990s.", [("the 1990s", "199", "DATE")]),
    ("The shrine dates from the 11th century.", [("the 11th century", "10", "DATE")]),
    ("Profit rose in the third quarter.", [("the third quarter", "2019-Q3", "DATE")]),
    ("The rebels attacked last spring.", [("last spring", "2019-SP", "DATE")]),
])
def test_absolute_and_calendar_dates(nlp, text, expected):
    assert _tag(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The minister said on Monday that talks went well.", [("Monday", "2019-10-14", "DATE")]),
    ("The minister will travel to Ankara on Monday.", [("Monday", "2019-10-21", "DATE")]),
    ("The vote is scheduled for Friday.", [("Friday", "2019-10-18", "DATE")]),
    ("The president spoke on Wednesday.", [("Wednesday", "2019-10-16", "DATE")]),
    ("Officials met last Friday.", [("last Friday", "2019-10-11", "DATE")]),
    ("Troops moved in yesterday.", [("yesterday", "2019-10-15", "DATE")]),
    ("Let's wait for tomorrow.", [("tomorrow", "2019-10-17", "DATE")]),
    ("Shelling resumed last week.", [("last week", "2019-W41", "DATE")]),
    ("Talks continue this week.", [("this week", "2019-W42", "DATE")]),
    ("Prices rose earlier this year.", [("earlier this year", "2019", "DATE")]),
    ("He resigned earlier this month.", [("earlier this month", "2019-10", "DATE")]),
    ("The ceasefire collapsed two days ago.", [("two days ago", "2019-10-14", "DATE")]),
    ("The mission ended a year ago.", [("a year ago", "2018", "DATE")]),
    ("The plant reopened last year.", [("last year", "2018", "DATE")]),
    ("Elections are due next month.", [("next month", "2019-11", "DATE")]),
    ("Fighting broke out Friday night.", [("Friday night", "2019-10-11", "DATE")]),
    ("Fighting broke out Friday morning.", [("Friday morning", "2019-10-11TMO", "DATE")]),
    ("Rebels struck this morning.", [("this morning", "2019-10-16TMO", "TIME")]),
])
def test_relative_dates(nlp, text, expected):
    assert _tag(nlp, text) == expected


@pytest.mark.parametrize("text, anchor, expected", [
    ("The talks will be held in January.", "2019-10-16", "2020-01"),
    ("The talks were held in January.", "2019-10-16", "2019-01"),
    ("The envoy arrived on December 28.", "2020-01-03", "2019-12-28"),
    ("The envoy will arrive on January 4.", "2019-12-30", "2020-01-04"),
])
def test_dates_without_a_year_follow_the_tense_across_year_ends(nlp, text, anchor, expected):
    assert [v for _, v, _ in _tag(nlp, text, anchor)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The siege lasted three weeks.", [("three weeks", "P3W", "DURATION")]),
    ("Prices have doubled over the past three years.", [("the past three years", "P3Y", "DURATION")]),
    ("After a 16-hour flight he landed.", [("16-hour", "PT16H", "DURATION")]),
    ("Refugees lived there for several years.", [("several years", "PXY", "DURATION")]),
    ("They stayed for 2 1/2 years.", [("2 1/2 years", "P2Y6M", "DURATION")]),
    ("Protesters gather every Monday.", [("every Monday", "XXXX-WXX-1", "SET")]),
    ("The paper appears daily.", [("daily", "P1D", "SET")]),
])
def test_durations_and_sets(nlp, text, expected):
    assert _tag(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Inflation is now falling.", [("now", "PRESENT_REF", "DATE")]),
    ("The leaders spoke recently.", [("recently", "PAST_REF", "DATE")]),
    ("The spokesman earlier stressed the point.", [("earlier", "PAST_REF", "DATE")]),
    ("Talks will continue over the next few days.", [("the next few days", "PXD", "DURATION")]),
    ("The plan may change in the future.", [("the future", "FUTURE_REF", "DATE")]),
    ("He left as soon as possible.", []),
    ("May God protect them, he said.", []),
    ("Thousands joined the march in May.", [("May", "2019-05", "DATE")]),
    ("The 52-year-old leader is 52 years old.", []),
])
def test_general_references_and_non_times(nlp, text, expected):
    assert _tag(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The blast came at 10:35 a.m. local time.", [("10:35 a.m. local time", "2019-10-16T10:35", "TIME")]),
    ("Voting closes at 5 p.m. EST, Nov. 6.", [("5 p.m. EST, Nov. 6", "2019-11-06T17:00", "TIME")]),
    ("The curfew starts at midnight Friday.", [("midnight Friday", "2019-10-18T24:00", "TIME")]),
    ("Turnout fell in nineteen ninety-six.", [("nineteen ninety-six", "1996", "DATE")]),
    ("Hate groups shrank through the nineties.", [("the nineties", "199", "DATE")]),
    ("Crowds gathered on Thanksgiving Day.", [("Thanksgiving Day", "2018-11-22", "DATE")]),
    ("He was arrested in July last year.", [("July last year", "2018-07", "DATE")]),
    ("The troops left last September.", [("last September", "2018-09", "DATE")]),
    ("The deal should close by year-end.", [("year-end", "2019-12-31", "DATE")]),
    ("Prices jumped over the weekend.", [("the weekend", "2019-W41-WE", "DATE")]),
    ("Sales fell from a year earlier in the third quarter.", [("a year earlier", "2018", "DATE"),
                                                              ("the third quarter", "2019-Q3", "DATE")]),
    ("Profit rose in the third quarter from a year earlier.", [("the third quarter", "2019-Q3", "DATE"),
                                                               ("a year earlier", "2018-Q3", "DATE")]),
    ("Talks lasted nearly forty years.", [("nearly forty years", "P40Y", "DURATION")]),
    ("He flew out on Monday.", [("Monday", "2019-10-14", "DATE")]),
])
def test_timeml_spans_and_values(nlp, text, expected):
    assert _tag(nlp, text) == expected


def test_following_day_is_relative_to_the_last_date_mentioned(nlp):
    text = "The offensive began on March 3, 2015. The following day, rebels retreated."
    assert _tag(nlp, text)[-1] == ("The following day", "2015-03-04", "DATE")


@pytest.mark.parametrize("order, expected", [("MDY", "2020-03-05"), ("DMY", "2020-05-03")])
def test_numeric_dates_follow_the_date_order_setting(nlp, order, expected):
    assert _tag(nlp, "Filed on 03/05/2020 in Geneva.", date_order=order) == [("03/05/2020", expected, "DATE")]


def test_without_anchor_relative_values_are_none_and_absolute_ones_stay(nlp):
    found = _tag(nlp, "On Monday officials cited the March 5, 2020 accord, signed last week.", anchor=None)
    assert found == [("Monday", None, "DATE"), ("March 5, 2020", "2020-03-05", "DATE"),
                     ("last week", None, "DATE")]


def test_excluded_layout_zones_are_not_read(nlp):
    text = "Photo taken on Monday\n\nThe envoy left on Tuesday."
    layout = Layout(zones=(Zone("caption", 0, 21),), title=None, standfirst=(), dateline=None, body=None)
    found = times(nlp(text), layout=layout, anchor=ANCHOR, settings=Settings())
    assert [t.text for t in found] == ["Tuesday"]


def _t(start: int, end: int, value: str | None, type_: str = "DATE") -> TimeExpr:
    return TimeExpr(start, end, "x" * (end - start), value, type_)  # type: ignore[arg-type]


def test_time_for_span_prefers_the_nearest_dated_expression_in_the_sentence():
    found = [_t(0, 5, "2019-10-01"), _t(20, 28, "PAST_REF"), _t(40, 46, "2019-10-14"),
             _t(60, 66, "P3D", "DURATION"), _t(120, 126, "2019-10-20")]
    assert time_for_span(found, 48, 55, 10, 100).value == "2019-10-14"
    assert time_for_span(found, 21, 24, 15, 35).value == "PAST_REF"
    assert time_for_span(found, 70, 75, 55, 100) is None


@pytest.mark.parametrize("value, anchor, expected", [
    ("2019-10-17", ANCHOR, True), ("2019-10-16", ANCHOR, False), ("2019-10", ANCHOR, False),
    ("2019-11", ANCHOR, True), ("2019-W43", ANCHOR, True), ("2019-W42", ANCHOR, False),
    ("FUTURE_REF", None, True), ("PAST_REF", ANCHOR, False), ("2020", None, False),
    ("2019-10-17T10:00", ANCHOR, True), ("P3D", ANCHOR, False),
])
def test_is_future(value, anchor, expected):
    assert is_future(value, anchor) is expected


@pytest.mark.parametrize("text, value", [
    ("By mid afternoon, officials said the road was open.", "2021-03-09TAF"),
    ("Dealers placed heavy orders in the morning.", "2021-03-09TMO"),
])
def test_parts_of_the_day_alone(nlp, text, value):
    from dateline.extract.times import tag_times

    assert [(t.value, t.type) for t in tag_times(nlp(text), anchor="2021-03-09")] == [(value, "TIME")]
