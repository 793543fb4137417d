"""Print corpus articles with numbered sentences, for annotators.

    python benchmarks/annotation/show.py DOC_ID [DOC_ID ...]
"""

from __future__ import annotations

import sys

from corpus import documents, part_range, split_unit


def main(ids: list[str]) -> int:
    docs = documents()
    for doc_id in ids:
        base, part = split_unit(doc_id)
        doc = docs.get(base)
        if doc is None:
            print(f"no document {doc_id!r} in the corpus", file=sys.stderr)
            return 2
        first, last = part_range(doc, part)
        print(f"=== {doc_id}  (published {doc['published'] or 'unknown'})")
        if part > 1:
            print(f"(part {part}: sentences [0]..[{first - 1}] are context, already annotated by someone else; "
                  f"annotate only [{first}]..[{last - 1}])")
        for n, (start, end) in enumerate(doc["sentences"][:last]):
            if part > 1 and n == first:
                print(f"--- part {part}: annotate from here ---")
            print(f"[{n}] {' '.join(doc['text'][start:end].split())}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
