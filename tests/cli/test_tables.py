"""The events table: status shown, widths fitted to the terminal, the day apart from the TIMEX value,
implied sources filtered out; ``--format json`` one document and ``jsonl`` one row per line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.cli.browse import fit_widths
from dateline.records import Actor, Article, Event, Span
from dateline.store import Store

TEXT = ("LIMA, April 2. /WIRE/. The Peruvian Ministry of Foreign Affairs did not condemn the raid. "
        "A bombing near Ayacucho killed four people. Talks may resume next week. Rebels attacked a post in 2016.")


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part), part)


def _articles() -> list[Article]:
    m, r = _span("The Peruvian Ministry of Foreign Affairs"), _span("Rebels")
    ministry = Actor(m.start, m.end, m.text, "Peruvian Ministry of Foreign Affairs", "PER", "GOV", "organization")
    rebels = Actor(r.start, r.end, r.text, "Rebels", "PER", "REB", "group")
    implied = Actor(None, None, None, "Peru", "PER", None, "implied")
    sentence = _span("The Peruvian Ministry of Foreign Affairs did not condemn the raid.")
    events = (
        Event("ACCUSE", _span("condemn"), sentence, source=(ministry,), status="negated", date="PAST_REF",
              cameo="111", quad=3, goldstein=-2.0),
        Event("ASSAULT", _span("bombing"), _span("A bombing near Ayacucho killed four people."), source=(implied,),
              date="2020-04-02", cameo="183", quad=4, goldstein=-10.0, confidence=0.8),
        Event("CONSULT", _span("Talks"), _span("Talks may resume next week."), status="hypothetical",
              date="2020-W15", cameo="040", quad=1, goldstein=1.0),
        Event("ASSAULT", _span("attacked"), _span("Rebels attacked a post in 2016."), source=(rebels,),
              date="2016-05-06TAF", cameo="190", quad=4, goldstein=-10.0, confidence=0.3),
    )
    return [Article(id="lima-2020-04-02-ministry-statement", text=TEXT, published="2020-04-02", source="WIRE",
                    body=Span(23, len(TEXT), TEXT[23:]), actors=(ministry, rebels), events=events)]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "tables.db"
    with Store.open(path) as store:
        store.write_batch(_articles())
    return str(path)


def run(*args: str, columns: int | None = None):
    env = {"COLUMNS": str(columns)} if columns else {}
    return CliRunner(env=env).invoke(main, list(args), catch_exceptions=False)


def _table(output: str) -> list[dict[str, str]]:
    """The rows of a printed table, cut at the header's column starts."""
    lines = output.splitlines()
    header, rule = lines[0], lines[1]
    starts = [i for i, c in enumerate(rule) if c == "-" and (i == 0 or rule[i - 1] == " ")]
    names = [header[a:b].strip() for a, b in zip(starts, starts[1:] + [None])]
    return [{n: line[a:b].strip() for n, a, b in zip(names, starts, starts[1:] + [None])} for line in lines[2:]]


def test_events_table_shows_status_day_and_timex_apart(db):
    rows = _table(run("events", "--db", db, columns=160).output)
    by_type = {(r["type"], r["status"]): r for r in rows}
    assert set(rows[0]) >= {"day", "timex", "status", "who", "whom"}
    assert by_type[("ACCUSE", "negated")]["day"] == "" and by_type[("ACCUSE", "negated")]["timex"] == "PAST_REF"
    assert by_type[("CONSULT", "hypothetical")]["timex"] == "2020-W15"
    assert {r["day"]: r["timex"] for r in rows if r["type"] == "ASSAULT"} == {"2020-04-02": "",
                                                                           "2016-05-06": "2016-05-06TAF"}


def test_a_wide_terminal_shows_whole_names(db):
    wide = run("events", "--db", db, columns=200).output
    assert "PER Peruvian Ministry of Foreign Affairs" in wide
    assert "lima-2020-04-02-ministry-statement" in wide
    assert max(len(line) for line in wide.splitlines()) <= 200


@pytest.mark.parametrize("columns", [80, 100, 120])
def test_tables_fit_the_terminal(db, columns):
    for command in ("events", "articles", "quotes", "actors"):
        output = run(command, "--db", db, columns=columns).output
        assert max(len(line) for line in output.splitlines()) <= columns, (command, columns)
    assert "hypothetical" in run("events", "--db", db, columns=100).output  # status is never cut at 100


def test_without_a_terminal_tables_are_100_wide(db, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    output = CliRunner().invoke(main, ["events", "--db", db]).output
    assert max(len(line) for line in output.splitlines()) <= 100


def test_fit_widths_shrinks_the_widest_column_first():
    rows = [{"a": "x" * 30, "b": "y" * 10, "c": "zz"}]
    assert fit_widths(rows, [("a", 5, 40), ("b", 5, 40), ("c", 2, 2)], 200) == [30, 10, 2]
    assert fit_widths(rows, [("a", 5, 40), ("b", 5, 40), ("c", 2, 2)], 30) == [14, 10, 2]
    assert fit_widths(rows, [("a", 5, 40), ("b", 5, 40), ("c", 2, 2)], 5) == [5, 5, 2]  # never below the floor


def test_no_implied_drops_implied_sources(db):
    every = [json.loads(line) for line in run("events", "--db", db, "--format", "jsonl").output.splitlines()]
    named = [json.loads(line) for line in
             run("events", "--db", db, "--format", "jsonl", "--no-implied").output.splitlines()]
    assert len(every) == 4 and len(named) == 3
    assert all(a.get("kind") != "implied" for row in named for a in row["source"])


def test_min_confidence_keeps_the_events_at_least_that_sure(db):
    sure = [json.loads(line) for line in
            run("events", "--db", db, "--format", "jsonl", "--min-confidence", "0.5").output.splitlines()]
    assert [row["trigger"] for row in sure] == ["bombing"]  # no confidence counts as 0
    assert run("events", "--db", db, "--min-confidence", "2").exit_code == 2


def test_json_is_one_document_and_jsonl_one_row_per_line(db):
    document = json.loads(run("events", "--db", db, "--format", "json").output)
    lines = run("events", "--db", db, "--format", "jsonl").output.splitlines()
    assert isinstance(document, list) and document == [json.loads(line) for line in lines]
    assert document[0]["day"] is not None or document[0]["event_date"] is not None


def test_stats_json_and_jsonl_are_one_object(db):
    document = json.loads(run("stats", "--db", db, "--format", "json").output)
    line = run("stats", "--db", db, "--format", "jsonl").output.strip()
    assert "\n" not in line and json.loads(line) == document and document["articles"] == 1
