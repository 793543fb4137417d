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
