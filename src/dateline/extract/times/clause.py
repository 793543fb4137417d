"""How closely a temporal expression is tied to a trigger word in the dependency parse.

:func:`clause_tier` ranks a time for an event or quote trigger, best first: 0 when it modifies
the trigger itself or a relative clause on it ("troops *attacked* the town *on Monday*", "the
*airstrikes on Monday*", "*clashes* that began *on Sunday*"); 1 when it modifies the verb of
the clause of a noun trigger ("arrested protesters *on Tuesday* after *clashes*"); 2 when it
lies elsewhere inside that clause, in a clause nested in it ("*agreed* to meet *on Friday*");
3 when it belongs to another clause of the sentence ("the rebels, who attacked *on Saturday*,
*withdrew* ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["clause_tier", "clause_verb", "TIERS"]

TIERS = 4
_VERBAL = ("VERB", "AUX")
_MAX_CLIMB = 12


def _root(doc: "Doc", start: int, end: int) -> "Token | None":
    """The syntactic head of the tokens covering ``start:end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def clause_verb(token: "Token") -> "Token":
    """The verb heading the clause a token belongs to (the token itself when it is a verb)."""
    current = token
    for _ in range(_MAX_CLIMB):
        if current.pos_ in _VERBAL:
            return current
        if current.head is current:
            break
        current = current.head
    return current


def _path_to_verb(token: "Token") -> list["Token"]:
    """The token's ancestors up to and including its governing verb (or up to the root)."""
    path = []
    current = token
    for _ in range(_MAX_CLIMB):
        if current.head is current:
            break
        current = current.head
        path.append(current)
        if current.pos_ in _VERBAL:
            break
    return path


def clause_tier(doc: "Doc", trigger: tuple[int, int], time: tuple[int, int]) -> int:
    """0: the time modifies the trigger (or a relative clause on it); 1: the verb of the
    trigger's clause; 2: it lies elsewhere inside that clause; 3: elsewhere, or the parse does
    not say."""
    trig = _root(doc, *trigger)
    tok = _root(doc, *time)
    if trig is None or tok is None:
        return TIERS - 1
    verb = clause_verb(trig)
    path = _path_to_verb(tok)
    if trig in path:
        return 0
    if path and path[-1].dep_ in ("relcl", "acl") and path[-1].head == trig:
        return 0  # "clashes that began on Sunday": a clause describing the trigger noun
    if verb in path[-1:]:
        return 1
    if verb.is_ancestor(tok):
        return 2
    return TIERS - 1
