"""Event coder gaps closed as general mechanisms: a nominalisation's "of" noun as the object,
request verbs over an adverbial infinitive, promises to defy or not to act, exercises without a
partner, bans on another state's goods.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.extract.events import events

CODES = {"russia": "RUS", "ukraine": "UKR", "turkey": "TUR", "france": "FRA", "germany": "DEU",
         "israel": "ISR", "iran": "IRN", "china": "CHN", "japan": "JPN", "britain": "GBR", "peru": "PER",
         "chile": "CHL", "kenya": "KEN", "egypt": "EGY", "japanese": "JPN", "chinese": "CHN",
         "ukrainian": "UKR", "india": "IND"}


@pytest.fixture(autouse=True)
def stand_in_actor_coder(country_word_actors):
    country_word_actors(CODES)


def types(nlp, text):
    evs = events(nlp(text), layout=None, actors=[], quotes=[], times=[], places=[], anchor="2024-05-01",
                 knowledge=None)
    return [e.type for e in evs]


@pytest.mark.parametrize("text, expected", [
    # a nominalisation's "of" noun serves as the object its verb's pattern needs
    ("Egypt ordered the closure of the Turkish consulate.", ["SANCTION"]),
    ("Kenya announced the closure of its embassy in Peru.", ["SANCTION"]),
    ("Chile ordered the expulsion of two Peruvian diplomats.", ["SANCTION"]),
])
def test_nominalisation_of_phrase_is_the_object(nlp, text, expected):
    assert types(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "called for X to V", "pushed X to V" with the infinitive parsed as an adverbial clause: the
    # request governs, its complement is what is asked
    ("Russia called for the government of Ukraine to resign.", ["REQUEST"]),
    ("France pushed Germany to accept the refugees.", ["REQUEST"]),
    ("Britain pressed Iran to release the detained sailors.", ["REQUEST"]),
])
def test_request_governs_its_infinitive(nlp, text, expected):
    assert types(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Israel vowed to ignore the ultimatum from Iran.", ["REJECT"]),
    ("The prime minister of Peru vowed not to bow to pressure from Chile.", ["REJECT"]),
    ("Egypt pledged to reject the proposal.", ["REJECT"]),
    ("Russia pledged to withdraw its troops from Ukraine.", ["AGREE"]),
    ("Israel vowed to attack Iran.", ["THREATEN"]),
])
def test_promise_to_defy_is_a_rejection(nlp, text, expected):
    assert types(nlp, text) == expected



@pytest.mark.parametrize("text, expected", [
    ("Iran held military exercises in the Gulf.", ["MOBILIZE"]),
    ("China staged naval drills near Japan.", ["MOBILIZE"]),
    ("China and Russia held joint naval exercises.", ["COOPERATE"]),
    ("Russia held naval exercises with China.", ["COOPERATE"]),
])
def test_exercises_without_a_partner_are_a_show_of_force(nlp, text, expected):
    assert types(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("China announced a ban on Japanese seafood imports.", ["SANCTION"]),
    ("India banned Chinese apps.", ["SANCTION"]),
    ("Russia banned Ukrainian newspapers.", ["COERCE"]),
    ("Turkey banned the Kurdish party.", ["COERCE"]),
])
def test_ban_on_another_states_goods_is_an_embargo(nlp, text, expected):
    assert types(nlp, text) == expected
