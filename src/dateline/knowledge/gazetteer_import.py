"""Adding a GeoNames dump a user downloaded (``allCountries.txt``, ``cities1000.txt``,
``alternateNamesV2.txt``; tab-separated, as GeoNames publishes them) to a built gazetteer.

The import works on a copy of the file and renames it into place, so a failed import leaves the
gazetteer as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from pathlib import Path

from ..errors import KnowledgeFileError
from .gazetteer_build import PRIO_ALT, PRIO_NAME, Progress, good_alt, replaced_atomically
from .gazetteer_names import normalize

__all__ = ["import_geonames", "detect_dump_kind"]

log = logging.getLogger(__name__)

_CHUNK = 50_000
GEONAME_COLUMNS = 19
# Alternate-name languages that are not names (links, codes).
_SKIP_LANGS = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "fr_1793"})


def detect_dump_kind(path: Path) -> str:
    """``geoname`` (allCountries/citiesN rows) or ``alternate`` (alternateNames rows)."""
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip() and not line.startswith("#"):
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) == GEONAME_COLUMNS:
                        return "geoname"
                    if len(cols) in (8, 10) and cols[0].isdigit() and cols[1].isdigit():
                        return "alternate"
                    break
    except OSError as exc:
        raise KnowledgeFileError(f"cannot read {path}: {exc}") from exc
    raise KnowledgeFileError(f"{path} is not a GeoNames dump: expected {GEONAME_COLUMNS} tab-separated columns "
                             "(allCountries.txt, cities1000.txt) or 10 (alternateNamesV2.txt)")


def _import_geonames_rows(con: sqlite3.Connection, path: Path, progress: Progress) -> int:
    cc3_of = dict(con.execute("SELECT cc2, cc3 FROM country"))
    places: list[tuple] = []
    names: list[tuple[str, int, int]] = []
    count = 0

    def flush() -> None:
        con.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
        con.executemany("INSERT INTO name VALUES (?,?,?) ON CONFLICT (norm, geonameid)"
                        " DO UPDATE SET prio = MIN(prio, excluded.prio)", names)
        places.clear()
        names.clear()

    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != GEONAME_COLUMNS:
                log.warning("%s:%d: %d columns, expected %d: skipped", path, n, len(cols), GEONAME_COLUMNS)
                continue
            try:
                gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
                population = int(cols[14] or 0)
            except ValueError:
                log.warning("%s:%d: bad number: skipped", path, n)
                continue
            cc2 = cols[8] or None
            alternates = cols[3].split(",") if cols[3] else []
            places.append((gid, cols[1], lat, lon, cols[6] or None, cols[7] or None, cc2, cc3_of.get(cc2),
                           cols[10] or None, population, len(alternates), "geonames"))
            for text, prio in ((cols[1], PRIO_NAME), (cols[2], PRIO_NAME)):
                if text:
                    names.append((normalize(text), gid, prio))
            for alt in alternates:
                if good_alt(alt):
                    names.append((normalize(alt), gid, PRIO_ALT))
            count += 1
            if len(places) >= _CHUNK:
                flush()
                progress(f"{count:,} places")
    flush()
    return count


def _import_alternate_rows(con: sqlite3.Connection, path: Path, progress: Progress) -> int:
    known = {row[0] for row in con.execute("SELECT geonameid FROM place")}
    names: list[tuple[str, int, int]] = []
    count = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 8 or not cols[1].isdigit():
                continue
            gid, lang, alt = int(cols[1]), cols[2], cols[3]
            historic = len(cols) > 7 and cols[7] == "1"
            if gid not in known or lang in _SKIP_LANGS or historic or not good_alt(alt):
                continue
            names.append((normalize(alt), gid, PRIO_ALT))
            count += 1
            if len(names) >= _CHUNK:
                con.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)", names)
                names.clear()
                progress(f"{count:,} alternate names")
    con.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)", names)
    return count


def import_geonames(gazetteer_path: str | os.PathLike, dump: str | os.PathLike,
                    progress: Progress | None = None) -> int:
    """Add a GeoNames dump to the gazetteer at ``gazetteer_path``; returns the rows added."""
    report = progress or (lambda msg: log.info("gazetteer import: %s", msg))
    target, source = Path(gazetteer_path), Path(dump)
    if not target.exists():
        raise KnowledgeFileError(f"no gazetteer at {target}: run `dateline gazetteer build` first")
    kind = detect_dump_kind(source)
    with replaced_atomically(target, prefix=".gazetteer-import-") as tmp:
        shutil.copyfile(target, tmp)
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            if kind == "geoname":
                count = _import_geonames_rows(con, source, report)
            else:
                count = _import_alternate_rows(con, source, report)
            imports = con.execute("SELECT value FROM meta WHERE key='imports'").fetchone()
            listed = [x for x in (imports[0] if imports else "").split(",") if x] + [source.name]
            con.execute("INSERT OR REPLACE INTO meta VALUES ('imports', ?)", (",".join(listed),))
            con.commit()
        finally:
            con.close()
    report(f"added {count:,} {'places' if kind == 'geoname' else 'alternate names'} from {source.name}")
    return count
