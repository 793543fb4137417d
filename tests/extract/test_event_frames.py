"""Event coder: frames that deny or suspend an act, doers named by event nouns, same-country
patients, subjects of "ready to", and "the two" after a meeting. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.extract.events.status import read_frame
from dateline.knowledge.cache import SHARED
from dateline.records import Actor
from helpers import COUNTRIES, events_of

pytestmark = pytest.mark.usefixtures("country_word_actors")


def frame_of(nlp, text, trigger):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return read_frame(token, SHARED.event_lexicon())


@pytest.mark.parametrize("text, trigger, negated, hypothetical", [
    ("Pakistan is steering clear of condemning India.", "condemning", True, False),
    ("Neither Russia nor China criticized Iran.", "criticized", True, False),
    ("None of the parties condemned the raid.", "condemned", True, False),
    ("India shied away from criticizing Pakistan.", "criticizing", True, False),
    ("Russia hopes to sign a treaty with Japan.", "sign", False, True),
    ("China would rather negotiate with Taiwan.", "negotiate", False, True),
    ("China, rather than attacking Taiwan, opened talks.", "attacking", True, False),
    ("Russia criticized Iran.", "criticized", False, False),
])
def test_frames_that_deny_or_suspend_an_act(nlp, text, trigger, negated, hypothetical):
    frame = frame_of(nlp, text, trigger)
    assert (frame.negated, frame.hypothetical) == (negated, hypothetical)


def test_an_event_noun_coded_as_a_person_is_the_doer(nlp):
    text = "A suicide bomber blew himself up at a checkpoint."
    bomber = Actor(0, 16, "A suicide bomber", name="suicide bomber", country="PAK", sector="UAF", kind="person")
    evs = events_of(nlp, text, actors=[bomber])
    assert [(e.type, [a.text for a in e.source]) for e in evs] == [("ASSAULT", ["A suicide bomber"])]


@pytest.mark.parametrize("text, obj, kept", [
    ("The Iraqi army attacked Iraqi fighters near the city.", "Iraqi fighters", True),
    ("Syria deployed Syrian troops to the border.", "Syrian troops", False),
])
def test_same_country_object_is_the_target_of_an_act_done_to_it(nlp, text, obj, kept):
    start = text.index(obj)
    actors = [Actor(start, start + len(obj), obj, name=obj, country=COUNTRIES[obj.split()[0].lower()],
                    sector="MIL", kind="group")]
    evs = events_of(nlp, text, actors=actors)
    assert evs
    assert (obj in [a.text for a in evs[0].target]) is kept


@pytest.mark.parametrize("text, sources", [
    ("Syria announced that it is ready to free the Egyptian hostages.", ["SYR"]),
    ("Putin met Erdogan in Moscow, and the two agreed to expand trade.", ["RUS", "TUR"]),
])
def test_subjects_found_through_adjectives_and_pairs(nlp, text, sources):
    evs = events_of(nlp, text)
    assert any(sorted({a.country for a in e.source if a.country}) == sources for e in evs)


def test_forces_moved_without_a_named_agent_are_the_source(nlp):
    text = "Thousands of Syrian troops were deployed along the border."
    evs = events_of(nlp, text)
    assert [(e.type, sorted({a.country for a in e.source})) for e in evs] == [("MOBILIZE", ["SYR"])]
