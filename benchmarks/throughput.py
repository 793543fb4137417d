#!/usr/bin/env python3
"""Throughput of dateline next to spaCy alone, written into BENCHMARKS.md.

Builds a deterministic corpus of real-length articles (>= 300 words each) from paragraphs of
examples/corpus and of the dev sets' texts, then measures in one run, each configuration in its
own child process (so peak RSS is its own), interleaved and repeated (ABCD DCBA ...) because the
machine is shared and noisy:

  spacy-1  spaCy ``nlp.pipe`` alone (dateline's model, same batch size), 1 process
  full-1   the full pipeline, ``Pipeline(settings).run`` (the path of ``dateline extract``), 1 process
  spacy-2  as spacy-1 with ``n_process=2``
  full-2   as full-1 with ``Settings(processes=2)``
  rules-1  as full-1 with the rules alone deciding events (``Settings(event_coder="rules")``)

With ``--long`` it measures single long articles instead (10k, 100k and 1M characters by default,
built the same way), each in its own process: dateline's ``Pipeline.run`` (which parses a long
article in paragraph-bounded segments) against spaCy ``nlp.pipe`` over the same article's
paragraphs, the baseline measured in the same run. ``--compare-src`` adds the same measurement
of another source tree (say, a checkout from before a change).

    python benchmarks/throughput.py                   # 500 articles, writes BENCHMARKS.md
    python benchmarks/throughput.py --articles 40 --repeats 1 --no-write
    python benchmarks/throughput.py --long            # 10k, 100k, 1M characters, writes BENCHMARKS.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "gold"
DEFAULT_EXAMPLES = REPO / "examples" / "corpus"
SECTION = "benchmarks/throughput.py"
SECTION_LONG = "benchmarks/throughput.py --long"
LONG_CONFIGS = ("long-spacy", "long-full")
DEFAULT_LENGTHS = "10000,100000,1000000"
CONFIGS: dict[str, tuple[str, int]] = {"spacy-1": ("spacy", 1), "full-1": ("full", 1),
                                       "spacy-2": ("spacy", 2), "full-2": ("full", 2), "rules-1": ("rules", 1)}
STAGES = ("layout", "parse", "actors", "times", "places", "quotes", "events")
MIN_WORDS = 300
PUBLISHED = "2020-03-04"


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- corpus ---------------------------------------------------------------------------------------


def _texts_in(folder: Path) -> list[str]:
    """Article texts of a folder of .txt / .jsonl files (other files are skipped)."""
    texts = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        try:
            if path.suffix == ".txt":
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
            elif path.suffix == ".jsonl":
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                        texts.append(obj["text"])
        except OSError:
            continue
    return texts


def paragraphs(texts: list[str]) -> list[str]:
    """Distinct paragraphs of at least five words, in first-seen order.

    Long blocks without blank lines are split at their line breaks.
    """
    seen: dict[str, None] = {}
    for text in texts:
        for block in re.split(r"\n\s*\n", text):
            parts = block.split("\n") if len(block.split()) > 150 else [block]
            for para in parts:
                para = para.strip()
                if len(para.split()) >= 5:
                    seen.setdefault(para, None)
    return list(seen)


def build_corpus(n_articles: int, sources: list[tuple[str, list[str]]], seed: int) -> list[dict[str, Any]]:
    """``n_articles`` articles of 350-700 words, made of shuffled paragraphs (deterministic)."""
    pool = [p for _, texts in sources for p in paragraphs(texts)]
    if not pool:
        raise SystemExit("throughput: no text to build articles from: add examples/corpus or pass --gold-dir")
    rng = random.Random(seed)
    order: list[str] = []
    articles = []
    for i in range(n_articles):
        target = rng.randint(350, 700)
        parts: list[str] = []
        words = 0
        while words < max(target, MIN_WORDS):
            if not order:
                order = pool[:]
                rng.shuffle(order)
            para = order.pop()
            parts.append(para)
            words += len(para.split())
        articles.append({"id": f"bench-{i:04d}", "text": "\n\n".join(parts), "published": PUBLISHED,
                         "source": "benchmark"})
    return articles


def build_long_article(chars: int, sources: list[tuple[str, list[str]]], seed: int) -> dict[str, Any]:
    """One article of exactly ``chars`` characters: shuffled paragraphs, blank lines between them."""
    pool = [p for _, texts in sources for p in paragraphs(texts)]
    if not pool:
        raise SystemExit("throughput: no text to build articles from: add examples/corpus or pass --gold-dir")
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    order: list[str] = []
    while size < chars:
        if not order:
            order = pool[:]
            rng.shuffle(order)
        para = order.pop()
        parts.append(para)
        size += len(para) + 2
    text = "\n\n".join(parts)[:chars].rstrip()
    text += "." * (chars - len(text))  # exactly ``chars`` characters
    return {"id": f"long-{chars}", "text": text, "published": PUBLISHED, "source": "benchmark"}


# -- one configuration, in a child process ---------------------------------------------------------


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def run_child(config: str, corpus: Path, batch_size: int, model: str | None) -> dict[str, Any]:
    """Time one configuration over the corpus (model loading and a warm-up are not timed)."""
    from dateline import Pipeline, Settings, analyse
    from dateline.nlp import load_pipeline
    from dateline.pipeline import StageTimer

    kind, processes = CONFIGS[config]
    articles = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    warm = articles[:3]
    stages: dict[str, float] = {}
    failures = 0
    if kind == "spacy":
        nlp = load_pipeline(model)
        kwargs: dict[str, Any] = {"batch_size": batch_size}
        for _ in nlp.pipe((a["text"] for a in warm), **kwargs):
            pass
        if processes > 1:
            kwargs["n_process"] = processes
        started = time.perf_counter()
        for _ in nlp.pipe((a["text"] for a in articles), **kwargs):
            pass
        seconds = time.perf_counter() - started
    else:
        coder = "rules" if kind == "rules" else "model"
        pipe = Pipeline(Settings(model=model, batch_size=batch_size, processes=processes, event_coder=coder))
        for _ in analyse(warm, pipe.settings, pipeline=pipe):  # loads the model, actor knowledge and gazetteer
            pass
        pipe.timer = StageTimer()
        started = time.perf_counter()
        for result in analyse(articles, pipe.settings, pipeline=pipe):  # worker processes when processes > 1
            failures += not hasattr(result, "events")
        seconds = time.perf_counter() - started
        stages = dict(pipe.timer.seconds)
    return {"config": config, "seconds": seconds, "articles": len(articles),
            "words": sum(len(a["text"].split()) for a in articles), "failures": failures,
            "rss_mb": _rss_mb(resource.RUSAGE_SELF), "rss_workers_mb": _rss_mb(resource.RUSAGE_CHILDREN),
            "stages": stages}


def run_long_child(config: str, corpus: Path, batch_size: int, model: str | None) -> dict[str, Any]:
    """Time one long article: dateline's pipeline, or spaCy alone over its paragraphs."""
    from dateline import Pipeline, Settings
    from dateline.nlp import load_pipeline

    article = json.loads(corpus.read_text(encoding="utf-8"))
    text = article["text"]
    warm = [{"id": f"warm-{i}", "text": p, "published": PUBLISHED} for i, p in enumerate(paragraphs([text])[:3])]
    failures = 0
    if config == "long-spacy":
        nlp = load_pipeline(model)
        for _ in nlp.pipe((w["text"] for w in warm), batch_size=batch_size):
            pass
        pieces = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        started = time.perf_counter()
        for _ in nlp.pipe(pieces, batch_size=batch_size):
            pass
        seconds = time.perf_counter() - started
    else:
        pipe = Pipeline(Settings(model=model, batch_size=batch_size, max_chars=max(len(text), 1_000_000)))
        for _ in pipe.run(warm):
            pass
        started = time.perf_counter()
        for result in pipe.run([article]):
            failures += not hasattr(result, "events")
        seconds = time.perf_counter() - started
    return {"config": config, "chars": len(text), "seconds": seconds, "failures": failures,
            "rss_mb": _rss_mb(resource.RUSAGE_SELF)}


