"""Near-duplicate articles: rewrites of one wire story, found by MinHash over word shingles.

An exact repeat of a stored text never becomes an article of its own (the writer records it as a
duplicate). A rewrite — a new headline, a trimmed paragraph, another agency's dateline — is stored
as an article, and is marked here as a near duplicate of the earliest article it repeats, so that
the corpus view does not count one story twice.

The rule: two articles are near duplicates when the Jaccard similarity of their sets of word
3-shingles (lower case, letters and digits only) is at least :data:`THRESHOLD`, estimated from
:data:`PERMUTATIONS` MinHash values, and they were published at most :data:`WINDOW_DAYS` days apart
(either undated also counts): a story republished a year later is news again. Candidates come
from locality-sensitive hashing (:data:`BANDS` bands of the signature), so the work grows with the
number of articles, not with its square.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["signature", "similarity", "find_near_duplicates", "Signed", "THRESHOLD", "WINDOW_DAYS",
           "PERMUTATIONS", "BANDS", "SHINGLE"]

#: Words per shingle.
SHINGLE = 3
#: MinHash values per signature.
PERMUTATIONS = 64
#: LSH bands (PERMUTATIONS / BANDS rows each).
BANDS = 16
#: The least estimated Jaccard similarity of two near duplicates.
THRESHOLD = 0.5
#: The most days between the publication of two near duplicates.
WINDOW_DAYS = 7

_PRIME = np.uint64(4294967311)  # the first prime above 2**32
_rng = np.random.default_rng(20240617)  # fixed: signatures are stored and compared across runs
_A = _rng.integers(1, 2**31, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 2**31, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"[^\W_]+")
_EMPTY = np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint32)


def _shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode("utf-8", "surrogatepass"))} if words else set()
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode("utf-8", "surrogatepass"))
            for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of a text (PERMUTATIONS unsigned 32-bit values, as bytes)."""
    shingles = _shingles(text)
    if not shingles:
        return _EMPTY.tobytes()
    values = np.fromiter(shingles, dtype=np.uint64, count=len(shingles))
    hashed = (values[:, None] * _A[None, :] + _B[None, :]) % _PRIME
    return np.minimum(hashed.min(axis=0), np.uint64(2**32 - 1)).astype(np.uint32).tobytes()


def similarity(first: bytes, second: bytes) -> float:
    """The Jaccard similarity two signatures estimate (the share of equal MinHash values)."""
    a, b = np.frombuffer(first, dtype=np.uint32), np.frombuffer(second, dtype=np.uint32)
    if a.shape != b.shape or not a.size or (a == _EMPTY).all() or (b == _EMPTY).all():
        return 0.0
    return float(np.count_nonzero(a == b)) / a.size


@dataclass(frozen=True, slots=True)
class Signed:
    """An article as near-duplicate detection sees it: its id, publication date and signature."""

    id: str
    published: str | None
    signature: bytes


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _close_in_time(a: Signed, b: Signed) -> bool:
    first, second = _day(a.published), _day(b.published)
    return first is None or second is None or abs((first - second).days) <= WINDOW_DAYS


def find_near_duplicates(articles: Iterable[Signed]) -> dict[str, tuple[str, float]]:
    """Which article repeats which: ``{id: (original id, similarity)}``.

    The original of a group of rewrites is its earliest article (by publication date, undated
    last, then by id), so the answer does not depend on the order articles were stored in; every
    rewrite points at that original directly. Articles are taken in that order, and a bucket keeps
    only those published within the window before the one at hand, so a text repeated every month
    for years costs no more than one repeated once.
    """
    ordered = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))
    days = [_day(a.published) for a in ordered]
    buckets: dict[tuple[int, bytes], deque[int]] = defaultdict(deque)
    rows = PERMUTATIONS // BANDS
    empty = _EMPTY.tobytes()
    found: dict[str, tuple[str, float]] = {}
    for position, article in enumerate(ordered):
        if article.signature == empty:
            continue
        day = days[position]
        candidates: set[int] = set()
        keys = [(band, article.signature[band * rows * 4:(band + 1) * rows * 4]) for band in range(BANDS)]
        for key in keys:
            bucket = buckets.get(key)
            if not bucket:
                continue
            while bucket and day is not None and days[bucket[0]] is not None \
                    and (day - days[bucket[0]]).days > WINDOW_DAYS:
                bucket.popleft()  # published too long before this one (and so before every later one)
            candidates.update(bucket)
        best: tuple[float, int] | None = None
        for other in sorted(candidates):
            earlier = ordered[other]
            if not _close_in_time(article, earlier):
                continue
            score = similarity(article.signature, earlier.signature)
            if score >= THRESHOLD and (best is None or score > best[0]):
                best = (score, other)
        if best is not None:
            found[article.id] = (ordered[best[1]].id, round(best[0], 3))
            continue  # a rewrite is no original: later rewrites match the original itself
        for key in keys:
            buckets[key].append(position)
    return found


def pairs_of(found: dict[str, tuple[str, float]]) -> Sequence[tuple[str, str, float]]:
    """The found near duplicates as ``(id, duplicate_of, similarity)`` rows, sorted by id."""
    return [(key, original, score) for key, (original, score) in sorted(found.items())]
