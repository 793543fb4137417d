"""Finding actor mentions in a parsed article: noun phrases and named entities, coded.

A noun phrase whose head is an actor (a name, a role noun, a demonym) is one mention spanning
the whole phrase ("Kremlin Spokesman Dmitry Peskov"); in a phrase whose head is no actor
("Ankara's military operation") the named actors inside it are the mentions. Conjoined
demonyms are split ("the Russian and Turkish authorities" -> "the Russian" RUS GOV,
"Turkish authorities" TUR GOV).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...knowledge.actors import ActorCode, ActorKnowledge, norm_key
from ...nlp import doc_text, token_column
from .coding import (Coding, Item, Word, code_words, inside_known, names_a_thing, segment,
                           words_of_span)
from ..syntax.labels import NOMINAL_POS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["Mention", "find_mentions", "ENTITY_LABELS"]

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_HARD_STOPS = frozenset({")", "]", ":", ";", "\"", "“", "”", "—", "|", "/"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A coded mention before article-level linking (offsets into the input text)."""

    start: int
    end: int
    coding: Coding
    label: str = ""


_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss", "det", "nummod", "quantmod",
                            "npadvmod", "case", "punct"})


def _chunks(doc: "Doc") -> Iterable["Span"]:
    """Noun phrases: each nominal head with everything left of it in its subtree ("US
    Secretary of State Mike Pompeo"), the largest first, none inside another."""
    if not doc.has_annotation("DEP"):
        return
    pos, deps = token_column(doc, "pos_"), token_column(doc, "dep_")
    heads = [doc[i] for i in range(len(doc)) if pos[i] in NOMINAL_POS and deps[i] not in _MODIFIER_DEPS]
    spans = [doc[t.left_edge.i:t.i + 1] for t in heads if t.left_edge.i <= t.i]
    taken = bytearray(len(doc) + 1)
    kept = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(taken[span.start:span.end]):
            taken[span.start:span.end] = b"\x01" * (span.end - span.start)
            kept.append(span)
    yield from sorted(kept, key=lambda s: s.start)


def _mention(words: list[Word], text: str, kb: ActorKnowledge, date: str | None,
             label: str = "") -> Mention | None:
    while words and (words[-1].text in ("'s", "’s", "'", "’") or words[-1].punct):
        words = words[:-1]
    while words and words[0].punct:
        words = words[1:]
    opened = next((k for k, w in enumerate(words) if w.text in "(["), None)
    if opened is not None and not any(w.text in ")]" for w in words[opened:]):
        words = words[:opened]  # "Department of Education (DepEd": drop the unclosed bracket
        while words and words[-1].punct:
            words = words[:-1]
    if not words:
        return None
    if not words:
        return None
    coding = code_words(words, text, knowledge=kb, date=date)
    if coding is None:
        return None
    start = words[0].start
    end = words[-1].end
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ")]'’.":
        end -= 1
    if text[end - 1:end] == "." and not _is_abbreviation(text[start:end]):
        end -= 1
    return Mention(start, end, coding, label)


def _is_abbreviation(text: str) -> bool:
    last = text.split()[-1] if text.split() else ""
    return last.count(".") > 1 or len(last) <= 4


def _conjunct_split(words: list[Word], text: str, kb: ActorKnowledge,
                    date: str | None) -> list[Mention] | None:
    """Mentions for "the Russian and Turkish authorities": one per conjoined demonym."""
    items = segment(words, text, kb, date)
    content = [it for it in items if it.type not in ("poss",)]
    if len(content) < 4 or content[-1].type != "role":
        return None
    anchors: list[Item] = []
    k = len(content) - 2
    while k >= 0 and content[k].type in ("demonym", "entity", "capital", "and"):
        if content[k].type != "and":
            anchors.append(content[k])
        k -= 1
    if len(anchors) < 2 or not any(it.type == "and" for it in content[k + 1:-1]):
        return None
    anchors.reverse()
    rest = words[anchors[-1].last + 1:]
    out: list[Mention] = []
    for n, anchor in enumerate(anchors):
        own = words[anchor.first:anchor.last + 1]
        coding = code_words(own + rest, text, knowledge=kb, date=date)
        if coding is None:
            return None
        first = words[0].start if n == 0 else own[0].start
        last = own[-1].end if n < len(anchors) - 1 else words[-1].end
        out.append(Mention(first, last, coding))
    return out


_SIDES = frozenset({"known", "state", "org", "role"})


