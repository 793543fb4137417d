"""Take the README's screenshots of the pages over a database (the demo database by default).

    make demo                                   # builds dateline.db from examples/corpus
    .venv/bin/python docs/screenshots/take.py --db dateline.db

Serves the database on 127.0.0.1 and drives the system Chromium with Playwright (as the browser
tests do); writes docs/screenshots/*.png.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHOTS = (("events", "/events"), ("event", "{event}"), ("article", "{article}"), ("timeline", "/timeline"),
         ("map", "/map"), ("network", "/network"), ("actor", "/actors/RUS"), ("quotes", "/quotes"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="dateline.db")
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    args = parser.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from dateline.api.app import create_app
    from dateline.store import Store

    with Store.open(args.db, create=False, readonly=True) as store:
        event = store.corpus.events(limit=1, sort="mentions")[0][0]
    fill = {"event": f"/events/{event['id']}", "article": f"/articles/{event['article_id']}#s-0"}
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), log_level="critical", lifespan="off"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            for name, path in SHOTS:
                page.goto(base + path.format(**fill))
                page.screenshot(path=str(args.out / f"{name}.png"))
                print(args.out / f"{name}.png")
            browser.close()
    finally:
        server.should_exit = True


if __name__ == "__main__":
    main()
