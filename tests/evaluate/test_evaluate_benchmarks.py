"""The benchmark scripts' own logic: corpus building, tables and sections (no model, no gold)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from dateline.evaluate import score_pairs
from dateline.evaluate.runner import Evaluation

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def throughput():
    return _load("throughput")


@pytest.fixture(scope="module")
def accuracy():
    return _load("accuracy")


TEXTS = ["First paragraph has quite a few words in it.\n\nSecond one, also long enough here.\n\nshort",
         "\n".join(f"Line {i} of a long block without blank lines between them." for i in range(40))]


def test_paragraphs_are_distinct_long_enough_and_split_long_blocks(throughput):
    paras = throughput.paragraphs(TEXTS + TEXTS)
    assert paras[:2] == ["First paragraph has quite a few words in it.", "Second one, also long enough here."]
    assert "short" not in paras and len(paras) == 42


def test_corpus_is_deterministic_and_long_enough(throughput):
    sources = [("fixture", TEXTS)]
    first = throughput.build_corpus(5, sources, seed=3)
    assert first == throughput.build_corpus(5, sources, seed=3)
    assert first != throughput.build_corpus(5, sources, seed=4)
    assert all(len(a["text"].split()) >= 300 for a in first)
    assert [a["id"] for a in first] == [f"bench-000{i}" for i in range(5)]


def test_throughput_table_has_rates_ratios_and_stages(throughput):
    def run(config, seconds, rss=300.0):
        return {"config": config, "seconds": seconds, "articles": 10, "words": 5000, "failures": 0,
                "rss_mb": rss, "rss_workers_mb": 200.0,
                "stages": {"parse": seconds * 0.8, "events": seconds * 0.2} if config.startswith("full") else {}}

    runs = [run("spacy-1", 2.0), run("full-1", 3.0), run("spacy-2", 1.0), run("full-2", 2.0),
            run("full-2", 2.0), run("spacy-2", 1.0), run("full-1", 3.0), run("spacy-1", 2.0)]
    text = throughput.render(runs, command="cmd", corpus_note="note", model="m", repeats=2)
    assert "| dateline Pipeline.run | 1 | 3.33 | 1,667 | 3.0 | 300 | 0 | 1.50x |" in text
    assert "| dateline Pipeline.run | 2 | 5.00 | 2,500 | 2.0 | 300 | 200 | 2.00x |" in text
    assert "spaCy alone, 2 vs 1 processes 2.00x" in text
    assert "| parse | 2.40 | 80.0% | 240.0 |" in text


def test_accuracy_section_lists_targets_references_and_seeds(accuracy):
    figures = {"events": score_pairs("events", []), "times": score_pairs("times", [])}
    runs = {"plover_events.jsonl": (Evaluation("p", results={"events": figures["events"]}), 1.0, 3),
            "seeds.jsonl": (Evaluation("s", results=figures), 0.5, 2)}
    text = accuracy.render(runs, command="python benchmarks/accuracy.py", quick=None, model="m")
    assert "| events | plover_events.jsonl (3) | type F1 | 0.000 |  | >= 0.75 | no |" in text
    assert "48-verb lexicon 0.08" in text and "The seed stories" in text
    assert "Quick run" not in text
    assert "Quick run" in accuracy.render(runs, command="c", quick=5, model="m")


def test_accuracy_without_gold_sets_exits_cleanly(accuracy, tmp_path, capsys):
    assert accuracy.main(["--gold-dir", str(tmp_path / "absent")]) == 0
    assert "no gold sets" in capsys.readouterr().err


def test_quote_errors_are_counted_by_kind():
    errors = _load("quotes_errors")
    text = "Lena said the dam held. Omar said the road was shut. The mayor praised the crews."

    def quote(start: int, end: int, speaker: tuple[int, int] | None = None) -> dict:
        spk = {"start": speaker[0], "end": speaker[1], "text": text[speaker[0]:speaker[1]]} if speaker else None
        return {"kind": "indirect", "content": {"start": start, "end": end, "text": text[start:end]},
                "speaker": spk, "cue": None}

    gold = [{"id": "d", "text": text, "quotes": [quote(10, 22, (0, 4)), quote(34, 51, (24, 28)),
                                                  quote(71, 80, (53, 62))]}]
    pred = [{"id": "d", "quotes": [quote(10, 22, (0, 4)), quote(34, 51, (0, 4)), quote(0, 4)]}]
    found, cues = errors.classify(gold, pred)
    assert {k: len(v) for k, v in found.items()} == {
        "missed": 1, "spurious": 1, "boundary-gold": 0, "boundary-pred": 0, "no speaker": 0, "wrong speaker": 1}
    assert cues == {"-": 1}