def _spawn(config: str, corpus: Path, args: argparse.Namespace, src: Path | None = None) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", config, "--corpus", str(corpus),
           "--batch-size", str(args.batch_size)]
    if args.model:
        cmd += ["--model", args.model]
    env = None
    if src is not None:  # another source tree of dateline (--compare-src)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"throughput: configuration {config} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the report -----------------------------------------------------------------------------------


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def _load_note(runs: list[dict[str, Any]]) -> str:
    loads = [x for r in runs for x in r.get("load", ())]
    if not loads:
        return ""
    return f" One-minute load average during the runs: {min(loads):.1f} to {max(loads):.1f} on {os.cpu_count()} CPUs."


def render(runs: list[dict[str, Any]], *, command: str, corpus_note: str, model: str, repeats: int) -> str:
    """The Markdown section: speed and memory per configuration, ratios, stage costs."""
    by_config: dict[str, list[dict[str, Any]]] = {}
    for run in runs:
        by_config.setdefault(run["config"], []).append(run)
    # ratios per round: each repeat ran every configuration close together in time
    rounds = [dict((r["config"], r) for r in runs[i:i + len(by_config)]) for i in range(0, len(runs), len(by_config))]

    def ratio(num: str, den: str) -> float | None:
        values = [r[num]["seconds"] / r[den]["seconds"] for r in rounds if num in r and den in r and r[den]["seconds"]]
        return _median(values) if values else None

    today = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = ["## Throughput", "",
             f"Measured {today} with `{command}` on {os.cpu_count()} CPUs ({platform.machine()}, "
             f"Python {platform.python_version()}), spaCy model `{model}`. {corpus_note} "
             f"Each configuration ran in its own process, {repeats} time(s), interleaved; figures are medians. "
             "Model loading and a three-article warm-up are not timed. The machine is shared: trust the "
             "ratios more than the absolute rates." + _load_note(runs), "",
             "| configuration | processes | articles/s | words/s | seconds | peak RSS (MB) | worker peak RSS (MB) "
             "| time vs spaCy alone |", "|---|---|---|---|---|---|---|---|"]
    for config in CONFIGS:
        rs = by_config.get(config)
        if not rs:
            continue
        kind, processes = CONFIGS[config]
        secs = _median([r["seconds"] for r in rs])
        rel = ratio(config, f"spacy-{processes}") if kind != "spacy" else 1.0
        label = {"spacy": "spaCy nlp.pipe", "full": "dateline Pipeline.run", "rules": "dateline, rules alone"}[kind]
        lines.append(f"| {label} | {processes} | "
                     f"{rs[0]['articles'] / secs:.2f} | {rs[0]['words'] / secs:,.0f} | {secs:.1f} | "
                     f"{max(r['rss_mb'] for r in rs):.0f} | "
                     f"{max(r['rss_workers_mb'] for r in rs) if processes > 1 else 0:.0f} | "
                     f"{'n/a' if rel is None else f'{rel:.2f}x'} |")
    speedups = [("spaCy alone, 2 vs 1 processes", ratio("spacy-1", "spacy-2")),
                ("dateline, 2 vs 1 processes", ratio("full-1", "full-2"))]
    lines += ["", "Speed-up from a second process: " + "; ".join(
        f"{label} {value:.2f}x" for label, value in speedups if value is not None) + ".", ""]
    full = by_config.get("full-1") or by_config.get("full-2") or []
    if full:
        n_articles = full[0]["articles"]
        stage_secs = {s: _median([r["stages"].get(s, 0.0) for r in full]) for s in STAGES}
        total = sum(stage_secs.values()) or 1.0
        lines += [f"Cost per stage ({full[0]['config']}; seconds summed over the corpus, median of runs):", "",
                  "| stage | seconds | share | ms/article |", "|---|---|---|---|"]
        lines += [f"| {s} | {v:.2f} | {v / total:.1%} | {1000 * v / n_articles:.1f} |" for s, v in stage_secs.items()]
        failures = max(r["failures"] for r in full)
        if failures:
            lines += ["", f"{failures} article(s) came back as failures."]
    return "\n".join(lines) + "\n"


