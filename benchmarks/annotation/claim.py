"""Hand out the next articles to an annotator: each article once, the double-annotation sample
twice (to two different annotators), in a seeded order. Safe for annotators working at once.

    python benchmarks/annotation/claim.py ANNOTATOR [N]

Prints up to N (default 5) document ids, and records the claim in claims.jsonl.
"""

from __future__ import annotations

import fcntl
import json
import random
import sys

from corpus import CORPUS_DIR, DOCUMENTS, read_jsonl

CLAIMS = CORPUS_DIR / "claims.jsonl"
LOCK = CORPUS_DIR / ".claims.lock"
SEED = 7


def queue() -> list[str]:
    """Every (document, pass) to annotate, as document ids in the order they are handed out: first
    passes in a seeded order, with the second passes of the double sample spread over the first
    half so that agreement is measured early."""
    docs = read_jsonl(DOCUMENTS)
    rng = random.Random(SEED)
    first = [d["id"] for d in docs]
    rng.shuffle(first)
    second = [d["id"] for d in docs if d.get("double")]
    rng.shuffle(second)
    order = list(first)
    half = len(first) // 2
    for k, doc_id in enumerate(second):
        at = first.index(doc_id)
        slot = max(at + 8, round((k + 1) * half / (len(second) + 1)))
        order.insert(min(slot + k, len(order)), doc_id)
    return order


def main(annotator: str, n: int) -> int:
    LOCK.touch()
    with LOCK.open("r") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        claims = read_jsonl(CLAIMS) if CLAIMS.exists() else []
        taken: dict[str, list[str]] = {}
        for c in claims:
            taken.setdefault(c["doc"], []).append(c["annotator"])
        seen: dict[str, int] = {}
        wanted = []
        for doc_id in queue():
            seen[doc_id] = seen.get(doc_id, 0) + 1  # this is the doc's pass number seen[doc_id]
            who = taken.setdefault(doc_id, [])
            if annotator in who or len(who) >= seen[doc_id]:
                continue
            who.append(annotator)
            wanted.append(doc_id)
            if len(wanted) == n:
                break
        with CLAIMS.open("a", encoding="utf-8") as f:
            for doc_id in wanted:
                f.write(json.dumps({"doc": doc_id, "annotator": annotator}) + "\n")
    print("\n".join(wanted) if wanted else "NOTHING LEFT")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5))
