"""HTML pages over the store: an overview with search, and one article with its spans marked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any
from urllib.parse import quote as urlquote

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse

from ..api.routes import StoreDep

__all__ = ["router", "marked_text"]

router = APIRouter(include_in_schema=False)

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2430;background:#f7f7f5}
header{background:#1d2430;color:#fff;padding:.6em 1.2em}header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:1100px;margin:0 auto;padding:1em 1.2em}
table{border-collapse:collapse;width:100%;background:#fff;margin:.5em 0 1.5em}
th,td{border-bottom:1px solid #e3e3df;padding:.3em .5em;text-align:left;vertical-align:top;font-size:14px}
th{background:#eeeeea}form input{padding:.35em;width:22em}.num{font-variant-numeric:tabular-nums}
.text{white-space:pre-wrap;background:#fff;padding:1em;border:1px solid #e3e3df}
mark.actor{background:#dbe9ff}mark.place{background:#d9f2dc}mark.time{background:#fff1c7}
mark.quote{background:#f6dff0}mark.trigger{background:#ffd6cc;font-weight:600}
.legend mark{padding:0 .4em;margin-right:.4em}.muted{color:#6b7280}
"""


def _page(title: str, body: str) -> HTMLResponse:
    html = (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)} · dateline</title>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><style>{STYLE}</style></head>"
            f"<body><header><a href='/'>dateline</a></header><main>{body}</main></body></html>")
    return HTMLResponse(html)


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]], *, link: str | None = None) -> str:
    if not rows:
        return "<p class=muted>Nothing yet.</p>"
    head = "".join(f"<th>{escape(label)}</th>" for _, label in columns)
    lines = []
    for row in rows:
        cells = []
        for key, _ in columns:
            value = "" if row.get(key) is None else str(row.get(key))
            cell = escape(value if len(value) < 200 else value[:199] + "…")
            if key == link and row.get(link):
                cell = f"<a href='/articles/{urlquote(str(row[link]))}'>{cell}</a>"
            cells.append(f"<td>{cell}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(lines)}</table>"


@router.get("/", response_class=HTMLResponse)
def overview(db: StoreDep, q: str | None = Query(default=None)) -> HTMLResponse:
    """Totals, a search box, and the latest articles, events and quotes."""
    stats = db.stats()
    spans = stats.get("spans", {})
    totals = " · ".join(f"<b class=num>{spans.get(k, 0)}</b> {k}" for k in ("events", "quotes", "actors",
                                                                             "places", "times"))
    search = escape(q or "")
    articles = db.articles(search=q, limit=20)
    body = [f"<h1>{stats.get('articles', 0)} articles</h1><p>{totals} · <b>{stats.get('errors', 0)}</b> errors</p>",
            f"<form><input name=q value='{search}' placeholder='Search the articles'> <button>Search</button></form>",
            "<h2>Articles</h2>",
            _table(articles, [("id", "id"), ("published", "published"), ("source", "source"), ("title", "title")],
                   link="id")]
    if not q:
        events = db.events(limit=25)
        body += ["<h2>Latest events</h2>",
                 _table(events, [("date", "date"), ("type", "type"), ("source_country", "source"),
                                 ("target_country", "target"), ("trigger", "trigger"), ("status", "status"),
                                 ("article_id", "article")], link="article_id"),
                 "<h2>Latest quotes</h2>",
                 _table(db.quotes(limit=25), [("date", "date"), ("speaker_name", "speaker"), ("content", "said"),
                                              ("article_id", "article")], link="article_id")]
    return _page("overview", "".join(body))


def marked_text(text: str, spans: Iterable[tuple[int, int, str, str]]) -> str:
    """``text`` as escaped HTML with non-overlapping ``(start, end, css_class, title)`` spans marked.

    Where spans overlap, the one that starts first (then the longer one) wins.
    """
    out, at = [], 0
    for start, end, css, title in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if start < at or end <= start or end > len(text):
            continue
        out.append(escape(text[at:start]))
        out.append(f"<mark class={css} title='{escape(title, quote=True)}'>{escape(text[start:end])}</mark>")
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(db: StoreDep, article_id: str) -> HTMLResponse:
    """One article: its text with actors, places, times, quotes and event triggers marked."""
    record = db.get_article(article_id, include_text=True)
    if record is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    text = record.get("text") or ""
    spans: list[tuple[int, int, str, str]] = []
    for event in record.get("events", []):
        trigger = event.get("trigger") or {}
        if isinstance(trigger.get("start"), int):
            spans.append((trigger["start"], trigger["end"], "trigger", f"{event.get('type')} {event.get('status')}"))
    for quote in record.get("quotes", []):
        content = quote.get("content") or {}
        speaker = (quote.get("speaker") or {}).get("name") or "unknown speaker"
        spans.append((content["start"], content["end"], "quote", f"{quote.get('kind')} quote: {speaker}"))
    for kind, css in (("actors", "actor"), ("places", "place"), ("times", "time")):
        for item in record.get(kind, []):
            label = " ".join(str(item.get(k)) for k in ("name", "value", "country", "sector") if item.get(k))
            spans.append((item["start"], item["end"], css, label))
    dateline = record.get("dateline") or {}
    facts = [("published", record.get("published")), ("source", record.get("source")),
             ("dateline", ", ".join(str(dateline.get(k)) for k in ("place", "date", "agency") if dateline.get(k)))]
    body = [f"<h1>{escape(record.get('title') or article_id)}</h1>",
            "<p class=muted>" + " · ".join(f"{k}: {escape(str(v))}" for k, v in facts if v) + "</p>",
            "<p class=legend><mark class=actor>actor</mark><mark class=place>place</mark><mark class=time>time"
            "</mark><mark class=quote>quote</mark><mark class=trigger>event</mark></p>",
            f"<div class=text>{marked_text(text, spans)}</div>", "<h2>Events</h2>",
            _table([_event_row(e) for e in record.get("events", [])],
                   [("type", "type"), ("source", "source"), ("target", "target"), ("trigger", "trigger"),
                    ("date", "date"), ("location", "location"), ("status", "status"), ("cameo", "CAMEO")]),
            "<h2>Quotes</h2>",
            _table([{"speaker": (q.get("speaker") or {}).get("name") or (q.get("speaker") or {}).get("text"),
                     "kind": q.get("kind"), "content": q["content"]["text"], "date": q.get("date")}
                    for q in record.get("quotes", [])],
                   [("speaker", "speaker"), ("kind", "kind"), ("content", "content"), ("date", "date")])]
    return _page(record.get("title") or article_id, "".join(body))


def _event_row(event: dict[str, Any]) -> dict[str, Any]:
    def who(actors: list[dict[str, Any]]) -> str:
        return "; ".join(f"{a.get('name') or a.get('text')} ({a.get('country') or '?'} {a.get('sector') or ''})".strip()
                         for a in actors or [])

    location = event.get("location") or {}
    return {"type": event.get("type"), "source": who(event.get("source")), "target": who(event.get("target")),
            "trigger": (event.get("trigger") or {}).get("text"), "date": event.get("date"),
            "location": location.get("name"), "status": event.get("status"), "cameo": event.get("cameo")}
