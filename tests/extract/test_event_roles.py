"""Table tests for how the event coder finds source and target, and which acts it codes at all.

Each sentence is written for these tests; expectations are (type, source countries, target
countries) of the asserted, planned or reported events.
"""

from __future__ import annotations

import pytest

from helpers import dyads_of, events_of

from dateline.knowledge.cache import SHARED


@pytest.mark.parametrize("text, expected", [
    # a two-word preposition ("out of", "away from") introduces the target
    ("Russia pledged to pull its troops out of Moldova.", ("AGREE", ["RUS"], ["MDA"])),
    ("Israel withdrew its soldiers out of Lebanon.", ("RETREAT", ["ISR"], ["LBN"])),
    # the one helped, named in a purpose clause
    ("Canada pledged 50 million dollars to help Haiti rebuild.", ("AGREE", ["CAN"], ["HTI"])),
    ("Japan sent food to help Indonesia.", ("AID", ["JPN"], ["IDN"])),
    # the one curbed, named in a purpose clause
    ("Egyptian police used water cannon to disperse Sudanese refugees.", ("COERCE", ["EGY"], ["SDN"])),
    # "the two countries" stands for the pair named before
    ("India and Pakistan said the two countries would hold talks next month.", ("CONSULT", ["IND"], ["PAK"])),
    # a reaction drawn by the subject is aimed at it; "from X" is its source
    ("Russia recognized the breakaway region, drawing condemnation from Georgia.", ("ACCUSE", ["GEO"], ["RUS"])),
    ("Japan's prime minister visited the shrine, prompting sharp criticism from China.",
     ("ACCUSE", ["CHN"], ["JPN"])),
    # a concession yields to whoever pressed for it
    ("Ukraine backed down on the law after weeks of criticism from Hungary.", ("CONCEDE", ["UKR"], ["HUN"])),
    # a threat is aimed at the subject of its condition
    ("North Korea vowed to retaliate if the United States went ahead with the drills.",
     ("THREATEN", ["PRK"], ["USA"])),
    # a warning with an if-clause is still made
    ("The United States warned Iran of serious consequences if it resumes enrichment.",
     ("THREATEN", ["USA"], ["IRN"])),
    # a hostile act its own doer states on a condition is a threat
    ("The European Union said it could impose sanctions on Belarus unless Minsk freed the prisoners.",
     ("THREATEN", ["EUR"], ["BLR"])),
    # a phrase that holds the trigger's object is no target ("a round of talks in X")
    ("Negotiators from Israel and Egypt held a new round of talks in Washington.",
     ("CONSULT", ["ISR"], ["EGY"])),
    # coordinated owners of a carrier noun are each an actor, each a source of a joint act
    ("Police from Brazil and Argentina held joint exercises.", ("COOPERATE", ["ARG", "BRA"], [])),
    # "several of them": the group picked from, which is the object of the verb joined before
    ("Belarusian police detained 200 Polish activists and beat several of them.",
     ("ASSAULT", ["BLR"], ["POL"])),
    # crowd control is repression (COERCE), not assault
    ("Kenyan police fired tear gas at Somali refugees.", ("COERCE", ["KEN"], ["SOM"])),
])
def test_roles(nlp, text, expected):
    assert expected in dyads_of(nlp, text)


@pytest.mark.parametrize("text, type_", [
    # where an act happened is not whom it concerns
    ("The junta in Myanmar declared martial law in several townships of Yangon.", "COERCE"),
    ("Russian forces retreated to the east bank of the Dnipro.", "RETREAT"),
])
def test_places_are_not_targets(nlp, text, type_):
    found = [e for e in events_of(nlp, text) if e.type == type_]
    assert found and not any(a.country for e in found for a in e.target)


@pytest.mark.parametrize("text, absent", [
    # a that-clause in the past states a fact: a claim, not a demand
    ("Iraq insisted that it had never threatened Kuwait.", "REQUEST"),
    # an act that doubt hangs over is not asserted
    ("Diplomats doubt that Russia will withdraw its troops from Moldova.", "AGREE"),
    ("Diplomats doubt that Russia will withdraw its troops from Moldova.", "RETREAT"),
    # someone else's speculation about a conditional act is no threat
    ("Analysts say Washington could impose sanctions on Iran if talks fail.", "THREATEN"),
    # an event noun another act is about is not an act of its own
    ("Sri Lanka said it would not cooperate with a UN investigation.", "ACCUSE"),
])
def test_non_events(nlp, text, absent):
    assert absent not in [t for t, _, _ in dyads_of(nlp, text)]