def render_long(runs: list[dict[str, Any]], *, command: str, model: str, source_note: str,
                compare: str | None) -> str:
    """The Markdown section for single long articles: seconds, peak RSS and speed per length."""
    today = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    by_key = {(r["config"], r["chars"], r.get("tree", "this")): r for r in runs}
    lengths = sorted({r["chars"] for r in runs})
    shortest = lengths[0]
    base = by_key.get(("long-full", shortest, "this"))
    lines = ["## Throughput on long articles", "",
             f"Measured {today} with `{command}` on {os.cpu_count()} CPUs ({platform.machine()}, "
             f"Python {platform.python_version()}), spaCy model `{model}`. One article per length, "
             f"{source_note} Each measurement ran in its own process (peak RSS is that process's); model "
             "loading and a three-paragraph warm-up are not timed. The baseline, measured in the same run, "
             "is spaCy `nlp.pipe` alone over the same article's paragraphs (what a linear cost looks like); "
             "dateline parses an article longer than `segment_chars` (50,000) in paragraph-bounded segments.",
             "", "| characters | tree | seconds | peak RSS (MB) | characters/s | time vs spaCy alone | "
             f"speed vs the {shortest:,}-character article |", "|---|---|---|---|---|---|---|"]
    trees = ["this"] + ([compare] if compare else [])
    for chars in lengths:
        spacy = by_key.get(("long-spacy", chars, "this"))
        if spacy:
            lines.append(f"| {chars:,} | spaCy nlp.pipe over paragraphs | {spacy['seconds']:.1f} | "
                         f"{spacy['rss_mb']:.0f} | {chars / spacy['seconds']:,.0f} | 1.00x | |")
        for tree in trees:
            full = by_key.get(("long-full", chars, tree))
            if not full:
                continue
            rel = f"{full['seconds'] / spacy['seconds']:.2f}x" if spacy and spacy["seconds"] else "n/a"
            speed = (chars / full["seconds"]) / (base["chars"] / base["seconds"]) if base else None
            label = "dateline (this tree)" if tree == "this" else f"dateline ({tree})"
            failed = " (failed)" if full["failures"] else ""
            lines.append(f"| {chars:,} | {label}{failed} | {full['seconds']:.1f} | {full['rss_mb']:.0f} | "
                         f"{chars / full['seconds']:,.0f} | {rel} | "
                         f"{'n/a' if speed is None else f'{speed:.2f}'} |")
    return "\n".join(lines) + "\n"


