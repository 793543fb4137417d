"""What every page shares: the style sheet, the frame with its navigation, tables, filter forms and
pagers. Everything is inline and served by dateline itself: no CDN, no script or font from elsewhere."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import Any
from urllib.parse import quote as urlquote
from urllib.parse import urlencode

from fastapi.responses import HTMLResponse

__all__ = ["STYLE", "NAV", "page", "table", "pager", "filter_form", "link", "query_string", "Column", "esc",
           "notice", "QUADS"]

#: QuadClass names.
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2430;background:#f7f7f5}
header{background:#1d2430;color:#fff;padding:.5em 1.2em;display:flex;gap:1.1em;align-items:baseline;flex-wrap:wrap}
header a{color:#cfd6e4;text-decoration:none}header a.home{color:#fff;font-weight:700;margin-right:.6em}
header a.on{color:#fff;border-bottom:2px solid #f0b429}
main{max-width:1200px;margin:0 auto;padding:1em 1.2em}a{color:#1f5fbf}
table{border-collapse:collapse;width:100%;background:#fff;margin:.5em 0 1.2em}
th,td{border-bottom:1px solid #e3e3df;padding:.3em .5em;text-align:left;vertical-align:top;font-size:14px}
th{background:#eeeeea}.num{font-variant-numeric:tabular-nums;text-align:right}
form.filters{display:flex;flex-wrap:wrap;gap:.5em .8em;align-items:flex-end;background:#fff;padding:.7em;
border:1px solid #e3e3df;margin:.5em 0}form.filters label{display:flex;flex-direction:column;font-size:12px;color:#555}
form.filters input,form.filters select{padding:.3em;font-size:14px}form.filters input[type=text]{width:11em}
form.search input{padding:.35em;width:22em}
.pager{display:flex;gap:1em;align-items:center;margin:.4em 0}.pager .total{color:#555}
.text{white-space:pre-wrap;background:#fff;padding:1em;border:1px solid #e3e3df;line-height:1.9}
mark{padding:0;border-radius:2px}mark.actor{background:#dbe9ff}mark.place{background:#bfeac4}
mark.time{background:#fff1c7}mark.quote{background:#f6dff0;border-bottom:2px solid #c77dba}
mark.trigger{background:#ffd6cc;font-weight:600}
mark.quote mark.place,mark.quote mark.actor{box-shadow:inset 0 -3px 0 #c77dba}
.sentence:target{outline:3px solid #f0b429;background:#fff7d6}
.legend mark{padding:0 .4em;margin-right:.4em}.muted{color:#6b7280}.notice{background:#fff4d6;padding:.5em .8em;
border:1px solid #f0d48a}.facts td:first-child{width:11em;color:#555}.cards{display:flex;gap:1em;flex-wrap:wrap}
.card{background:#fff;border:1px solid #e3e3df;padding:.6em 1em;min-width:9em}.card b{font-size:22px;display:block}
.q1{color:#1a7f37}.q2{color:#0b6e4f}.q3{color:#b35900}.q4{color:#b42318}svg{background:#fff;border:1px solid #e3e3df}
svg text{font:11px system-ui,sans-serif}.dup{color:#8a6d00}
"""

#: The navigation: path and label.
NAV: tuple[tuple[str, str], ...] = (("/events", "Events"), ("/quotes", "Quotes"), ("/actors", "Actors"),
                                    ("/timeline", "Timeline"), ("/map", "Map"), ("/network", "Network"))


def esc(value: Any) -> str:
    """``value`` as escaped HTML text (None as empty)."""
    return "" if value is None else escape(str(value))


def page(title: str, body: str, *, active: str = "") -> HTMLResponse:
    """A whole page: head with the style sheet, the navigation, and ``body``."""
    nav = "".join(f"<a href='{path}'{' class=on' if path == active else ''}>{label}</a>" for path, label in NAV)
    html = (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)} · dateline</title>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><style>{STYLE}</style></head>"
            f"<body><header><a class=home href='/'>dateline</a>{nav}</header><main>{body}</main></body></html>")
    return HTMLResponse(html)


