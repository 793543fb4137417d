"""The characters a regex match can start with, and finding a rule's matches by them.

A time rule's pattern is tried by ``re`` at every position of an article (the rules open with a
lookbehind, so ``re`` cannot skip ahead to a likely first character itself); dozens of rules
cost a scan each. :func:`first_char_class` reads a pattern and gives a one-character class that
every match's first character belongs to (a superset: the branches' first atoms, looking through
optional and zero-width parts), or None when it cannot tell (the pattern may match the empty
string, or starts with something it does not read). :func:`matches_at` then tries the pattern
only at the given positions whose character is in the class, which finds exactly what
``finditer`` finds: no match can start anywhere else, and the positions are tried in order, each
search resuming where the last match ended as ``finditer`` does (no match is empty).

The pattern is read with the standard library's regex parser (``re._parser``); a construct it
does not know here makes the class None, and the rule is then scanned as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

__all__ = ["first_char_class", "matches_at"]

try:  # the standard library's own regex parser (Python 3.11+)
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python
    _c = _p = None

_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


class _Unknown(Exception):
    """A construct whose first characters are not read here."""


def first_char_class(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A compiled one-character class (the pattern's flags) holding the first character of every
    match of ``pattern``, or None when it cannot tell."""
    if _p is None or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        items, nullable = _first(list(parsed))
    except (_Unknown, re.error, TypeError, ValueError, AttributeError, IndexError):
        return None
    if nullable or not items:
        return None
    flags = pattern.flags & (re.IGNORECASE | re.ASCII | re.UNICODE)
    try:
        return re.compile("[" + "".join(sorted(items)) + "]", flags)
    except re.error:
        return None


def _first(seq: Sequence) -> tuple[set[str], bool]:
    """The class items of the first characters of a sequence of parsed items, and whether the
    whole sequence may match the empty string."""
    out: set[str] = set()
    for op, av in seq:
        items, nullable = _first_of(str(op), av)
        out |= items
        if not nullable:
            return out, False
    return out, True


def _first_of(op: str, av) -> tuple[set[str], bool]:
    if op == "LITERAL":
        return {_char(av)}, False
    if op == "IN":
        return _charset(av), False
    if op == "BRANCH":
        out: set[str] = set()
        nullable = False
        for branch in av[1]:
            items, n = _first(list(branch))
            out |= items
            nullable = nullable or n
        return out, nullable
    if op == "SUBPATTERN":
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:  # a flag changed inside: the class would need it
            raise _Unknown(op)
        return _first(list(sub))
    if op == "ATOMIC_GROUP":
        return _first(list(av))
    if op in _REPEATS:
        low, _, sub = av
        items, nullable = _first(list(sub))
        return items, nullable or low == 0
    if op in _ZERO_WIDTH:  # consumes nothing: the next item gives the first character
        return set(), True
    raise _Unknown(op)


def _char(code: int) -> str:
    return re.escape(chr(code))


def _charset(items) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        op = str(op)
        if op == "LITERAL":
            out.add(_char(av))
        elif op == "RANGE":
            out.add(_char(av[0]) + "-" + _char(av[1]))
        elif op == "CATEGORY" and str(av) in _CATEGORIES:
            out.add(_CATEGORIES[str(av)])
        else:  # NEGATE, RANGE_UNI_IGNORE, ...
            raise _Unknown(op)
    return out


def matches_at(regex: re.Pattern[str], text: str, positions: Sequence[int]) -> Iterator[re.Match[str]]:
    """What ``regex.finditer(text)`` yields, trying ``regex`` only at ``positions`` (ascending;
    every position a match can start at must be among them, and no match may be empty)."""
    resume = 0
    for pos in positions:
        if pos < resume:
            continue
        match = regex.match(text, pos)
        if match is not None:
            yield match
            resume = match.end()
