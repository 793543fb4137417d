"""Check annotation files: codes valid, every span found in its sentence.

    python benchmarks/annotation/check.py FILE [FILE ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from corpus import country_codes, documents, resolve_file


def main(paths: list[str]) -> int:
    docs, codes = documents(), country_codes()
    bad = 0
    for name in paths:
        record, errors = resolve_file(Path(name), docs, codes)
        for error in errors:
            print(error)
        if errors:
            bad += 1
        elif record is not None:
            print(f"{Path(name).name}: ok, {len(record['events'])} events")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
