"""Cutting a phrase into the longest known pieces: names, demonyms, roles, capitals and seats of
power, affiliations ("pro-Russian", "Houthi-led"), possessives and coordination; and whether a
word lies inside a longer known name."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...knowledge.actor_codes import SEGMENTS_MEMO
from ...knowledge.actors import ActorCode, ActorKnowledge, norm_key
from .words import NON_STATE, Item, Word, span_text

__all__ = ["segment", "inside_known", "phrase_key"]

_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", ""})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_CONJUNCTIONS = frozenset({"and", "&", "or"})
_STANCES = frozenset({"pro", "anti"})
_STANCE_RE = re.compile(r"(?i)(?:pro|anti)-\w.*")
_AFFIX_RE = re.compile(r"(.+?)-(\w+)")
#: "X-led": a body led by a state is a coalition of states (IGO); led by a group, it is the group's.
_LED = frozenset({"led", "dominated", "headed"})


def segment(words: Sequence[Word], text: str, kb: ActorKnowledge, date: str | None) -> list[Item]:
    """Cut a phrase into the longest known pieces, left to right.

    The cut depends on the words, the text between their first and last character, the knowledge
    and the date alone (its items name words by their place in ``words``, not by offsets), so the
    knowledge base remembers it (``kb.segments``, bounded) by :func:`phrase_key`: a phrase is cut
    two or three times per article (split at a conjunction?, coded?, names inside?), the same
    phrase recurs in other sentences and articles ("the government", "President Trump"), and a
    phrase asked for again gets a copy of the same items."""
    memo = kb.segments
    key = (phrase_key(words, text), date)
    items = memo.get(key)
    if items is None:
        if len(memo) >= SEGMENTS_MEMO:
            memo.clear()
        items = memo[key] = _segment(words, text, kb, date)
    return list(items)


def phrase_key(words: Sequence[Word], text: str) -> tuple:
    """What a phrase's cut depends on, wherever it stands: each word's fields with its offsets
    taken from the phrase's first character, and the text from there to its last character (the
    only text the cut reads: the words and the gaps between them)."""
    if not words:
        return ()
    base = min(w.start for w in words)
    stop = max(w.end for w in words)
    return (text[base:stop], tuple((w.start - base, w.end - base, w.text, w.ent, w.propn, w.punct, w.tagged,
                                    w.noun, w.inside) for w in words))


def _segment(words: Sequence[Word], text: str, kb: ActorKnowledge, date: str | None) -> list[Item]:
    """:func:`segment` without the memo."""
    items: list[Item] = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        low = w.text.lower()
        if w.text in _POSSESSIVE:
            items.append(Item("poss", i, i))
            i += 1
            continue
        if low in _CONJUNCTIONS or (w.punct and w.text not in ".-"):
            items.append(Item("and" if low in _CONJUNCTIONS or w.text == "," else "other", i, i))
            i += 1
            continue
        if (i + 2 < n and words[i + 1].text == "-" and norm_key(words[i + 2].text) in kb.affiliations
                and words[i + 1].start == w.end):
            # "Turkish-backed militants" are backed by Turkey, not Turkish
            items.append(_affiliation(w.text, words[i + 2].text, i, i + 2, kb, date))
            i += 3
            continue
        glued = _AFFIX_RE.fullmatch(w.text)
        if glued and norm_key(glued.group(2)) in kb.affiliations:
            items.append(_affiliation(glued.group(1), glued.group(2), i, i, kb, date))  # "U.S.-led"
            i += 1
            continue
        if low in _STANCES and i + 2 < n and words[i + 1].text == "-" and words[i + 1].start == w.end:
            # "pro-Russian separatists" are for Russia, not Russian: skip the stance and its object
            j = i + 2
            while j + 1 < n and words[j + 1].start == words[j].end and words[j + 1].text != "-":
                j += 1
            items.append(Item("other", i, j))
            i = j + 1
            continue
        stance = _STANCE_RE.fullmatch(w.text)
        if stance:
            items.append(Item("other", i, i))  # "pro-Western" as one token
            i += 1
            continue
        found: Item | None = None
        longest = kb.first_lengths.get(norm_key(w.text), 1)
        for j in range(min(n, i + longest) - 1, i - 1, -1):
            if any(words[k].text in _POSSESSIVE or words[k].text == "," for k in range(i, j + 1)):
                continue
            piece = span_text(text, words, i, j)
            person_like = any(words[k].ent == "PERSON" for k in range(i, j + 1))
            surname = j == i and _after_title(items, i)
            code = kb.entity(piece, date=date)
            if code is not None and not (code.kind == "state" and j == i
                                         and (surname or (person_like and _in_longer_person(words, i)))):
                found = Item("entity", i, j, code=code)
                break
            code = kb.demonym(piece)
            if code is not None:
                found = Item("demonym", i, j, code=code)
                break
            role = kb.role(piece)
            if role is not None:
                found = Item("role", i, j, role=role)
                break
            if not (surname or (person_like and _in_longer_person(words, i))):
                code = kb.capital(piece)  # "Nouakchott" though the tagger says a person
                if code is not None:
                    found = Item("capital", i, j, code=code)
                    break
        if found is None:
            capital = w.propn if w.tagged else w.text[:1].isupper()
            if w.ent in ("PERSON", "ORG", "GPE", "NORP"):
                capital = capital or w.text[:1].isupper()
            kind = "name" if capital and w.ent in _ACTOR_LABELS else "other"
            if kind == "name" and items and items[-1].type == "name" and items[-1].last == i - 1:
                items[-1] = Item("name", items[-1].first, i, label=items[-1].label or w.ent)
            else:
                items.append(Item(kind, i, i, label=w.ent))
            i += 1
        elif (found.type == "role" and w.inside and w.ent == "PERSON" and w.text[:1].isupper()
              and items and items[-1].type == "name" and items[-1].last == i - 1
              and items[-1].label == "PERSON"):
            # "Jaime King": a title word inside a person's name is part of the name
            items[-1] = Item("name", items[-1].first, found.last, label="PERSON")
            i = found.last + 1
        elif (found.type == "entity" and found.code is not None and found.code.kind == "person"
              and found.first == found.last and w.inside and w.ent == "PERSON" and items
              and items[-1].type == "name" and items[-1].last == i - 1 and items[-1].label == "PERSON"
              and not _same_given_name(words[items[-1].first].text, found.code)):
            # "Jeb Bush", "Hunter Biden": a known person's surname after another given name is
            # another person of that family, not the known one
            items[-1] = Item("name", items[-1].first, found.last, label="PERSON")
            i = found.last + 1
        elif (found.type in ("entity", "capital") and w.inside and items and items[-1].type == "name"
              and items[-1].last == i - 1 and items[-1].label == w.ent and w.ent != "PERSON"
              and norm_key(span_text(text, words, items[-1].first, i - 1)) not in kb.directions):
            # "New Jersey": a known name inside a longer unknown one is no match
            items[-1] = Item("name", items[-1].first, found.last, label=items[-1].label)
            i = found.last + 1
        else:
            items.append(found)
            i = found.last + 1
    return items


def _affiliation(owner: str, affix: str, first: int, last: int, kb: ActorKnowledge,
                 date: str | None) -> Item:
    """The item for "X-backed", "X-led" and the like: X gives the phrase no nationality, except
    that a body X leads is X's when X is a group ("Hamas-led government" -> PSE) and a coalition
    of states when X is a state ("U.S.-led coalition", "Russia-led bloc" -> IGO)."""
    if norm_key(affix) not in _LED:
        return Item("other", first, last)
    code = kb.entity(owner, date=date) or kb.demonym(owner)
    if code is None or not code.country:
        return Item("other", first, last)
    if code.kind == "state" and code.country not in NON_STATE:
        code = ActorCode(f"{owner}-{affix} coalition", "IGO", None, "group")
    else:  # only the leader's country: the body keeps its own sector
        code = ActorCode(code.name, code.country, None, "state")
    return Item("entity", first, last, code=code)


def _same_given_name(given: str, code: ActorCode) -> bool:
    """Whether ``given`` is the known person's first name or its initial ("George", "G.")."""
    first = (code.name or "").split()[:1]
    if not first:
        return True
    a, b = given.lower().rstrip("."), first[0].lower().rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _after_title(items: list[Item], i: int) -> bool:
    """Whether word ``i`` follows a title used only before names ("Mr. Jordan", "Gen. Chad"): a
    name then, not the place it spells."""
    if not items or items[-1].last != i - 1 or items[-1].type != "role" or items[-1].role is None:
        return False
    return items[-1].role.kind == "person" and items[-1].role.title


def _in_longer_person(words: Sequence[Word], i: int) -> bool:
    """Whether word ``i`` is part of a person's name of several words ("Michael Jordan"); a
    country name the tagger alone calls a person ("Malawi appealed ...") is still the country."""
    if words[i].ent != "PERSON":
        return False
    return words[i].inside or (i + 1 < len(words) and words[i + 1].inside and words[i + 1].ent == "PERSON")


def inside_known(words: list[Word], k: int, kb: ActorKnowledge, text: str) -> bool:
    """Whether the break word at ``k`` is inside a known multi-word role or name."""
    for a in range(max(0, k - 3), k):
        for b in range(k + 1, min(len(words), k + 4)):
            key = norm_key(span_text(text, words, a, b))
            if key in kb.roles or key in kb.entities or key in kb.people:
                return True
    return False
