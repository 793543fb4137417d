"""Finding toponyms in a parsed article: NER entities, gazetteer matches the model missed,
and the dateline's place, with directional modifiers and administrative nouns attached."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..knowledge.gazetteer import Candidate, Gazetteer
from ..knowledge.gazetteer_words import GeoWords
from ..records import Layout

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

__all__ = ["Mention", "find_mentions"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_MAX_NGRAM = 4
_CONJUNCTIONS = frozenset({"and", "or", "&", ","})
_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "outside", "across", "towards", "toward",
                       "around", "throughout", "via", "of", "between", "inside", "through"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym in the text: ``start``/``end`` include modifiers, ``name`` is what to look up.

    ``prefer`` is a GeoNames feature class an administrative noun asks for ("province" → A);
    ``source`` says how it was found: ner, gazetteer, dateline, embedded or demonym.
    """

    start: int
    end: int
    name: str
    name_start: int
    name_end: int
    source: str
    prefer: str | None = None
    label: str | None = None
    locative: bool = False


def _strong(cands: Iterable[Candidate], min_population: int) -> bool:
    """Whether a name's best reading is a place worth recognising without NER."""
    for c in cands:
        if c.lat is None:
            continue
        if c.is_country or c.fclass in ("L", "H", "T") or c.is_admin or c.fcode == "PPLC":
            return True
        if c.population >= min_population:
            return True
    return False


