"""What the development scripts share: gold files, cached parses laid out as the pipeline does,
JSON Lines output and the referee ``score.py`` run as a separate program."""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

Item = dict[str, Any]

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO.parent / "shared" / "eval" / "gold"
SCORER = REPO.parent / "shared" / "eval" / "score.py"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def existing_gold(path: Path, label: str) -> Path | None:
    """The gold file as an absolute path, or None (after saying so) when it is not there."""
    gold = path if path.is_absolute() else Path.cwd() / path
    if not gold.is_file():
        log(f"{label}: {path} is missing (no ../shared next to the repository?): nothing to measure")
        return None
    return gold


def split_indices(n: int, split: str) -> list[int]:
    """Indices of the documents of one split among ``n``: ``even`` and ``odd`` line index (0-based),
    or ``all``. Even halves are developed on; odd halves are held out."""
    if split == "all":
        return list(range(n))
    return list(range(0 if split == "even" else 1, n, 2))


def read_gold(path: Path, split: str = "all") -> list[Item]:
    """The gold documents of one split (see :func:`split_indices`)."""
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [docs[i] for i in split_indices(len(docs), split)]


def split_parsed(path: Path, split: str, cache_dir: Path, *,
                 label: str) -> tuple[list[Item], list[Any], list[Any]]:
    """``(gold documents, spaCy docs, layouts)`` of one split; the whole file is parsed (and cached)
    once, so both halves share one cache."""
    all_docs = read_gold(path, "all")
    parsed, layouts = parsed_docs(all_docs, cache_dir, label=label)
    index = split_indices(len(all_docs), split)
    return [all_docs[i] for i in index], [parsed[i] for i in index], [layouts[i] for i in index]


def parsed_docs(docs: Sequence[Item], cache_dir: Path, *, label: str) -> tuple[list[Any], list[Any]]:
    """``(spaCy docs, layouts)`` for the gold documents, parsed as the pipeline does, cached on disk."""
    import spacy
    from spacy.tokens import DocBin

    from dateline.ingest.wire import analyse_layout
    from dateline.knowledge.wire import load_wire_knowledge
    from dateline.nlp import load_pipeline, masked_text, resolve_model, tokenize

    knowledge = load_wire_knowledge(())
    layouts = [analyse_layout(d["text"], published=d.get("published"), source=d.get("source"), knowledge=knowledge)
               for d in docs]
    inputs = []
    for d, layout in zip(docs, layouts):
        breaks = sorted({z.start for z in layout.zones} | {z.end for z in layout.zones})
        inputs.append((masked_text(d["text"], layout), breaks))
    model = resolve_model(None)
    key = hashlib.sha256(json.dumps([model, spacy.__version__, inputs]).encode("utf-8")).hexdigest()[:20]
    cache = cache_dir / f"{key}.spacy"
    nlp = load_pipeline()
    if cache.is_file():
        found = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(found) == len(docs):
            return found, layouts
    log(f"{label}: parsing {len(docs)} documents (cached in {cache}) ...")
    started = time.perf_counter()
    bin_ = DocBin(store_user_data=True)
    found = []
    for doc in nlp.pipe((tokenize(nlp, text, breaks) for text, breaks in inputs), batch_size=16):
        bin_.add(doc)
        found.append(doc)
    cache_dir.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(cache)
    log(f"{label}: parsed in {time.perf_counter() - started:.0f} s")
    return found, layouts


def write_jsonl(path: Path, records: Iterable[Item]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_scorer(scorer: Path, task: str, gold: Path, pred: Path) -> str:
    """score.py's report, run as the referee runs it."""
    done = subprocess.run([sys.executable, str(scorer), task, str(gold), str(pred)],
                          capture_output=True, text=True, check=False)
    return done.stdout + (done.stderr if done.returncode else "")


def add_split_arguments(parser: argparse.ArgumentParser, *, gold: Path, task: str) -> None:
    """The options every development script takes: ``--gold``, ``--split``, ``--pred``, ``--cache-dir``."""
    parser.add_argument("--gold", type=Path, default=gold, help=f"gold JSON Lines with `{task}` (default: {gold.name})")
    parser.add_argument("--split", choices=("even", "odd", "all"), default="all",
                        help="documents with an even or odd line index (0-based), or all")
    parser.add_argument("--pred", type=Path, help="also keep the predictions here (JSON Lines)")
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / f"dateline-{task}-dev")


def score_split(gold_path: Path, task: str, docs: Sequence[Item], preds: Sequence[Item], *,
                keep: Path | None, label: str) -> str | None:
    """score.py's report on ``preds`` against ``docs`` (None, after saying so, when score.py is
    not beside the gold directory); the predictions are also written to ``keep`` when given."""
    if keep:
        write_jsonl(keep, preds)
    scorer = gold_path.parent.parent / "score.py"
    if not scorer.is_file():
        log(f"{label}: {scorer} is missing: no official figures")
        return None
    with tempfile.TemporaryDirectory(prefix=f"{label}-") as tmp:
        gold_file, pred_file = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        write_jsonl(gold_file, docs)
        write_jsonl(pred_file, preds)
        return run_scorer(scorer, task, gold_file, pred_file).rstrip()


def show_error_samples(found: dict[str, list[str]], kinds: Sequence[str], *, show: int, grep: str | None = None,
                       seed: int = 0) -> None:
    """Print up to ``show`` randomly chosen (seeded) error lines of each kind in ``kinds``, those
    containing ``grep`` only when it is given."""
    rng = random.Random(seed)
    for kind in kinds:
        items = [x for x in found[kind] if not grep or grep.lower() in x.lower()]
        print(f"\n== {kind} ({len(items)})")
        for line in rng.sample(items, min(show, len(items))):
            print("  " + line)
