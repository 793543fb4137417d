#!/usr/bin/env python3
"""Actors on the real-news event corpus: for the gold source and target actors of a split, the
share whose country and whose sector dateline gets right, by kind of mention.

    python benchmarks/news_actors.py --split dev                 # the table
    python benchmarks/news_actors.py --split dev --errors 40     # and 40 misses (never on test)
    python benchmarks/news_actors.py --split test --json out.json

Two readings of "dateline gets it right":

- **in context** (the main figure): the event coder's actor coder (``ActorCoder.code_noun``, the
  code events use for their roles, with the article's actors, quotes and resolver) is applied to
  the gold span's syntactic head, then the article's scene is applied as it is for events
  (``event_scene.with_scene``: a missing country, a double nationality). This measures actor coding alone: which mention fills a role is not asked.
- **end to end**: the gold event is paired with a predicted event of the same type whose trigger
  overlaps the gold trigger, else with one in the same sentence; the actor is right when the
  predicted event's same role holds an actor with the gold country (sector). Gold actors of
  events dateline misses count as wrong; the share of gold actors in paired events is given too.

A country is right when it equals the gold one (UNO, EUR and IGO count as one, as score.py
does); with several coded actors (a coordination) any one will do. Only gold actors with a
country (sector) are counted for the country (sector) figure.

Kinds, read from the gold span in dateline's parse:
``pronoun`` (head is a pronoun: "he", "they", "who"), ``place`` (a place name standing for its
government or people: "Moscow said", "Syria"), ``person`` (a named person: a PERSON entity
covers the head), ``organisation`` (another proper name: "Hamas", "the Justice Department"),
``title`` (a definite or possessed singular person role without a name: "the president",
"Erdogan's spokesman"), ``unnamed`` (everything else: "police", "five men", "protesters").
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "annotation"))
from corpus import GOLD_DIR  # noqa: E402
from news_corpus import build  # noqa: E402

KINDS = ("person", "title", "pronoun", "organisation", "unnamed", "place")
ALIASES = {"UNO": "IGO", "EUR": "IGO"}
IGNORED = ("negated", "hypothetical")


def norm(code: str | None) -> str | None:
    return ALIASES.get(code, code) if code else None


def mention_kind(doc: Any, start: int, end: int, kb: Any) -> str:
    """The kind of the gold mention ``start:end`` (see the module docstring)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "unnamed"
    root = span.root
    if root.pos_ == "PRON" or root.lower_ in ("who", "which", "that"):
        return "pronoun"
    ents = {t.ent_type_ for t in span if t.ent_type_}
    if root.ent_type_ == "PERSON":
        return "person"
    if root.pos_ == "PROPN" or root.ent_type_ in ("ORG", "GPE", "LOC", "NORP", "FAC"):
        code = kb.entity(span.text) or kb.capital(span.text)
        if root.ent_type_ in ("GPE", "LOC") or (code is not None and code.kind == "state") \
                or kb.city(span.text):
            return "place"
        return "person" if "PERSON" in ents else "organisation"
    role = kb.role(root.lemma_.lower()) or kb.role(root.lower_)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "any")
                   for c in root.children)
    if role is not None and role.kind == "person" and root.tag_ == "NN" and definite:
        return "title"
    return "unnamed"


class _Keeping:
    """A pipeline that keeps each article's parse (``docs[id]``) next to its record."""

    def __init__(self, settings: Any) -> None:
        from dateline import Pipeline

        docs: dict[str, Any] = {}

        class Keep(Pipeline):
            def analyse(self, doc, prepared):  # type: ignore[no-untyped-def]
                article = super().analyse(doc, prepared)
                docs[article.id] = (doc, prepared.layout)
                return article

        self.pipe = Keep(settings)
        self.docs = docs


def in_context(doc: Any, article: Any, pipe: Any, start: int, end: int, scene: str | None) -> list[Any]:
    """The actors dateline's event actor coder gives the gold span's head in the article."""
    from dateline.extract.events.actor_coder import ActorCoder
    from dateline.extract.events.scene import with_scene
    from dateline.records import Event, Span

    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    anchor = article.published or (article.dateline.date if article.dateline else None)
    key = id(doc)
    coder = _CODERS.get(key)
    if coder is None:
        patterns = pipe.knowledge.event_patterns
        coder = ActorCoder(doc, actors=article.actors, knowledge=pipe.knowledge.actors, date=anchor,
                           lexicon=pipe.knowledge.event_lexicon, quotes=article.quotes,
                           event_nouns=patterns.event_nouns)
        _CODERS.clear()
        _CODERS[key] = coder
    found = coder.code_noun(span.root)
    holder = Event("SUPPORT", Span(start, end, article.text[start:end]), Span(start, end, article.text[start:end]),
                   source=tuple(found))
    return list(with_scene(holder, scene, pipe.knowledge.actors).source)


_CODERS: dict[int, Any] = {}


