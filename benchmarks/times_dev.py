#!/usr/bin/env python3
"""Development measurements of the temporal tagger on a TimeML gold set (default: TBAQ).

Runs only the layout, the spaCy parse and ``dateline.extract.times`` (no other extractor), the way
the pipeline does, and prints ``score.py``'s figures followed by a breakdown of the errors by
category: the gold type and the shape of the expression (weekday, month-day, "last week", ...).

    python benchmarks/times_dev.py                          # TBAQ, all documents
    python benchmarks/times_dev.py --split even --show 5    # develop on even, 5 examples per category
    python benchmarks/times_dev.py --split odd              # held-out half
    python benchmarks/times_dev.py --gold ../shared/eval/gold/seeds.jsonl
    python benchmarks/times_dev.py --show 20 --category weekday --kind value

Parses are cached in a DocBin under the system temp directory (``--cache-dir``), keyed by the
model and the exact texts fed to the parser, so reruns take seconds. Without ``../shared`` (or
the file given with ``--gold``) the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any


sys.path.insert(0, str(Path(__file__).resolve().parent))  # devkit sits beside this script
from devkit import GOLD_DIR, Item, add_split_arguments, existing_gold, score_split, split_parsed

DEFAULT_GOLD = GOLD_DIR / "tbaq_times.jsonl"

# Expression shapes for the breakdown, tried in order on the gold (or predicted) span's text.
# They describe the text, not our rules, so the categories stay put when the rules change.
_W = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_M = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
      r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_SHAPE_PATTERNS = (
    ("clock", r"\d\s*(?:a\.?m|p\.?m)\b|\d[:.]\d\d|\bnoon\b|\bmidnight\b|o'clock"),
    ("fiscal", r"\bfiscal\b"),
    ("quarter/half", r"\bquarter\b|\bhalf\b"),
    ("weekday+part", rf"\b{_W}\s+(?:morning|afternoon|evening|night)"
                     rf"|(?:morning|afternoon|evening|night)\s+(?:of\s+)?{_W}"),
    ("weekday", rf"\b{_W}\b"),
    ("deictic", r"\b(?:today|yesterday|tomorrow|tonight|overnight)\b"
                r"|\bthis\s+(?:morning|afternoon|evening)\b|\blast\s+night\b"),
    ("ago/earlier/later", r"\b(?:ago|earlier|later|before|after|from now|hence)\s*$|\byear-(?:ago|earlier)\b"),
    ("month-day", rf"\b{_M}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:of\s+)?{_M}\b|\d{{1,2}}/\d{{1,2}}|\d{{4}}-\d\d-\d\d"),
    ("decade/century", r"\d0'?s\b|'\d0s\b|\bcentury\b"
                       r"|\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
    ("season", r"\b(?:spring|summer|fall|autumn|winter)\b"),
    ("relative unit", r"\b(?:last|this|next|past|previous|coming|current|following)\s+"
                      r"(?:week|weekend|month|year|decade)s?\b"),
    ("month", rf"\b{_M}\b"),
    ("year", r"\b(?:1[6-9]|20)\d\d\b"),
    ("anaphoric", r"\b(?:the|that)\s+(?:same\s+)?(?:day|week|weekend|month|year|time)\b"),
    ("general ref", r"^(?:now|currently|recently|former(?:ly)?|the past|the future|soon|once|then|"
                    r"lately|nowadays|these days|present|current|the present|earlier|later|previously)$"),
    ("set", r"\b(?:every|each|daily|weekly|monthly|annually|yearly|hourly|a year|a day|per)\b"),
    ("duration", r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|nights?)\b"),
)
SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _SHAPE_PATTERNS)


def shape_of(text: str) -> str:
    """The shape category of an expression's text."""
    text = " ".join(text.split())
    for name, pattern in SHAPES:
        if pattern.search(text):
            return name
    return "other"





def predict(docs: Sequence[Item], parsed: Sequence[Any], layouts: Sequence[Any]) -> list[Item]:
    """One prediction record (``id``, ``times``) per gold document."""
    from dateline.extract.times import times
    from dateline.settings import Settings

    settings = Settings()
    out = []
    for gold, doc, layout in zip(docs, parsed, layouts):
        anchor = gold.get("published") or (layout.dateline.date if layout.dateline else None)
        found = times(doc, layout=layout, anchor=anchor, settings=settings)
        out.append({"id": gold["id"], "times": [t.to_dict() for t in found]})
    return out




