"""Acts the sentence says happened ("protests erupted", "fighting broke out"), capitalized event
nouns after a dateline, and the implied source of an act nobody is named doing. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from dateline.records import Place
from helpers import events_of

pytestmark = pytest.mark.usefixtures("country_word_actors")

# stand-in gazetteer: the places these sentences name
PLACES = {"Khartoum": ("SDN", 15.5, 32.5), "Tripoli": ("LBY", 32.9, 13.2), "Lebanon": ("LBN", 33.9, 35.5),
          "Beirut": ("LBN", 33.9, 35.5), "Nairobi": ("KEN", -1.3, 36.8)}


def events_placed(nlp, text):
    """The events of ``text`` with the stand-in gazetteer's places found in it."""
    places = []
    for name, (country, lat, lon) in PLACES.items():
        at = text.find(name)
        if at >= 0:
            places.append(Place(at, at + len(name), name, name=name, lat=lat, lon=lon, country=country))
    return events_of(nlp, text, places=places)


@pytest.mark.parametrize("text, expected", [
    ("Protests erupted in Khartoum on Wednesday.", "PROTEST"),
    ("KHARTOUM, May 1 (Reuters) - Protests erupted in the capital on Wednesday.", "PROTEST"),
    ("Fighting broke out between rival militias in Tripoli on Sunday.", "ASSAULT"),
    ("Heavy fighting erupted in Tripoli overnight.", "ASSAULT"),
])
def test_an_act_said_to_happen_is_an_event_without_a_named_doer(nlp, text, expected):
    assert expected in [e.type for e in events_placed(nlp, text)]


@pytest.mark.parametrize("text", [
    "The protest movement grew out of student groups.",
    "Protests are a right under the constitution.",
])
def test_an_event_noun_without_a_happening_verb_still_needs_its_doer(nlp, text):
    assert [e.type for e in events_placed(nlp, text) if e.status == "asserted"] == []


def test_the_pair_of_a_happening_verb_are_the_sides(nlp):
    found = [e for e in events_placed(nlp, "Fighting erupted between Sudan and Libya on Sunday.")
             if e.type == "ASSAULT"]
    assert found
    sides = {a.country for e in found for a in (*e.source, *e.target)}
    assert sides == {"SDN", "LBY"}


@pytest.mark.parametrize("text, country", [
    ("A Canadian missionary was arrested in Beirut on Monday.", "LBN"),
    ("A bomb exploded in Nairobi, killing four Canadian tourists.", "KEN"),
])
def test_an_unnamed_doer_is_an_implied_actor_of_the_place(nlp, text, country):
    found = [e for e in events_placed(nlp, text) if e.type in ("COERCE", "ASSAULT")]
    assert found
    source = found[0].source
    assert [a.country for a in source] == [country]
    assert source[0].kind == "implied"
    if source[0].start is not None:
        assert text[source[0].start:source[0].end] == source[0].text


def test_a_statement_gets_no_implied_source(nlp):
    for e in events_placed(nlp, "The talks in Nairobi were condemned as a sham."):
        if e.type == "ACCUSE":
            assert all(a.kind != "implied" for a in e.source)


@pytest.mark.parametrize("text, expected", [
    # an obstruction by a state is coercion; by protesters it stays a protest
    ("Kenya blocked access to the border town on Monday.", ("COERCE", "block")),
    ("Protesters blocked the main highway into the city.", ("PROTEST", "obstruct")),
    # a weapon fired into open water is a test or a show of force
    ("Russia launched two cruise missiles into the sea on Friday.", ("MOBILIZE", "weapons")),
    ("Russia launched two cruise missiles at Kenya on Friday.", ("ASSAULT", None)),
    # deporting is an authority's legal act, driving out a population is violence
    ("Kenya deported thousands of migrants.", ("COERCE", "deport")),
    # a named organisation banned
    ("Kenya banned the Muslim Brotherhood on Monday.", ("COERCE", "ban")),
])
def test_who_does_it_and_to_what_decides_the_reading(nlp, text, expected):
    got = [(e.type, e.mode) for e in events_placed(nlp, text) if e.status == "asserted"]
    if expected[1] is None:
        assert expected[0] in [t for t, _ in got]
    else:
        assert expected in got


def test_an_agreement_is_dated_apart_from_what_it_agrees_to(nlp):
    from dateline.records import TimeExpr
    text = "Kenya and Sudan agreed to hold further talks next month."
    at = text.index("next month")
    times = [TimeExpr(at, at + len("next month"), "next month", type="DATE", value="2024-06")]
    found = events_of(nlp, text, times=times)
    agree = [e for e in found if e.type == "AGREE"]
    assert agree and agree[0].status == "asserted" and agree[0].date != "2024-06"


