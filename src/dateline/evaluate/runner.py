"""Running dateline over the texts of a gold set to get predictions to score."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..pipeline import Pipeline
from ..records import Failure
from ..settings import Settings
from .io import TASKS, DocPair, EvaluationError, gold_inputs, pair_documents, read_jsonl, tasks_in
from .metrics import score_pairs
from .misses import Miss, find_misses

__all__ = ["predict", "evaluate_gold", "Evaluation"]

log = logging.getLogger(__name__)


def predict(gold_docs: Sequence[Mapping[str, Any]], *, settings: Settings | None = None,
            pipeline: Pipeline | None = None, progress: bool = False) -> Iterator[dict[str, Any]]:
    """Article records (FORMAT.md dicts) for the gold documents, in order.

    The pipeline sees only each gold line's id, text, published and source. An article that
    fails comes back as ``{"id": ..., "failure": {...}}`` and so scores as all-missed.
    """
    pipe = pipeline or Pipeline(settings or Settings())
    results = pipe.run(gold_inputs(gold_docs))
    if progress:
        from tqdm import tqdm

        results = tqdm(results, total=len(gold_docs), unit="doc", desc="dateline", leave=False,
                       disable=None)
    for gold, result in zip(gold_docs, results):
        gid = None if gold.get("id") is None else str(gold.get("id"))
        if isinstance(result, Failure):
            log.warning("no prediction for %s: %s (%s)", gid, result.reason, result.detail)
            yield {"id": gid, "failure": result.to_dict()}
        else:
            record = result.to_dict()
            if gid is not None:
                record["id"] = gid
            yield record


@dataclass
class Evaluation:
    """The outcome of evaluating one gold set: figures and paired documents per task.

    ``predictions`` are the article records that were scored (read or produced).
    """

    gold_path: str
    results: dict[str, dict[str, Any]] = field(default_factory=dict)
    pairs: dict[str, list[DocPair]] = field(default_factory=dict)
    predictions: list[dict[str, Any]] = field(default_factory=list)

    def misses(self, task: str) -> list[Miss]:
        """Every scoring error of one task."""
        return find_misses(task, self.pairs[task])


def evaluate_gold(gold: str | Path, tasks: Sequence[str] | str = "all", *, pred: str | Path | None = None,
                  settings: Settings | None = None, pipeline: Pipeline | None = None,
                  limit: int | None = None, progress: bool = False) -> Evaluation:
    """Score dateline on a gold set: its own run over the gold texts, or the predictions in ``pred``.

    ``tasks`` is a task name, a list of them, or ``"all"`` (every task the gold set annotates).
    ``limit`` keeps the first N gold documents.
    """
    gold_docs, _ = read_jsonl(gold, what="gold")
    if limit is not None:
        gold_docs = gold_docs[:max(0, limit)]
    if tasks == "all":
        wanted = tasks_in(gold_docs)
        if not wanted:
            raise EvaluationError(f"{gold} annotates none of {', '.join(TASKS)}: is it a gold file?")
    else:
        wanted = [tasks] if isinstance(tasks, str) else list(tasks)
        for task in wanted:
            if task not in TASKS:
                raise EvaluationError(f"unknown task {task!r}: choose one of {', '.join(TASKS)} or all")
            if task not in tasks_in(gold_docs):
                raise EvaluationError(f"{gold} has no {task!r} annotation: "
                                      f"it annotates {', '.join(tasks_in(gold_docs)) or 'nothing'}")
    unreadable = 0
    if pred is not None:
        predictions, unreadable = read_jsonl(pred, what="prediction")
    else:
        predictions = list(predict(gold_docs, settings=settings, pipeline=pipeline, progress=progress))
    out = Evaluation(gold_path=str(gold), predictions=predictions)
    for task in wanted:
        pairs, info = pair_documents(task, gold_docs, predictions, unreadable=unreadable)
        out.pairs[task] = pairs
        out.results[task] = score_pairs(task, pairs, info)
    return out
