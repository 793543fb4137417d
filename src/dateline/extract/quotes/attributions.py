"""Attributions set apart from what they attribute: a sentence-final ", X said." after the whole
statement, and an "according to X" set off by commas inside the clause it attributes."""

from __future__ import annotations

from ...knowledge.quote_cues import QuoteCues
from ...nlp import doc_text, sentence_of
from .common import lemmas, trim_span

__all__ = ["fronted", "frame_inside"]


def fronted(doc, verb, cues: QuoteCues) -> tuple[int, int] | None:
    """The fronted statement of a sentence-final attribution: "Better late than never, she said."
    (the speech verb heads the sentence, its subject follows a comma, nothing follows it). The
    statement is all of the sentence before that comma, also when the parser coordinated the verb
    with the statement's first clause or took only the last of its clauses as the complement
    ("The van was to be escorted, but the service whisked her away, a source said.")."""
    if not lemmas(verb) & cues.speech_verbs:
        return None
    if verb.dep_ != "ROOT" and not (verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i):
        return None
    subj = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subj is None or subj.left_edge.i == 0:
        return None
    comma = doc[subj.left_edge.i - 1]
    sent = sentence_of(verb)
    if comma.text != "," or comma.i <= sent.start + 1:
        return None
    rest = [t for t in doc[verb.i + 1: sent.end] if not t.is_space]
    if rest and not all(t.is_punct or t.dep_ in ("npadvmod", "advmod", "prep", "pobj", "det", "compound", "amod",
                                                  "nummod", "dative") for t in rest):
        return None
    if any(t.dep_ in ("dobj", "ccomp") for t in rest):
        return None
    start, end = trim_span(doc_text(doc), sent[0].idx, comma.idx)
    content = doc_text(doc)[start:end]
    if len(content.split()) < 2 or not any(ch.isalpha() for ch in content):
        return None
    return start, end


# The fewest words of a clause on either side of an "according to X" set off inside it.
_AROUND_WORDS = 3


def frame_inside(doc, clause, top, last, cues: QuoteCues) -> tuple[int, int] | None:
    """The whole clause around an "according to X" frame set off by commas inside it ("The mayor
    leads in the north, according to the poll, and has a small lead in the south"), as an
    interrupting attribution's statement is; None when the frame stands at either end."""
    first = top.left_edge.i
    end_i = max(last.i, top.right_edge.i) + 1
    if first == 0 or end_i >= len(doc) or doc[first - 1].text != "," or doc[end_i].text != ",":
        return None
    words = [t for t in clause.subtree if not t.is_punct and not t.is_space]
    before = [t for t in words if t.i < first]
    after = [t for t in words if t.i > end_i]
    if len(before) < _AROUND_WORDS or len(after) < _AROUND_WORDS:
        return None
    start, end = trim_span(doc_text(doc), words[0].idx, words[-1].idx + len(words[-1].text))
    return (start, end) if end - start >= 3 else None
