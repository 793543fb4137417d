"""What the whole article says about a name: its person names, and one sense per article. A name
the article already uses as a place is a place where it comes back in a weaker context ("Nelson
residents" after "in Nelson"; "Samos's economy" after "on Samos"), which alone would not have
made it one.

Only a name found as a place with evidence of its own counts as the first use: one the model
labelled a place (GPE, LOC), one after a locative preposition ("in Nelson"), the dateline's; not
a known place the model labelled otherwise elsewhere, a nationality word or a name inside an
organisation's. Nor a name the article uses more often as something else, by the model's labels
("ICON is a trustful partner" ten times, "in ICON" once). A repeat is skipped where the words
belong to a person ("Mr Nelson", "Nelson Mandela"), are stoplisted, or sit inside a longer
capitalized name that goes on before them ("Lord Nelson").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from ...knowledge.gazetteer import Gazetteer
from .candidates import Mention, capitalized, is_major
from ...nlp import token_column

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["REPEAT_SOURCE", "person_names", "repeated_names"]

REPEAT_SOURCE = "repeat"
_FIRST_SOURCES = frozenset({"ner", "gazetteer", "dateline", "facility"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_MAX_TOKENS = 4


def person_names(doc: "Doc", gazetteer: Gazetteer) -> set[str]:
    """Words of the article's multiword person names; a major place that opens one is a
    mislabelled team or organisation ("Seattle Seahawks"), not a first name."""
    names: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if len(ent) > 1:
            for k, t in enumerate(ent):
                if t.is_title and not (k == 0 and is_major(gazetteer.lookup_text(t.text))):
                    names.add(t.text)
        elif ent.start > 0 and doc[ent.start - 1].is_title and doc[ent.start - 1].is_alpha \
                and not doc[ent.start - 1].is_sent_start and not doc[ent.start - 1].ent_type_:
            names.add(ent.text)  # "Conor McGregor" with only the surname tagged
    return names


def _keys(doc: "Doc", mentions: Sequence[Mention]) -> set[tuple[str, ...]]:
    """The lower-cased token sequences of the names found with evidence."""
    keys: set[tuple[str, ...]] = set()
    for m in mentions:
        if m.source not in _FIRST_SOURCES or not (m.locative or m.label in _PLACE_LABELS or m.source == "dateline"):
            continue
        span = doc.char_span(m.name_start, m.name_end)
        if span is not None and 0 < len(span) <= _MAX_TOKENS and all(capitalized(t) for t in span):
            keys.add(tuple(t.lower_ for t in span))
    return keys


class _Words:
    """The article's lower-cased words, and where each one stands (read once per article)."""

    def __init__(self, doc: "Doc") -> None:
        self.lower = list(token_column(doc, "lower_"))
        self.at: dict[str, list[int]] = {}
        for i, word in enumerate(self.lower):
            self.at.setdefault(word, []).append(i)

    def occurrences(self, key: tuple[str, ...]) -> Iterator[int]:
        """Token indices where the words of ``key`` start, in order."""
        n = len(key)
        for i in self.at.get(key[0], ()):
            if tuple(self.lower[i:i + n]) == key:
                yield i


def _mostly_place(doc: "Doc", words: _Words, key: tuple[str, ...], locatives: frozenset[str]) -> bool:
    """Whether the article uses the name as a place at least as often as otherwise: uses the
    model labelled a place or that follow a locative preposition, against uses it labelled a
    person, organisation ... ("ICON is a trustful partner", "said Noma"); a use that only
    qualifies a noun counts for neither."""
    place = other = 0
    for i in words.occurrences(key):
        before = i - 1
        if before >= 0 and doc[before].lower_ == "the":
            before -= 1
        if doc[i].ent_type_ in _PLACE_LABELS or doc[i].ent_type_ == "FAC" \
                or (before >= 0 and doc[before].lower_ in locatives):
            place += 1
        elif doc[i].ent_type_ and not _modifies(doc[i + len(key) - 1]):
            other += 1
    return place >= other


def _modifies(tok: "Token") -> bool:
    """A name that only qualifies a noun after it ("Nelson residents", "the Nelson office"): no
    evidence of what the model's label says it is."""
    return tok.dep_ in ("compound", "nmod", "amod") and tok.head.i > tok.i


def repeated_names(doc: "Doc", mentions: Sequence[Mention], taken: Sequence[bool], *,
                   refused: Callable[[str], bool], honorifics: frozenset[str],
                   locatives: frozenset[str], named: frozenset[str] = frozenset()) -> Iterator[tuple[int, int]]:
    """Token ranges ``[start, end)`` where a name found as a place comes back untaken.

    ``refused(text)`` says a name may never be a place here (a person's name, a stoplisted word);
    ``honorifics`` are titles before a person's name ("Mr", "Lord"); ``locatives`` the
    prepositions before a place ("in", "at"); ``named`` the words of names the article itself
    calls a settlement ("the suburb of Madinaty"), whose uses need not be mostly a place's.
    """
    first = _keys(doc, mentions)
    if not first:
        return
    words = _Words(doc)
    lowered = {w.lower() for w in named}
    keys = {key for key in first if set(key) <= lowered or _mostly_place(doc, words, key, locatives)}
    if not keys:
        return
    # every start of a repeated name, longest name first where several start at one word
    starts = sorted({(i, -len(key)) for key in keys for i in words.occurrences(key)})
    resume = 0  # the first word not yet decided: past a name given, or past a start refused
    for i, minus_n in starts:
        end = i - minus_n
        if i < resume or taken[i] or not all(capitalized(t) and not taken[t.i] for t in doc[i:end]):
            continue
        if _free(doc, i, end, refused, honorifics):
            yield i, end
            resume = end
        else:  # the longest name that fits here is refused: no shorter one is tried in its place
            resume = i + 1


def _free(doc: "Doc", start: int, end: int, refused: Callable[[str], bool], honorifics: frozenset[str]) -> bool:
    """Whether the words may be a place: not a person's or stoplisted name, not part of a longer
    PERSON entity, not after an honorific or another capitalized name word."""
    text = doc[start:end].text
    if refused(text):
        return False
    if (doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ == "I") \
            or (end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I"):
        return False
    if start == 0:
        return True
    before = doc[start - 1]
    if before.lower_.rstrip(".") in honorifics:
        return False
    return not (capitalized(before) and before.pos_ == "PROPN" and not before.is_sent_start)
