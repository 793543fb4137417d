"""Title-case headlines read again in sentence case (offsets stay the headline's own)."""

from __future__ import annotations

import pytest

from dateline.extract.quotes import quotes
from dateline.extract.quotes.headline import sentence_case, title_case
from dateline.records import Actor

BODY = ("\n\nLONDON - Senator Maria Lopez told Harbor Party members on Monday that Governor Tom Reed "
        "would lose. Sen. Lopez spoke to the BBC.")


@pytest.mark.parametrize("headline, expected", [
    ("Maria Lopez Warns Harbor Party The Vote Is Not Over.",
     "Maria Lopez warns Harbor Party the vote is not over."),
    # the first word of a part and of a quotation keeps its capital; acronyms keep theirs
    ("Lopez Tells BBC: ‘We Will Win.’", "Lopez tells BBC: ‘We will win.’"),
    ("Reed Says He Will Appeal To A Court.", "Reed says he will appeal to a court."),
])
def test_sentence_case(headline, expected):
    cased = sentence_case(headline, BODY)
    assert cased == expected and len(cased) == len(headline)


@pytest.mark.parametrize("headline", [
    "Lopez warns the vote is not over.",  # already in sentence case
    "Lopez Wins.",  # too short to tell
])
def test_not_title_case(headline):
    assert sentence_case(headline, BODY) is None


def test_title_case():
    assert title_case("Obama Seeks More Refugees As He Marks A Holiday")
    assert not title_case("Trump questions the fairness of moderators ahead of debate")


def _run(nlp, text, *, reparse):
    doc = nlp(text)
    actors = [Actor(e.start_char, e.end_char, e.text, name=e.text, kind="person")
              for e in doc.ents if e.label_ == "PERSON"]
    return quotes(doc, layout=None, actors=actors, times=[], anchor="2021-05-04", nlp=nlp if reparse else None)


def test_title_case_headline_is_read_in_sentence_case(nlp):
    text = "Maria Lopez Warns Voters The Election Is Not Over\n" + BODY.lstrip("\n")
    found = [q for q in _run(nlp, text, reparse=True) if q.content.start < text.index("\n")]
    assert [(q.content.text, q.speaker.text if q.speaker else None) for q in found] == \
        [("The Election Is Not Over", "Maria Lopez")]
    for q in found:  # the article's own text and offsets, not the recased ones
        assert text[q.content.start:q.content.end] == q.content.text
        assert q.cue is not None and text[q.cue.start:q.cue.end] == q.cue.text == "Warns"


def test_sentence_case_headline_is_left_as_it_is(nlp):
    text = "Maria Lopez says the election is not over\n" + BODY.lstrip("\n")
    assert _run(nlp, text, reparse=True) == _run(nlp, text, reparse=False)
