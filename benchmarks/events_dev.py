#!/usr/bin/env python3
"""Development measurements of the PLOVER event coder on the PLOVER gold set.

Runs every gold document through the pipeline (feeding only ``id``, ``text``, ``published`` and
``source``, as ``../shared/eval/README.md`` asks), prints ``score.py``'s report with its per-type
table, the surplus events per sentence and the seconds the events stage took.

    python benchmarks/events_dev.py                              # all 158 documents
    python benchmarks/events_dev.py --split even --show 20       # develop on even, 20 misses
    python benchmarks/events_dev.py --split odd                  # held out: figures only
    python benchmarks/events_dev.py --gold ../shared/eval/gold/seeds.jsonl --list
    python benchmarks/events_dev.py --news 40                    # over-coding on 40 TimeBank texts
    python benchmarks/events_dev.py --news 20 --news-file ../shared/eval/gold/polnear_quotes.jsonl \
        --news-split even --list                                 # review predicted events on news

Halves are documents by 0-based index in file order: even = development, odd = held out. The
held-out half is for figures only: ``--show`` and ``--list`` print nothing for it. ``--news N``
runs the first N texts of ``tbaq_times.jsonl`` (real news without event gold; ``--news-file`` picks
another JSON Lines file with ``id`` and ``text``) and reports events per sentence, the check that
broader triggers do not flood ordinary copy. ``--news-split even`` keeps only even-indexed lines
before taking N, so the held-out halves of other gold sets stay unread; with ``--list`` every
predicted news event is printed on one line (type, mode, trigger, source -> target, status,
sentence) for precision review. Without ``../shared``
(or the file given with ``--gold``) the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # devkit sits beside this script
from devkit import Item, read_gold, run_scorer, write_jsonl

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
DEFAULT_GOLD = EVAL / "gold" / "plover_events.jsonl"
DEFAULT_NEWS = EVAL / "gold" / "tbaq_times.jsonl"
SCORER = EVAL / "score.py"




def run(docs: Sequence[Item], coder: str = "model") -> tuple[list[Item], int, float]:
    """Article records (as dicts) for ``docs``, their sentence count and the events stage's seconds."""
    from dateline import Failure, Pipeline, Settings

    pipe = Pipeline(Settings(batch_size=16, event_coder=coder))
    inputs = [{k: d.get(k) for k in ("id", "text", "published", "source")} for d in docs]
    records: list[Item] = []
    sentences = 0
    for result in pipe.run(inputs):
        if isinstance(result, Failure):
            print(f"failed: {result.id}: {result.reason} {result.detail}", file=sys.stderr)
            continue
        records.append(result.to_dict())
        sentences += len(result.sentences)
    return records, sentences, pipe.timer.seconds.get("events", 0.0)


def _active(events: list[Item]) -> list[Item]:
    return [e for e in events if e.get("status") not in ("negated", "hypothetical")]


def _actors(actors: list[Item]) -> str:
    return ",".join(f"{a.get('text')}[{a.get('country') or '-'}/{a.get('sector') or '-'}]"
                    for a in actors or []) or "-"


def _event_line(e: Item) -> str:
    trigger = e.get("trigger") or {}
    status = "" if e.get("status") in (None, "asserted") else f" ({e['status']})"
    return (f"{e.get('type')}/{e.get('mode') or '-'}{status} '{trigger.get('text', '')}' "
            f"src={_actors(e.get('source'))} tgt={_actors(e.get('target'))}")


def show_misses(gold: Sequence[Item], preds: dict[str, Item], limit: int) -> None:
    """Documents whose gold events are not all matched by type and dyad, with both sides."""
    from dateline.evaluate.metrics import dyad_matches

    shown = 0
    for d in gold:
        g = _active(d.get("events", []))
        p = _active(preds.get(d["id"], {}).get("events", []))
        if len(dyad_matches(g, p)) == len(g) == len(p):
            continue
        print(f"\n[{d['id']}] {d['text']}")
        for e in g:
            print("  gold " + _event_line(e))
        for e in preds.get(d["id"], {}).get("events", []):
            print("  pred " + _event_line(e))
        shown += 1
        if shown >= limit:
            break


