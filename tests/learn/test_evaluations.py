"""Words of evaluation: the list file and its loader, the proposals a model trained with them gets
("called it unacceptable"), and the frame features (judgement under a trigger, question,
condition, modal)."""

from __future__ import annotations

import pytest

from dateline.errors import KnowledgeFileError
from dateline.extract.events import Proposal, events
from dateline.knowledge.event_evaluations import load_evaluations, read_evaluations
from dateline.learn.decider import OpenWords
from dateline.learn.features import ArticleContext, proposal_features


def test_the_packaged_lists_hold_both_polarities_apart():
    ev = load_evaluations()
    assert ev.polarity("Unacceptable") == "negative" and ev.polarity("welcome") == "positive"
    assert ev.polarity("table") is None and not ev.negative & ev.positive


def test_an_unknown_list_or_a_bad_value_names_the_file(tmp_path):
    bad = tmp_path / "ev.yaml"
    bad.write_text("negative: [bad]\nneutral: [fine]\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="neutral"):
        read_evaluations(bad)
    bad.write_text("negative: {a: 1}\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="negative"):
        read_evaluations(bad)


def _proposals(nlp, text: str, evaluative: bool) -> list[Proposal]:
    from tests.learn.test_decider import _decider

    proposals: list[Proposal] = []
    events(nlp(text), layout=None, actors=[], quotes=[], times=[], places=[], anchor="2024-05-06", knowledge=None,
           decider=_decider({"bias": {}}, open_words=OpenWords(frozenset(), {}, evaluative=evaluative)),
           proposals=proposals)
    return proposals


@pytest.mark.slow
def test_a_judging_word_is_proposed_only_for_a_model_trained_with_them(nlp):
    text = "Cruz called Trump a pathological liar. The minister said the agreement was a positive step."
    judged = {p.match.token.text: p for p in _proposals(nlp, text, True) if p.step == "evaluation"}
    assert set(judged) == {"liar", "positive"}
    assert judged["liar"].match.pattern.type == "ACCUSE" and judged["positive"].match.pattern.type == "SUPPORT"
    assert judged["liar"].pending is not None  # built only when the decider might take it
    assert not [p for p in _proposals(nlp, text, False) if p.step == "evaluation"]


@pytest.mark.slow
def test_a_word_that_judges_nothing_is_not_proposed(nlp):
    text = "The good news came from a great distance."
    assert not [p for p in _proposals(nlp, text, True) if p.step == "evaluation"]


@pytest.mark.slow
def test_frame_features_see_a_judgement_a_question_and_a_condition(nlp):
    text = "The DNC said the actions were unacceptable. Will the leaders meet if the talks fail?"
    proposals = _proposals(nlp, text, False)
    feats = {p.match.token.text: proposal_features(p.realized(), ArticleContext(), with_event=False)
             for p in proposals}
    assert "eval_sub=neg" in feats["said"]
    assert {"question", "clause_modal=will"} <= set(feats["meet"])
    assert "condition" in feats["fail"] and "condition" not in feats["meet"]
