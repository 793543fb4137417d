"""Targets that the rules take although the actors stage gave them no country yet (the article's
scene may give them one). Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.extract.events.targets import named_uncoded
from dateline.records import Actor
from helpers import events_of, stated


def _targets(nlp, text: str, type_: str) -> list[str]:
    found = [e for e in stated(events_of(nlp, text)) if e.type == type_]
    assert found, f"no {type_} in {text!r}"
    return [a.text or "" for a in found[0].target]


@pytest.mark.parametrize("text, type_, target", [
    # the last-resort search takes a named person the actors stage could not place
    ("Ms. Smith praised the courage of Ted Cruz on Monday.", "SUPPORT", "Ted Cruz"),
    # the doer of an act named as the object: a named person without a country yet
    ("Ms. Smith condemned the attack by Ted Cruz.", "ACCUSE", "Ted Cruz"),
])
def test_a_named_actor_without_a_country_is_a_last_resort_target(nlp, text, type_, target):
    assert _targets(nlp, text, type_) == [target]


def test_the_source_itself_is_never_its_own_uncoded_target(nlp):
    found = [e for e in stated(events_of(nlp, "Ted Cruz condemned the decision.")) if e.type == "ACCUSE"]
    assert found and not found[0].target


def test_named_uncoded_is_only_for_named_people_and_organisations_without_a_country():
    assert named_uncoded(Actor(0, 8, "Ted Cruz", name="Ted Cruz", kind="person"))
    assert not named_uncoded(Actor(0, 8, "Ted Cruz", name="Ted Cruz", country="USA", kind="person"))
    assert not named_uncoded(Actor(0, 6, "police", name="police", kind="group"))
