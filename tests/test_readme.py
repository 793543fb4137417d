"""The README's promises on the bundled demo corpus: every example prints rows, ``make demo`` says
what to do next, and a second ingest parses nothing again."""

from __future__ import annotations

import csv
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CORPUS = ROOT / "examples" / "corpus"


def readme_examples() -> list[list[str]]:
    """The commands of the README's ``Examples:`` block, as argument lists without ``dateline``."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"^Examples[^\n]*:\s*\n+```[^\n]*\n(.*?)```", text, re.S | re.M)
    assert block, "the README has an Examples: block"
    commands = []
    for line in block.group(1).splitlines():
        line = line.split("  #")[0].strip()
        if line:
            words = shlex.split(line)
            assert words[0] == "dateline", line
            commands.append(words[1:])
    return commands


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """A folder holding the demo database, built the way the README's first example builds it."""
    folder = tmp_path_factory.mktemp("demo")
    shutil.copytree(CORPUS, folder / "examples" / "corpus")
    return folder


def _run(folder: Path, args: list[str], monkeypatch):
    monkeypatch.chdir(folder)
    return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.mark.slow
def test_every_readme_example_prints_rows_on_the_demo_database(demo, monkeypatch):
    examples = readme_examples()
    assert examples[0][:2] == ["ingest", "examples/corpus"] and len(examples) >= 4
    for args in examples:
        result = _run(demo, args, monkeypatch)
        assert result.exit_code == 0, (args, result.output)
        assert "(no rows)" not in result.output, args
        if args[0] == "ingest":
            assert "articles: 14 processed" in result.output
            assert "undated: 2 of 14" in result.output
        elif args[0] == "export":
            out = demo / args[args.index("-o") + 1]
            assert len(list(csv.DictReader(out.open(encoding="utf-8")))) > 0, args
        else:
            lines = [line for line in result.stdout.splitlines() if line.strip()]
            assert len(lines) > 2, (args, result.output)   # a header, a rule and at least one row


@pytest.mark.slow
def test_the_demo_corpus_gets_dates_and_sources_from_its_texts(demo, monkeypatch):
    if not (demo / "dateline.db").exists():
        _run(demo, ["ingest", "examples/corpus", "--db", "dateline.db"], monkeypatch)
    tass = _run(demo, ["articles", "--db", "dateline.db", "--source", "TASS", "--format", "jsonl"], monkeypatch)
    assert "Kremlin says Moscow ready to resume grain talks" in tass.output
    import json

    rows = [json.loads(line) for line in _run(demo, ["articles", "--db", "dateline.db", "--format", "jsonl",
                                                      "--limit", "0"], monkeypatch).output.splitlines()]
    undated = sorted(r["origin"].rsplit("/", 1)[-1] for r in rows if not r["published"])
    assert undated == ["interfax-2020-10-14-ceasefire.txt", "plain-parliament-vote.txt"]
    by_file = {r["origin"].rsplit("/", 1)[-1]: r for r in rows}
    assert by_file["upi-2021-12-03-cyber-accusation.txt"]["published"] == "2021-12-03"
    assert by_file["upi-2021-12-03-cyber-accusation.txt"]["source"] == "UPI"


@pytest.mark.slow
def test_a_second_demo_ingest_parses_nothing(demo, monkeypatch):
    from dateline.pipeline import Pipeline

    if not (demo / "dateline.db").exists():
        _run(demo, ["ingest", "examples/corpus", "--db", "dateline.db"], monkeypatch)
    monkeypatch.setattr(Pipeline, "prepare", lambda self, source: pytest.fail(f"parsed {source.origin}"))
    result = _run(demo, ["ingest", "examples/corpus", "--db", "dateline.db"], monkeypatch)
    assert result.exit_code == 0, result.output
    assert "14 unchanged since the last run, not parsed again" in result.output


def test_make_demo_says_what_to_do_next():
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    # -o: take the install stamp as made. (STAMP=Makefile made the Makefile a target, and make remakes
    # its makefiles even under -n: the test built a real .venv whenever pyproject.toml was newer.)
    plan = subprocess.run(["make", "-n", "demo", "-o", ".venv/.installed"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout
    for step in (".venv/bin/dateline events --db dateline.db", ".venv/bin/dateline serve --db dateline.db",
                 "source .venv/bin/activate"):
        assert step in plan, step
