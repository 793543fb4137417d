"""The real-news event corpus: its stand-off annotation is well formed, and joined with the texts
in ../shared (when they are there) every span slices back exactly."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH / "annotation"))

import corpus  # noqa: E402
import news_corpus  # noqa: E402


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_documents_have_ordered_sentences_and_a_split():
    docs = _lines(corpus.DOCUMENTS)
    assert len(docs) >= 450
    for d in docs:
        assert d["split"] in ("train", "dev", "test")
        ends = [e for _, e in d["sentences"]]
        assert all(s < e for s, e in d["sentences"]) and ends == sorted(ends)
        assert d["sentences"][-1][1] == d["end"]


def test_annotations_use_only_valid_codes():
    for a in _lines(news_corpus.ANNOTATIONS):
        for e in a["events"]:
            assert e["type"] in corpus.TYPES
            assert e["status"] in corpus.STATUSES
            assert e["mode"] is None or e["mode"] in corpus.MODES.get(e["type"], ())
            for actor in e["source"] + e["target"]:
                assert actor["sector"] is None or actor["sector"] in corpus.SECTORS
            assert "text" not in e["trigger"]  # stand-off: offsets only


@pytest.mark.skipif(not corpus.GOLD_DIR.is_dir(), reason="../shared is not beside the repository")
def test_joined_gold_slices_back_exactly(tmp_path):
    counts = news_corpus.build(tmp_path)
    assert counts["train documents"] > counts["dev documents"] > 0
    for split in ("train", "dev", "test"):
        for doc in _lines(tmp_path / f"{split}.jsonl"):
            news_corpus.check_spans(doc)
            for e in doc["events"]:
                assert doc["text"][e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
                assert any(s["start"] <= e["trigger"]["start"] < s["end"] for s in doc["sentences"])


def test_locate_prefers_whole_words():
    assert corpus.locate("The man said he left.", 0, "he") == (13, 15)
    assert corpus.locate("He met her.", 10, "he") == (17, 19)  # no whole word: the plain hit stays
    assert corpus.locate("a b a", 0, "a#2") == (4, 5)
    assert corpus.locate("a  b", 0, "a b") == (0, 4)
