"""HTML pages over the store: the overview with search and paged articles, and one article with its
spans marked (overlapping spans nested, so a place inside a quote shows as both)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from fastapi import APIRouter, HTTPException, Query

from ..api.deps import StoreDep
from .layout import esc, link, page, pager, quoted, table

__all__ = ["router", "marked_text"]

router = APIRouter(include_in_schema=False)

PER_PAGE = 20
Span = tuple[int, int, str, str]


@router.get("/")
def overview(db: StoreDep, q: str | None = Query(default=None), offset: int = Query(default=0, ge=0)) -> Any:
    """Totals, a search box with snippets, paged articles, and the most reported corpus events."""
    stats = db.stats()
    spans = stats.get("spans", {})
    summary = db.corpus.summary()
    cards = [("articles", stats.get("articles", 0), "/"), ("events", summary["events"], "/events"),
             ("mentions", summary["mentions"], "/events"), ("quotes", spans.get("quotes", 0), "/quotes"),
             ("actors", spans.get("actors", 0), "/actors"), ("near duplicates", summary["near_duplicates"], "/"),
             ("errors", stats.get("errors", 0), "/")]
    filters = {"search": q} if q else {}
    articles = db.articles(**filters, limit=PER_PAGE, offset=offset)
    total = db.total("articles", **filters)
    columns: list[Any] = [("published", "published"), ("source", "source"),
                          ("title", "title", lambda r: link(f"/articles/{quoted(r['id'])}", r.get("title") or r["id"])),
                          ("events", "events"), ("quotes", "quotes")]
    if q:
        columns.append(("snippet", "match", lambda r: _snippet(r.get("snippet"))))
    body = ["<div class=cards>" + "".join(f"<a class=card href='{href}'><b class=num>{n:,}</b>{escape(k)}</a>"
                                          for k, n, href in cards) + "</div>",
            f"<form class=search><p><input name=q value='{esc(q)}' placeholder='Search the articles'> "
            "<button>Search</button></p></form>", "<h2>Articles</h2>",
            pager("/", {"q": q}, total=total, limit=PER_PAGE, offset=offset), table(articles, columns)]
    if not q:
        top, _ = db.corpus.events(limit=10, sort="mentions")
        body += ["<h2>Most reported events</h2>",
                 table(top, [("date", "date"), ("type", "type"),
                             ("dyad", "who → whom", lambda r: esc(f"{r.get('source_name') or r.get('source_country') or '?'}"
                                                               f" → {r.get('target_name') or r.get('target_country') or '–'}")),
                             ("trigger", "act", lambda r: link(f"/events/{quoted(r['id'])}", r.get("trigger") or r["id"])),
                             ("num_mentions", "mentions"), ("num_sources", "sources")],
                       numeric=("num_mentions", "num_sources")),
                 "<p>" + link("/events", "All events →") + "</p>"]
    return page("overview", "".join(body), active="/")


def _snippet(value: str | None) -> str:
    """An FTS snippet (matches between brackets) with the matches in bold."""
    return esc(value).replace("[", "<b>").replace("]", "</b>") if value else ""


def marked_text(text: str, spans: Iterable[Span], *, sentences: Sequence[tuple[int, int]] = ()) -> str:
    """``text`` as escaped HTML with ``(start, end, css_class, title)`` spans marked.

    Overlapping spans are nested, so each shows (a place inside a quote is marked as both): the text
    is cut at every span boundary, and each piece is wrapped in a mark for every span that covers
    it, the longest outermost. ``sentences`` become ``<span class=sentence id=s-START>`` elements that
    a link can land on (``#s-START``); spans that cross a sentence boundary are cut there, and a
    sentence that starts inside another ends the other's element.
    """
    kept = sorted({s for s in spans if 0 <= s[0] < s[1] <= len(text)}, key=lambda s: (s[0], -(s[1] - s[0]), s[2]))
    whole = sorted({(a, b) for a, b in sentences if 0 <= a < b <= len(text)})
    cuts = sorted({0, len(text), *(p for s in kept for p in s[:2]), *(p for s in whole for p in s)})
    out: list[str] = []
    open_sentence: tuple[int, int] | None = None
    for start, end in zip(cuts, cuts[1:]):
        here = next((s for s in whole if s[0] == start), None)
        if open_sentence and (start >= open_sentence[1] or here is not None):
            out.append("</span>")  # a sentence that starts inside another ends that one's element
            open_sentence = None
        if here is not None:
            out.append(f"<span class=sentence id=s-{here[0]}>")
            open_sentence = here
        piece = escape(text[start:end])
        for s_start, s_end, css, title in sorted((s for s in kept if s[0] <= start and end <= s[1]),
                                                 key=lambda s: (s[1] - s[0], s[2])):
            piece = f"<mark class={css} title='{escape(title, quote=True)}'>{piece}</mark>"
        out.append(piece)
    if open_sentence:
        out.append("</span>")
    return "".join(out)


def _spans(record: dict[str, Any]) -> list[Span]:
    spans: list[Span] = []
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
            if isinstance(item.get("start"), int):
                label = " ".join(str(item.get(k)) for k in ("name", "value", "country", "sector") if item.get(k))
                spans.append((item["start"], item["end"], css, label))
    return spans


@router.get("/articles/{article_id}")
def article_page(db: StoreDep, article_id: str) -> Any:
    """One article: its text with actors, places, times, quotes and event triggers marked; the
    sentences of its events can be linked to (``#s-START``)."""
    record = db.get_article(article_id, include_text=True)
    if record is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    text = record.get("text") or ""
    sentences = [(e["sentence"]["start"], e["sentence"]["end"]) for e in record.get("events", [])
                 if isinstance((e.get("sentence") or {}).get("start"), int)]
    dateline = record.get("dateline") or {}
    facts = [("published", record.get("published")), ("source", record.get("source")),
             ("dateline", ", ".join(str(dateline.get(k)) for k in ("place", "date", "agency") if dateline.get(k)))]
    body = [f"<h1>{esc(record.get('title') or article_id)}</h1>",
            "<p class=muted>" + " · ".join(f"{k}: {esc(v)}" for k, v in facts if v) + "</p>"]
    duplicate = db.corpus.duplicate_of(article_id)
    if duplicate:
        body.append(f"<p class='notice dup'>A rewrite of {link('/articles/' + quoted(duplicate['duplicate_of']), duplicate['duplicate_of'])} "
                    f"(similarity {duplicate['similarity']:.2f}): its events are not counted again.</p>")
    body += ["<p class=legend><mark class=actor>actor</mark><mark class=place>place</mark><mark class=time>time"
             "</mark><mark class=quote>quote</mark><mark class=trigger>event</mark></p>",
             f"<div class=text>{marked_text(text, _spans(record), sentences=sentences)}</div>", "<h2>Events</h2>",
             table([_event_row(db, article_id, i, e) for i, e in enumerate(record.get("events", []))],
                   [("type", "type"), ("source", "source"), ("target", "target"),
                    ("trigger", "trigger", lambda r: r["trigger_html"]), ("date", "date"), ("location", "location"),
                    ("status", "status"), ("cameo", "CAMEO"), ("corpus", "corpus event", lambda r: r["corpus_html"])]),
             "<h2>Quotes</h2>",
             table([{"speaker": (q.get("speaker") or {}).get("name") or (q.get("speaker") or {}).get("text"),
                     "kind": q.get("kind"), "content": q["content"]["text"], "date": q.get("date")}
                    for q in record.get("quotes", [])],
                   [("speaker", "speaker"), ("kind", "kind"), ("content", "content"), ("date", "date")])]
    return page(record.get("title") or article_id, "".join(body))


def _event_row(db: Any, article_id: str, idx: int, event: dict[str, Any]) -> dict[str, Any]:
    def who(actors: list[dict[str, Any]]) -> str:
        return "; ".join(f"{a.get('name') or a.get('text')} ({a.get('country') or '?'} {a.get('sector') or ''})".strip()
                         for a in actors or [])

    location = event.get("location") or {}
    sentence = (event.get("sentence") or {}).get("start")
    trigger = (event.get("trigger") or {}).get("text")
    group = db.corpus.event_of_mention(article_id, idx)
    return {"type": event.get("type"), "source": who(event.get("source")), "target": who(event.get("target")),
            "trigger_html": f"<a href='#s-{sentence}'>{esc(trigger)}</a>" if sentence is not None else esc(trigger),
            "date": event.get("date"), "location": location.get("name"), "status": event.get("status"),
            "cameo": event.get("cameo"),
            "corpus_html": link(f"/events/{quoted(group)}", group) if group else ""}
