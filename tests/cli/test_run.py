"""`dateline extract` and `dateline ingest`: records out, idempotent storage, no silent loss."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main

STORIES = [
    ("ANKARA, May 3. /TASS/. Turkish Foreign Minister Mevlut Cavusoglu met his Iranian counterpart "
     "in Ankara on Tuesday. \"We agreed to keep working together,\" he told reporters."),
    ("WASHINGTON (Reuters) - The United States imposed new sanctions on Venezuela on Friday, the "
     "Treasury Department said, accusing the government of corruption."),
    ("NAIROBI, Kenya (AP) _ Police fired tear gas at protesters in Nairobi on Monday, witnesses said."),
]
TABLES = ("articles", "sentences", "actors", "quotes", "times", "places", "events", "errors")


def _write_corpus(folder: Path, copies: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "stories.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for c in range(copies):
            for i, text in enumerate(STORIES):
                out.write(json.dumps({"id": f"story-{c}-{i}", "text": text, "published": "2019-05-03"}) + "\n")
        out.write("{not json\n")
    return path


def _snapshot(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as con:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id")]
    return {"counts": counts, "ids": ids}


@pytest.mark.slow  # parses with spaCy
def test_extract_writes_records_and_reports_bad_lines(tmp_path):
    corpus = _write_corpus(tmp_path)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(corpus), "-o", str(out), "--no-places"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["story-0-0", "story-0-1", "story-0-2"]
    for record, text in zip(records, STORIES):
        for key in ("sentences", "actors", "quotes", "times", "places", "events"):
            for span in record[key]:
                if "text" in span:
                    assert text[span["start"]:span["end"]] == span["text"]
    assert "malformed-json" in result.output
    assert "articles: 3" in result.output


@pytest.mark.slow  # parses with spaCy
def test_extract_fails_only_when_nothing_could_be_read(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(main, ["extract", str(empty)])
    assert result.exit_code != 0
    assert "no article could be read" in result.output


def test_extract_unknown_model_says_what_to_do(tmp_path):
    corpus = _write_corpus(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(corpus), "--model", "en_core_web_missing"])
    assert result.exit_code != 0
    assert "pip install" in result.output


@pytest.mark.slow  # parses with spaCy
def test_ingest_twice_adds_nothing(tmp_path):
    corpus = _write_corpus(tmp_path)
    db = tmp_path / "d.db"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--no-places"])
    assert first.exit_code == 0, first.output
    before = _snapshot(db)
    assert before["counts"]["articles"] == 3 and before["counts"]["errors"] == 1
    second = runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--no-places"])
    assert second.exit_code == 0, second.output
    assert _snapshot(db) == before


@pytest.mark.slow
def test_killed_ingest_rerun_ends_with_the_same_database(tmp_path):
    corpus = _write_corpus(tmp_path / "in", copies=12)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    exe = [sys.executable, "-m", "dateline.cli", "ingest", str(corpus), "--no-places", "--commit-every", "2",
           "--no-progress"]
    subprocess.run([*exe, "--db", str(clean)], check=True, capture_output=True)

    proc = subprocess.Popen([*exe, "--db", str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if killed.exists():
            try:
                with sqlite3.connect(killed, timeout=1) as con:
                    if con.execute("SELECT count(*) FROM articles").fetchone()[0] >= 2:
                        break
            except sqlite3.Error:
                pass
        time.sleep(0.05)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _snapshot(killed)["counts"]["articles"]
    assert partial <= 36
    subprocess.run([*exe, "--db", str(killed)], check=True, capture_output=True)
    assert _snapshot(killed) == _snapshot(clean)
    with sqlite3.connect(killed) as con:  # the killed run no longer says it is running (issue 12, item 8)
        assert con.execute("SELECT status FROM runs ORDER BY id").fetchall() == [("interrupted",), ("finished",)]


@pytest.mark.slow
def test_ingest_records_a_lone_surrogate_and_stores_the_rest(tmp_path):
    corpus = tmp_path / "lone.jsonl"
    corpus.write_text(json.dumps({"id": "ok-1", "text": STORIES[0]}) + "\n"
                      + '{"id": "bad", "text": "Bad \\ud800 text. Russia condemned the strike."}\n'
                      + json.dumps({"id": "ok-2", "text": STORIES[1]}) + "\n", encoding="utf-8")
    db = tmp_path / "d.db"
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db), "--no-places"])
    assert result.exit_code == 0, result.output
    assert "invalid-unicode" in result.output
    with sqlite3.connect(db) as con:
        assert [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id")] == ["ok-1", "ok-2"]
        assert con.execute("SELECT article_id, reason FROM errors").fetchall() == [("bad", "invalid-unicode")]
        assert con.execute("SELECT status FROM runs").fetchall() == [("finished",)]


def test_an_ingest_that_dies_keeps_its_last_batch_and_says_how_it_ended(tmp_path, monkeypatch):
    from dateline.records import Failure
    from dateline.store import ingest as ingest_mod

    def dying(inputs, settings, *, execution=None, pipeline=None):
        for n in range(3):
            yield Failure(origin=f"x.jsonl:{n + 1}", stage="read", reason="malformed-json", detail="not JSON")
        raise RuntimeError("the machine room is on fire")

    monkeypatch.setattr(ingest_mod, "analyse", dying)
    db, given = tmp_path / "d.db", tmp_path / "x.jsonl"
    given.write_text("", encoding="utf-8")  # ingest refuses inputs that do not exist before it starts
    result = CliRunner().invoke(main, ["ingest", str(given), "--db", str(db), "--commit-every", "2"])
    assert result.exit_code != 0 and isinstance(result.exception, RuntimeError)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == 3  # the uncommitted one too
        assert con.execute("SELECT status FROM runs").fetchall() == [("failed",)]


@pytest.mark.slow
def test_ingest_stores_a_story_once_whatever_its_id_or_spacing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    story = STORIES[0]
    (folder / "a.txt").write_text(story, encoding="utf-8")
    (folder / "b.txt").write_bytes(story.replace(". ", ".\r\n").encode("utf-8"))
    (folder / "c.txt").write_text("  " + story.replace(" ", "  ") + "\n\n", encoding="utf-8")
    (folder / "d.jsonl").write_text(json.dumps({"id": "wire-7", "text": story}) + "\n", encoding="utf-8")
    db = tmp_path / "d.db"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(folder), "--db", str(db), "--no-places"])
    assert result.exit_code == 0, result.output
    assert "3 duplicates" in result.output
    with sqlite3.connect(db) as con:
        (original,) = [r[0] for r in con.execute("SELECT id FROM articles")]
        dups = con.execute("SELECT id, duplicate_of FROM duplicates ORDER BY origin").fetchall()
    assert [d[1] for d in dups] == [original] * 3 and dups[-1][0] == "wire-7"
    shown = runner.invoke(main, ["show", "wire-7", "--db", str(db), "--format", "json"])
    assert json.loads(shown.output)["duplicate_of"] == original
    again = runner.invoke(main, ["ingest", str(folder), "--db", str(db), "--no-places"])
    # the re-run holds every input already, the duplicates too: none is parsed or stored again
    assert "4 unchanged since the last run, not parsed again" in again.output
    assert "stored: 4 unchanged" in again.output.splitlines()


@pytest.mark.slow
def test_a_guessed_encoding_is_in_the_record_and_the_summary(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "legacy.txt").write_bytes("Caf\u00e9 owners in Z\u00fcrich protested on Monday, the police said."
                                        .encode("cp1252"))
    (folder / "damaged.txt").write_bytes("Police \u2014 in Z\u00fcrich".encode("utf-8") + b"\xff")
    db = tmp_path / "d.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--no-places"])
    assert result.exit_code == 0, result.output
    assert "encodings guessed: 1" in result.output and "cp1252 (1)" in result.output
    assert "undecodable" in result.output
    with sqlite3.connect(db) as con:
        (record,) = [json.loads(r[0]) for r in con.execute("SELECT record FROM articles")]
        (summary,) = [json.loads(r[0]) for r in con.execute("SELECT summary FROM runs")]
    assert record["encoding"] == "cp1252"
    assert summary["encodings_guessed"] == {"cp1252": 1} and summary["errors"] == {"undecodable": 1}


@pytest.mark.slow  # parses with spaCy
def test_files_that_are_not_articles_are_listed_in_the_summary(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "sub" / "notes.docx").write_bytes(b"PK")
    db = tmp_path / "d.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert "skipped: 2 file(s) that are not .txt, .html or .jsonl" in result.output
    assert "scan.pdf" in result.output and "notes.docx" in result.output
    with sqlite3.connect(db) as con:
        (summary,) = [json.loads(r[0]) for r in con.execute("SELECT summary FROM runs")]
    assert summary["skipped_file_count"] == 2
    assert summary["skipped_files"] == [str(folder / "scan.pdf"), str(folder / "sub" / "notes.docx")]


def test_ingest_of_missing_files_creates_no_database(tmp_path):
    db = tmp_path / "new.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "nope.txt"), str(tmp_path / "nope"), "--db", str(db)])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output and "nope.txt" in result.output and "standard input" in result.output
    assert not db.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_rerun_skips_unchanged_inputs_before_parsing_and_reparses_on_new_settings(tmp_path, monkeypatch):
    from dateline.pipeline import Pipeline

    corpus = _write_corpus(tmp_path)
    db = tmp_path / "d.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--no-places"]).exit_code == 0
    before = _snapshot(db)
    prepare = Pipeline.prepare
    parsed: list[str] = []

    def counting(self, source):
        parsed.append(source.id)
        return prepare(self, source)

    monkeypatch.setattr(Pipeline, "prepare", counting)
    again = runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--no-places"])
    assert again.exit_code == 0 and parsed == []
    assert "3 unchanged since the last run, not parsed again" in again.output and _snapshot(db) == before
    edited = corpus.read_text(encoding="utf-8").replace("on Friday", "on Thursday")
    corpus.write_text(edited, encoding="utf-8")
    runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--no-places"])
    assert parsed == ["story-0-1"]                        # only the changed story is parsed again
    parsed.clear()
    runner.invoke(main, ["ingest", str(corpus), "--db", str(db)])   # places on: another setting
    assert sorted(parsed) == ["story-0-0", "story-0-1", "story-0-2"]


@pytest.mark.slow
def test_summary_counts_undated_articles(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("MOSCOW, October 3. /TASS/. Russia is ready to resume talks with Turkey, an aide said.\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(story), "--no-places"])
    assert "undated: 1 of 1 articles" in result.output and "--published" in result.output
    dated = CliRunner().invoke(main, ["extract", str(story), "--no-places", "--published", "2023-10-03"])
    assert "undated" not in dated.output
