"""Which statement is the quote: attributions after the whole statement, relative clauses with
nothing to report (short texts written for these tests)."""

from __future__ import annotations

import pytest

from helpers import quote_triples as triples, quotes_of as run


@pytest.mark.parametrize("text, content, speaker", [
    ("The mayor had promised the workers a raise in the spring, but the council rejected the plan, an aide added.",
     "The mayor had promised the workers a raise in the spring, but the council rejected the plan", "an aide"),
    ("The convoy was meant to leave at dawn, but the drivers refused to move until noon, one official said.",
     "The convoy was meant to leave at dawn, but the drivers refused to move until noon", "one official"),
])
def test_a_final_attribution_reports_all_the_clauses_before_it(nlp, text, content, speaker):
    assert ("indirect", content, speaker) in triples(run(nlp, text))


def test_a_relative_subject_leaves_no_gap_to_report(nlp):
    found = triples(run(nlp, "Ms. Berg, who spoke at the rally on Friday, said the tax would be repealed."))
    assert found == [("indirect", "the tax would be repealed", "Ms. Berg")]


def test_an_according_frame_inside_a_clause_attributes_all_of_it(nlp):
    found = triples(run(nlp, "The mayor leads by 15 points in the north, according to the new poll, "
                             "and has a small lead in the south."))
    assert found == [("indirect", "The mayor leads by 15 points in the north, according to the new poll, "
                                  "and has a small lead in the south", "the new poll")]


@pytest.mark.parametrize("text, content, speaker", [
    ("Many union members made it clear they did not agree with the choice.",
     "they did not agree with the choice", "Many union members"),
    ("The senator made clear that she would vote against the bill.", "she would vote against the bill", "The senator"),
])
def test_a_phrasal_cue_reports_the_clause_after_it(nlp, text, content, speaker):
    assert ("indirect", content, speaker) in triples(run(nlp, text))


@pytest.mark.parametrize("text", [
    "You can find more details in the report by the budget office.",
    "The mayor could still find a way to win the race.",
])
def test_what_may_be_found_is_not_reported(nlp, text):
    assert triples(run(nlp, text)) == []


def test_what_was_found_is_reported(nlp):
    found = triples(run(nlp, "A new study found widespread fraud in the program."))
    assert found == [("indirect", "widespread fraud in the program", "A new study")]


@pytest.mark.parametrize("text, content, speaker", [
    ("The mayor sharply criticized his support for the new tax.", "his support for the new tax", "The mayor"),
    ("The council said the senator's remarks about the port were unfair.",
     "the senator's remarks about the port were unfair", "The council"),
])
def test_a_noun_inside_what_another_reports_is_part_of_it(nlp, text, content, speaker):
    assert triples(run(nlp, text)) == [("indirect", content, speaker)]


def test_a_noun_on_its_own_still_reports(nlp):
    assert triples(run(nlp, "Her criticism of the plan was sharp.")) == [("indirect", "the plan", "Her")]


def test_an_act_joined_inside_the_object_of_another_is_part_of_it(nlp):
    found = triples(run(nlp, "The union urged the party to coalesce around the plan and to encourage young voters "
                             "to register."))
    assert found == [("indirect", "the party to coalesce around the plan and to encourage young voters to register",
                      "The union")]


@pytest.mark.parametrize("text, cue", [
    ("Against either rival, the mayor looks much weaker than recent nominees.", "looks"),
    ("The senator sounded subdued in his brief speech on Monday night.", "sounded"),
])
def test_look_and_sound_report_an_impression(nlp, text, cue):
    assert [q.cue.text for q in run(nlp, text) if q.cue] == [cue]


def test_looking_at_something_is_no_impression(nlp):
    assert triples(run(nlp, "The committee looked at the budget on Monday.")) == []


@pytest.mark.parametrize("text, triple", [
    ('Billy Joel sings, "Don\'t go changing to try and please me."',
     ("direct", "Don't go changing to try and please me.", "Billy Joel")),
    ("The senator groused to a crowd in Ohio that the network ignored him.",
     ("indirect", "the network ignored him", "The senator")),
    ("The ad casts the governor as a friend of the banks.",
     ("indirect", "the governor as a friend of the banks", "The ad")),
])
def test_more_speech_and_act_verbs(nlp, text, triple):
    assert triple in triples(run(nlp, text))


@pytest.mark.parametrize("text, triple", [
    ("The senator released a letter from her doctor on Friday.",
     ("indirect", "a letter from her doctor", "The senator")),
    ("The paper published portions of the mayor's tax returns.",
     ("indirect", "portions of the mayor's tax returns", "The paper")),
])
def test_publishing_is_an_act_of_its_subject(nlp, text, triple):
    assert triple in triples(run(nlp, text))
