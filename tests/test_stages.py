"""The stage contract: stages declare what they require and assign, the pipeline checks the order
when it is built, and the knowledge is one bundle built once from the settings."""

from __future__ import annotations

import pytest

from dateline import Pipeline, Settings
from dateline.knowledge.cache import KnowledgeCache
from dateline.stages import DEFAULT_STAGES, Knowledge, Stage, StageOrderError, check_order


def _stage(name: str, requires: tuple[str, ...], assigns: tuple[str, ...]) -> Stage:
    return Stage(name, requires=requires, assigns=assigns, run=lambda doc, ctx, kn, found: {a: [] for a in assigns})


def test_a_stage_needs_what_an_earlier_stage_assigns():
    check_order(DEFAULT_STAGES)
    check_order([_stage("a", (), ("x",)), _stage("b", ("x",), ("y",))])
    with pytest.raises(StageOrderError, match="stage 'b' requires 'x', which no earlier stage assigns"):
        check_order([_stage("b", ("x",), ("y",)), _stage("a", (), ("x",))])
    with pytest.raises(StageOrderError, match="both assign 'x'"):
        check_order([_stage("a", (), ("x",)), _stage("c", (), ("x",))])


def test_the_pipeline_refuses_stages_out_of_order_when_it_is_built():
    quotes = next(s for s in DEFAULT_STAGES if s.name == "quotes")
    with pytest.raises(StageOrderError, match="requires 'actors'"):
        Pipeline(Settings(places=False, event_coder="rules"), stages=[quotes])


def test_a_stage_must_return_exactly_what_it_assigns():
    liar = Stage("liar", requires=(), assigns=("x",), run=lambda doc, ctx, kn, found: {"y": []})
    with pytest.raises(StageOrderError, match="returned"):
        liar(None, None, None, {})  # type: ignore[arg-type]


@pytest.mark.slow  # loads every knowledge file into a fresh cache (the trigger patterns take seconds)
def test_the_knowledge_is_built_once_per_set_of_files():
    cache = KnowledgeCache()
    settings = Settings(places=False, event_coder="rules")
    one = Knowledge.from_settings(settings, cache)
    assert Knowledge.from_settings(settings.replace(batch_size=3, processes=2), cache) is one
    assert Pipeline(settings, cache=cache).knowledge is one
    assert one.decider is None and one.gazetteer is None
    assert one.actors is cache.actors()
