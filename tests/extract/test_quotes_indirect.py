"""Indirect and mixed speech, stances, withheld speech and speakers across paragraphs (short texts)."""

from __future__ import annotations

import pytest

from dateline.extract.quotes import quotes
from dateline.records import Actor


def run(nlp, text, *, actors=None):
    doc = nlp(text)
    if actors is None:
        kinds = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
        actors = [Actor(e.start_char, e.end_char, e.text, name=e.text, kind=kinds[e.label_])
                  for e in doc.ents if e.label_ in kinds]
    return quotes(doc, layout=None, actors=actors, times=[], anchor="2021-05-04")


def by_cue(found):
    return {q.cue.text if q.cue else None: q for q in found}


def test_parenthetical_attribution_reports_the_covering_sentence(nlp):
    text = "The new bridge, Mayor Anna Berg said, would open to traffic in the spring."
    (q,) = run(nlp, text)
    assert q.kind == "indirect"
    assert q.content.text == "The new bridge, Mayor Anna Berg said, would open to traffic in the spring"
    assert (q.speaker.text, q.cue.text) == ("Mayor Anna Berg", "said")


def test_fronted_statement_before_a_final_attribution(nlp):
    (q,) = run(nlp, "Farmers met in Tromso on Monday. Better late than never, Pavel Novak said.")
    assert (q.content.text, q.speaker.text, q.cue.text) == ("Better late than never", "Pavel Novak", "said")


@pytest.mark.parametrize("text", [
    '"We will not go there," Jonas Keller said when asked whether the army would cross the river.',
    "Jonas Keller was asked whether the army would cross the river.",
    "The spokesman refrained from specifying what measures were meant.",
    "The spokesman refrained from commenting on the report.",
    "The spokesman declined to comment on the report.",
    "Jonas Keller left the room without saying a word.",
])
def test_questions_put_to_the_speaker_and_withheld_speech_are_not_statements(nlp, text):
    assert [q for q in run(nlp, text) if q.kind == "indirect"] == []


def test_a_question_the_subject_asked_is_the_askers(nlp):
    found = [q for q in run(nlp, "Several senators asked whether the deal required a vote.") if q.kind == "indirect"]
    assert [(q.speaker.text, q.cue.text) for q in found] == [("Several senators", "asked")]


def test_partial_quote_inside_reported_speech(nlp):
    (q,) = run(nlp, 'Lena Maas called the plan "a disaster" on Monday.')
    assert q.kind == "indirect" and q.content.text == 'the plan "a disaster"'
    assert (q.speaker.text, q.cue.text) == ("Lena Maas", "called")


def test_quotation_finishing_a_reported_sentence_is_one_mixed_statement(nlp):
    text = 'With thousands of counting systems, "there is no single point of failure," Omar Haddad said.'
    (q,) = run(nlp, text)
    assert q.kind == "indirect" and q.content.start == 0
    assert q.content.text.endswith('point of failure,"') and q.speaker.text == "Omar Haddad"


def test_quotation_after_adding_that_in_a_run_of_quotations_stays_direct(nlp):
    # the seed stories' convention; a quotation that is the whole clause outside such a run is
    # reported speech (test_quotes_parse_repairs.py)
    found = run(nlp, '"It is undesirable," he stressed, adding that "this stance has not changed."')
    assert ("direct", "this stance has not changed.", "adding") in [(q.kind, q.content.text, q.cue.text) for q in found]


def test_impression_verb_reports_its_clause_with_no_speaker(nlp):
    # a person or group subject holds it (test_quotes_syntax.py); a thing names nobody
    found = [q for q in run(nlp, "The budget appears to be growing more quickly as the vote nears.")]
    assert [(q.kind, q.content.text, q.speaker, q.cue.text) for q in found] == [
        ("indirect", "The budget appears to be growing more quickly as the vote nears", None, "appears")]


def test_impression_under_a_reporting_verb_is_part_of_what_was_said(nlp):
    found = run(nlp, "Ivan Petrov noted that the governor appeared unsteady in the first debate.")
    assert [(q.cue.text, q.content.text) for q in found] == [
        ("noted", "the governor appeared unsteady in the first debate")]


@pytest.mark.parametrize("text, cue, content, speaker", [
    ("The senator was critical of the new trade deal.", "critical of", "the new trade deal", "The senator"),
    ("Farmers voiced concerns about the water rules.", "concerns about", "the water rules", "Farmers"),
    ("The union remains skeptical that the talks will succeed.", "skeptical", "the talks will succeed",
     "The union"),
])
def test_stances_report_their_complement(nlp, text, cue, content, speaker):
    q = by_cue(run(nlp, text))[cue]
    assert (q.kind, q.content.text, q.speaker.text) == ("indirect", content, speaker)


def test_stance_noun_without_a_holder_has_no_speaker(nlp):
    q = by_cue(run(nlp, "The program faces allegations of widespread fraud."))["allegations of"]
    assert q.content.text == "widespread fraud" and q.speaker is None


