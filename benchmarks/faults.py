#!/usr/bin/env python3
"""Fault tests: a corpus of bad inputs through ``dateline ingest``, checked for loss and idempotency.

Builds a folder that holds every kind of bad input issue 12 names (empty and binary files, bad
UTF-8, lone surrogates, a huge file and a huge line, malformed JSON lines, non-string ids,
duplicates under other ids and spacings, gzipped files whole and truncated, files of other
extensions) next to good articles, with the outcome each input should have. Then, for each way
of running (one process, ``--processes 2``, ``--dask local``), it runs ``dateline ingest`` twice on
a new database and checks:

- the run ends with exit code 0 and the status ``finished``;
- articles in = articles stored + duplicates recorded + errors recorded, and every input is found
  in exactly one of them, with the outcome expected (nothing lost, nothing unexpected);
- the files of other extensions are named in the summary;
- the second run adds nothing (every table the same, ``0 new``).

Last, an ingest killed with ``kill -9`` and run again ends with the database of a clean run, the
killed run marked ``interrupted``. Prints the results as Markdown tables; ``--write`` puts them
into BENCHMARKS.md under "Fault tests".

    python benchmarks/faults.py                    # all modes, prints the tables
    python benchmarks/faults.py --modes local --no-kill
    python benchmarks/faults.py --write            # and updates BENCHMARKS.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import shlex
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SECTION = "benchmarks/faults.py"
TABLES = ("articles", "duplicates", "errors", "sentences", "actors", "quotes", "times", "places", "events")
MODES = {"local": [], "processes-2": ["--processes", "2"], "dask-local": ["--dask", "local", "--processes", "2",
                                                                         "--partition-size", "4"]}

STORIES = [
    "MOSCOW, March 4. /TASS/. Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan "
    "will hold talks in Moscow on Thursday, the Kremlin said.",
    "ANKARA, May 3 (Reuters) - Turkish police detained twelve protesters in Istanbul on Friday, the interior "
    "ministry said.",
    "BRUSSELS (AP) _ The European Union imposed sanctions on three Russian officials on Monday, "
    "EU foreign ministers said after a meeting in Brussels.",
    "NAIROBI, Kenya (AP) _ Police fired tear gas at protesters in Nairobi on Monday, witnesses said.",
    "BEIJING, March 4 (Xinhua) -- China will send humanitarian aid to Syria, the foreign ministry said on "
    "Wednesday.",
    "PARIS (Reuters) - France protested to Iran on Monday over the detention of two French citizens, the "
    "foreign ministry said.",
    "KYIV, July 1. /Interfax/. Ukrainian forces shelled positions near Donetsk on Sunday, separatist "
    "officials said.",
    "WASHINGTON (Reuters) - The United States accused Venezuela's government of corruption on Friday and "
    "imposed new sanctions, the Treasury said.",
]


@dataclass(frozen=True)
class Expected:
    """One input and what should become of it: ``stored``, ``duplicate`` or an error reason."""

    kind: str       # the row of the table it is counted in
    origin: str     # where dateline says it came from
    outcome: str


def _line(record: object) -> bytes:
    return json.dumps(record).encode("utf-8") + b"\n"


def build_corpus(folder: Path) -> tuple[list[Expected], list[str]]:
    """Write the fault corpus; returns the expected outcome of each input and the files to be skipped."""
    folder.mkdir(parents=True)
    expected: list[Expected] = []

    def file(name: str, data: bytes, kind: str, outcome: str) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected.append(Expected(kind, str(path), outcome))

    file("good/story-1.txt", STORIES[0].encode("utf-8"), "good text file", "stored")
    file("good/page.html", ("<html><head><title>Talks</title></head><body><article><p>" + STORIES[2]
                            + " The talks lasted six hours and ended late in the evening, officials said.</p>"
                            "</article></body></html>").encode("utf-8"), "good HTML page", "stored")
    file("empty/empty.txt", b"", "empty file", "empty")
    file("empty/blank.txt", b" \n\t \n", "empty file", "empty")
    file("binary/image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file", "binary")
    file("binary/controls.txt", bytes(range(1, 9)) * 200, "binary file", "binary")
    utf8 = STORIES[3].replace(" witnesses said", " \u2014 \u201cwitnesses\u201d said").encode("utf-8")
    file("encoding/bad-utf8.txt", utf8[:30] + b"\xff\xfe" + utf8[30:], "bad UTF-8", "undecodable")
    file("encoding/legacy-cp1252.txt", ("Caf\u00e9 owners in Z\u00fcrich protested on Monday \u2014 "
                                        "\u201cwe will not pay\u201d, they said.").encode("cp1252"),
         "legacy encoding (guessed, recorded)", "stored")
    file("encoding/no-html-text.html", b"<html><head><title>x</title></head><body><script>var a = 1;</script>"
                                        b"</body></html>", "HTML without text", "no-text")
    file("huge/huge.txt", ("word " * 200_020).encode("utf-8"), "huge file (> --max-chars)", "too-large")
    file("repeats/story-1-crlf.txt", STORIES[0].replace(", ", ",\r\n").encode("utf-8"), "duplicate (other spacing)",
         "duplicate")

    lines = folder / "lines.jsonl"
    rows: list[tuple[bytes, str, str]] = [
        (_line({"id": "wire-1", "text": STORIES[1], "published": "2021-05-03"}), "good JSON line", "stored"),
        (_line({"id": "wire-2", "text": STORIES[4], "published": "14 October 2019"}), "good JSON line", "stored"),
        (b'{"id": "lone", "text": "Bad \\ud800 text. ' + STORIES[5].encode("utf-8") + b'"}', "lone surrogate",
         "invalid-unicode"),
        (b'{"id": "lone-title", "text": "Fine.", "title": "\\udfff"}', "lone surrogate", "invalid-unicode"),
        (b'{"id": "cut", "text": "unfinished', "malformed JSON line", "malformed-json"),
        (b'["a list, not an object"]', "malformed JSON line", "malformed-json"),
        (b"{not json at all}", "malformed JSON line", "malformed-json"),
        (_line({"id": "nt", "body": "no text field"}), "JSON line without text", "no-text"),
        (_line({"id": "blank", "text": "   "}), "empty JSON text", "empty"),
        (_line({"id": "ctl", "text": "\x01\x02\x03\x04" * 50}), "binary JSON text", "binary"),
        (b'{"id": "latin", "text": "caf\xe9"}', "bad UTF-8 JSON line", "undecodable"),
        (_line({"id": 42, "text": STORIES[6]}), "integer id (stored as \"42\")", "stored"),
        (_line({"id": ["a", 1], "text": STORIES[7]}), "non-string id", "bad-id"),
        (_line({"id": True, "text": STORIES[7]}), "non-string id", "bad-id"),
        (_line({"id": {"n": 1}, "text": STORIES[7]}), "non-string id", "bad-id"),
        (_line({"id": 1.5, "text": STORIES[7]}), "non-string id", "bad-id"),
        (_line({"id": "copy-a", "text": STORIES[1]}), "duplicate (other id)", "duplicate"),
        (_line({"id": "copy-b", "text": STORIES[1].replace(" ", "  ") + "\r\n"}), "duplicate (other spacing)",
         "duplicate"),
        (_line({"text": STORIES[1] + "\n\n"}), "duplicate (no id)", "duplicate"),
        (_line({"id": "huge-line", "text": "word " * 200_020}), "huge JSON line", "too-large"),
    ]
    with lines.open("wb") as out:
        for n, (raw, kind, outcome) in enumerate(rows, 1):
            out.write(raw if raw.endswith(b"\n") else raw + b"\n")
            expected.append(Expected(kind, f"{lines}:{n}", outcome))

    gz_rows = [{"id": "gz-1", "text": STORIES[5]}, {"id": "gz-2", "text": STORIES[7]},
               {"id": "gz-dup", "text": STORIES[4]}]
    gz = folder / "gz" / "corpus.jsonl.gz"
    gz.parent.mkdir()
    gz.write_bytes(gzip.compress(b"".join(_line(r) for r in gz_rows)))
    for n, outcome in enumerate(["stored", "stored", "duplicate"], 1):
        expected.append(Expected("gzipped JSON Lines", f"{gz}:{n}", outcome))
    file("gz/story.txt.gz", gzip.compress(STORIES[3].encode("utf-8")), "gzipped text", "stored")
    many = b"".join(_line({"id": f"t-{i}", "text": f"Story {i}: " + STORIES[i % 8]}) for i in range(400))
    whole = gzip.compress(many)
    truncated = folder / "gz" / "truncated.jsonl.gz"
    truncated.write_bytes(whole[: len(whole) // 2])
    readable = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(truncated.read_bytes())
    complete = readable.count(b"\n")
    for n in range(1, complete + 1):
        expected.append(Expected("truncated gzip: the lines before the cut", f"{truncated}:{n}", "stored"))
    expected.append(Expected("truncated gzip: the cut", str(truncated), "unreadable"))
    file("gz/not-gzip.jsonl.gz", b"this is not gzip", "damaged gzip", "unreadable")

    skipped = []
    for name, data in (("other/scan.pdf", b"%PDF-1.4\n"), ("other/table.csv", b"a,b\n1,2\n"),
                       ("other/photo.png", b"\x89PNG\r\n\x1a\n")):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        skipped.append(str(path))
    return expected, skipped


# -- running --------------------------------------------------------------------------------------


def _dateline(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "dateline.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def snapshot(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as con:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        landed = {}
        for origin, in con.execute("SELECT origin FROM articles"):
            landed.setdefault(origin, []).append("stored")
        for origin, in con.execute("SELECT origin FROM duplicates"):
            landed.setdefault(origin, []).append("duplicate")
        for origin, reason in con.execute("SELECT origin, reason FROM errors"):
            landed.setdefault(origin, []).append(reason)
        ids = sorted(r[0] for r in con.execute("SELECT id FROM articles"))
        statuses = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY id")]
    return {"counts": counts, "landed": landed, "ids": ids, "statuses": statuses}


@dataclass
class ModeResult:
    mode: str
    rc: tuple[int, int]
    seconds: float
    snap: dict[str, object]
    again: dict[str, object]
    output: str
    outcomes: dict[str, str]  # origin -> what became of it (or "lost", or "several: ...")


def run_mode(mode: str, corpus: Path, expected: list[Expected], work: Path, extra: list[str]) -> ModeResult:
    db = work / f"{mode}.db"
    args = ["ingest", str(corpus), "--db", str(db), "--no-places", "--no-progress", "--commit-every", "4",
            *MODES[mode], *extra]
    started = time.perf_counter()
    first = _dateline(args)
    seconds = time.perf_counter() - started
    if not db.exists():
        raise SystemExit(f"faults: {mode}: no database was written:\n{first.stderr[-3000:]}")
    snap = snapshot(db)
    second = _dateline(args)
    again = snapshot(db)
    landed = snap["landed"]
    outcomes = {}
    for item in expected:
        found = landed.get(item.origin, [])
        outcomes[item.origin] = found[0] if len(found) == 1 else ("lost" if not found else "several: " + ", ".join(found))
    return ModeResult(mode, (first.returncode, second.returncode), seconds, snap, again,
                      first.stderr + "\n" + second.stderr, outcomes)


def kill_and_rerun(work: Path, extra: list[str]) -> dict[str, object]:
    """``kill -9`` an ingest after its second commit, run it again, compare with a clean run."""
    corpus = work / "kill" / "stories.jsonl"
    corpus.parent.mkdir()
    with corpus.open("w", encoding="utf-8") as out:
        for i in range(48):
            out.write(json.dumps({"id": f"k-{i}", "text": f"Story {i}. " + STORIES[i % len(STORIES)]}) + "\n")
    args = ["ingest", str(corpus), "--no-places", "--no-progress", "--commit-every", "2", *extra]
    clean, killed = work / "clean.db", work / "killed.db"
    _dateline([*args, "--db", str(clean)], check=True)
    proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", *args, "--db", str(killed)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    stored_when_killed = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if killed.exists():
            try:
                with sqlite3.connect(killed, timeout=1) as con:
                    stored_when_killed = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                pass
            if stored_when_killed >= 4:
                break
        time.sleep(0.05)
    killed_in_time = proc.poll() is None
    if killed_in_time:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    after_kill = snapshot(killed)
    rerun = _dateline([*args, "--db", str(killed)])
    end, reference = snapshot(killed), snapshot(clean)
    return {"killed": killed_in_time, "stored_when_killed": after_kill["counts"]["articles"],
            "status_after_kill": after_kill["statuses"], "statuses": end["statuses"], "rc": rerun.returncode,
            "same": (end["counts"], end["ids"], end["landed"]) == (reference["counts"], reference["ids"],
                                                                   reference["landed"])}


# -- the report -----------------------------------------------------------------------------------


def _ok(flag: bool) -> str:
    return "yes" if flag else "**NO**"


def render(expected: list[Expected], skipped: list[str], results: list[ModeResult], kill: dict[str, object] | None,
           *, command: str) -> tuple[str, bool]:
    """The Markdown section, and whether every check passed."""
    today = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    passed = True
    lines = ["## Fault tests", "",
             f"Run {today} with `{command}`: a corpus of bad inputs next to good ones (`benchmarks/faults.py` "
             "builds it) through `dateline ingest --no-places --commit-every 4`, each way of running on a new "
             "database, twice. An input is one file, or one line of a JSON Lines file.", "",
             "| input | count | expected | " + " | ".join(r.mode for r in results) + " |",
             "|---|---|---|" + "---|" * len(results)]
    kinds: dict[tuple[str, str], list[Expected]] = {}
    for item in expected:
        kinds.setdefault((item.kind, item.outcome), []).append(item)
    for (kind, outcome), items in kinds.items():
        cells = []
        for result in results:
            got = [result.outcomes[i.origin] for i in items]
            right = all(g == outcome for g in got)
            passed &= right
            cells.append("ok" if right else "**" + ", ".join(sorted(set(got))) + "**")
        shown = outcome if outcome in ("stored", "duplicate") else f"error: {outcome}"
        lines.append(f"| {kind} | {len(items)} | {shown} | " + " | ".join(cells) + " |")
    lines.append(f"| file of another extension | {len(skipped)} | named in the summary | "
                 + " | ".join("ok" if all(Path(p).name in r.output for p in skipped) else "**not named**"
                              for r in results) + " |")
    lines += ["", "| check | " + " | ".join(r.mode for r in results) + " |", "|---|" + "---|" * len(results)]

    def row(label: str, values: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    n_in = len(expected)
    row("articles in", [str(n_in)] * len(results))
    row("articles stored", [str(r.snap["counts"]["articles"]) for r in results])
    row("duplicates recorded", [str(r.snap["counts"]["duplicates"]) for r in results])
    row("errors recorded", [str(r.snap["counts"]["errors"]) for r in results])
    balance = [r.snap["counts"]["articles"] + r.snap["counts"]["duplicates"] + r.snap["counts"]["errors"] == n_in
               for r in results]
    row("in = stored + duplicates + errors", [_ok(b) for b in balance])
    lost = [sum(1 for o in r.outcomes.values() if o == "lost") for r in results]
    extra = [len(set(r.snap["landed"]) - {e.origin for e in expected}) for r in results]
    row("inputs lost", [str(n) if n == 0 else f"**{n}**" for n in lost])
    row("records nobody expected", [str(n) if n == 0 else f"**{n}**" for n in extra])
    rerun = [r.again["counts"] == r.snap["counts"] and r.again["ids"] == r.snap["ids"]
             and r.again["landed"] == r.snap["landed"] for r in results]
    row("re-running adds nothing", [_ok(b) for b in rerun])
    codes = [r.rc == (0, 0) and r.again["statuses"] == ["finished", "finished"] for r in results]
    row("exit codes 0, runs finished", [_ok(b) for b in codes])
    row("seconds (first run)", [f"{r.seconds:.0f}" for r in results])
    passed &= all(balance) and not any(lost) and not any(extra) and all(rerun) and all(codes)
    if kill is not None:
        good = bool(kill["killed"] and kill["same"] and kill["rc"] == 0
                    and kill["statuses"] == ["interrupted", "finished"])
        passed &= good
        lines += ["", f"`kill -9` during an ingest of 48 articles (`--commit-every 2`), after "
                      f"{kill['stored_when_killed']} were stored; the run was left `{kill['status_after_kill'][-1]}`. "
                      f"Run again: the killed run is marked `{kill['statuses'][0]}`, the new one "
                      f"`{kill['statuses'][-1]}`, and the database is {'the same as' if kill['same'] else '**not**'} "
                      f"that of a clean run: {_ok(good)}."]
    lines += ["", f"All checks passed: {_ok(passed)}."]
    return "\n".join(lines) + "\n", passed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--modes", default=",".join(MODES), help=f"comma list of {', '.join(MODES)}")
    ap.add_argument("--no-kill", action="store_true", help="skip the kill -9 test")
    ap.add_argument("--model", default=None)
    ap.add_argument("--keep", type=Path, help="build the corpus and databases here, and keep them")
    ap.add_argument("--write", action="store_true", help="put the tables into --output")
    ap.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    args = ap.parse_args(argv)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        ap.error(f"unknown mode(s) {', '.join(unknown)}")
    extra = ["--model", args.model] if args.model else []
    with tempfile.TemporaryDirectory(prefix="dateline-faults-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        expected, skipped = build_corpus(work / "corpus")
        results = []
        for mode in modes:
            print(f"faults: {mode} ...", file=sys.stderr, flush=True)
            results.append(run_mode(mode, work / "corpus", expected, work, extra))
        kill = None
        if not args.no_kill:
            print("faults: kill -9 and run again ...", file=sys.stderr, flush=True)
            kill = kill_and_rerun(work, extra)
    given = argv if argv is not None else sys.argv[1:]
    command = "python benchmarks/faults.py" + (" " + shlex.join(given) if given else "")
    section, passed = render(expected, skipped, results, kill, command=command)
    print(section)
    if args.write:
        sys.path.insert(0, str(REPO / "src"))
        from dateline.evaluate import write_section

        write_section(args.output, SECTION, section)
        print(f"faults: wrote the tables into {args.output}", file=sys.stderr)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
