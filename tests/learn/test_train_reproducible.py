"""`dateline train events` is reproducible: two processes with different hash seeds write the same
bytes from the same corpus (a model that changed from run to run could not be checked against
the shipped one)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parents[2] / "src"


def _doc(i: int, text: str, events: list[tuple[str, str, str]]) -> dict:
    """A corpus document; ``events`` are (trigger, type, status), each trigger's first occurrence."""
    out = []
    for trigger, type_, status in events:
        start = text.index(trigger)
        out.append({"type": type_, "status": status, "sentence": {"start": 0, "end": len(text)},
                    "trigger": {"start": start, "end": start + len(trigger), "text": trigger},
                    "source": [], "target": []})
    return {"id": f"d{i}", "text": text, "published": "2024-05-06", "source": None, "events": out}


# people, pronouns and possessives, so that the actor coder's mention resolution is exercised
TRAIN = [
    _doc(1, "Rebels attacked the army base in Aleppo. The young man's mother said they beat him.",
         [("attacked", "ASSAULT", "asserted"), ("beat", "ASSAULT", "asserted")]),
    _doc(2, "Senator Ann Lee criticized the governor of Texas. She said he lied.", [("criticized", "ACCUSE", "asserted")]),
    _doc(3, "Troops shelled the town of Homs. The mayor's wife said they may shell it again.",
         [("shelled", "ASSAULT", "asserted"), ("shell", "ASSAULT", "hypothetical")]),
    _doc(4, "The mayor condemned the decision. His spokesman, Tom Berg, said the mayor met the minister.",
         [("condemned", "ACCUSE", "asserted"), ("met", "CONSULT", "asserted")]),
    _doc(5, "Police arrested 20 protesters in Paris. The protesters had demanded higher wages.",
         [("arrested", "COERCE", "asserted"), ("demanded", "REQUEST", "asserted")]),
    _doc(6, "Russia and Turkey agreed to hold talks. Their ministers will meet in Moscow.",
         [("agreed", "AGREE", "asserted"), ("meet", "CONSULT", "asserted")]),
]


def _train(corpus: Path, out: Path, seed: str, gazetteer: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(SRC), "DATELINE_GAZETTEER": str(gazetteer)}
    done = subprocess.run([sys.executable, "-m", "dateline", "train", "events", "--corpus", str(corpus),
                           "-o", str(out / "event_model.npz")], env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"the gazetteer at {gazetteer}" in done.stderr  # the command says which places it read


def test_training_twice_under_other_hash_seeds_writes_the_same_bytes(tmp_path, small_gazetteer_path):
    pytest.importorskip("sklearn")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for split, docs in (("train", TRAIN), ("dev", TRAIN[:3])):
        (corpus / f"{split}.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    runs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run{seed}"
        _train(corpus, out, seed, small_gazetteer_path)
        runs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert "event_model.npz" in runs[0] and set(runs[0]) == set(runs[1])
    for name in runs[0]:
        assert runs[0][name] == runs[1][name], name
