"""Words of evaluation (``data/event_evaluations.yaml``): adjectives and nouns by which a speaker
approves or disapproves of someone's act, policy or person, with the type such a judgement is
coded as (the annotation guide: disapproval ACCUSE, approval SUPPORT)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeFileError
from .event_lexicon import word_list
from .files import read_yaml_mapping

__all__ = ["Evaluations", "load_evaluations", "EVALUATIONS_FILE", "POLARITY_TYPES"]

EVALUATIONS_FILE = Path(__file__).resolve().parent / "data" / "event_evaluations.yaml"
# the type a judgement of each polarity is coded as
POLARITY_TYPES = {"negative": "ACCUSE", "positive": "SUPPORT"}


@dataclass(frozen=True)
class Evaluations:
    """The words of each polarity (lemmas, lower case)."""

    negative: frozenset[str]
    positive: frozenset[str]

    def polarity(self, word: str) -> str | None:
        """``negative``, ``positive`` or None for a word (any case) of neither list."""
        w = word.lower()
        if w in self.negative:
            return "negative"
        if w in self.positive:
            return "positive"
        return None


def read_evaluations(path: Path) -> Evaluations:
    """The two lists of an evaluations file; KnowledgeFileError when one is missing or not a word list."""
    data = read_yaml_mapping(path, what="evaluation word-list file", keys="negative, positive", unique_keys=True)
    lists = {}
    for name in POLARITY_TYPES:
        try:
            lists[name] = frozenset(w.lower() for w in word_list(data.get(name)))
        except ValueError as exc:
            raise KnowledgeFileError(f"{path}, list {name!r}: {exc}") from exc
    unknown = sorted(set(map(str, data)) - set(POLARITY_TYPES))
    if unknown:
        raise KnowledgeFileError(f"{path}: unknown lists {', '.join(unknown)}; the lists are negative and positive")
    return Evaluations(lists["negative"], lists["positive"])


@lru_cache(maxsize=1)
def load_evaluations() -> Evaluations:
    """The packaged words of evaluation (read once)."""
    return read_evaluations(EVALUATIONS_FILE)
