"""The records actor coding works on: the words of a phrase (from plain text or a spaCy span),
the items a phrase is cut into, and the coding of a phrase."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...knowledge.actors import ActorCode, Role
from ..syntax.labels import NOMINAL_POS

__all__ = ["Word", "Item", "Coding", "words_of_text", "words_of_span", "span_text", "NON_STATE"]

_WORD_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[\w]+(?:[-'’.][\w]+)*\.?|'s|’s|[^\w\s]", re.UNICODE)
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


@dataclass(frozen=True, slots=True)
class Word:
    """One token: offsets into the text, and what the parser said about it (when known).

    ``ent`` is the NER label, ``propn`` whether it reads as a proper name, ``tagged`` whether a
    tagger saw it, ``noun`` whether it heads a noun phrase, ``inside`` whether it continues an
    entity begun by the token before.
    """

    start: int
    end: int
    text: str
    ent: str = ""
    propn: bool = False
    punct: bool = False
    tagged: bool = False
    noun: bool = False
    inside: bool = False


@dataclass(frozen=True, slots=True)
class Item:
    """A piece of a phrase: ``type`` is entity | demonym | role | capital | name | other | and | poss."""

    type: str
    first: int
    last: int
    code: ActorCode | None = None
    role: Role | None = None
    label: str = ""


@dataclass(frozen=True, slots=True)
class Coding:
    """The code of a phrase, with what it was read from.

    ``role`` is the head role or the title before a name; ``how`` is known | name | role |
    state | demonym | org; ``start``/``end`` the offsets of the kept phrase (leading
    determiners dropped).
    """

    code: ActorCode
    how: str
    role: Role | None
    start: int
    end: int


def words_of_text(text: str) -> list[Word]:
    """Words of plain text (a small regex tokenizer; possessive "'s" split off)."""
    words: list[Word] = []
    for m in _WORD_RE.finditer(text):
        token = m.group()
        start, end = m.start(), m.end()
        poss = re.search(r"['’]s$", token)
        if poss and len(token) > 2 and not re.fullmatch(r"(?:[A-Za-z]\.){2,}", token):
            words.append(Word(start, end - 2, token[:-2], propn=token[:1].isupper()))
            words.append(Word(end - 2, end, token[-2:]))
            continue
        if token.endswith(".") and len(token) > 5 and not re.fullmatch(r"(?:[A-Za-z]\.)+", token):
            token, end = token[:-1], end - 1  # a full stop; short "Gen." "Mr." keep theirs
        punct = not any(c.isalnum() for c in token)
        words.append(Word(start, end, token, propn=token[:1].isupper(), punct=punct))
    return words


def words_of_span(tokens: Sequence) -> list[Word]:
    """Words of spaCy tokens (offsets are the tokens' character offsets)."""
    out: list[Word] = []
    for t in tokens:
        if t.is_space:
            continue
        # each attribute read once: spaCy looks a token's strings up on every access
        text, pos, idx = t.text, t.pos_, t.idx
        propn = pos == "PROPN" or (text[:1].isupper() and pos in ("NOUN", "ADJ", "X") and not t.is_sent_start
                                   and t.i > 0 and not after_opening(t))
        out.append(Word(idx, idx + len(text), text, t.ent_type_, propn, t.is_punct, tagged=bool(pos),
                        noun=pos in NOMINAL_POS and t.dep_ not in ("amod", "compound", "nmod"),
                        inside=t.ent_iob_ == "I"))
    return out


def after_opening(token) -> bool:
    """Whether ``token`` follows punctuation or a line break (a capital there proves nothing)."""
    prev = token.nbor(-1)
    return prev.is_punct or prev.is_space


def span_text(text: str, words: Sequence[Word], i: int, j: int) -> str:
    """The text of words i..j; a gap between non-adjacent words reads as one space."""
    parts: list[str] = []
    for k in range(i, j + 1):
        if k > i and words[k].start > words[k - 1].end:
            gap = text[words[k - 1].end:words[k].start]
            parts.append(gap if not gap.strip() and "\n" not in gap else " ")
        parts.append(text[words[k].start:words[k].end])
    return "".join(parts)
