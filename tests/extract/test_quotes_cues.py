"""The quote knowledge loader: packaged files, user files layered over them, errors."""

from __future__ import annotations

import pytest

from dateline.errors import KnowledgeFileError
from dateline.extract.quotes import quotes
from dateline.knowledge.cache import SHARED
from dateline.knowledge.quote_cues import load_cues


def test_packaged_cues_load():
    cues = SHARED.quote_cues()
    assert {"say", "tell", "stress", "recall", "confirm", "note"} <= cues.speech_verbs
    assert "believe" in cues.cognition_verbs
    assert ("according", "to") in cues.according
    assert cues.pronouns["she"].gender == "f"
    assert cues.phrasal["go"] == (("on",),)


def test_user_file_extends_lists(tmp_path):
    extra = tmp_path / "my_cues.yaml"
    extra.write_text("verbs:\n  speech: [opine]\nanonymous: [insider]\n", encoding="utf-8")
    cues = load_cues([extra])
    assert "opine" in cues.speech_verbs and "say" in cues.speech_verbs
    assert str(extra) in cues.sources


def test_user_verb_is_used_by_the_extractor(nlp, tmp_path):
    extra = tmp_path / "my_cues.yaml"
    extra.write_text("verbs:\n  speech: [opine]\n", encoding="utf-8")
    doc = nlp("Professor Lund opined that the reform would fail.")
    found = quotes(doc, layout=None, actors=[], times=[], anchor=None, cues=load_cues([extra]))
    assert [q.cue.text for q in found] == ["opined"]


@pytest.mark.parametrize("content", ["verbs: [unclosed", "- just\n- a list\n"])
def test_bad_user_file_raises_an_actionable_error(tmp_path, content):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="bad.yaml"):
        load_cues([bad])


def test_missing_user_file_raises(tmp_path):
    with pytest.raises(KnowledgeFileError, match="cannot read"):
        load_cues([tmp_path / "nope.yaml"])


def test_according_frames_first_words():
    cues = SHARED.quote_cues()
    assert "according" in cues.according_firsts
    assert cues.according_firsts == frozenset(frame[0] for frame in cues.according)


def test_covers_marks_spans_once():
    from dateline.extract.quotes.common import covers

    inside = covers([(2, 5), (10, 12)])
    assert [i for i in range(14) if inside(i)] == [2, 3, 4, 10, 11]
    assert not covers([])(0)
    assert covers([(-3, 1)])(-1)  # an offset before the text is read as the spans say
