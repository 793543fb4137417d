"""Place names the model split in two: "Boa" (GPE) + "Vista" (ORG), "Baja" + "California"; and
place names inside one token.

Two entities that touch, with one space between and no punctuation, form one place when the
joined words are a place's own name in the gazetteer. Two different places rarely stand side
by side without a comma or "and" between them.

The tokenizer keeps an abbreviation and what a hyphen joins to it in one token ("U.S.-led",
"U.S.-China", "Calif.--(BUSINESS", "Calif.--" before a wire's name): a capitalized part of such a
token that names a country or a first-order division is a place of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...knowledge.gazetteer import Gazetteer
from .candidates import Mention
from ...nlp import token_column

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["INNER_SOURCE", "joined_entities", "inner_names"]

INNER_SOURCE = "inner"

_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_PARTS = re.compile(r"[^-–—()/]+")
_DASHES = re.compile(r"[-–—]{2,}")


def joined_entities(doc: "Doc", gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """Token ranges and a label of adjacent entity pairs whose joined text names a place,
    at least one of them tagged as a place."""
    ents = list(doc.ents)
    for a, b in zip(ents, ents[1:]):
        if b.start != a.end or a.label_ not in _NAME_LABELS or b.label_ not in _NAME_LABELS:
            continue
        if a.label_ not in _PLACE_LABELS and b.label_ not in _PLACE_LABELS:
            continue
        gap = doc[a.end - 1].whitespace_
        if gap != " " or not (a.text[:1].isupper() and b.text[:1].isupper()):
            continue
        text = doc.text[a.start_char:b.end_char]
        if any(c.prio == 0 and c.lat is not None for c in gazetteer.lookup_text(text)):
            yield a.start, b.end, a.label_ if a.label_ in _PLACE_LABELS else b.label_


def inner_names(doc: "Doc", taken: list[bool], gazetteer: Gazetteer) -> list[Mention]:
    """A mention for each capitalized part of a free hyphened token ("U.S." in "U.S.-led") that
    names a country or a first-order division; the tokens that hold one become taken."""
    found = []
    for i, text in enumerate(token_column(doc, "text")):
        if "-" not in text or taken[i] or not text[:1].isupper():
            continue
        tok = doc[i]
        parts = list(_PARTS.finditer(tok.text))
        if not parts or (len(parts) == 1 and not _DASHES.fullmatch(tok.text[parts[0].end():])):
            continue  # one part is a name only before a run of dashes ("Calif.--" in a dateline)
        for m in parts:
            part = m.group()
            if not part[:1].isupper() or (part.isalpha() and part.isupper()):
                continue  # "led", "BUSINESS"
            if any(c.prio <= 1 and (c.is_country or c.is_admin) for c in gazetteer.lookup_text(part)):
                start, end = tok.idx + m.start(), tok.idx + m.end()
                found.append(Mention(start, end, part, start, end, INNER_SOURCE))
                taken[tok.i] = True
    return found
