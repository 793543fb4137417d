"""Show the two independent annotations of a doubly annotated article side by side, for
adjudication (annotators' names hidden: "X" and "Y").

    python benchmarks/annotation/compare.py DOC_ID [DOC_ID ...]
"""

from __future__ import annotations

import sys

from corpus import RAW_DIR, documents, part_range, read_jsonl


def _actors(items) -> str:
    return "; ".join(f"{a.get('text')} [{a.get('country')}/{a.get('sector')}]"
                     + (f" = {a['name']}" if a.get("name") else "") for a in items or []) or "-"


def main(ids: list[str]) -> int:
    docs = documents()
    for doc_id in ids:
        doc = docs.get(doc_id)
        if doc is None:
            print(f"no document {doc_id!r}", file=sys.stderr)
            return 2
        first, last = part_range(doc, 1)
        print(f"=== {doc_id}")
        for n, (start, end) in enumerate(doc["sentences"][first:last], first):
            print(f"[{n}] {' '.join(doc['text'][start:end].split())}")
        passes = sorted(p for p in RAW_DIR.glob(f"*/{doc_id}.jsonl") if p.parent.name != "ADJ")
        for label, path in zip("XY", passes):
            lines = read_jsonl(path)
            print(f"--- annotation {label} (genre {lines[0].get('genre')}): {len(lines) - 1} events")
            for e in lines[1:]:
                extra = f" attributed_to={e['attributed_to']!r}" if e.get("attributed_to") else ""
                print(f"  s{e.get('s')} {e.get('type')}/{e.get('mode')} {e.get('status')} trigger={e.get('trigger')!r} "
                      f"src={_actors(e.get('source'))} tgt={_actors(e.get('target'))}{extra}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
