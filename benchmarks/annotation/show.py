"""Print corpus articles with numbered sentences, for annotators.

    python benchmarks/annotation/show.py DOC_ID [DOC_ID ...]
"""

from __future__ import annotations

import sys

from corpus import documents


def main(ids: list[str]) -> int:
    docs = documents()
    for doc_id in ids:
        doc = docs.get(doc_id)
        if doc is None:
            print(f"no document {doc_id!r} in the corpus", file=sys.stderr)
            return 2
        print(f"=== {doc_id}  (published {doc['published'] or 'unknown'})")
        for n, (start, end) in enumerate(doc["sentences"]):
            print(f"[{n}] {' '.join(doc['text'][start:end].split())}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
