"""The linear model: probabilities, and a save/load round trip that needs numpy only."""

from __future__ import annotations

import numpy as np
import pytest

from dateline.learn.linear import LinearModel


def _model() -> LinearModel:
    return LinearModel(classes=("NONE", "ASSAULT"), vocabulary={"bias": 0, "lemma=bomb": 1},
                       weights=np.array([[0.5, -0.5], [-2.0, 2.0]]), bias=np.zeros(2), meta={"threshold": 0.5})


def test_probabilities_sum_to_one_and_follow_the_weights():
    model = _model()
    plain = model.probabilities(["bias"])
    bomb = model.probabilities(["bias", "lemma=bomb", "unknown=feature"])
    assert sum(plain.values()) == pytest.approx(1.0)
    assert plain["NONE"] > plain["ASSAULT"]
    assert bomb["ASSAULT"] > 0.9


def test_no_known_feature_gives_the_bias_alone():
    assert _model().probabilities(["never=seen"]) == pytest.approx({"NONE": 0.5, "ASSAULT": 0.5})


def test_save_and_load_round_trip(tmp_path):
    path = tmp_path / "m.npz"
    _model().save(path)
    loaded = LinearModel.load(path)
    assert loaded.classes == ("NONE", "ASSAULT")
    assert loaded.meta == {"threshold": 0.5}
    assert loaded.probabilities(["bias", "lemma=bomb"]) == pytest.approx(_model().probabilities(["bias", "lemma=bomb"]), abs=1e-6)