def test_pronoun_speaker_in_a_later_paragraph_keeps_both_spans(nlp):
    text = ("Maria Lopez, the mayor of Tromso, spoke at the harbour on Sunday.\n\n"
            "The crowd was large.\n\nShe said the city would not back down.")
    q = by_cue(run(nlp, text))["said"]
    assert q.speaker.text == "She" and q.speaker.name == "Maria Lopez"
    assert q.speaker.kind == "resolved" and q.speaker.antecedent.text == "Maria Lopez"


def test_possessive_pronoun_speaker_takes_its_clause_subject(nlp):
    text = "Anna Berg met the farmers. The farmers' unions were unsparing in their criticism of the plan."
    q = by_cue(run(nlp, text))["criticism"]
    assert q.speaker.text == "their" and "unions" in q.speaker.antecedent.text


def test_plural_pronoun_is_never_a_single_person(nlp):
    text = "Anna Berg met the farmers on Monday.\n\nThey said the rules would ruin them."
    q = by_cue(run(nlp, text))["said"]
    assert q.speaker.text == "They" and q.speaker.name != "Anna Berg"


@pytest.mark.parametrize("text, cue, content", [
    ("Anna Berg said she thinks the harbour is safe.", "said", "she thinks the harbour is safe"),
    ("The minister said Pavel Novak hopes that the talks will resume.", "said",
     "Pavel Novak hopes that the talks will resume"),
    ("The farmers wanted to know who approved the water rules.", "wanted", "to know who approved the water rules"),
])
def test_a_statement_heading_what_another_reports_is_part_of_it(nlp, text, cue, content):
    found = [q for q in run(nlp, text) if q.kind == "indirect"]
    assert [(q.cue.text, q.content.text) for q in found] == [(cue, content)]


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("As the paper noted, it is surprising because Trump has not always praised China.",
     "it is surprising because Trump has not always praised China", "the paper", "noted"),
    ("Ignoring the progress also carries risks, as Clinton supporters point out.",
     "Ignoring the progress also carries risks", "Clinton supporters", "point out"),
    ("As Anna Berg told reporters, tax relief is given in exchange for jobs.",
     "tax relief is given in exchange for jobs", "Anna Berg", "told"),
])
def test_as_attribution_reports_the_sentence_around_it(nlp, text, content, speaker, cue):
    (q,) = [q for q in run(nlp, text) if q.kind == "indirect"]
    assert (q.content.text, q.speaker.text, q.cue.text) == (content, speaker, cue)


@pytest.mark.parametrize("text, content", [
    ("Pavel Novak tells his supporters at a rally in Tromso to go and vote.", "to go and vote"),
    ("On Thursday, Anna Berg spoke to a gathering of fishing industry leaders.", None),
    ("The mayor's office spoke with Lena Maas about the harbour plan.", "the harbour plan"),
])
def test_who_was_spoken_to_is_not_what_was_said(nlp, text, content):
    found = [q.content.text for q in run(nlp, text) if q.kind == "indirect"]
    assert found == ([content] if content else [])


def test_present_participle_speaks_for_the_noun_it_modifies(nlp):
    found = by_cue(run(nlp, "Outside groups supporting Governor Lena Maas have spent heavily in Tromso."))
    q = found["supporting"]
    assert (q.content.text, q.speaker.text) == ("Governor Lena Maas", "Outside groups")


def test_the_object_of_tell_is_what_was_told_when_it_is_no_one(nlp):
    q = by_cue(run(nlp, "The ad features farmers telling their family stories."))["telling"]
    assert (q.content.text, q.speaker.text) == ("their family stories", "farmers")


def test_transcript_turns_are_their_speakers_statements(nlp):
    text = ('Anna Berg spoke on Sunday.\n\nPartial transcript as follows:\n\n'
            '"HOST: Let us start with the harbour. Why would the city do that?\n\n'
            '"BERG: Well, look, this is serious business. The choice is important.\n\n'
            '"But the truth is that the voters will decide.\n\n"(CROSSTALK.)\n\n'
            '"HOST: Mayor, I want to try to get an answer.\n\nFollow the show online.')
    found = [(q.speaker.text, q.content.text) for q in run(nlp, text)]
    assert found == [
        ("HOST", "Let us start with the harbour. Why would the city do that?"),
        ("BERG", 'Well, look, this is serious business. The choice is important.\n\n'
                 '"But the truth is that the voters will decide'),
        ("HOST", "Mayor, I want to try to get an answer"),
    ]


def test_a_news_label_before_a_colon_is_no_speaker(nlp):
    found = run(nlp, "The Latest: Mourners say the loss is hard to bear.")
    assert [(q.speaker.text, q.content.text) for q in found] == [("Mourners", "the loss is hard to bear")]


@pytest.mark.parametrize("text, cues", [
    ("The mayor said investigators were unable to determine which files had been taken.", ["said"]),
    ("Jonas Keller noted that the farmers, who say the rules are unfair, will protest.", ["noted", "say"]),
])
def test_a_statement_inside_another_is_its_own_only_in_a_clause_of_its_own(nlp, text, cues):
    assert [q.cue.text for q in run(nlp, text) if q.kind == "indirect"] == cues
