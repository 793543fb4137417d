"""Words around toponyms (directions, administrative nouns, organisation heads, facility nouns,
honorifics, operation names, non-places, nouns of land, nouns of staff, nouns of settlements,
words that open or end a place's name, common nouns of sites), loaded from ``geo_words.yaml`` and any user files layered over it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


from ..errors import KnowledgeFileError
from .files import read_yaml_mapping

__all__ = ["GeoWords", "load_geo_words"]


@dataclass(frozen=True, slots=True)
class GeoWords:
    """Lower-cased word sets used to find and delimit toponyms."""

    directions: frozenset[str]
    relative: tuple[tuple[str, ...], ...]
    admin_nouns: dict[str, str]
    org_heads: frozenset[str]
    not_places: frozenset[str]
    facility_nouns: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    operation_words: frozenset[str] = frozenset()
    land_nouns: frozenset[str] = frozenset()
    street_joins: frozenset[str] = frozenset()
    staff_nouns: frozenset[str] = frozenset()
    settlement_nouns: frozenset[str] = frozenset()
    prefix_nouns: frozenset[str] = frozenset()
    settlement_heads: frozenset[str] = frozenset()
    institution_heads: frozenset[str] = frozenset()
    bloc_nouns: frozenset[str] = frozenset()
    bloc_adjectives: frozenset[str] = frozenset()
    site_nouns: frozenset[str] = frozenset()


def _read(path: Path) -> dict:
    return read_yaml_mapping(path, what="place word file", keys="directions, admin_nouns, org_heads")


def _lowered(words) -> frozenset[str]:
    """The words of a merged list, lower-cased."""
    return frozenset(w.lower() for w in words)


def load_geo_words(extra_files: tuple[str | os.PathLike, ...] = ()) -> GeoWords:
    """The packaged ``geo_words.yaml`` merged with ``extra_files`` (same keys; lists are added)."""
    packaged = Path(str(resources.files("dateline.knowledge") / "data" / "geo_words.yaml"))
    merged: dict[str, list | dict] = {"directions": [], "relative": [], "admin_nouns": {}, "org_heads": [],
                                      "not_places": [], "facility_nouns": [],
                                      "honorifics": [], "operation_words": [], "land_nouns": [],
                                      "street_joins": [], "staff_nouns": [], "settlement_nouns": [],
                                      "prefix_nouns": [], "settlement_heads": [],
                                      "institution_heads": [], "bloc_nouns": [], "bloc_adjectives": [],
                                      "site_nouns": []}
    for path in (packaged, *map(Path, extra_files)):
        for key, value in _read(path).items():
            if key not in merged:
                raise KnowledgeFileError(f"{path}: unknown key {key!r} (expected one of {sorted(merged)})")
            if isinstance(merged[key], dict):
                if not isinstance(value, dict):
                    raise KnowledgeFileError(f"{path}: {key} must map nouns to feature classes")
                merged[key].update({str(k).lower(): str(v) for k, v in value.items()})  # type: ignore[union-attr]
            else:
                merged[key].extend(str(v) for v in value or ())  # type: ignore[union-attr]
    return GeoWords(
        directions=_lowered(merged["directions"]),
        relative=tuple(tuple(w.lower().split()) for w in merged["relative"]),
        admin_nouns=dict(merged["admin_nouns"]),  # type: ignore[arg-type]
        org_heads=_lowered(merged["org_heads"]),
        not_places=_lowered(merged["not_places"]),
        facility_nouns=_lowered(merged["facility_nouns"]),
        honorifics=frozenset(w.lower().rstrip(".") for w in merged["honorifics"]),
        operation_words=_lowered(merged["operation_words"]),
        land_nouns=_lowered(merged["land_nouns"]),
        street_joins=_lowered(merged["street_joins"]),
        staff_nouns=_lowered(merged["staff_nouns"]),
        settlement_nouns=_lowered(merged["settlement_nouns"]),
        prefix_nouns=frozenset(w.lower().rstrip(".") for w in merged["prefix_nouns"]),
        settlement_heads=_lowered(merged["settlement_heads"]),
        institution_heads=_lowered(merged["institution_heads"]),
        bloc_nouns=_lowered(merged["bloc_nouns"]),
        bloc_adjectives=_lowered(merged["bloc_adjectives"]),
        site_nouns=_lowered(merged["site_nouns"]),
    )
