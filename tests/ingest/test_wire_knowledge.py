"""The wire knowledge files: packaged data loads, user files add to it, bad files explain themselves."""

from __future__ import annotations

import pytest

from dateline.errors import KnowledgeFileError
from dateline.ingest.datelines import find_dateline
from dateline.ingest.wire import analyse_layout
from dateline.knowledge.wire import load_wire_knowledge


def test_packaged_knowledge():
    knowledge = load_wire_knowledge()
    assert knowledge.agency_name("ITAR-TASS") == "TASS"
    assert knowledge.agency_name("associated  press") == "AP"
    assert knowledge.month("Sept.") == 9
    assert "all news" in {n.lower() for n in knowledge.navigation}
    assert all(isinstance(p, str) for p in knowledge.place_particles)


def test_user_file_adds_agency_and_navigation(tmp_path):
    extra = tmp_path / "wire_mine.yaml"
    extra.write_text("agencies:\n  Ukrinform: [UKRINFORM]\nnavigation:\n  - Subscribe to our channel\n",
                     encoding="utf-8")
    knowledge = load_wire_knowledge([extra])
    assert knowledge.agency_name("UKRINFORM") == "Ukrinform"
    assert knowledge.agency_name("TASS") == "TASS"  # packaged entries stay
    text = "KYIV (UKRINFORM) - The talks ended.\n\nSubscribe to our channel"
    found = find_dateline(text, knowledge=knowledge)
    assert found is not None and found.agency == "Ukrinform"
    layout = analyse_layout(text, knowledge=knowledge)
    assert [text[z.start:z.end] for z in layout.excluded] == ["Subscribe to our channel"]


@pytest.mark.parametrize("content", ["agencies: [unclosed\n", "- just\n- a list\n", "navigation: 5\n",
                                     "months:\n  Smarch: 13\n", "agencies: [TASS]\n",
                                     "agencies:\n  TASS: ITAR-TASS\n"])
def test_bad_user_file(tmp_path, content):
    bad = tmp_path / "wire_bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeFileError) as info:
        load_wire_knowledge([bad])
    assert str(bad) in str(info.value)
