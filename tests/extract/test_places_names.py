"""Nationality and region words inside names ("British Airways" and "the European Commission"
are places, "the Russian Defense Ministry" stays out as an actor), named sites after "at",
street blocks and street nouns, South Africa's North West."""

from __future__ import annotations

import pytest

from dateline.extract.places import places


def _demonyms(nlp, gaz, text, **options):
    found = places(nlp(text), layout=None, gazetteer=gaz, embedded=True, **options)
    return [(p.text, p.name) for p in found if p.role == "demonym"]


@pytest.mark.parametrize("text, expected", [
    ("The minister met the chief executive of British Airways on Monday.", [("British", "United Kingdom")]),
    ("He hit a home run in the American League Division Series.", [("American", "United States")]),
])
def test_a_nationality_word_inside_the_name_of_a_thing_is_a_place(nlp, small_gazetteer, text, expected):
    assert _demonyms(nlp, small_gazetteer, text) == expected


@pytest.mark.parametrize("text", [
    "According to the Russian Defense Ministry, militants attacked the base.",
    "The Nigerian Army said it had recruited 20,000 men.",
])
def test_a_nationality_word_inside_the_name_of_an_actor_stays_out(nlp, small_gazetteer, text):
    assert _demonyms(nlp, small_gazetteer, text) == []


def test_a_region_word_inside_any_name_is_a_place(nlp, small_gazetteer):
    text = "The European Commission proposed new rules on Wednesday."
    assert _demonyms(nlp, small_gazetteer, text) == [("European", "Europe")]


@pytest.mark.parametrize("text", [
    "A caravan of Central American migrants reached the border town.",
    "Many of the players are European.",
])
def test_a_region_word_before_an_actor_or_alone_stays_out(nlp, small_gazetteer, text):
    assert _demonyms(nlp, small_gazetteer, text) == []


def test_a_name_after_at_that_a_site_noun_follows_is_a_place(nlp, small_gazetteer):
    text = "The winning ticket was sold at the Lukeoil gas station on Friday."
    found = places(nlp(text), layout=None, gazetteer=small_gazetteer)
    assert [(p.text, p.lat) for p in found] == [("Lukeoil", None)]


def test_a_name_after_at_without_a_site_noun_is_no_site(nlp, small_gazetteer):
    text = "She works as an analyst at Moody's Analytics and lives nearby."
    assert [p.text for p in places(nlp(text), layout=None, gazetteer=small_gazetteer)] == []


def test_a_name_after_a_street_block_is_a_street(nlp, small_gazetteer):
    text = "Police arrested a man at a home in the 500 block of Jeffords on Sunday."
    assert [p.text for p in places(nlp(text), layout=None, gazetteer=small_gazetteer)] == ["Jeffords"]


@pytest.mark.parametrize("text, name", [
    ("He played his debut at a Dublin venue, No 25, Fitzwilliam Place, last night.", "Fitzwilliam Place"),
    ("Traffic backed up on the Gardiner Expressway after the crash.", "Gardiner Expressway"),
])
def test_street_nouns_of_places_and_roads_end_a_street_name(nlp, small_gazetteer, text, name):
    assert name in [p.text for p in places(nlp(text), layout=None, gazetteer=small_gazetteer)]


def test_south_africas_north_west_province_is_known(nlp, small_gazetteer):
    text = "Rural communities in the North West and Limpopo provinces won royalties."
    found = places(nlp(text), layout=None, gazetteer=small_gazetteer)
    assert ("North West", "ZAF") in [(p.text, p.country) for p in found]


def test_lower_case_directions_before_a_city_are_no_place_of_their_own(nlp, small_gazetteer):
    text = "The man, of Brent, north west London, denies two counts of fraud."
    found = places(nlp(text), layout=None, gazetteer=small_gazetteer)
    assert [(p.text, p.name) for p in found if "west" in p.text] == [("north west London", "London")]


@pytest.mark.parametrize("text, name", [
    ("Both projects include a Market at Makeen. They were built by the army.", "Makeen"),
    ("Fans set off fireworks inside Anfield before the match.", "Anfield"),
])
def test_an_unknown_name_a_spatial_preposition_places_is_a_place(nlp, small_gazetteer, text, name):
    found = places(nlp(text), layout=None, gazetteer=small_gazetteer)
    assert [(p.text, p.lat) for p in found] == [(name, None)]


@pytest.mark.parametrize("text", [
    "Officials expressed fatigue at Kelly's attempts to calm John Kelly down.",
    "Scholarship forms are available at Mr Robinson's office.",
    "She wrote on the website of Dignity in Dying last week.",
    "He met Ana Lopez at Lopez Holdings, and Lopez Holdings said it would grow.",
])
def test_owners_persons_and_parts_of_names_after_a_preposition_are_no_places(nlp, small_gazetteer, text):
    assert [p.text for p in places(nlp(text), layout=None, gazetteer=small_gazetteer)] == []
