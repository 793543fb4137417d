"""Event coder mechanisms: of-phrase objects, lemma corrections, reversed roles, ``needs`` on the
fallback, excluded objects, natural forces, attributive participles. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.extract.events.match import match_token
from dateline.knowledge.event_patterns import ObjectTerm, _object_term, load_event_patterns
from eventkit import run

CODES = {"egypt": "EGY", "russia": "RUS", "ukraine": "UKR", "turkey": "TUR", "syria": "SYR", "syrian": "SYR",
         "france": "FRA", "germany": "DEU", "chile": "CHL", "peru": "PER", "brazil": "BRA", "argentina": "ARG",
         "mexico": "MEX", "kenya": "KEN", "israel": "ISR", "israeli": "ISR", "india": "IND", "china": "CHN",
         "pakistan": "PAK", "japan": "JPN"}


@pytest.fixture(autouse=True)
def stand_in_actor_coder(country_word_actors):
    country_word_actors(CODES)




def summary(evs):
    return [(e.type, sorted({a.country for a in e.source if a.country}),
             sorted({a.country for a in e.target if a.country})) for e in evs]


@pytest.mark.parametrize("text, expected", [
    ("state of emergency", ObjectTerm("state", (), "emergency")),
    ("prisoner of war", ObjectTerm("prisoner", (), "war")),
    ("hunger strike", ObjectTerm("strike", ("hunger",))),
    ("cessation of hostilities", ObjectTerm("cessation", (), "hostilities")),
])
def test_object_terms_read_of_phrases_as_head_and_complement(text, expected):
    assert _object_term(text) == expected
    assert expected.text == text


@pytest.mark.parametrize("text, trigger", [
    ("Chile declared a state of emergency in the north.", "declared a state of emergency"),
    ("Peru proclaimed a state of emergency on Monday.", "proclaimed a state of emergency"),
])
def test_of_phrase_object_is_part_of_the_trigger(nlp, text, trigger):
    found = run(nlp, text)
    assert [(e.type, e.trigger.text) for e in found] == [("COERCE", trigger)]


def test_head_of_another_phrase_does_not_match_an_of_term(nlp):
    doc = nlp("Egypt declared a state of mourning.")
    m = match_token(doc[1], load_event_patterns())
    assert m is None or m.obj is None or m.obj.lemma_ != "state" or m.pattern.type != "COERCE"


@pytest.mark.parametrize("text, expected", [
    ("Syrian troops retook the town of Palmyra.", "COERCE"),
    ("Syria staged an attack on Turkey.", "ASSAULT"),
    ("Syrian soldiers raped women in a village.", "ASSAULT"),
])
def test_misleading_lemmas_are_corrected(nlp, text, expected):
    assert [e.type for e in run(nlp, text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Syria came under attack from Turkey.", [("ASSAULT", ["TUR"], ["SYR"])]),
    ("Israel came under fire from France over the raid.", [("ACCUSE", ["FRA"], ["ISR"])]),
    ("Pakistan came under pressure from China.", [("REQUEST", ["CHN"], ["PAK"])]),
    ("Israel faced criticism from France.", [("ACCUSE", ["FRA"], ["ISR"])]),
    ("India drew a rebuke from China.", [("ACCUSE", ["CHN"], ["IND"])]),
])
def test_reversed_roles(nlp, text, expected):
    assert summary(run(nlp, text)) == expected


@pytest.mark.parametrize("text", [
    "Rising prices put pressure on Mexico.",
    "The team took aim at the world record.",
    "A storm hit Kenya on Monday.",
    "Heavy rain pounded Mexico on Sunday.",
    "Brazil beat Argentina 2-1 in the final.",
    "Chile is fighting a legal battle with Peru.",
    "Palestinians live in the Israeli-occupied West Bank.",
])
def test_not_events(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Germany extradited the suspect to France.", [("COOPERATE", ["DEU"], ["FRA"])]),
    ("Syrian police beat protesters.", [("ASSAULT", ["SYR"], [])]),
    ("Russia fought Ukraine near the border.", [("ASSAULT", ["RUS"], ["UKR"])]),
    ("Pakistan expressed regret to India over the incident.", [("SUPPORT", ["PAK"], ["IND"])]),
])
def test_general_readings_still_code(nlp, text, expected):
    assert summary(run(nlp, text)) == expected


@pytest.mark.parametrize("text", [
    "Two Egyptian officials requested anonymity.",
    "The Egyptian minister said when asked about the raid that talks would go on.",
    "Egypt sought to demonstrate its support for France.",
    "Egypt insisted that Israel wants to annex the land.",
    "Chile pressed ahead with the referendum.",
    "Peru said it would appeal the ruling.",
])
def test_what_asks_nothing_of_anyone_is_no_request(nlp, text):
    assert "REQUEST" not in [e.type for e in run(nlp, text)]


@pytest.mark.parametrize("text, expected", [
    ("Egypt insisted that Israel withdraw from the land.", [("REQUEST", ["EGY"], ["ISR"])]),
    ("Peru appealed to Chile for help.", [("REQUEST", ["PER"], ["CHL"])]),
    ("Egypt adopted a resolution calling on Israel to halt the raids.", [("REQUEST", ["EGY"], ["ISR"])]),
])
def test_requests_still_code(nlp, text, expected):
    assert summary(run(nlp, text)) == expected


def test_preposition_on_the_object_meets_the_pattern(nlp):
    doc = nlp("Pakistan conveyed its regret to India.")
    m = match_token(doc[1], load_event_patterns())
    assert m is not None and m.pattern.type == "SUPPORT" and m.obj is not None and m.obj.lemma_ == "regret"


@pytest.mark.parametrize("text, expected", [
    ("Turkey criticised Syria, calling for an end to the shelling.", [("ACCUSE", ["TUR"], ["SYR"])]),
    ("Egypt sent a letter to Israel asking for the release of prisoners.", [("REQUEST", ["EGY"], ["ISR"])]),
])
def test_participle_restating_the_main_act_is_not_another_event(nlp, text, expected):
    assert summary(run(nlp, text)) == expected
