"""`dateline evaluate`: gold files and predictions written here, exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.evaluate import EvaluationError, evaluate_gold, gold_inputs, predict, read_jsonl
from dateline.records import Article, Failure, TimeExpr

TEXT = "BERN, May 3. Swiss and Austrian officials met in Bern on Tuesday, a spokesman said."
GOLD = [
    {"id": "t1", "text": TEXT, "published": "2022-05-03", "source": "test", "title": "secret title",
     "times": [{"start": 6, "end": 11, "text": "May 3", "value": "2022-05-03", "type": "DATE"},
               {"start": 54, "end": 64, "text": "on Tuesday", "value": "2022-05-03", "type": "DATE"}],
     "places": [{"start": 0, "end": 4, "text": "BERN", "lat": 46.95, "lon": 7.45},
                {"start": 49, "end": 53, "text": "Bern", "lat": 46.95, "lon": 7.45}]},
]
PRED = [{"id": "t1", "times": [{"start": 57, "end": 64, "text": "Tuesday", "value": "2022-05-10", "type": "DATE"}],
         "places": [{"start": 49, "end": 53, "text": "Bern", "lat": 46.9, "lon": 7.4}]}]


def _write(path: Path, rows: list) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    return _write(tmp_path / "gold.jsonl", GOLD), _write(tmp_path / "pred.jsonl", PRED)


def test_scores_given_predictions_with_headline_last(files):
    gold, pred = files
    result = CliRunner().invoke(main, ["evaluate", "times", str(gold), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1] == "times: relaxed_f1=0.6667 value_f1=0.0000"
    assert "per TIMEX type" in result.output


def test_json_output_and_worst_misses(files):
    gold, pred = files
    result = CliRunner().invoke(main, ["evaluate", "all", str(gold), "--pred", str(pred), "--json",
                                       "--errors", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"times", "places"}
    assert data["places"]["f1"] == pytest.approx(2 / 3) and data["places"]["acc161"] == 1.0
    kinds = [g["example"]["kind"] for g in data["times"]["worst_misses"]]
    assert sorted(kinds) == ["missed", "wrong value"]


def test_errors_in_text_show_sentence_and_offsets(files):
    gold, pred = files
    result = CliRunner().invoke(main, ["evaluate", "places", str(gold), "--pred", str(pred), "--errors", "2"])
    assert result.exit_code == 0, result.output
    assert "missed" in result.output and "'BERN' [0:4] in t1" in result.output


def test_a_task_the_gold_set_lacks_is_an_error(files):
    gold, pred = files
    result = CliRunner().invoke(main, ["evaluate", "quotes", str(gold), "--pred", str(pred)])
    assert result.exit_code != 0
    assert "has no 'quotes' annotation" in result.output


def test_an_unreadable_gold_line_is_an_error(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": 1, "text": "x", "times": []}\n{broken\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "times", str(gold), "--pred", str(gold)])
    assert result.exit_code != 0 and "gold.jsonl:2" in result.output


def test_unreadable_prediction_lines_are_counted(files, tmp_path):
    gold, _ = files
    pred = tmp_path / "bad.jsonl"
    pred.write_bytes(b'{"id": "t1", "times": []}\n\xff\xfe\n[1]\n')
    docs, bad = read_jsonl(pred, what="prediction")
    assert len(docs) == 1 and bad == 2
    result = evaluate_gold(gold, "times", pred=pred)
    assert result.results["times"]["pred_lines_unreadable"] == 2


def test_gold_inputs_show_only_id_text_published_source():
    assert list(gold_inputs(GOLD)) == [{"id": "t1", "text": TEXT, "published": "2022-05-03", "source": "test"}]


class _FakePipeline:
    """Stands in for Pipeline: records what it was given, answers with one time or a failure."""

    def __init__(self) -> None:
        self.seen: list[dict] = []

    def run(self, inputs):
        for item in inputs:
            self.seen.append(item)
            if item["id"] == "bad":
                yield Failure(origin="<input>", stage="read", reason="empty", id="bad")
            else:
                yield Article(id="other-id", text=item["text"],
                              times=(TimeExpr(57, 64, "Tuesday", "2022-05-03", "DATE"),))


def test_predict_feeds_four_fields_and_keeps_gold_ids(tmp_path):
    fake = _FakePipeline()
    gold = [*GOLD, {"id": "bad", "text": " ", "times": []}]
    records = list(predict(gold, pipeline=fake))
    assert all(set(item) == {"id", "text", "published", "source"} for item in fake.seen)
    assert [r["id"] for r in records] == ["t1", "bad"]
    assert records[1]["failure"]["reason"] == "empty"
    result = evaluate_gold(_write(tmp_path / "g.jsonl", gold), "times", pipeline=fake)
    assert result.results["times"]["relaxed_f1"] == pytest.approx(2 / 3)
    assert result.results["times"]["value_f1"] == pytest.approx(2 / 3)
    assert result.results["times"]["pred_failures"] == 1


def test_unknown_task_in_library_call(files):
    with pytest.raises(EvaluationError, match="unknown task"):
        evaluate_gold(files[0], "moods", pred=files[1])


@pytest.mark.slow
def test_runs_dateline_and_keeps_predictions(files, tmp_path):
    gold, _ = files
    out = tmp_path / "kept.jsonl"
    result = CliRunner().invoke(main, ["evaluate", "all", str(gold), "-o", str(out), "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith("places: f1=")
    kept = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [k["id"] for k in kept] == ["t1"] and "times" in kept[0]


def test_single_task_json_has_the_referee_shape(files):
    gold, pred = files
    result = CliRunner().invoke(main, ["evaluate", "times", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["task"] == "times" and data["relaxed_f1"] == pytest.approx(2 / 3) and "worst_misses" not in data


def test_baseline_shows_deltas_and_changed_errors(files, tmp_path):
    gold, pred = files
    old = _write(tmp_path / "old.jsonl", [{"id": "t1", "times": [], "places": []}])
    result = CliRunner().invoke(main, ["evaluate", "times", str(gold), "--pred", str(pred), "--baseline", str(old),
                                       "--errors", "3"])
    assert result.exit_code == 0, result.output
    assert "relaxed_f1           0.0000 -> 0.6667  (+0.6667)" in result.output
    assert "errors fixed 1, new errors 1" in result.output  # 'on Tuesday' found (wrong value); 'May 3' still missed
    assert "new errors (most frequent" in result.output
    data = json.loads(CliRunner().invoke(main, ["evaluate", "times", str(gold), "--pred", str(pred),
                                                "--baseline", str(old), "--json"]).output)
    assert data["baseline"]["delta"]["relaxed_f1"] == pytest.approx(2 / 3)
