"""The publication date and agency a story gives itself: a dated dateline, a time stamp or byline in
its head; never a date mentioned in a sentence, never a guessed year."""

from __future__ import annotations

import pytest

from dateline.ingest.published import publication_date, stamp_date
from dateline.ingest.wire import analyse_layout
from dateline.pipeline import Pipeline
from dateline.records import SourceDocument
from dateline.settings import Settings


@pytest.mark.parametrize("line, expected", [
    ("By Anna Kowalska | January 27, 2022 4:12 PM UTC", "2022-01-27"),
    ("Published: 3 October 2023, 14:05", "2023-10-03"),
    ("Source: Xinhua | 2023-03-04 18:22:15 | Editor: Li Ming", "2023-03-04"),
    ("Dec. 3, 2021 / 4:52 PM", "2021-12-03"),
    ("By Peter Mwangi, June 14, 2021", "2021-06-14"),
    ("Updated Jan 27, 2022 4:12 PM UTC", "2022-01-27"),
    ("Monday, June 14, 2021 08:42 EAT", "2021-06-14"),
    ("3 OCT 2023, 14:05", "2023-10-03"),
    ("Published May 3, 2022 | Updated May 4, 2022", "2022-05-03"),
    ("Sunday 20 November 2022 17.30 GMT", "2022-11-20"),
    ("By PETER MWANGI, Associated Press", None),                       # a byline without a date
    ("The initiative was signed in Istanbul in July 2022", None),      # a sentence
    ("On June 14, 2021 police fired tear gas", None),
    ("Prosecutors said the attacks came in 2020 and 2021.", None),
    ("2023-02-30", None),                                               # not in the calendar
    ("October 3", None),                                                # no year: not guessed
])
def test_stamp_lines(line, expected):
    assert stamp_date(line) == expected


@pytest.mark.parametrize("text, expected", [
    ("WASHINGTON, Dec. 3, 2021 (UPI) -- The Justice Department charged three men.", "2021-12-03"),
    ("Hackers charged\n\nBy Ellen Park | Dec. 3, 2021 / 4:52 PM\n\nWASHINGTON, Dec. 3 (UPI) -- The Justice "
     "Department charged three men.", "2021-12-03"),
    ("June 14, 2021\n\nPolice in Nairobi fired tear gas at protesters on Monday, witnesses said.", "2021-06-14"),
    ("MOSCOW, October 3. /TASS/. Russia is ready to resume talks, an aide said on Tuesday.", None),
    ("Slovak parliament rejects motion\n\nThe parliament voted in June 2021 to keep the minister.", None),
])
def test_publication_date_of_a_text(text, expected):
    assert publication_date(text, analyse_layout(text)) == expected


def test_a_stamp_line_is_not_taken_for_the_headline():
    text = "June 14, 2021\n\nPolice in Nairobi fired tear gas at protesters on Monday, witnesses said.\n"
    layout = analyse_layout(text)
    assert layout.title is None and layout.body.text.startswith("Police")


@pytest.mark.parametrize("given, expected_published, expected_source, dateline_date", [
    ({}, "2021-12-03", "UPI", "2021-12-03"),
    ({"published": "2021-12-04", "source": "Wire"}, "2021-12-04", "Wire", "2021-12-03"),   # given wins
])
def test_prepare_fills_published_and_source_from_the_text(given, expected_published, expected_source,
                                                          dateline_date):
    text = ("U.S. charges hackers\n\nBy Ellen Park | Dec. 3, 2021 / 4:52 PM\n\nWASHINGTON, Dec. 3 (UPI) -- The "
            "Justice Department charged three men on Friday.")
    prepared = Pipeline(Settings()).prepare(SourceDocument(text=text, **given))
    assert prepared.source.published == expected_published and prepared.source.source == expected_source
    assert prepared.layout.dateline.date == dateline_date


def test_prepare_leaves_an_undated_story_undated():
    text = "MOSCOW, October 3. /TASS/. Russia is ready to resume talks with Turkey, an aide said."
    prepared = Pipeline(Settings()).prepare(SourceDocument(text=text))
    assert prepared.source.published is None and prepared.source.source == "TASS"