class _Finder:
    def __init__(self, doc: "Doc", gazetteer: Gazetteer, words: GeoWords, layout: Layout | None,
                 demonyms: bool, embedded: bool) -> None:
        self.doc, self.gaz, self.words, self.layout = doc, gazetteer, words, layout
        self.demonyms, self.embedded = demonyms, embedded
        self.taken = [False] * len(doc)
        self.mentions: list[Mention] = []
        self.person_names = self._person_names()

    def _person_names(self) -> set[str]:
        names: set[str] = set()
        for ent in self.doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                names.update(t.text for t in ent if t.is_title)
        return names

    # -- span helpers -------------------------------------------------------------------------

    def _is_demonym(self, text: str) -> bool:
        """A nationality word ("Canadian"), unless it is also the name of a major place."""
        if self.gaz.demonym_place(text) is None:
            return False
        return not any(c.name == text for c in self.gaz.lookup_text(text) if _strong((c,), 100_000))

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Token bounds without a leading "the", trailing possessive or punctuation."""
        doc = self.doc
        while start < end and (doc[start].lower_ == "the" or doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                               or doc[end - 1].lower_ in ("'s", "’s", "'", "’")):
            end -= 1
        return start, end

    def _text(self, start: int, end: int) -> str:
        doc = self.doc
        return doc.text[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)]

    def _org_head_after(self, end: int) -> bool:
        """The name goes on into an organisation ("Moscow State University", "Washington Post")."""
        doc = self.doc
        for i in range(end, min(end + 3, len(doc))):
            tok = doc[i]
            if tok.lower_ in self.words.org_heads and (tok.is_title or tok.is_upper):
                return True
            if not (tok.is_title or tok.is_upper) or tok.is_punct:
                return False
        return False

    def _add(self, start: int, end: int, source: str, label: str | None) -> None:
        """Record a mention over tokens [start, end), attaching modifiers and admin nouns."""
        start, end = self._trim(start, end)
        if start >= end or any(self.taken[start:end]):
            return
        doc = self.doc
        name_start, name_end = start, end
        prefer = None
        # "Idlib province", "Euphrates River": the noun joins the span and the look-up.
        if end < len(doc) and doc[end].lower_ in self.words.admin_nouns and not self.taken[end]:
            with_noun = self._text(start, end + 1)
            prefer = self.words.admin_nouns[doc[end].lower_]
            if self.gaz.lookup_text(with_noun):
                name_end = end + 1
            end += 1
        elif doc[end - 1].lower_ in self.words.admin_nouns and end - start > 1:
            prefer = self.words.admin_nouns[doc[end - 1].lower_]
        name = self._text(name_start, name_end)
        if not self.gaz.lookup_text(name) and prefer and name_end - name_start > 1 \
                and doc[name_end - 1].lower_ in self.words.admin_nouns:
            name_end -= 1
            name = self._text(name_start, name_end)
        # "northern Syria", "east of the Euphrates".
        s = start
        if s > 0 and doc[s - 1].lower_ == "the":
            s -= 1
        relative = self._relative_before(s)
        if relative is not None:
            start = relative
        elif start > 0 and doc[start - 1].lower_ in self.words.directions and not self.taken[start - 1]:
            start -= 1
        for i in range(start, end):
            self.taken[i] = True
        before = start - 1
        while before >= 0 and (doc[before].lower_ in ("the", "of") or doc[before].lower_ in self.words.directions):
            before -= 1
        locative = before >= 0 and doc[before].lower_ in _LOCATIVE
        self.mentions.append(Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), name,
                                     doc[name_start].idx, doc[name_end - 1].idx + len(doc[name_end - 1].text),
                                     source, prefer, label, locative))

    def _relative_before(self, i: int) -> int | None:
        doc = self.doc
        for phrase in self.words.relative:
            n = len(phrase)
            if i - n >= 0 and tuple(t.lower_ for t in doc[i - n:i]) == phrase \
                    and not any(self.taken[i - n:i]):
                return i - n
        return None

    # -- sources ------------------------------------------------------------------------------

    def dateline(self) -> None:
        dl = self.layout.dateline if self.layout else None
        span = dl.place_span if dl else None
        if span is None:
            return
        sp = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if sp is not None and self.gaz.lookup_text(span.text):
            self._add(sp.start, sp.end, "dateline", None)

    def entities(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ in PLACE_LABELS:
                self._entity(ent)
            elif ent.label_ == "NORP":
                self._norp(ent)
            elif self._mislabelled(ent):
                continue
            elif ent.label_ == "ORG":
                self._org(ent)

    def _entity(self, ent: "SpacySpan") -> None:
        start, end = self._trim(ent.start, ent.end)
        if start >= end:
            return
        text = self._text(start, end)
        if self._is_demonym(text):
            if self.demonyms:
                self._add(start, end, "demonym", ent.label_)
            return
        if self._org_head_after(end):
            return
        if text in self.person_names and not _strong(self.gaz.lookup_text(text), 1_000_000):
            return
        if text.lower() in self.words.not_places and not _strong(self.gaz.lookup_text(text), 100_000):
            return
        self._add(start, end, "ner", ent.label_)

    def _mislabelled(self, ent: "SpacySpan") -> bool:
        """A place the model labelled PERSON, ORG ... after "in/from/to": "cottage in Dewsbury"."""
        if ent.label_ in PLACE_LABELS or not (ent.start > 0 and self.doc[ent.start - 1].lower_ in _LOCATIVE):
            return False
        start, end = self._trim(ent.start, ent.end)
        if start >= end or end - start > _MAX_NGRAM or self._org_head_after(end):
            return False
        text = self._text(start, end)
        if text in self.person_names or text.lower() in self.words.not_places or self._is_demonym(text) \
                or any(t.lower_ in self.words.org_heads for t in self.doc[start:end]):
            return False
        if not all(_capitalized(t) for t in self.doc[start:end]):
            return False
        if not _strong(self.gaz.lookup_text(text), 10_000):
            return False
        self._add(start, end, "ner", ent.label_)
        return True

    def _norp(self, ent: "SpacySpan") -> None:
        start, end = self._trim(ent.start, ent.end)
        if start >= end:
            return
        text = self._text(start, end)
        if self._is_demonym(text):
            if self.demonyms:
                self._add(start, end, "demonym", ent.label_)
            return
        if text.lower() not in self.words.not_places and _strong(self.gaz.lookup_text(text), 50_000):
            self._add(start, end, "ner", ent.label_)  # "Sochi" labelled NORP

    def _org(self, ent: "SpacySpan") -> None:
        """An ORG made only of place names ("Azaz and Jarablus") is places; with ``embedded``,
        so are the place names inside an organisation's name ("Pakistan Army")."""
        start, end = self._trim(ent.start, ent.end)
        if start >= end:
            return
        if not self._org_places(start, end) and self.embedded:
            self._embedded(start, end)

    def _embedded(self, start: int, end: int) -> None:
        doc = self.doc
        i = start
        while i < end:
            for n in range(min(_MAX_NGRAM, end - i), 0, -1):
                if not all(_capitalized(t) for t in doc[i:i + n]):
                    continue
                text = self._text(i, i + n)
                if text.lower() in self.words.not_places or text in self.person_names:
                    continue
                if self._is_demonym(text):
                    if self.demonyms:
                        self._add(i, i + n, "demonym", "ORG")
                        i += n - 1
                        break
                    continue
                if _strong(self.gaz.lookup_text(text), 100_000):
                    self._add(i, i + n, "embedded", "ORG")
                    i += n - 1
                    break
            i += 1

    def _org_places(self, start: int, end: int) -> bool:
        if self._org_head_after(end):
            return False
        parts: list[tuple[int, int]] = []
        part_start = start
        for i in range(start, end + 1):
            if i == end or self.doc[i].lower_ in _CONJUNCTIONS:
                if i > part_start:
                    parts.append((part_start, i))
                part_start = i + 1
        if not parts:
            return False
        for s, e in parts:
            text = self._text(s, e)
            if any(t.lower_ in self.words.org_heads for t in self.doc[s:e]) \
                    or text.lower() in self.words.not_places or text in self.person_names:
                return False
            if self._is_demonym(text) or not _strong(self.gaz.lookup_text(text), 20_000 if len(parts) > 1 else 100_000):
                return False
        for s, e in parts:
            self._add(s, e, "ner", "ORG")
        return True

    def gazetteer_matches(self) -> None:
        """Capitalized names that NER missed (all-caps datelines, "Idlib province")."""
        doc = self.doc
        ent_tokens = [False] * len(doc)
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                for i in range(ent.start, ent.end):
                    ent_tokens[i] = True
        i = 0
        while i < len(doc):
            tok = doc[i]
            if self.taken[i] or ent_tokens[i] or not _capitalized(tok):
                i += 1
                continue
            matched = False
            for n in range(min(_MAX_NGRAM, len(doc) - i), 0, -1):
                toks = doc[i:i + n]
                if any(self.taken[j] or ent_tokens[j] for j in range(i, i + n)) \
                        or not all(_capitalized(t) or (t.lower_ in ("of", "-", "al") and 0 < k < n - 1)
                                   for k, t in enumerate(toks)):
                    continue
                text = self._text(i, i + n)
                if text.lower() in self.words.not_places or self._org_head_after(i + n):
                    continue
                if text in self.person_names or (n == 1 and _looks_like_name_part(doc, i)):
                    continue
                cands = self.gaz.lookup_text(text)
                if not cands:
                    continue
                line_start = i == 0 or "\n" in doc[i - 1].text or doc[i - 1].is_space
                locative = i > 0 and doc[i - 1].lower_ in _LOCATIVE
                sentence_first = tok.is_sent_start and not line_start
                if tok.is_upper and len(tok.text) > 2 and line_start:
                    threshold = 1_000  # "RIYADH, October 14."
                elif sentence_first:
                    threshold = 500_000
                elif locative:
                    threshold = 10_000
                else:
                    threshold = 100_000
                if _strong(cands, threshold):
                    self._add(i, i + n, "gazetteer", None)
                    i += n
                    matched = True
                    break
            if not matched:
                i += 1


