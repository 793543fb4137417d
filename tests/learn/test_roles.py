"""The learned role ranker: who fills an event's source and target among the rules' picks, the
sentence's other actors and nobody."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from dateline.extract.events import events
from dateline.knowledge.cache import SHARED
from dateline.learn.decider import EventDecider
from dateline.learn.linear import LinearModel
from dateline.learn.roles import RoleRanker, candidate_features, role_candidates
from dateline.records import Actor

pytestmark = pytest.mark.slow

TEXT = "Rebels attacked the army base near Kabul, Pakistani officials said."


def _model(weights: dict[str, float], classes=("no", "yes")) -> LinearModel:
    names = sorted(weights)
    w = np.zeros((len(names), 2))
    for i, name in enumerate(names):
        w[i, 1] = weights[name]
    return LinearModel(classes, {n: i for i, n in enumerate(names)}, w, np.zeros(2), {})


def _decider(ranker: RoleRanker | None) -> EventDecider:
    types = LinearModel(("NONE", "ASSAULT"), {"rule_type=ASSAULT": 0}, np.array([[0.0, 6.0]]),
                        np.array([2.0, 0.0]), {})
    return EventDecider(types=types, statuses=None, table=SHARED.plover(), threshold=0.5, roles=ranker)


def _officials(text: str) -> Actor:
    start = text.index("Pakistani officials")
    return Actor(start, start + len("Pakistani officials"), "Pakistani officials", country="PAK", sector="GOV",
                 kind="group")


def _coded(nlp, decider):
    actors = [_officials(TEXT)]
    return events(nlp(TEXT), layout=None, actors=actors, quotes=[], times=[], places=[], anchor="2024-05-06",
                  knowledge=None, decider=decider)


def test_candidates_are_nobody_the_rules_picks_and_the_sentences_other_coded_actors(nlp):
    event = _coded(nlp, _decider(None))[0]
    cands = role_candidates(event, [_officials(TEXT)])
    assert cands[0].actors == ()
    assert any(c.picked == "source" for c in cands)
    assert [c.countries for c in cands if c.picked is None and c.actors] == [frozenset({"PAK"})]
    doc = nlp(TEXT)
    trigger = next(t for t in doc if t.lower_ == "attacked")
    feats = candidate_features(doc, event, trigger, cands[-1], "target")
    assert all(f.startswith("target:") for f in feats) and "target:side=after" in feats


def test_the_ranker_overrules_the_rules_only_by_its_margin_and_says_so(nlp):
    likes_officials = _model({"source:kind=group": 3.0, "source:picked=source": -3.0})
    changed = _coded(nlp, _decider(RoleRanker(likes_officials, margin=0.2)))[0]
    assert [a.country for a in changed.source] == ["PAK"]
    assert changed.evidence["roles_by"] == "ranker:source" and set(changed.evidence["roles_p"]) == {"source", "target"}
    unchanged = _coded(nlp, _decider(RoleRanker(likes_officials, margin=1.0)))[0]
    assert "roles_by" not in unchanged.evidence
    assert unchanged.source == _coded(nlp, _decider(None))[0].source


def test_one_actor_never_fills_both_roles(nlp):
    everyone_everywhere = _model({"source:kind=group": 5.0, "target:kind=group": 5.0,
                                  "source:picked=source": -5.0, "target:picked=target": -5.0,
                                  "target:nobody": -5.0})
    event = _coded(nlp, _decider(RoleRanker(everyone_everywhere, margin=0.0)))[0]
    assert not (event.source and event.source == event.target)


def test_a_rules_pick_without_a_country_is_left_for_the_scene_when_asked(nlp):
    text = "Protesters attacked the police station, Pakistani officials said."
    likes_officials = _model({"source:kind=group": 3.0, "source:picked=source": -3.0})

    def coded(ranker):
        return events(nlp(text), layout=None, actors=[_officials(text)], quotes=[], times=[], places=[],
                      anchor="2024-05-06", knowledge=None, decider=_decider(ranker))[0]

    plain = coded(None)
    assert plain.source and not plain.source[0].country  # "Protesters": nobody's yet
    assert coded(RoleRanker(likes_officials, margin=0.2, keep_uncoded=True)).source == plain.source
    assert [a.country for a in coded(RoleRanker(likes_officials, margin=0.2)).source] == ["PAK"]
