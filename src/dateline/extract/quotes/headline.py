"""Headlines in title case, read again in sentence case.

The parser reads a title-case headline ("Hillary Clinton Reassures House Democrats 2016 Is Not
Just About Her") as one long name and finds no verb to report anything. ``sentence_case`` lowers
the capitals that are only the headline's style, keeping the words the body writes with a capital
in mid-sentence (names: "Hillary", "Clinton", "House") and acronyms; the result has the same
length, so statements found in it keep the headline's offsets.
"""

from __future__ import annotations

import re

__all__ = ["sentence_case", "title_case"]

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_CAPITALIZED = re.compile(r"\b[A-Z][\w'’.-]*")
# A short abbreviation before a name ("Sen. Sanders", "Mr. Trump"): no sentence ends there.
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,3}\.$")
# At least this share of a headline's words start with a capital for it to be in title case.
_TITLE_SHARE = 0.75
_MIN_WORDS = 4
# What opens a new part of a headline, whose first word keeps its capital.
_PART_MARKS = frozenset(":;.!?‘“\"\n")


def _names(body: str) -> set[str]:
    """The words the body writes with a capital in mid-sentence: after a word, a comma or a digit
    on the same line, or after a short abbreviation, not after a sentence's end."""
    out = set()
    for m in _CAPITALIZED.finditer(body):
        before = body[max(0, m.start() - 6):m.start()]
        stripped = before.rstrip(" \t")
        if not stripped or stripped == before:
            continue
        if stripped[-1].isalnum() or stripped[-1] in ",;’'\")" or _ABBREVIATION.search(stripped):
            out.add(m.group().rstrip(".’'"))
    return out


def title_case(headline: str) -> bool:
    """Whether most of a headline's words start with a capital ("Trump Stands Tall On ...")."""
    words = [w for w in _WORD.findall(headline) if len(w) > 3 or w[0].isupper()]
    if len(words) < _MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)


def sentence_case(headline: str, body: str) -> str | None:
    """The headline with the capitals of its style lowered (same length), or None when it is not in
    title case or nothing changes. The first word of each part and after a colon keeps its capital,
    as do acronyms, "I" and words the body writes with a capital in mid-sentence."""
    if not title_case(headline):
        return None
    names = _names(body)
    out = list(headline)
    starts = True
    at = 0
    for m in _WORD.finditer(headline):
        between = headline[at:m.start()]
        at = m.end()
        word = m.group()
        if starts or any(ch in between for ch in _PART_MARKS):
            starts = False
            continue  # the first word of the headline, of a part or of a quotation
        bare = word.rstrip(".’'")
        acronym = (bare.isupper() and len(bare) > 1) or bare == "I"
        if acronym or bare in names or bare.rstrip("s") in names or not word[0].isupper():
            continue
        low = word[0].lower()
        if len(low) == 1:
            out[m.start()] = low
    cased = "".join(out)
    return cased if cased != headline and len(cased) == len(headline) else None