def _coordination_split(words: list[Word], text: str, kb: ActorKnowledge,
                        date: str | None) -> list[Mention] | None:
    """Two mentions for one phrase that joins two coded actors ("Colombia's government and ELN
    guerrillas", "Hamas and Islamic Jihad militants"), when each side has a country or a name."""
    conj = next((k for k, w in enumerate(words) if 0 < k < len(words) - 1 and w.text.lower() in ("and", "&")),
                None)
    if conj is None:
        return None
    sides = [_mention(words[:conj], text, kb, date), _mention(words[conj + 1:], text, kb, date)]
    if any(m is None or m.coding.how not in _SIDES for m in sides):
        return None
    first, second = sides
    assert first is not None and second is not None
    placed = [m.coding.code.country is not None or m.coding.how != "role" for m in sides]
    if not all(placed) and not (any(placed) and _distinct_roles(first, second)):
        return None  # "police and soldiers": one crowd as far as the text tells
    return sides  # type: ignore[return-value]


def _distinct_roles(first: Mention, second: Mention) -> bool:
    """Whether two conjoined role phrases are two sides ("Sudan's government and southern
    rebels"): different sectors, neither a bare modifier of the other."""
    a, b = first.coding.code, second.coding.code
    return bool(a.sector and b.sector and a.sector != b.sector)


_ATTACHING = frozenset({"of", "in", "from", "near", "at", "for"})
_MAX_ATTACHMENT = 8


def _with_attachment(chunk: "Span", words: list[Word], mention: Mention, text: str,
                     kb: ActorKnowledge, date: str | None) -> Mention:
    """Extend a mention without a country over the phrase attached to it when that phrase
    supplies one ("the president of Armenia", "security forces in Guinea", "a group based in
    Trinidad")."""
    doc = chunk.doc
    if chunk.end >= len(doc):
        return mention
    prep = doc[chunk.end]
    if prep.dep_ == "acl" and prep.head.i == chunk.root.i and prep.lower_ in kb.breaks:
        # "a terror group based in Trinidad": through the participle to its place
        prep = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ in _ATTACHING), prep)
        if prep.dep_ != "prep":
            return mention
    elif prep.head.i != chunk.root.i or prep.dep_ != "prep" or prep.lower_ not in _ATTACHING:
        return mention
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return mention
    last = objects[0].right_edge.i
    if any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in objects[0].children):
        if not any(c.dep_ == "conj" and c.i > objects[0].i for c in chunk.root.children):
            return mention  # "negotiators from Israel and the Palestinian Authority": two sides
        # "The government of Sudan and SPLM-N rebels": the head has its own conjunct, so the
        # "and" joins two actors and only the place belongs here
        last = objects[0].i
    if last - chunk.start > _MAX_ATTACHMENT + len(chunk):
        return mention
    extended = _mention(words + words_of_span(doc[chunk.end:last + 1]), text, kb, date, mention.label)
    if extended is None or extended.coding.code.country is None:
        return mention
    return extended


def _inner(words: list[Word], text: str, kb: ActorKnowledge, date: str | None) -> list[Mention]:
    """Named actors inside a phrase whose head is no actor ("Ankara's operation" -> Ankara)."""
    out: list[Mention] = []
    for it in segment(words, text, kb, date):
        rest = words[it.first:]
        if (it.type == "name" and all(w.punct or w.text[:1].isupper() for w in rest)
                and names_a_thing(rest, kb, it.label, titled=_has_role(rest, kb))):
            break  # "Wright-Patterson Air Force Base": a place, no actor inside
        if it.type in ("entity", "capital") or (it.type == "name" and it.label in ENTITY_LABELS):
            mention = _mention(words[it.first:it.last + 1], text, kb, date, it.label)
            if mention is not None:
                out.append(mention)
    return out


