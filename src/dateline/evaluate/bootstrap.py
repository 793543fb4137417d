"""How much a headline figure could move by chance: document-level bootstrap intervals.

Gold sets hold a few hundred documents, so a change of a few points may be noise. Each document
is scored once; resamples of documents (with replacement) then only add up its counts.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence

from .io import DocPair
from .metrics import quote_items, score_pairs

__all__ = ["bootstrap_intervals", "pooled_figures", "FIGURES"]

Counts = dict[str, float]


def _f1(tp: float, pred: float, gold: float, tp_gold: float | None = None) -> float:
    p = tp / pred if pred else 0.0
    r = (tp if tp_gold is None else tp_gold) / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _doc_counts(task: str, doc: DocPair) -> Counts:
    """The additive counts behind the task's figures, for one document."""
    m = score_pairs(task, [doc])
    if task == "events":
        return {"type_tp": m["type_tp"], "dyad_tp": m["dyad_tp"], "pred": m["pred_events"], "gold": m["gold_events"]}
    if task == "quotes":
        with_speaker = sum(1 for q in quote_items(doc.gold, None) if isinstance(q.get("speaker"), Mapping))
        return {"tp": m["tp"], "pred": m["pred"], "gold": m["gold"], "spk_ok": m["speaker_correct"],
                "spk_n": m["speaker_n"], "with_speaker": with_speaker, "d_tp": m["direct_tp"],
                "d_pred": m["direct_pred"], "d_gold": m["direct_gold"]}
    if task == "times":
        return {"relaxed_tp": m["relaxed_tp"], "value_tp": m["value_tp"], "pred": m["pred"], "gold": m["gold"]}
    return {"pred_hit": m["pred_matched"], "gold_hit": m["gold_matched"], "pred": m["pred"], "gold": m["gold"],
            "within": round(m["acc161"] * m["geo_pairs"]), "geo": m["geo_pairs"]}


FIGURES: dict[str, dict[str, Callable[[Counts], float]]] = {
    "events": {"type_f1": lambda c: _f1(c["type_tp"], c["pred"], c["gold"]),
               "dyad_f1": lambda c: _f1(c["dyad_tp"], c["pred"], c["gold"])},
    "quotes": {"content_f1": lambda c: _f1(c["tp"], c["pred"], c["gold"]),
               "speaker_acc": lambda c: _ratio(c["spk_ok"], c["spk_n"]),
               "speaker_e2e": lambda c: _ratio(c["spk_ok"], c["with_speaker"]),
               "direct_content_f1": lambda c: _f1(c["d_tp"], c["d_pred"], c["d_gold"])},
    "times": {"relaxed_f1": lambda c: _f1(c["relaxed_tp"], c["pred"], c["gold"]),
              "value_f1": lambda c: _f1(c["value_tp"], c["pred"], c["gold"])},
    "places": {"f1": lambda c: _f1(c["pred_hit"], c["pred"], c["gold"], c["gold_hit"]),
               "acc161": lambda c: _ratio(c["within"], c["geo"])},
}


def _pooled(counts: Sequence[Counts], indices: Sequence[int]) -> Counts:
    total: Counts = dict.fromkeys(counts[0], 0.0) if counts else {}
    for i in indices:
        for k, v in counts[i].items():
            total[k] += v
    return total


def pooled_figures(task: str, pairs: Sequence[DocPair]) -> dict[str, float]:
    """The figures recomputed from summed per-document counts (equal to the direct scores)."""
    counts = [_doc_counts(task, doc) for doc in pairs]
    if not counts:
        return {}
    total = _pooled(counts, range(len(counts)))
    return {name: figure(total) for name, figure in FIGURES[task].items()}


def bootstrap_intervals(task: str, pairs: Sequence[DocPair], *, resamples: int = 1000, level: float = 0.95,
                        seed: int = 0) -> dict[str, tuple[float, float]]:
    """Percentile intervals of the task's headline figures (and speaker_e2e) over document resamples."""
    if not pairs:
        return {}
    counts = [_doc_counts(task, doc) for doc in pairs]
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {name: [] for name in FIGURES[task]}
    n = len(counts)
    for _ in range(resamples):
        total = _pooled(counts, rng.choices(range(n), k=n))
        for name, figure in FIGURES[task].items():
            samples[name].append(figure(total))
    tail = (1 - level) / 2
    out = {}
    for name, values in samples.items():
        values.sort()
        lo = values[int(tail * (len(values) - 1))]
        hi = values[int(round((1 - tail) * (len(values) - 1)))]
        out[name] = (lo, hi)
    return out

