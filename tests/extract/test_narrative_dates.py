"""Dates a past narrative carries from one sentence to the next."""

from __future__ import annotations

from dateline.extract.times.narrative import narrative_date
from dateline.extract.times import tag_times

STORY = ("Fighting flared again on March 2 when rebels attacked a checkpoint. The army shelled their "
         "positions. Shortly after that, the rebels withdrew.\n\n"
         "The government has launched two offensives this year. Its forces captured a bridge.")


def _date_of(nlp, text, sentence_text, anchor="2021-03-09"):
    doc = nlp(text)
    times = tag_times(doc, anchor=anchor)
    start = text.index(sentence_text)
    return narrative_date(doc, times, start, anchor)


def test_past_sentences_carry_the_day_named_before(nlp):
    assert _date_of(nlp, STORY, "The army shelled") == "2021-03-02"
    assert _date_of(nlp, STORY, "Shortly after that") == "2021-03-02"


def test_a_paragraph_break_or_another_tense_ends_the_episode(nlp):
    assert _date_of(nlp, STORY, "The government has launched") is None
    assert _date_of(nlp, STORY, "Its forces captured") is None


def test_a_day_after_the_article_is_no_narrative_reference(nlp):
    text = "Talks are set for March 12. Officials met at the border."
    assert _date_of(nlp, text, "Officials met") is None


def test_event_in_a_narrative_sentence_takes_its_day(nlp):
    from dateline import Pipeline, Settings

    text = ("MOSCOW, March 9. The situation worsened on March 2 when rebels attacked a checkpoint. "
            "The army shelled rebel positions in the town.")
    [article] = list(Pipeline(Settings(places=False)).run([{"text": text, "published": "2021-03-09"}]))
    dates = {e.trigger.text: e.date for e in article.events}
    assert any(d == "2021-03-02" for t, d in dates.items() if "shell" in t), dates
