"""Reading JSON Lines: bad prediction lines are counted, never fatal; tasks are detected."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.evaluate import EvaluationError, read_jsonl, score, tasks_in


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_any_bytes_as_predictions_never_crash(tmp_path, data):
    path = tmp_path / "pred.jsonl"
    path.write_bytes(data)
    docs, bad = read_jsonl(path, what="prediction")
    m = score("times", [{"id": "a", "text": "x", "times": []}], docs, unreadable=bad)
    assert m["relaxed_f1"] == 0.0


def test_missing_file_says_which(tmp_path):
    with pytest.raises(EvaluationError, match="cannot read the gold file"):
        read_jsonl(tmp_path / "nope.jsonl")


@pytest.mark.parametrize("docs, expected", [
    ([{"id": 1, "times": []}], ["times"]),
    ([{"id": 1, "places": None}, {"id": 2, "events": [], "quotes": []}], ["events", "quotes"]),
    ([{"id": 1, "text": "x"}], []),
])
def test_tasks_in(docs, expected):
    assert tasks_in(docs) == expected
