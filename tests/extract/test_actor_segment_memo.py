"""Remembered cuts: a phrase cut again gets the same items, in a list of its own."""

from __future__ import annotations

from dateline.extract.actors.coding import segment, words_of_text
from dateline.knowledge.actors import ActorCode, ActorKnowledge


def test_a_phrase_cut_twice_gets_equal_items_in_a_fresh_list(kb):
    text = "the Turkish and Russian defence ministers"
    words = words_of_text(text)
    first = segment(words, text, kb, "2019-10-14")
    first.append(None)  # a caller changing its list changes nobody else's
    second = segment(words, text, kb, "2019-10-14")
    assert second == first[:-1]
    assert [it.type for it in second][:4] == ["other", "demonym", "and", "demonym"]


def test_cuts_are_remembered_per_knowledge_base():
    text = "Ruritania sent envoys"
    words = words_of_text(text)
    knows = ActorKnowledge(entities={"ruritania": ActorCode("Ruritania", "RUR", "GOV", "state")})
    blank = ActorKnowledge()
    assert segment(words, text, knows, None)[0].type == "entity"
    assert segment(words, text, blank, None)[0].type == "name"
    assert segment(words, text, knows, None)[0].type == "entity"
