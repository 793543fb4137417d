#!/usr/bin/env python3
"""Event coding on the real-news event corpus: the rules alone against the learned decider (and
any model file), on one split, scored by score.py.

    python benchmarks/news_events.py --split dev                          # rules and the shipped model
    python benchmarks/news_events.py --split test --coders model          # figures only: never tune on test
    python benchmarks/news_events.py --split dev --coders rules,model,/tmp/m.npz --json out.json

Prints, per coder: type and dyad P/R/F1, events per article (predicted and gold), the over-coding
rate (predicted minus gold asserted events per article), seconds per article, and the per-type table
of the last coder. Builds the split with news_corpus.py in a temporary folder. Without ../shared
the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "annotation"))
from corpus import GOLD_DIR  # noqa: E402
from news_corpus import build  # noqa: E402

SCORER = GOLD_DIR.parent / "score.py"
IGNORED = ("negated", "hypothetical")


def predict(docs: list[dict[str, Any]], coder: str, min_confidence: float = 0.0) -> tuple[list[dict[str, Any]], float]:
    """Records of ``docs`` with one event coder (``+noscene`` after its name: without scene actors)."""
    from dateline import Failure, Pipeline, Settings

    scene = not coder.endswith("+noscene")
    pipe = Pipeline(Settings(batch_size=16, event_coder=coder.removesuffix("+noscene"), scene_actors=scene))
    started = time.perf_counter()
    records = []
    for result in pipe.run([{k: d.get(k) for k in ("id", "text", "published", "source")} for d in docs]):
        if isinstance(result, Failure):
            print(f"failed: {result.id}: {result.reason}", file=sys.stderr)
            continue
        record = result.to_dict()
        if min_confidence:
            record["events"] = [e for e in record["events"] if (e.get("confidence") or 0) >= min_confidence]
        records.append(record)
    return records, time.perf_counter() - started


def score(gold_path: Path, records: list[dict[str, Any]]) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(SCORER), "events", str(gold_path), f.name, "--json"],
                         capture_output=True, text=True, check=True)
    Path(f.name).unlink()
    return json.loads(out.stdout)


def measure(split: str, coders: list[str], min_confidence: float = 0.0) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        gold_path = Path(tmp) / f"{split}.jsonl"
        docs = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
        gold_events = sum(1 for d in docs for e in d["events"] if e["status"] not in IGNORED)
        figures = {}
        for coder in coders:
            records, seconds = predict(docs, coder, min_confidence)
            m = score(gold_path, records)
            pred_events = sum(1 for r in records for e in r["events"] if e.get("status") not in IGNORED)
            m["reliability"] = reliability(docs, records)
            m.update(articles=len(docs), seconds_per_article=round(seconds / max(len(docs), 1), 3),
                     pred_per_article=round(pred_events / max(len(docs), 1), 2),
                     gold_per_article=round(gold_events / max(len(docs), 1), 2),
                     overcoding=round((pred_events - gold_events) / max(len(docs), 1), 2))
            figures[coder] = m
        return figures


def reliability(docs: list[dict[str, Any]], records: list[dict[str, Any]], bins: int = 5) -> list[dict[str, Any]]:
    """Confidence against correctness: a predicted (not negated or hypothetical) event is right
    when a gold event of the same type in the same article has a trigger in the same sentence
    (each gold event used once)."""
    gold = {d["id"]: d for d in docs}
    rows = [{"low": k / bins, "high": (k + 1) / bins, "n": 0, "right": 0, "confidence": 0.0} for k in range(bins)]
    for r in records:
        used: set[int] = set()
        golds = [e for e in gold.get(r["id"], {}).get("events", []) if e["status"] not in IGNORED]
        for e in r["events"]:
            if e.get("status") in IGNORED or e.get("confidence") is None:
                continue
            c = float(e["confidence"])
            row = rows[min(int(c * bins), bins - 1)]
            row["n"] += 1
            row["confidence"] += c
            sent = e.get("sentence") or {}
            for i, g in enumerate(golds):
                if i not in used and g["type"] == e["type"] and sent.get("start", -1) <= g["trigger"]["start"] < sent.get("end", -1):
                    used.add(i)
                    row["right"] += 1
                    break
    for row in rows:
        row["confidence"] = round(row["confidence"] / row["n"], 3) if row["n"] else None
        row["share_right"] = round(row["right"] / row["n"], 3) if row["n"] else None
    return rows


def render(split: str, figures: dict[str, Any]) -> str:
    lines = [f"Split `{split}` ({next(iter(figures.values()))['articles']} articles).", "",
             "| coder | type P | type R | type F1 | dyad P | dyad R | dyad F1 | events/article (gold) | over-coding | s/article |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for coder, m in figures.items():
        lines.append(f"| {coder} | {m['type_p']:.3f} | {m['type_r']:.3f} | {m['type_f1']:.3f} | {m['dyad_p']:.3f} | "
                     f"{m['dyad_r']:.3f} | {m['dyad_f1']:.3f} | {m['pred_per_article']} ({m['gold_per_article']}) | "
                     f"{m['overcoding']:+} | {m['seconds_per_article']} |")
    last = list(figures)[-1]
    lines += ["", f"Per type ({last}):", "", "| type | gold | pred | tp | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for t, row in figures[last]["per_type"].items():
        lines.append(f"| {t} | {row['gold']} | {row['pred']} | {row['tp']} | {row['p']:.2f} | {row['r']:.2f} | {row['f1']:.2f} |")
    lines += ["", f"Reliability of `confidence` ({last}: an event is right when a gold event of its type has its "
              "trigger in the same sentence):", "", "| confidence | events | mean confidence | share right |",
              "|---|---:|---:|---:|"]
    for row in figures[last]["reliability"]:
        lines.append(f"| {row['low']:.1f}–{row['high']:.1f} | {row['n']} | {row['confidence']} | {row['share_right']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    ap.add_argument("--coders", default="rules,model",
                    help="comma-separated: rules, model, or model file paths; '+noscene' after one turns scene actors off")
    ap.add_argument("--min-confidence", type=float, default=0.0)
    ap.add_argument("--json", type=Path, default=None, help="also write every figure here")
    args = ap.parse_args(argv)
    if not GOLD_DIR.is_dir():
        print(f"news_events: {GOLD_DIR} is missing: nothing to measure", file=sys.stderr)
        return 0
    figures = measure(args.split, args.coders.split(","), args.min_confidence)
    print(render(args.split, figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
