#!/usr/bin/env python3
"""Join the real-news event corpus (stand-off, in benchmarks/data/news_events/) with its texts in
../shared into score.py gold files, one per split.

    python benchmarks/news_corpus.py --out DIR            # DIR/train.jsonl, dev.jsonl, test.jsonl
    python benchmarks/news_corpus.py --out DIR --annotator A3   # one annotator's pass instead of the gold

Each line: ``id``, ``text`` (the article cut as the corpus cuts it), ``published``, ``source``,
``genre``, ``set`` (the ../shared file it comes from), ``sentences`` (offsets: every sentence, with
or without an event) and ``events`` in FORMAT.md's shape with offsets into ``text``. The gold of a
doubly annotated article is its adjudicated version (annotator ``ADJ``) when there is one, else the
first pass. Every span is checked to slice back exactly. The test split is for figures only.
Without ../shared the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "annotation"))
from corpus import CORPUS_DIR, DOCUMENTS, GOLD_DIR, part_bounds, read_jsonl, source_texts  # noqa: E402

ANNOTATIONS = CORPUS_DIR / "annotations.jsonl"
CLAIMS = CORPUS_DIR / "claims.jsonl"
SPLITS = ("train", "dev", "test")
ADJUDICATED = "ADJ"


def first_passes() -> dict[str, str]:
    """The annotator of each unit's first pass (``ID`` or ``ID+2``), in the order units were handed out."""
    first: dict[str, str] = {}
    if CLAIMS.exists():
        for claim in read_jsonl(CLAIMS):
            first.setdefault(claim["doc"], claim["annotator"])
    return first


def unit_id(annotation: dict[str, Any]) -> str:
    part = annotation.get("part", 1)
    return annotation["doc"] if part == 1 else f"{annotation['doc']}+{part}"


def choose(annotations: list[dict[str, Any]], annotator: str | None) -> dict[str, dict[str, Any]]:
    """One annotation per document, its parts joined in order (a part whose previous part is
    missing is left out): for each part the adjudicated pass, else the first pass. With
    ``annotator``, only the first parts that annotator annotated."""
    by_unit: dict[str, dict[str, dict[str, Any]]] = {}
    for a in annotations:
        by_unit.setdefault(unit_id(a), {})[a["annotator"]] = a
    first = first_passes()
    chosen: dict[str, dict[str, Any]] = {}
    for unit in sorted(by_unit, key=lambda u: (next(iter(by_unit[u].values())).get("part", 1), u)):
        passes = by_unit[unit]
        part = next(iter(passes.values())).get("part", 1)
        if annotator:
            if part != 1 or annotator not in passes:
                continue
            pick = passes[annotator]
        else:
            name = ADJUDICATED if ADJUDICATED in passes else first.get(unit)
            pick = passes[name] if name in passes else passes[sorted(passes)[0]]
        doc = pick["doc"]
        if part == 1:
            chosen[doc] = {**pick, "parts": 1}
        elif doc in chosen and chosen[doc]["parts"] == part - 1:
            chosen[doc] = {**chosen[doc], "events": chosen[doc]["events"] + pick["events"], "parts": part,
                           "annotator": f"{chosen[doc]['annotator']}+{pick['annotator']}"}
    return chosen


def _span(text: str, span: dict[str, Any] | None) -> dict[str, Any] | None:
    if span is None:
        return None
    out = {"start": span["start"], "end": span["end"], "text": text[span["start"]:span["end"]]}
    return out


def _actor(text: str, actor: dict[str, Any]) -> dict[str, Any]:
    out = {**_span(text, actor), "country": actor.get("country"), "sector": actor.get("sector")}
    if actor.get("name"):
        out["name"] = actor["name"]
    if actor.get("ante"):
        out["kind"] = "resolved"
        out["antecedent"] = _span(text, actor["ante"])
    return out


