#!/usr/bin/env python3
"""Quote errors of one prediction file, counted and listed by kind (missed, spurious, boundary, speaker).

Reads a gold quotes file and a prediction file written by ``quotes_dev.py --pred`` and pairs them
the way the scorer does (``dateline.evaluate.metrics``). Every unpaired gold quote and prediction
is "boundary" when a span of the other side overlaps it (a statement found with the wrong extent,
or split or joined differently), else "missed" / "spurious"; a paired quote whose speaker is
wrong is "speaker" (split into "no speaker" and "wrong speaker"). Missed quotes are also counted
by their gold cue's last word, which shows the cue phrases the lexicon lacks.

    python benchmarks/quotes_dev.py --split even --pred /tmp/even.jsonl
    python benchmarks/quotes_errors.py /tmp/even.jsonl --split even --show 30 --kind missed

Examples are only listed for the even (developed-on) half or a gold file given with ``--gold``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # devkit sits beside this script
from devkit import GOLD_DIR, Item, existing_gold, read_gold, show_error_samples

DEFAULT_GOLD = GOLD_DIR / "polnear_quotes.jsonl"
KINDS = ("missed", "spurious", "boundary-gold", "boundary-pred", "no speaker", "wrong speaker")


def _context(text: str, start: int, end: int, width: int = 80) -> str:
    return " ".join((text[max(0, start - width):start] + "[[" + text[start:end] + "]]"
                     + text[end:end + width]).split())


def _span(q: Item) -> tuple[int, int]:
    return q["content"]["start"], q["content"]["end"]


def _label(q: Item) -> str:
    spk = q.get("speaker") if isinstance(q.get("speaker"), dict) else {}
    cue = q.get("cue") if isinstance(q.get("cue"), dict) else {}
    return f"{q.get('kind')} spk {spk.get('text')!r} cue {cue.get('text')!r}"


def classify(docs: Sequence[Item], preds: Sequence[Item]) -> tuple[dict[str, list[str]], Counter[str]]:
    """Printable error lines per kind, and missed gold quotes counted by their cue's last word."""
    from dateline.evaluate.metrics import content_match, greedy_pairs, quote_items, speaker_correct

    by_id = {p["id"]: p for p in preds}
    found: dict[str, list[str]] = {k: [] for k in KINDS}
    cues: Counter[str] = Counter()
    for doc in docs:
        text = doc["text"]
        gold = quote_items(doc.get("quotes", []), None)
        pred = quote_items(by_id.get(doc["id"], {}).get("quotes", []), None)
        pairs = greedy_pairs(gold, pred, content_match)
        for i, j in pairs:
            g, p = gold[i], pred[j]
            if isinstance(g.get("speaker"), dict) and not speaker_correct(g, p):
                kind = "no speaker" if not isinstance(p.get("speaker"), dict) else "wrong speaker"
                found[kind].append(f"gold {_label(g)} | pred {_label(p)}: {_context(text, *_span(g), 50)}")
        done_g, done_p = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i in done_g:
                continue
            a, b = _span(g)
            near = [p for p in pred if _span(p)[0] < b and a < _span(p)[1]]
            if near:
                found["boundary-gold"].append(f"{_label(g)}: {_context(text, a, b)}\n      pred: "
                                              + " || ".join(_context(text, *_span(p), 0) for p in near))
            else:
                found["missed"].append(f"{_label(g)}: {_context(text, a, b)}")
                cue = (g.get("cue") or {}).get("text") or ""
                cues[cue.lower().split()[-1] if cue.split() else "-"] += 1
        for j, p in enumerate(pred):
            if j in done_p:
                continue
            a, b = _span(p)
            near = [g for g in gold if _span(g)[0] < b and a < _span(g)[1]]
            kind = "boundary-pred" if near else "spurious"
            found[kind].append(f"{_label(p)}: {_context(text, a, b)}")
    return found, cues


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pred", type=Path, help="predictions written by quotes_dev.py --pred")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--split", choices=("even", "odd", "all"), default="even")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="N random examples per kind")
    parser.add_argument("--kind", choices=(*KINDS, "all"), default="all")
    parser.add_argument("--grep", help="only show examples containing this text")
    parser.add_argument("--cues", type=int, default=0, metavar="N", help="the N commonest cue words missed")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    gold_path = existing_gold(args.gold, "quotes_errors")
    if gold_path is None:
        return 0
    docs = read_gold(gold_path, args.split)
    preds: list[Any] = [json.loads(line) for line in args.pred.read_text(encoding="utf-8").splitlines() if line.strip()]
    found, cues = classify(docs, preds)
    print("  ".join(f"{k}: {len(v)}" for k, v in found.items()))
    held_out = args.split != "even" and gold_path == DEFAULT_GOLD.resolve()
    if (args.show or args.cues) and held_out:
        print("examples are only shown for the even half (use --split even)", file=sys.stderr)
        return 0
    if args.cues:
        print("missed, by cue word: " + ", ".join(f"{w} {n}" for w, n in cues.most_common(args.cues)))
    if args.show:
        show_error_samples(found, KINDS if args.kind == "all" else (args.kind,), show=args.show, grep=args.grep,
                           seed=args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
