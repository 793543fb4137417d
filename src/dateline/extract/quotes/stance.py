"""Attributed stances that no reporting verb introduces.

News text attributes views, impressions and attitudes as well as words: "Sanders appears to be
spending more" (an impression the writer reports, no named source), "the senator was critical
of the deal" (the senator's view of the deal), "concerns about the bill" (a view with its holder
left out or named by a possessor). Each is read off the parse:

- an *impression verb* ("seem", "appear") reports the clause it heads, held by its subject when
  that is a person or group ("voters seem to care ...") and by nobody named otherwise;
- a *stance adjective* with a prepositional or clausal complement reports that complement as the
  view of the copula's subject;
- a *stance noun* ("criticism", "concerns", "allegations") with its complement reports the
  complement as the view of its possessor, or of nobody named.

The word lists live in ``knowledge/data/quote_cues.yaml`` (``impression_verbs``,
``stance_adjectives``, ``stance_nouns``, ``stance_preps``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...knowledge.quote_cues import QuoteCues
from ...nlp import doc_text, token_column
from .common import Found, covers, lemmas, speaker_span, subject_of, trim_span
from ..syntax.labels import VERBAL_POS

__all__ = ["stances"]

_STANCE_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN"})
_COPULAS = {"be", "seem", "appear", "remain", "become", "grow", "look", "sound", "feel", "get", "stay"}


def _span(doc, first, last) -> tuple[int, int] | None:
    start, end = trim_span(doc_text(doc), first.idx, last.idx + len(last.text))
    return (start, end) if end - start >= 2 else None


def _complement(token, cues: QuoteCues):
    """The first complement of a stance word: a "that" clause, or the object of a stance preposition."""
    for c in token.rights:
        if c.dep_ == "prep" and c.lower_ in cues.stance_preps:
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return pobj.left_edge, pobj.right_edge, c
        if c.dep_ in ("ccomp", "acl") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children):
            first = c.left_edge
            if first.lower_ == "that":
                first = token.doc[first.i + 1]
            return first, c.right_edge, None
    return None


_IMPRESSION_PARTS = ("nsubj", "nsubjpass", "expl", "aux", "neg", "advmod", "xcomp", "ccomp", "acomp", "attr",
                     "oprd", "prep", "npadvmod")
_REPORTED_DEPS = ("ccomp", "xcomp", "conj", "relcl", "advcl")


def _reported(verb, cues: QuoteCues) -> bool:
    """Whether a clause already stands under a reporting or stance word ("noted that ...")."""
    cur = verb
    for _ in range(4):
        if cur.dep_ not in _REPORTED_DEPS or cur.head is cur:
            return False
        cur = cur.head
        if lemmas(cur) & (cues.reporting_verbs | cues.object_verbs) or cur.lemma_.lower() in cues.stance_adjectives:
            return True
    return False


def _impression(doc, verb, cues: QuoteCues) -> Found | None:
    """"Sanders appears to be spending more": the clause of "seem"/"appear", nobody named."""
    if verb.pos_ not in ("VERB", "AUX") or not lemmas(verb) & cues.impression_verbs:
        return None
    kids = list(verb.children)
    if not any(c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd") for c in kids):
        return None
    if any(c.dep_ == "acomp" and c.lemma_.lower() in cues.stance_adjectives and _complement(c, cues) for c in kids):
        return None  # "appeared pleased with X": the adjective reports
    if _reported(verb, cues):
        return None  # "Rendell noted that Reagan appeared unsteady": the reporting verb reports it
    clause = next((c for c in kids if c.dep_ == "ccomp"), None)
    if clause is not None and any(c.dep_ == "expl" or c.lower_ == "it" for c in verb.lefts):
        first, last = clause.left_edge, clause.right_edge  # "it appeared that ..."
        if first.lower_ == "that" and first.i < last.i:
            first = doc[first.i + 1]
    else:
        # the subject, the verb and its complements; not a "while ..." clause nor a coordinated one
        parts = [c for c in kids if c.dep_ in _IMPRESSION_PARTS] + [verb]
        first = min(p.left_edge if p is not verb else p for p in parts)
        last = max(p.right_edge if p is not verb else p for p in parts)
    span = _span(doc, first, last)
    if span is None or span[1] - span[0] < 12:
        return None
    holder = _animate_subject(verb, cues)
    return Found("indirect", span[0], span[1], speaker_span(doc, holder) if holder is not None else None,
                 (verb.idx, verb.idx + len(verb.text)), span[1], cue_token=verb.i, via="stance")


_ANIMATE_ENTS = ("PERSON", "NORP", "ORG")


def _animate_subject(verb, cues: QuoteCues):
    """The subject of an impression verb when it names who is or does what the impression says
    ("voters seem to care more about ...", "he appeared to suggest that ..."): a person or group
    (a name, a personal pronoun, a role or group noun); None for anything else ("the deal seems
    fair": the writer's impression of the deal)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    pronoun = cues.pronouns.get(subj.lower_)
    if pronoun is not None:
        return subj if pronoun.gender != "n" and not pronoun.relative else None
    if subj.ent_type_ in _ANIMATE_ENTS:
        return subj
    return subj if lemmas(subj) & (cues.person_roles | cues.anonymous) else None


def _holder(adj):
    """The subject of the copula an adjective completes ("the senator was critical")."""
    while adj.dep_ == "conj" and adj.head is not adj:
        adj = adj.head  # "was critical of the deal and worried about its costs"
    head = adj.head if adj.dep_ in ("acomp", "oprd", "xcomp") else None
    if head is None or head.lemma_.lower() not in _COPULAS:
        return None
    while head.dep_ in ("xcomp", "conj") and head.head is not head:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            break
        head = head.head
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _adjective(doc, adj, cues: QuoteCues) -> Found | None:
    """"The senator was critical of the deal": the holder's view of the complement."""
    if adj.pos_ not in ("ADJ", "VERB") or adj.lemma_.lower() not in cues.stance_adjectives \
            and adj.lower_ not in cues.stance_adjectives:
        return None
    comp = _complement(adj, cues)
    holder = _holder(adj)
    if comp is None or holder is None:
        return None
    first, last, prep = comp
    span = _span(doc, first, last)
    if span is None:
        return None
    cue_end = (prep.idx + len(prep.text)) if prep is not None else adj.idx + len(adj.text)
    return Found("indirect", span[0], span[1], speaker_span(doc, holder), (adj.idx, cue_end), span[1],
                 cue_token=adj.i, via="stance")


def _noun(doc, noun, cues: QuoteCues) -> Found | None:
    """"Concerns about the bill", "allegations that ...": the complement, held by the possessor."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in cues.stance_nouns:
        return None
    comp = _complement(noun, cues)
    if comp is None:
        return None
    first, last, prep = comp
    span = _span(doc, first, last)
    if span is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.tag_ != "WP$"), None)
    if owner is None:
        owner = _source_after(noun)  # "warnings from his attorney that ...", "unease among leaders"
    if owner is None and noun.dep_ in ("dobj", "obj") and not lemmas(noun.head) & cues.stance_target_verbs:
        owner = subject_of(noun.head)  # "critics voiced concerns about ...", "they have doubts about ..."
    if owner is None and noun.dep_ == "pobj" and noun.head.lower_ in _MANNER_PREPS and noun.head.head.pos_ in VERBAL_POS:
        owner = subject_of(noun.head.head)  # "he held rallies in hopes of ..."
    speaker = speaker_span(doc, owner) if owner is not None else None
    cue_end = (prep.idx + len(prep.text)) if prep is not None else noun.idx + len(noun.text)
    return Found("indirect", span[0], span[1], speaker, (noun.idx, cue_end), span[1], cue_token=noun.i,
                 via="stance")


# Prepositions that put a stance noun to the doer of a verb: "campaigned in hopes of ...", "went
# with hopes of ...".
_MANNER_PREPS = ("in", "with")
# Prepositions that name whose view a stance noun is: "criticism from Clinton", "unease among
# Jewish leaders", "warnings by the regulator".
_SOURCE_PREPS = ("from", "by", "among")


def _source_after(noun):
    """The holder a stance noun names after it with "from", "by" or "among", or None."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _SOURCE_PREPS and c.i > noun.i:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "PRON"):
                return pobj
    return None


def stances(doc, cues: QuoteCues, *, start: int = 0, end: int | None = None,
            skip: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Impressions, stance adjectives and stance nouns between ``start`` and ``end``; tokens inside
    ``skip`` spans (direct quotations) are not read as cues."""
    end = len(doc_text(doc)) if end is None else end
    words = cues.impression_verbs | cues.stance_adjectives | cues.stance_nouns
    out: list[Found] = []
    skipped = covers(skip)
    pos = token_column(doc, "pos_")
    for i in range(len(doc)):
        if pos[i] not in _STANCE_POS:
            continue
        token = doc[i]
        if token.lemma_.lower() not in words and token.lower_ not in words \
                and not (pos[i] == "VERB" and lemmas(token) & cues.impression_verbs):
            continue  # the cheap test first: most tokens are no stance word
        if token.idx < start or token.idx >= end or skipped(token.idx):
            continue
        found = _impression(doc, token, cues) or _adjective(doc, token, cues) or _noun(doc, token, cues)
        if found is not None and not (skipped(found.start) and skipped(found.end - 1)):
            out.append(found)
    return out
