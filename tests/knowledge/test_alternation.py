"""The factored word-list alternation matches exactly what the flat one matches."""

from __future__ import annotations

import re

from dateline.knowledge.alternation import factored_alternation, phrase_atoms

WORDS = ["jan.", "january", "june", "jun.", "july", "jul.", "may", "mayday", "march", "mar.",
         "new year's eve", "new year's day", "new year", "mid-june", "a.m.", "am", "a m",
         "day", "days", "the day after", "the day before", "the day"]

TEXTS = [
    "On January 5 and Jan. 6, in June and Jun 7, July, jul. 8 and MAY or Mayday.",
    "New Year\u2019s Eve, new  year's day and NEW YEAR; mid-June at 9 a.m. or 10 am, a  m.",
    "the day after the day before, the  day, days and day.",
    "Marching in March, Mar. and mar; mayday, Mayday! jan.uary",
]


def _flat(words: list[str]) -> str:
    parts = []
    for word in words:
        dot = word.endswith(".")
        body = word[:-1] if dot else word
        pattern = r"\s+".join(re.escape(p) for p in body.split(" ")).replace("'", "['\u2019]")
        parts.append(pattern + (r"\.?" if dot else ""))
    return "(?:" + "|".join(parts) + ")"


def test_factored_alternation_matches_like_the_flat_one():
    ordered = sorted(set(WORDS), key=lambda w: (-len(w), w))
    factored = factored_alternation([phrase_atoms(w) for w in ordered])
    flat = _flat(ordered)
    assert factored != flat  # it is factored
    for tail in ("", r"(?!\w)", r"\s+\d+", r"(?:\s+\d+)?(?!\w)"):
        a = re.compile(r"(?<![\w'-])" + flat + tail, re.IGNORECASE)
        b = re.compile(r"(?<![\w'-])" + factored + tail, re.IGNORECASE)
        for text in TEXTS:
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
            for start in range(len(text)):
                ma, mb = a.match(text, start), b.match(text, start)
                assert (ma and ma.span()) == (mb and mb.span())


def test_phrase_atoms_make_spaces_and_final_dots_flexible():
    pattern = re.compile(factored_alternation([phrase_atoms("new year's"), phrase_atoms("jan.")]) + "$", re.I)
    assert pattern.match("New   Year\u2019s") and pattern.match("jan") and pattern.match("JAN.")
    assert not pattern.match("newyear's")
