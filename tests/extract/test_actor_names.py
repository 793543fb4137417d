"""Actor coding of names the tagger gets wrong, peoples, unknown named bodies and their short
names, "the government of X" in a coordination, and people on visits abroad."""

from __future__ import annotations

import pytest

from helpers import actor_named, actors_of

pytestmark = pytest.mark.slow

DATE = "2015-06-01"  # the day the sentences are read on (who holds which office)


def _country(found, text):
    return actor_named(found, text).country


@pytest.mark.parametrize("text, mention, country", [
    # a capital or country in subject position is the state, whatever the tagger says
    ("Nouakchott expelled the Senegalese envoy.", "Nouakchott", "MRT"),
    ("Niger recalled its ambassador from Paris.", "Niger", "NER"),
    ("Kyiv rejected the proposal on Tuesday.", "Kyiv", "UKR"),
    ("Malawi appealed for food aid.", "Malawi", "MWI"),
    # ... but not a surname after a title
    ("Mr. Jordan resigned from the board.", "Mr. Jordan", None),
    # peoples and their plurals
    ("Thai authorities deported 109 Uighurs to China.", "109 Uighurs", "CHN"),
    ("The Europeans urged calm in the region.", "The Europeans", "EUR"),
    ("Kosovo declared independence.", "Kosovo", "XKX"),
    ("Pristina rejected the demand.", "Pristina", "XKX"),
    ("Kinshasa accused Kigali of backing the rebels.", "Kinshasa", "COD"),
    # an unknown named body: the country in its name, else an NGO
    ("The Association of African Jurists condemned the trial.", "The Association of African Jurists", "NGO"),
    ("The Pacific Water Forum called for new funding.", "The Pacific Water Forum", "NGO"),
    ("The Nigerian Bar Association criticised the court.", "The Nigerian Bar Association", "NGA"),
    # "the government of X and Y rebels": the place belongs to the government
    ("The government of Sudan and SPLM-N rebels declared a ceasefire.", "The government of Sudan", "SDN"),
])
def test_names_and_bodies(nlp, kb, text, mention, country):
    assert _country(actors_of(nlp, kb, text, date=DATE), mention) == country


@pytest.mark.parametrize("text, mention, country", [
    ("The Nigerian Bar Association criticised the ruling. The Association said the judges erred.",
     "The Association", "NGA"),
    ("The Gulf Cooperation Council met in Riyadh. The Council condemned Iran.", "The Council", "IGO"),
])
def test_short_name_of_a_body_named_before(nlp, kb, text, mention, country):
    found = [a for a in actors_of(nlp, kb, text, date=DATE) if a.text == mention]
    assert found and found[-1].country == country


@pytest.mark.parametrize("text, mention, country", [
    # a visitor is not of the country visited, nor of the people met
    ("President Keita met Russian officials in Moscow.", "President Keita", None),
    ("President Keita visited Moscow and held talks with Russian officials.", "President Keita", None),
    # a titled person still takes the one country the sentence names
    ("President Dos Santos accused UNITA of violating the accord.", "President Dos Santos", "AGO"),
])
def test_titled_people_on_visits(nlp, kb, text, mention, country):
    assert _country(actors_of(nlp, kb, text, date=DATE), mention) == country
