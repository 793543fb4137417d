"""Bootstrap intervals: pooled per-document counts give back the direct figures."""

from __future__ import annotations

import random

import pytest

from dateline.evaluate import HEADLINES, pair_documents, score_pairs
from dateline.evaluate.bootstrap import FIGURES, bootstrap_intervals, pooled_figures

TEXT = "Envoys of Ruritania met in Zenda on Monday and said on Tuesday that talks went well. " * 3


def _docs(task: str, seed: int) -> tuple[list[dict], list[dict]]:
    rng = random.Random(seed)
    gold, pred = [], []
    for d in range(12):
        g_items, p_items = [], []
        for _ in range(rng.randint(0, 4)):
            start = rng.randrange(0, len(TEXT) - 20)
            end = start + rng.randint(3, 15)
            item = {"start": start, "end": end, "value": rng.choice("ab"), "type": rng.choice(["AID", "DATE"]),
                    "lat": 1.0, "lon": rng.choice([1.0, 5.0]), "kind": rng.choice(["direct", "indirect"]),
                    "source": [{"country": rng.choice(["RUR", "ZEN"])}], "target": [],
                    "content": {"start": start, "end": end}, "speaker": {"start": end, "end": end + 3}}
            g_items.append(item)
            if rng.random() < 0.7:
                shift = rng.randint(-4, 4)
                p_items.append({**item, "start": start + shift, "end": end + shift, "value": rng.choice("ab"),
                                "content": {"start": start + shift, "end": end + shift},
                                "lon": rng.choice([1.0, 3.0])})
        gold.append({"id": str(d), "text": TEXT, task: g_items})
        pred.append({"id": str(d), task: p_items})
    return gold, pred


@pytest.mark.parametrize("task", list(HEADLINES))
def test_pooled_counts_reproduce_the_figures(task):
    pairs, info = pair_documents(task, *_docs(task, seed=len(task)))
    direct = score_pairs(task, pairs, info)
    assert set(HEADLINES[task]) <= set(FIGURES[task])
    for key, value in pooled_figures(task, pairs).items():
        assert value == pytest.approx(direct[key]), key


@pytest.mark.parametrize("task", list(HEADLINES))
def test_intervals_hold_the_figure_and_are_reproducible(task):
    pairs, _ = pair_documents(task, *_docs(task, seed=1))
    direct = score_pairs(task, pairs)
    intervals = bootstrap_intervals(task, pairs, resamples=200, seed=3)
    assert intervals == bootstrap_intervals(task, pairs, resamples=200, seed=3)
    for key in HEADLINES[task]:
        lo, hi = intervals[key]
        assert 0.0 <= lo <= hi <= 1.0
        assert lo - 1e-9 <= direct[key] <= hi + 1e-9 or lo == hi


def test_no_documents_no_intervals():
    assert bootstrap_intervals("times", []) == {}
