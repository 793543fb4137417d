"""Times counted from events told earlier, second days, generic "today", sets and rates, clock
times on a day named from today (short texts written for the tests)."""

from __future__ import annotations

import pytest
from helpers import tagged_times

from dateline.extract.times.episode import event_words
from dateline.knowledge.cache import SHARED

ANCHOR = "2020-03-04"  # a Wednesday


def _tag(nlp, text: str, anchor: str = ANCHOR) -> list[tuple[str, str | None, str]]:
    return tagged_times(nlp, text, anchor)


def test_a_clock_time_counted_back_from_a_shooting_dated_earlier(nlp):
    text = ("The doctor was shot to death last Oct. 23 at his home. A jogger saw the car near the "
            "house at 6 a.m. ten days before the shooting.")
    assert _tag(nlp, text, "1999-04-19") == [("last Oct. 23", "1998-10-23", "DATE"),
                                             ("6 a.m. ten days", "1998-10-13T06:00", "TIME")]


def test_the_day_after_a_death_dated_by_a_noun_of_the_same_event(nlp):
    text = ("Police questioned two men about the Oct. 23 killing of the doctor. The men came to "
            "his house the day after his death.")
    assert _tag(nlp, text, "1998-11-21") == [("Oct. 23", "1998-10-23", "DATE"),
                                             ("the day", "1998-10-24", "DATE")]


def test_an_event_never_dated_leaves_the_value_unknown(nlp):
    assert _tag(nlp, "The two men left the day after the vote.") == [("the day", None, "DATE")]


def test_event_words_read_the_verb_of_an_ing_noun_and_the_lexicon():
    lexicon = SHARED.time_lexicon()
    assert {"shooting", "shoot"} <= event_words("shooting", lexicon)
    assert {"death", "die", "kill"} <= event_words("Death", lexicon)
    assert event_words("ring", lexicon) == frozenset({"ring"})


@pytest.mark.parametrize("text, expected", [
    ("A summit will be held on April 24 and 25.", [("April 24", "2020-04-24", "DATE"),
                                                   ("25", "2020-04-25", "DATE")]),
    ("Talks ran from Jan. 3 to 5 in Geneva.", [("Jan. 3", "2020-01-03", "DATE"), ("5", "2020-01-05", "DATE")]),
    ("On Feb. 5 and 6 people died.", [("Feb. 5", "2020-02-05", "DATE")]),
])
def test_the_second_day_of_a_pair_takes_the_month_just_named(nlp, text, expected):
    assert _tag(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The case is for today's youth what the blockade was for their parents.", []),
    ("Chips of choice in many of today's personal computers.", []),
    ("I would have chosen the people of tomorrow.", []),
    ("Today's vote was close.", [("Today", "2020-03-04", "DATE")]),
    ("He hopes he one day follows his father.", []),
    ("She will one day fly to Mars.", []),
    ("The job lasted one day.", [("one day", "P1D", "DURATION")]),
])
def test_generic_today_and_someday_are_not_days(nlp, text, expected):
    assert _tag(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Fighting broke out Friday night.", [("Friday night", "2020-02-28", "DATE")]),
    ("The rebels returned the next night.", [("the next night", "2020-03-05", "DATE")]),
    ("Fighting stopped on March 1. The rebels returned the next night.",
     [("March 1", "2020-03-01", "DATE"), ("the next night", "2020-03-02", "DATE")]),
    ("Fighting stopped on March 1. The rebels returned the next morning.",
     [("March 1", "2020-03-01", "DATE"), ("the next morning", "2020-03-02TMO", "DATE")]),
    ("Rebels struck last night.", [("last night", "2020-03-03TNI", "TIME")]),
])
def test_a_named_night_is_the_day(nlp, text, expected):
    found = _tag(nlp, text)
    assert [f for f in found if f[1] is not None] == expected


@pytest.mark.parametrize("text, expected", [
    ("They meet every few years.", [("every few years", "PXY", "SET")]),
    ("He runs every morning.", [("every morning", "XXXX-XX-XXTMO", "SET")]),
    ("Every summer they travel north.", [("Every summer", "XXXX-SU", "SET")]),
    ("Protests happen on weekends.", [("weekends", "XXXX-WXX-WE", "SET")]),
    ("Prices rose year after year.", [("year after year", "P1Y", "SET")]),
    ("Qantas has four flights a week.", []),
    ("This adds nearly 700 seats a week.", []),
    ("Two men waited a week.", [("a week", "P1W", "DURATION")]),
])
def test_sets_and_rates_after_counted_nouns(nlp, text, expected):
    assert _tag(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The session ended at 4 p.m. yesterday.", [("4 p.m. yesterday", "2020-03-03T16:00", "TIME")]),
    ("Markets closed at noon today.", [("noon today", "2020-03-04T12:00", "TIME")]),
    ("Talks resume at 10 a.m. tomorrow.", [("10 a.m. tomorrow", "2020-03-05T10:00", "TIME")]),
    ("Troops moved in at 2:30 in the afternoon.", [("2:30 in the afternoon", "2020-03-04T14:30", "TIME")]),
])
def test_clock_times_on_a_day_named_from_today(nlp, text, expected):
    assert _tag(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sales fell in the last fiscal year.", [("the last fiscal year", "1988", "DATE")]),
    ("Profit will rise next fiscal year.", [("next fiscal year", "1990", "DATE")]),
    ("In the latest fiscal year sales were flat.", [("the latest fiscal year", "1988", "DATE")]),
])
def test_fiscal_years_named_from_the_document_date(nlp, text, expected):
    assert _tag(nlp, text, "1989-10-30") == expected


def test_a_half_of_a_year_named_from_today(nlp):
    assert _tag(nlp, "Prices will rise in the first half of next year.", "1998-02-06") == [
        ("the first half of next year", "1999-H1", "DATE")]
