#!/usr/bin/env python3
"""Development measurements of the places extractor on a toponym gold set (default: GeoWebNews).

Runs only the layout, the spaCy parse and ``dateline.extract.places`` (no other extractor), the
way the pipeline does, with the settings' defaults (``place_embedded`` on, ``place_demonyms`` off)
unless flags say otherwise. Prints ``score.py``'s figures, the recall ceiling without the gold
items the settings deliberately leave out (demonyms), the seconds places() took, then misses and
false positives grouped by GeoWebNews type and by cause.

    python benchmarks/places_dev.py                          # GeoWebNews, all documents
    python benchmarks/places_dev.py --split even --show 5    # develop on even, 5 examples per group
    python benchmarks/places_dev.py --split odd              # held-out half
    python benchmarks/places_dev.py --gold ../shared/eval/gold/seeds.jsonl --show 10
    python benchmarks/places_dev.py --demonyms --no-embedded # other settings

Parses are cached in a DocBin under the system temp directory (``--cache-dir``), keyed by the
model and the exact texts fed to the parser, so reruns take seconds. Without ``../shared`` (or
the file given with ``--gold``) the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import math
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any


sys.path.insert(0, str(Path(__file__).resolve().parent))  # devkit sits beside this script
from devkit import GOLD_DIR, Item, add_split_arguments, existing_gold, score_split, split_parsed

DEFAULT_GOLD = GOLD_DIR / "gwn_places.jsonl"





def predict(docs: Sequence[Item], parsed: Sequence[Any], layouts: Sequence[Any], *, demonyms: bool,
            embedded: bool, gazetteer_path: Path | None) -> tuple[list[Item], float]:
    """One prediction record (``id``, ``places``) per gold document, and the seconds places() took."""
    from dateline.extract.places import open_gazetteer, places
    from dateline.knowledge.cache import SHARED
    from dateline.settings import Settings

    gazetteer = open_gazetteer(Settings(gazetteer=gazetteer_path))
    actors = SHARED.actors()  # loaded before the clock starts, as a pipeline's knowledge is
    out = []
    seconds = 0.0
    for gold, doc, layout in zip(docs, parsed, layouts):
        started = time.perf_counter()
        found = places(doc, layout=layout, gazetteer=gazetteer, demonyms=demonyms, embedded=embedded, actors=actors)
        seconds += time.perf_counter() - started
        out.append({"id": gold["id"], "places": [p.to_dict() for p in found]})
    return out, seconds




def _km(a: Item, b: Item) -> float:
    p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
    dp, dl = p2 - p1, math.radians(b["lon"] - a["lon"])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _overlaps(a: Item, b: Item) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join((left + "[" + text[start:end] + "]" + right).split())


def _is_demonym_item(text: str, gazetteer: Any) -> bool:
    """A gold item the default settings leave out: a nationality word ("Syrian", "Syrians")."""
    if gazetteer.demonym_place(text) is None:
        return False
    return not any(c.name == text and (c.is_country or c.population >= 100_000) for c in gazetteer.lookup_text(text))


def _cause_of_miss(doc: Any, item: Item) -> str:
    """Why a gold toponym was missed, from what the parser made of it."""
    span = doc.char_span(item["start"], item["end"], alignment_mode="expand")
    if span is None or not len(span):
        return "no tokens"
    labels = {t.ent_type_ for t in span if t.ent_type_}
    shape = "caps" if span.text.isupper() and len(span.text) > 3 else \
        "lower" if not span.text[:1].isupper() else "title"
    label = "/".join(sorted(labels)) or "no entity"
    return f"{label} {shape}"


def _cause_of_false(doc: Any, place: Item) -> str:
    span = doc.char_span(place["start"], place["end"], alignment_mode="expand")
    labels = {t.ent_type_ for t in span if t.ent_type_} if span is not None else set()
    coded = "coded" if place.get("lat") is not None else "uncoded"
    return f"{'/'.join(sorted(labels)) or 'no entity'} {coded}"


def errors(docs: Sequence[Item], preds: Sequence[Item], parsed: Sequence[Any], gazetteer: Any) -> dict[str, list[Item]]:
    """Misses (split into deliberate demonyms and the rest), false positives and far geocodes."""
    found: dict[str, list[Item]] = {"demonym": [], "missed": [], "spurious": [], "far": []}
    for gold_doc, pred_doc, doc in zip(docs, preds, parsed):
        text = gold_doc["text"]
        gold, pred = gold_doc.get("places", []), pred_doc["places"]
        for g in gold:
            over = [p for p in pred if _overlaps(g, p)]
            ctx = _context(text, g["start"], g["end"])
            if not over:
                kind = "demonym" if _is_demonym_item(g["text"], gazetteer) else "missed"
                found[kind].append({"type": g.get("gwn_type") or "-", "cause": _cause_of_miss(doc, g),
                                    "context": ctx, "note": ""})
                continue
            best = max(over, key=lambda p: min(p["end"], g["end"]) - max(p["start"], g["start"]))
            if g.get("lat") is not None and best.get("lat") is not None and _km(g, best) > 161:
                found["far"].append({"type": g.get("gwn_type") or "-", "cause": best.get("feature") or "-",
                                     "context": ctx,
                                     "note": f"gold {g.get('name')} → {best['name']} {best['country']} "
                                             f"{round(_km(g, best))} km"})
        for p in pred:
            if not any(_overlaps(p, g) for g in gold):
                found["spurious"].append({"type": "-", "cause": _cause_of_false(doc, p),
                                          "context": _context(text, p["start"], p["end"]),
                                          "note": f"{p.get('name')} {p.get('feature')}"})
    return found


def breakdown(found: dict[str, list[Item]], show: int, kinds: Sequence[str]) -> str:
    """Counts by GeoWebNews type and by cause, with up to ``show`` examples per cause."""
    lines = []
    for kind in kinds:
        items = found[kind]
        lines.append(f"\n## {kind}: {len(items)}")
        by_type = Counter(i["type"] for i in items)
        if kind in ("missed", "demonym", "far"):
            lines.append("  by type:  " + ", ".join(f"{t} {n}" for t, n in by_type.most_common()))
        by_cause: dict[str, list[Item]] = defaultdict(list)
        for i in items:
            by_cause[i["cause"]].append(i)
        lines.append("  by cause: " + ", ".join(f"{c} {len(v)}" for c, v in
                                                 sorted(by_cause.items(), key=lambda kv: -len(kv[1]))))
        if show:
            for cause in sorted(by_cause, key=lambda c: -len(by_cause[c])):
                lines.append(f"  == {cause} ({len(by_cause[cause])})")
                for i in by_cause[cause][:show]:
                    lines.append(f"    {i['type']:22} {i['context']}" + (f"   ({i['note']})" if i["note"] else ""))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    from dateline.settings import Settings

    defaults = Settings()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_split_arguments(parser, gold=DEFAULT_GOLD, task="places")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="N examples per error cause")
    parser.add_argument("--kind", choices=("missed", "spurious", "far", "demonym", "all"), default="all",
                        help="which errors to list (default: all but demonyms)")
    parser.add_argument("--demonyms", action=argparse.BooleanOptionalAction, default=defaults.place_demonyms,
                        help="report nationality words as places (default: the settings' default)")
    parser.add_argument("--embedded", action=argparse.BooleanOptionalAction, default=defaults.place_embedded,
                        help="report place names inside organisation names (default: the settings' default)")
    parser.add_argument("--gazetteer", type=Path, help="gazetteer file (default: the settings' one)")
    args = parser.parse_args(argv)

    gold_path = existing_gold(args.gold, "places_dev")
    if gold_path is None:
        return 0
    docs, docs_parsed, layouts = split_parsed(gold_path, args.split, args.cache_dir, label="places_dev")
    preds, seconds = predict(docs, docs_parsed, layouts, demonyms=args.demonyms,
                             embedded=args.embedded, gazetteer_path=args.gazetteer)

    print(f"# {gold_path.name} split={args.split} documents={len(docs)} demonyms={args.demonyms} "
          f"embedded={args.embedded}")
    report = score_split(gold_path, "places", docs, preds, keep=args.pred, label="places_dev")
    if report is not None:
        print(report)

    from dateline.extract.places import open_gazetteer

    found = errors(docs, preds, docs_parsed, open_gazetteer(Settings(gazetteer=args.gazetteer)))
    total = sum(len(d.get("places", [])) for d in docs)
    reachable = total - (0 if args.demonyms else len(found["demonym"]))
    hit = reachable - len(found["missed"]) - (len(found["demonym"]) if args.demonyms else 0)
    print(f"\nplaces() {seconds:.2f} s over {len(docs)} documents; peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if not args.demonyms:
        print(f"gold {total}, of which demonyms left out by the settings {len(found['demonym'])}: recall ceiling "
              f"{reachable / max(total, 1):.3f}, recall of the rest {hit / max(reachable, 1):.3f}")
    kinds = ("missed", "spurious", "far") if args.kind == "all" else (args.kind,)
    print(breakdown(found, args.show, kinds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
