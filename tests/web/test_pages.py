"""The pages, in process: each answers, filters and pages, links an event's mentions to their
sentences, shows overlapping spans, and loads nothing from another host."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")
from corpus_stories import AFP, STORIES  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from dateline.api.app import create_app  # noqa: E402
from dateline.store import Store  # noqa: E402
from dateline.web.pages import marked_text  # noqa: E402
from dateline.web.worldmap import outlines  # noqa: E402

PAGES = ("/", "/?q=Kharkiv", "/events", "/quotes", "/quotes?speaker=Dmitry+Peskov", "/actors", "/actors/RUS",
         "/actors/Dmitry%20Peskov", "/timeline", "/timeline?interval=day", "/map", "/network",
         "/articles/afp-kharkiv", "/articles/web-kharkiv")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("pages") / "pages.db"
    with Store.open(db) as store:
        store.write_batch(list(STORIES))
    return TestClient(create_app(db))


@pytest.mark.parametrize("path", PAGES)
def test_page_answers_and_loads_nothing_from_elsewhere(client, path):
    page = client.get(path)
    assert page.status_code == 200, path
    assert not re.search(r"""(src|href)=['"]?(https?:)?//""", page.text), path
    assert "<script" not in page.text


def test_events_list_filters_and_pages(client):
    assert ">4</b>" in client.get("/events").text
    assaults = client.get("/events", params={"type": "ASSAULT", "quad": "4"}).text
    assert "Showing <b>1</b>–<b>2</b> of <b class=count>2</b>" in assaults and "talks" not in assaults
    assert "No events match" in client.get("/events", params={"text": "no such words"}).text
    assert "is not a QuadClass" in client.get("/events", params={"quad": "9"}).text


def test_events_list_pages_through(client, monkeypatch):
    import dateline.web.pages_corpus as pages

    monkeypatch.setattr(pages, "PER_PAGE", 3)
    first = client.get("/events").text
    assert "of <b class=count>4</b>" in first and "rel=next" in first and "rel=prev" not in first
    second = client.get("/events", params={"offset": 3}).text
    assert "<b>4</b>–<b>4</b>" in second and "rel=prev" in second and "rel=next" not in second


def test_event_page_links_each_mention_to_its_sentence(client):
    top = client.get("/api/corpus/events", params={"sort": "mentions", "limit": 1}).json()["rows"][0]
    page = client.get(f"/events/{top['id']}").text
    links = re.findall(r"href='/articles/([^'#]+)#s-(\d+)'", page)
    assert len(links) == 5 and "rewrite of afp-kharkiv" in page
    for article, start in links:
        assert f"id=s-{start}>" in client.get(f"/articles/{article}").text
    assert client.get("/events/ev-none").status_code == 404


def test_overlapping_spans_both_show():
    text = 'He said "Troops left Kharkiv today" at noon.'
    quote = (text.index("Troops"), text.index(" at noon") - 1, "quote", "direct quote")
    place = (text.index("Kharkiv"), text.index("Kharkiv") + 7, "place", "Kharkiv")
    html = marked_text(text, [quote, place])
    assert "<mark class=quote title='direct quote'><mark class=place title='Kharkiv'>Kharkiv</mark></mark>" in html
    assert re.sub(r"<[^>]+>", "", html) == text.replace('"', "&quot;")


def test_marked_text_escapes_and_marks_sentences():
    html = marked_text("a <b> c. Next.", [(2, 5, "actor", "x")], sentences=[(0, 8), (9, 14)])
    assert html == ("<span class=sentence id=s-0>a <mark class=actor title='x'>&lt;b&gt;</mark> c.</span> "
                    "<span class=sentence id=s-9>Next.</span>")


def test_article_page_marks_a_place_inside_a_quote(client):
    page = client.get(f"/articles/{AFP.id}").text
    assert "class=sentence id=s-" in page and "<mark class=quote" in page
    assert client.get("/articles/web-kharkiv").text.count("A rewrite of") == 1


def test_map_draws_country_outlines_from_an_installed_package(client):
    assert len(outlines()) > 150 and "UKR" in outlines()
    page = client.get("/map").text
    assert page.count("class=country") > 150 and page.count("class=dot") == 3


def test_network_and_timeline_draw(client):
    assert client.get("/network").text.count("class=edge") == 2
    timeline = client.get("/timeline").text
    assert "class=bar" in timeline and "<polyline class=line" in timeline


@pytest.mark.parametrize("path", ("/timeline", "/map", "/network", "/actors/RUS"))
def test_svg_elements_close(client, path):
    """An unquoted value before ``/>`` swallows the slash in HTML: the element stays open and hides the next."""
    assert not re.search(r"=[^'\" >]+/>", client.get(path).text)


def test_timeline_draws_the_latest_periods_of_a_long_range(client, monkeypatch):
    from dateline.web import pages_charts

    full = client.get("/timeline?interval=day").text
    assert "are drawn" not in full
    monkeypatch.setattr(pages_charts, "MAX_PERIODS", 1)
    capped = client.get("/timeline?interval=day").text
    assert "The last 1 of 2 days are drawn" in capped
    assert capped.count("<td>2024-03-06</td>") == 1 and "<td>2024-03-04</td>" not in capped