def gold_document(meta: dict[str, Any], full: dict[str, Any], annotation: dict[str, Any]) -> dict[str, Any]:
    """A score.py gold line for one article: its text up to the end of the parts annotated."""
    sentences = meta["sentences"][: part_bounds(meta)[annotation["parts"]]]
    text = full["text"][: sentences[-1][1]] if sentences else ""
    events = []
    for e in annotation["events"]:
        start, end = meta["sentences"][e["sentence"]]
        events.append({
            "type": e["type"], "mode": e.get("mode"), "context": e.get("context") or [],
            "status": e["status"], "attributed_to": _span(text, e.get("attributed_to")),
            "trigger": _span(text, e["trigger"]), "sentence": {"start": start, "end": end},
            "source": [_actor(text, a) for a in e["source"]], "target": [_actor(text, a) for a in e["target"]],
        })
    return {"id": meta["id"], "text": text, "published": full.get("published"), "source": full.get("source"),
            "genre": annotation.get("genre"), "set": meta["set"], "annotator": annotation["annotator"],
            "sentences": [{"start": s, "end": e} for s, e in sentences], "events": events}


def check_spans(doc: dict[str, Any]) -> None:
    """Raise when a span does not slice back exactly."""
    def spans(e):
        yield e["trigger"]
        yield e.get("attributed_to")
        for a in e["source"] + e["target"]:
            yield a
            yield a.get("antecedent")
    for e in doc["events"]:
        for span in spans(e):
            if span is not None and doc["text"][span["start"]:span["end"]] != span["text"]:
                raise ValueError(f"{doc['id']}: span {span} does not slice back")


def build(out: Path, annotator: str | None = None) -> Counter:
    """Write DIR/train|dev|test.jsonl; counts of documents and events per split."""
    metas = {m["id"]: m for m in read_jsonl(DOCUMENTS)}
    texts = source_texts()
    chosen = choose(read_jsonl(ANNOTATIONS) if ANNOTATIONS.exists() else [], annotator)
    out.mkdir(parents=True, exist_ok=True)
    files = {split: (out / f"{split}.jsonl").open("w", encoding="utf-8") for split in SPLITS}
    counts: Counter = Counter()
    try:
        for doc_id in sorted(chosen):
            meta = metas[doc_id]
            doc = gold_document(meta, texts[doc_id], chosen[doc_id])
            check_spans(doc)
            files[meta["split"]].write(json.dumps(doc, ensure_ascii=False) + "\n")
            counts[f"{meta['split']} documents"] += 1
            counts[f"{meta['split']} events"] += len(doc["events"])
    finally:
        for f in files.values():
            f.close()
    return counts


SENTENCE_SETS = (GOLD_DIR / "plover_events.jsonl", HERE / "data" / "events_fresh_dev.jsonl",
                 HERE / "data" / "events_fresh3_dev.jsonl", HERE / "data" / "events_fresh4_dev.jsonl")


def sentence_sets(out: Path) -> int:
    """Write DIR/train_extra.jsonl: the single-sentence event sets that may be trained on (the
    PLOVER gold's even half and the dev halves of the fresh sets; their odd half and test halves
    stay held out), each event given its sentence (the whole document)."""
    n = 0
    with (out / "train_extra.jsonl").open("w", encoding="utf-8") as f:
        for path in SENTENCE_SETS:
            docs = read_jsonl(path)
            if path.name == "plover_events.jsonl":
                docs = docs[0::2]  # the even half (0-based line index), as benchmarks/devkit.py splits it
            for doc in docs:
                for e in doc.get("events") or []:
                    e.setdefault("sentence", {"start": 0, "end": len(doc["text"])})
                f.write(json.dumps({k: doc.get(k) for k in ("id", "text", "published", "source", "events")},
                                   ensure_ascii=False) + "\n")
                n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="folder for train.jsonl, dev.jsonl, test.jsonl")
    ap.add_argument("--annotator", default=None, help="one annotator's pass instead of the gold")
    ap.add_argument("--sentence-sets", action="store_true",
                    help="also write train_extra.jsonl: the PLOVER even half and the fresh dev sets")
    args = ap.parse_args(argv)
    if not GOLD_DIR.is_dir():
        print(f"news_corpus: {GOLD_DIR} is missing (no ../shared next to the repository?): nothing to join",
              file=sys.stderr)
        return 0
    counts = build(args.out, args.annotator)
    if args.sentence_sets:
        counts["train_extra documents"] = sentence_sets(args.out)
    print(", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
