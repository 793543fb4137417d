"""Pages of the corpus view: the events list with filters and paging, one event with its evidence and
mentions, quotes by speaker, actors and an actor's profile. The charts are in :mod:`.pages_charts`."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request

from ..api.deps import StoreDep
from ..errors import InvalidFilterError
from ..knowledge.plover import PLOVER_TYPES
from ..store.filters import STATUSES
from . import svg
from .layout import QUADS, esc, filter_form, link, notice, page, pager, quoted, table
from .pages_charts import router as charts_router

__all__ = ["router", "EVENT_FILTERS", "event_filters_of"]

router = APIRouter(include_in_schema=False)
router.include_router(charts_router)

PER_PAGE = 50
#: The events list's filters: query parameter, label, kind of control.
EVENT_FILTERS: tuple[tuple[str, str, Any], ...] = (
    ("since", "from", "date"), ("until", "to", "date"), ("type", "type", [(t, t) for t in PLOVER_TYPES]),
    ("quad", "quad class", [(str(k), f"{k} {v}") for k, v in QUADS.items()]), ("actor", "actor", "text"),
    ("country", "country", "text"), ("status", "status", [(s, s) for s in STATUSES]),
    ("min_confidence", "confidence ≥", "number"), ("text", "text", "text"),
    ("sort", "order", [("date", "newest"), ("-date", "oldest"), ("mentions", "most mentioned"),
                       ("confidence", "most confident")]))


def event_filters_of(request: Request) -> dict[str, str]:
    """The event filters given in the query string (empty ones left out)."""
    names = ({name for name, _, _ in EVENT_FILTERS} - {"sort"}) | {"source", "target", "article", "min_mentions"}
    return {k: v.strip() for k, v in request.query_params.items() if k in names and v.strip()}


def _dyad(row: dict[str, Any]) -> str:
    def side(role: str) -> str:
        code = row.get(f"{role}_country")
        name = row.get(f"{role}_name") or code or "–"
        return link(f"/actors/{quoted(code)}", name) if code else esc(name)
    return f"{side('source')} → {side('target')}"


EVENT_COLUMNS: list[Any] = [
    ("date", "date"), ("type", "type", lambda r: f"<span class=q{r.get('quad') or 0}>{esc(r['type'])}</span>"),
    ("dyad", "who → whom", _dyad),
    ("trigger", "act", lambda r: link(f"/events/{quoted(r['id'])}", r.get("trigger") or r["id"])),
    ("location_name", "where"), ("num_mentions", "mentions"), ("num_articles", "articles"),
    ("num_sources", "sources"), ("status", "status"),
    ("confidence", "conf.", lambda r: "" if r.get("confidence") is None else f"{r['confidence']:.2f}")]


@router.get("/events")
def events_page(request: Request, db: StoreDep, offset: int = Query(default=0, ge=0),
                sort: str = Query(default="date")) -> Any:
    """Corpus events with filters (dates, type, quad class, actor, country, status, confidence, text),
    a total and paging."""
    filters = event_filters_of(request)
    try:
        rows, total = db.corpus.events(**filters, limit=PER_PAGE, offset=offset, sort=sort)
        problem = ""
    except InvalidFilterError as exc:
        rows, total, problem = [], 0, notice(esc(str(exc)))
    params = {**filters, "sort": sort if sort != "date" else None}
    body = ["<h1>Events</h1>", "<p class=muted>Each row is one act; its mentions across articles are counted "
            "once per article and source (rewrites of one story are not counted again).</p>",
            _stale(db), filter_form("/events", EVENT_FILTERS, {**filters, "sort": sort}), problem,
            pager("/events", params, total=total, limit=PER_PAGE, offset=offset),
            table(rows, EVENT_COLUMNS, empty="No events match.", numeric=("num_mentions", "num_articles", "num_sources")),
            pager("/events", params, total=total, limit=PER_PAGE, offset=offset),
            "<p>" + link("/timeline", "These events over time", **filters) + " · "
            + link("/map", "on the map", **filters) + " · " + link("/network", "as a network", **filters) + "</p>"]
    return page("events", "".join(body), active="/events")


def _stale(db: Any) -> str:
    if db.corpus.stale:
        return notice("The articles changed since the events were grouped: run <code>dateline group --db FILE</code>.")
    return ""


def _marked_sentence(row: dict[str, Any]) -> str:
    sentence, start = row.get("sentence") or "", row.get("sentence_start")
    t0, t1 = row.get("trigger_start"), row.get("trigger_end")
    if isinstance(start, int) and isinstance(t0, int) and isinstance(t1, int) and start <= t0 <= t1 <= start + len(sentence):
        a, b = t0 - start, t1 - start
        return f"{esc(sentence[:a])}<mark class=trigger>{esc(sentence[a:b])}</mark>{esc(sentence[b:])}"
    return esc(sentence)


@router.get("/events/{event_id}")
def event_page(db: StoreDep, event_id: str) -> Any:
    """One corpus event: its facts, the evidence of its main mention, and every mention linking to
    the sentence in its article."""
    event = db.corpus.event(event_id)
    if event is None:
        raise HTTPException(404, f"no corpus event with id {event_id!r}")
    facts = [("id", esc(event["id"])), ("type", f"{esc(event['type'])} · CAMEO {esc(event.get('cameo'))}"),
             ("quad class", esc(f"{event.get('quad')} {QUADS.get(event.get('quad') or 0, '')}")),
             ("Goldstein", esc(event.get("goldstein"))), ("who → whom", _dyad(event)),
             ("date", esc(event.get("date"))), ("where", esc(", ".join(str(v) for v in (
                 event.get("location_name"), event.get("location_country")) if v))),
             ("status", esc(event.get("status"))), ("confidence", esc(event.get("confidence"))),
             ("mentions", f"{event['num_mentions']} in {event['num_articles']} articles from {event['num_sources']} "
                          f"sources" + (f" (+{event['num_duplicates']} in rewrites)" if event["num_duplicates"] else "")),
             ("first seen", esc(event.get("first_seen"))), ("last seen", esc(event.get("last_seen")))]
    main = next((m for m in event["mentions"] if m["article_id"] == event["article_id"] and m["idx"] == event["idx"]),
                event["mentions"][0] if event["mentions"] else None)
    recorded = (db.get_article(event["article_id"]) or {}).get("events") or []
    evidence = recorded[event["idx"]].get("evidence") if event["idx"] < len(recorded) else None
    body = [f"<h1>{esc(event['type'])}: {esc(event.get('trigger'))}</h1>",
            "<table class=facts>" + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in facts) + "</table>",
            "<h2>Evidence</h2>", f"<blockquote>{_marked_sentence(main) if main else ''}</blockquote>",
            _evidence(evidence), f"<h2>Mentions ({len(event['mentions'])})</h2>",
            table(event["mentions"], [
                ("published", "published"), ("source", "source", lambda m: esc(m.get("source") or m.get("dateline_agency"))),
                ("title", "article", lambda m: link(f"/articles/{quoted(m['article_id'])}", m.get("title") or m["article_id"])),
                ("sentence", "sentence", lambda m: f"<a class=mention href='/articles/{quoted(m['article_id'])}"
                                                   f"#s-{m.get('sentence_start')}'>{_marked_sentence(m)}</a>"),
                ("counted", "counted", lambda m: "yes" if m["counted"] else
                 f"<span class=dup>rewrite of {esc(m.get('duplicate_of'))}</span>")])]
    return page(f"{event['type']} {event.get('date') or ''}", "".join(body), active="/events")


def _evidence(evidence: Any) -> str:
    if not isinstance(evidence, dict) or not evidence:
        return "<p class=muted>No evidence recorded for this mention.</p>"
    rows = "".join(f"<tr><td>{esc(k)}</td><td>{esc(v if not isinstance(v, (dict, list)) else _short(v))}</td></tr>"
                   for k, v in evidence.items())
    return f"<table class='facts evidence'>{rows}</table>"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) < 300 else text[:299] + "…"


@router.get("/quotes")
def quotes_page(db: StoreDep, speaker: str | None = None, search: str | None = None,
                offset: int = Query(default=0, ge=0)) -> Any:
    """Quotes by speaker: the speakers with most quotes, and the quotes (of one speaker, or all)."""
    filters = {k: v for k, v in (("speaker", speaker), ("search", search)) if v}
    rows = db.quotes(**filters, limit=PER_PAGE, offset=offset)
    total = db.total("quotes", **filters)
    speakers = db.corpus.speakers(limit=30)
    body = ["<h1>Quotes</h1>",
            filter_form("/quotes", (("speaker", "speaker", "text"), ("search", "words", "text")), filters),
            "<h2>Speakers</h2><p>" + " · ".join(link("/quotes", f"{s['speaker']} ({s['quotes']})", speaker=s["speaker"])
                                                for s in speakers) + "</p>",
            f"<h2>{esc(speaker) if speaker else 'All quotes'}</h2>",
            pager("/quotes", filters, total=total, limit=PER_PAGE, offset=offset),
            table(rows, [("date", "date"), ("speaker_name", "speaker", lambda r: link(
                "/quotes", r.get("speaker_name") or r.get("speaker_text") or "?", speaker=r.get("speaker_name"))),
                ("kind", "kind"),
                ("content", "said", lambda r: link(f"/articles/{quoted(r['article_id'])}", r.get("content")))],
                  empty="No quotes match."),
            pager("/quotes", filters, total=total, limit=PER_PAGE, offset=offset)]
    return page("quotes", "".join(body), active="/quotes")


@router.get("/actors")
def actors_page(db: StoreDep, name: str | None = None, country: str | None = None,
                offset: int = Query(default=0, ge=0)) -> Any:
    """Actors, most mentioned first, each linking to its profile."""
    filters = {k: v for k, v in (("name", name), ("country", country)) if v}
    try:
        rows, total = db.corpus.actors(**filters, limit=PER_PAGE, offset=offset)
        problem = ""
    except InvalidFilterError as exc:
        rows, total, problem = [], 0, notice(esc(str(exc)))
    body = ["<h1>Actors</h1>", filter_form("/actors", (("name", "name", "text"), ("country", "country", "text")),
                                           filters), problem,
            pager("/actors", filters, total=total, limit=PER_PAGE, offset=offset),
            table(rows, [("name", "name", lambda r: link(f"/actors/{quoted(r['name'])}", r["name"])),
                         ("country", "country", lambda r: link(f"/actors/{quoted(r['country'])}", r["country"])
                          if r.get("country") else ""),
                         ("sector", "sector"), ("kind", "kind"), ("mentions", "mentions"), ("articles", "articles")],
                  empty="No actors match.", numeric=("mentions", "articles"))]
    return page("actors", "".join(body), active="/actors")


@router.get("/actors/{actor}")
def actor_page(db: StoreDep, actor: str, interval: str = Query(default="month")) -> Any:
    """An actor (a country code or a name): events as source and as target over time, types,
    counterparts, named actors and quotes."""
    try:
        profile = db.corpus.profile(actor, interval=interval)
    except InvalidFilterError as exc:
        raise HTTPException(400, str(exc)) from exc
    src, tgt = profile["as_source"], profile["as_target"]
    series = [("as source", "#1f5fbf", [p["as_source"] for p in profile["timeline"]]),
              ("as target", "#b42318", [p["as_target"] for p in profile["timeline"]])]
    body = [f"<h1>{esc(actor)}</h1>",
            "<div class=cards>" + "".join(f"<div class=card><b class=num>{v}</b>{k}</div>" for k, v in (
                ("events as source", src["events"]), ("events as target", tgt["events"]),
                ("Goldstein as source", src["goldstein"]), ("Goldstein as target", tgt["goldstein"]))) + "</div>",
            f"<h2>Over time (by {esc(interval)})</h2>",
            svg.bar_chart([p["period"] for p in profile["timeline"]], series, title=f"events of {actor}"),
            "<p>" + link("/events", "Its events →", actor=actor) + "</p>",
            "<h2>Acts as source</h2>", table(profile["types_as_source"], [("type", "type"), ("events", "events")]),
            "<h2>Targets</h2>", table(profile["targets"], [("country", "country", lambda r: link(
                f"/actors/{quoted(r['country'])}", r["country"])), ("events", "events"), ("goldstein", "Goldstein")]),
            "<h2>Acts as target</h2>", table(profile["types_as_target"], [("type", "type"), ("events", "events")]),
            "<h2>Sources</h2>", table(profile["sources"], [("country", "country", lambda r: link(
                f"/actors/{quoted(r['country'])}", r["country"])), ("events", "events"), ("goldstein", "Goldstein")]),
            "<h2>Named as</h2>", table(profile["names"], [("name", "name"), ("sector", "sector"),
                                                         ("mentions", "mentions")]),
            "<h2>Quotes</h2>", table(profile["quotes"], [("date", "date"), ("speaker_name", "speaker"), (
                "content", "said", lambda r: link(f"/articles/{quoted(r['article_id'])}", r.get("content")))])]
    return page(actor, "".join(body), active="/actors")
