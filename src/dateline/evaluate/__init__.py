"""Scoring dateline against hand-coded records: precision, recall and F1 per task.

The definitions follow the shared evaluation README (the referee ``score.py``), written anew:

>>> from dateline.evaluate import evaluate_gold, text_report            # doctest: +SKIP
>>> result = evaluate_gold("gold/tbaq_times.jsonl", "times")           # doctest: +SKIP
>>> print(text_report(result.results["times"]))                         # doctest: +SKIP
"""

from __future__ import annotations

from .bootstrap import bootstrap_intervals
from .compare import Comparison, compare, compare_report
from .io import TASKS, DocPair, EvaluationError, gold_inputs, pair_documents, read_jsonl, tasks_in
from .metrics import HEADLINES, score, score_pairs
from .misses import Miss, MissGroup, find_misses, worst
from .report import (
    headline_line, json_report, markdown_table, misses_report, replace_section, text_report, write_section,
)
from .runner import Evaluation, evaluate_gold, predict

__all__ = [
    "TASKS", "HEADLINES", "DocPair", "EvaluationError", "Evaluation", "Miss", "MissGroup",
    "evaluate_gold", "predict", "score", "score_pairs", "pair_documents", "read_jsonl", "gold_inputs",
    "tasks_in", "find_misses", "worst", "text_report", "headline_line", "json_report", "misses_report",
    "markdown_table", "replace_section", "write_section", "bootstrap_intervals", "Comparison", "compare",
    "compare_report",
]
