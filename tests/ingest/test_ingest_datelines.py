"""Datelines of the wire agencies: place, date, agency and offsets."""

from __future__ import annotations

import pytest

from dateline.ingest.datelines import dateline_date, find_dateline, normal_place

BODY = " The minister said talks would go on.\n\nHe gave no details."


@pytest.mark.parametrize("lead, published, place, place_text, date, agency", [
    ("RIYADH, October 14. /TASS/.", "2019-10-14", "Riyadh", "RIYADH", "2019-10-14", "TASS"),
    ("MOSCOW, March 4. /TASS/.", "2020-03-04", "Moscow", "MOSCOW", "2020-03-04", "TASS"),
    ("MOSCOW (Reuters) -", "2021-06-01", "Moscow", "MOSCOW", None, "Reuters"),
    ("HOUSTON, Jan 27 (Reuters) -", "2022-01-27", "Houston", "HOUSTON", "2022-01-27", "Reuters"),
    ("DALLAS (AP) —", "2018-03-01", "Dallas", "DALLAS", None, "AP"),
    ("NAIROBI, Kenya (AP) _", "1998-08-07", "Nairobi", "NAIROBI", None, "AP"),
    ("PARIS (AFP) -", None, "Paris", "PARIS", None, "AFP"),
    ("PARIS, May 3 (AFP) -", "2017-05-03", "Paris", "PARIS", "2017-05-03", "AFP"),
    ("BEIJING, March 4 (Xinhua) --", "2015-03-05", "Beijing", "BEIJING", "2015-03-04", "Xinhua"),
    ("WASHINGTON, Dec. 3 (UPI) --", "2016-12-03", "Washington", "WASHINGTON", "2016-12-03", "UPI"),
    ("MOSCOW. Oct 14 (Interfax) -", "2019-10-15", "Moscow", "MOSCOW", "2019-10-14", "Interfax"),
    ("NEW YORK, Sept. 26 (UPI) —", "2016-09-26", "New York", "NEW YORK", "2016-09-26", "UPI"),
    ("DAR ES SALAAM, Tanzania (AP) _", None, "Dar es Salaam", "DAR ES SALAAM", None, "AP"),
    ("BUFFALO, N.Y. (AP) --", None, "Buffalo", "BUFFALO", None, "AP"),
    ("HAVANA (AP ) --", None, "Havana", "HAVANA", None, "AP"),
    ("KYIV, February 24 -", "2022-02-24", "Kyiv", "KYIV", "2022-02-24", None),
    ("LIMA, July 9 (Andina) -", "2020-07-09", "Lima", "LIMA", "2020-07-09", "Andina"),
    ("WASHINGTON _", None, "Washington", "WASHINGTON", None, None),
    ("ST. LOUIS –", None, "St. Louis", "ST. LOUIS", None, None),
    ("Geneva (AFP) -", None, "Geneva", "Geneva", None, "AFP"),
    ("LONDON, 4 March (Reuters) -", "2021-03-04", "London", "LONDON", "2021-03-04", "Reuters"),
    ("KYIV, Ukraine, March 4 (AP) —", "2022-03-05", "Kyiv", "KYIV", "2022-03-04", "AP"),
    ("MOSCOW, October 14 (Itar-Tass) --", "2003-10-14", "Moscow", "MOSCOW", "2003-10-14", "TASS"),
    ("Washington (CNN)", None, "Washington", "Washington", None, "CNN"),
])
def test_dateline_forms(lead, published, place, place_text, date, agency):
    text = lead + BODY
    found = find_dateline(text, published=published)
    assert found is not None
    assert (found.start, found.end, found.text) == (0, len(lead), lead)
    assert (found.place, found.date, found.agency) == (place, date, agency)
    assert found.place_span is not None and found.place_span.text == place_text
    assert text[found.place_span.start:found.place_span.end] == place_text


@pytest.mark.parametrize("prefix", [
    "Kremlin says talks go on\n\n",
    "All news\n\nMinisters meet again\n\nThe talks are set for Friday\n\n",
    "By Jane Roe. ",
])
def test_dateline_after_headline_lines(prefix):
    lead = "ANKARA (Reuters) -"
    text = prefix + lead + BODY
    found = find_dateline(text, published="2019-10-10")
    assert found is not None
    assert text[found.start:found.end] == lead
    assert found.start == len(prefix)


@pytest.mark.parametrize("text", [
    "The minister said on Monday that talks would continue.",
    "EXCLUSIVE - The minister said talks would continue.",
    "UPDATE - Talks resume in Vienna.",
    "1. TALKS RESUME - the first point of the day.",
    "Trump said - once again - that he would win.",
    "US-China trade talks resumed on Monday.",
    "NATO (North Atlantic Treaty Organization) said on Monday it would meet.",
    "Analysts say Moscow, Kyiv talks may resume.",
    "NO - we will never accept this, the minister said.",
    "",
])
def test_no_dateline(text):
    assert find_dateline(text, published="2020-01-01") is None


def test_agency_only_lead():
    found = find_dateline("(Reuters) - The company said on Monday it would cut jobs.")
    assert found is not None and (found.text, found.place, found.agency) == ("(Reuters) -", None, "Reuters")


def test_weak_dateline_not_after_long_paragraph():
    paragraph = "The ministers talked for hours about the ceasefire and the prisoners. " * 6
    text = paragraph + "\n\nJOHN SMITH - Managing Director of the firm, said it was good."
    assert find_dateline(text) is None


@pytest.mark.parametrize("month, day, published, expected", [
    (1, 2, "2019-12-30", "2020-01-02"),      # a December story datelined January 2
    (12, 30, "2020-01-02", "2019-12-30"),    # a January story datelined December 30
    (10, 14, "2019-10-14", "2019-10-14"),
    (6, 1, "2019-10-14", "2019-06-01"),
    (2, 29, "2021-03-01", "2020-02-29"),     # only a leap year has 29 February
    (10, 14, None, None),                    # no year is ever invented
    (10, 14, "not a date", None),
])
def test_dateline_year(month, day, published, expected):
    assert dateline_date(month, day, published) == expected


def test_year_rollover_in_text():
    found = find_dateline("MOSCOW, January 2. /TASS/. The talks began.", published="2019-12-31T23:00:00")
    assert found is not None and found.date == "2020-01-02"


def test_explicit_year_wins():
    found = find_dateline("LOS ANGELES, April 5, 2018 (GLOBE NEWSWIRE) -- A firm said.", published="2019-01-01")
    assert found is not None and found.date == "2018-04-05"


@pytest.mark.parametrize("written, expected", [
    ("RIYADH", "Riyadh"), ("NEW YORK", "New York"), ("DAR ES SALAAM", "Dar es Salaam"),
    ("O'SMACH", "O'Smach"), ("Moscow", "Moscow"), ("MCALLEN", "McAllen"),
])
def test_normal_place(written, expected):
    assert normal_place(written) == expected
