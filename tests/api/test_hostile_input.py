"""The API under hostile or odd input: every answer is 2xx or 4xx with the JSON error shape, never a
5xx, the connection stays open, the database is only read, extraction is capped, /docs works offline."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from dateline.api.app import DOCS_ASSETS, create_app  # noqa: E402
from dateline.records import Actor, Article, Event, Span, span_of  # noqa: E402
from dateline.settings import Settings  # noqa: E402
from dateline.store import Store  # noqa: E402

TEXT = ("ANKARA, May 3. /TASS/. Turkey shelled Syrian positions, the ministry said. \"We acted,\" Akar said. "
        "A bombing near Samarra killed four people.")

#: Hostile and odd values, sent raw (already URL-encoded) as every parameter of every list endpoint.
PAYLOADS: tuple[str, ...] = (
    "", "%20", "%00", "a%00b", "%01", "%7F", "%FF", "%ED%B2%80", "%F0%9F%98%80", "'", "%22", "%22unterminated",
    "%25", "_", "%5C", "*", "(", ")", "NEAR(", "AND", "OR%20NOT", "-", "-1", "0", "1e3", "1e309", "NaN",
    "true", "null", "9223372036854775807", "9223372036854775808", "18446744073709551616", "-9223372036854775809",
    "99999999999999999999999999999999", "2020-13-45", "2023-02-30", "0000-00-00", "2019-10-14T25:99",
    "russia", "RUS,", "RUS," * 200, ",,,", "BOMBING", "maybe", "%27%20OR%201%3D1%20--", "%3Cscript%3E",
    "..%2F..%2Fetc%2Fpasswd", "%7B%22%24gt%22%3A1%7D", "x" * 1001, "a" * 60000,
)

LIST_ENDPOINTS = ("/api/articles", "/api/events", "/api/quotes", "/api/actors")


def _article() -> Article:
    turkey = Actor(23, 29, "Turkey", "Turkey", "TUR", "GOV", "state")
    syria = Actor(38, 54, "Syrian positions", "Syrian military", "SYR", "MIL", "group")
    iraq = Actor(None, None, None, "Iraq", "IRQ", None, "implied")
    shelled = Event(type="ASSAULT", trigger=span_of(TEXT, 30, 37), sentence=span_of(TEXT, 23, 74),
                    source=(turkey,), target=(syria,), date="2019-05-02", cameo="195", quad=4, goldstein=-10.0)
    start = TEXT.index("A bombing")
    bombing = Event(type="ASSAULT", trigger=span_of(TEXT, start + 2, start + 9),
                    sentence=span_of(TEXT, start, len(TEXT)), source=(iraq,), date="2019-05-03TAF", cameo="183",
                    quad=4, goldstein=-10.0)
    return Article(id="a-1", text=TEXT, published="2019-05-03", source="TASS", title="Turkey shells Syria",
                   body=Span(0, len(TEXT), TEXT), actors=(turkey, syria), events=(shelled, bombing))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("api") / "api.db"
    with Store.open(path) as store:
        store.write_batch([_article()])
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db), raise_server_exceptions=False)


def _parameters(app, path: str) -> list[str]:
    return [p["name"] for p in app.openapi()["paths"][path]["get"].get("parameters", [])]


def _urls(app, *, every_parameter: bool = True) -> list[str]:
    """Each payload in each parameter of each list endpoint (or, when not ``every_parameter``, each
    payload once per endpoint, in a parameter that rotates with the payload)."""
    urls = [f"/?q={value}" for value in PAYLOADS]
    for path in LIST_ENDPOINTS:
        names = _parameters(app, path)
        for i, value in enumerate(PAYLOADS):
            chosen = names if every_parameter else [names[i % len(names)]]
            urls.extend(f"{path}?{name}={value}" for name in chosen)
    return urls


def _check_answer(status: int, body: bytes, url: str) -> None:
    assert status < 500, f"{status} for {url[:120]}"
    if status >= 400:
        error = json.loads(body)["error"]
        assert error["status"] == status and error["type"] and error["message"], url[:120]


@pytest.mark.slow  # over a thousand requests
def test_payload_list_in_process(client):
    """Each hostile value in each parameter of each list endpoint: 2xx or 4xx with the JSON error shape."""
    urls = _urls(client.app)
    assert len(urls) > 1000
    for url in urls:
        response = client.get(url)
        _check_answer(response.status_code, response.content, url)


@pytest.fixture(scope="module")
def server(db):
    """The app served by uvicorn on a free local port, in a thread."""
    uvicorn = pytest.importorskip("uvicorn")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(db), log_level="critical", lifespan="off")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if instance.started:
            break
        time.sleep(0.02)
    yield sock.getsockname()[1]
    instance.should_exit = True
    thread.join(timeout=5)


@pytest.mark.slow  # over a thousand requests
def test_payload_list_over_one_kept_alive_connection(server, client):
    """The same list against a real server: no answer closes the connection (a 500 used to reset it)."""
    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=10)
    conn.request("GET", "/api/stats")
    conn.getresponse().read()
    first_socket = conn.sock
    for url in _urls(client.app, every_parameter=False):
        if len(url) > 12_000:  # longer request lines are refused by the HTTP layer before the app
            continue
        conn.request("GET", url)
        response = conn.getresponse()
        body = response.read()
        _check_answer(response.status, body, url)
        assert not response.will_close and conn.sock is first_socket, f"connection closed after {url[:120]}"
    conn.close()


@pytest.mark.parametrize("url, parameter", [
    ("/api/articles?search=%00", "search"),
    ("/?q=%00", "search"),
    ("/api/articles?offset=9223372036854775808", "offset"),
    ("/api/quotes?speaker=" + "a" * 60000, "speaker"),
    ("/api/quotes?search=" + "a" * 60000, "search"),
    ("/api/actors?name=" + "a" * 60000, "name"),
    ("/api/events?source=russia", "source"),
    ("/api/events?type=BOMBING", "type"),
    ("/api/events?status=maybe", "status"),
    ("/api/events?since=2020-13-45", "since"),
    ("/api/events?until=2023-02-30", "until"),
    ("/api/actors?sector=%25", "sector"),
])
def test_bad_parameters_are_400_naming_the_parameter(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "invalid-parameter" and error["message"].startswith(parameter + ":")


def test_api_and_cli_judge_a_value_alike(client, db):
    from click.testing import CliRunner

    from dateline.cli import main

    for option, value in (("source", "russia"), ("type", "BOMBING"), ("status", "maybe"), ("since", "2023-02-30")):
        api = client.get("/api/events", params={option: value})
        cli = CliRunner().invoke(main, ["events", "--db", str(db), f"--{option}", value])
        assert api.status_code == 400 and cli.exit_code == 2
        problem = api.json()["error"]["message"].split(": ", 1)[1]
        assert problem in " ".join(cli.output.split())
    for option, value in (("source", "tur"), ("type", "assault"), ("status", "Asserted"), ("since", "2019-05")):
        api = client.get("/api/events", params={option: value})
        cli = CliRunner().invoke(main, ["events", "--db", str(db), f"--{option}", value, "--format", "jsonl"])
        assert api.status_code == 200 and cli.exit_code == 0
        assert len(api.json()["rows"]) == len(cli.output.splitlines()) > 0


def test_unexpected_errors_answer_in_the_json_shape(db, monkeypatch):
    from dateline.store import queries

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(queries, "stats", broken)
    response = TestClient(create_app(db), raise_server_exceptions=False).get("/api/stats")
    assert response.status_code == 500
    assert response.json()["error"]["type"] == "internal-error" and "boom" not in response.text


def test_implied_sources_can_be_dropped(client):
    every = client.get("/api/events").json()["rows"]
    named = client.get("/api/events", params={"implied": "false"}).json()["rows"]
    assert len(every) == 2 and [r["trigger"] for r in named] == ["shelled"]


def test_event_rows_carry_the_day_apart_from_the_timex(client):
    rows = {r["trigger"]: r for r in client.get("/api/events").json()["rows"]}
    assert rows["bombing"]["event_date"] == "2019-05-03TAF" and rows["bombing"]["day"] == "2019-05-03"
    assert rows["shelled"]["day"] == "2019-05-02"


# -- the database is only read ------------------------------------------------------------------

def test_serving_opens_the_database_read_only(tmp_path):
    path = tmp_path / "ro.db"
    with Store.open(path) as store:
        store.write_batch([_article()])
    before = sorted(p.name for p in tmp_path.iterdir())
    assert before == ["ro.db"]  # the writer leaves no -wal/-shm behind
    mtime = path.stat().st_mtime_ns
    client = TestClient(create_app(path))
    assert client.get("/api/events").status_code == 200 and client.get("/").status_code == 200
    assert sorted(p.name for p in tmp_path.iterdir()) == before and path.stat().st_mtime_ns == mtime


def test_read_only_store_refuses_writes_and_old_schemas(tmp_path):
    import sqlite3

    from dateline.errors import StoreError

    path = tmp_path / "ro.db"
    with Store.open(path) as store:
        store.write_batch([_article()])
    with Store.open(path, readonly=True) as store:
        assert store.events(limit=1)
        with pytest.raises(sqlite3.OperationalError):
            store.connection.execute("DELETE FROM articles")
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA application_id = 1145851461")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("CREATE TABLE articles (id TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="older"):
        Store.open(old, readonly=True)


def test_an_empty_database_file_is_a_503_not_a_crash(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    response = TestClient(create_app(path)).get("/api/events")
    assert response.status_code == 503 and response.json()["error"]["type"] == "no-database"


# -- POST /api/extract is capped ---------------------------------------------------------------

def test_extract_text_over_the_cap_is_413_without_parsing(tmp_path, monkeypatch):
    app = create_app(tmp_path / "none.db", settings=Settings(extract_max_chars=50))
    monkeypatch.setattr(app.state.dateline, "analyse", lambda source: pytest.fail("parsed"))
    response = TestClient(app).post("/api/extract", json={"text": "x" * 51})
    assert response.status_code == 413 and response.json()["error"]["type"] == "too-large"
    assert "50" in response.json()["error"]["message"]


def test_extract_body_far_over_the_cap_is_refused_before_it_is_read(tmp_path):
    app = create_app(tmp_path / "none.db", settings=Settings(extract_max_chars=10))
    body = json.dumps({"text": "x" * 200_000})
    response = TestClient(app).post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "bytes" in response.json()["error"]["message"]


def test_extract_can_be_turned_off(tmp_path):
    app = create_app(tmp_path / "none.db", settings=Settings(extract_max_chars=0))
    response = TestClient(app).post("/api/extract", json={"text": "Turkey shelled Syria."})
    assert response.status_code == 403 and response.json()["error"]["type"] == "forbidden"


def test_default_extract_cap_is_100k():
    assert Settings().extract_max_chars == 100_000


def test_serve_has_the_cap_as_an_option():
    from click.testing import CliRunner

    from dateline.cli import main

    result = CliRunner().invoke(main, ["serve", "--help"])
    assert "--extract-max-chars" in result.output and "read-only" in result.output


# -- /docs works offline -----------------------------------------------------------------------

def test_docs_page_loads_its_assets_from_this_server(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert "http://" not in page.text and "https://" not in page.text  # no CDN, no remote favicon
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert f"{DOCS_ASSETS}/{asset}" in page.text
        response = client.get(f"{DOCS_ASSETS}/{asset}")
        assert response.status_code == 200 and len(response.content) > 10_000
    redoc = client.get("/redoc")
    assert redoc.status_code == 200 and f"{DOCS_ASSETS}/redoc.standalone.js" in redoc.text
    assert "cdn." not in redoc.text and "fonts.googleapis" not in redoc.text


@pytest.mark.slow
def test_docs_render_in_headless_chromium_without_a_network(server):
    """Swagger UI draws every route with the network cut off (a dead proxy stands for any CDN)."""
    import shutil
    import subprocess

    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("no Chromium installed (apt-get install chromium)")
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
         "--proxy-bypass-list=127.0.0.1", "--virtual-time-budget=8000", "--dump-dom",
         f"http://127.0.0.1:{server}/docs"], capture_output=True, text=True, timeout=120).stdout
    for path in LIST_ENDPOINTS + ("/api/extract",):
        assert f'data-path="{path}"' in dom, path
