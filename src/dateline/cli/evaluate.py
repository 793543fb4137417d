"""``dateline evaluate``: precision, recall and F1 against a hand-coded gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..evaluate import TASKS, evaluate_gold, json_report, misses_report, text_report, worst
from ..evaluate.compare import compare, compare_report
from ..settings import Settings
from .app import handle_errors, main

__all__ = ["evaluate"]


@main.command("evaluate")
@click.argument("task", type=click.Choice([*TASKS, "all"]))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score these article records (JSON Lines) instead of running dateline.")
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Earlier predictions (JSON Lines): show figure deltas and the errors fixed and new.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Keep the scored predictions in this JSON Lines file.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with every figure.")
@click.option("--errors", "n_errors", type=click.IntRange(0, None), default=0, show_default=True,
              help="Also show the N worst misses (missed gold items, false positives, wrong values).")
@click.option("--limit", type=click.IntRange(1, None), default=None,
              help="Only the first N gold documents (quick checks).")
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline (default: the first installed).")
@click.option("--processes", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Parse with this many processes.")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=16, show_default=True,
              help="Articles per spaCy batch.")
@handle_errors
def evaluate(task: str, gold: str, pred: str | None, baseline: str | None, output: str | None, as_json: bool, n_errors: int,
             limit: int | None, model: str | None, processes: int, batch_size: int) -> None:
    """Score dateline against a gold set: P/R/F1 for TASK (events, quotes, times, places or all).

    Without --pred, runs dateline on each gold line's id, text, published and source (nothing
    else of the gold line is read). The figures follow the shared evaluation README; the last
    line of each task's report holds its headline figures.

    \b
    Example:
      dateline evaluate times ../shared/eval/gold/tbaq_times.jsonl --errors 20
      dateline evaluate all gold.jsonl --pred predictions.jsonl --json
      dateline evaluate quotes gold.jsonl -o new.jsonl --baseline old.jsonl --errors 10
    """
    settings = Settings(model=model, processes=processes, batch_size=batch_size)
    result = evaluate_gold(gold, task, pred=pred, settings=settings, limit=limit, progress=not as_json)
    if output:
        _write_jsonl(Path(output), result.predictions)
    groups = {t: worst(result.misses(t), n_errors) for t in result.results} if n_errors else {}
    comparisons = {}
    if baseline:
        before = evaluate_gold(gold, list(result.results), pred=baseline, limit=limit)
        comparisons = {t: compare(t, before.results[t], result.results[t], before.misses(t), result.misses(t))
                       for t in result.results}
    if as_json:
        extra = {t: {"baseline": c.to_dict()} for t, c in comparisons.items()}
        click.echo(json_report(result.results, groups if n_errors else None,
                               task=None if task == "all" else task, extra=extra), nl=False)
        return
    for n, (t, figures) in enumerate(result.results.items()):
        if n:
            click.echo()
        click.echo(text_report(figures), nl=False)
        if n_errors:
            click.echo()
            click.echo(misses_report(t, groups[t]), nl=False)
        if t in comparisons:
            click.echo()
            click.echo(compare_report(comparisons[t], n_errors), nl=False)


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    try:
        with path.open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise click.ClickException(f"cannot write {path}: {exc.strerror or exc}") from exc
