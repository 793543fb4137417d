"""Shared fixtures: one spaCy pipeline per test session, the stand-in actor coder of the event tests,
and paths to optional shared material. Every test that uses the pipeline or builds the small gazetteer
is marked ``slow``."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


# fixtures that take seconds: the tests that use them (or a fixture built on them) are slow
SLOW_FIXTURES = {"nlp", "small_gazetteer_path"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``slow`` every test that parses with spaCy through the ``nlp`` fixture or builds the small
    gazetteer; tests that take seconds another way (``dateline.extract``, the pipeline, the command
    line, processes) carry the mark themselves."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def nlp():
    """dateline's spaCy pipeline (loaded once)."""
    from dateline.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text the way the pipeline does (no layout masking)."""
    return nlp


@pytest.fixture(scope="session")
def small_gazetteer_path(tmp_path_factory):
    """A gazetteer built from cities of 15,000 people or more (seconds, not the full build)."""
    from dateline.knowledge.gazetteer_build import build_gazetteer

    return build_gazetteer(tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite", min_population=15000)


@pytest.fixture(scope="session")
def small_gazetteer(small_gazetteer_path):
    """The small gazetteer, opened read-only."""
    from dateline.knowledge.gazetteer import Gazetteer

    return Gazetteer(small_gazetteer_path)


# role words the stand-in actor coder reads a sector from (else GOV)
ROLE_SECTORS = {"farmers": "AGR", "students": "EDU", "protesters": "CVL", "workers": "LAB", "rebels": "REB",
                "police": "COP", "troops": "MIL", "army": "MIL", "soldiers": "MIL"}


@pytest.fixture
def country_word_actors(monkeypatch):
    """A stand-in for the event coder's actor coding: a phrase is coded by the first country word
    (or two-word name) of helpers.COUNTRIES, and by its role word's sector (else GOV), so event
    rules are tested apart from actor coding. Use it with ``pytest.mark.usefixtures``."""
    from helpers import COUNTRIES

    from dateline.extract.events import actor_coder
    from dateline.records import Actor

    def code_span(doc, start, end, *, knowledge=None, date=None, weak=False):
        span = doc.char_span(start, end, alignment_mode="expand")
        words = [t.lower_ for t in span]
        for n in (2, 1):
            for i in range(len(words) - n + 1):
                code = COUNTRIES.get(" ".join(words[i:i + n]))
                if code:
                    sector = next((ROLE_SECTORS[w] for w in words if w in ROLE_SECTORS), "GOV")
                    return Actor(start, end, doc.text[start:end], name=" ".join(words[i:i + n]),
                                 country=code, sector=sector)
        return None

    monkeypatch.setattr(actor_coder, "actor_code_span", code_span)
