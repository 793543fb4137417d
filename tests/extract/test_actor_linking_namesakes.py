"""A known person's surname borne by someone else the article names ("Jeb Bush", "Hunter Biden")
is that other person, in the full name and in later bare-surname mentions."""

from __future__ import annotations

import pytest

from dateline import Pipeline, Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run():
    pipe = Pipeline(Settings(places=False))
    return lambda text: [(a.text, a.name) for a in next(iter(pipe.run([text]))).actors]


def test_a_namesake_in_full_is_not_the_known_person(run):
    got = run("Jeb Bush, the former Florida governor, attacked Donald Trump on Monday.")
    assert ("Jeb Bush", "Jeb Bush") in got


def test_a_bare_surname_after_a_namesake_is_the_namesake(run):
    got = run("Hunter Biden criticized the senator. Biden said he was angry.")
    assert ("Biden", "Hunter Biden") in got


def test_the_known_person_keeps_the_surname_when_the_article_names_him(run):
    got = run("President Bush met Tony Blair in London. Laura Bush visited a school. Bush later criticized Iran.")
    assert ("Bush", "George W. Bush") in got and ("Laura Bush", "Laura Bush") in got
    assert ("George Bush", "George W. Bush") in run("George Bush met Tony Blair in London.")
