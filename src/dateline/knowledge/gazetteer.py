"""The offline gazetteer: name look-ups in a SQLite file built from data that pip installs.

The file lives in the user's data directory (or ``Settings.gazetteer``, or the environment
variable ``DATELINE_GAZETTEER``) and is built on first use. Look-ups query SQLite per name
through an LRU cache; nothing is loaded whole into memory.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KnowledgeFileError
from .gazetteer_build import GAZETTEER_VERSION, Progress, build_gazetteer
from .gazetteer_names import normalize

__all__ = ["Candidate", "Gazetteer", "default_gazetteer_path", "open_gazetteer_file", "ENV_VAR"]

log = logging.getLogger(__name__)

ENV_VAR = "DATELINE_GAZETTEER"
_BUILD_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to. ``geonameid`` < 0 marks dateline's own entries."""

    geonameid: int
    name: str
    lat: float | None
    lon: float | None
    fclass: str
    fcode: str
    cc2: str | None
    country: str | None
    admin1: str | None
    population: int
    altnames: int = 0
    prio: int = 0

    @property
    def feature(self) -> str:
        """GeoNames feature class and code, e.g. ``A.PCLI``."""
        return f"{self.fclass}.{self.fcode}"

    @property
    def public_id(self) -> int | None:
        """The GeoNames id, or None for entries that have none."""
        return self.geonameid if self.geonameid > 0 else None

    @property
    def is_country(self) -> bool:
        return self.fclass == "A" and self.fcode.startswith("PCL")

    @property
    def is_admin(self) -> bool:
        return self.fclass == "A" and self.fcode.startswith("ADM")

    def to_dict(self) -> dict[str, Any]:
        return {"geonameid": self.public_id, "name": self.name, "lat": self.lat, "lon": self.lon,
                "country": self.country, "feature": self.feature, "population": self.population,
                "admin1": self.admin1}


_COLUMNS = ("p.geonameid, p.name, p.lat, p.lon, p.fclass, p.fcode, p.cc2, p.cc3, p.admin1, p.population,"
            " p.altnames")