def _pairs(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[int, int]]:
    """One-to-one relaxed pairs, largest overlap first (score.py's pairing)."""
    cands = sorted((-(min(g["end"], p["end"]) - max(g["start"], p["start"])), i, j)
                   for i, g in enumerate(gold) for j, p in enumerate(pred)
                   if min(g["end"], p["end"]) > max(g["start"], p["start"]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _context(text: str, start: int, end: int, width: int = 70) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width // 2]
    return " ".join((left + "[" + text[start:end] + "]" + right).split())


def _norm(value: Any) -> str:
    return str(value).strip().upper() if value is not None else ""


def errors(docs: Sequence[Item], preds: Sequence[Item]) -> dict[str, list[dict[str, Any]]]:
    """Value mismatches, misses and spurious expressions, each with its category and context."""
    found: dict[str, list[dict[str, Any]]] = {"value": [], "missed": [], "spurious": []}
    for gold_doc, pred_doc in zip(docs, preds):
        text = gold_doc["text"]
        gold, pred = gold_doc.get("times", []), pred_doc["times"]
        pairs = _pairs(gold, pred)
        for i, j in pairs:
            g, p = gold[i], pred[j]
            if _norm(g.get("value")) != _norm(p.get("value")):
                found["value"].append({"category": f"{g['type']} {shape_of(g['text'])}", "gold": g, "pred": p,
                                       "dct": gold_doc.get("published"),
                                       "context": _context(text, g["start"], g["end"])})
        paired_g = {i for i, _ in pairs}
        paired_p = {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in paired_g:
                found["missed"].append({"category": f"{g['type']} {shape_of(g['text'])}", "gold": g, "pred": None,
                                        "dct": gold_doc.get("published"),
                                        "context": _context(text, g["start"], g["end"])})
        for j, p in enumerate(pred):
            if j not in paired_p:
                found["spurious"].append({"category": f"{p['type']} {shape_of(p['text'])}", "gold": None, "pred": p,
                                          "dct": gold_doc.get("published"),
                                          "context": _context(text, p["start"], p["end"])})
    return found


def breakdown(docs: Sequence[Item], found: dict[str, list[dict[str, Any]]], show: int, category: str | None,
              kinds: Sequence[str]) -> str:
    """The error table by category, with up to ``show`` examples per category and kind."""
    totals = Counter(f"{g['type']} {shape_of(g['text'])}" for d in docs for g in d.get("times", []))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for kind, items in found.items():
        for item in items:
            counts[item["category"]][kind] += 1
    lines = [f"{'category':28}{'gold':>6}{'value':>7}{'missed':>8}{'spurious':>10}"]
    order = sorted(set(totals) | set(counts), key=lambda c: -(sum(counts[c].values())))
    for cat in order:
        c = counts[cat]
        lines.append(f"{cat:28}{totals[cat]:6d}{c['value']:7d}{c['missed']:8d}{c['spurious']:10d}")
    lines.append(f"{'total':28}{sum(totals.values()):6d}" + "".join(
        f"{len(found[k]):{w}d}" for k, w in (("value", 7), ("missed", 8), ("spurious", 10))))
    if show:
        for kind in kinds:
            by_cat: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for item in found[kind]:
                if category is None or category.lower() in item["category"].lower():
                    by_cat[item["category"]].append(item)
            for cat in sorted(by_cat, key=lambda c: -len(by_cat[c])):
                lines.append(f"\n== {kind}: {cat} ({len(by_cat[cat])})")
                for item in by_cat[cat][:show]:
                    g, p = item["gold"], item["pred"]
                    gold_s = f"gold {g['value']!s:14}" if g else f"{'':19}"
                    pred_s = f"pred {p['value']!s:14}" if p else f"{'':19}"
                    lines.append(f"  {item['dct']}  {gold_s} {pred_s} {item['context']}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_split_arguments(parser, gold=DEFAULT_GOLD, task="times")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="N examples per error category")
    parser.add_argument("--category", help="only show examples whose category contains this text")
    parser.add_argument("--kind", choices=("value", "missed", "spurious", "all"), default="value",
                        help="which errors --show lists (default: value mismatches)")
    args = parser.parse_args(argv)

    gold_path = existing_gold(args.gold, "times_dev")
    if gold_path is None:
        return 0
    docs, parsed, layouts = split_parsed(gold_path, args.split, args.cache_dir, label="times_dev")
    preds = predict(docs, parsed, layouts)

    print(f"# {gold_path.name} split={args.split} documents={len(docs)}")
    report = score_split(gold_path, "times", docs, preds, keep=args.pred, label="times_dev")
    if report is not None:
        print(report)
    kinds = ("value", "missed", "spurious") if args.kind == "all" else (args.kind,)
    print()
    print(breakdown(docs, errors(docs, preds), args.show, args.category, kinds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
