"""Actor coding in context: titles before names, countries inferred from the sentence,
coordinated places, participle attachments, country names the tagger calls people."""

from __future__ import annotations

import pytest

from helpers import actor_named, actors_of

pytestmark = pytest.mark.slow

DATE = "2010-06-01"  # the day the sentences are read on (who holds which office)


def _code(found, text):
    a = actor_named(found, text)
    return a.name, a.country, a.sector


@pytest.mark.parametrize("text, mention, expected", [
    # titles before names are not part of the name
    ("Sen. Jane Doakes criticised the plan on Monday.", "Sen. Jane Doakes", ("Jane Doakes", None, "LEG")),
    ("Rep. Tom Wilder voted against the bill.", "Rep. Tom Wilder", ("Tom Wilder", None, "LEG")),
    # a person known only by title takes the country the sentence is set in
    ("Lt. Gen. Pierre Dumas resigned to allow Haiti's first free elections.",
     "Lt. Gen. Pierre Dumas", ("Pierre Dumas", "HTI", "MIL")),
    ("President Samuel Okoth refused to resign despite pressure from the Kenya Anti-Corruption Commission.",
     "President Samuel Okoth", ("Samuel Okoth", "KEN", "GOV")),
    # ... and so does an organisation introduced by what it is
    ("Chilean prosecutors charged the mining company Codelco over the spill.",
     "the mining company Codelco", ("Codelco", "CHL", "BUS")),
    ("Peruvian prosecutors charged the construction firm Odebrecht over bribes.",
     "the construction firm Odebrecht", ("Odebrecht", "PER", "BUS")),
    # groups without a state take the place of the action, also through "of"
    ("Armed militias gathered at the gates of Tripoli.", "Armed militias", ("Armed militias", "LBY", "REB")),
    ("Gunmen opened fire on a bus in Karachi.", "Gunmen", ("Gunmen", "PAK", "UAF")),
    # a participle attachment supplies the country
    ("A terror group based in Trinidad threatened to strike.", "A terror group based in Trinidad",
     ("terror group", "TTO", "REB")),
    # a region names its state
    ("Darfur rebels attacked a convoy.", "Darfur rebels", ("Darfur rebels", "SDN", "REB")),
    ("Catalan leaders defied the court.", "Catalan leaders", ("Catalan leaders", "ESP", "ELI")),
])
def test_country_from_context(nlp, kb, text, mention, expected):
    assert _code(actors_of(nlp, kb, text, date=DATE), mention) == expected


@pytest.mark.parametrize("text, expected", [
    ("Malawi appealed for emergency food aid.", {"Malawi": "MWI"}),
    ("Nigeria, Chad, Niger and Cameroon formed a joint force.",
     {"Nigeria": "NGA", "Chad": "TCD", "Niger": "NER", "Cameroon": "CMR"}),
])
def test_country_names_tagged_as_people_are_countries(nlp, kb, text, expected):
    found = {a.text: a.country for a in actors_of(nlp, kb, text, date=DATE)}
    for mention, country in expected.items():
        assert found.get(mention) == country


def test_two_word_person_names_stay_people(nlp, kb):
    found = actors_of(nlp, kb, "Michael Jordan met Chad Hughes in Chicago.", date=DATE)
    assert all(a.country is None for a in found if a.kind == "person")


@pytest.mark.parametrize("text, head, places", [
    ("Negotiators from Israel and the Palestinian Authority held talks.", "Negotiators",
     {"Israel": "ISR", "the Palestinian Authority": "PSE"}),
    ("Police from Brazil and Argentina worked together.", "Police", {"Brazil": "BRA", "Argentina": "ARG"}),
])
def test_coordinated_places_are_separate_sides(nlp, kb, text, head, places):
    found = {a.text: a for a in actors_of(nlp, kb, text, date=DATE)}
    assert head in found  # the role phrase is not stretched over both sides
    for mention, country in places.items():
        assert found[mention].country == country


@pytest.mark.parametrize("text, mention, expected", [
    ("Ali Haidari, Nigeria's foreign minister, met reporters.", "Ali Haidari", ("Ali Haidari", "NGA", "GOV")),
    ("Kenyan opposition leader Joseph Otieno called for protests.", "Kenyan opposition leader Joseph Otieno",
     ("Joseph Otieno", "KEN", "OPP")),
    ("Joe Kamara of Sri Lanka addressed the assembly.", "Joe Kamara of Sri Lanka", ("Joe Kamara", "LKA", None)),
    ("The Jordanian army spokesman denied the report.", "The Jordanian army spokesman",
     ("Jordanian army spokesman", "JOR", "MIL")),
    ("Hezbollah fighters and Houthi rebels were blamed.", "Hezbollah fighters", ("Hezbollah fighters", "LBN", "REB")),
])
def test_apposition_possessive_and_compound(nlp, kb, text, mention, expected):
    assert _code(actors_of(nlp, kb, text, date=DATE), mention) == expected


@pytest.mark.parametrize("text, expected", [
    ("Colombia's government and ELN guerrillas resumed talks.",
     {"Colombia's government": ("COL", "GOV"), "ELN guerrillas": ("COL", "REB")}),
    ("Bosnia and Herzegovina and Serbia signed a deal.",
     {"Bosnia and Herzegovina": ("BIH", "GOV"), "Serbia": ("SRB", "GOV")}),
])
def test_coordinated_actors_are_split(nlp, kb, text, expected):
    found = {a.text: (a.country, a.sector) for a in actors_of(nlp, kb, text, date=DATE)}
    for mention, code in expected.items():
        assert found.get(mention) == code


def test_phrase_without_two_coded_sides_stays_whole(nlp, kb):
    found = [a.text for a in actors_of(nlp, kb, "Army and police officers were deployed.", date=DATE)]
    assert "Army and police officers" in found


def test_country_beside_a_title_picks_the_person(nlp, kb):
    found = actors_of(nlp, kb, "The minister met Jordan's King Abdullah in Amman.", date="2010-06-01")
    hit = next(a for a in found if a.text == "Jordan's King Abdullah")
    assert (hit.name, hit.country) == ("Abdullah II", "JOR")


@pytest.mark.parametrize("text, mention, expected", [
    ("Tens of thousands of people marched through Seoul.", "Tens of thousands of people", ("people", "KOR", "CVL")),
    ("Hundreds of residents fled the fighting in Mali.", "Hundreds of residents", ("residents", "MLI", "CVL")),
])
def test_counted_crowds_are_actors(nlp, kb, text, mention, expected):
    assert _code(actors_of(nlp, kb, text, date=DATE), mention) == expected


def test_uncounted_people_are_no_actor(nlp, kb):
    assert not [a for a in actors_of(nlp, kb, "Some people said the talks failed.", date=DATE) if "people" in a.text]
