"""Calendar arithmetic and the time lexicon loader (no spaCy model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.errors import KnowledgeFileError
from dateline.extract.times.calendar import (
    duration_value, easter, nth_weekday, pick_year, shift_value, weekday_date,
)
from dateline.knowledge.cache import SHARED
from dateline.knowledge.time_lexicon import load_time_lexicon

WED = date(2019, 10, 16)


@pytest.mark.parametrize("weekday, direction, step, expected", [
    (3, None, None, date(2019, 10, 16)),
    (1, None, None, date(2019, 10, 14)),
    (1, "future", None, date(2019, 10, 21)),
    (5, "past", None, date(2019, 10, 11)),
    (3, None, -1, date(2019, 10, 9)),
    (3, None, 1, date(2019, 10, 23)),
    (5, None, 0, date(2019, 10, 18)),
])
def test_weekday_date(weekday, direction, step, expected):
    assert weekday_date(WED, weekday, direction, step) == expected


@pytest.mark.parametrize("anchor, month, day, direction, expected", [
    (date(2020, 1, 3), 12, 28, "past", 2019),
    (date(2019, 12, 30), 1, 4, "future", 2020),
    (date(2019, 10, 16), 10, 9, None, 2019),
    (date(2019, 10, 16), 1, None, "future", 2020),
    (date(2019, 10, 16), 10, None, "past", 2019),
])
def test_pick_year(anchor, month, day, direction, expected):
    assert pick_year(anchor, month, day, direction) == expected


@pytest.mark.parametrize("unit, steps, expected", [
    ("D", -1, "2019-10-15"), ("W", -1, "2019-W41"), ("WE", 0, "2019-W42-WE"), ("M", 3, "2020-01"),
    ("Q", -1, "2019-Q3"), ("Q", 1, "2020-Q1"), ("Y", -1, "2018"), ("E", 0, "201"), ("C", 0, "20"),
])
def test_shift_value(unit, steps, expected):
    assert shift_value(WED, unit, steps) == expected


@pytest.mark.parametrize("amount, code, time_unit, expected", [
    (3, "W", False, "P3W"), (None, "Y", False, "PXY"), (16, "H", True, "PT16H"),
    (2.5, "Y", False, "P2Y6M"), (5.5, "H", True, "PT5H30M"), (0.5, "Y", False, "P6M"),
])
def test_duration_value(amount, code, time_unit, expected):
    assert duration_value(amount, code, time_unit) == expected


def test_holidays():
    assert easter(2019) == date(2019, 4, 21)
    assert nth_weekday(2019, 11, 4, 4) == date(2019, 11, 28)  # Thanksgiving
    assert nth_weekday(2019, 5, 1, -1) == date(2019, 5, 27)  # Memorial Day


def test_packaged_lexicon_loads():
    lexicon = SHARED.time_lexicon()
    assert lexicon.lookup("months", "Sept.") == 9
    assert lexicon.lookup("weekdays", "friday") == 5
    assert lexicon.needs_capital("may")
    assert {r.name for r in lexicon.rules} >= {"weekday", "duration", "reference"}


def test_user_file_adds_words_and_rules(tmp_path):
    extra = tmp_path / "my_times.yaml"
    extra.write_text(
        "references:\n  hitherto: PAST_REF\n"
        "rules:\n  - name: ramadan\n    pattern: 'Ramadan'\n    norm: fixed\n    value: XXXX-09\n    type: DATE\n",
        encoding="utf-8")
    lexicon = load_time_lexicon([extra])
    assert lexicon.lookup("references", "hitherto") == "PAST_REF"
    assert any(r.name == "ramadan" for r in lexicon.rules)


@pytest.mark.parametrize("content, message", [
    ("months: [a, b]\n", "must be a mapping"),
    ("rules:\n  - name: bad\n    pattern: '('\n    norm: fixed\n    type: DATE\n", "bad pattern"),
    ("rules:\n  - name: bad\n    pattern: 'x'\n    norm: fixed\n    type: INSTANT\n", "has type"),
    ("colours: {red: 1}\n", "unknown class"),
])
def test_malformed_user_files_raise_actionable_errors(tmp_path, content, message):
    extra = tmp_path / "bad.yaml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match=message):
        load_time_lexicon([extra])


# Issue 12, item 7: years 0000 and 10000 must not come out of the tagger.

@pytest.mark.parametrize("base, unit, steps", [
    (date(9999, 6, 1), "Y", 1), (date(1, 6, 1), "Y", -1), (date(9999, 12, 30), "M", 1),
    (date(9999, 12, 30), "Q", 1), (date(1, 1, 2), "M", -1), (date(9995, 6, 1), "E", 1),
    (date(50, 6, 1), "C", -1),
])
def test_shifting_off_the_calendar_gives_no_value(base, unit, steps):
    from dateline.extract.times.calendar import within_calendar

    value = shift_value(base, unit, steps)
    assert value is None or not within_calendar(value)


@pytest.mark.parametrize("value, inside", [
    ("2019-10-14", True), ("9999-12-31", True), ("0001-01-01", True), ("2019-W41", True), ("201", True),
    ("20", True), ("P3D", True), ("PAST_REF", True), ("2019-10-14T10:00", True), (None, True),
    ("0000", False), ("0000-12", False), ("10000", False), ("10000-Q1", False), ("-1", False), ("10009", False),
])
def test_within_calendar(value, inside):
    from dateline.extract.times.calendar import within_calendar

    assert within_calendar(value) is inside
