"""Place-name normalization shared by the gazetteer's builder and its look-ups."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize", "is_latin", "NORMALIZE_MEMO"]

_DROP = re.compile(r"[.\u2019'`´]")
_SPACE = re.compile(r"[\s\-‐‑–—_/,]+")
_LEADING_THE = re.compile(r"^the\s+")


NORMALIZE_MEMO = 65536
"""How many names :func:`normalize` remembers (pure memoisation of a string function)."""


@lru_cache(maxsize=NORMALIZE_MEMO)
def normalize(name: str) -> str:
    """The look-up key of a name: accents folded, case folded, dots and apostrophes dropped.

    Pure memoisation: the key depends on ``name`` alone, so the bounded memo of the last
    :data:`NORMALIZE_MEMO` names can never give a stale answer; the gazetteer's builder and its
    look-ups normalise the same names many times.

    >>> normalize("Ar-Riyāḑ"), normalize("U.S."), normalize("the Netherlands")
    ('ar riyad', 'us', 'netherlands')
    """
    folded = name
    if not name.isascii():
        folded = unicodedata.normalize("NFKD", name)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.replace("&", " and ").casefold()
    folded = _DROP.sub("", folded)
    folded = _SPACE.sub(" ", folded).strip()
    return _LEADING_THE.sub("", folded)


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin script (after folding accents)."""
    if name.isascii():
        return True
    folded = unicodedata.normalize("NFKD", name)
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) or ch in "’‘ʻʼ" for ch in folded)
