"""Article-level linking: later and shorter mentions of an actor get its full code.

"Peskov" after "Kremlin Spokesman Dmitry Peskov" becomes Dmitry Peskov (RUS GOV); "the Kremlin
spokesman" becomes him too when exactly one person in the article carries that title with that
country; "Putin" in a headline before "Vladimir Putin" links as well (the whole article is read).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...knowledge.actors import ActorCode, ActorKnowledge, norm_key
from .coding import NON_STATE, Coding
from .mentions import Mention
from ..syntax.labels import NOMINAL_POS, SUBJECTS, VERBAL_POS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["link_mentions", "locate_mentions", "link_appositions"]


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
            out.setdefault(ent.sent.start_char, country)
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
        start = span.sent.start_char
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
