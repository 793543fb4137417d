"""The event coder's word lists: lemmas that describe the frame around a trigger (speech verbs,
negations, domestic sectors, ...), read from ``data/event_lexicon.yaml``; its header documents
every list. A user's files may add words to these lists; a list name the coder does not know,
or a list named twice in one file, is an error, not a list nobody reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import KnowledgeFileError
from .files import read_yaml_mapping

__all__ = ["EventLexicon", "load_event_lexicon", "LEXICON_FILE", "word_list"]

LEXICON_FILE = Path(__file__).resolve().parent / "data" / "event_lexicon.yaml"


def _word(value: Any) -> str:
    # YAML 1.1 reads an unquoted on/off/yes/no as a boolean; in a word list it is the word "on"/"off".
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value)


def word_list(value: Any) -> list[str]:
    """The words of a knowledge-file field that holds one word or a list of words (YAML's
    booleans read back as "on"/"off"); ValueError for anything else."""
    if value is None:
        return []
    if isinstance(value, (str, bool)):
        return [_word(value)]
    if isinstance(value, (list, tuple)):
        return [_word(v) for v in value]
    raise ValueError(f"expected a word or a list of words, got {value!r}")


@dataclass(frozen=True)
class EventLexicon:
    """Word lists (lemmas) that describe the frame around a trigger; see ``data/event_lexicon.yaml``."""

    lists: dict[str, frozenset[str]]

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.lists[name]
        except KeyError:
            return frozenset()

    def has(self, name: str, word: str) -> bool:
        """Whether ``word`` (any case) is in the list ``name``; KeyError for a list no file defines."""
        try:
            words = self.lists[name]
        except KeyError:
            raise KeyError(f"no event word list is named {name!r}; the lists are defined in {LEXICON_FILE}") from None
        return word.lower() in words


def _load_lexicon(files: tuple[Path, ...]) -> EventLexicon:
    """The lists of ``files``: the first defines them, the others only add words to them."""
    merged: dict[str, set[str]] = {}
    for n, path in enumerate(files):
        data = read_yaml_mapping(path, what="event word-list file", keys="list names to word lists", unique_keys=True)
        for name, words in data.items():
            if n and str(name) not in merged:
                raise KnowledgeFileError(f"{path}: {name!r} is not one of the event coder's word lists; a file can "
                                         f"only add words to the lists of {files[0]} ({', '.join(sorted(merged))})")
            try:
                merged.setdefault(str(name), set()).update(w.lower() for w in word_list(words))
            except ValueError as exc:
                raise KnowledgeFileError(f"{path}, list {name!r}: {exc}") from exc
    return EventLexicon({k: frozenset(v) for k, v in merged.items()})


def load_event_lexicon(extra_files: Iterable[str | Path] = ()) -> EventLexicon:
    """The packaged event word lists with the words of ``extra_files`` added."""
    return _load_lexicon((LEXICON_FILE, *(Path(p) for p in extra_files)))
