"""Turn the annotators' raw files into the corpus's stand-off annotation file.

    .venv/bin/python benchmarks/annotation/compile.py

Reads benchmarks/data/news_events/raw/ANNOTATOR/DOC.jsonl (span texts by sentence), resolves every
span to character offsets, and writes benchmarks/data/news_events/annotations.jsonl: one line per
document and annotator with offsets and labels only (no text). The adjudicated version of a
doubly annotated document is the annotator ``ADJ``. Files with errors are reported and left out.
"""

from __future__ import annotations

import json
import sys

from corpus import CORPUS_DIR, country_codes, documents, raw_files, resolve_file

ANNOTATIONS = CORPUS_DIR / "annotations.jsonl"


def _strip(span: dict | None) -> dict | None:
    """A span without its text (stand-off: the text stays in ../shared)."""
    if span is None:
        return None
    out = {k: v for k, v in span.items() if k != "text"}
    if "ante" in out:
        out["ante"] = _strip(out["ante"])
    return out


def stand_off(record: dict) -> dict:
    events = []
    for e in record["events"]:
        events.append({**e, "trigger": _strip(e["trigger"]), "attributed_to": _strip(e["attributed_to"]),
                       "source": [_strip(a) for a in e["source"]], "target": [_strip(a) for a in e["target"]]})
    return {"doc": record["doc"], "part": record["part"], "annotator": record["annotator"], "genre": record["genre"],
            "events": events}


def main() -> int:
    docs, codes = documents(), country_codes()
    records, bad = [], 0
    for path in raw_files():
        record, errors = resolve_file(path, docs, codes)
        if errors or record is None:
            bad += 1
            print(f"left out {path.parent.name}/{path.name}: {errors[0] if errors else 'unreadable'}", file=sys.stderr)
            continue
        records.append(stand_off(record))
    records.sort(key=lambda r: (r["doc"], r["part"], r["annotator"]))
    with ANNOTATIONS.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    n_docs = len({r["doc"] for r in records})
    print(f"{len(records)} annotations of {n_docs} documents, {sum(len(r['events']) for r in records)} events; "
          f"{bad} files left out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
