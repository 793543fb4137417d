"""Counts of the news event corpus for its README: documents, sentences and events by split,
genre and source set; events by type and status (the gold: one pass per part, adjudicated where
there is one).

    .venv/bin/python benchmarks/annotation/stats.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from corpus import DOCUMENTS, STATUSES, TYPES, part_bounds, read_jsonl  # noqa: E402
from news_corpus import ANNOTATIONS, choose  # noqa: E402


def table(title: str, rows: list[tuple[str, ...]], head: tuple[str, ...]) -> str:
    lines = [f"**{title}**", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def main() -> None:
    metas = {m["id"]: m for m in read_jsonl(DOCUMENTS)}
    annotations = read_jsonl(ANNOTATIONS)
    chosen = choose(annotations, None)
    by = Counter()
    types, statuses = Counter(), Counter()
    genres = Counter()
    for doc_id, a in chosen.items():
        meta = metas[doc_id]
        n_sent = part_bounds(meta)[a["parts"]]
        genre = a.get("genre") or "unknown"
        for key in (("split", meta["split"]), ("genre", genre), ("set", meta["set"]), ("all", "all")):
            by[key + ("docs",)] += 1
            by[key + ("sentences",)] += n_sent
            by[key + ("events",)] += len(a["events"])
            by[key + ("with_event",)] += len({e["sentence"] for e in a["events"]})
        genres[genre] += 1
        for e in a["events"]:
            types[(e["type"], meta["split"])] += 1
            statuses[e["status"]] += 1
    for dim in ("split", "genre", "set", "all"):
        values = sorted({k[1] for k in by if k[0] == dim})
        rows = [(v, by[(dim, v, "docs")], by[(dim, v, "sentences")], by[(dim, v, "with_event")],
                 by[(dim, v, "events")]) for v in values]
        print(table(f"By {dim}", rows, (dim, "articles", "sentences", "sentences with an event", "events")))
    rows = [(t, types[(t, "train")], types[(t, "dev")], types[(t, "test")],
             sum(types[(t, s)] for s in ("train", "dev", "test"))) for t in TYPES]
    print(table("Events by type", rows, ("type", "train", "dev", "test", "all")))
    print(table("Events by status", [(s, statuses[s]) for s in STATUSES], ("status", "events")))
    double = sum(1 for m in metas.values() if m.get("double"))
    adjudicated = sum(1 for a in annotations if a["annotator"] == "ADJ")
    passes = Counter(a["annotator"] for a in annotations)
    print(f"Annotation units: {len(annotations)} passes by {len(passes)} annotators "
          f"({', '.join(f'{k} {v}' for k, v in sorted(passes.items()))}); {double} articles annotated twice, "
          f"{adjudicated} adjudicated.")


if __name__ == "__main__":
    main()
