"""Actor coding of groups and sides: regional peoples, stance and "X-led" modifiers, coordinated sides,
places and storms with role words in their names, metonyms of the EU, crowd sectors, and the
country of a titled person who reports a state's act."""

from __future__ import annotations

import pytest

from dateline.extract.actors import actors
from dateline.knowledge.cache import SHARED
from helpers import actor_named, actors_of

pytestmark = pytest.mark.slow

DATE = "2015-06-01"  # the day the sentences are read on (who holds which office)


def _code(found, text):
    a = actor_named(found, text)
    return a.country, a.sector


@pytest.mark.parametrize("text, mention, expected", [
    # a region's people acting through state roles are states acting together, not one country
    ("Arab foreign ministers condemned the decision in Cairo.", "Arab foreign ministers", ("IGO", "GOV")),
    ("West African leaders gave the junta a week.", "West African leaders", ("IGO", "GOV")),
    ("Southeast Asian leaders met in Jakarta.", "Southeast Asian leaders", ("IGO", "GOV")),
    # ... but their people are people of wherever the sentence places them
    ("Arab residents of Haifa protested.", "Arab residents of Haifa", ("ISR", "CVL")),
    # pro-X / anti-X / X-backed give no nationality
    ("Pro-Moscow separatists shelled the town.", "Pro-Moscow separatists", (None, "REB")),
    ("Anti-Western clerics denounced the visit.", "Anti-Western clerics", (None, "REL")),
    ("Iran-backed rebels seized the port.", "Iran-backed rebels", (None, "REB")),
    # a body a state leads is a coalition of states; one a group leads is the group's country
    ("A Saudi-led coalition bombed the port.", "A Saudi-led coalition", ("IGO", "MIL")),
    ("The Hamas-led government rejected the offer.", "The Hamas-led government", ("PSE", "GOV")),
    # metonyms of the EU
    ("Brussels fined the carmaker on Monday.", "Brussels", ("EUR", "GOV")),
    # crowds are civilians; gunmen of a known armed group are its fighters
    ("Thousands of protesters marched in Lima.", "Thousands of protesters", ("PER", "CVL")),
    ("Truckers blocked the highway near Ottawa.", "Truckers", ("CAN", "CVL")),
    ("Youths threw stones at the police.", "Youths", (None, "CVL")),
    ("Hamas gunmen opened fire.", "Hamas gunmen", ("PSE", "REB")),
    ("Islamist gunmen stormed the hotel.", "Islamist gunmen", (None, "REB")),
    ("Masked gunmen stormed the hotel.", "Masked gunmen", (None, "UAF")),
    ("Chile's central bank raised rates.", "Chile's central bank", ("CHL", "GOV")),
    # a titled person who reports a state's act belongs to that state
    ("Bolivia expelled the envoy, Foreign Minister Juan Perez said, accusing Chile of spying.",
     "Foreign Minister Juan Perez", ("BOL", "GOV")),
])
def test_codes(nlp, kb, text, mention, expected):
    assert _code(actors_of(nlp, kb, text, date=DATE), mention) == expected


@pytest.mark.parametrize("text, absent", [
    ("Truckers blocked the Ambassador Bridge for a week.", "Bridge"),
    ("Talks at Wright-Patterson Air Force Base ended.", "Base"),
    ("Hurricane Mitch killed thousands of people.", "Hurricane Mitch"),
    ("Super Typhoon Haiyan slammed into the coast.", "Haiyan"),
    ("Crowds filled Tahrir Square.", "Tahrir Square"),
])
def test_places_and_storms_are_no_actors(nlp, kb, text, absent):
    assert not any(absent in a.text for a in actors_of(nlp, kb, text, date=DATE))


def test_named_paper_stays_an_actor(nlp, kb):
    found = actors_of(nlp, kb, "The Washington Post reported the deal.", date=DATE)
    assert _code(found, "The Washington Post")[0] == "USA"


@pytest.mark.parametrize("text, sides", [
    ("Sudan's government and southern rebels signed a deal.",
     [("Sudan's government", "SDN", "GOV"), ("southern rebels", "SDN", "REB")]),
    ("Israeli troops and Palestinian militants clashed.",
     [("Israeli troops", "ISR", "MIL"), ("Palestinian militants", "PSE", "REB")]),
])
def test_coordinated_sides(nlp, kb, text, sides):
    found = [(a.text, a.country, a.sector) for a in actors_of(nlp, kb, text, date=DATE)]
    for side in sides:
        assert side in found


def test_event_coder_splits_misparsed_coordination(nlp, kb):
    from dateline.extract.events.actor_coder import ActorCoder

    doc = nlp("Sudan's government and southern rebels signed a peace deal on Wednesday.")
    coder = ActorCoder(doc, actors=actors(doc, layout=None, knowledge=kb, date="2004-01-07"),
                       knowledge=kb, date="2004-01-07", lexicon=SHARED.event_lexicon())
    subject = next(t for t in doc if t.dep_ == "nsubj")
    got = {(a.text, a.sector) for a in coder.code_noun(subject)}
    assert ("Sudan's government", "GOV") in got and ("southern rebels", "REB") in got


@pytest.mark.parametrize("text, mention, country", [
    ("Kenya's government denied that police had detained the opposition leader.", "police", "KEN"),
    ("Analysts said China might impose export controls on rare earths.", "Analysts", None),
])
def test_the_one_other_country_of_the_sentence_is_not_a_commentators(nlp, kb, text, mention, country):
    found = {a.text: a.country for a in actors_of(nlp, kb, text, date=DATE)}
    assert found[mention] == country
