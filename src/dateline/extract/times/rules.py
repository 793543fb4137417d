"""Finding temporal expressions: every rule's matches, then the best non-overlapping set.

Rules come from ``time_rules.yaml`` (see :mod:`dateline.knowledge.time_lexicon`). Longer matches
win over shorter ones; between matches of equal length the higher ``priority``, then the rule
listed first, wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ...knowledge.first_chars import matches_at
from ...knowledge.time_lexicon import PREFIX_LENGTH, RULE_START, TimeLexicon, TimeRule

__all__ = ["Candidate", "find_candidates", "select_candidates"]

_CAPITAL_GROUPS = ("month", "weekday")
_STARTS = re.compile(RULE_START + r"(?s:.)", re.IGNORECASE)  # every position a rule's match may start at


@dataclass(frozen=True, slots=True)
class Candidate:
    """One rule's match: character offsets into the text and the named groups."""

    start: int
    end: int
    rule: TimeRule
    groups: dict[str, str | None]

    @property
    def length(self) -> int:
        """Characters covered."""
        return self.end - self.start


def _capitals_ok(groups: dict[str, str | None], rule: TimeRule, lexicon: TimeLexicon) -> bool:
    """Whether words that only count when capitalized (``May``, rule ``capital`` groups) are."""
    for name in set(rule.capital) | set(_CAPITAL_GROUPS):
        word = groups.get(name)
        if not word:
            continue
        if word[:1].islower() and (name in rule.capital or lexicon.needs_capital(word)):
            return False
    return True


def find_candidates(text: str, lexicon: TimeLexicon,
                    accept: Callable[[Candidate], bool] | None = None) -> Iterator[Candidate]:
    """Every match of every rule in ``text`` that passes the capital check and ``accept``."""
    starts = _starts(text, lexicon)
    for k, rule in enumerate(lexicon.rules):
        matches = rule.regex.finditer(text) if rule.prefix is None else matches_at(rule.regex, text, starts[k])
        for match in matches:
            start, end = match.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            groups = match.groupdict()
            if not _capitals_ok(groups, rule, lexicon):
                continue
            if rule.before is not None and not rule.before.search(text, max(0, start - 40), start):
                continue
            if rule.not_before is not None and rule.not_before.search(text, max(0, start - 40), start):
                continue
            candidate = Candidate(start, end, rule, groups)
            if accept is None or accept(candidate):
                yield candidate


def _starts(text: str, lexicon: TimeLexicon) -> list[list[int]]:
    """For each rule, the positions of ``text`` (ascending) its match may start at: where
    :data:`RULE_START` holds and the rule's ``prefix`` admits the characters that follow
    (:mod:`dateline.knowledge.first_chars`); ``finditer`` finds nothing anywhere else."""
    by_chars: dict[str, list[int]] = {}
    for match in _STARTS.finditer(text):
        start = match.start()
        by_chars.setdefault(text[start:start + PREFIX_LENGTH], []).append(start)
    starts: list[list[int]] = [[] for _ in lexicon.rules]
    for chars, at in by_chars.items():
        for k in lexicon.rules_starting(chars):
            starts[k] += at
    for positions in starts:
        positions.sort()
    return starts


def select_candidates(candidates: Iterator[Candidate] | list[Candidate]) -> list[Candidate]:
    """The preferred non-overlapping candidates, in text order."""
    ranked = sorted(candidates, key=lambda c: (-c.length, -c.rule.priority, c.rule.order, c.start))
    if not ranked:
        return []
    taken = bytearray(max(c.end for c in ranked))
    chosen: list[Candidate] = []
    for cand in ranked:
        if any(taken[cand.start:cand.end]):
            continue
        chosen.append(cand)
        taken[cand.start:cand.end] = b"\x01" * cand.length
    return sorted(chosen, key=lambda c: c.start)