def _capitalized(tok: "Token") -> bool:
    """A capitalized word or abbreviation ("Idlib", "RIYADH", "U.S.", "Calif.")."""
    text = tok.text
    if len(text) < 2 or not text[0].isupper():
        return False
    return tok.is_alpha or (text.endswith(".") and text.replace(".", "").isalpha())


def _looks_like_name_part(doc: "Doc", i: int) -> bool:
    """A single capitalized word next to another capitalized word that is not a place."""
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    return bool((before is not None and before.is_title and before.pos_ == "PROPN" and not before.is_sent_start)
                or (after is not None and after.is_title and after.pos_ == "PROPN"))


def find_mentions(doc: "Doc", *, gazetteer: Gazetteer, words: GeoWords, layout: Layout | None = None,
                  demonyms: bool = False, embedded: bool = False) -> list[Mention]:
    """Toponym mentions in text order; excluded layout zones are skipped.

    ``demonyms``: also nationality words ("Syrian"); ``embedded``: also place names inside
    organisation names ("Pakistan Army").
    """
    finder = _Finder(doc, gazetteer, words, layout, demonyms, embedded)
    if layout is not None:
        for zone in layout.excluded:
            for tok in doc:
                if zone.start <= tok.idx < zone.end:
                    finder.taken[tok.i] = True
    finder.dateline()
    finder.entities()
    finder.gazetteer_matches()
    return sorted(finder.mentions, key=lambda m: m.start)
