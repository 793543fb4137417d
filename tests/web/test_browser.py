"""The pages in a real browser: headless Chromium from the system's packages, driven by Playwright for
Python (its own browser download is not used). Each page loads; the events list filters and pages
through; an event opens and its mention lands on the highlighted sentence. Screenshots are saved
under the test's temporary folder (kept by pytest for the last runs)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from corpus_stories import STORIES

pytestmark = pytest.mark.slow

PAGES = ("/", "/events", "/quotes", "/actors", "/actors/RUS", "/timeline", "/map", "/network",
         "/articles/afp-kharkiv")


def chromium_path() -> str | None:
    """The system Chromium: $DATELINE_CHROMIUM, else chromium or chromium-browser on the PATH."""
    for candidate in (os.environ.get("DATELINE_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app over the corpus stories, served by uvicorn on a free local port, in a thread."""
    uvicorn = pytest.importorskip("uvicorn")
    from dateline.api.app import create_app
    from dateline.store import Store

    db = tmp_path_factory.mktemp("browser") / "browser.db"
    with Store.open(db) as store:
        store.write_batch(list(STORIES))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    instance = uvicorn.Server(uvicorn.Config(create_app(db), log_level="critical", lifespan="off"))
    thread = threading.Thread(target=instance.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(250):
        if instance.started:
            break
        time.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    instance.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed "
                                                                 "(pip install playwright)")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium browser found: install it (apt-get install chromium) or set DATELINE_CHROMIUM")
    with sync_api.sync_playwright() as playwright:
        # a dead proxy for every other host: a page that reaches for a CDN fails to load it
        instance = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"],
                                              proxy={"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"})
        yield instance
        instance.close()


@pytest.fixture()
def page(browser, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    failed: list[str] = []
    tab = context.new_page()
    tab.on("requestfailed", lambda request: failed.append(request.url))
    tab.shots = tmp_path  # type: ignore[attr-defined]
    yield tab
    context.close()
    assert not failed, f"requests that failed: {failed}"


def _shot(tab, name: str) -> Path:
    path = tab.shots / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000
    return path


@pytest.mark.parametrize("path", PAGES)
def test_each_page_loads(page, server, path):
    response = page.goto(server + path)
    assert response is not None and response.status == 200
    assert page.locator("header a.home").inner_text() == "dateline"
    _shot(page, path.strip("/").replace("/", "_") or "overview")


def test_map_and_network_draw(page, server):
    page.goto(server + "/map")
    assert page.locator("svg.map path.country").count() > 150
    assert page.locator("svg.map circle.dot").count() == 3
    page.goto(server + "/network")
    assert page.locator("svg.network path.edge").count() == 2


def test_filter_the_events_list(page, server):
    page.goto(server + "/events")
    assert page.locator("b.count").first.inner_text() == "4"
    page.select_option("select[name=type]", "ASSAULT")
    page.fill("input[name=actor]", "RUS")
    page.click("form.filters button")
    page.wait_for_load_state()
    assert "type=ASSAULT" in page.url
    assert page.locator("b.count").first.inner_text() == "2"
    assert page.locator("table tr").count() == 3  # the header and two events
    _shot(page, "events_filtered")


def test_page_through_the_events_list(page, server, monkeypatch):
    import dateline.web.pages_corpus as pages

    monkeypatch.setattr(pages, "PER_PAGE", 3)
    page.goto(server + "/events")
    first = page.locator("table tr td:nth-child(4)").all_inner_texts()
    page.locator("a[rel=next]").first.click()
    page.wait_for_load_state()
    assert "offset=3" in page.url and "4–4" in page.locator(".pager .total").first.inner_text()
    second = page.locator("table tr td:nth-child(4)").all_inner_texts()
    assert len(first) == 3 and len(second) == 1 and not set(first) & set(second)
    page.locator("a[rel=prev]").first.click()
    page.wait_for_load_state()
    assert page.locator("table tr td:nth-child(4)").all_inner_texts() == first


def test_open_an_event_and_land_on_its_sentence(page, server):
    page.goto(server + "/events?sort=mentions")
    page.locator("table tr td:nth-child(4) a").first.click()
    page.wait_for_load_state()
    assert "/events/ev-" in page.url
    assert page.locator("h2", has_text="Mentions").inner_text().startswith("Mentions (5)")
    _shot(page, "event")
    mention = page.locator("a.mention").nth(1)
    href = mention.get_attribute("href")
    mention.click()
    page.wait_for_load_state()
    assert page.url.endswith(href.split("/")[-1])
    target = page.locator(".sentence:target")
    assert target.count() == 1 and target.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.sentence:target')).outlineStyle") == "solid"
    assert "struck" in target.inner_text()
    _shot(page, "sentence")


def test_a_place_inside_a_quote_shows_as_both(page, server):
    page.goto(server + "/articles/reuters-kharkiv")
    inner = page.locator("mark.quote mark.place")
    assert inner.count() == 1 and inner.inner_text() == "Kharkiv" and inner.is_visible()
    assert "Kharkiv" in (inner.get_attribute("title") or "")
    _shot(page, "article_overlap")
