"""The PLOVER ontology and its CAMEO / QuadClass / Goldstein equivalents, read from a data file.

The packaged table is ``data/plover_codes.tsv`` (type, mode, cameo, quad, goldstein); a user's
own TSV in the same shape can be layered over it (its rows replace the packaged ones).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeFileError

__all__ = ["PLOVER_TYPES", "QUADS", "PloverCode", "PloverTable", "load_plover_table"]

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_FILE = DATA / "plover_codes.tsv"

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
)
QUADS: dict[int, str] = {1: "verbal cooperation", 2: "material cooperation",
                         3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True, slots=True)
class PloverCode:
    """The CAMEO code, QuadClass and Goldstein score of one PLOVER type and mode."""

    type: str
    mode: str | None
    cameo: str
    quad: int
    goldstein: float


class PloverTable:
    """Looks up codes by PLOVER type and mode, falling back to the type's default row."""

    def __init__(self, rows: Iterable[PloverCode]) -> None:
        self._rows: dict[tuple[str, str | None], PloverCode] = {}
        for row in rows:
            self._rows[(row.type, row.mode)] = row

    def __len__(self) -> int:
        return len(self._rows)

    def modes(self, type_: str) -> list[str]:
        """The modes with a row of their own for a type."""
        return sorted(m for t, m in self._rows if t == type_ and m)

    def lookup(self, type_: str, mode: str | None = None) -> PloverCode | None:
        """The row for ``type_`` and ``mode``; the type's default row when the mode has none."""
        return self._rows.get((type_, mode or None)) or self._rows.get((type_, None))


def _read_rows(path: Path) -> list[PloverCode]:
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and not ln.lstrip().startswith("#")]
    except OSError as exc:
        raise KnowledgeFileError(f"cannot read the PLOVER code table {path}: {exc}") from exc
    rows: list[PloverCode] = []
    reader = csv.DictReader(lines, delimiter="\t")
    missing = {"type", "mode", "cameo", "quad", "goldstein"} - set(reader.fieldnames or [])
    if missing:
        raise KnowledgeFileError(f"{path}: the header lacks the column(s) {', '.join(sorted(missing))}; "
                                 "expected the tab-separated columns type, mode, cameo, quad, goldstein")
    for n, rec in enumerate(reader, 2):
        type_ = (rec["type"] or "").strip().upper()
        if type_ not in PLOVER_TYPES:
            raise KnowledgeFileError(f"{path}, row {n}: {type_!r} is not one of the 16 PLOVER types")
        try:
            quad = int(rec["quad"])
            goldstein = float(rec["goldstein"])
        except (TypeError, ValueError) as exc:
            raise KnowledgeFileError(f"{path}, row {n}: quad must be an integer 1-4 and goldstein "
                                     f"a number from -10 to 10 ({exc})") from exc
        if quad not in QUADS or not -10.0 <= goldstein <= 10.0:
            raise KnowledgeFileError(f"{path}, row {n}: quad {quad} or goldstein {goldstein} out of range")
        rows.append(PloverCode(type_, (rec["mode"] or "").strip() or None, (rec["cameo"] or "").strip(),
                               quad, goldstein))
    return rows


def load_plover_table(extra_files: tuple[Path, ...] = ()) -> PloverTable:
    """The packaged table, with the rows of ``extra_files`` (same TSV shape) layered over it."""
    rows = _read_rows(DEFAULT_FILE)
    for path in extra_files:
        rows.extend(_read_rows(Path(path)))
    return PloverTable(rows)