def list_news_events(records: Sequence[Item], texts: dict[str, str]) -> None:
    """One line per predicted event: type/mode, trigger, source -> target, status, sentence."""
    for r in records:
        text = texts.get(r["id"], "")
        for i, e in enumerate(r.get("events", [])):
            trigger = (e.get("trigger") or {}).get("text", "")
            span = e.get("sentence") or {}
            sentence = span.get("text") or text[span.get("start", 0):span.get("end", 0)]
            sentence = " ".join(sentence.split())
            print(f"{r['id'][:40]}#{i}\t{e.get('type')}/{e.get('mode') or '-'}\t'{trigger}'\t"
                  f"{_actors(e.get('source'))} -> {_actors(e.get('target'))}\t{e.get('status') or 'asserted'}"
                  f"\t| {sentence[:220]}")


def list_events(records: Sequence[Item]) -> None:
    for r in records:
        print(f"\n[{r['id']}]")
        for e in r.get("events", []):
            sentence = (e.get("sentence") or {}).get("text", "")
            print("  " + _event_line(e) + f"  | {sentence[:140]}")


def score(gold: Sequence[Item], records: Sequence[Item]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        gpath, ppath = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        write_jsonl(gpath, gold)
        write_jsonl(ppath, ({"id": r["id"], "events": r["events"]} for r in records))
        print(run_scorer(SCORER, "events", gpath, ppath), end="")


def surplus_per_sentence(gold: Sequence[Item], records: Sequence[Item], sentences: int) -> float:
    preds = {r["id"]: len(_active(r.get("events", []))) for r in records}
    surplus = sum(max(0, preds.get(d["id"], 0) - len(_active(d.get("events", [])))) for d in gold)
    return surplus / max(1, sentences)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold events file (JSON Lines)")
    ap.add_argument("--split", choices=("even", "odd", "all"), default="all")
    ap.add_argument("--coder", default="model", help="event coder: model (default), rules, or a model file")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N missed documents (even split only)")
    ap.add_argument("--list", action="store_true", help="print every predicted event (not for the odd split)")
    ap.add_argument("--news", type=int, default=0, metavar="N",
                    help="instead: events per sentence on the first N texts of the news file")
    ap.add_argument("--news-file", type=Path, default=DEFAULT_NEWS, metavar="FILE",
                    help="news texts for --news (JSON Lines with id and text; default tbaq_times.jsonl)")
    ap.add_argument("--news-split", choices=("even", "all"), default="all",
                    help="--news: keep only even-indexed lines (leaves held-out halves unread)")
    args = ap.parse_args(argv)

    if args.news:
        if not args.news_file.exists():
            print(f"skipped: {args.news_file} not found (the shared evaluation folder is not here)")
            return 0
        docs = read_gold(args.news_file, args.news_split)[:args.news]
        records, sentences, seconds = run(docs, args.coder)
        events = sum(len(r["events"]) for r in records)
        active = sum(len(_active(r["events"])) for r in records)
        print(f"news: {len(records)} texts, {sentences} sentences, {events} events "
              f"({active} asserted/planned/reported): {events / max(1, sentences):.3f} events per sentence, "
              f"{active / max(1, sentences):.3f} scored; events stage {seconds:.2f}s")
        if args.list:
            list_news_events(records, {d["id"]: d.get("text") or "" for d in docs})
        return 0

    if not args.gold.exists() or not SCORER.exists():
        print(f"skipped: {args.gold} or {SCORER} not found (the shared evaluation folder is not here)")
        return 0
    gold = read_gold(args.gold, args.split)
    records, sentences, seconds = run(gold, args.coder)
    preds = {r["id"]: r for r in records}
    score(gold, records)
    no_event = sum(1 for d in gold if not _active(preds.get(d["id"], {}).get("events", [])))
    print(f"split={args.split}: {len(gold)} documents, {sentences} sentences, "
          f"surplus events per sentence {surplus_per_sentence(gold, records, sentences):.3f}, "
          f"documents without an event {no_event}, events stage {seconds:.2f}s")
    if args.split == "odd" and (args.show or args.list):
        print("(the odd half is held out: no documents are shown)")
        return 0
    if args.show:
        show_misses(gold, preds, args.show)
    if args.list:
        list_events(records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
