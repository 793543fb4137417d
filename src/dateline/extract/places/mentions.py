"""Finding toponyms in a parsed article, with directional modifiers and administrative nouns
attached: the dateline's place; named streets, buildings and sites ("Royal Street"); NER place
entities; known places the model labelled PERSON, ORG ... ("Abuja"), judged by gazetteer evidence
and context (a preposition before, an honorific, quotation marks); place names inside other names
("Suffolk Times"); and gazetteer matches the model missed. Operation names ("Euphrates Shield")
and the stoplist of ``geo_words.yaml`` are never places."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...knowledge.cache import SHARED
from ...knowledge.gazetteer import Gazetteer
from ...knowledge.gazetteer_words import GeoWords
from ...nlp import doc_text, token_column
from ...records import Layout
from .candidates import (EMBEDDED_POPULATION, MAJOR_POPULATION, Mention, apposed, apposed_words, capitalized,
                         capitalized_tokens, is_local,
                         is_major, is_strong, looks_like_name_part, mention_role, quoted, relative_before)
from .demonyms import names_thing, place_words, qualifies_word
from .discourse import REPEAT_SOURCE, person_names, repeated_names
from .streets import SETTLEMENT_SOURCE, STREET_SOURCE, headed_names, prefixed_names, shared_street_names
from .aliases import ALIAS_SOURCE, initialisms
from .fragments import inner_names, joined_entities
from .locatives import LOCATIVE_SOURCE, placed_unknowns
from .venues import VENUE_SOURCE, venues
from .unplaced import without_institutions, without_unknown_agents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan

__all__ = ["Mention", "find_mentions"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels of names that may be mislabelled places or hold one ("Muscat International Film Festival").
NAME_LABELS = frozenset({"PERSON", "ORG", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
_MAX_NGRAM = 4
_FUNCTION_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "VERB"})
_POSSESSIVE = frozenset({"'s", "’s"})
_CONJUNCTIONS = frozenset({"and", "or", "&", ","})
_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "outside", "across", "towards", "toward",
                       "around", "throughout", "via", "of", "between", "inside", "through"})


class _Finder:
    def __init__(self, doc: "Doc", gazetteer: Gazetteer, words: GeoWords, layout: Layout | None,
                 demonyms: bool, embedded: bool, actor_nouns: frozenset[str] | None) -> None:
        self.doc, self.gaz, self.words, self.layout = doc, gazetteer, words, layout
        self.demonyms, self.embedded, self.actor_nouns = demonyms, embedded, actor_nouns
        self.taken, self.speech_verbs = [False] * len(doc), SHARED.quote_cues().speech_verbs
        self.mentions: list[Mention] = []
        self.apposed = frozenset(apposed_words(doc, words.settlement_nouns))  # "the suburb of Madinaty"
        self.person_names = person_names(doc, gazetteer) - self.apposed

    def _is_demonym(self, text: str) -> bool:
        """A nationality word ("Canadian"), unless it is also the name of a major place."""
        if self.gaz.demonym_place(text) is None:
            return False
        return not any(c.name == text for c in self.gaz.lookup_text(text) if is_strong((c,), 100_000))

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Token bounds without a leading "the", trailing possessive or punctuation."""
        doc = self.doc
        while start < end and (doc[start].lower_ == "the" or doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                               or doc[end - 1].lower_ in ("'s", "’s", "'", "’")):
            end -= 1
        return start, end

    def _stopped(self, text: str) -> bool:
        """A name on the stoplist of words that are rarely places ("May", "No.")."""
        return text.lower().rstrip(".") in self.words.not_places

    def _region_word(self, text: str) -> bool:
        """A demonym of a continent or region ("European", "Central American"), no nationality."""
        place = self.gaz.demonym_place(text)
        return place is not None and place.fclass == "L"

    def _text(self, start: int, end: int) -> str:
        doc = self.doc
        return doc_text(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)]

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

    def _add(self, start: int, end: int, source: str, label: str | None, name_as: str | None = None) -> None:
        """Record a mention over tokens [start, end), attaching modifiers and admin nouns;
        ``name_as``: the name to look up instead of the words ("South Africa" for "SA")."""
        start, end = self._trim(start, end)
        if start >= end or any(self.taken[start:end]):
            return
        doc = self.doc
        name_start, name_end = start, end
        prefer = None
        # "Idlib province", "Euphrates River": the noun joins the span and the look-up.
        if end < len(doc) and doc[end].lower_ in self.words.admin_nouns and not self.taken[end] \
                and not self._org_head_after(end + 1):  # not "Moscow State University"
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
        relative = relative_before(doc, self.taken, self.words.relative, s)
        if relative is not None:
            start = relative
        elif start > 0 and doc[start - 1].lower_ in self.words.directions and not self.taken[start - 1]:
            start -= 1
        self.taken[start:end] = [True] * (end - start)
        before = start - 1
        while before >= 0 and (doc[before].lower_ in ("the", "of") or doc[before].lower_ in self.words.directions):
            before -= 1
        locative = (before >= 0 and doc[before].lower_ in _LOCATIVE) or apposed(doc, name_start, self.words.settlement_nouns)
        head = doc[name_end - 1]
        speaks = head.dep_ == "nsubj" and head.head.lemma_.lower() in self.speech_verbs
        self.mentions.append(Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), name_as or name,
                                     doc[name_start].idx, doc[name_end - 1].idx + len(doc[name_end - 1].text),
                                     source, prefer, label, locative, speaks,
                                     mention_role(head, source, locative, end)))

    def dateline(self) -> None:
        dl = self.layout.dateline if self.layout else None
        span = dl.place_span if dl else None
        if span is None:
            return
        sp = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if sp is not None:  # a wire dateline names a place, known to the gazetteer or not
            self._add(sp.start, sp.end, "dateline", None)

    def facilities(self) -> None:
        """Named streets, buildings and sites, whatever the model labelled them ("Royal Street",
        "Holy Redeemer Church"): capitalized words ending in a capitalized facility noun."""
        doc = self.doc
        is_title = token_column(doc, "is_title")
        for i, lower in enumerate(token_column(doc, "lower_")):
            if not is_title[i] or lower.rstrip(".") not in self.words.facility_nouns or self.taken[i] \
                    or self._org_head_after(i + 1):
                continue
            tok = doc[i]
            start = tok.i
            while start > 0 and not self.taken[start - 1] and not doc[start].is_sent_start:
                prev = doc[start - 1]
                if prev.lower_ in _POSSESSIVE and start >= 2 and capitalized(doc[start - 2]) \
                        and not self.gaz.lookup_text(doc[start - 2].text):
                    start -= 2  # "Alder Hey Children's Hospital", not "Harare's Third Street"
                elif capitalized(prev) and prev.pos_ not in _FUNCTION_POS \
                        and prev.lower_.rstrip(".") not in self.words.honorifics \
                        and (not prev.is_sent_start or prev.pos_ == "PROPN"):
                    start -= 1
                else:
                    break
            if start < tok.i and not all(t.lower_.rstrip(".") in self.words.facility_nouns for t in doc[start:tok.i]):
                self._add(start, tok.i + 1, "facility", tok.ent_type_ or None)

    def entities(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ in PLACE_LABELS:
                self._entity(ent)
            elif ent.label_ == "NORP":
                self._norp(ent)
            elif ent.label_ not in NAME_LABELS or self._mislabelled(ent):
                continue
            elif ent.label_ == "ORG":
                self._org(ent)
            elif self.embedded and ent.label_ != "PERSON":
                start, end = self._trim(ent.start, ent.end)
                self._embedded(start, end)  # "the Muscat International Film Festival"

    def _name_of(self, ent: "SpacySpan") -> tuple[int, int, str] | None:
        """The entity's trimmed token range and text, or None when it is empty or a demonym
        (a demonym is added as one when demonyms are asked for)."""
        start, end = self._trim(ent.start, ent.end)
        if start >= end:
            return None
        text = self._text(start, end)
        if self._is_demonym(text):
            if self.demonyms and qualifies_word(self.doc, end, self._is_demonym):
                self._add(start, end, "demonym", ent.label_)
            return None
        return start, end, text

    def _entity(self, ent: "SpacySpan") -> None:
        named = self._name_of(ent)
        if named is None:
            return
        start, end, text = named
        if self._org_head_after(end) or self._operation(start, end):
            return
        if text in self.person_names and not is_strong(self.gaz.lookup_text(text), 1_000_000):
            return
        if text.lower() in self.words.not_places and not is_strong(self.gaz.lookup_text(text), 100_000):
            return
        if end - start > 1 and not self.gaz.lookup_text(text) and self._split(start, end):
            return
        self._add(start, end, "ner", ent.label_)

    def _split(self, start: int, end: int) -> bool:
        """Two major places the model ran together into one entity ("Greece Italy")."""
        for k in range(start + 1, end):
            tok = self.doc[k]
            if self.doc[k - 1].whitespace_ and capitalized(tok) and capitalized(self.doc[start]) \
                    and tok.lower_ not in self.words.admin_nouns \
                    and is_major(self.gaz.lookup_text(self._text(start, k))) \
                    and is_major(self.gaz.lookup_text(self._text(k, end))):
                self._add(start, k, "ner", None)
                self._add(k, end, "ner", None)
                return True
        return False

    def _mislabelled(self, ent: "SpacySpan") -> bool:
        """A place the model labelled PERSON, ORG ...: after "in/from/to" a town will do ("cottage
        in Dewsbury"); elsewhere only a major place ("Governor of Rajasthan", "Abuja")."""
        start, end = self._trim(ent.start, ent.end)
        if start >= end or end - start > _MAX_NGRAM or self._org_head_after(end):
            return False
        before = start - 1
        while before >= 0 and self.doc[before].lower_ == "the":
            before -= 1
        locative = before >= 0 and self.doc[before].lower_ in _LOCATIVE
        text = self._text(start, end)
        if text in self.person_names or self._stopped(text) or self._is_demonym(text) or quoted(self.doc, start, end) \
                or any(t.lower_ in self.words.org_heads for t in self.doc[start:end]):
            return False
        if not all(capitalized(t) for t in self.doc[start:end]):
            return False
        if before >= 0 and self.doc[before].lower_.rstrip(".") in self.words.honorifics:
            return False  # "Mr Nelson"
        cands = self.gaz.lookup_text(text)
        if not cands and end - start > 1 and self.doc[end - 1].lower_ in self.words.admin_nouns:
            cands = self.gaz.lookup_text(self._text(start, end - 1))  # "Governor of Sokoto State"
        if not (apposed(self.doc, start, self.words.settlement_nouns)  # "the suburb of Madinaty", known or not
                or (is_local(cands, text, self.doc[before].lower_) if locative else is_major(cands))):
            return False
        self._add(start, end, "ner", ent.label_)
        return True

    def _norp(self, ent: "SpacySpan") -> None:
        named = self._name_of(ent)
        if named is None:
            return
        start, end, text = named
        if text.lower() not in self.words.not_places and is_strong(self.gaz.lookup_text(text), 50_000):
            self._add(start, end, "ner", ent.label_)  # "Sochi" labelled NORP

    def _org(self, ent: "SpacySpan") -> None:
        """An ORG made only of place names ("Azaz and Jarablus") is places; with ``embedded``,
        so are the place names inside an organisation's name ("Pakistan Army")."""
        start, end = self._trim(ent.start, ent.end)
        if start >= end or self._operation(start, end):
            return
        if not self._org_places(start, end) and self.embedded:
            self._embedded(start, end)

    def _operation(self, start: int, end: int) -> bool:
        """A military operation's name ("Euphrates Shield", "Operation Peace Spring")."""
        doc = self.doc
        return doc[end - 1].lower_ in self.words.operation_words \
            or doc[start].lower_ == "operation" or (start > 0 and doc[start - 1].lower_ == "operation")

    def _embedded(self, start: int, end: int) -> None:
        """Place names inside the name of an organisation, event or work."""
        doc = self.doc
        i = start
        while i < end:
            for n in range(min(_MAX_NGRAM, end - i), 0, -1):
                if not all(capitalized(t) for t in doc[i:i + n]):
                    continue
                text = self._text(i, i + n)
                if self._stopped(text) or text in self.person_names:
                    continue
                if self._is_demonym(text):  # "British Airways", "European Commission"; not "Russian Defense Ministry"
                    if self.demonyms or self._region_word(text) or names_thing(doc, i + n, end, self.actor_nouns):
                        self._add(i, i + n, "demonym", "ORG")
                        i += n - 1
                        break
                    continue
                # A town will do where it opens the name and an organisation noun follows
                # ("Suffolk Times", "Beverly Hills Police Department"), in a possessive
                # ("Derry's Altnagelvin Hospital") or after "of"; elsewhere a major place.
                seat = (i + n < end and (doc[i + n].lower_ in _POSSESSIVE
                                         or (i == start and doc[i + n].lower_ in self.words.org_heads))) \
                    or (i > start and doc[i - 1].lower_ == "of")  # "Bank of England", "University of Leeds"
                cands = self.gaz.lookup_text(text)
                if seat:  # by its own name, not an alternate one ("Department of Human Services")
                    cands = tuple(c for c in cands if c.prio <= 1)
                if is_strong(cands, EMBEDDED_POPULATION if seat else MAJOR_POPULATION):
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
            if self._is_demonym(text) or not is_strong(self.gaz.lookup_text(text), 20_000 if len(parts) > 1 else 100_000):
                return False
        for s, e in parts:
            self._add(s, e, "ner", "ORG")
        return True

    def gazetteer_matches(self) -> None:
        """Capitalized names that NER missed (all-caps datelines, "Idlib province")."""
        doc = self.doc
        ent_tokens = [False] * len(doc)
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS or ent.label_ == "NORP":  # not "706 Orange County" (PERCENT)
                for i in range(ent.start, ent.end):
                    ent_tokens[i] = True
        capitals = capitalized_tokens(doc)
        i = 0
        while i < len(doc):
            if self.taken[i] or ent_tokens[i] or not capitals[i]:
                i += 1
                continue
            tok = doc[i]
            matched = False
            for n in range(min(_MAX_NGRAM, len(doc) - i), 0, -1):
                toks = doc[i:i + n]
                if any(self.taken[j] or ent_tokens[j] for j in range(i, i + n)) \
                        or not all(capitalized(t) or (t.lower_ in ("of", "-", "al") and 0 < k < n - 1)
                                   for k, t in enumerate(toks)):
                    continue
                text = self._text(i, i + n)
                if self._stopped(text) or text in self.person_names:
                    continue
                if n == 1 and not tok.is_upper and tok.pos_ not in ("PROPN", "X"):
                    continue  # "Settlement talks began", "Part of that"
                org = self._org_head_after(i + n)
                inside = org or (n == 1 and looks_like_name_part(doc, i, self.words, self.taken))
                if inside and not self.embedded:
                    continue
                cands = self.gaz.lookup_text(text)
                if not cands:
                    continue
                if inside:
                    # "Cambridge Analytica", "SME Mauritius Limited": a major place by its own name
                    # that opens the name; after another name ("Air France") only a country.
                    named = tuple(c for c in cands if c.prio <= 1)
                    opens = org or (i + n < len(doc) and doc[i + n].is_title)
                    if (is_major(named) if opens else any(c.is_country for c in named)) \
                            and not self._operation(i, i + n):
                        self._add(i, i + n, "embedded", None)
                        i += n
                        matched = True
                        break
                    continue
                line_start = i == 0 or "\n" in doc[i - 1].text or doc[i - 1].is_space
                locative = i > 0 and doc[i - 1].lower_ in _LOCATIVE
                sentence_first = tok.is_sent_start and not line_start
                if tok.is_upper and len(tok.text) > 2 and line_start:
                    cands = tuple(c for c in cands if c.prio <= 1)  # "MARINE ENERGY" is not Marine City
                    threshold = 1_000  # "RIYADH, October 14."
                elif sentence_first:
                    threshold = 500_000
                elif locative:
                    threshold = 0
                else:
                    threshold = 100_000
                if is_local(cands, text, doc[i - 1].lower_) if locative and not sentence_first \
                        else is_strong(cands, threshold):
                    self._add(i, i + n, "gazetteer", None)
                    i += n
                    matched = True
                    break
            if not matched:
                i += 1


def find_mentions(doc: "Doc", *, gazetteer: Gazetteer, words: GeoWords, layout: Layout | None = None,
                  demonyms: bool = False, embedded: bool = False,
                  actor_nouns: frozenset[str] | None = None) -> list[Mention]:
    """Toponym mentions in text order; excluded layout zones are skipped.

    ``demonyms``: also nationality words ("Syrian"), which are places anyway before a noun of
    land ("the Syrian-Turkish border") or, given ``actor_nouns``, before a thing that is no actor
    ("the Turkish economy"); ``embedded``: also place names inside organisation names
    ("Pakistan Army").
    """
    finder = _Finder(doc, gazetteer, words, layout, demonyms, embedded, actor_nouns)
    zones = layout.excluded if layout is not None else ()
    finder.taken[:] = [any(zone.start <= idx < zone.end for zone in zones) for idx in token_column(doc, "idx")]
    finder.dateline()
    finder.facilities()
    for start, end in list(shared_street_names(doc, finder.taken, finder.words.street_joins)):
        finder._add(start, end, STREET_SOURCE, "FAC")  # "Bourbon and Dauphine streets"
    for start, end, label in joined_entities(doc, gazetteer):  # "Boa" + "Vista"
        finder._add(start, end, "ner", label)
    finder.entities()
    finder.mentions += inner_names(doc, finder.taken, gazetteer)  # "U.S." in "U.S.-led"
    for i, source in list(place_words(doc, finder.taken, finder._is_demonym, words, actor_nouns)):
        finder._add(i, i + 1, source, None)  # "the Syrian-Turkish border", "the West", "Western countries"
    finder.gazetteer_matches()
    for start, end in list(prefixed_names(doc, finder.taken, words.prefix_nouns)):
        finder._add(start, end, STREET_SOURCE, "FAC")  # "Rue Casa Calvo", "Faubourg Marigny"
    for start, end in list(headed_names(doc, finder.taken, words.settlement_heads)):  # "Grants Town" (PERSON)
        finder._add(start, end, SETTLEMENT_SOURCE, None, name_as=finder._text(start, end))
    for start, end, town in list(venues(doc, finder.mentions, finder.taken, words.institution_heads, gazetteer,
                                        words.site_nouns)):
        finder._add(start, end, VENUE_SOURCE, None, name_as=town)  # "at the Palais des Nations in Geneva"
    for i, name in list(initialisms(doc, finder.mentions, finder.taken, gazetteer)):
        finder._add(i, i + 1, ALIAS_SOURCE, None, name_as=name)  # "SA" where "South Africa" is named

    known = lambda name: bool(gazetteer.lookup_text(name))  # noqa: E731
    for start, end in list(placed_unknowns(doc, finder.taken, finder.person_names, words.honorifics, known)):
        finder._add(start, end, LOCATIVE_SOURCE, None)  # "a market at Makeen", "inside Anfield"
    # a person's name or a stoplisted word is never repeated as a place
    refused = lambda text: finder._stopped(text) or text in finder.person_names  # noqa: E731
    for start, end in list(repeated_names(doc, finder.mentions, finder.taken, refused=refused,
                                          honorifics=finder.words.honorifics, locatives=_LOCATIVE,
                                          named=finder.apposed)):
        finder._add(start, end, REPEAT_SOURCE, None)  # "Nelson residents" after "in Nelson"
    kept = without_unknown_agents(finder.mentions, doc_text(doc), known)
    return sorted(without_institutions(kept, doc, words.staff_nouns), key=lambda m: m.start)  # "White House aides"
