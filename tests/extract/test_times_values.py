"""TimeML values of times of day, sets, durations and reporting quarters (short texts written for the tests)."""

from __future__ import annotations

import pytest
from helpers import tagged_times

from dateline.knowledge.cache import SHARED

ANCHOR = "2020-03-04"  # a Wednesday


def _tag(nlp, text: str, anchor: str = ANCHOR) -> list[tuple[str, str | None, str]]:
    return tagged_times(nlp, text, anchor)


@pytest.mark.parametrize("text, expected", [
    ("The explosion happened at 10:30 GMT.", [("10:30 GMT", "2020-03-04T10:30", "TIME")]),
    ("Police arrived at 3 p.m. on Tuesday.", [("3 p.m. on Tuesday", "2020-03-03T15:00", "TIME")]),
    ("Rebels struck this morning.", [("this morning", "2020-03-04TMO", "TIME")]),
    # a named day with its part of the day is a DATE that keeps the part (TimeBank's usual choice)
    ("Fighting broke out Tuesday morning.", [("Tuesday morning", "2020-03-03TMO", "DATE")]),
    ("Talks resumed Monday morning.", [("Monday morning", "2020-03-02TMO", "DATE")]),
    ("The film was a remake of High Noon.", []),
])
def test_times_of_day(nlp, text, expected):
    assert _tag(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The rally is held every Monday.", [("every Monday", "XXXX-WXX-1", "SET")]),
    ("Inspectors visit twice a year.", [("twice a year", "P1Y", "SET")]),
    ("The bank reports weekly.", [("weekly", "P1W", "SET")]),
    ("The clinic does dozens of interviews a day.", [("a day", "P1D", "SET")]),
    ("Flights leave on Monday and Tuesday nights.", [("Monday", "XXXX-WXX-1TNI", "SET"),
                                                     ("Tuesday nights", "XXXX-WXX-2TNI", "SET")]),
    ("He was arrested in each of the last three years.", [("each of the last three years", "P1Y", "SET")]),
    ("Riots broke out in the past three summers.", [("the past three summers", "XXXX-SU", "SET")]),
    # a rate after an amount is not marked
    ("Revenue should rise 8.5% annually.", []),
    ("The board meets 4 times annually.", [("annually", "P1Y", "SET")]),
    ("The plant saves $500 million a year.", []),
    ("The town was ruled by a governor for a year.", [("a year", "P1Y", "DURATION")]),
])
def test_sets_and_rates(nlp, text, expected):
    assert _tag(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The war lasted three years.", [("three years", "P3Y", "DURATION")]),
    ("The ruins stood empty for a decade.", [("a decade", "P10Y", "DURATION")]),
    ("Talks dragged on for several days.", [("several days", "PXD", "DURATION")]),
    ("The city was ruled from Moscow for centuries.", [("centuries", "PXC", "DURATION")]),
    ("The feud has lasted for decades.", [("decades", "PXE", "DURATION")]),
    ("The refund arrives within five business days.", [("five business days", "P5D", "DURATION")]),
])
def test_durations(nlp, text, expected):
    assert _tag(nlp, text) == expected


def test_quarters_count_back_from_the_quarter_reported(nlp):
    text = ("Profit rose in the third quarter. In the 1988 quarter it earned less, and U.K. sales "
            "for last year's quarter were low.")
    assert [v for _, v, _ in _tag(nlp, text, "1989-10-26")] == ["1989-Q3", "1988-Q3", "1988-Q3"]


def test_a_quarter_after_the_document_date_is_not_the_reference(nlp):
    text = ("He expects losses through the third quarter of 1990. In the year-ago period, the "
            "company earned $101 million.")
    assert [v for _, v, _ in _tag(nlp, text, "1989-10-26")] == ["1990-Q3", "1988-Q3"]


@pytest.mark.parametrize("text, expected", [
    ("Sales rose in the 1988 period.", [("the 1988 period", "1988", "DATE")]),
    ("Thousands joined the annual March for Life.", []),
    ("He resigned in March for health reasons.", [("March", "2020-03", "DATE")]),
])
def test_periods_and_named_marches(nlp, text, expected):
    assert _tag(nlp, text) == expected


def test_pos_before_is_read_from_the_rules_file():
    rules = {r.name: r for r in SHARED.time_lexicon().rules}
    assert rules["per_unit"].pos_before == ("NOUN",)
    assert rules["weekday"].pos_before == ()


