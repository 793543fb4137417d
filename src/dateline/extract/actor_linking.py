"""Article-level linking: later and shorter mentions of an actor get its full code.

"Peskov" after "Kremlin Spokesman Dmitry Peskov" becomes Dmitry Peskov (RUS GOV); "the Kremlin
spokesman" becomes him too when exactly one person in the article carries that title with that
country; "Putin" in a headline before "Vladimir Putin" links as well (the whole article is read).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..knowledge.actors import ActorCode, ActorKnowledge, norm_key
from .actor_coding import Coding
from .actor_mentions import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["link_mentions", "locate_mentions", "link_appositions"]


def _name_tokens(name: str, particles: frozenset[str]) -> list[str]:
    return [t for t in norm_key(name).split() if len(t) > 1 and t not in particles]


def link_mentions(mentions: list[Mention], kb: ActorKnowledge) -> list[Mention]:
    """The mentions with short names and titles resolved to a person named in the article, and
    bare role phrases ("the ministry") to the one organisation of that kind named before."""
    people: dict[str, ActorCode] = {}
    by_title: dict[str, list[ActorCode]] = {}
    for m in mentions:
        code = m.coding.code
        if code.kind != "person" or not code.name or m.coding.how not in ("known", "name"):
            continue
        tokens = _name_tokens(code.name, kb.name_particles)
        if len(tokens) < 2 and m.coding.how == "name":
            continue
        full = people.get(" ".join(tokens))
        if full is None or _richer(code, full):
            people[" ".join(tokens)] = code
        if m.coding.role is not None:
            by_title.setdefault(m.coding.role.phrase, []).append(code)
    out: list[Mention] = []
    antecedents: dict[str, dict[str, ActorCode]] = {}
    for m in mentions:
        code = m.coding.code
        linked: ActorCode | None = None
        head = _role_head(m)
        if head is not None and code.kind != "person" and code.country is None:
            # "the ministry" after "the Russian Defense Ministry": the one named before
            earlier = antecedents.get(head, {})
            if len(earlier) == 1:
                m = replace(m, coding=Coding(next(iter(earlier.values())), "linked", m.coding.role,
                                             m.coding.start, m.coding.end))
                out.append(m)
                continue
        elif head is not None and code.country is not None and code.kind != "person":
            antecedents.setdefault(head, {})[code.name or ""] = code
        if m.coding.how == "name" and code.kind in ("person", "organization", "state") and code.name:
            tokens = _name_tokens(code.name, kb.name_particles)
            candidates = {c.name: c for key, c in people.items()
                          if tokens and set(tokens) <= set(key.split()) and c.name != code.name}
            if len(candidates) == 1:
                linked = next(iter(candidates.values()))
        elif m.coding.how == "role" and code.kind == "person" and m.coding.role is not None:
            holders = {c.name: c for c in by_title.get(m.coding.role.phrase, ())
                       if code.country is None or c.country in (None, code.country)}
            if len(holders) == 1:
                linked = next(iter(holders.values()))
        if linked is not None:
            merged = ActorCode(linked.name, linked.country or code.country, linked.sector or code.sector,
                               "person")
            m = replace(m, coding=Coding(merged, "linked", m.coding.role, m.coding.start, m.coding.end))
        out.append(m)
    return out


def _role_head(m: Mention) -> str | None:
    """The last word of the role a role phrase is headed by ("defense ministry" -> "ministry")."""
    if m.coding.how not in ("role", "org") or m.coding.role is None:
        return None
    return m.coding.role.phrase.split()[-1]


def _richer(new: ActorCode, old: ActorCode) -> bool:
    def known(code: ActorCode) -> int:
        return (code.country is not None) + (code.sector is not None)

    return known(new) > known(old)


def _sentence_countries(doc: "Doc", kb: ActorKnowledge) -> dict[int, str]:
    """Sentence start -> the country its first locative place belongs to ("in Idlib" -> SYR)."""
    out: dict[int, str] = {}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC") or ent.start == 0:
            continue
        prep = ent.root.head
        if prep.dep_ != "prep" or prep.lower_ not in kb.locatives:
            continue
        text = ent.text
        code = kb.entity(text) or kb.capital(text)
        country = code.country if code is not None and code.kind == "state" else kb.city(text)
        if country is None:
            for word in text.split():  # "northern Syria"
                code = kb.entity(word)
                if code is not None and code.kind == "state":
                    country = code.country
        if country:
            out.setdefault(ent.sent.start_char, country)
    return out


def locate_mentions(mentions: list[Mention], doc: "Doc", kb: ActorKnowledge) -> list[Mention]:
    """Actors without a state of their own ("militants", "the Kurds") take the country where
    their sentence places the action, when it names one ("... in northern Syria")."""
    wanted = {(m.start, m.end) for m in mentions if m.coding.code.country is None
              and m.coding.how != "linked"
              and (m.coding.code.sector in kb.located
                   or (m.coding.code.sector is None and m.coding.code.kind == "group" and "-" in kb.located))}
    if not wanted:
        return mentions
    countries = _sentence_countries(doc, kb)
    if not countries:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        if (m.start, m.end) in wanted:
            country = countries.get(doc.char_span(m.start, m.end, alignment_mode="expand").sent.start_char)
            if country:
                code = m.coding.code
                m = replace(m, coding=replace(m.coding, code=ActorCode(code.name, country, code.sector,
                                                                       code.kind)))
        out.append(m)
    return out



def link_appositions(mentions: list[Mention], doc: "Doc") -> list[Mention]:
    """A name without a country takes the country and sector of the title set beside it:
    "Mbonda, the Angolan foreign minister," and "the president of Angola, Jose Mbonda," ->
    AGO GOV for the name. The two must stand in apposition: linked by the parse, or next to each
    other with only a comma between."""
    if not mentions:
        return mentions
    text = doc.text
    by_token: dict[int, int] = {}
    roots: dict[int, object] = {}
    parsed = doc.has_annotation("DEP")
    for n, m in enumerate(mentions):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            roots[n] = span.root
            for t in span:
                by_token[t.i] = n
    out = list(mentions)
    for n, m in enumerate(mentions):
        code = m.coding.code
        if code.country is not None or code.kind == "state" or m.coding.how != "name":
            continue
        beside: list[int] = []
        if n + 1 < len(mentions) and text[m.end:mentions[n + 1].start].strip() == ",":
            beside.append(n + 1)
        if n > 0 and text[mentions[n - 1].end:m.start].strip() == ",":
            beside.append(n - 1)
        root = roots.get(n)
        if parsed and root is not None:
            toks = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                toks.append(root.head)
            beside += [by_token[t.i] for t in toks if t.i in by_token]
        for k in beside:
            title = mentions[k].coding
            if k != n and title.how in ("role", "known", "linked") and title.code.kind == "person" \
                    and title.code.country:
                merged = ActorCode(code.name, title.code.country, title.code.sector or code.sector, "person")
                out[n] = replace(m, coding=Coding(merged, "linked", title.role, m.coding.start, m.coding.end))
                break
    return out
