"""The names strategies: later and shorter mentions of an actor get its full code.

"Peskov" after "Kremlin Spokesman Dmitry Peskov" becomes Dmitry Peskov (RUS GOV); "the Kremlin
spokesman" becomes him too when exactly one person in the article carries that title with that
country; "Putin" in a headline before "Vladimir Putin" links as well (the whole article is read);
"Mbonda, the Angolan foreign minister," takes the title's code. They work on the actor stage's
mentions, before actors exist (:data:`NAME_STRATEGIES`, run in order by :func:`link_names`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ....knowledge.actors import ActorCode, ActorKnowledge, norm_key
from ....nlp import doc_text
from ..mentions import Mention
from ..words import Coding

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["link_mentions", "link_appositions", "link_names", "NAME_STRATEGIES", "NameStrategy"]


def _name_tokens(name: str, particles: frozenset[str]) -> list[str]:
    return [t for t in norm_key(name).split() if len(t) > 1 and t not in particles]


def link_mentions(mentions: list[Mention], kb: ActorKnowledge, text: str = "") -> list[Mention]:
    """The mentions with short names and titles resolved to a person named in the article, and
    bare role phrases ("the ministry") to the one organisation of that kind named before, and
    a body's short name ("the Association") to the one named body it is a word of (``text``, the
    article, gives the full names)."""
    people: dict[str, ActorCode] = {}
    named: set[str] = set()
    by_title: dict[str, list[ActorCode]] = {}
    for m in mentions:
        code = m.coding.code
        if code.kind != "person" or not code.name or m.coding.how not in ("known", "name"):
            continue
        tokens = _name_tokens(code.name, kb.name_particles)
        if len(tokens) < 2 and m.coding.how == "name":
            continue
        if m.coding.role is not None or not text or len(_name_tokens(text[m.start:m.end], kb.name_particles)) > 1:
            named.add(" ".join(tokens))  # named in full or by title, not by a bare surname
        full = people.get(" ".join(tokens))
        if full is None or _richer(code, full):
            people[" ".join(tokens)] = code
        if m.coding.role is not None:
            by_title.setdefault(m.coding.role.phrase, []).append(code)
    out: list[Mention] = []
    antecedents: dict[str, dict[str, ActorCode]] = {}
    bodies: dict[str, dict[str, ActorCode]] = {}
    for m in mentions:
        code = m.coding.code
        linked: ActorCode | None = None
        short = _short_name(code)
        if short is not None and m.coding.how in ("name", "role") and code.country in (None, "NGO"):
            # "the Association" after "the Nigerian Bar Association": the one body of that name
            earlier = bodies.get(short, {})
            if len(earlier) == 1:
                out.append(replace(m, coding=Coding(next(iter(earlier.values())), "linked", m.coding.role,
                                                    m.coding.start, m.coding.end)))
                continue
        full = text[m.start:m.end] if text else (code.name or "")
        if code.kind == "organization" and code.country and " " in full:
            for word in {w for w in norm_key(full).split() if len(w) > 3}:
                bodies.setdefault(word, {})[code.name] = code
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
        if m.coding.how == "known" and code.kind == "person" and code.name and code.sector is None:
            # "Trump" when the article also says "Republican candidate Donald Trump": the
            # article's title for this person fills the sector the leaders file leaves open
            titled = people.get(" ".join(_name_tokens(code.name, kb.name_particles)))
            if titled is not None and titled.sector and titled.country in (None, code.country):
                m = replace(m, coding=replace(m.coding, code=ActorCode(code.name, code.country, titled.sector,
                                                                         "person")))
                out.append(m)
                continue
        if m.coding.how == "known" and code.kind == "person" and code.name and text:
            linked = _other_bearer(text[m.start:m.end], code, people, named, kb)
        if linked is not None:  # a namesake shares the known person's country at most, not the post
            code = ActorCode(code.name, code.country, None, "person")
        elif m.coding.how == "name" and code.kind in ("person", "organization", "state") and code.name:
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


def _other_bearer(mention: str, code: ActorCode, people: dict[str, ActorCode], named: set[str],
                  kb: ActorKnowledge) -> ActorCode | None:
    """The person the article names in full whose surname a bare surname mention shares, when the
    article never names the known person it was looked up as ("Bush" after "Jeb Bush" is Jeb
    Bush, not the George W. Bush of the leaders file)."""
    words = _name_tokens(mention, kb.name_particles)
    if len(words) != 1 or " ".join(_name_tokens(code.name or "", kb.name_particles)) in named:
        return None
    bearers = {c.name: c for key, c in people.items() if words[0] in key.split()[1:] and c.name != code.name}
    return next(iter(bearers.values())) if len(bearers) == 1 else None


def _short_name(code: ActorCode) -> str | None:
    """The key of a one-word capitalised organisation name ("Association", "Council")."""
    name = code.name or ""
    if code.kind != "organization" or " " in name or not name[:1].isupper() or name.isupper():
        return None
    return norm_key(name)


def _role_head(m: Mention) -> str | None:
    """The last word of the role a role phrase is headed by ("defense ministry" -> "ministry")."""
    if m.coding.how not in ("role", "org") or m.coding.role is None:
        return None
    return m.coding.role.phrase.split()[-1]


def _richer(new: ActorCode, old: ActorCode) -> bool:
    def known(code: ActorCode) -> int:
        return (code.country is not None) + (code.sector is not None)

    return known(new) > known(old)


def link_appositions(mentions: list[Mention], doc: "Doc") -> list[Mention]:
    """A name without a country takes the country and sector of the title set beside it:
    "Mbonda, the Angolan foreign minister," and "the president of Angola, Jose Mbonda," ->
    AGO GOV for the name. The two must stand in apposition: linked by the parse, or next to each
    other with only a comma between."""
    if not mentions:
        return mentions
    text = doc_text(doc)
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


NameStrategy = Callable[[list[Mention], "Doc", ActorKnowledge], list[Mention]]
"""Links an article's mentions: ``(mentions, doc, knowledge) -> mentions``, the same number."""

#: The names strategies, in order: short names and titles to the person named in full, then
#: names to the title set in apposition beside them.
NAME_STRATEGIES: tuple[tuple[str, NameStrategy], ...] = (
    ("short_names_and_titles", lambda mentions, doc, kb: link_mentions(mentions, kb, doc_text(doc))),
    ("appositions", lambda mentions, doc, kb: link_appositions(mentions, doc)),
)


def link_names(mentions: list[Mention], doc: "Doc", kb: ActorKnowledge) -> list[Mention]:
    """The mentions after every names strategy (:data:`NAME_STRATEGIES`), in order."""
    for _, strategy in NAME_STRATEGIES:
        mentions = strategy(mentions, doc, kb)
    return mentions
