#!/usr/bin/env python3
"""Development measurements of the quote extractor on a quotes gold set (default: PolNeAR).

Runs the layout, the spaCy parse, the actors and times (which speakers and dates lean on) and
``dateline.extract.quotes`` the way the pipeline does, and prints ``score.py``'s figures, the
figures per kind (direct, indirect) and, with ``--show``, examples of each error kind.

    python benchmarks/quotes_dev.py                          # PolNeAR, all documents
    python benchmarks/quotes_dev.py --split even --show 20   # develop on even, 20 examples per kind
    python benchmarks/quotes_dev.py --split odd              # held-out half: figures only
    python benchmarks/quotes_dev.py --gold ../shared/eval/gold/seeds.jsonl

Parses are cached in a DocBin under the system temp directory (``--cache-dir``), keyed by the
model and the exact texts fed to the parser, so reruns take a minute instead of several. Examples
are only printed for the even (developed-on) half or a gold file given with ``--gold``. Without
``../shared`` (or the file given with ``--gold``) the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # devkit sits beside this script
from devkit import (GOLD_DIR, Item, add_split_arguments, existing_gold, log, score_split, show_error_samples,
                    split_parsed)

DEFAULT_GOLD = GOLD_DIR / "polnear_quotes.jsonl"
KINDS = ("missed", "spurious", "speaker")


def predict(docs: Sequence[Item], parsed: Sequence[Any], layouts: Sequence[Any]) -> tuple[list[Item], float]:
    """One prediction record (``id``, ``quotes``) per gold document, and the quote stage's seconds."""
    from dateline.extract.actors import actors, load_knowledge
    from dateline.extract.quotes import quotes
    from dateline.extract.times import times
    from dateline.knowledge.quote_cues import load_cues
    from dateline.nlp import load_pipeline
    from dateline.settings import Settings

    settings = Settings()
    knowledge = load_knowledge(settings)
    cues = load_cues(settings.quote_files)
    nlp = load_pipeline(settings.model)
    out, spent = [], 0.0
    for gold, doc, layout in zip(docs, parsed, layouts):
        anchor = gold.get("published") or (layout.dateline.date if layout.dateline else None)
        found_actors = actors(doc, layout=layout, knowledge=knowledge, date=anchor)
        found_times = times(doc, layout=layout, anchor=anchor, settings=settings)
        started = time.perf_counter()
        found = quotes(doc, layout=layout, actors=found_actors, times=found_times, anchor=anchor, cues=cues, nlp=nlp)
        spent += time.perf_counter() - started
        out.append({"id": gold["id"], "quotes": [q.to_dict() for q in found]})
    return out, spent


def _context(text: str, start: int, end: int, width: int = 90) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join((left + "[[" + text[start:end] + "]]" + right).split())


def _speaker(q: Item | None) -> str:
    s = (q or {}).get("speaker")
    if not isinstance(s, dict):
        return "-"
    return f"{s.get('text')!r}" + (f"={s.get('name')!r}" if s.get("name") and s.get("name") != s.get("text") else "")


def errors(docs: Sequence[Item], preds: Sequence[Item]) -> dict[str, list[str]]:
    """Missed gold quotes, spurious predictions and wrong speakers, each as a printable line."""
    from dateline.evaluate.metrics import content_match, greedy_pairs, quote_items, speaker_correct

    found: dict[str, list[str]] = {k: [] for k in KINDS}
    for gold_doc, pred_doc in zip(docs, preds):
        text = gold_doc["text"]
        gold, pred = quote_items(gold_doc.get("quotes", []), None), quote_items(pred_doc["quotes"], None)
        pairs = greedy_pairs(gold, pred, content_match)
        for i, j in pairs:
            g, p = gold[i], pred[j]
            if isinstance(g.get("speaker"), dict) and not speaker_correct(g, p):
                found["speaker"].append(f"gold {_speaker(g)} pred {_speaker(p)}: "
                                        f"{_context(text, g['content']['start'], g['content']['end'], 40)}")
        paired_g, paired_p = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in paired_g:
                c = g["content"]
                found["missed"].append(f"{g.get('kind')} spk {_speaker(g)} cue {(g.get('cue') or {}).get('text')!r}: "
                                       f"{_context(text, c['start'], c['end'])}")
        for j, p in enumerate(pred):
            if j not in paired_p:
                c = p["content"]
                found["spurious"].append(f"{p.get('kind')} spk {_speaker(p)}: {_context(text, c['start'], c['end'])}")
    return found


def kind_table(docs: Sequence[Item], preds: Sequence[Item]) -> str:
    """Content P/R/F1 and speaker figures for all quotes and per kind (dateline.evaluate)."""
    from dateline.evaluate.io import pair_documents
    from dateline.evaluate.metrics import score_quotes

    m = score_quotes(pair_documents("quotes", docs, preds)[0])
    lines = [f"{'kind':10}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}{'spk acc':>9}{'spk e2e':>9}{'cue':>7}"]
    for label, b in [("all", m), *m["per_kind"].items()]:
        lines.append(f"{label:10}{b['gold']:6d}{b['pred']:6d}{b['content_p']:7.3f}{b['content_r']:7.3f}"
                     f"{b['content_f1']:7.3f}{b['speaker_acc']:9.3f}{b['speaker_e2e']:9.3f}{b['cue_acc']:7.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_split_arguments(parser, gold=DEFAULT_GOLD, task="quotes")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="N random examples per error kind")
    parser.add_argument("--kind", choices=(*KINDS, "all"), default="all", help="which errors --show lists")
    parser.add_argument("--grep", help="only show examples containing this text")
    parser.add_argument("--seed", type=int, default=0, help="which random examples --show picks")
    args = parser.parse_args(argv)

    gold_path = existing_gold(args.gold, "quotes_dev")
    if gold_path is None:
        return 0
    docs, parsed, layouts = split_parsed(gold_path, args.split, args.cache_dir, label="quotes_dev")
    preds, spent = predict(docs, parsed, layouts)

    print(f"# {gold_path.name} split={args.split} documents={len(docs)} quote stage {spent:.1f} s")
    report = score_split(gold_path, "quotes", docs, preds, keep=args.pred, label="quotes_dev")
    if report is not None:
        print(report.splitlines()[-1])
    print(kind_table(docs, preds))
    held_out = args.split in ("odd", "all") and gold_path == DEFAULT_GOLD.resolve()
    if args.show and held_out:
        log("quotes_dev: examples are only shown for the even half (use --split even)")
    elif args.show:
        show_error_samples(errors(docs, preds), KINDS if args.kind == "all" else (args.kind,), show=args.show,
                           grep=args.grep, seed=args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
