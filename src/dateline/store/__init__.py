"""The SQLite store: schema and migrations, the batch writer, queries and export.

Standard library ``sqlite3`` only (pyarrow for Parquet export); no NLP import: it reads records
and dicts.
"""

from __future__ import annotations

from .export import EVENT_CSV_COLUMNS, export
from .schema import MIGRATIONS, SCHEMA_VERSION
from .store import DEFAULT_DB, Store, missing_database_message
from .writer import WriteStats

__all__ = ["Store", "WriteStats", "export", "DEFAULT_DB", "SCHEMA_VERSION", "MIGRATIONS", "EVENT_CSV_COLUMNS",
           "missing_database_message"]