def test_the_dateline_gives_the_story_its_day(nlp):
    from dateline.extract.times import times
    from dateline.ingest.wire import analyse_layout

    text = "JOHANNESBURG, August 7 (Xinhua) --\n\nThe minister said the talks would resume tomorrow."
    layout = analyse_layout(text, published="1998-08-08")
    assert layout.dateline is not None and layout.dateline.date == "1998-08-07"
    found = [(t.text, t.value) for t in times(nlp(text), layout=layout, anchor="1998-08-08")]
    assert found == [("August 7", "1998-08-07"), ("tomorrow", "1998-08-08")]


@pytest.mark.parametrize("published, dated, expected", [
    ("1998-08-08", "1998-08-07", "1998-08-07"),   # filed the day before, in another time zone
    ("1998-08-20", "1998-08-07", "1998-08-20"),   # too far apart: the publication day
    ("2019-10-14", "2019-10-15", "2019-10-14"),   # a dateline after publication is not trusted
    (None, "1998-08-07", "1998-08-07"),
    ("1998-08-08", None, "1998-08-08"),
])
def test_story_day(published, dated, expected):
    from dateline.extract.times.stage import story_day
    from dateline.records import Dateline, Layout

    dateline = Dateline(0, 10, "X, date --", "X", dated, None) if dated else None
    assert story_day(published, Layout(zones=(), title=None, standfirst=(), dateline=dateline, body=None)) == expected


@pytest.mark.parametrize("text, expected", [
    ("The talks lasted an hour and a half.", [("an hour and a half", "PT1H30M", "DURATION")]),
    ("He served a year and a half in prison.", [("a year and a half", "P1Y6M", "DURATION")]),
    ("But a minute and a half later, a pilot called.", [("a minute and a half later", "PT1M30S", "DURATION")]),
    ("He left the party a year and a half ago.", [("a year and a half ago", "2018-09", "DATE")]),
])
def test_and_a_half(nlp, text, expected):
    assert _tag(nlp, text) == expected


def test_overnight_is_the_night_before_the_day_told(nlp):
    text = ("Shares closed sharply lower Friday in active trading. They were depressed initially by "
            "overnight losses in New York, and ended down 4.5% from the previous Friday.")
    assert [v for _, v, _ in _tag(nlp, text, "1989-10-30")] == ["1989-10-27", "1989-10-26TNI", "1989-10-20"]


def test_overnight_without_a_day_told_is_last_night(nlp):
    assert _tag(nlp, "Heavy fighting erupted overnight.") == [("overnight", "2020-03-03TNI", "TIME")]


def test_overnight_ignores_a_day_the_sentence_does_not_continue(nlp):
    text = ("The embassies were bombed on Aug. 7. The United States has good intelligence linking the "
            "sites struck overnight with the attacks.")
    assert [v for _, v, _ in _tag(nlp, text, "1998-08-20")] == ["1998-08-07", "1998-08-19TNI"]


@pytest.mark.parametrize("text, expected", [
    ("The blast came at 10:30 a.m. local time (0730 GMT) on Tuesday.",
     [("10:30 a.m. local time", "2020-03-03T10:30", "TIME"), ("Tuesday", "2020-03-03", "DATE")]),
    ("Talks begin at 1500 GMT.", [("1500 GMT", "2020-03-04T15:00", "TIME")]),
    ("The ship sank at 2300 hours.", [("2300 hours", "2020-03-04T23:00", "TIME")]),
    ("The meeting opened at 14:00 Moscow time.", [("14:00 Moscow time", "2020-03-04T14:00", "TIME")]),
    ("The vote closed at nine o'clock Monday.", [("nine o'clock Monday", "2020-03-02T09:00", "TIME")]),
    ("Revenue reached $1500 in March.", [("March", "2020-03", "DATE")]),
])
def test_wire_clock_times(nlp, text, expected):
    assert _tag(nlp, text) == expected


def test_a_clock_time_takes_the_day_its_event_was_given(nlp):
    text = ("Dr. Slepian was shot to death last Oct. 23 at his home. The rifle was bought in 1997. "
            "Slepian, 52, was shot to death at 10 p.m. as he stood in the kitchen.")
    assert [v for _, v, _ in _tag(nlp, text, "1999-04-19")] == ["1998-10-23", "1997", "1998-10-23T22:00"]


def test_the_day_last_named_comes_before_the_event_day(nlp):
    text = "The rifle was found on April 8. The suspect was arrested at 10 p.m."
    assert [v for _, v, _ in _tag(nlp, text, "1999-04-19")] == ["1999-04-08", "1999-04-08T22:00"]


def test_a_weekday_counted_from_the_day_told_keeps_its_article(nlp):
    text = "Shares closed lower Friday, down 4.5% from the previous Friday."
    assert _tag(nlp, text, "1989-10-30") == [("Friday", "1989-10-27", "DATE"),
                                             ("the previous Friday", "1989-10-20", "DATE")]
