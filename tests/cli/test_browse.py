"""The browsing verbs with click's CliRunner: output, exit codes and messages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.records import Actor, Article, Dateline, Event, Failure, Quote, Span
from dateline.store import Store

TEXT_1 = ("LIMA, April 2. /WIRE/. Peruvian troops clashed with rebels in the highlands near Ayacucho. "
          "\"The operation will continue until the last armed group is gone from the valley,\" "
          "Defence Minister Walter Martos said.")
TEXT_2 = "OSLO, Jan 5. /WIRE/. Norway offered to host peace talks between the two sides."


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def _actor(text: str, part: str, name: str, country: str, sector: str) -> Actor:
    s = _span(text, part)
    return Actor(s.start, s.end, s.text, name, country, sector)


def _articles() -> list[Article | Failure]:
    troops = _actor(TEXT_1, "Peruvian troops", "Peruvian troops", "PER", "MIL")
    rebels = _actor(TEXT_1, "rebels", "rebels", "PER", "REB")
    minister = _actor(TEXT_1, "Walter Martos", "Walter Martos", "PER", "GOV")
    first = _span(TEXT_1, "Peruvian troops clashed with rebels in the highlands near Ayacucho.")
    norway = _actor(TEXT_2, "Norway", "Norway", "NOR", "GOV")
    return [
        Article(id="lima-1", text=TEXT_1, published="2020-04-02", source="WIRE", title="Clashes in Peru",
                dateline=Dateline(0, 22, TEXT_1[:22], "Lima", "2020-04-02", "WIRE"),
                body=Span(23, len(TEXT_1), TEXT_1[23:]),
                sentences=(first,), actors=(troops, rebels, minister),
                quotes=(Quote("direct", _span(TEXT_1, "The operation will continue until the last armed group is gone "
                                                     "from the valley,"), minister, _span(TEXT_1, "said")),),
                events=(Event("ASSAULT", _span(TEXT_1, "clashed"), first, source=(troops,), target=(rebels,),
                              cameo="190", quad=4, goldstein=-10.0),)),
        Article(id="oslo-1", text=TEXT_2, published="2021-01-05", source="OTHER",
                sentences=(Span(21, len(TEXT_2), TEXT_2[21:]),), actors=(norway,),
                events=(Event("COOPERATE", _span(TEXT_2, "offered"), Span(21, len(TEXT_2), TEXT_2[21:]),
                              source=(norway,), cameo="057", quad=1, goldstein=4.0, status="planned"),)),
        Failure(origin="in/bad.txt", stage="read", reason="binary", detail="looks like a binary file"),
    ]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "browse.db"
    with Store.open(path) as store:
        store.write_batch(_articles())
    return str(path)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


COMMANDS = [["articles"], ["events"], ["quotes"], ["actors"], ["stats"], ["show", "lima-1"],
            ["export", "--format", "jsonl"]]


@pytest.mark.parametrize("args", COMMANDS)
def test_missing_database_is_one_line_and_exit_code_2(tmp_path, args):
    missing = str(tmp_path / "missing.db")
    result = run(*args, "--db", missing)
    assert result.exit_code == 2
    assert "dateline ingest" in result.output and missing in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert not Path(missing).exists()


@pytest.mark.parametrize("args", [[c[0], "--help"] for c in COMMANDS])
def test_every_help_has_an_example(args):
    result = run(*args)
    assert result.exit_code == 0 and "Example:" in result.output


@pytest.mark.parametrize("args, present, absent", [
    (["articles"], ["lima-1", "oslo-1", "Clashes in Peru"], []),
    (["articles", "--search", "Ayacucho"], ["lima-1", "[Ayacucho]"], ["oslo-1"]),
    (["articles", "--source", "other"], ["oslo-1"], ["lima-1"]),
    (["articles", "--since", "2021"], ["oslo-1"], ["lima-1"]),
    (["events"], ["ASSAULT", "COOPERATE", "PER Peruvian t", "NOR Norway"], []),
    (["events", "--type", "assault"], ["ASSAULT"], ["COOPERATE"]),
    (["events", "--source", "nor"], ["COOPERATE"], ["ASSAULT"]),
    (["events", "--source", "NOR,PER"], ["COOPERATE", "ASSAULT"], []),
    (["events", "--target", "PER"], ["ASSAULT"], ["COOPERATE"]),
    (["events", "--status", "planned"], ["COOPERATE"], ["ASSAULT"]),
    (["events", "--article", "lima-1", "--until", "2020-12"], ["ASSAULT"], ["COOPERATE"]),
    (["quotes", "--speaker", "martos"], ["Walter Martos", "The operation"], []),
    (["quotes", "--search", "nothing like it"], ["(no rows)"], ["Martos"]),
    (["actors", "--country", "PER"], ["Peruvian troops", "rebels", "Walter Martos"], ["Norway"]),
    (["actors", "--sector", "GOV", "--mentions"], ["Walter Martos", "Norway"], ["rebels"]),
    (["stats"], ["articles", "errors_by_reason.binary", "events_by_type.ASSAULT"], []),
])
def test_listing_commands(db, args, present, absent):
    result = run(*args, "--db", db)
    assert result.exit_code == 0, result.output
    for text in present:
        assert text in result.output
    for text in absent:
        assert text not in result.output


@pytest.mark.parametrize("command", ["articles", "events", "quotes", "actors"])
def test_tables_fit_100_columns(db, command):
    result = run(command, "--db", db)
    assert max(len(line) for line in result.output.splitlines()) <= 100


@pytest.mark.parametrize("command", ["articles", "events", "quotes", "actors"])
def test_json_jsonl_and_csv_give_whole_rows(db, command):
    as_jsonl = run(command, "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in as_jsonl.output.splitlines()]
    assert rows and all(isinstance(r, dict) for r in rows)
    as_json = run(command, "--db", db, "--format", "json")
    assert json.loads(as_json.output) == rows          # one document: the list of rows
    as_csv = run(command, "--db", db, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(as_csv.output)))) == len(rows)


def test_json_of_no_rows_is_an_empty_list(db):
    assert json.loads(run("quotes", "--db", db, "--format", "json", "--search", "nothing like it").output) == []


def test_quote_content_is_whole_in_json(db):
    (row,) = [json.loads(line) for line in run("quotes", "--db", db, "--format", "jsonl").output.splitlines()]
    assert row["content"] == "The operation will continue until the last armed group is gone from the valley,"


def test_limit(db):
    result = run("events", "--db", db, "--format", "jsonl", "--limit", "1")
    assert len(result.output.splitlines()) == 1


@pytest.mark.parametrize("args", [["events", "--source", "Russia"], ["actors", "--country", "RU"]])
def test_country_names_are_refused_with_a_hint(db, args):
    result = run(*args, "--db", db)
    assert result.exit_code == 2 and "alpha-3" in result.output


def test_bad_date_is_a_usage_error(db):
    result = run("events", "--db", db, "--since", "last week")
    assert result.exit_code == 2 and "ISO date" in result.output


@pytest.mark.parametrize("args, message", [
    (["events", "--since", "2020-13-45"], "not a date in the calendar"),
    (["events", "--until", "2023-02-30"], "not a date in the calendar"),
    (["quotes", "--since", "2021-02-29"], "not a date in the calendar"),
    (["articles", "--since", "0000"], "not a date in the calendar"),
    (["events", "--type", "BOMBING"], "ASSAULT"),
    (["events", "--type", "assault,bombing"], "choose from AGREE, CONSULT"),
    (["events", "--status", "maybe"], "asserted, planned, hypothetical, negated, reported"),
    (["actors", "--sector", "government"], "sector code"),
    (["quotes", "--speaker", "x" * 1001], "at most 1,000"),
    (["articles", "--search", "a\x00b"], "control character"),
])
def test_bad_filter_values_are_usage_errors_that_list_what_is_valid(db, args, message):
    result = run(*args, "--db", db)
    assert result.exit_code == 2, result.output
    assert message in result.output and "(no rows)" not in result.output


@pytest.mark.parametrize("args", [["--since", "2020-02-29"], ["--type", "ASSAULT,Cooperate"], ["--status", "Planned"]])
def test_good_filter_values_still_pass(db, args):
    assert run("events", "--db", db, *args).exit_code == 0


def test_show_as_text(db):
    result = run("show", "lima-1", "--db", db)
    assert result.exit_code == 0
    out = result.output
    for text in ("lima-1", "Clashes in Peru", "place=Lima", "events (1)", "ASSAULT", "[39:46]",
                 "PER Peruvian troops -> PER rebels", "quotes (1)", "Walter Martos", "actors (3)", "sentences (1)"):
        assert text in out, text
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "Ayacucho. \"The" not in out                  # no text unless asked
    assert TEXT_1 in run("show", "lima-1", "--db", db, "--text").output


def test_show_as_json_is_the_record(db):
    result = run("show", "oslo-1", "--db", db, "--format", "json")
    assert json.loads(result.output) == _articles()[1].to_dict()
    with_text = json.loads(run("show", "oslo-1", "--db", db, "--format", "json", "--text").output)
    assert with_text["text"] == TEXT_2


def test_show_unknown_article(db):
    result = run("show", "nope", "--db", db)
    assert result.exit_code != 0 and "no article 'nope'" in result.output and "dateline articles" in result.output


def test_export_jsonl_to_stdout_is_the_records(db):
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "jsonl"])
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert [json.loads(line) for line in lines] == [a.to_dict() for a in _articles()[:2]]


def test_export_csv_file(db, tmp_path):
    out = tmp_path / "events.csv"
    result = run("export", "--db", db, "--format", "csv", "-o", str(out))
    assert result.exit_code == 0 and "exported 2 events" in result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["root_code"] == "19" and rows[0]["sentence"].startswith("Peruvian troops")


def test_export_parquet(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    result = run("export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "tables"))
    assert result.exit_code == 0
    assert pq.read_table(tmp_path / "tables" / "events.parquet").num_rows == 2
    assert pq.read_table(tmp_path / "tables" / "quotes.parquet").num_rows == 1
    one = tmp_path / "quotes.parquet"
    assert run("export", "--db", db, "--format", "parquet", "--what", "quotes", "-o", str(one)).exit_code == 0
    assert pq.read_table(one).column("speaker_name").to_pylist() == ["Walter Martos"]


def test_export_parquet_needs_an_output(db):
    result = run("export", "--db", db, "--format", "parquet")
    assert result.exit_code == 2 and "-o" in result.output


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not a database " * 50)
    result = run("stats", "--db", str(path))
    assert result.exit_code != 0 and "not a SQLite database" in result.output
