#!/usr/bin/env python3
"""CPU seconds of each pipeline stage against the parse's, over the first N articles of a JSON
Lines file (``id``, ``text``, ``published``, ``source``), in one process.

On a shared machine wall-clock stage times swing with the load; the process's CPU time
(``time.process_time``) is steadier, and the stages' cost relative to the parse, measured in the
same process, is what the throughput target is about. Model loading and a three-article warm-up
are not counted. Prints only.

    python benchmarks/stage_cpu.py build/news/dev.jsonl --articles 40
    PYTHONPATH=/tmp/old/src python benchmarks/stage_cpu.py build/news/dev.jsonl   # another tree
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dateline import pipeline as pipeline_module
from dateline.pipeline import Pipeline
from dateline.settings import Settings


class _CpuClock:
    """The ``time`` module as the pipeline's stage timer sees it, with CPU seconds for its clock."""

    def __getattr__(self, name: str):
        return time.process_time if name == "perf_counter" else getattr(time, name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles_file", type=Path, help="JSON Lines of articles")
    ap.add_argument("--articles", type=int, default=40, help="how many (from the start; default 40)")
    args = ap.parse_args(argv)
    with args.articles_file.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()][:args.articles]
    items = [{k: r.get(k) for k in ("id", "text", "published", "source")} for r in rows]
    pipe = Pipeline(Settings())
    list(pipe.run(items[:3]))  # loads the model and the knowledge
    pipeline_module.time = _CpuClock()  # type: ignore[assignment]
    pipe.timer.seconds.clear()
    list(pipe.run(items))
    seconds = dict(pipe.timer.seconds)
    parse = seconds.get("parse") or 1.0
    print(f"{len(items)} articles, CPU seconds (x parse):")
    for name, value in sorted(seconds.items(), key=lambda kv: -kv[1]):
        print(f"  {name:10s} {value:7.2f}  {value / parse:6.3f}")
    rest = sum(seconds.values()) - seconds.get("parse", 0.0)
    print(f"  {'non-parse':10s} {rest:7.2f}  {rest / parse:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
