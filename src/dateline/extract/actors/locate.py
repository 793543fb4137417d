"""Actors without a state of their own located by their sentence: "militants ... in northern
Syria" -> SYR; people known by a title alone take the state whose act they report.

Not a mention resolver (nothing here says which other mention a mention stands for): the country
comes from where the sentence places the action, or from the one state its other actors belong to.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...knowledge.actors import ActorCode, ActorKnowledge
from .coding import NON_STATE
from .mentions import Mention
from ..syntax.labels import NOMINAL_POS, SUBJECTS, VERBAL_POS
from ...nlp import sentence_of as sentence_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["locate_mentions"]

_MAX_CLIMB = 3


def _state_of(text: str, kb: ActorKnowledge) -> str | None:
    """The country a place name belongs to ("Idlib" -> SYR, "northern Syria" -> SYR)."""
    code = kb.entity(text) or kb.capital(text)
    if code is not None and code.kind == "state" and code.country and code.country not in NON_STATE:
        return code.country
    country = kb.city(text)
    if country is None:
        for word in text.split():  # "northern Syria"
            code = kb.entity(word)
            if code is not None and code.kind == "state" and code.country not in NON_STATE:
                return code.country
    return country


def _is_setting(ent: "Span", kb: ActorKnowledge) -> bool:
    """Whether a place is where the sentence happens: the object of a locative preposition, also
    through "of" ("at the gates of Tripoli"), or the possessor of a noun that names no actor
    ("Haiti's first elections", "Macedonia's border")."""
    token = ent.root
    if token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in NOMINAL_POS:
        token = token.head  # "in the Paris suburb of X", "in the Nigerian city of Jos"
    if token.dep_ == "poss":
        return token.head.lower_ in kb.not_actor or token.head.lemma_.lower() in kb.not_actor
    for _ in range(_MAX_CLIMB):
        prep = token.head
        if prep.dep_ != "prep" or token.dep_ != "pobj":
            return False
        if prep.lower_ in kb.locatives:
            return True
        if prep.lower_ != "of" or prep.head.pos_ not in NOMINAL_POS:
            return False
        token = prep.head
    return False


def _sentence_countries(doc: "Doc", kb: ActorKnowledge) -> dict[int, str]:
    """Sentence start -> the country of the first place its action is set in ("in Idlib" -> SYR)."""
    out: dict[int, str] = {}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "ORG", "FAC", "NORP") or ent.start == 0 or not _is_setting(ent, kb):
            continue
        country = _state_of(ent.text, kb)
        if country is None and ent.label_ == "NORP":
            code = kb.demonym(ent.text)  # "the Nigerian city of Jos"
            country = code.country if code is not None and code.kind == "state" else None
            if country in NON_STATE:
                country = None
        if country:
            out.setdefault(sentence_span(ent[0]).start_char, country)
    return out


def _titled(m: Mention) -> bool:
    """A person or organisation known by a title but not by country ("President Dos Santos",
    "Lt. Gen. Avril", "the mining company Vale")."""
    code = m.coding.code
    if code.kind == "organization":
        return m.coding.how == "name" and m.coding.role is not None
    return code.kind == "person" and code.sector is not None and m.coding.how in ("name", "known")


def _visiting(span: "Span", kb: ActorKnowledge) -> bool:
    """Whether a person is the subject of a meeting or visit ("President Keita met Russian
    officials in Moscow"): the place and the people met then say nothing of their country."""
    root = span.root
    if root.dep_ not in SUBJECTS:
        return False
    verb = root.head
    verbs = [verb] + [c for c in verb.children if c.dep_ in ("conj", "xcomp")]
    return any(v.lemma_.lower() in kb.encounters for v in verbs)


def locate_mentions(mentions: list[Mention], doc: "Doc", kb: ActorKnowledge) -> list[Mention]:
    """Actors without a state of their own ("militants", "police", "the Kurds") take the country
    where their sentence places the action, when it names one ("... in northern Syria", "in the
    Nigerian city of Jos"), else the one country the other actors of the sentence belong to
    ("Kenya's government denied that police ..." -> KEN). People known by a title alone first
    take the state whose act they report ("Ecuador granted ..., Foreign Minister X said" -> ECU),
    then the same as above ("President Dos Santos ... UNITA" -> AGO); with two countries in the
    sentence and no setting, nothing is guessed."""
    located = {(m.start, m.end) for m in mentions if m.coding.code.country is None
               and m.coding.how != "linked" and not _titled(m)
               and (m.coding.code.sector in kb.located
                    or (m.coding.code.sector is None and m.coding.code.kind == "group" and "-" in kb.located))}
    titled = {(m.start, m.end) for m in mentions if m.coding.code.country is None and _titled(m)}
    if not located and not titled:
        return mentions
    countries = _sentence_countries(doc, kb)
    sentence_of = {}
    named: dict[int, set[str]] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        start = sentence_span(span[0]).start_char
        sentence_of[(m.start, m.end)] = start
        if (m.start, m.end) in titled and _visiting(span, kb):
            titled.discard((m.start, m.end))
        country = m.coding.code.country
        if country and country not in NON_STATE:
            named.setdefault(start, set()).add(country)
    spans = {(m.start, m.end): doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions}
    state_at = {t.i: m.coding.code.country for m in mentions for t in (spans[(m.start, m.end)] or ())
                if m.coding.code.kind == "state" and m.coding.code.country
                and m.coding.code.country not in NON_STATE}
    out: list[Mention] = []
    for m in mentions:
        key = (m.start, m.end)
        sentence = sentence_of.get(key)
        country = None
        if key in titled and spans[key] is not None:
            country = _reporting_state(spans[key], state_at)
        if country is None and sentence is not None and (key in located or key in titled):
            country = countries.get(sentence)
            others = named.get(sentence, set())
            by_others = key in titled or (m.coding.code.sector or "-") in kb.located_by_others
            if country is None and len(others) == 1 and by_others:
                country = next(iter(others))
        if country:
            code = m.coding.code
            m = replace(m, coding=replace(m.coding, code=ActorCode(code.name, country, code.sector,
                                                                   code.kind)))
        out.append(m)
    return out


def _reporting_state(span: "Span", state_at: dict[int, str]) -> str | None:
    """The state whose act a titled person reports ("Ecuador granted asylum, Foreign Minister
    Ricardo Patino said" -> ECU): the subject of the clause the person's speech verb governs or
    is attached to, when a state is named there."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.pos_ not in VERBAL_POS:
        return None
    verb = root.head
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.dep_ in ("ccomp", "parataxis", "advcl") and verb.head.i != verb.i:
        clauses.append(verb.head)
    for clause in clauses:
        for subj in clause.children:
            if subj.dep_ in SUBJECTS and subj.i in state_at:
                return state_at[subj.i]
    return None
