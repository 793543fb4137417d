"""Quotations and reported speech, with speakers and cues (table tests over short texts)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.quotes import quotes
from dateline.records import Actor, Layout, Span, TimeExpr, Zone


def run(nlp, text, *, actors=None, times=(), anchor="2021-05-04", layout=None):
    doc = nlp(text)
    if actors is None:
        kinds = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
        actors = [Actor(e.start_char, e.end_char, e.text, name=e.text, kind=kinds[e.label_])
                  for e in doc.ents if e.label_ in kinds]
    return quotes(doc, layout=layout, actors=actors, times=list(times), anchor=anchor)


def summary(found):
    return [(q.kind, q.content.text, q.speaker.text if q.speaker else None, q.cue.text if q.cue else None)
            for q in found]


@pytest.mark.parametrize("text, expected", [
    ('"The harvest was poor this year," Mayor Anna Berg said.',
     [("direct", "The harvest was poor this year,", "Mayor Anna Berg", "said")]),
    ("“We are ready to talk,” she told reporters.",
     [("direct", "We are ready to talk,", "she", "told")]),
    ('Jonas Keller said: "The bridge will open in May."',
     [("direct", "The bridge will open in May.", "Jonas Keller", "said")]),
    ('"Nothing has changed," said the minister.',
     [("direct", "Nothing has changed,", "the minister", "said")]),
    ('"Prices are falling," Marta Rossi noted without giving details.',
     [("direct", "Prices are falling,", "Marta Rossi", "noted")]),
])
def test_direct_quotes(nlp, text, expected):
    assert summary(run(nlp, text)) == expected


def test_quote_split_by_attribution_is_one_quote(nlp):
    text = 'Farmers met on Tuesday. "The rain came late," Pavel Novak said. "We lost half the crop."'
    (q,) = run(nlp, text)
    assert q.content.text.startswith("The rain came late")
    assert q.content.text.endswith("We lost half the crop.")
    assert q.speaker.text == "Pavel Novak" and q.cue.text == "said"


def test_split_quote_across_an_attribution_with_initials(nlp):
    text = ('"Rates will stay low," said John B. Miller, a former adviser to Gov. Ann Lee. '
            '"But not forever."')
    (q,) = run(nlp, text)
    assert q.content.text.endswith("But not forever.") and q.speaker.name == "John B. Miller"


def test_split_quote_with_its_own_cue_stays_two_quotes(nlp):
    text = '"The plan is sound," Lena Maas stressed, adding that "it will be ready soon."'
    found = run(nlp, text)
    assert [q.cue.text for q in found if q.kind == "direct"] == ["stressed", "adding"]
    assert all(q.speaker.name == "Lena Maas" for q in found if q.kind == "direct")


def test_multi_paragraph_quote(nlp):
    text = ("Omar Haddad, the port director, spoke on Friday.\n\n"
            "“The cranes are old,” Haddad said. “We need new ones.\n\n"
            "“Without them the port will lose its customers.”\n\nThe port opened in 1950.")
    found = [q for q in run(nlp, text) if q.kind == "direct"]
    assert len(found) == 1
    assert found[0].content.text.endswith("lose its customers.")


@pytest.mark.parametrize("text", [
    "The so-called “peace plan” was rejected by the council.",
    "Critics call it a “paper tiger” and move on.",
    "The film “Summer Rain” opened in Oslo on Friday.",
])
def test_scare_quotes_and_titles_are_not_quotes(nlp, text):
    assert [q for q in run(nlp, text) if q.kind == "direct"] == []


def test_unbalanced_mark_does_not_swallow_the_article(nlp):
    text = ('The mayor spoke. "This mark is never closed.\n\n'
            'Ivan Petrov said that the budget would be cut.')
    found = run(nlp, text)
    reported = [q for q in found if q.kind == "indirect"]
    assert [q.content.text for q in reported] == ["the budget would be cut"]


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Ivan Petrov said that the budget would be cut.", "the budget would be cut", "Ivan Petrov", "said"),
    ("The ministry confirmed the talks had ended.", "the talks had ended", "The ministry", "confirmed"),
    ("He stressed that nothing had changed.", "nothing had changed", "He", "stressed"),
    ("Sara Lind has expressed the hope that the talks will succeed.", "the talks will succeed",
     "Sara Lind", "has expressed the hope"),
    ("According to the Defense Ministry, the convoy reached the city.", "the convoy reached the city",
     "the Defense Ministry", "According to"),
    ("The convoy reached the city, according to the Defense Ministry.", "The convoy reached the city",
     "the Defense Ministry", "according to"),
    ("The union believes the strike will last a week.", "the strike will last a week", "The union",
     "believes"),
    ("Berg recalled that the dam had failed before.", "the dam had failed before", "Berg", "recalled"),
])
def test_reported_speech(nlp, text, content, speaker, cue):
    found = [q for q in run(nlp, text) if q.kind == "indirect"]
    assert (found[0].content.text, found[0].speaker.text, found[0].cue.text) == (content, speaker, cue)


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("The mayor repeated her promise to rebuild the bridge.", "to rebuild the bridge", "her", "promise"),
    ("Critics rejected Berg's claim that the vote was fair.", "the vote was fair", "Berg's", "claim"),
    ("The union urged the government to raise wages.", "the government to raise wages", "The union", "urged"),
])
def test_speech_acts_and_nominal_cues(nlp, text, content, speaker, cue):
    found = {q.cue.text: q for q in run(nlp, text)}
    assert (found[cue].content.text, found[cue].speaker.text) == (content, speaker)


def test_quote_signed_with_a_dash(nlp):
    text = "“We were not consulted about the new road at all.” ― Maria Lopez\n\nThe road opens in May."
    (q,) = [q for q in run(nlp, text) if q.kind == "direct"]
    assert (q.speaker.text, q.cue.text) == ("Maria Lopez", "―")


def test_quote_after_a_name_line_with_a_colon(nlp):
    text = "Maria Lopez, 34, teacher:\n\n“We were not consulted about the new road at all.”"
    (q,) = [q for q in run(nlp, text) if q.kind == "direct"]
    assert q.speaker.text == "Maria Lopez"


def test_headline_colon_line(nlp):
    text = "Novak: the harvest will be late\n\nThe farmers met on Monday."
    found = run(nlp, text)
    assert (found[0].speaker.text, found[0].content.text, found[0].cue.text) == (
        "Novak", "the harvest will be late", ":")


def test_speaker_resolution_across_sentences(nlp):
    text = ("Port director Omar Haddad said on Monday that the cranes were old. "
            "\"We need new ones,\" he told reporters. The director recalled that the port opened in 1950.")
    found = run(nlp, text)
    assert [q.speaker.name for q in found] == ["Omar Haddad"] * 3
    assert found[1].speaker.text == "he"


def test_unattributed_continuation_takes_previous_speaker(nlp):
    text = ('"The cranes are old," Omar Haddad said.\n\nThe port opened in 1950.\n\n'
            '"Without new cranes, the port will lose all of its customers to the north."')
    found = [q for q in run(nlp, text) if q.kind == "direct"]
    assert found[-1].speaker is not None and found[-1].speaker.name == "Omar Haddad"


def test_quote_date_from_sentence_else_anchor(nlp):
    text = 'Ivan Petrov said on Monday that the budget would be cut. He noted that taxes would rise.'
    monday = text.index("on Monday")
    times = [TimeExpr(monday, monday + 9, "on Monday", "2021-05-03", "DATE")]
    found = run(nlp, text, times=times)
    assert [q.date for q in found] == ["2021-05-03", "2021-05-04"]


def test_layout_limits_quotes_to_the_body(nlp):
    text = "Mayor says bridge will open\n\nPhoto: \"a caption quote here that is long enough\"\n\nAnna Berg said the bridge would open."
    body_start = text.index("Anna")
    layout = Layout(zones=(Zone("title", 0, 27), Zone("caption", 29, body_start - 2),
                           Zone("body", body_start, len(text))),
                    title=Span(0, 27, text[:27]), standfirst=(), dateline=None,
                    body=Span(body_start, len(text), text[body_start:]))
    found = run(nlp, text, layout=layout)
    assert [q.content.text for q in found] == ["the bridge would open"]


def test_offsets_slice_back(nlp):
    text = ('“Talks went well,” Lena Maas said. “We meet again soon.”\n\n'
            "According to officials, the border stays closed. A source said the deal was near.")
    for q in run(nlp, text):
        assert text[q.content.start:q.content.end] == q.content.text
        if q.speaker is not None and q.speaker.start is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text


def test_anonymous_speakers_stay_unresolved(nlp):
    found = run(nlp, "A source said the deal was near. Officials said the border would stay closed.")
    assert [(q.speaker.text, q.speaker.name) for q in found] == [("A source", None), ("Officials", None)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(list('ab Xy ."“”\n,:') + ["said ", "he ", "Anna ", "that "]), max_size=30)
       .map("".join))
def test_no_input_crashes_and_offsets_hold(nlp, text):
    for q in run(nlp, text, actors=[]):
        assert text[q.content.start:q.content.end] == q.content.text
        assert q.kind in ("direct", "indirect")
