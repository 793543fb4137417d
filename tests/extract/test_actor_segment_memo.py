"""Remembered cuts: a phrase cut again gets the same items, in a list of its own."""

from __future__ import annotations

from dataclasses import replace

from dateline.extract.actors.coding import code_words, segment, words_of_text
from dateline.extract.actors.segment import phrase_key
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


def test_the_same_phrase_elsewhere_is_cut_once(kb):
    """A phrase's cut is remembered wherever it stands: its items name words by their place."""
    text = "Turkish troops left. Then Turkish troops came back."
    words = words_of_text(text)
    first, second = words[0:2], words[4:6]
    assert [w.text for w in second] == ["Turkish", "troops"]
    kb.segments.clear()
    items = segment(first, text, kb, None)
    assert len(kb.segments) == 1
    assert segment(second, text, kb, None) == items
    assert len(kb.segments) == 1


def test_phrase_keys_tell_gaps_and_words_apart():
    text = "Turkish troops, Turkish  troops, Turkish\ntroops"
    words = words_of_text(text)
    one, two, three = words[0:2], words[3:5], words[6:8]
    assert phrase_key(one, text) != phrase_key(two, text)  # two spaces between the words
    assert phrase_key(one, text) != phrase_key(three, text)  # a line break
    shifted = [replace(w, start=w.start + 100, end=w.end + 100) for w in one]
    assert phrase_key(shifted, " " * 100 + text) == phrase_key(one, text)
    tagged = [replace(w, ent="NORP") for w in one]
    assert phrase_key(tagged, text) != phrase_key(one, text)
    assert phrase_key([], text) == ()


def test_the_same_phrase_elsewhere_is_coded_once_with_its_own_offsets(kb):
    text = "Turkish troops left. Then Turkish troops came back."
    words = words_of_text(text)
    kb.codings.clear()
    first = code_words(words[0:2], text, knowledge=kb)
    second = code_words(words[4:6], text, knowledge=kb)
    assert len(kb.codings) == 1
    assert (first.start, first.end) == (0, 14)
    assert (second.start, second.end) == (26, 40)
    assert text[second.start:second.end] == "Turkish troops"
    assert (second.code, second.how, second.role) == (first.code, first.how, first.role)
    assert code_words([], text, knowledge=kb) is None
