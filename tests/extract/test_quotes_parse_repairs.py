"""Statements the dependency parse misplaces or misreads, and quotations inside reported speech
(short texts written for these tests)."""

from __future__ import annotations

import pytest

from helpers import quote_triples as triples, quotes_of as run


def test_quotation_finishing_a_reported_clause_is_part_of_it(nlp):
    text = 'Lena Maas said the new port could be "costly," adding, "Ports are costly."'
    assert triples(run(nlp, text)) == [
        ("indirect", 'the new port could be "costly," adding, "Ports are costly', "Lena Maas")]


@pytest.mark.parametrize("text, content, speaker", [
    ("Jonas Keller insisted in the same interview that the port was safe.", "the port was safe", "Jonas Keller"),
    ("Pavel Novak, a farmer helping to organize the protest, said he and other farmers were alarmed "
     "about the new tax.", "he and other farmers were alarmed about the new tax", "Pavel Novak"),
])
def test_reported_clause_the_parser_hung_elsewhere(nlp, text, content, speaker):
    found = [q for q in run(nlp, text) if q.cue and q.cue.text in ("insisted", "said")]
    assert [(q.content.text, q.speaker.text) for q in found] == [(content, speaker)]


@pytest.mark.parametrize("text, cue, speaker", [
    ("Lena Maas rejected the idea that the port was unsafe, saying the tests had shown no damage.",
     "saying", "Lena Maas"),
    ("The Green Party issued a statement saying it would vote against the budget.", "saying", "The Green Party"),
])
def test_participle_of_speech_speaks_for_the_main_clause(nlp, text, cue, speaker):
    (q,) = [q for q in run(nlp, text) if q.cue and q.cue.text == cue]
    assert q.speaker.text == speaker


def test_act_coordinated_inside_a_reported_clause_is_the_reporters_own(nlp):
    text = ("The senator said the warning was a sign that the minister did not know what he was doing, "
            "and accused the ministry of hiding the report.")
    assert triples(run(nlp, text)) == [
        ("indirect", "the warning was a sign that the minister did not know what he was doing", "The senator"),
        ("indirect", "the ministry of hiding the report", "The senator")]


@pytest.mark.parametrize("text, speaker", [
    ("These farmers, Pavel Novak explained earlier in the hearing, were paid too little for their grain.",
     "Pavel Novak"),
    ("If the town can build a bridge, he observed this week, then it can build a school.", "he"),
])
def test_attribution_set_off_by_commas_reports_the_sentence(nlp, text, speaker):
    (q,) = run(nlp, text)
    assert (q.kind, q.content.text, q.speaker.text) == ("indirect", text.rstrip("."), speaker)


def test_object_gap_of_a_relative_clause(nlp):
    (q,) = run(nlp, "The port is a project she once supported.")
    assert (q.content.text, q.speaker.text, q.cue.text) == ("a project", "she", "supported")


def test_new_sentence_after_a_quotation_is_no_attribution_of_it(nlp):
    text = '"We will not sign it," the minister said. "It shows a lack of respect." Novak said both parties were to blame.'
    assert triples(run(nlp, text)) == [
        ("direct", 'We will not sign it," the minister said. "It shows a lack of respect.', "the minister"),
        ("indirect", "both parties were to blame", "Novak")]


def test_name_signed_with_a_dash_before_a_colon_is_the_speaker(nlp):
    text = 'The slowdown has been important for farmers - Anna Berg: "Prices fell faster than anyone expected."'
    (q,) = run(nlp, text)
    assert (q.kind, q.speaker.text, q.cue.text) == ("direct", "Anna Berg", ":")


def test_acts_in_the_attribution_of_a_joined_quotation_are_read(nlp):
    text = '"Every time you say that," Lena Maas said, referring to the budget, "you hurt the farmers."'
    assert triples(run(nlp, text)) == [
        ("direct", 'Every time you say that," Lena Maas said, referring to the budget, "you hurt the farmers.',
         "Lena Maas"),
        ("indirect", "the budget", "Lena Maas")]


def test_quotation_that_is_the_whole_reported_clause_is_indirect(nlp):
    text = 'Jonas Keller said on Tuesday that "the only way to win is to ask every voter for support."'
    (q,) = run(nlp, text)
    assert (q.kind, q.speaker.text, q.cue.text) == ("indirect", "Jonas Keller", "said")
    assert q.content.text.strip('"') == "the only way to win is to ask every voter for support."


def test_object_that_is_all_one_quotation_is_direct(nlp):
    (q,) = run(nlp, 'Lena Maas attacked "the reckless spending of the previous government."')
    assert (q.kind, q.content.text, q.speaker.text) == ("direct", "the reckless spending of the previous government",
                                                         "Lena Maas")


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("In Ash's view, the change would have a profound impact on the convention.",
     "the change would have a profound impact on the convention", "Ash's", "In Ash's view"),
    ("As reported by the Western Herald, the minister was told of the risks twice.",
     "the minister was told of the risks twice", "the Western Herald", "As reported by"),
    ("The port will stay open, according to the ministry.", "The port will stay open", "the ministry", "according to"),
])
def test_framed_sources_report_the_clause_they_attach_to(nlp, text, content, speaker, cue):
    (q,) = run(nlp, text)
    assert (q.kind, q.content.text, q.speaker.text, q.cue.text) == ("indirect", content, speaker, cue)


def test_name_line_that_talks_about_the_name_is_a_heading(nlp):
    found = run(nlp, "Bernie Sanders: Credit scores On his campaign website, Senator Bernie Sanders calls for "
                     "credit score reform.")
    assert [q.cue.text for q in found] == ["calls"]
    (q,) = run(nlp, "Sanders: Clinton is qualified to be president.")
    assert (q.content.text, q.speaker.text, q.cue.text) == ("Clinton is qualified to be president", "Sanders", ":")
