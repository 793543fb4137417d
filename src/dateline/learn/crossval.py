"""Out-of-fold probabilities for choosing the event model's threshold: the training documents are
split into seeded folds (a document's proposals stay together), and each proposal is scored by a
model fitted without its fold. Needs scikit-learn (the ``train`` extra)."""

from __future__ import annotations

import random
from collections.abc import Sequence

import numpy as np

__all__ = ["FOLDS", "document_folds", "out_of_fold"]

FOLDS = 5


def document_folds(doc_ids: Sequence[str], k: int = FOLDS, *, seed: int = 13) -> list[int]:
    """The fold (0 to k-1) of each item, by its document: the sorted distinct ids are shuffled
    with ``seed`` and dealt out in turn, so every fold holds about as many documents."""
    ids = sorted(set(doc_ids))
    random.Random(seed).shuffle(ids)
    fold_of = {d: i % k for i, d in enumerate(ids)}
    return [fold_of[d] for d in doc_ids]


def out_of_fold(feats: Sequence[Sequence[str]], labels: Sequence[str], doc_ids: Sequence[str], c: float,
                *, k: int = FOLDS, seed: int = 13) -> list[dict[str, float]]:
    """Each item's class probabilities from a logistic regression (fitted as ``linear.fit_linear``
    fits it, seeded) on the other folds' documents; a class a fold's model never saw is absent."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in fs} for fs in feats])
    y = np.asarray(labels)
    folds = np.asarray(document_folds(doc_ids, k, seed=seed))
    out: list[dict[str, float]] = [{} for _ in labels]
    for fold in range(k):
        held, rows = np.flatnonzero(folds == fold), np.flatnonzero(folds != fold)
        if not len(held):
            continue
        if len(set(y[rows])) < 2:  # one class only: that class for all
            only = str(y[rows][0])
            for i in held:
                out[i] = {only: 1.0}
            continue
        model = LogisticRegression(C=c, max_iter=3000, random_state=seed)
        model.fit(x[rows], y[rows])
        classes = [str(k_) for k_ in model.classes_]
        probs = model.predict_proba(x[held])
        for i, row in zip(held, probs):
            out[i] = dict(zip(classes, row.tolist()))
    return out