def link(path: str, label: Any, **params: Any) -> str:
    """An ``<a>`` to ``path`` (quoted) with optional query parameters."""
    href = path + (("?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})) if params else "")
    return f"<a href='{escape(href, quote=True)}'>{esc(label)}</a>"


def quoted(part: Any) -> str:
    """One URL path segment, quoted."""
    return urlquote(str(part), safe="")


#: A table column: the row key, the header, and optionally how to render a row's cell (HTML).
Column = tuple[str, str] | tuple[str, str, Callable[[Mapping[str, Any]], str]]


def table(rows: Sequence[Mapping[str, Any]], columns: Sequence[Column], *, empty: str = "Nothing yet.",
          numeric: Sequence[str] = ()) -> str:
    """An HTML table of ``rows``; long texts are cut at 200 characters."""
    if not rows:
        return f"<p class=muted>{escape(empty)}</p>"
    head = "".join(f"<th{' class=num' if c[0] in numeric else ''}>{escape(c[1])}</th>" for c in columns)
    lines = []
    for row in rows:
        cells = []
        for column in columns:
            if len(column) == 3:
                cell = column[2](row)  # type: ignore[misc]
            else:
                value = "" if row.get(column[0]) is None else str(row.get(column[0]))
                cell = escape(value if len(value) < 200 else value[:199] + "…")
            cells.append(f"<td{' class=num' if column[0] in numeric else ''}>{cell}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(lines)}</table>"


def query_string(params: Mapping[str, Any], **changes: Any) -> str:
    """The query string of ``params`` with ``changes`` (empty values left out)."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def pager(path: str, params: Mapping[str, Any], *, total: int, limit: int, offset: int) -> str:
    """"Showing 51–100 of 1,234" with links to the previous and next pages."""
    if total == 0:
        return "<div class=pager><span class=total>No results</span></div>"
    last = min(offset + limit, total)
    parts = [f"<span class=total>Showing <b>{offset + 1:,}</b>–<b>{last:,}</b> of <b class=count>{total:,}</b></span>"]
    if offset > 0:
        parts.append(f"<a rel=prev href='{path}?{escape(query_string(params, offset=max(offset - limit, 0)))}'>"
                     "← previous</a>")
    if last < total:
        parts.append(f"<a rel=next href='{path}?{escape(query_string(params, offset=last))}'>next →</a>")
    return "<div class=pager>" + "".join(parts) + "</div>"


def filter_form(path: str, fields: Sequence[tuple[str, str, Any]], values: Mapping[str, Any]) -> str:
    """A GET form: ``(name, label, kind)`` fields where kind is ``"text"``, ``"date"``, ``"number"`` or a
    sequence of ``(value, label)`` options for a select."""
    parts = []
    for name, label, kind in fields:
        value = values.get(name)
        if isinstance(kind, str):
            extra = " step=0.05 min=0 max=1" if kind == "number" else ""
            control = (f"<input type={kind} name={name} value='{esc(value)}'{extra}>" if kind != "text"
                       else f"<input type=text name={name} value='{esc(value)}'>")
        else:
            options = "".join(f"<option value='{esc(v)}'{' selected' if str(v) == str(value or '') else ''}>"
                              f"{esc(text)}</option>" for v, text in [("", "any"), *kind])
            control = f"<select name={name}>{options}</select>"
        parts.append(f"<label>{escape(label)}{control}</label>")
    return (f"<form class=filters method=get action='{path}'>{''.join(parts)}<button type=submit>Filter</button> "
            f"<a href='{path}'>clear</a></form>")


def notice(text: str) -> str:
    """A highlighted note (HTML ``text``)."""
    return f"<p class=notice>{text}</p>"
