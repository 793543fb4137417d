"""Our figures agree with the shared referee (score.py, run as a program) on the shared gold sets.

Skipped when ../shared/eval is not present. The predictions are the gold items perturbed by a
seeded random process (dropped, shifted, duplicated, recoded), so every branch of the
definitions is exercised; one test also scores dateline's own run on the seed stories.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.evaluate import HEADLINES, evaluate_gold, read_jsonl, score, tasks_in

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
REFEREE = EVAL / "score.py"
GOLD_DIR = EVAL / "gold"

pytestmark = pytest.mark.skipif(not REFEREE.is_file(), reason="../shared/eval (the referee) is not present")


def _referee(task: str, gold: Path, pred: Path) -> dict:
    done = subprocess.run([sys.executable, str(REFEREE), task, str(gold), str(pred), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _perturbed(item: dict, rng: random.Random) -> dict:
    item = json.loads(json.dumps(item))
    for key in ("content", "speaker", "cue", "trigger", None):
        span = item.get(key) if key else item
        if isinstance(span, dict) and "start" in span and rng.random() < 0.3:
            span["start"] += rng.randint(-5, 5)
            span["end"] += rng.randint(-40, 20)
    if "value" in item and rng.random() < 0.3:
        item["value"] = rng.choice(["2000", None, "PAST_REF"])
    if "lat" in item and rng.random() < 0.3:
        item["lat"] = (item["lat"] or 0.0) + rng.uniform(-3, 3)
    if "type" in item and rng.random() < 0.2:
        item["type"] = rng.choice(["ASSAULT", "DATE", "CONSULT", "DURATION"])
    if "kind" in item and rng.random() < 0.2:
        item["kind"] = rng.choice(["direct", "indirect"])
    if isinstance(item.get("speaker"), dict) and rng.random() < 0.2:
        item["speaker"] = {"text": "He", "name": rng.choice(["Someone Else", None])}
    if "status" in item and rng.random() < 0.1:
        item["status"] = "negated"
    for side in ("source", "target"):
        if item.get(side) and rng.random() < 0.3:
            item[side] = [{"country": rng.choice(["USA", "UNO", "EUR"])}]
    return item


def _predictions(gold_docs: list[dict], seed: int) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for doc in gold_docs:
        if rng.random() < 0.1:
            continue  # a document without a prediction
        pred = {"id": doc["id"]}
        for task in tasks_in([doc]):
            items = []
            for item in doc[task]:
                if rng.random() < 0.2:
                    continue
                items.append(_perturbed(item, rng))
                if rng.random() < 0.15:
                    items.append(_perturbed(item, rng))
            pred[task] = items
        out.append(pred)
    return out


def _assert_agree(ours: dict, theirs: dict) -> None:
    for key, value in theirs.items():
        if key == "per_type":
            for t, row in value.items():
                for k, v in row.items():
                    assert ours[key][t][k] == pytest.approx(v, abs=5e-4), (key, t, k)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            assert ours[key] == pytest.approx(value, abs=5e-4), key
        else:
            assert ours[key] == value, key


GOLD_FILES = sorted(GOLD_DIR.glob("*.jsonl")) if GOLD_DIR.is_dir() else []


@pytest.mark.slow  # runs the referee as a program on a gold set
@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_figures_agree_with_the_referee_on_perturbed_gold(gold_path, tmp_path):
    gold_docs, _ = read_jsonl(gold_path)
    pred_path = tmp_path / "pred.jsonl"
    pred_docs = _predictions(gold_docs, seed=len(gold_docs))
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in pred_docs) + "{unreadable\n", encoding="utf-8")
    for task in tasks_in(gold_docs):
        theirs = _referee(task, gold_path, pred_path)
        ours = evaluate_gold(gold_path, task, pred=pred_path).results[task]
        _assert_agree(ours, theirs)
        assert any(ours[k] < 1.0 for k in HEADLINES[task])  # the perturbation did something


@pytest.mark.slow
def test_figures_agree_with_the_referee_on_dateline_output(tmp_path):
    gold_path = GOLD_DIR / "seeds.jsonl"
    if not gold_path.is_file():
        pytest.skip("seeds.jsonl is not present")
    result = evaluate_gold(gold_path, "all")
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in result.predictions), encoding="utf-8")
    gold_docs, _ = read_jsonl(gold_path)
    for task in result.results:
        _assert_agree(score(task, gold_docs, result.predictions), _referee(task, gold_path, pred_path))
