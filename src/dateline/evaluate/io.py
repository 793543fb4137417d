"""Reading gold and prediction files, and pairing each gold document with its prediction."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvaluationError

__all__ = [
    "TASKS", "EvaluationError", "DocPair", "read_jsonl", "pair_documents", "gold_inputs", "tasks_in",
    "INPUT_FIELDS",
]

TASKS: tuple[str, ...] = ("events", "quotes", "times", "places")

#: The only fields of a gold line that may be shown to the system under test.
INPUT_FIELDS: tuple[str, ...] = ("id", "text", "published", "source")


@dataclass(frozen=True, slots=True)
class DocPair:
    """One gold document for one task, with the items of its prediction (empty when none).

    ``sentences`` are the predicted sentence spans ``(start, end)``, used to show context.
    """

    id: str
    text: str
    gold: list[dict[str, Any]]
    pred: list[dict[str, Any]]
    predicted: bool
    sentences: tuple[tuple[int, int], ...] = field(default=())


def read_jsonl(path: str | Path, *, what: str = "gold") -> tuple[list[dict[str, Any]], int]:
    """The JSON objects of a JSON Lines file and the number of unusable lines.

    A bad line in a gold file raises :class:`EvaluationError`; in a prediction file it is counted.
    """
    path = Path(path)
    try:
        raw_lines = path.read_bytes().splitlines()
    except OSError as exc:
        raise EvaluationError(f"cannot read the {what} file {path}: {exc.strerror or exc}; "
                              f"check the path") from exc
    docs: list[dict[str, Any]] = []
    bad = 0
    for n, raw in enumerate(raw_lines, 1):
        try:
            line = raw.decode("utf-8")
            if not line.strip():
                continue
            obj = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            if what == "gold":
                raise EvaluationError(f"{path}:{n}: not a UTF-8 JSON line ({exc}); "
                                      f"gold files must be JSON Lines") from exc
            bad += 1
            continue
        if isinstance(obj, dict):
            docs.append(obj)
        else:
            bad += 1
    return docs, bad


def tasks_in(gold_docs: Iterable[Mapping[str, Any]]) -> list[str]:
    """The tasks a gold set annotates (a task key present and not null on some document)."""
    found = {t for doc in gold_docs for t in TASKS if doc.get(t) is not None}
    return [t for t in TASKS if t in found]


def gold_inputs(gold_docs: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """The pipeline's inputs for gold documents: only their id, text, published and source."""
    for doc in gold_docs:
        yield {k: doc.get(k) for k in INPUT_FIELDS}


def _items(value: Any) -> list[dict[str, Any]]:
    return [x for x in (value or []) if isinstance(x, dict)] if isinstance(value, list) else []


def _sentences(pred: Mapping[str, Any] | None) -> tuple[tuple[int, int], ...]:
    out = []
    for s in (pred or {}).get("sentences") or []:
        if isinstance(s, dict) and isinstance(s.get("start"), int) and isinstance(s.get("end"), int):
            out.append((s["start"], s["end"]))
    return tuple(out)


def pair_documents(task: str, gold_docs: Iterable[Mapping[str, Any]], pred_docs: Iterable[Any], *,
                   unreadable: int = 0) -> tuple[list[DocPair], dict[str, int]]:
    """Each gold document that annotates ``task`` with its prediction, and bookkeeping counts.

    Predictions are matched by ``id`` (the first record of an id counts); predictions without an
    id or that are not objects count as unreadable, as do ``unreadable`` lines already skipped.
    A prediction with a ``failure`` (an article the pipeline could not process) scores as empty
    and is counted in ``pred_failures``.
    """
    if task not in TASKS:
        raise EvaluationError(f"unknown task {task!r}: choose one of {', '.join(TASKS)}")
    by_id: dict[str, Mapping[str, Any]] = {}
    bad, duplicates = unreadable, 0
    for p in pred_docs:
        if not isinstance(p, Mapping) or p.get("id") is None:
            bad += 1
            continue
        key = str(p["id"])
        if key in by_id:
            duplicates += 1
        else:
            by_id[key] = p
    pairs: list[DocPair] = []
    gold_ids: set[str] = set()
    missing = skipped = failed = 0
    for g in gold_docs:
        if g.get(task) is None:
            skipped += 1
            continue
        gid = str(g.get("id"))
        gold_ids.add(gid)
        p = by_id.get(gid)
        missing += p is None
        failed += p is not None and p.get("failure") is not None
        pairs.append(DocPair(id=gid, text=str(g.get("text") or ""), gold=_items(g.get(task)),
                             pred=_items(p.get(task)) if p is not None else [],
                             predicted=p is not None, sentences=_sentences(p)))
    info = {"docs": len(pairs), "docs_without_prediction": missing,
            "pred_docs_not_in_gold": sum(1 for i in by_id if i not in gold_ids),
            "pred_lines_unreadable": bad, "pred_duplicate_ids": duplicates,
            "gold_docs_without_task": skipped, "pred_failures": failed}
    return pairs, info