class Gazetteer:
    """Read-only access to a built gazetteer file.

    >>> gaz = Gazetteer("gazetteer.sqlite")         # doctest: +SKIP
    >>> gaz.lookup("Syria")[0].feature              # doctest: +SKIP
    'A.PCLI'
    """

    def __init__(self, path: str | os.PathLike, *, cache_size: int = 20000) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise KnowledgeFileError(f"no gazetteer at {self.path}: run `dateline gazetteer build`")
        uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self.meta = dict(self._con.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as exc:
            raise KnowledgeFileError(f"{self.path} is not a dateline gazetteer ({exc}): delete it or run "
                                     "`dateline gazetteer build`") from exc
        self._lock = threading.Lock()
        self.lookup = lru_cache(maxsize=cache_size)(self._lookup)  # type: ignore[method-assign]
        self._demonyms: dict[str, Candidate | None] = {}
        self._demonym_ids: dict[str, int] | None = None

    @property
    def version(self) -> str | None:
        return self.meta.get("version")

    def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._con.execute(sql, args).fetchall()

    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        """Entries whose name or alternate name normalizes like ``name``, most populous first."""
        norm = normalize(name)
        if not norm:
            return ()
        rows = self._query(f"SELECT {_COLUMNS}, n.prio FROM name n JOIN place p USING (geonameid)"
                           " WHERE n.norm = ? ORDER BY n.prio, p.population DESC LIMIT 200", (norm,))
        return tuple(Candidate(*row) for row in rows)

    def lookup_text(self, text: str) -> tuple[Candidate, ...]:
        """Like :meth:`lookup`, for a name as written: a short all-caps word ("BA", "AI") only
        matches through an alias ("US", "UAE") or, at four letters, a full name ("ROME"); a short
        word that is neither all caps nor abbreviated ("Md.") only matches a place of that very name
        ("Ur", not "La" for LA)."""
        letters = text.replace(".", "")
        cands = self.lookup(text)
        if letters.isupper() and len(letters) <= 4:
            cands = tuple(c for c in cands if c.prio == 1 or (len(letters) == 4 and c.name.upper() == text))
        elif len(letters) <= 3 and not text.endswith("."):  # "La" is not LA, "No" not Ho; "Md." is Maryland
            cands = tuple(c for c in cands if normalize(c.name) == normalize(text))
        return cands

    def get(self, geonameid: int) -> Candidate | None:
        """The entry with this id, or None."""
        rows = self._query(f"SELECT {_COLUMNS} FROM place p WHERE p.geonameid = ?", (geonameid,))
        return Candidate(*rows[0]) if rows else None

    def country(self, code: str) -> Candidate | None:
        """The country entry for an ISO 3166-1 alpha-2 or alpha-3 code."""
        rows = self._query("SELECT geonameid FROM country WHERE cc2 = ? OR cc3 = ?", (code.upper(), code.upper()))
        return self.get(rows[0][0]) if rows else None

    def demonym_place(self, word: str) -> Candidate | None:
        """The country or region a demonym ("Syrian", "European") refers to, or None."""
        norm = normalize(word)
        if norm not in self._demonyms:
            if self._demonym_ids is None:  # a few hundred rows (norm is the key): read once
                self._demonym_ids = dict(self._query("SELECT norm, geonameid FROM demonym"))
            gid = self._demonym_ids.get(norm)
            if gid is None and norm.endswith("s"):  # "Syrians"
                gid = self._demonym_ids.get(norm[:-1])
            self._demonyms[norm] = self.get(gid) if gid is not None else None
        return self._demonyms[norm]

    def demonym(self, word: str) -> str | None:
        """The ISO alpha-3 country a demonym ("Syrian") refers to, or None."""
        place = self.demonym_place(word)
        return place.country if place is not None and place.is_country else None

    def info(self) -> dict[str, Any]:
        """What the file holds: path, size, version, counts."""
        counts = dict(self._query("SELECT fclass, COUNT(*) FROM place GROUP BY fclass"))
        names = self._query("SELECT COUNT(*) FROM name")[0][0]
        return {"path": str(self.path), "size_mb": round(self.path.stat().st_size / 1e6, 1), **self.meta,
                "places": sum(counts.values()), "names": names,
                "by_class": ",".join(f"{k}={v}" for k, v in sorted(counts.items()))}

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> "Gazetteer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def default_gazetteer_path(configured: str | os.PathLike | None = None) -> Path:
    """Where the gazetteer lives: the configured path, else ``$DATELINE_GAZETTEER``, else the
    user data directory."""
    if configured:
        return Path(configured).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("dateline", appauthor=False)) / "gazetteer.sqlite"


def _file_version(path: Path) -> str | None:
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def open_gazetteer_file(path: str | os.PathLike | None = None, *, build: bool = True,
                        progress: Progress | None = None, **build_options: Any) -> Gazetteer:
    """Open the gazetteer, building it first when it is missing or from an older dateline."""
    target = default_gazetteer_path(path)
    with _BUILD_LOCK:
        version = _file_version(target) if target.exists() else None
        if version != GAZETTEER_VERSION:
            if not build:
                raise KnowledgeFileError(
                    f"the gazetteer at {target} is {'missing' if version is None else 'out of date'}: "
                    "run `dateline gazetteer build`")
            if target.exists():
                log.warning("gazetteer at %s has version %s, expected %s: rebuilding (re-run any "
                            "`dateline gazetteer import`)", target, version, GAZETTEER_VERSION)
            else:
                log.info("building the gazetteer at %s (once)", target)
            try:
                build_gazetteer(target, progress=progress, **build_options)
            except OSError as exc:
                raise KnowledgeFileError(
                    f"cannot build the gazetteer at {target} ({exc}): point ${ENV_VAR} (or Settings.gazetteer) "
                    "at a writable file, or run without places (--no-places)") from exc
    return Gazetteer(target)

