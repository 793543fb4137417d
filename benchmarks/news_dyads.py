#!/usr/bin/env python3
"""Why event dyads are wrong on the real-news event corpus: for every gold event whose type a
predicted event of its article matches (score.py's event matching), whether its dyad is right
and, when not, why, role by role.

    python benchmarks/news_dyads.py --split dev                      # predict, classify, count
    python benchmarks/news_dyads.py --split dev --records /tmp/r.jsonl --show 20 --kind wrong_mention

The gold event is paired with the predicted event of its type score.py pairs it with for the dyad
when there is one, else the nearest of its type (trigger overlap, then same sentence, then
distance). A role (source, target) is wrong when the countries are not compatible (score.py:
both empty, or sharing one). Kinds of a wrong role:

- ``missing``: the gold names a country there, the prediction has no actor at all;
- ``surplus``: the gold has no country there, the prediction gives one;
- ``no_country``: the prediction has an actor there but no country;
- ``pronoun_title``: the predicted mention is a pronoun or a title/description the gold resolves
  (to another country than the prediction's, or the prediction leaves it unresolved);
- ``wrong_mention``: the predicted mention overlaps none of the gold's mentions (nor antecedents);
- ``wrong_code``: the right mention (overlapping the gold's), coded with another country;
- ``scene``: the predicted actor's country is the scene's (kind ``scene`` or ``implied``) and wrong.

The test split is not offered: it is for figures only. Without ../shared the script exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "annotation"))
from corpus import GOLD_DIR  # noqa: E402

IGNORED = ("negated", "hypothetical")
ALIASES = {"UNO": "IGO", "EUR": "IGO"}
PRONOUNS = frozenset("he she it they him her them his its their we us our i me my you who which that "
                     "itself themselves himself herself".split())


def countries(actors: list[dict[str, Any]] | None) -> set[str]:
    """The countries of a role, as score.py reads them."""
    out = set()
    for a in actors or []:
        c = (a.get("country") or "").strip().upper()
        if c:
            out.add(ALIASES.get(c, c))
    return out


def compatible(g: set[str], p: set[str]) -> bool:
    return (not g and not p) or bool(g & p)


def _spans(actors: list[dict[str, Any]]) -> list[tuple[int, int]]:
    out = []
    for a in actors or []:
        for s in (a, a.get("antecedent") or {}):
            if isinstance(s.get("start"), int) and isinstance(s.get("end"), int):
                out.append((s["start"], s["end"]))
    return out


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def _is_reference(actor: dict[str, Any]) -> bool:
    """A pronoun, or a title or description that stands for someone named elsewhere."""
    words = (actor.get("text") or "").lower().split()
    return bool(words) and (words[-1] in PRONOUNS or (words[0] in ("the", "this", "that") and not
                                                        any(w[:1].isupper() for w in (actor.get("text") or "").split()[1:])))


def role_error(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> str | None:
    """Why a role's countries differ (None when they are compatible)."""
    g, p = countries(gold), countries(pred)
    if compatible(g, p):
        return None
    if not g:
        return "surplus"
    if not pred:
        return "missing"
    if all(a.get("kind") in ("scene", "implied") for a in pred if a.get("country")) and p:
        return "scene"
    gold_ref = any(_is_reference(a) or a.get("antecedent") for a in gold)
    pred_ref = any(_is_reference(a) for a in pred)
    if pred_ref and (gold_ref or not p):
        return "pronoun_title"
    if not _overlaps(_spans(gold), _spans(pred)):
        return "wrong_mention"
    if not p:
        return "no_country"
    return "wrong_code"


def _distance(g: dict[str, Any], p: dict[str, Any]) -> tuple[int, int]:
    gt, pt = g["trigger"], p.get("trigger") or {}
    overlap = gt["start"] < pt.get("end", -1) and pt.get("start", -1) < gt["end"]
    sent = p.get("sentence") or {}
    same = sent.get("start", -1) <= gt["start"] < sent.get("end", -1)
    return (0 if overlap else 1 if same else 2, abs(gt["start"] - pt.get("start", 0)))