@pytest.mark.slow
@pytest.mark.parametrize("text, force", [
    # between politicians an attack is words; by forces it is force
    ("Senator Bernie Sanders attacked Hillary Clinton over her Wall Street speeches.", False),
    ("Kenyan troops attacked al-Shabaab fighters near the Somali border.", True),
])
def test_an_attack_between_politicians_is_not_force(text, force):
    import dateline

    got = [e.type for e in dateline.extract(text, published="2016-03-01").events if e.status == "asserted"]
    assert ("ASSAULT" in got) is force


def test_an_event_noun_setting_the_scene_of_the_same_act_is_not_another_event(nlp):
    found = events_placed(nlp, "Kenya met Sudan on the sidelines of the regional summit in Nairobi.")
    assert [e.type for e in found] == ["CONSULT"]


def test_a_participle_restating_the_act_is_not_another_event(nlp):
    found = events_placed(nlp, "Kenya lifted the curfew on Nairobi, allowing residents to leave their homes.")
    assert [e.type for e in found] == ["CONCEDE"]


def test_a_purpose_clause_below_a_promise_is_not_what_is_promised(nlp):
    found = events_placed(nlp, "Kenya said it was ready to work with Sudan to curb the smuggling of arms.")
    assert "THREATEN" not in [e.type for e in found]


def test_what_is_said_stays_the_news_beside_the_speakers_aside(nlp):
    found = events_placed(nlp, "Kenya is expelling two Russian diplomats, the foreign minister said on Monday, "
                               "accusing Russia of spying.")
    assert {"SANCTION", "ACCUSE"} <= {e.type for e in found}


def test_a_place_on_the_trigger_with_a_struck_object_names_the_target(nlp):
    found = [e for e in events_placed(nlp, "Russian warplanes hit targets across Libya on Wednesday night.")
             if e.type == "ASSAULT"]
    assert found and {a.country for a in found[0].target} == {"LBY"}


@pytest.mark.parametrize("text, expected", [
    ("Kenya beat Sudan 2-0 in Nairobi on Sunday.", []),
    ("Kenya beat Sudan in the football World Cup qualifier.", []),
    ("Kenya's police beat Sudanese refugees in Nairobi on Sunday.", ["ASSAULT"]),
])
def test_a_game_result_is_no_attack(nlp, text, expected):
    got = [e.type for e in events_placed(nlp, text) if e.type == "ASSAULT"]
    assert got == expected


def test_a_rejected_document_points_at_its_author(nlp):
    found = [e for e in events_placed(nlp, "Russia vetoed a draft resolution put forward by France and Kenya.")
             if e.type == "REJECT"]
    assert found and {a.country for a in found[0].target} == {"FRA", "KEN"}


@pytest.mark.parametrize("text, target", [
    ("Kenya discussed the situation in Libya with Sudan.", {"SDN"}),
    ("Kenya discussed security with Sudan.", {"SDN"}),
    ("Kenya and Sudan discussed the situation in Libya.", {"SDN"}),
])
def test_what_is_discussed_is_a_topic_not_a_party(nlp, text, target):
    found = [e for e in events_placed(nlp, text) if e.type == "CONSULT"]
    assert found and {a.country for a in found[0].target} == target


@pytest.mark.parametrize("text, expected", [
    ("Sudan began three days of military drills on Saturday, a day after Kenya's president met the "
     "French president.", "MOBILIZE"),
    ("Sudan held military exercises with Kenya.", "COOPERATE"),
])
def test_drills_without_a_partner_are_a_show_of_force(nlp, text, expected):
    assert expected in [e.type for e in events_placed(nlp, text)]


def test_talks_the_way_is_cleared_for_have_not_happened(nlp):
    found = events_placed(nlp, "The ruling cleared the way for talks between Kenya and Sudan.")
    assert [e for e in found if e.type == "CONSULT" and e.status == "asserted"] == []


def test_the_means_of_an_act_is_that_act(nlp):
    found = events_placed(nlp, "Sudan's army breached the ceasefire by shelling Kenya's positions near the border.")
    assert [e.type for e in found] == ["ASSAULT"]


def test_a_conditional_offer_by_its_own_doer_is_an_agreement(nlp):
    found = events_placed(nlp, "Kenya said it would withdraw its troops from Sudan if Libya did the same.")
    assert [(e.type, e.status) for e in found][:1] == [("AGREE", "asserted")]
