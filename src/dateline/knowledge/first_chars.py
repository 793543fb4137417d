"""The characters a regex match can begin with, and finding a rule's matches by them.

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

:func:`prefix_class` reads the same way a pattern matching the first ``length`` characters a
match can begin with (its branches' first atoms, one after the other), which tells far more
positions apart than the first character alone: "the", "they" and "that" all start with "t",
but a rule whose words start "tu" or "th" followed by "i" is not tried at "the".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import repeat

__all__ = ["first_char_class", "prefix_class", "matches_at"]

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
    return prefix_class(pattern, 1)


def prefix_class(pattern: re.Pattern[str], length: int) -> re.Pattern[str] | None:
    """A compiled pattern (the pattern's flags) that matches the first ``length`` characters of
    every match of ``pattern`` (all of a shorter match), or None when it cannot tell (or the
    pattern's beginnings are too many to list)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.VERBOSE:
        return None
    reader = _Reader(pattern.pattern, length)
    try:
        starts = reader.alternatives()
        if reader.pos != len(reader.text):
            raise _Unknown(reader.text[reader.pos:])
    except (_Unknown, IndexError):
        return None
    if () in starts or not starts or any(start[0] == _ANY for start in starts):
        return None
    flags = pattern.flags & (re.IGNORECASE | re.ASCII | re.UNICODE)
    try:
        return re.compile("(?:" + "|".join(sorted("".join(start) for start in starts)) + ")", flags)
    except re.error:
        return None


_Starts = set[tuple[str, ...]]
"""The beginnings a part of a pattern can match, each a tuple of one-character atoms (pattern
texts), at most the reader's ``length`` long; a shorter one is a whole match, () the empty one."""
_MAX_STARTS = 4000  # a pattern with more beginnings than this is not read


class _Reader:
    """Reads a pattern's text: the beginnings (:data:`_Starts`) its matches can have."""

    def __init__(self, text: str, length: int) -> None:
        self.text = text
        self.pos = 0
        self.length = length

    def alternatives(self) -> _Starts:
        starts = self.sequence()
        while self.pos < len(self.text) and self.text[self.pos] == "|":
            self.pos += 1
            starts |= self.sequence()
        return starts

    def sequence(self) -> _Starts:
        starts: _Starts = {()}
        while self.pos < len(self.text) and self.text[self.pos] not in "|)":
            starts = self._then(starts, self.item())
        return starts

    def _then(self, heads: _Starts, tails: _Starts) -> _Starts:
        """The beginnings of a part that matches ``heads`` then ``tails``."""
        out: _Starts = set()
        for head in heads:
            if len(head) >= self.length:
                out.add(head)
            else:
                out.update((head + tail)[:self.length] for tail in tails)
        if len(out) > _MAX_STARTS:
            raise _Unknown("too many beginnings")
        return out

    def _repeated(self, starts: _Starts, low: int, high: int | None) -> _Starts:
        """The beginnings of ``low`` to ``high`` (None: any number of) repetitions."""
        out: _Starts = {()}
        for _ in range(low):  # stops once longer repetitions begin alike
            more = self._then(out, starts)
            if more == out:
                break
            out = more
        extra = 0
        while high is None or extra < high - low:
            more = out | self._then(out, starts)
            if more == out:
                break
            out, extra = more, extra + 1
        return out

    def item(self) -> _Starts:
        starts = self.atom()
        quantifier = _QUANTIFIER.match(self.text, self.pos)
        if quantifier is None:
            return starts
        self.pos = quantifier.end()
        kind = quantifier.group(0)[0]
        if kind == "{":
            low = int(quantifier.group(1) or 0)
            high = None if quantifier.group(2) and not quantifier.group(3) else \
                int(quantifier.group(3)) if quantifier.group(2) else low
            return self._repeated(starts, low, high)
        return self._repeated(starts, 1 if kind == "+" else 0, 1 if kind == "?" else None)

    def atom(self) -> _Starts:
        text, pos = self.text, self.pos
        char = text[pos]
        if char == "(":
            return self.group()
        if char == "[":
            end = self._class_end(pos)
            self.pos = end
            return {(text[pos:end],)}
        if char == "\\":
            nxt = text[pos + 1]
            if nxt in _CLASS_ESCAPES:
                self.pos = pos + 2
                return {(text[pos:pos + 2],)}
            if nxt in _ZERO_WIDTH_ESCAPES:
                self.pos = pos + 2
                return {()}
            escape = _LITERAL_ESCAPES.match(text, pos)
            if escape is None:
                raise _Unknown(text[pos:pos + 2])
            self.pos = escape.end()
            return {(escape.group(0),)}
        if char in "^$":
            self.pos = pos + 1
            return {()}
        if char == ".":
            self.pos = pos + 1
            return {(_ANY,)}
        if char in ")|*+?{":
            raise _Unknown(char)
        self.pos = pos + 1
        return {(re.escape(char),)}

    def group(self) -> _Starts:
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
                    return {(), (_ANY,)}
                named, scoped = _NAMED.match(text, self.pos), _SCOPED_FLAGS.match(text, self.pos)
                if named is None and scoped is None:  # a global flag, a comment, a condition
                    raise _Unknown(text[self.pos:self.pos + 4])
                self.pos = (named or scoped).end()  # type: ignore[union-attr]
                flags = scoped.group(1) if scoped is not None else ""
        starts = self.alternatives()
        if text[self.pos] != ")":
            raise _Unknown("unclosed group")
        self.pos += 1
        if zero_width:
            return {()}
        if flags:  # "(?-i:[A-Z])": each atom keeps the group's flags
            starts = {tuple(a if a == _ANY else f"(?{flags}:{a})" for a in start) for start in starts}
        return starts

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
