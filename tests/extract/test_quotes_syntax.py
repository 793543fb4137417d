"""Speakers and spans read off the syntax rather than off word lists (short texts written for
these tests)."""

from __future__ import annotations

import pytest

from helpers import quote_triples as triples, quotes_of as run


@pytest.mark.parametrize("text, content, speaker", [
    ("The report leads many economists to suspect that prices will rise.", "prices will rise", "many economists"),
    ("The crisis left many farmers feeling that they had no support.", "they had no support", "many farmers"),
])
def test_the_object_of_a_causing_verb_holds_the_view(nlp, text, content, speaker):
    assert triples(run(nlp, text)) == [("indirect", content, speaker)]


def test_a_cue_above_keeps_its_own_speaker(nlp):
    found = run(nlp, "Keller urged the farmers to consider the new tax.")
    assert ("indirect", "the farmers to consider the new tax", "Keller") in triples(found)


@pytest.mark.parametrize("text, speaker", [
    ("Voters seem to care more about the economy than about the war.", "Voters"),
    ("Keller appeared to suggest that the port would close.", "Keller"),
    ("The deal seems fair to most of the farmers in the valley.", None),
])
def test_an_impression_is_held_by_a_person_or_group_subject(nlp, text, speaker):
    found = [q for q in run(nlp, text) if q.cue and q.cue.text in ("seem", "seems", "appeared")]
    assert [q.speaker.text if q.speaker else None for q in found] == [speaker]


def test_a_stance_noun_names_its_holder_with_from(nlp):
    found = [q for q in run(nlp, "He faces criticism from Lena Maas about the new tax.") if q.content.text == "the new tax"]
    assert [q.speaker.text if q.speaker else None for q in found] == ["Lena Maas"]


@pytest.mark.parametrize("text, speaker", [
    ("Anyone expecting the port to close soon should read the report.", "Anyone"),
    ("There is new evidence suggesting that the port will close.", "new evidence"),
    ("Lena Maas spoke at a news conference announcing that the port would close.", "Lena Maas"),
    ("The union ran an ad saying the port would close.", "The union"),
])
def test_a_participle_speaks_for_its_noun_or_for_who_acted_with_it(nlp, text, speaker):
    found = [q for q in run(nlp, text) if q.cue and q.cue.text in ("expecting", "suggesting", "announcing", "saying")]
    assert [q.speaker.text if q.speaker else None for q in found] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Many voters have doubts about the new tax.", "Many voters"),
    ("Keller held rallies across the state in hopes of winning over the farmers.", "Keller"),
    ("Keller faces criticism over the new tax.", None),
])
def test_a_stance_noun_is_held_by_who_has_it_not_by_its_target(nlp, text, speaker):
    found = [q for q in run(nlp, text) if q.cue and q.cue.text.split()[0] in ("doubts", "hopes", "criticism")]
    assert [q.speaker.text if q.speaker else None for q in found] == [speaker]


@pytest.mark.parametrize("text, content", [
    ("Keller said he had a hard time believing that ''the new port is going to help the farmers of the valley.''",
     "he had a hard time believing that ''the new port is going to help the farmers of the valley"),
    ('Keller said the port would close because the union is weak, "like the farmers."',
     'the port would close because the union is weak, "like the farmers'),
])
def test_a_quotation_finishing_a_reported_clause_after_words_of_its_own_is_reported(nlp, text, content):
    assert triples(run(nlp, text)) == [("indirect", content, "Keller")]


def test_a_quotation_right_after_said_that_is_not_a_mixed_statement(nlp):
    found = run(nlp, 'Lena Maas said that "the port will close in the spring."')
    assert [q.content.text for q in found if q.kind == "indirect"] == ['"the port will close in the spring."']


def test_a_new_sentence_with_an_object_of_its_own_does_not_attribute_the_quotation(nlp):
    found = run(nlp, 'Keller visited the port on Monday, "a new start for the valley." He has repeated the words since.')
    assert [(q.content.text, q.cue.text) for q in found if q.cue and q.cue.text == "has repeated"] == [
        ("the words", "has repeated")]


def test_a_quotation_ending_in_a_quotation_of_its_own_is_attributed(nlp):
    text = ("Prices rose. “We never use the words of ‘a crisis in the valley,’” Lena Maas, the head of the "
            "farmers' union in the north, told the paper.")
    found = [q for q in run(nlp, text) if q.kind == "direct"]
    assert [(q.content.text, q.speaker.text) for q in found] == [
        ("We never use the words of ‘a crisis in the valley,’", "Lena Maas")]


def test_a_quotation_attributed_inside_a_reported_clause_is_part_of_it(nlp):
    found = run(nlp, 'Lynch said she recalled thinking, "This is what people have talked about for years."')
    assert triples(found) == [
        ("indirect", 'she recalled thinking, "This is what people have talked about for years', "Lynch")]
