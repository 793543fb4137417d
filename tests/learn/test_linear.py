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


def test_scoring_many_items_at_once_gives_the_same_floats_as_one_at_a_time():
    rng = np.random.default_rng(7)
    names = [f"f{i}" for i in range(40)]
    model = LinearModel(classes=tuple(f"c{k}" for k in range(17)), vocabulary={n: i for i, n in enumerate(names)},
                        weights=rng.normal(size=(40, 17)), bias=rng.normal(size=17), meta={})
    items = [[names[i] for i in rng.integers(0, 40, size=n)] + ["unknown"] for n in (0, 1, 2, 9, 30, 60, 5)]
    many = model.probabilities_many(items)
    for k, features in enumerate(items):
        assert many[k].tolist() == list(model.probabilities(features).values())  # exactly, not approx
    assert model.probabilities_many([]).shape == (0, 17)


def test_summing_many_items_rows_at_once_gives_the_same_sums():
    rng = np.random.default_rng(11)
    model = LinearModel(classes=("a", "b", "c"), vocabulary={f"f{i}": i for i in range(12)},
                        weights=rng.normal(size=(12, 3)) * rng.choice([1e-9, 1.0, 1e6], size=(12, 1)),
                        bias=np.zeros(3), meta={})
    items = [[f"f{i}" for i in rng.integers(0, 12, size=n)] for n in (0, 3, 8, 20)]
    for one, many in zip((model.scores(x) for x in items), model.scores_many(items)):
        assert one.count == many.count
        assert np.array_equal(one.total, many.total)
