"""A rule's first-character and prefix classes, and its matches found only where they can start."""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.extract.times.rules import find_candidates
from dateline.knowledge.first_chars import first_char_class, matches_at, prefix_class
from dateline.knowledge.time_lexicon import load_time_lexicon

TEXTS = [
    "On Monday, March 3, 2020 at 10:30 a.m. the talks began; by 2021 they had run 3 weeks.",
    "LAST WEEK, two days ago, in the 1990s and the '80s, early next year, every Tuesday.",
    "earlier this month \u2019twas mid-June; \u017fome \u212aelvin \u0663 days, FY2019, Q3 2020.",
    "  \n\nYesterday's meeting -- tonight -- 9pm; five-year plan; the 21st century, 24 hours.",
]


def _everywhere(regex: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?s:.)", text)]


def test_the_class_holds_every_first_character():
    cls = first_char_class(re.compile(r"(?<!\w)(?:(?:the\s+)?(?:jan|feb)|\d+\s*(?:am|pm)|(?=x)xmas)", re.I))
    assert cls is not None
    assert all(cls.match(c) for c in "tTjJfF7xX")
    assert not any(cls.match(c) for c in "abz -")


def test_classes_escapes_and_scoped_flags():
    cls = first_char_class(re.compile(r"(?:[^a-c\]]x|\u2019s|\$\d|(?-i:[A-Z])z)", re.I))
    assert cls is not None
    assert all(cls.match(c) for c in "d\u2019$Q")
    assert not any(cls.match(c) for c in "abc]")  # "[A-Z]" is case-sensitive, so "(?-i:" is kept


def test_no_class_when_the_pattern_may_match_nothing_or_anything():
    assert first_char_class(re.compile(r"(?:a|b)?")) is None
    assert first_char_class(re.compile(r"(?<!\w)x*")) is None
    assert first_char_class(re.compile(r"(?:a|.)b")) is None
    assert first_char_class(re.compile(r"(?P<u>a)?(?P=u)b")) is None
    assert first_char_class(re.compile(r"(?i)ab")) is None  # a global inline flag is not read


def test_the_prefix_class_holds_every_beginning():
    regex = re.compile(r"(?<!\w)(?:(?:the\s+)?(?:jan|feb)|\d{1,2}\s*(?:am|pm)|(?=x)xmas|a?b+)", re.I)
    cls = prefix_class(regex, 3)
    assert cls is not None
    for begins in ["the", "THE", "jan", "Feb", "7 a", "71a", "71 ", "7am", "xma", "abb", "b", "bb", "ab"]:
        assert cls.match(begins), begins
    for never in ["tha", "ja", "jun", "7x", "xa", "ac", "a", "c"]:
        assert not cls.match(never), never


def test_the_prefix_class_follows_quantifiers_flags_and_repeats():
    assert prefix_class(re.compile(r"(?:ab){2,}c"), 3).match("aba")
    assert not prefix_class(re.compile(r"(?:ab){2,}c"), 3).match("abc")
    assert prefix_class(re.compile(r"a{0,2}c"), 3).match("c")
    assert not prefix_class(re.compile(r"a{0,2}c"), 3).match("aaa")
    cls = prefix_class(re.compile(r"(?-i:[A-Z])x", re.I), 2)
    assert cls.match("QX") and not cls.match("qx")
    assert prefix_class(re.compile(r"(?:a|b)?"), 3) is None
    assert prefix_class(re.compile(r"(?:.|a)b"), 2) is None


def test_matches_at_finds_what_finditer_finds():
    regex = re.compile(r"(?<![\w-])(?:ab|a|b\w+)", re.I)
    text = "ab a-b AB b-c bcd xab ab"
    assert [m.span() for m in matches_at(regex, text, _everywhere(regex, text))] == \
        [m.span() for m in regex.finditer(text)]


def test_every_time_rule_finds_the_same_matches():
    lexicon = load_time_lexicon()
    assert all(rule.prefix is not None for rule in lexicon.rules)
    scanned = replace(lexicon, rules=tuple(replace(rule, prefix=None) for rule in lexicon.rules))
    for text in TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS]:
        found = [(c.start, c.end, c.rule.name, c.groups) for c in find_candidates(text, lexicon)]
        assert found
        assert found == [(c.start, c.end, c.rule.name, c.groups) for c in find_candidates(text, scanned)]
