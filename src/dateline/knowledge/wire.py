"""Wire layout knowledge: agencies, credits, navigation phrases, months (``wire_*.yaml``).

The packaged ``data/wire_layout.yaml`` is always loaded; user files with the same keys add to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..errors import KnowledgeFileError
from .files import read_yaml_mapping

__all__ = ["WireKnowledge", "load_wire_knowledge", "DATA_DIR"]

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
T = TypeVar("T")
_LIST_KEYS = ("credit_agencies", "credit_openers", "navigation", "not_places", "place_particles",
              "byline_openers", "caption_openers", "date_labels")


@dataclass(frozen=True, slots=True, eq=False)
class WireKnowledge:
    """What the layout analysis knows about wire copy.

    ``agencies`` maps each alias (lower case) to the normalised agency name. Instances compare
    and hash by identity; :meth:`derived` keeps what a reader builds from them (its compiled patterns).
    """

    agencies: Mapping[str, str]
    credit_agencies: tuple[str, ...]
    credit_openers: tuple[str, ...]
    byline_openers: tuple[str, ...]
    caption_openers: tuple[str, ...]
    navigation: tuple[str, ...]
    not_places: frozenset[str]
    months: Mapping[str, int]
    place_particles: frozenset[str]
    place_spellings: Mapping[str, str]
    date_labels: tuple[str, ...] = ()
    _derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False)

    def agency_name(self, written: str) -> str | None:
        """The normalised name of an agency as written ("AP " → "AP"), or None if unknown."""
        key = " ".join(written.split()).lower()
        return self.agencies.get(key)

    def month(self, written: str) -> int | None:
        """The month number of a month name or abbreviation ("Sept." → 9), or None."""
        return self.months.get(written.rstrip(".").lower())

    def derived(self, name: str, build: Callable[["WireKnowledge"], T]) -> T:
        """``build(self)``, built the first time ``name`` is asked for and kept with this object.

        Readers compile their patterns from the knowledge this way (``name``: the reader's module),
        so the patterns live as long as the knowledge and no module keeps a cache of them.
        ``build`` must be a pure function of the knowledge.
        """
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]


def _read_yaml(path: Path) -> dict[str, Any]:
    return read_yaml_mapping(path, what="wire knowledge file", keys="agencies, navigation, credit_agencies")


def _merge(files: Iterable[Path]) -> WireKnowledge:
    agencies: dict[str, str] = {}
    lists: dict[str, list[str]] = {key: [] for key in _LIST_KEYS}
    months: dict[str, int] = {}
    spellings: dict[str, str] = {}
    for path in files:
        data = _read_yaml(path)
        for key in ("agencies", "months", "place_spellings"):
            if not isinstance(data.get(key) or {}, dict):
                raise KnowledgeFileError(f"{path}: '{key}' must be a mapping (name: value)")
        for name, aliases in (data.get("agencies") or {}).items():
            if aliases is not None and not isinstance(aliases, list):
                raise KnowledgeFileError(f"{path}: the aliases of agency {name!r} must be a list")
            for alias in [name, *(aliases or [])]:
                agencies[" ".join(str(alias).split()).lower()] = str(name)
        for key in _LIST_KEYS:
            values = data.get(key) or []
            if not isinstance(values, list):
                raise KnowledgeFileError(f"{path}: '{key}' must be a list of strings")
            lists[key].extend(str(v) for v in values if str(v).strip())
        for name, number in (data.get("months") or {}).items():
            if not isinstance(number, int) or not 1 <= number <= 12:
                raise KnowledgeFileError(f"{path}: month {name!r} must map to a number 1-12")
            months[str(name).lower()] = number
        for written, spelled in (data.get("place_spellings") or {}).items():
            spellings[str(written).upper()] = str(spelled)
    return WireKnowledge(
        agencies=agencies,
        credit_agencies=tuple(dict.fromkeys(lists["credit_agencies"])),
        credit_openers=tuple(dict.fromkeys(lists["credit_openers"])),
        byline_openers=tuple(dict.fromkeys(lists["byline_openers"])),
        caption_openers=tuple(dict.fromkeys(lists["caption_openers"])),
        navigation=tuple(dict.fromkeys(lists["navigation"])),
        not_places=frozenset(v.upper() for v in lists["not_places"]),
        months=months,
        place_particles=frozenset(v.lower() for v in lists["place_particles"]),
        place_spellings=spellings,
        date_labels=tuple(dict.fromkeys(lists["date_labels"])),
    )


def _load(extra: tuple[Path, ...]) -> WireKnowledge:
    packaged = sorted(DATA_DIR.glob("wire_*.yaml"))
    if not packaged:
        raise KnowledgeFileError(f"no wire_*.yaml knowledge file in {DATA_DIR}: reinstall dateline")
    return _merge([*packaged, *extra])


def load_wire_knowledge(extra_files: Iterable[str | Path] = ()) -> WireKnowledge:
    """The packaged wire knowledge plus any user files (read now: a
    :class:`~dateline.knowledge.cache.KnowledgeCache` keeps what was loaded)."""
    return _load(tuple(Path(p) for p in extra_files))
