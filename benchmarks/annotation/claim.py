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


def _interleave(first: list[str], second: list[str], rng: random.Random) -> list[str]:
    """``first`` in a seeded order, with the second passes of ``second`` spread over its first half."""
    rng.shuffle(first)
    rng.shuffle(second)
    order = list(first)
    half = len(first) // 2
    for k, doc_id in enumerate(second):
        at = first.index(doc_id)
        slot = max(at + 8, round((k + 1) * half / (len(second) + 1)))
        order.insert(min(slot + k, len(order)), doc_id)
    return order


def queue() -> list[str]:
    """Every (unit, pass) to annotate, as unit ids in the order they are handed out. A unit is an
    article's first part (its id), second part (``ID+2``) or third part (``ID+3``). The first 450 articles come first, in
    the order they were handed out from the start; then the second parts and the articles added
    later. Double passes are spread so that agreement is measured early."""
    docs = read_jsonl(DOCUMENTS)
    first_batch = [d for d in docs if not d.get("batch")]
    order = _interleave([d["id"] for d in first_batch], [d["id"] for d in first_batch if d.get("double")],
                        random.Random(SEED))
    later = [d["id"] for d in docs if d.get("batch")]
    later += [f"{d['id']}+2" for d in docs if len(d["sentences"]) > d.get("part1", len(d["sentences"]))]
    later.sort()
    order += _interleave(later, [d["id"] for d in docs if d.get("batch") and d.get("double")], random.Random(SEED + 1))
    order += sorted(f"{d['id']}+3" for d in docs if d.get("part2") is not None)
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