def main_long(args: argparse.Namespace, given: list[str]) -> int:
    """``--long``: single articles of each length, dateline against spaCy alone (and --compare-src)."""
    lengths = [int(x) for x in args.lengths.split(",") if x.strip()]
    sources = [("examples/corpus", _texts_in(args.examples)), ("dev sets", _texts_in(args.gold_dir))]
    from dateline.nlp import resolve_model

    runs = []
    compare = args.compare_src.resolve() if args.compare_src else None
    label = args.compare_label or (str(compare) if compare else None)
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        for chars in lengths:
            path = Path(tmp) / f"long-{chars}.json"
            path.write_text(json.dumps(build_long_article(chars, sources, args.seed)), encoding="utf-8")
            plan = [("long-spacy", None, "this"), ("long-full", None, "this")]
            if compare:
                plan.append(("long-full", compare, label))
            for config, src, tree in plan:
                _log(f"throughput: {chars:,} characters: {config} ({tree}) ...")
                run = _spawn(config, path, args, src)
                run["tree"] = tree
                _log(f"throughput:   {run['seconds']:.1f} s, peak RSS {run['rss_mb']:.0f} MB")
                runs.append(run)
    command = "python benchmarks/throughput.py" + (" " + shlex.join(given) if given else "")
    note = (f"built with seed {args.seed} from paragraphs of examples/corpus and the dev sets "
            f"({', '.join(f'{n:,}' for n in lengths)} characters).")
    section = render_long(runs, command=command, model=resolve_model(args.model), source_note=note, compare=label)
    print(section)
    if not args.no_write:
        from dateline.evaluate import write_section

        write_section(args.output, SECTION_LONG, section)
        _log(f"throughput: wrote the table into {args.output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500, help="corpus size (default 500)")
    ap.add_argument("--repeats", type=int, default=2, help="runs per configuration (default 2)")
    ap.add_argument("--configs", default=",".join(CONFIGS), help=f"comma list of {', '.join(CONFIGS)}")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--model", default=None)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--examples", type=Path, default=DEFAULT_EXAMPLES)
    ap.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    ap.add_argument("--no-write", action="store_true", help="print the table without updating --output")
    ap.add_argument("--long", action="store_true", help="measure single long articles instead (see above)")
    ap.add_argument("--lengths", default=DEFAULT_LENGTHS, help=f"with --long: characters (default {DEFAULT_LENGTHS})")
    ap.add_argument("--compare-src", type=Path, help="with --long: also measure the dateline of this src folder")
    ap.add_argument("--compare-label", help="with --compare-src: its name in the table")
    ap.add_argument("--child", choices=[*CONFIGS, *LONG_CONFIGS], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child in LONG_CONFIGS:
        print(json.dumps(run_long_child(args.child, args.corpus, args.batch_size, args.model)))
        return 0
    if args.child:
        print(json.dumps(run_child(args.child, args.corpus, args.batch_size, args.model)))
        return 0
    if args.long:
        return main_long(args, argv if argv is not None else sys.argv[1:])

    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        ap.error(f"unknown configuration(s) {', '.join(unknown)}")
    sources = [("examples/corpus", _texts_in(args.examples)), ("dev sets", _texts_in(args.gold_dir))]
    articles = build_corpus(args.articles, sources, args.seed)
    words = [len(a["text"].split()) for a in articles]
    counts = ", ".join(f"{len(paragraphs(t))} paragraphs from {name}" for name, t in sources)
    corpus_note = (f"Corpus: {len(articles)} articles, {sum(words):,} words ({min(words)}-{max(words)}, "
                   f"mean {statistics.fmean(words):.0f} per article), built with seed {args.seed} from {counts}.")
    _log("throughput: " + corpus_note)

    from dateline.nlp import resolve_model

    runs = []
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        for rep in range(args.repeats):
            for config in (configs if rep % 2 == 0 else configs[::-1]):
                _log(f"throughput: round {rep + 1}/{args.repeats}: {config} ...")
                load_before = os.getloadavg()[0]
                run = _spawn(config, corpus, args)
                run["load"] = (load_before, os.getloadavg()[0])
                _log(f"throughput:   {run['seconds']:.1f} s, {run['articles'] / run['seconds']:.2f} articles/s, "
                     f"peak RSS {run['rss_mb']:.0f} MB")
                runs.append(run)
    given = argv if argv is not None else sys.argv[1:]
    command = "python benchmarks/throughput.py" + (" " + shlex.join(given) if given else "")
    section = render(runs, command=command, corpus_note=corpus_note, model=resolve_model(args.model),
                     repeats=args.repeats)
    print(section)
    if not args.no_write:
        from dateline.evaluate import write_section

        write_section(args.output, SECTION, section)
        _log(f"throughput: wrote the table into {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