def pair_events(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Gold event index -> the predicted event it is paired with (trigger overlap first)."""
    out: dict[int, dict[str, Any]] = {}
    used: set[int] = set()
    for same_trigger in (True, False):
        for i, g in enumerate(gold):
            if i in out:
                continue
            for j, p in enumerate(pred):
                if j in used or p["type"] != g["type"]:
                    continue
                t, pt = g["trigger"], p["trigger"]
                if same_trigger:
                    ok = pt["start"] < t["end"] and t["start"] < pt["end"]
                else:
                    s = g["sentence"]
                    ok = s["start"] <= pt["start"] < s["end"]
                if ok:
                    out[i] = p
                    used.add(j)
                    break
    return out


def measure(split: str, errors: int = 0, field: str = "country") -> tuple[dict[str, Any], list[str]]:
    from dateline import Failure, Settings
    from dateline.extract.events.scene import article_scene

    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        docs = [json.loads(line) for line in (Path(tmp) / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
    keeping = _Keeping(Settings(batch_size=8))
    rows: dict[str, dict[str, int]] = {k: defaultdict(int) for k in (*KINDS, "all")}
    misses: list[str] = []
    inputs = [{k: d.get(k) for k in ("id", "text", "published", "source")} for d in docs]
    gold_of = {d["id"]: d for d in docs}
    kb = keeping.pipe.knowledge.actors
    for article in keeping.pipe.run(inputs):
        if isinstance(article, Failure):
            print(f"failed: {article.id}: {article.reason}", file=sys.stderr)
            continue
        gold = gold_of[article.id]
        doc, layout = keeping.docs.pop(article.id)
        scene = article_scene(layout, article.places, article.actors)
        record = article.to_dict()
        golds = [e for e in gold["events"] if e["status"] not in IGNORED]
        preds = [e for e in record["events"] if e.get("status") not in IGNORED]
        paired = pair_events(golds, preds)
        for i, g in enumerate(golds):
            for role in ("source", "target"):
                for a in g[role]:
                    kind = mention_kind(doc, a["start"], a["end"], kb)
                    got = in_context(doc, article, keeping.pipe, a["start"], a["end"], scene)
                    p = paired.get(i)
                    e2e = p[role] if p is not None else []
                    _count(rows, kind, a, got, e2e, p is not None)
                    if errors and len(misses) < errors and a.get(field) and \
                            norm(a[field]) not in {norm(getattr(x, field)) for x in got}:
                        misses.append(_miss(gold, g, role, a, kind, got))
    return _figures(rows), misses


def _count(rows: dict[str, dict[str, int]], kind: str, gold: dict[str, Any], got: list[Any],
           e2e: list[dict[str, Any]], paired: bool) -> None:
    for key in (kind, "all"):
        r = rows[key]
        r["n"] += 1
        r["paired"] += paired
        if gold.get("country"):
            c = norm(gold["country"])
            r["n_country"] += 1
            r["country"] += c in {norm(x.country) for x in got}
            r["e2e_country"] += c in {norm(x.get("country")) for x in e2e}
        if gold.get("sector"):
            r["n_sector"] += 1
            r["sector"] += gold["sector"] in {x.sector for x in got}
            r["e2e_sector"] += gold["sector"] in {x.get("sector") for x in e2e}


def _figures(rows: dict[str, dict[str, int]]) -> dict[str, Any]:
    def share(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    out = {}
    for kind, r in rows.items():
        out[kind] = {"n": r["n"], "paired": share(r["paired"], r["n"]),
                     "country": share(r["country"], r["n_country"]), "sector": share(r["sector"], r["n_sector"]),
                     "e2e_country": share(r["e2e_country"], r["n_country"]),
                     "e2e_sector": share(r["e2e_sector"], r["n_sector"])}
    return out


def _miss(doc: dict[str, Any], event: dict[str, Any], role: str, gold: dict[str, Any], kind: str,
          got: list[Any]) -> str:
    s = event["sentence"]
    sentence = doc["text"][s["start"]:s["end"]].replace("\n", " ")
    coded = ", ".join(f"{x.text!r}->{x.country}/{x.sector}/{x.kind}" for x in got) or "nothing"
    return (f"[{doc['id']}] {event['type']} {role} {gold['text']!r} ({kind}) gold {gold.get('country')}/"
            f"{gold.get('sector')}{' name ' + repr(gold.get('name')) if gold.get('name') else ''}; "
            f"dateline {coded}\n    {sentence[:300]}")


def render(split: str, figures: dict[str, Any]) -> str:
    lines = [f"Split `{split}`: gold source and target actors of asserted, planned and reported events.", "",
             "| kind | actors | country (in context) | sector (in context) | in a paired event | "
             "country (end to end) | sector (end to end) |", "|---|---:|---:|---:|---:|---:|---:|"]
    for kind in (*KINDS, "all"):
        m = figures[kind]
        cells = [m[k] if m[k] is not None else "–" for k in ("country", "sector", "paired", "e2e_country", "e2e_sector")]
        lines.append(f"| {kind} | {m['n']} | " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    ap.add_argument("--errors", type=int, default=0, help="print this many in-context misses")
    ap.add_argument("--miss", choices=("country", "sector"), default="country", help="which misses --errors prints")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    if not GOLD_DIR.is_dir():
        print(f"news_actors: {GOLD_DIR} is missing: nothing to measure", file=sys.stderr)
        return 0
    if args.errors and args.split == "test":
        ap.error("--errors is not for the test split: it is for figures only")
    figures, misses = measure(args.split, args.errors, args.miss)
    print(render(args.split, figures))
    for m in misses:
        print(m)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
