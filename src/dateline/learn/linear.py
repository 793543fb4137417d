"""A multinomial linear model over sparse binary features, stored as one ``.npz`` file and
scored with numpy alone (no scikit-learn at run time)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Sequence
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Scores:
    """The weight rows of some features summed (``total``: 0.0 when ``count`` is 0)."""

    count: int
    total: np.ndarray | float


@dataclass(frozen=True)
class LinearModel:
    """``weights[feature index, class index]`` plus ``bias``; ``vocabulary`` maps feature names to rows."""

    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    meta: dict[str, Any]

    def probabilities(self, features: list[str]) -> dict[str, float]:
        """Class probabilities for one item's features (unknown features are ignored)."""
        return self.probabilities_of(self.scores(features))

    def scores(self, features: Sequence[str], after: "Scores | None" = None) -> "Scores":
        """The weight rows of ``features`` summed (unknown features are ignored); after ``after``'s
        rows when given: the same sum, in the same order, as ``after``'s features and these in one
        list (``add.reduce`` over axis 0 adds the rows one after the other)."""
        rows = [i for i in map(self.vocabulary.get, features) if i is not None]
        if after is None or not after.count:
            # take + add.reduce: the same rows summed in the same order as weights[rows].sum(axis=0)
            return Scores(len(rows), np.add.reduce(self.weights.take(rows, axis=0), axis=0) if rows else 0.0)
        total = after.total
        for i in rows:
            total = total + self.weights[i]
        return Scores(after.count + len(rows), total)

    def scores_many(self, items: Sequence[Sequence[str]]) -> list["Scores"]:
        """:meth:`scores` of several items at once (the same floats). Each item's rows are stacked
        and padded with zero rows, and ``add.reduce`` adds the stacked rows one after the other
        as it does one item's (``add.reduceat`` would not: it adds the first row to the sum of
        the others)."""
        rows = [[i for i in map(self.vocabulary.get, features) if i is not None] for features in items]
        stacked = np.zeros((len(items), max(map(len, rows), default=0), len(self.classes)))
        for k, r in enumerate(rows):
            if r:
                stacked[k, :len(r)] = self.weights.take(r, axis=0)
        totals = np.add.reduce(stacked, axis=1)
        return [Scores(len(r), totals[k] if r else 0.0) for k, r in enumerate(rows)]

    def probabilities_many(self, items: Sequence[Sequence[str]]) -> np.ndarray:
        """``probabilities`` of several items at once: row k holds item k's probabilities in the
        order of ``classes`` (the same floats as one item at a time)."""
        return self.probabilities_of_many(self.scores_many(items))

    def probabilities_of_many(self, scores: Sequence["Scores"]) -> np.ndarray:
        """:meth:`probabilities_of` of several items' summed rows, one row per item in the order of
        ``classes``: the softmax works on each row as on one item's scores (the same floats)."""
        total = np.zeros((len(scores), len(self.classes)))
        for k, s in enumerate(scores):
            if s.count:
                total[k] = s.total
        total = self.bias + total
        total = total - np.maximum.reduce(total, axis=1, keepdims=True)
        exp = np.exp(total)
        return exp / np.add.reduce(exp, axis=1, keepdims=True)

    def probabilities_of(self, scores: "Scores") -> dict[str, float]:
        """Class probabilities from summed rows (:meth:`scores`)."""
        total = self.bias + scores.total
        total = total - np.maximum.reduce(total)
        exp = np.exp(total)
        probs = exp / np.add.reduce(exp)
        return dict(zip(self.classes, probs.tolist()))

    def save(self, path: Path) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez_compressed(path, classes=np.array(self.classes), features=np.array(names),
                            weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32),
                            meta=np.array([json.dumps(self.meta, sort_keys=True)]))

    @classmethod
    def load(cls, path: Path) -> "LinearModel":
        with np.load(path, allow_pickle=False) as data:
            names = [str(n) for n in data["features"]]
            return cls(classes=tuple(str(c) for c in data["classes"]),
                       vocabulary={n: i for i, n in enumerate(names)},
                       weights=data["weights"].astype(np.float64), bias=data["bias"].astype(np.float64),
                       meta=json.loads(str(data["meta"][0])))


def fit_linear(feats: Sequence[Sequence[str]], labels: Sequence[str], c: float, *,
               seed: int = 13) -> "LinearModel | None":
    """A logistic regression over binary features (scikit-learn, seeded), stored for numpy scoring;
    None when the labels hold one class only. Needs scikit-learn (the ``train`` extra)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        return None
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in fs} for fs in feats])
    model = LogisticRegression(C=c, max_iter=3000, random_state=seed)
    model.fit(x, labels)
    classes = tuple(str(k) for k in model.classes_)
    weights = model.coef_.T if len(classes) > 2 else np.hstack([-model.coef_.T / 2, model.coef_.T / 2])
    bias = model.intercept_ if len(classes) > 2 else np.array([-model.intercept_[0] / 2, model.intercept_[0] / 2])
    vocabulary = {name: i for i, name in enumerate(vec.feature_names_)}
    return LinearModel(classes=classes, vocabulary=vocabulary, weights=np.asarray(weights), bias=np.asarray(bias),
                       meta={"C": c})
