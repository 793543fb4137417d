"""Chart pages of the corpus view: the timeline, the map and the dyad network, each with the events
list's filters (the links from /events carry them over)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from ..api.deps import StoreDep
from ..errors import InvalidFilterError
from ..knowledge.plover import PLOVER_TYPES
from . import svg, worldmap
from .layout import QUADS, esc, filter_form, link, notice, page, quoted, table

__all__ = ["router", "CHART_FILTERS", "MAP_EVENTS", "MAX_PERIODS"]

router = APIRouter(include_in_schema=False)

#: The filters of the chart pages (a subset of the events list's).
CHART_FILTERS: tuple[tuple[str, str, Any], ...] = (
    ("since", "from", "date"), ("until", "to", "date"), ("type", "type", [(t, t) for t in PLOVER_TYPES]),
    ("quad", "quad class", [(str(k), f"{k} {v}") for k, v in QUADS.items()]), ("actor", "actor", "text"),
    ("country", "country", "text"))
#: The most events drawn on the map (the most mentioned first).
MAP_EVENTS = 3000
#: The most periods the timeline draws (the latest; a year and a bit by day).
MAX_PERIODS = 400
_QUAD_COLOURS = {1: "#57a773", 2: "#1a7f37", 3: "#f0a04b", 4: "#b42318"}


def _filters(request: Request) -> dict[str, str]:
    names = {name for name, _, _ in CHART_FILTERS}
    return {k: v.strip() for k, v in request.query_params.items() if k in names and v.strip()}


@router.get("/timeline")
def timeline_page(request: Request, db: StoreDep, interval: str = Query(default="month")) -> Any:
    """Events per day, week or month, stacked by quad class, with the Goldstein sum as a line."""
    filters = _filters(request)
    try:
        rows, _ = db.corpus.counts(interval=interval, by="quad", **filters)
        problem = ""
    except InvalidFilterError as exc:
        rows, problem = [], notice(esc(str(exc)))
    periods = sorted({r["period"] for r in rows})
    shown = ""
    if len(periods) > MAX_PERIODS:  # a long range by day: the latest periods, and the way to the rest
        shown = notice(f"The last {MAX_PERIODS:,} of {len(periods):,} {esc(interval)}s are drawn: choose a coarser "
                       "interval, or narrow the dates (from, to), to see the rest.")
        periods = periods[-MAX_PERIODS:]
        rows = [r for r in rows if r["period"] >= periods[0]]
    index = {p: i for i, p in enumerate(periods)}
    series = []
    for quad, name in QUADS.items():
        values = [0.0] * len(periods)
        for r in rows:
            if r["key"] == quad:
                values[index[r["period"]]] += r["events"]
        series.append((name, _QUAD_COLOURS[quad], values))
    goldstein = [0.0] * len(periods)
    for r in rows:
        goldstein[index[r["period"]]] += r["goldstein"] or 0.0
    intervals = " · ".join(f"<b>{i}</b>" if i == interval else link("/timeline", i, **filters, interval=i)
                           for i in ("day", "week", "month"))
    table_rows = [{"period": p, **{QUADS[q]: int(series[q - 1][2][i]) for q in QUADS},
                   "goldstein": round(goldstein[i], 1)} for i, p in enumerate(periods)]
    body = ["<h1>Timeline</h1>", filter_form("/timeline", CHART_FILTERS, filters), problem,
            f"<p>By {intervals}</p>", shown,
            svg.bar_chart(periods, series, title="events over time", line=("Goldstein sum", "#6d28d9", goldstein)),
            "<p>" + link("/events", "These events →", **filters) + "</p>",
            table(list(reversed(table_rows)), [("period", "period"), *[(n, n) for n in QUADS.values()],
                                               ("goldstein", "Goldstein")], empty="No events match.")]
    return page("timeline", "".join(body), active="/timeline")


@router.get("/map")
def map_page(request: Request, db: StoreDep) -> Any:
    """Where the events happened: a dot per located event on country outlines."""
    filters = _filters(request)
    try:
        events, total = db.corpus.events(**filters, located=True, limit=MAP_EVENTS, sort="mentions")
        counts, problem = db.corpus.countries(**filters), ""
    except InvalidFilterError as exc:
        events, total, counts, problem = [], 0, {}, notice(esc(str(exc)))
    shown = f"the {MAP_EVENTS:,} most mentioned of " if total > MAP_EVENTS else ""
    legend = " ".join(f"<span style='color:{worldmap.QUAD_COLOURS[q]}'>●</span> {esc(n)}" for q, n in QUADS.items())
    body = ["<h1>Map</h1>", filter_form("/map", CHART_FILTERS, filters), problem,
            f"<p>{shown}<b class=count>{total:,}</b> located events · {legend} · countries shaded by events</p>",
            worldmap.map_svg(events, counts=counts),
            "<p class=muted>Country outlines: the <code>countryinfo</code> package's data.</p>"]
    return page("map", "".join(body), active="/map")


@router.get("/network")
def network_page(request: Request, db: StoreDep, min_events: int = Query(default=1, ge=1)) -> Any:
    """The dyad network: who acts on whom, how often, and whether in cooperation or conflict."""
    filters = _filters(request)
    try:
        net, problem = db.corpus.network(min_events=min_events, limit=60, **filters), ""
    except InvalidFilterError as exc:
        net, problem = {"nodes": [], "edges": [], "total": 0}, notice(esc(str(exc)))
    body = ["<h1>Dyad network</h1>", filter_form("/network", CHART_FILTERS, filters), problem,
            f"<p><b class=count>{net['total']:,}</b> dyads between countries; the heaviest 60 drawn. Width: events; "
            "colour: <span style='color:#1a7f37'>cooperation</span> – <span style='color:#b42318'>conflict</span>.</p>",
            svg.network_chart(net["nodes"], net["edges"]),
            table(net["edges"], [("dyad", "dyad", lambda e: link("/events", f"{e['source']} → {e['target']}",
                                                                  source=e["source"], target=e["target"], **filters)),
                                 ("events", "events"), ("mentions", "mentions"), ("cooperation", "cooperation"),
                                 ("conflict", "conflict"), ("balance", "balance"), ("goldstein", "Goldstein")],
                  empty="No dyads match.", numeric=("events", "mentions", "cooperation", "conflict", "balance",
                                                    "goldstein")),
            "<p>Actors: " + " · ".join(link(f"/actors/{quoted(n['id'])}", n["id"]) for n in net["nodes"]) + "</p>"]
    return page("network", "".join(body), active="/network")
