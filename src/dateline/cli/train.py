"""``dateline train events``: rebuild the learned event decider from the news event corpus."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import DatelineError
from .app import handle_errors, main

_SHIPPED = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "event_model.npz"


def _read(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise DatelineError(f"cannot read the corpus file {path}: {exc}") from exc


@main.group()
def train() -> None:
    """Rebuild a trained model from annotated data.

    \b
    Example:
      python benchmarks/news_corpus.py --out build/news
      dateline train events --corpus build/news
    """


@train.command("events")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="Folder with train.jsonl and dev.jsonl (written by benchmarks/news_corpus.py --out), and "
                   "train_extra.jsonl when there is one (more training documents).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=_SHIPPED,
              show_default=True, help="Where to write the model (its status model is written beside it).")
@click.option("--limit", type=click.IntRange(1, None), default=None, help="Use only the first N articles of each split.")
@handle_errors
def train_events(corpus: Path, output: Path, limit: int | None) -> None:
    """Train the event decider: NONE-or-type and status models over the rules' proposals.

    The regularisation and the decision threshold are chosen on dev.jsonl; test.jsonl is never read.
    Needs scikit-learn: pip install 'dateline[train]'.

    \b
    Example:
      dateline train events --corpus build/news -o my_model.npz
      dateline extract articles.jsonl --event-coder my_model.npz
    """
    try:
        from ..learn.train import train_event_models
    except ImportError as exc:  # scikit-learn missing
        raise DatelineError(f"training needs scikit-learn ({exc.name} is not installed): "
                            "pip install 'dateline[train]'") from exc
    train_docs, dev_docs = _read(corpus / "train.jsonl"), _read(corpus / "dev.jsonl")
    if (corpus / "train_extra.jsonl").exists():
        train_docs += _read(corpus / "train_extra.jsonl")
    if limit:
        train_docs, dev_docs = train_docs[:limit], dev_docs[:limit]
    meta = train_event_models(train_docs, dev_docs, output, log=lambda m: click.echo(f"train: {m}", err=True))
    click.echo(json.dumps(meta))
