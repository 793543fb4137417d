#!/usr/bin/env python3
"""Whether two runs wrote the same article records: each JSON Lines file's records are read,
keyed by id and compared as sorted JSON (key order and line order do not count; anything else
does). Prints the ids that differ; exits 1 if any does. For speed changes that must not change
an output:

    PYTHONPATH=/tmp/before/src python -m dateline extract in.jsonl -o before.jsonl
    PYTHONPATH=src python -m dateline extract in.jsonl -o after.jsonl
    python benchmarks/same_records.py before.jsonl after.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def records(path: Path) -> dict[str, str]:
    """id (or line number) -> the record as sorted, compact JSON."""
    found: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                record = json.loads(line)
                key = str(record.get("id", f"line {n}"))
                found[key] = json.dumps(record, sort_keys=True, ensure_ascii=False)
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    before, after = records(args.before), records(args.after)
    differ = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    for key in differ:
        print(f"differs: {key}")
    print(f"{len(before)} / {len(after)} records, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
