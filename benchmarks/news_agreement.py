#!/usr/bin/env python3
"""Inter-annotator agreement on the real-news event corpus: the articles annotated twice,
independently, scored against each other with ``score.py events`` (first pass as gold, second as
prediction; type F1 is symmetric), overall and per genre.

    python benchmarks/news_agreement.py [--json FILE]

Only first parts are annotated twice. The figure is the ceiling a coder can be expected to reach
on this corpus. Without ../shared the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "annotation"))
from corpus import DOCUMENTS, GOLD_DIR, read_jsonl, source_texts  # noqa: E402
from news_corpus import ADJUDICATED, ANNOTATIONS, first_passes, gold_document  # noqa: E402

SCORER = GOLD_DIR.parent / "score.py"


def pairs(against: str | None = None) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(first pass, second pass) of every first part annotated by two annotators; with
    ``against="first"`` or ``"second"``, (adjudicated version, that pass) instead."""
    first = first_passes()
    by_doc: dict[str, dict[str, dict[str, Any]]] = {}
    adjudicated: dict[str, dict[str, Any]] = {}
    for a in read_jsonl(ANNOTATIONS):
        if a.get("part", 1) == 1 and a["annotator"] == ADJUDICATED:
            adjudicated[a["doc"]] = a
        elif a.get("part", 1) == 1:
            by_doc.setdefault(a["doc"], {})[a["annotator"]] = a
    out = []
    for doc, passes in sorted(by_doc.items()):
        if len(passes) < 2:
            continue
        one = first.get(doc) if first.get(doc) in passes else sorted(passes)[0]
        two = next(name for name in sorted(passes) if name != one)
        if against is None:
            out.append((passes[one], passes[two]))
        elif doc in adjudicated:
            out.append((adjudicated[doc], passes[one if against == "first" else two]))
    return out


def score(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        g, p = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        g.write_text("".join(json.dumps(d) + "\n" for d in gold), encoding="utf-8")
        p.write_text("".join(json.dumps(d) + "\n" for d in pred), encoding="utf-8")
        out = subprocess.run([sys.executable, str(SCORER), "events", str(g), str(p), "--json"],
                             capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def agreement(against: str | None = None) -> dict[str, dict[str, Any]]:
    """score.py's events figures of the double sample, overall and per genre (see :func:`pairs`)."""
    metas = {m["id"]: m for m in read_jsonl(DOCUMENTS)}
    texts = source_texts()
    groups: dict[str, tuple[list, list]] = {}
    for one, two in pairs(against):
        meta = {**metas[one["doc"]], "sentences": metas[one["doc"]]["sentences"][: metas[one["doc"]].get("part1")]}
        gold = gold_document(meta, texts[one["doc"]], {**one, "parts": 1})
        pred = gold_document(meta, texts[one["doc"]], {**two, "parts": 1})
        for key in ("all", one.get("genre") or "unknown"):
            groups.setdefault(key, ([], []))[0].append(gold)
            groups[key][1].append(pred)
    return {key: {"documents": len(g), **score(g, p)} for key, (g, p) in groups.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args(argv)
    if not GOLD_DIR.is_dir():
        print(f"news_agreement: {GOLD_DIR} is missing: nothing to measure", file=sys.stderr)
        return 0
    figures = agreement()
    table(figures, "first pass (as gold) against second pass")
    every = {"passes": figures}
    for against in ("first", "second"):
        every[against] = agreement(against)
        table({"all": every[against]["all"]}, f"{against} pass against the adjudicated version")
    if args.json:
        args.json.write_text(json.dumps(every, indent=1), encoding="utf-8")
    return 0


def table(figures: dict[str, dict[str, Any]], title: str) -> None:
    print(f"\n{title}\n")
    print("| genre | documents | events (1st / 2nd) | type P | type R | type F1 | dyad P | dyad R | dyad F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key in sorted(figures, key=lambda k: (k != "all", k)):
        m = figures[key]
        print(f"| {key} | {m['documents']} | {m['gold_events']} / {m['pred_events']} | "
              f"{m['type_p']:.3f} | {m['type_r']:.3f} | {m['type_f1']:.3f} | "
              f"{m['dyad_p']:.3f} | {m['dyad_r']:.3f} | {m['dyad_f1']:.3f} |")


if __name__ == "__main__":
    sys.exit(main())