def test_a_demand_in_the_bare_form_is_a_request(nlp):
    assert ("REQUEST", ["GBR"], ["IRN"]) in dyads_of(nlp, "Britain insisted that Iran release the sailors.")


def test_a_second_mention_of_the_same_act_without_a_doer_merges(nlp):
    found = dyads_of(nlp, "The Pakistani prime minister arrived in Kabul for talks with the Afghan president.")
    assert [t for t, _, _ in found].count("CONSULT") == 1


@pytest.mark.parametrize("text, expected", [
    # object control: the object of "forced", "allowed" does the act in the complement
    ("Saudi Arabia forced Yemen to close the camps.", ("COERCE", ["SAU"], ["YEM"])),
    # giving up one's own arms is disarming; giving others arms is aid
    ("Rebels in Colombia handed over their weapons to United Nations monitors.", ("RETREAT", ["COL"], ["UNO"])),
    ("Iran handed weapons to Hezbollah.", ("AID", ["IRN"], ["LBN"])),
    # a court that convicts accuses (CAMEO 116); one that sentences coerces
    ("A Kenyan court convicted a Somali man of terrorism.", ("ACCUSE", ["KEN"], ["SOM"])),
])
def test_type_choice(nlp, text, expected):
    assert expected in dyads_of(nlp, text)


def test_the_object_of_a_control_verb_is_the_doer_of_its_complement(nlp):
    from dateline.extract.events.sources import subject_actors
    from dateline.extract.events.actor_coder import ActorCoder

    doc = nlp("Britain allowed Iran to send ships.")
    lexicon = SHARED.event_lexicon()
    coder = ActorCoder(doc, actors=[], knowledge=None, date=None, lexicon=lexicon)
    assert [a.country for a in subject_actors(doc[4], coder, lexicon)] == ["IRN"]


def test_a_participle_is_outside_the_negation_of_its_verb(nlp):
    found = dyads_of(nlp, "North Korea said it would not return to the talks, rebuffing appeals from China.")
    assert ("REJECT", ["PRK"], ["CHN"]) in found


@pytest.mark.parametrize("text, coded", [
    ("The Chinese premier flew to Berlin on Monday.", True),
    ("Voters in Chile go to the polls on Sunday.", False),
])
def test_a_journey_is_a_visit_only_to_someone(nlp, text, coded):
    assert ("CONSULT" in [t for t, _, _ in dyads_of(nlp, text)]) is coded


@pytest.mark.parametrize("text, expected", [
    # a passive agent the parser hung on the object as a plain "by" phrase
    ("Iran was hit with new sanctions by the United States.", ("SANCTION", ["USA"], ["IRN"])),
    # a passive light verb over an event noun: the noun's owner acts, its own target is the target
    ("The Russian withdrawal from Georgia was completed on Friday.", ("RETREAT", ["RUS"], ["GEO"])),
    ("A protest against France was held outside the embassy in Algiers.", ("PROTEST", [], ["FRA"])),
    # an event noun as subject is no actor: its doer acts ("Israeli strikes ... killed")
    ("Israeli air strikes on southern Lebanon killed four people.", ("ASSAULT", ["ISR"], [])),
])
def test_passives_and_event_nouns(nlp, text, expected):
    assert expected in dyads_of(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # a participle's speech act goes to the addressee of the verb it hangs on
    ("Iraq sent a letter to the United Nations asking for more time.", ("REQUEST", ["IRQ"], ["UNO"])),
    # "provided X with Y": a named recipient as object, the thing given after "with"
    ("Japan provided Sri Lanka with 100 million dollars in aid.", ("AID", ["JPN"], ["LKA"])),
])
def test_addressees_and_recipients(nlp, text, expected):
    assert expected in dyads_of(nlp, text)
