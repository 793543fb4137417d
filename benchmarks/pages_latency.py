"""Page and API latency on a big store: 50,000 articles made of repeated real articles.

Real articles — the bundled example corpus and the news articles of ../shared/eval/gold (places,
quotes and times sets, which are real wire and web copy) — are parsed once by ``dateline extract``
(cached under --work). Their records are then written again and again straight into a new store,
each copy under a new id, with every date shifted (copy k by k × 9 days plus a day per article) and a
line "(copy k)" added at the end of its text (an exact repeat would be stored as a duplicate),
until the store holds --articles articles: no 50,000 parses. The corpus view is built as ``ingest``
builds it, timed, and then each page and API call is requested --repeat times over HTTP from a
uvicorn server on 127.0.0.1, one request at a time; the table gives p50 and p99 in milliseconds.

    python benchmarks/pages_latency.py                       # 50,000 articles, the table on stdout
    python benchmarks/pages_latency.py --articles 5000 --repeat 20
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "gold"
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")

PAGES = ("/", "/?q=minister", "/events", "/events?type=ASSAULT", "/events?quad=4&country=UKR", "/events?text=police",
         "/events?offset=20000", "/events?sort=mentions", "{event}", "{article}", "/quotes", "/quotes?speaker=Peskov",
         "/actors", "/actors/RUS", "/timeline", "/timeline?interval=day", "/map", "/network")
API = ("/api/corpus/events", "/api/corpus/events?type=ASSAULT&since=2020-01-01", "/api/corpus/counts?by=type",
       "/api/corpus/counts?interval=week&by=dyad", "/api/corpus/network", "/api/corpus/actors/RUS", "{api_event}",
       "/api/articles", "/api/articles?search=minister", "/api/events?type=ASSAULT", "/api/quotes?speaker=Peskov",
       "/api/actors")


def base_records(work: Path, limit: int) -> list[dict[str, Any]]:
    """The parsed real articles (parsed once, then read from the cache)."""
    cache = work / "base.jsonl"
    if not cache.exists():
        inputs = work / "inputs.jsonl"
        rows = []
        for line in (ROOT / "examples" / "corpus" / "wires.jsonl").read_text(encoding="utf-8").splitlines():
            rows.append(json.loads(line))
        for name in ("gwn_places.jsonl", "polnear_quotes.jsonl", "tbaq_times.jsonl", "seeds.jsonl"):
            path = GOLD / name
            if path.exists():
                for line in path.read_text(encoding="utf-8").splitlines()[: limit // 3]:
                    gold = json.loads(line)
                    rows.append({k: gold.get(k) for k in ("id", "text", "published", "source", "title")})
        rows = [r for r in rows if r.get("text")][:limit]
        inputs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"parsing {len(rows)} real articles once (cached in {cache}) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "dateline", "extract", str(inputs), "--with-text", "-o", str(cache),
                        "--no-progress", "--published", "2021-06-01"], check=True)
    records = [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if r.get("text") and "reason" not in r]


def _shift(value: Any, days: int, key: str = "") -> Any:
    """Shift every ISO day inside a record (article, dateline, events, quotes, times) by ``days``;
    texts, ids, titles and URLs are left as they are."""
    if isinstance(value, str):
        match = _DAY.match(value)
        if not match or key in ("text", "id", "title", "url"):
            return value
        try:
            day = dt.date.fromisoformat(match.group(1)) + dt.timedelta(days=days)
        except ValueError:
            return value
        return day.isoformat() + value[10:]
    if isinstance(value, list):
        return [_shift(v, days, key) for v in value]
    if isinstance(value, dict):
        return {k: _shift(v, days, k) for k, v in value.items()}
    return value


def build(db: Path, records: list[dict[str, Any]], articles: int) -> dict[str, float]:
    """A store of ``articles`` copies of ``records``; returns the seconds to write and to group."""
    from dateline.store import Store

    if db.exists():
        db.unlink()
    started = time.perf_counter()
    with Store.open(db) as store:
        batch, written, copy = [], 0, 0
        while written < articles:
            for i, record in enumerate(records):
                if written >= articles:
                    break
                shifted = _shift(dict(record), copy * 9 + i % 9)
                shifted["id"] = f"{record['id']}~{copy}"
                # a line of its own at the end (offsets stay valid), or the store would take every copy
                # for an exact duplicate of the first and keep none of them
                shifted["text"] = record["text"] + f"\n\n(copy {copy})"
                batch.append(shifted)
                written += 1
                if len(batch) >= 2000:
                    store.write_batch(batch)
                    batch = []
            copy += 1
        if batch:
            store.write_batch(batch)
        wrote = time.perf_counter() - started
        started = time.perf_counter()
        result = store.refresh_corpus()
        grouped = time.perf_counter() - started
        summary = store.corpus.summary()
    print(f"built {articles:,} articles in {wrote:.0f} s; grouped {summary['events']:,} corpus events from "
          f"{result.get('mentions', 0):,} mentions in {grouped:.1f} s; {summary['near_duplicates']:,} near duplicates",
          file=sys.stderr)
    return {"write_seconds": round(wrote, 1), "group_seconds": round(grouped, 1), **summary}


def serve(db: Path) -> tuple[int, Any]:
    import uvicorn

    from dateline.api.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="critical", lifespan="off"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return sock.getsockname()[1], server


def measure(port: int, paths: list[str], repeat: int) -> list[dict[str, Any]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    rows = []
    for path in paths:
        times, size = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            times.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                raise SystemExit(f"{path}: {response.status} {body[:200]!r}")
            size = len(body)
        times.sort()
        p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
        rows.append({"path": path, "p50": statistics.median(times), "p99": p99, "kb": size / 1024})
        print(f"{path}: p50 {rows[-1]['p50']:.0f} ms, p99 {p99:.0f} ms", file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--base", type=int, default=150, help="real articles to parse and repeat")
    parser.add_argument("--repeat", type=int, default=40, help="requests per page")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pages_latency")
    parser.add_argument("--reuse", action="store_true", help="measure the store built last time (migrated to "
                                                              "this schema first)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / f"store-{args.articles}.db"
    facts: dict[str, Any] = {}
    from dateline.store import Store

    if not (args.reuse and db.exists()):
        facts = build(db, base_records(args.work, args.base), args.articles)
    else:  # a store of an older schema is brought up to date (and regrouped if stale) before it is served
        started = time.perf_counter()
        Store.open(db, create=False).close()
        facts = {"opened_seconds": round(time.perf_counter() - started, 1)}

    with Store.open(db, create=False, readonly=True) as store:
        event = store.corpus.events(limit=1, sort="mentions")[0][0]
        article = event["article_id"]
    fill = {"event": f"/events/{event['id']}", "article": f"/articles/{article}",
            "api_event": f"/api/corpus/events/{event['id']}"}
    port, server = serve(db)
    try:
        rows = measure(port, [p.format(**fill) for p in PAGES], args.repeat)
        api = measure(port, [p.format(**fill) for p in API], args.repeat)
    finally:
        server.should_exit = True
    print(f"\n{args.articles:,} articles; {json.dumps(facts)}\n")
    print("| request | p50 ms | p99 ms | KiB |\n| --- | ---: | ---: | ---: |")
    for row in rows + api:
        path = re.sub(r"ev-[0-9a-f]{16}(-\d+)?", "ID", row["path"])
        path = path if not path.startswith("/articles/") else "/articles/ID"
        print(f"| `{path}` | {row['p50']:.0f} | {row['p99']:.0f} | {row['kb']:.0f} |")


if __name__ == "__main__":
    main()
