"""Counting corpus events: counts and Goldstein sums over time, the dyad network, an actor's profile.

Each corpus event counts once, however many articles mention it (``mentions`` sums its mentions).
Periods are the act's ``day`` (2024-03-04), ISO ``week`` (2024-W10) or ``month`` (2024-03); the
filters are those of :mod:`.corpus_queries`.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..errors import InvalidFilterError
from .corpus_queries import event_where, like, rows_of
from .filters import check_text
from .kept import CONFLICT, COOPERATION, DIMENSIONS, INTERVALS

__all__ = ["counts", "countries", "network", "actor_profile", "INTERVALS", "DIMENSIONS", "COOPERATION", "CONFLICT"]


def counts(conn: sqlite3.Connection, *, interval: str = "month", by: str = "type", limit: int | None = None,
           offset: int = 0, **filters: Any) -> tuple[list[dict[str, Any]], int]:
    """Rows of ``period``, ``key``, ``events``, ``mentions`` and ``goldstein`` (the sum) per period and
    ``by`` value, oldest period first; and how many such rows there are in all."""
    if interval not in INTERVALS:
        raise InvalidFilterError("interval", f"{str(interval)[:40]!r} is not an interval: choose from "
                                             f"{', '.join(INTERVALS)}")
    if by not in DIMENSIONS:
        raise InvalidFilterError("by", f"{str(by)[:40]!r} is not a dimension: choose from {', '.join(DIMENSIONS)}")
    where = event_where(**filters)
    page = ""
    if limit is not None and limit > 0:
        page = f" LIMIT {int(limit)} OFFSET {max(int(offset), 0)}"
    if not where.clauses:  # every event: the counts kept when the view was built
        params = [interval, by]
        total = conn.execute("SELECT count(*) FROM corpus_counts WHERE interval = ? AND dimension = ?",
                             params).fetchone()[0]
        rows = list(rows_of(conn.execute(
            "SELECT period, key, events, mentions, goldstein FROM corpus_counts WHERE interval = ? AND dimension = ?"
            " ORDER BY period, events DESC, key" + page, params)))
        return rows, int(total)
    period, key = INTERVALS[interval], DIMENSIONS[by]
    where.add(f"{period} IS NOT NULL")
    if by == "dyad":
        where.add("c.source_country IS NOT NULL AND c.target_country IS NOT NULL")
    grouped = (f"SELECT {period} AS period, {key} AS key, count(*) AS events, sum(c.num_mentions) AS mentions,"
               f" round(total(c.goldstein), 2) AS goldstein FROM corpus_events c{where.sql()}"
               f" GROUP BY {period}, {key}")
    total = conn.execute(f"SELECT count(*) FROM ({grouped})", where.params).fetchone()[0]
    rows = list(rows_of(conn.execute(grouped + " ORDER BY period, events DESC, key" + page, where.params)))
    return rows, int(total)


def countries(conn: sqlite3.Connection, **filters: Any) -> dict[str, int]:
    """Events per country where they happened (the place's country, else the target's)."""
    where = event_where(**filters)
    if not where.clauses:  # every event: the counts kept when the view was built
        return dict(conn.execute("SELECT country, events FROM corpus_countries ORDER BY country").fetchall())
    where.add("COALESCE(c.location_country, c.target_country) IS NOT NULL")
    return dict(conn.execute("SELECT COALESCE(c.location_country, c.target_country), count(*) FROM corpus_events c"
                             + where.sql() + " GROUP BY 1", where.params).fetchall())


def network(conn: sqlite3.Connection, *, min_events: int = 1, limit: int | None = 200,
            **filters: Any) -> dict[str, Any]:
    """The dyad network: ``edges`` (source → target country) with ``events``, ``mentions``, Goldstein sum,
    ``cooperation`` and ``conflict`` counts and ``balance`` ((cooperation − conflict) / both, from −1
    to 1), heaviest first; ``nodes`` with their events as source and as target; ``total`` edges."""
    where = event_where(**filters)
    kept = not where.clauses  # every event: the edges kept when the view was built
    where.add("c.source_country IS NOT NULL AND c.target_country IS NOT NULL"
              " AND c.source_country != c.target_country")
    coop, conflict = ",".join(map(str, COOPERATION)), ",".join(map(str, CONFLICT))
    sql = ("SELECT source, target, events, mentions, goldstein, cooperation, conflict FROM corpus_dyads"
           " WHERE events >= ?") if kept else (f"SELECT c.source_country AS source, c.target_country AS target, count(*) AS events,"
           f" sum(c.num_mentions) AS mentions, round(total(c.goldstein), 2) AS goldstein,"
           f" sum(c.quad IN ({coop})) AS cooperation, sum(c.quad IN ({conflict})) AS conflict"
           f" FROM corpus_events c{where.sql()} GROUP BY c.source_country, c.target_country"
           f" HAVING count(*) >= ?")
    params = [max(int(min_events), 1)] if kept else [*where.params, max(int(min_events), 1)]
    total = conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    page = f" LIMIT {int(limit)}" if limit else ""
    edges = list(rows_of(conn.execute(sql + " ORDER BY events DESC, source, target" + page, params)))
    nodes: dict[str, dict[str, Any]] = {}
    for edge in edges:
        both = edge["cooperation"] + edge["conflict"]
        edge["balance"] = round((edge["cooperation"] - edge["conflict"]) / both, 3) if both else 0.0
        for role, code in (("as_source", edge["source"]), ("as_target", edge["target"])):
            node = nodes.setdefault(code, {"id": code, "as_source": 0, "as_target": 0, "events": 0})
            node[role] += edge["events"]
            node["events"] += edge["events"]
    return {"nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])), "edges": edges,
            "total": int(total)}


def _actor_clause(actor: str, role: str) -> tuple[str, list[Any]]:
    if len(actor) == 3 and actor.isalpha() and actor.isupper():
        return f"c.{role}_country = ?", [actor]
    return f"c.{role}_name LIKE ? ESCAPE '\\'", [like(actor)]


def actor_profile(conn: sqlite3.Connection, actor: str, *, interval: str = "month",
                  quotes: int = 20) -> dict[str, Any]:
    """An actor — a country code (``RUS``) or a name (``Peskov``) — as source and as target: totals,
    counts per period, event types, counterparts, named actors and the latest quotes."""
    actor = (check_text(actor, "actor") or "").strip()
    if not actor:
        raise InvalidFilterError("actor", "give a country code (RUS) or a name")
    if interval not in INTERVALS:
        raise InvalidFilterError("interval", f"{interval[:40]!r} is not an interval: choose from {', '.join(INTERVALS)}")
    period = INTERVALS[interval]
    profile: dict[str, Any] = {"actor": actor, "interval": interval}
    timeline: dict[str, dict[str, Any]] = {}
    for role, other in (("source", "target"), ("target", "source")):
        clause, params = _actor_clause(actor, role)
        row = conn.execute(f"SELECT count(*), total(c.num_mentions), round(total(c.goldstein), 2)"
                           f" FROM corpus_events c WHERE {clause}", params).fetchone()
        profile[f"as_{role}"] = {"events": row[0], "mentions": int(row[1]), "goldstein": row[2]}
        for p, n, g in conn.execute(f"SELECT {period}, count(*), round(total(c.goldstein), 2) FROM corpus_events c"
                                    f" WHERE {clause} AND {period} IS NOT NULL GROUP BY {period}", params):
            entry = timeline.setdefault(p, {"period": p, "as_source": 0, "as_target": 0, "goldstein": 0.0})
            entry[f"as_{role}"] = n
            entry["goldstein"] = round(entry["goldstein"] + g, 2)
        profile[f"types_as_{role}"] = list(rows_of(conn.execute(
            f"SELECT c.type, count(*) AS events FROM corpus_events c WHERE {clause}"
            f" GROUP BY c.type ORDER BY events DESC, c.type", params)))
        profile[f"{other}s"] = list(rows_of(conn.execute(
            f"SELECT c.{other}_country AS country, count(*) AS events, round(total(c.goldstein), 2) AS goldstein"
            f" FROM corpus_events c WHERE {clause} AND c.{other}_country IS NOT NULL"
            f" GROUP BY c.{other}_country ORDER BY events DESC, country LIMIT 20", params)))
    profile["timeline"] = [timeline[p] for p in sorted(timeline)]
    code = len(actor) == 3 and actor.isalpha() and actor.isupper()
    if code:
        names_sql = ("SELECT COALESCE(name, text) AS name, sector, count(*) AS mentions FROM actors WHERE country = ?"
                     " GROUP BY COALESCE(name, text), sector ORDER BY mentions DESC, name LIMIT 20")
        quote_sql = "q.speaker_country = ?"
        params = [actor]
    else:
        names_sql = ("SELECT COALESCE(name, text) AS name, country, sector, count(*) AS mentions FROM actors"
                     " WHERE name LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\'"
                     " GROUP BY COALESCE(name, text), country, sector ORDER BY mentions DESC, name LIMIT 20")
        quote_sql = "q.speaker_name LIKE ? ESCAPE '\\'"
        params = [like(actor), like(actor)]
    profile["names"] = list(rows_of(conn.execute(names_sql, params)))
    profile["quotes"] = list(rows_of(conn.execute(
        "SELECT q.article_id, q.idx, q.kind, q.speaker_name, q.speaker_text, q.content_text AS content,"
        " q.content_start, q.content_end, COALESCE(q.date, a.published) AS date FROM quotes q"
        f" JOIN articles a ON a.id = q.article_id WHERE {quote_sql}"
        " ORDER BY a.published DESC, q.article_id, q.idx LIMIT ?", [params[0], int(quotes)])))
    return profile
