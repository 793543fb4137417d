"""The shared mention resolver: resolved mentions keep both spans; events use it for pronouns,
definite descriptions and unnamed people."""

from __future__ import annotations

import pytest

import dateline
from dateline.records import Actor, Span
from dateline.extract.actors.mention_resolver import marked, resolved


def test_a_resolved_mention_keeps_its_span_and_the_antecedent_span():
    ante = Actor(0, 13, "Dmitry Peskov", name="Dmitry Peskov", country="RUS", sector="GOV", kind="person")
    inside = resolved(Actor(20, 22, "he"), ante)
    assert inside.kind == "person"  # inside the pipeline the antecedent's kind is kept
    got = marked(inside)
    assert (got.start, got.end, got.text) == (20, 22, "he")
    assert got.kind == "resolved" and got.country == "RUS" and got.antecedent == Span(0, 13, "Dmitry Peskov")
    assert got.to_dict()["antecedent"] == {"start": 0, "end": 13, "text": "Dmitry Peskov"}


def test_an_actor_without_antecedent_has_no_such_field():
    assert "antecedent" not in Actor(0, 2, "he").to_dict()


@pytest.mark.slow  # parses with spaCy
def test_a_pronoun_source_is_the_pronoun_resolved_to_the_person_named_before():
    text = ("Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday. "
            "On Tuesday he accused Turkey of violating the ceasefire.")
    record = dateline.extract(text, published="2019-10-14")
    accuse = [e for e in record.events if e.type == "ACCUSE"]
    assert accuse
    source = accuse[0].source[0]
    assert source.text == "he" and source.country == "RUS" and source.kind == "resolved"
    assert source.antecedent is not None and text[source.antecedent.start:source.antecedent.end] == source.antecedent.text
    assert "Lavrov" in source.antecedent.text


@pytest.mark.slow  # parses with spaCy
def test_an_unnamed_person_is_an_event_actor():
    record = dateline.extract("A man attacked a police officer with a knife in the city centre on Friday.",
                              published="2019-10-14")
    assault = [e for e in record.events if e.type == "ASSAULT"]
    assert assault and assault[0].source and assault[0].source[0].text == "A man"
    assert assault[0].source[0].sector == "CVL"


def _with_scene_actors(text: str):
    """The article record of ``text`` with scene actors on."""
    from dateline import Pipeline, Settings

    return next(iter(Pipeline(Settings(scene_actors=True)).run([text])))


@pytest.mark.slow  # parses with spaCy
def test_a_double_nationality_takes_the_half_that_is_the_scene():
    article = _with_scene_actors("ALGIERS (Reuters) - Algerian police arrested a French-Algerian man on Monday. "
                                 "Police in Algiers said the man was held in Algeria.")
    coerce = [e for e in article.events if e.type == "COERCE"]
    assert coerce and coerce[0].target[0].country == "DZA" and coerce[0].target[0].kind == "scene"


@pytest.mark.slow  # parses with spaCy
def test_a_known_person_takes_the_sector_the_article_gives():
    text = ("Republican presidential candidate Donald Trump spoke in Iowa on Monday. "
            "Trump criticized the Federal Reserve.")
    trump = [a for a in dateline.extract(text, published="2015-11-09").actors if a.text == "Trump"]
    assert trump and trump[0].sector == "PTY"


@pytest.mark.slow  # parses with spaCy
def test_a_singular_pronoun_never_stands_for_a_plural_subject():
    article = _with_scene_actors("CHARLOTTE, N.C. (AP) -- Officers saw Keith Scott leave a car with a handgun, "
                                 "and they ordered him to drop the weapon.")
    request = [e for e in article.events if e.type == "REQUEST"]
    assert request and request[0].target, request
    target = request[0].target[0]
    assert target.text == "him" and target.antecedent is not None and "Scott" in target.antecedent.text
    assert target.country == "USA"  # a person named without a code takes the scene's country