def find_mentions(doc: "Doc", kb: ActorKnowledge, date: str | None) -> list[Mention]:
    """Every coded actor mention in ``doc``, sorted by start, without overlaps."""
    text = doc_text(doc)
    found: list[Mention] = []
    covered: list[tuple[int, int]] = []
    chunks = list(_chunks(doc))
    skip_next = False
    for n, chunk in enumerate(chunks):
        if skip_next:
            skip_next = False
            continue
        words = words_of_span(chunk)
        if (n + 1 < len(chunks) and chunk.end < len(doc) and doc[chunk.end].lower_ == "of"
                and chunks[n + 1].start == chunk.end + 1):
            joined = words + words_of_span(doc[chunk.end:chunks[n + 1].end])
            if (inside_known(joined, len(words), kb, text)  # "US Secretary" + "of" + "State ..."
                    or (norm_key(chunk.root.text) in kb.counts  # "thousands" + "of" + "people"
                        and _mention(joined, text, kb, date) is not None)):
                words, skip_next = joined, True
                chunk = doc[chunk.start:chunks[n + 1].end]
        cut = max((k for k, w in enumerate(words) if w.text in _HARD_STOPS), default=-1)
        if cut >= 0:  # "(AP) Officials": the phrase starts after the bracket
            before = _mention(words[:cut], text, kb, date)
            found.extend([before] if before is not None else _inner(words[:cut], text, kb, date))
            words = words[cut + 1:]
        if not words:
            continue
        split = _conjunct_split(words, text, kb, date) or _coordination_split(words, text, kb, date)
        if split:
            found.extend(split)
            covered.append((chunk.start_char, chunk.end_char))
            continue
        label = chunk.root.ent_type_
        mention = _mention(words, text, kb, date, label)
        if mention is not None and mention.coding.code.country is None:
            mention = _with_attachment(chunk, words, mention, text, kb, date)
        if mention is not None:
            found.append(mention)
            covered.append((chunk.start_char, chunk.end_char))
        else:
            found.extend(_inner(words, text, kb, date))
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        if any(s <= ent.start_char and ent.end_char <= e for s, e in covered):
            continue
        words = words_of_span(ent)
        mention = _mention(words, text, kb, date, ent.label_) if words else None
        if mention is None and words and not names_a_thing(words, kb, ent.label_,
                                                           titled=_has_role(words, kb)):
            mention = _unknown_entity(words, text, ent.label_)
        if mention is not None:
            found.append(mention)
    found.extend(_loose_names(doc, found, text, kb, date))
    return _with_titles(_without_overlaps(found), text)


def _loose_names(doc: "Doc", found: list[Mention], text: str, kb: ActorKnowledge,
                 date: str | None) -> list[Mention]:
    """Proper nouns outside every phrase and entity that name a known actor, or that label a
    speaker in a transcript ("PENCE: Well, ...")."""
    taken = bytearray(len(text) + 1)
    for m in found:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    out: list[Mention] = []
    run: list = []
    pos, idx = token_column(doc, "pos_"), token_column(doc, "idx")
    for i in range(len(doc) + 1):
        if i < len(doc) and pos[i] == "PROPN" and not taken[idx[i]]:
            run.append(doc[i])
            continue
        if run:
            words = words_of_span(run)
            mention = _mention(words, text, kb, date) if words else None
            label_like = i < len(doc) and doc[i].text == ":"
            if mention is not None and (mention.coding.how in ("known", "state", "org") or label_like):
                out.append(mention)
            run = []
    return out


def _with_titles(mentions: list[Mention], text: str) -> list[Mention]:
    """Join a role phrase to the name right after it ("his Turkish counterpart Recep Tayyip
    Erdogan"): one mention, coded as the person; an organisation's kind to its name ("the
    mining company Codelco")."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.coding.how == "role" and prev.coding.code.kind == "person"
                and m.coding.code.kind == "person" and m.coding.how in ("known", "name")
                and not text[prev.end:m.start].strip() and "\n" not in text[prev.end:m.start]):
            title, person = prev.coding, m.coding
            code = person.code
            if code.country is None or code.sector is None:
                code = ActorCode(code.name, code.country or title.code.country,
                                 code.sector or title.code.sector, "person")
            out[-1] = Mention(prev.start, m.end, Coding(code, person.how, title.role, prev.start, m.end),
                              m.label)
            continue
        if (prev is not None and prev.coding.how == "role" and prev.coding.code.kind == "organization"
                and m.coding.how == "name" and m.coding.code.country is None
                and text[prev.end:m.start] == " "):
            # "the mining company Codelco": the organisation, named
            title, code = prev.coding, m.coding.code
            code = ActorCode(code.name, title.code.country, title.code.sector, "organization")
            out[-1] = Mention(prev.start, m.end, Coding(code, "name", title.role, prev.start, m.end), m.label)
            continue
        out.append(m)
    return out


def _has_role(words: list[Word], kb: ActorKnowledge) -> bool:
    """Whether a role word stands in a name ("Air Force" in "Wright-Patterson Air Force Base")."""
    keys = [norm_key(w.text) for w in words]
    return any(kb.role(" ".join(keys[i:j])) is not None
               for i in range(len(keys)) for j in range(i + 1, min(len(keys), i + 3) + 1))


def _unknown_entity(words: list[Word], text: str, label: str) -> Mention | None:
    start, end = words[0].start, words[-1].end
    kind = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}[label]
    code = ActorCode(text[start:end], None, None, kind)
    return Mention(start, end, Coding(code, "name", None, start, end), label)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Longest first wins; what overlaps a kept mention is dropped."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if m.end <= m.start:
            continue
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)
