"""The folds by document and the out-of-fold probabilities used to choose the event threshold."""

from __future__ import annotations

import pytest

from dateline.learn.crossval import document_folds, out_of_fold


def test_folds_keep_a_documents_items_together_and_are_seeded():
    ids = ["a", "a", "b", "c", "c", "c", "d", "e", "f"]
    folds = document_folds(ids, 3, seed=13)
    assert folds == document_folds(ids, 3, seed=13)
    assert folds[0] == folds[1] and folds[3] == folds[4] == folds[5]
    assert sorted(set(folds)) == [0, 1, 2]


def test_each_item_is_scored_by_a_model_that_never_saw_its_document():
    pytest.importorskip("sklearn")
    # the word "odd" is ATTACK in one document only: a model without that document cannot know it
    feats = [["odd"], ["w"], ["hit"], ["w"], ["hit"], ["w"], ["hit"], ["w"]]
    labels = ["ATTACK", "NONE", "ATTACK", "NONE", "ATTACK", "NONE", "ATTACK", "NONE"]
    docs = ["d1", "d1", "d2", "d2", "d3", "d3", "d4", "d4"]
    probs = out_of_fold(feats, labels, docs, 1.0, k=4, seed=13)
    assert len(probs) == len(feats) and all(abs(sum(p.values()) - 1.0) < 1e-9 for p in probs)
    assert probs[0]["ATTACK"] < probs[2]["ATTACK"]  # "odd" unseen out of fold, "hit" seen
    assert probs == out_of_fold(feats, labels, docs, 1.0, k=4, seed=13)
