"""Which kind a statement is, and which are none: a quotation after "that" is reported speech
wherever the parser hangs the "that"; quotations joined as one object are one direct quote; quoted
words inside a sentence and a stranded preposition are no quotes (short texts written for these
tests)."""

from __future__ import annotations

import pytest

from helpers import quote_triples as triples, quotes_of as run


@pytest.mark.parametrize("text", [
    'The old man also told one of his young friends on a regular basis that "violence is the only answer."',
    'Club leaders said they have a rule of inviting every candidate to ensure that "our members build ties '
    'with whoever wins the race."',
])
def test_a_quotation_after_that_is_reported_speech(nlp, text):
    found = triples(run(nlp, text))
    assert found and all(kind == "indirect" for kind, _, _ in found)


@pytest.mark.parametrize("text, content", [
    ("At the rally the governor kept alternately shouting ''Take them out'' and ''Be gentle.'' He then left.",
     "Take them out'' and ''Be gentle"),
    ('At the hall the guests were heard shouting "Shame" and "Resign now." The mayor left early.',
     'Shame" and "Resign now'),
])
def test_quotations_joined_as_one_object_are_one_direct_quote(nlp, text, content):
    assert [(kind, found) for kind, found, _ in triples(run(nlp, text))] == [("direct", content)]


@pytest.mark.parametrize("text", [
    'The senator praised her rival, saying "on her worst day" she would still be a fine governor.',
    'What the mayor considers "smart" might be seen by others as reckless.',
])
def test_quoted_words_inside_a_sentence_are_no_direct_quote(nlp, text):
    assert [kind for kind, _, _ in triples(run(nlp, text)) if kind == "direct"] == []


def test_a_stranded_preposition_is_no_statement(nlp):
    found = triples(run(nlp, "Many customers got credit cards in the mail they never asked for or just were confused."))
    assert [content for _, content, _ in found if content.strip() in ("for", "to", "about")] == []


@pytest.mark.parametrize("text", [
    "The mayor attacked the council for a budget that seemed to favor the rich.",
    "Critics accused the firm of hiding losses that are expected to grow next year.",
    "The senator criticized the governor, whose plan was widely criticized for its cost, in a long speech.",
])
def test_a_statement_with_no_speaker_inside_another_is_part_of_it(nlp, text):
    found = triples(run(nlp, text))
    assert found and all(speaker is not None for _, _, speaker in found)
