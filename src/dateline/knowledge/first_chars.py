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

The pattern's text is read here (groups, lookarounds, classes, escapes, quantifiers and
alternatives, scoped flags); a pattern that may start with anything (``.``, a back reference),
or holds what is not read here (a global inline flag, a nested set), makes the class None, and the rule is then scanned as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import repeat

__all__ = ["first_char_class", "matches_at"]

_CLASS_ESCAPES = frozenset("dwsDWS")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_LITERAL_ESCAPES = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[^0-9A-Za-z])")
_BACKREF = re.compile(r"\?P=\w+\)")
_NAMED = re.compile(r"\?P<\w+>")
_SCOPED_FLAGS = re.compile(r"\?([aiLmsux]*-?[imsx]*):")
_ANY = "(?s:.)"  # an atom that may be any character: no class then
_QUANTIFIER = re.compile(r"(?:[?*+]|\{(\d*)(?:(,)(\d*))?\})[?+]?")


class _Unknown(Exception):
    """A construct whose first characters are not read here."""


def first_char_class(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A compiled one-character pattern (the pattern's flags) that matches the first character
    of every match of ``pattern``, or None when it cannot tell."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.VERBOSE:
        return None
    reader = _Reader(pattern.pattern)
    try:
        atoms, nullable = reader.alternatives()
        if reader.pos != len(reader.text):
            raise _Unknown(reader.text[reader.pos:])
    except (_Unknown, IndexError):
        return None
    if nullable or not atoms or _ANY in atoms:
        return None
    flags = pattern.flags & (re.IGNORECASE | re.ASCII | re.UNICODE)
    try:
        return re.compile("(?:" + "|".join(sorted(atoms)) + ")", flags)
    except re.error:
        return None


class _Reader:
    """Reads a pattern's text: the one-character atoms a match can start with (each a pattern
    text matching one character), and whether the pattern may match the empty string."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def alternatives(self) -> tuple[set[str], bool]:
        atoms, nullable = self.sequence()
        while self.pos < len(self.text) and self.text[self.pos] == "|":
            self.pos += 1
            more, may_be_empty = self.sequence()
            atoms |= more
            nullable = nullable or may_be_empty
        return atoms, nullable

    def sequence(self) -> tuple[set[str], bool]:
        atoms: set[str] = set()
        nullable = True
        while self.pos < len(self.text) and self.text[self.pos] not in "|)":
            item, may_be_empty = self.item()
            if nullable:
                atoms |= item
                nullable = may_be_empty
        return atoms, nullable

    def item(self) -> tuple[set[str], bool]:
        atoms, nullable = self.atom()
        quantifier = _QUANTIFIER.match(self.text, self.pos)
        if quantifier is not None:
            self.pos = quantifier.end()
            low = quantifier.group(1)
            if quantifier.group(0)[0] in "?*" or (quantifier.group(0)[0] == "{" and not low):
                nullable = True
            elif quantifier.group(0)[0] == "{" and int(low) == 0:
                nullable = True
        return atoms, nullable

    def atom(self) -> tuple[set[str], bool]:
        text, pos = self.text, self.pos
        char = text[pos]
        if char == "(":
            return self.group()
        if char == "[":
            end = self._class_end(pos)
            self.pos = end
            return {text[pos:end]}, False
        if char == "\\":
            nxt = text[pos + 1]
            if nxt in _CLASS_ESCAPES:
                self.pos = pos + 2
                return {text[pos:pos + 2]}, False
            if nxt in _ZERO_WIDTH_ESCAPES:
                self.pos = pos + 2
                return set(), True
            escape = _LITERAL_ESCAPES.match(text, pos)
            if escape is None:
                raise _Unknown(text[pos:pos + 2])
            self.pos = escape.end()
            return {escape.group(0)}, False
        if char in "^$":
            self.pos = pos + 1
            return set(), True
        if char == ".":
            self.pos = pos + 1
            return {_ANY}, False
        if char in ")|*+?{":
            raise _Unknown(char)
        self.pos = pos + 1
        return {re.escape(char)}, False

    def group(self) -> tuple[set[str], bool]:
        text = self.text
        self.pos += 1
        zero_width, flags = False, ""
        if text.startswith("?", self.pos):
            for opening, lookaround in (("?:", False), ("?>", False), ("?=", True), ("?!", True),
                                        ("?<=", True), ("?<!", True)):
                if text.startswith(opening, self.pos):
                    self.pos += len(opening)
                    zero_width = lookaround
                    break
            else:
                backref = _BACKREF.match(text, self.pos)
                if backref is not None:  # what it matches is not read: any character, or none
                    self.pos = backref.end()
                    return {_ANY}, True
                named, scoped = _NAMED.match(text, self.pos), _SCOPED_FLAGS.match(text, self.pos)
                if named is None and scoped is None:  # a global flag, a comment, a condition
                    raise _Unknown(text[self.pos:self.pos + 4])
                self.pos = (named or scoped).end()  # type: ignore[union-attr]
                flags = scoped.group(1) if scoped is not None else ""
        atoms, nullable = self.alternatives()
        if text[self.pos] != ")":
            raise _Unknown("unclosed group")
        self.pos += 1
        if zero_width:
            return set(), True
        if flags:  # "(?-i:[A-Z])": each atom keeps the group's flags
            atoms = {a if a == _ANY else f"(?{flags}:{a})" for a in atoms}
        return atoms, nullable

    def _class_end(self, pos: int) -> int:
        """The offset just after the class opening at ``pos``."""
        text = self.text
        i = pos + 1
        if text[i] == "^":
            i += 1
        if text[i] == "]":
            i += 1
        while text[i] != "]":
            if text[i] == "[":
                raise _Unknown("nested set")
            i += 2 if text[i] == "\\" else 1
        return i + 1


def matches_at(regex: re.Pattern[str], text: str, positions: Sequence[int]) -> Iterator[re.Match[str]]:
    """What ``regex.finditer(text)`` yields, trying ``regex`` only at ``positions`` (ascending;
    every position a match can start at must be among them, and no match may be empty).

    The pattern is tried at every position in one ``map`` (most positions match nothing, and a
    Python loop cost more than the tries); a match that starts before the end of the one kept
    before it is left out, as ``finditer`` resumes its search where a match ended."""
    resume = 0
    for match in filter(None, map(regex.match, repeat(text, len(positions)), positions)):
        if match.start() >= resume:
            yield match
            resume = match.end()
