"""The learned decider on top of the rules: proposals (pattern matches and open words), a model
that decides, evidence and confidence on every event, and training on a tiny corpus."""

from __future__ import annotations

import numpy as np
import pytest

from dateline.extract.events import Proposal, events
from dateline.knowledge.plover import load_plover_table
from dateline.learn.decider import NONE, EventDecider, OpenWords, load_event_decider
from dateline.learn.linear import LinearModel

pytestmark = pytest.mark.slow

TEXT = "Rebels attacked the army base on Monday. The minister said the weather was fine."


def _decider(weights: dict[str, dict[str, float]], threshold: float = 0.5, open_words=None) -> EventDecider:
    """A hand-made model: each feature adds its weights to the listed classes."""
    classes = ("NONE", "ASSAULT", "ACCUSE")
    names = sorted(weights)
    w = np.zeros((len(names), len(classes)))
    for i, name in enumerate(names):
        for c, value in weights[name].items():
            w[i, classes.index(c)] = value
    model = LinearModel(classes, {n: i for i, n in enumerate(names)}, w, np.array([2.0, 0.0, 0.0]), {})
    return EventDecider(types=model, statuses=None, table=load_plover_table(), threshold=threshold,
                        open_words=open_words)


def _events(nlp, decider=None, proposals=None):
    return events(nlp(TEXT), layout=None, actors=[], quotes=[], times=[], places=[], anchor="2024-05-06",
                  knowledge=None, decider=decider, proposals=proposals)


def test_every_pattern_match_is_proposed_with_the_step_that_kept_or_dropped_it(nlp):
    proposals: list[Proposal] = []
    coded = _events(nlp, proposals=proposals)
    assert [e.type for e in coded] == ["ASSAULT"]
    attack = [p for p in proposals if p.match.token.lemma_ == "attack"]
    assert attack and attack[0].step == "kept" and attack[0].event is not None
    assert coded[0].evidence["decided_by"] == "rules"
    assert "attack" in coded[0].evidence["proposed_by"]


def test_open_words_propose_every_verb_for_the_decider_only(nlp):
    proposals: list[Proposal] = []
    open_words = OpenWords(frozenset(), {})
    _events(nlp, decider=_decider({"bias": {}}, open_words=open_words), proposals=proposals)
    opened = {p.match.token.lemma_ for p in proposals if p.step == "open"}
    assert "say" in opened and "attack" not in opened


def test_the_model_decides_type_and_gives_evidence_and_confidence(nlp):
    sure = _decider({"rule_type=ASSAULT": {"ASSAULT": 6.0}})
    got = _events(nlp, decider=sure)
    assert [e.type for e in got] == ["ASSAULT"]
    assert got[0].evidence["decided_by"] == "event-model" and got[0].evidence["p_event"] == got[0].confidence
    assert got[0].evidence["p_type"] <= got[0].confidence
    assert 0.5 <= got[0].confidence <= 1.0
    assert got[0].cameo and got[0].quad == 4


def test_the_model_can_reject_and_retype_what_the_rules_proposed(nlp):
    assert _events(nlp, decider=_decider({"rule_type=ASSAULT": {NONE: 3.0}})) == []
    retyped = _events(nlp, decider=_decider({"rule_type=ASSAULT": {"ACCUSE": 6.0}}))
    assert [e.type for e in retyped] == ["ACCUSE"] and retyped[0].quad == 3


def test_a_missing_model_file_says_what_to_do(tmp_path):
    from dateline.errors import ModelNotFoundError

    with pytest.raises(ModelNotFoundError, match="dateline train events"):
        load_event_decider(tmp_path / "none.npz")


def test_training_on_a_tiny_corpus_writes_a_model_that_loads(tmp_path):
    pytest.importorskip("sklearn")
    from dateline.learn.train import train_event_models

    def doc(i: int, text: str, trigger: str, type_: str) -> dict:
        start = text.index(trigger)
        sentence = {"start": 0, "end": len(text)}
        return {"id": f"d{i}", "text": text, "published": "2024-05-06", "source": None,
                "events": [{"type": type_, "status": "asserted", "sentence": sentence,
                            "trigger": {"start": start, "end": start + len(trigger), "text": trigger},
                            "source": [], "target": []}]}

    train = [doc(1, "Rebels attacked the army base.", "attacked", "ASSAULT"),
             doc(2, "The senator criticized the governor.", "criticized", "ACCUSE"),
             doc(3, "Troops shelled the town.", "shelled", "ASSAULT"),
             doc(4, "The mayor condemned the decision.", "condemned", "ACCUSE")]
    out = tmp_path / "event_model.npz"
    meta = train_event_models(train, train[:2], out, log=lambda m: None)
    assert out.exists()  # one status only in this corpus: no status model
    decider = load_event_decider(out)
    assert decider.threshold == meta["threshold"] and decider.open_words is not None
    assert [e.type for e in _events_of(decider, "Troops attacked the town.")] == ["ASSAULT"]


def _events_of(decider, text: str):
    from dateline import Pipeline, Settings

    pipe = Pipeline(Settings(places=False))
    pipe.knowledge = pipe.knowledge.with_decider(decider)
    return list(next(iter(pipe.run([text]))).events)


def test_confidence_is_the_calibrated_share_right_and_evidence_keeps_the_raw_probability(nlp):
    from dataclasses import replace

    sure = _decider({"rule_type=ASSAULT": {"ASSAULT": 6.0}})
    calibrated = replace(sure, calibration={"kept": {"x": [0.0, 1.0], "y": [0.0, 0.5], "n": 40}})
    raw, got = _events(nlp, decider=sure)[0], _events(nlp, decider=calibrated)[0]
    assert got.evidence["p_event"] == raw.confidence
    assert got.confidence == round(0.5 * raw.evidence["p_event"], 3)
    assert calibrated.confidence(0.3, kept=False) == 0.3  # no map for added events: the raw value


def test_open_proposals_build_their_event_only_when_the_model_might_take_them(nlp):
    from dataclasses import replace

    from dateline.learn.features import ArticleContext, proposal_features
    from dateline.learn.train import _EVENT_FEATURES

    proposals: list[Proposal] = []
    open_words = OpenWords(frozenset(), {})
    decider = _decider({"bias": {}}, open_words=open_words)
    _events(nlp, decider=decider, proposals=proposals)
    opened = [p for p in proposals if p.step == "open"]
    assert opened and all(p.event is None and p.pending is not None for p in opened)
    built = opened[0].realized()
    assert built.pending is None and built.match is opened[0].match
    full = proposal_features(built, ArticleContext())
    assert proposal_features(built, ArticleContext(), with_event=False) == \
        [f for f in full if not f.startswith(_EVENT_FEATURES)]
    # a gate above every open proposal's chance keeps the rules' event and adds none
    gated = replace(decider, open_gate=1.01)
    assert [e.type for e in _events(nlp, decider=gated)] == [e.type for e in _events(nlp, decider=decider)
                                                              if e.evidence["rules"]["step"] != "open"]
