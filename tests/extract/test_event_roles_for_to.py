"""The subject of a for-to clause as the one a request is aimed at. Sentences written for these
tests; a stand-in actor coder codes a phrase by its first country word."""

from __future__ import annotations

import pytest

from helpers import dyads_of


@pytest.mark.usefixtures("country_word_actors")
@pytest.mark.parametrize("text, expected", [
    # "called for X to ...": the parser reads the for-to clause as an adverbial clause
    ("Norway called for Swedish troops to leave the island.", ("REQUEST", ["NOR"], ["SWE"])),
    ("Norway pushed for Sweden to lift the ban.", ("REQUEST", ["NOR"], ["SWE"])),
])
def test_the_subject_of_a_for_to_clause_is_the_one_asked(nlp, text, expected):
    assert expected in dyads_of(nlp, text)
