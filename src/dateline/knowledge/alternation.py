"""Word-list alternations for case-insensitive regexes, factored by shared first characters.

``re`` tries the branches of ``(?:january|june|july|...)`` one after the other at every position
it scans: a time rule built from several hundred lexicon phrases spent most of the temporal
tagger's time doing so. :func:`factored_alternation` builds a pattern that matches exactly what
the flat alternation matches, in the same order of preference, with the branches that share a
first character grouped under it (``j(?:an(?:uary)?|u(?:ne|ly))``-like), so a position is rejected
after a handful of tests.

Why the order of preference is kept: two branches whose first atoms can never match the same
character (different letters case-insensitively, a letter and a space, ...) can never both match
at one position, so their relative order does not matter and grouping moves only such branches
past each other; within a group the branches keep their order. A group is not factored when a
branch in it may match the empty string or starts with a repeated atom (``\\s+``, whose
backtracking would be interleaved differently): it then stays a flat alternation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["Atom", "phrase_atoms", "factored_alternation"]

#: One regex atom of a phrase: (pattern text, group key or None when it may match nothing,
#: whether the atom is a single character so a shared one can be factored out).
Atom = tuple[str, str | None, bool]

_SPACE: Atom = (r"\s+", " ", False)
_APOSTROPHE: Atom = ("['\u2019]", "'", True)
_OPTIONAL_DOT: Atom = (r"\.?", None, False)
#: What a first atom contributes to the class of characters a branch can start with.
_CLASS_OF = {_SPACE[0]: r"\s", _APOSTROPHE[0]: "'\u2019"}


def phrase_atoms(phrase: str) -> list[Atom]:
    """The atoms of one lexicon phrase: its characters, ``\\s+`` between its words, either
    apostrophe for ``'``, and an optional final dot when the phrase ends with one."""
    optional_dot = phrase.endswith(".")
    body = phrase[:-1] if optional_dot else phrase
    atoms: list[Atom] = []
    for n, word in enumerate(body.split(" ")):
        if n:
            atoms.append(_SPACE)
        for char in word:
            if char == "'":
                atoms.append(_APOSTROPHE)
            elif char.isascii() and not char.isspace():
                atoms.append((re.escape(char), char.lower(), True))
            else:  # case folding outside ASCII may join characters: never grouped
                atoms.append((re.escape(char), None, False))
    if optional_dot:
        atoms.append(_OPTIONAL_DOT)
    return atoms


def factored_alternation(branches: Sequence[Sequence[Atom]]) -> str:
    """The alternation of ``branches`` (in order of preference), factored by first atoms."""
    body = "(?:" + _alternatives(branches) + ")"
    if not branches or any(not branch or branch[0][1] is None for branch in branches):
        return body
    firsts = sorted({_CLASS_OF.get(branch[0][0], branch[0][0]) for branch in branches})
    return "(?=[" + "".join(firsts) + "])" + body


def _flat(branches: Sequence[Sequence[Atom]]) -> str:
    return "|".join("".join(atom[0] for atom in branch) for branch in branches)


def _alternatives(branches: Sequence[Sequence[Atom]]) -> str:
    if len(branches) < 2 or any(not branch or branch[0][1] is None for branch in branches):
        return _flat(branches)
    groups: dict[str, list[Sequence[Atom]]] = {}
    for branch in branches:
        groups.setdefault(branch[0][1], []).append(branch)  # type: ignore[index]
    parts = []
    for members in groups.values():
        first = members[0][0]
        if len(members) == 1 or not first[2]:
            parts.append(_flat(members))
        else:
            parts.append(first[0] + "(?:" + _alternatives([m[1:] for m in members]) + ")")
    return "|".join(parts)
