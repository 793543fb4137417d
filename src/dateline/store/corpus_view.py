"""The corpus view of a store: ``store.corpus.events(...)``, ``.event(id)``, ``.counts(...)`` and more.

A thin object over one connection, so that :class:`~dateline.store.Store` keeps to storing and the
corpus reads live together (:mod:`.corpus_queries`, :mod:`.aggregates`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from . import aggregates, corpus, corpus_queries
from . import kept as _kept

__all__ = ["CorpusView", "Memo"]

#: Keeps an answer per key: ``memo(key, compute)`` returns ``compute()`` or what it gave before.
Memo = Callable[[tuple[Any, ...], Callable[[], Any]], Any]


class CorpusView:
    """Corpus events (mentions grouped across articles), near duplicates, counts, dyads and actors."""

    def __init__(self, conn: sqlite3.Connection, *, memo: Memo | None = None) -> None:
        self._conn = conn
        self._memo: Memo = memo or (lambda key, compute: compute())

    @property
    def stale(self) -> bool:
        """Whether the articles changed since the view was built (``dateline group`` rebuilds it)."""
        return self._memo(("stale",), lambda: corpus.is_stale(self._conn))

    def events(self, **filters: Any) -> tuple[list[dict[str, Any]], int]:
        """A page of corpus events and the total; see :func:`corpus_queries.events` (the total is
        counted once per generation of a read-only store)."""
        return corpus_queries.events(self._conn, memo=self._memo, **filters)

    def iter_events(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Every corpus event matching the filters, streamed."""
        return corpus_queries.iter_events(self._conn, **filters)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One corpus event with its mentions, or None."""
        return corpus_queries.event(self._conn, event_id)

    def event_of_mention(self, article_id: str, idx: int) -> str | None:
        """The id of the corpus event an article's event ``idx`` belongs to."""
        row = self._conn.execute("SELECT event_id FROM corpus_mentions WHERE article_id = ? AND idx = ?",
                                 (article_id, idx)).fetchone()
        return None if row is None else row[0]

    def near_duplicates(self, **options: Any) -> list[dict[str, Any]]:
        """Articles that rewrite an earlier one."""
        return corpus_queries.near_duplicates(self._conn, **options)

    def duplicate_of(self, article_id: str) -> dict[str, Any] | None:
        """The article this one rewrites (and how alike they are), or None."""
        return corpus_queries.duplicate_of(self._conn, article_id)

    def speakers(self, **options: Any) -> list[dict[str, Any]]:
        """Speakers by number of quotes."""
        return corpus_queries.speakers(self._conn, **options)

    def actors(self, **filters: Any) -> tuple[list[dict[str, Any]], int]:
        """Distinct actors with their counts, and the total; see :func:`corpus_queries.actors`."""
        return corpus_queries.actors(self._conn, **filters)

    def counts(self, **options: Any) -> tuple[list[dict[str, Any]], int]:
        """Counts and Goldstein sums per period and dimension; see :func:`aggregates.counts`."""
        return aggregates.counts(self._conn, **options)

    def countries(self, **filters: Any) -> dict[str, int]:
        """Events per country where they happened; see :func:`aggregates.countries`."""
        return aggregates.countries(self._conn, **filters)

    def network(self, **options: Any) -> dict[str, Any]:
        """The dyad network; see :func:`aggregates.network`."""
        return aggregates.network(self._conn, **options)

    def profile(self, actor: str, **options: Any) -> dict[str, Any]:
        """An actor's profile (a country code or a name); see :func:`aggregates.actor_profile`."""
        return aggregates.actor_profile(self._conn, actor, **options)

    def summary(self) -> dict[str, Any]:
        """How many corpus events, mentions and near duplicates; the date range."""
        kept = _kept.summary(self._conn)
        events, mentions, first, last = kept["events"], kept["mentions"], kept["first"], kept["last"]
        near = self._conn.execute("SELECT count(*) FROM near_duplicates").fetchone()[0]
        return {"events": events, "mentions": int(mentions), "near_duplicates": near,
                "dates": {"first": first, "last": last}, "stale": self.stale}
