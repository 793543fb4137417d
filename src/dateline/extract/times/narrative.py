"""The date a narrative sentence inherits from the sentences before it.

News tells a past episode in a run of past-tense sentences after naming its day once: "The
situation deteriorated on February 27 when militants attacked. The Syrian military carried out a
strike. Shortly after that, Turkish forces retaliated." The strike and the retaliation happened
on February 27, not on the publication day. :func:`narrative_date` walks back from a sentence
without a date of its own, through sentences in the simple past within the same paragraph, to
the last day named; a sentence in another tense ("Turkey has conducted three operations"), a
paragraph break or a sentence too far back ends the walk.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...records import TimeExpr
from ...nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan

__all__ = ["narrative_date", "is_narrative_past"]

#: Sentences walked back at most (the dated one included).
MAX_SENTENCES_BACK = 3
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_BREAK = re.compile(r"\s*\n[^\S\n]*\n")
_PERFECT_OR_PRESENT = frozenset({"has", "have", "'ve", "’ve", "'s", "’s", "is", "are", "am", "will", "shall",
                                 "would", "can", "may", "must", "should", "could", "might"})


def is_narrative_past(sent: "SpacySpan") -> bool:
    """Whether a sentence tells what happened in the simple past: its main verb is a past tense
    without a perfect, present or modal auxiliary ("carried out", "retaliated", "was killed")."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _PERFECT_OR_PRESENT for a in auxes):
        return False
    if root.tag_ == "VBD":
        return True
    if root.tag_ != "VBN":
        return False
    if not auxes:  # a participle heading a clause with a subject is a simple past the tagger missed
        return any(c.dep_ == "nsubj" for c in root.children)
    return any(a.tag_ == "VBD" for a in auxes)  # "was killed", "had left"


def _day_in(times: Sequence[TimeExpr], start: int, end: int, anchor: str | None) -> str | None:
    """The last day named between ``start`` and ``end`` that is not after the article's date."""
    found = None
    for t in times:
        if start <= t.start and t.end <= end and t.type in ("DATE", "TIME") and t.value:
            day = t.value[:10]
            if _DAY.match(day) and (anchor is None or day <= anchor):
                found = day
    return found


class _Sentences:
    """The sentences of one parsed article, their starts and (lazily) whether each is narrative past."""

    def __init__(self, doc: "Doc") -> None:
        self.text = doc_text(doc)
        self.sents = list(doc.sents)
        self.starts = [s.start_char for s in self.sents]
        self.ends = [s.end_char for s in self.sents]
        self.past: dict[int, bool] = {}

    def index(self, char: int) -> int | None:
        i = bisect_right(self.starts, char) - 1
        return i if i >= 0 and char < self.ends[i] else None

    def narrative(self, i: int) -> bool:
        if i not in self.past:
            self.past[i] = is_narrative_past(self.sents[i])
        return self.past[i]


_SENTENCES_KEY = "dateline.narrative_sentences"


def _sentences(doc: "Doc") -> _Sentences:
    """The article's sentences, built once per document (events ask once per proposal) and kept
    with the document itself, in ``doc.user_data``."""
    found = doc.user_data.get(_SENTENCES_KEY)
    if found is None:
        found = doc.user_data[_SENTENCES_KEY] = _Sentences(doc)
    return found


def narrative_date(doc: "Doc", times: Sequence[TimeExpr], sentence_start: int,
                   anchor: str | None) -> str | None:
    """The day a past-tense sentence starting at ``sentence_start`` continues telling, or None.

    The sentence itself must be narrative past (:func:`is_narrative_past`); earlier sentences of
    the same paragraph are walked back while they are narrative past too, until one names a day
    on or before ``anchor``.
    """
    sentences = _sentences(doc)
    index = sentences.index(sentence_start)
    if index is None or not sentences.narrative(index):
        return None
    text, starts, ends = sentences.text, sentences.starts, sentences.ends
    for back in range(1, MAX_SENTENCES_BACK + 1):
        i = index - back
        if i < 0:
            return None
        if _BREAK.search(text, starts[i], starts[i + 1]) or _BREAK.match(text, starts[i + 1], ends[i + 1]):
            return None  # a paragraph break ends the episode
        day = _day_in(times, starts[i], ends[i], anchor)
        if day is not None:
            return day
        if not sentences.narrative(i):
            return None
    return None