def classify(doc: dict[str, Any], record: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per gold event whose type is matched in the article."""
    gold = [e for e in doc["events"] if e["status"] not in IGNORED]
    pred = [e for e in record.get("events", []) if e.get("status") not in IGNORED]
    used = [False] * len(pred)
    dyad_of: dict[int, int] = {}
    for i, g in enumerate(gold):  # score.py's greedy dyad matching
        for j, p in enumerate(pred):
            if not used[j] and p["type"] == g["type"] and compatible(countries(g["source"]), countries(p.get("source"))) \
                    and compatible(countries(g["target"]), countries(p.get("target"))):
                used[j] = True
                dyad_of[i] = j
                break
    free = [j for j in range(len(pred)) if not used[j]]
    rows = []
    budget = Counter(p["type"] for p in pred)
    for i, g in enumerate(gold):
        if i in dyad_of:
            budget[g["type"]] -= 1
    for i, g in enumerate(gold):
        if i in dyad_of:
            rows.append({"doc": doc["id"], "gold": g, "pred": pred[dyad_of[i]], "right": True, "errors": {}})
            continue
        if budget[g["type"]] <= 0:
            continue  # its type is not matched in this article
        same = sorted((j for j in free if pred[j]["type"] == g["type"]), key=lambda j: _distance(g, pred[j]))
        if not same:
            continue
        budget[g["type"]] -= 1
        p = pred[same[0]]
        free.remove(same[0])
        errors = {role: e for role in ("source", "target")
                  if (e := role_error(g.get(role) or [], p.get(role) or [])) is not None}
        place = ("same trigger", "same sentence", "elsewhere")[_distance(g, p)[0]]
        rows.append({"doc": doc["id"], "gold": g, "pred": p, "right": False, "errors": errors, "where": place})
    return rows


def predict(docs: list[dict[str, Any]], coder: str) -> list[dict[str, Any]]:
    from news_events import predict as run

    records, _ = run(docs, coder)
    return records


def _actors(actors: list[dict[str, Any]]) -> str:
    out = []
    for a in actors or []:
        ante = f" <- {a['antecedent']['text']!r}" if a.get("antecedent") else ""
        out.append(f"{a.get('text')!r}{ante} {a.get('country')}/{a.get('sector')} ({a.get('kind')})")
    return "; ".join(out) or "-"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("train", "dev"), default="dev")
    ap.add_argument("--coder", default="model")
    ap.add_argument("--records", type=Path, help="predicted records: read when present, else written there")
    ap.add_argument("--show", type=int, default=0, help="print this many wrong dyads")
    ap.add_argument("--kind", default=None, help="only show rows with this error kind")
    ap.add_argument("--near", action="store_true", help="only show wrong dyads paired in the gold's sentence")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    if not GOLD_DIR.is_dir():
        print(f"news_dyads: {GOLD_DIR} is missing: nothing to measure", file=sys.stderr)
        return 0
    import tempfile

    from news_corpus import build

    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        docs = [json.loads(line) for line in (Path(tmp) / f"{args.split}.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
    if args.records is not None and args.records.exists():
        records = [json.loads(line) for line in args.records.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        records = predict(docs, args.coder)
        if args.records is not None:
            args.records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    by_id = {r["id"]: r for r in records}
    rows = [row for d in docs for row in classify(d, by_id.get(d["id"], {}))]
    wrong = [r for r in rows if not r["right"]]
    kinds = Counter(k for r in wrong for k in r["errors"].values())
    per_role = Counter(f"{role}:{k}" for r in wrong for role, k in r["errors"].items())
    where = Counter(r["where"] for r in wrong)
    print(f"Split {args.split}: {len(rows)} gold events with their type matched, {len(rows) - len(wrong)} dyads right, "
          f"{len(wrong)} wrong ({sum(1 for r in wrong if len(r['errors']) == 2)} with both roles wrong).")
    print(f"Paired prediction of a wrong dyad: {dict(where)}")
    near = Counter(k for r in wrong if r["where"] != "elsewhere" for k in r["errors"].values())
    print("\n(near: the paired prediction has the gold's trigger or sentence; elsewhere: another mention of its type)")
    print("\n| kind | roles wrong | source | target | near | elsewhere |\n|---|---:|---:|---:|---:|---:|")
    for k, n in kinds.most_common():
        print(f"| {k} | {n} | {per_role[f'source:{k}']} | {per_role[f'target:{k}']} | {near[k]} | {n - near[k]} |")
    shown = 0
    for r in wrong:
        if shown >= args.show or (args.kind and args.kind not in r["errors"].values()) \
                or (args.near and r["where"] == "elsewhere"):
            continue
        shown += 1
        g, p = r["gold"], r["pred"]
        text = next(d["text"] for d in docs if d["id"] == r["doc"])
        s = g.get("sentence") or {"start": g["trigger"]["start"] - 100, "end": g["trigger"]["end"] + 100}
        print(f"\n--- {r['doc']} {g['type']} {r['errors']} ({r['where']})\n  {text[s['start']:s['end']]!r}")
        print(f"  gold trigger {g['trigger']['text']!r}: S {_actors(g['source'])} | T {_actors(g['target'])}")
        print(f"  pred trigger {(p.get('trigger') or {}).get('text')!r}: S {_actors(p.get('source'))} | "
              f"T {_actors(p.get('target'))}")
    if args.json:
        args.json.write_text(json.dumps({"rows": len(rows), "wrong": len(wrong), "kinds": dict(kinds),
                                         "per_role": dict(per_role), "where": dict(where)}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
