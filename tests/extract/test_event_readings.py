"""Readings that depend on who acts (extract/events/readings.py), run end to end with the packaged actor
knowledge. Sentences written for these tests.

These test the rules' readings, so they run the rules coder (``event_coder="rules"``); the learned
decider may overrule a reading (the model card lists where it does, wrongly, on these sentences)."""

from __future__ import annotations

import pytest

import dateline

pytestmark = pytest.mark.slow  # every test parses with spaCy through dateline.extract

RULES = dateline.Settings(event_coder="rules")


def asserted(text: str, published: str = "2010-05-05") -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in dateline.extract(text, published=published, settings=RULES).events
            if e.status == "asserted"]


@pytest.mark.parametrize("text, expected", [
    ("Nigerian peacekeepers arrived in Monrovia on Monday.", ("AID", "peacekeeping")),
    ("Russian troops arrived in Belarus on Monday.", ("MOBILIZE", "troops")),
    ("Iranian Foreign Minister Javad Zarif arrived in Damascus for talks.", ("CONSULT", "visit")),
    ("Rioters set fire to shops and cars in north London.", ("PROTEST", "riot")),
])
def test_who_arrives_or_burns_decides_the_event(text, expected):
    assert expected in asserted(text)


def test_a_storm_named_by_its_name_is_no_attacker():
    assert asserted("Hurricane Mitch killed more than 9,000 people across Central America.", "1998-11-05") == []


def test_a_past_act_is_not_planned_because_of_a_later_date_in_the_sentence():
    found = dateline.extract("British and Chinese negotiators opened a new round of talks on Hong Kong's "
                             "handover in 1997.", published="1993-04-22").events
    assert any(e.type == "CONSULT" and e.status == "asserted" for e in found)


@pytest.mark.parametrize("text", [
    "Drones struck an oil facility in eastern Saudi Arabia on Saturday, and Yemen's Houthi movement "
    "claimed responsibility.",
    "Drones struck an oil facility in eastern Saudi Arabia on Saturday. Yemen's Houthi movement "
    "claimed responsibility for the attack.",
])
def test_a_claim_of_responsibility_names_the_attacker(text):
    found = [e for e in dateline.extract(text, published="2019-09-15").events if e.type == "ASSAULT"]
    assert found and {a.country for a in found[0].source} == {"YEM"}


def test_an_inquiry_into_an_act_targets_its_doer():
    found = dateline.extract("The United Nations ordered an inquiry into Israeli shelling of schools in Gaza.",
                             published="2009-01-20").events
    accuse = [e for e in found if e.type == "ACCUSE"]
    assert accuse and {a.country for a in accuse[0].target} == {"ISR"}


@pytest.mark.parametrize("text, threat", [
    ("NATO's secretary-general warned that Russia could still launch an attack on Ukraine.", False),
    ("China warned that Taiwan would pay a heavy price for the visit.", True),
    ("Iran warned that it would close the Strait of Hormuz.", True),
])
def test_a_warning_of_anothers_attack_is_no_threat(text, threat):
    assert any(t == "THREATEN" for t, _ in asserted(text, "2021-05-05")) is threat


def test_arriving_here_is_a_visit_to_the_datelines_country():
    found = dateline.extract("ALMATY, July 3 (Xinhua) - Chinese President Jiang Zemin arrived here on Friday "
                             "for a state visit.", published="1998-07-03").events
    visits = [e for e in found if e.type == "CONSULT"]
    assert visits and {a.country for a in visits[0].target} == {"KAZ"}


@pytest.mark.parametrize("text", [
    "The president pledged to hunt down the militants behind the attack.",
    "North Korea vowed to wipe out its enemies.",
    "Russia said it would respond with military measures if NATO expanded eastward.",
    "India said it reserved the right to respond to the Pakistani provocation.",
])
def test_promises_of_force_are_threats(text):
    assert any(t == "THREATEN" for t, _ in asserted(text, "2005-05-05"))


@pytest.mark.parametrize("text, attack", [
    ("Five Armenian trucks loaded with food crossed into Turkey on Saturday to help earthquake victims.", False),
    ("Turkish troops crossed into northern Iraq on Sunday.", True),
])
def test_only_armed_forces_crossing_make_an_incursion(text, attack):
    assert any(t == "ASSAULT" for t, _ in asserted(text, "2015-02-01")) is attack


@pytest.mark.parametrize("text", [
    "Clinton's communications director spoke to reporters on Friday after the debate.",
    "Hillary Clinton is seizing upon a New York Times report about Donald Trump's taxes.",
    "Trump shot back in a statement on Tuesday.",
])
def test_figures_of_speech_and_press_contact_are_no_events(text):
    assert asserted(text, "2016-10-03") == []


def test_a_seizure_on_a_weekday_is_still_a_seizure():
    assert any(t == "COERCE" for t, _ in asserted("The Israeli army seized on Tuesday a ship carrying weapons.",
                                                  "2016-10-03"))


def test_a_reporters_question_is_no_request():
    assert asserted("Asked about his previous criticisms of Trump, Christie said that was part of a campaign.",
                    "2016-03-02") == []


@pytest.mark.parametrize("text, expected", [
    ("Nigerian unions called off the strike on Monday.", "CONCEDE"),
    ("Egypt put 200 soldiers on trial over the coup attempt.", "ACCUSE"),
    ("Qatar promised to pay the salaries of civil servants in Gaza.", "AGREE"),
])
def test_particles_trials_and_payments_read_right(text, expected):
    assert expected in [t for t, _ in asserted(text, "2016-10-03")]


def test_an_advertising_campaign_is_no_attack():
    assert asserted("The company launched an advertising campaign in Kenya.", "2016-10-03") == []
