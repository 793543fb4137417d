"""The records actor coding works on: the words of a phrase (from plain text or a spaCy span),
the items a phrase is cut into, and the coding of a phrase."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...knowledge.actors import ActorCode, Role
from ...nlp import token_columns
from ..syntax.labels import NOMINAL_POS

__all__ = ["Word", "Item", "Coding", "words_of_text", "words_of_span", "span_text", "NON_STATE"]

_WORD_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[\w]+(?:[-'’.][\w]+)*\.?|'s|’s|[^\w\s]", re.UNICODE)
_WORD_COLUMNS = ("text", "pos_", "idx", "is_space", "is_punct", "is_sent_start", "ent_type_", "ent_iob_", "dep_")
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
    """Words of spaCy tokens (offsets are the tokens' character offsets): a span's or a list's."""
    if not len(tokens):
        return []
    doc = tokens[0].doc
    at = range(tokens.start, tokens.end) if hasattr(tokens, "start") else [t.i for t in tokens]  # a Span, or tokens
    # the document's token columns: spaCy builds a Token and looks a string up on every access
    texts, tags, starts, space, punct, sent_start, ents, iob, deps = token_columns(doc, _WORD_COLUMNS)
    out: list[Word] = []
    for i in at:
        if space[i]:
            continue
        text, pos, idx = texts[i], tags[i], starts[i]
        # a capital after punctuation or a line break proves nothing
        propn = pos == "PROPN" or (text[:1].isupper() and pos in ("NOUN", "ADJ", "X") and not sent_start[i]
                                   and i > 0 and not (punct[i - 1] or space[i - 1]))
        out.append(Word(idx, idx + len(text), text, ents[i], propn, punct[i], tagged=bool(pos),
                        noun=pos in NOMINAL_POS and deps[i] not in ("amod", "compound", "nmod"),
                        inside=iob[i] == "I"))
    return out


def span_text(text: str, words: Sequence[Word], i: int, j: int) -> str:
    """The text of words i..j; a gap between non-adjacent words reads as one space."""
    parts: list[str] = []
    for k in range(i, j + 1):
        if k > i and words[k].start > words[k - 1].end:
            gap = text[words[k - 1].end:words[k].start]
            parts.append(gap if not gap.strip() and "\n" not in gap else " ")
        parts.append(text[words[k].start:words[k].end])
    return "".join(parts)
