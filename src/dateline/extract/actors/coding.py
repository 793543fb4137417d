"""Coding one noun phrase: which actor it names (canonical name, country, sector, kind).

The coder works on a list of :class:`Word` (offsets into a text), so the same rules serve a
spaCy span (:func:`words_of_span`) and plain text (:func:`code_text`). The phrase is cut into the
longest known pieces (names, demonyms, roles, capitals) and read from its head backwards:
"Kremlin Spokesman Dmitry Peskov" -> a known person; "the Turkish armed forces" -> a role with a
demonym; "Rebels in the Ivory Coast" -> a role whose country comes after the head.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...knowledge.actors import ActorCode, ActorKnowledge, Role, norm_key
from .words import NON_STATE, Coding, Item, Word, span_text, words_of_span, words_of_text
from ...knowledge.actor_codes import SEGMENTS_MEMO
from .segment import inside_known, phrase_key, segment

__all__ = ["Word", "Item", "Coding", "code_words", "code_text", "words_of_span", "words_of_text",
           "segment", "inside_known", "names_a_thing"]

_LABEL_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group",
                "FAC": "organization"}


def code_text(text: str, *, knowledge: ActorKnowledge, date: str | None = None) -> ActorCode | None:
    """Code a phrase given as plain text; None when it names no actor."""
    coding = code_words(words_of_text(text), text, knowledge=knowledge, date=date)
    return coding.code if coding else None


def _trim(words: Sequence[Word], kb: ActorKnowledge) -> tuple[list[Word], bool]:
    """The phrase without leading determiners and counts, and whether it was counted ("tens of
    thousands of people" -> "people", True: a crowd, so a weak role such as "people" counts)."""
    i = 0
    counted = False
    while i < len(words):
        key = norm_key(words[i].text)
        if words[i].text.replace(",", "").replace(".", "").isdigit():
            counted = True
        elif key == "of" and counted:
            pass  # "thousands of people"
        elif not (words[i].punct or key in kb.skip):
            break
        elif key in kb.counts:
            counted = True
        i += 1
    j = len(words)
    while j > i and words[j - 1].punct:
        j -= 1
    return list(words[i:j]), counted


def _split_tail(words: list[Word], kb: ActorKnowledge, text: str) -> tuple[list[Word], list[Word]]:
    for k, w in enumerate(words):
        if k > 0 and (norm_key(w.text) in kb.breaks or w.text in ("(", ",", "—", "–")):
            if w.text[:1].isalpha() and inside_known(words, k, kb, text):
                continue  # "ministry of defence", "chief of staff" are one role
            return words[:k], words[k:]
    return words, []


_ANCHORS = frozenset({"entity", "demonym", "capital"})
#: A people or community has no government or army of its own: its armed men are rebels, its
#: leaders elites ("Kurdish units" -> REB, "Yoruba leaders" -> ELI).
_GROUP_SECTORS = {"MIL": "REB", "GOV": "ELI"}
#: Sectors of a state's own institutions: only these make a regional people's role a set of states.
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def code_words(words: Sequence[Word], text: str, *, knowledge: ActorKnowledge,
               date: str | None = None, weak: bool = False) -> Coding | None:
    """Code a phrase given as words over ``text``; None when its head is no actor. With
    ``weak``, a weak role alone ("the family", "a man") is an actor too: the caller knows the
    phrase fills an actor's place (an event's source or target).

    Like its cut (:func:`segment`), the coding depends on the words, the text between their first
    and last character, the knowledge, the date and ``weak`` alone, and its offsets are the
    words': the knowledge base remembers it (``kb.codings``, bounded) by :func:`phrase_key` with
    offsets from the phrase's first character, so the same phrase elsewhere is not coded again."""
    if not words:
        return None
    memo = knowledge.codings
    key = (phrase_key(words, text), date, weak)
    base = min(w.start for w in words)
    if key in memo:
        found = memo[key]
    else:
        if len(memo) >= SEGMENTS_MEMO:
            memo.clear()
        coding = _code_words(words, text, knowledge, date, weak)
        found = memo[key] = None if coding is None else replace(coding, start=coding.start - base,
                                                                end=coding.end - base)
    return None if found is None else replace(found, start=found.start + base, end=found.end + base)


def _code_words(words: Sequence[Word], text: str, knowledge: ActorKnowledge, date: str | None,
                weak: bool) -> Coding | None:
    """:func:`code_words` without the memo."""
    kb = knowledge
    kept, counted = _trim(words, kb)
    if not kept:
        return None
    head_words, tail_words = _split_tail(kept, kb, text)
    if (tail_words and len(tail_words) > 1 and norm_key(tail_words[0].text) == "of"
            and norm_key(head_words[-1].text) in kb.partitives):
        # "a group of Yoruba leaders", "members of the opposition": the phrase after "of" counts
        inner = code_words(tail_words[1:], text, knowledge=kb, date=date, weak=weak)
        if inner is not None:
            return Coding(inner.code, inner.how, inner.role, head_words[0].start, inner.end)
    items = segment(head_words, text, kb, date)
    content = [it for it in items if it.type not in ("poss", "and")]
    if not content:
        return None
    head = content[-1]
    mods = content[:-1]
    start = head_words[0].start
    end = head_words[head.last].end
    tail_code = _tail_country(tail_words, text, kb, date)
    lower = {norm_key(w.text) for w in head_words}
    if head.type == "other":
        # a noun compound headed by an unknown noun takes its role modifier ("opposition
        # candidates"), unless the noun names no actor ("military operation")
        if (not mods or mods[-1].type != "role" or mods[-1].last != head.first - 1
                or norm_key(head_words[head.last].text) in kb.not_actor
                or not head_words[head.last].text.isalpha()):
            return None
        phrase = span_text(text, head_words, 0, head.last)
        role = mods[-1].role
        mods = mods[:-1]
        anchor = _anchor(mods)
        return _code_role(role, mods, anchor, tail_code, lower, phrase, start, end, kb, date, counted or weak)
    anchor = _anchor(mods)
    if head.type in ("entity", "capital") and head.code is not None:
        code = head.code
        if code.country is None and (anchor or tail_code):
            code = _with(code, country=(anchor.code.country if anchor and anchor.code else tail_code))
        if code.kind == "group" and code.sector is None and code.country not in NON_STATE:
            code = _with(code, sector="CVL")
        how = "known" if code.kind == "person" else ("state" if code.kind == "state" else "org")
        title = next((m.role for m in reversed(mods) if m.type == "role"), None)
        country = _state_country(mods)
        if code.kind == "person" and country is not None and code.country not in (None, country):
            # "Jordan's King Abdullah" is not the Saudi king of the same name
            piece = span_text(text, head_words, head.first, head.last)
            code = (kb.person(piece, date=date, office=title.office if title else None, country=country)
                    or ActorCode(piece, country, title.sector if title else None, "person"))
        elif code.kind == "person" and title is not None and title.office:
            piece = span_text(text, head_words, head.first, head.last)
            code = kb.person(piece, date=date, office=title.office) or code
        if (code.kind == "person" and title is not None and title.sector
                and code.sector in (None, "ELI") and not (lower & kb.not_incumbent)):
            code = _with(code, sector=title.sector)  # the story calls them by their title
        return Coding(code, how, title, start, end)
    if head.type == "name":
        if names_a_thing(head_words[head.first:head.last + 1], kb, head.label,
                         titled=any(m.type == "role" for m in mods)):
            return None
        coding = _code_name(head, mods, anchor, tail_code, head_words, text, start, end)
        if coding.code.kind == "organization" and coding.code.country is None and not mods:
            coding = _named_body(coding, head_words, tail_words, text, kb) or coding
        if coding.code.country is None and head.label in ("GPE", "NORP", "LOC") and not mods:
            country = kb.city(coding.code.name or "")  # "Idlib" -> SYR
            if country:
                coding = Coding(_with(coding.code, country=country, kind="state"), "name", None, start, end)
        return coding
    if head.type == "demonym" and head.code is not None:
        word = head_words[head.last].text
        plural = word.endswith("s") and not word.endswith("ss")
        code = head.code
        if code.kind == "group":
            if code.sector is None and code.country and code.country not in NON_STATE:
                code = _with(code, sector="CVL")  # "109 Uighurs": people of a community
            return Coding(code, "demonym", None, start, end)
        if plural or head_words[head.last].noun:
            name = span_text(text, head_words, head.first, head.last)
            kind = "group" if plural else "person"  # "Palestinians", "a Palestinian"
            return Coding(ActorCode(name, code.country, "CVL", kind), "demonym", None, start, end)
        return Coding(ActorCode(code.name, code.country, None, "state"), "demonym", None, start, end)
    if head.type == "role" and head.role is not None:
        phrase = span_text(text, head_words, 0, head.last)
        if (head_words[head.last].text[:1].isupper() and len(tail_words) > 1
                and norm_key(tail_words[0].text) == "of" and tail_words[-1].text[:1].isupper()):
            phrase = span_text(text, kept, 0, len(kept) - 1)  # a proper name: "Ministry of Defence"
        role = _specialised(head.role, mods, anchor)
        return _code_role(role, mods, anchor, tail_code, lower, phrase, start, end, kb, date, counted or weak)
    return None


def names_a_thing(words: Sequence[Word], kb: ActorKnowledge, label: str = "", *,
                  titled: bool = False) -> bool:
    """Whether a proper name is a place or a happening, not an actor: a word that names no actor
    (``not_actor``) before its last word ("Hurricane Mitch", "Super Typhoon Haiyan"), or as its
    last word ("the Ambassador Bridge"), unless the tagger reads the name as an organisation and
    no role word precedes ("The Washington Post" yes, "Wright-Patterson Air Force Base" no)."""
    keys = [norm_key(w.text) for w in words if not w.punct]
    if not keys:
        return False
    if any(k in kb.not_actor for k in keys[:-1]) and words[0].text[:1].isupper():
        return True
    return keys[-1] in kb.not_actor and (label != "ORG" or titled)


def _named_body(coding: Coding, head_words: list[Word], tail_words: list[Word], text: str,
                kb: ActorKnowledge) -> Coding | None:
    """An unknown named body ("Association of African Jurists", "Third World Water Forum"): the
    whole proper name, and NGO as its country when the name holds no state (one that does took
    it already: "Nigerian Bar Association")."""
    words, end = list(head_words), coding.end
    if (len(tail_words) > 1 and norm_key(tail_words[0].text) == "of"
            and all(w.text[:1].isupper() or norm_key(w.text) in kb.skip or w.text in ("of", "and", "for")
                    for w in tail_words[1:])
            and tail_words[-1].text[:1].isupper()):
        words, end = words + tail_words, tail_words[-1].end  # "Association" + "of African Jurists"
    if not any(norm_key(w.text) in kb.bodies and w.text[:1].isupper() for w in words):
        return None
    name = span_text(text, words, 0, len(words) - 1)
    return Coding(ActorCode(name, "NGO", coding.code.sector, "organization"), "name", coding.role,
                  coding.start, end)


def _specialised(role: Role, mods: list[Item], anchor: Item | None) -> Role:
    """A generic head with the sector of what it is the leader/spokesman/member of: the role
    right before it ("rebel leader" -> REB, "army spokesman" -> MIL), else a named organisation
    or armed group with a sector ("Hamas official" -> REB); a weak head ("positions") with the
    sector of the role before it ("rebel positions" -> REB)."""
    if not (role.generic or role.weak):
        return role
    if mods and mods[-1].type == "role" and mods[-1].role is not None and mods[-1].role.sector:
        # "rebel positions", "army units": a weak head is the modifier's
        return replace(role, sector=mods[-1].role.sector, weak=False)
    if not role.generic:
        return role
    if (anchor is not None and anchor.code is not None and anchor.code.sector
            and anchor.code.kind in ("organization", "group") and anchor.type == "entity"):
        return replace(role, sector=anchor.code.sector)
    return role


def _anchor(mods: list[Item]) -> Item | None:
    """The nearest named actor among the modifiers ("Syria's SANA news agency" -> SANA)."""
    return next((m for m in reversed(mods) if m.type in _ANCHORS and m.code is not None), None)


def _state_country(mods: list[Item]) -> str | None:
    """The country of the first state named among the modifiers ("Russian UN envoy" -> RUS)."""
    return next((m.code.country for m in mods if m.type in _ANCHORS and m.code is not None
                 and m.code.kind == "state" and m.code.country), None)


def _with(code: ActorCode, **changes) -> ActorCode:
    values = {"name": code.name, "country": code.country, "sector": code.sector, "kind": code.kind}
    values.update(changes)
    return ActorCode(**values)


def _tail_country(words: list[Word], text: str, kb: ActorKnowledge, date: str | None) -> str | None:
    if not words:
        return None
    items = segment(words, text, kb, date)
    for it in items:
        if (it.type in _ANCHORS and it.code is not None and it.code.country
                and not (it.code.kind == "group" and it.code.country == "IGO")):
            return it.code.country  # "of African Jurists" names a region's people, no state
    for it in items:
        if it.type == "name":
            country = kb.city(span_text(text, words, it.first, it.last))
            if country:
                return country
    return None


def _code_name(head: Item, mods: list[Item], anchor: Item | None, tail_code: str | None,
               words: list[Word], text: str, start: int, end: int) -> Coding:
    name = span_text(text, words, head.first, head.last)
    titles = [m for m in mods if m.type == "role" and m.role is not None]
    label = head.label
    if titles and titles[-1].role.kind == "organization" and label != "PERSON":
        kind = "organization"  # "broadcaster NOS"
    elif titles or label == "PERSON":
        kind = "person"
    else:
        kind = _LABEL_KINDS.get(label, "organization" if anchor is None else "person")
    country = None
    sector = None
    if anchor is not None and anchor.code is not None:
        country = anchor.code.country
        sector = anchor.code.sector if anchor.code.kind in ("state", "organization") else None
    title = titles[-1].role if titles else None
    for m in reversed(titles):
        if m.role.sector:
            sector = m.role.sector
            break
    if country is None:
        country = tail_code or next((m.role.country for m in titles if m.role.country), None)
    if kind != "person" and not titles:
        sector = None
    return Coding(ActorCode(name, country, sector, kind), "name", title, start, end)


def _code_role(role: Role, mods: list[Item], anchor: Item | None, tail_code: str | None,
               lower: set[str], name: str, start: int, end: int,
               kb: ActorKnowledge, date: str | None, counted: bool = False) -> Coding | None:
    org = anchor if anchor is not None and anchor.code is not None else None
    person_mod = next((m for m in reversed(mods) if m.type == "name" and m.label in ("PERSON", "ORG")),
                      None)
    country = _state_country(mods) or (org.code.country if org else None)
    if (org is not None and org.code.kind == "group" and country == "IGO"
            and role.sector not in _STATE_SECTORS and _state_country(mods) is None):
        country = None  # "Arab ministers" are states acting together, "Arab residents" are people
    if country is None:
        country = tail_code or role.country
    if org is None and tail_code is None and person_mod is None and role.weak and not counted:
        return None
    sector = role.sector
    if sector is None and org is not None:
        sector = org.code.sector
    if (org is not None and org.code.kind == "group" and org.code.country not in NON_STATE
            and _state_country(mods) is None):
        sector = _GROUP_SECTORS.get(sector, sector)
    if org is not None and org.code.kind == "organization" and role.kind == "organization":
        code = org.code
        return Coding(_with(code, sector=code.sector or sector, country=code.country or country),
                      "org", role, start, end)
    if role.office and role.kind == "person" and not (lower & kb.not_incumbent) and person_mod is None:
        holder = kb.office_holder(country, role.office, date)
        if holder is not None:
            return Coding(holder, "known", role, start, end)
    return Coding(ActorCode(name, country, sector, role.kind), "role", role, start, end)
