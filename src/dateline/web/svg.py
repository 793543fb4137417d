"""Inline SVG charts drawn on the server: stacked bars over time, with a line, and a network in a circle.
No script and no library: the pages stay readable offline and in any browser."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

__all__ = ["bar_chart", "network_chart", "balance_colour"]

WIDTH, HEIGHT = 1100, 320
_PAD_LEFT, _PAD_BOTTOM, _PAD_TOP = 48, 46, 24


def _ticks(top: float) -> list[float]:
    if top <= 0:
        return [0.0]
    step = 10 ** math.floor(math.log10(top))
    for factor in (1, 2, 5, 10):
        if top / (step * factor) <= 5:
            step *= factor
            break
    return [i * step for i in range(int(top // step) + 1)]


def bar_chart(labels: Sequence[str], series: Sequence[tuple[str, str, Sequence[float]]], *, title: str = "",
              line: tuple[str, str, Sequence[float]] | None = None, width: int = WIDTH, height: int = HEIGHT) -> str:
    """Stacked bars, one per label, of ``(name, colour, values)`` series; an optional ``line`` series
    (name, colour, values) is drawn on its own scale, with zero marked."""
    if not labels:
        return "<p class=muted>No events to chart.</p>"
    totals = [sum(s[2][i] for s in series) for i in range(len(labels))]
    top = max(totals) or 1
    plot_w, plot_h = width - _PAD_LEFT - 10, height - _PAD_BOTTOM - _PAD_TOP
    step = plot_w / len(labels)
    bar = max(step * 0.8, 1)
    out = [f"<svg class=chart role=img aria-label='{escape(title, quote=True)}' viewBox='0 0 {width} {height}' "
           f"width='100%' preserveAspectRatio='xMidYMid meet'>"]
    for tick in _ticks(top):
        y = _PAD_TOP + plot_h - tick / top * plot_h
        out.append(f"<line x1={_PAD_LEFT} x2={width - 10} y1={y:.1f} y2={y:.1f} stroke='#eee'/>"
                   f"<text x={_PAD_LEFT - 4} y={y + 4:.1f} text-anchor=end>{tick:g}</text>")
    every = max(1, math.ceil(len(labels) / 14))
    for i, label in enumerate(labels):
        x, base = _PAD_LEFT + i * step + (step - bar) / 2, _PAD_TOP + plot_h
        for name, colour, values in series:
            h = values[i] / top * plot_h
            if h > 0:
                base -= h
                out.append(f"<rect class=bar x={x:.1f} y={base:.1f} width={bar:.1f} height={h:.1f} fill='{colour}'>"
                           f"<title>{escape(label)}: {values[i]:g} {escape(name)}</title></rect>")
        if i % every == 0:
            out.append(f"<text x={x + bar / 2:.1f} y={height - _PAD_BOTTOM + 14} text-anchor=middle>{escape(label)}</text>")
    if line is not None and line[2]:
        name, colour, values = line
        span = max(abs(v) for v in values) or 1
        mid = _PAD_TOP + plot_h / 2
        points = " ".join(f"{_PAD_LEFT + i * step + step / 2:.1f},{mid - v / span * plot_h / 2:.1f}"
                          for i, v in enumerate(values))
        out.append(f"<line x1={_PAD_LEFT} x2={width - 10} y1={mid:.1f} y2={mid:.1f} stroke='{colour}' "
                   f"stroke-dasharray='3 3' opacity='.5'/><polyline class=line points='{points}' fill=none "
                   f"stroke='{colour}' stroke-width=2><title>{escape(name)}</title></polyline>")
    x = _PAD_LEFT
    for name, colour, _ in [*series, *([line] if line else [])]:
        out.append(f"<rect x={x} y=6 width=10 height=10 fill='{colour}'/><text x={x + 14} y=15>{escape(name)}</text>")
        x += 14 + 7 * len(name) + 16
    out.append("</svg>")
    return "".join(out)


def balance_colour(balance: float) -> str:
    """Red for conflict (−1), grey for a balance, green for cooperation (+1)."""
    b = max(-1.0, min(1.0, balance))
    if b >= 0:
        return f"rgb({int(140 - 114 * b)},{int(140 - 13 * b)},{int(140 - 85 * b)})"
    return f"rgb({int(140 + 40 * -b)},{int(140 - 105 * -b)},{int(140 - 104 * -b)})"


def network_chart(nodes: Sequence[dict], edges: Sequence[dict], *, size: int = 640, link: str = "/actors/") -> str:
    """Nodes on a circle (the busiest first), directed edges whose width is the number of events and
    whose colour is the balance of cooperation and conflict."""
    if not nodes:
        return "<p class=muted>No dyads to draw.</p>"
    centre, radius = size / 2, size / 2 - 60
    place = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        place[node["id"]] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    heaviest = max((e["events"] for e in edges), default=1)
    out = [f"<svg class=network role=img aria-label='dyad network' viewBox='0 0 {size} {size}' width='{size}' "
           f"height='{size}'><defs><marker id=arrow viewBox='0 0 10 10' refX=10 refY=5 markerWidth=6 markerHeight=6 "
           "orient=auto-start-reverse><path d='M0,0L10,5L0,10z' fill='#888'/></marker></defs>"]
    for edge in edges:
        (x1, y1), (x2, y2) = place[edge["source"]], place[edge["target"]]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1
        x2, y2 = x2 - dx / length * 14, y2 - dy / length * 14  # stop at the node's edge
        bend = 0.12  # two directions of one dyad curve apart
        cx, cy = (x1 + x2) / 2 - dy * bend, (y1 + y2) / 2 + dx * bend
        width = 1 + 6 * edge["events"] / heaviest
        out.append(f"<path class=edge d='M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}' fill=none "
                   f"stroke='{balance_colour(edge['balance'])}' stroke-width={width:.1f} opacity=.8 "
                   f"marker-end='url(#arrow)'><title>{escape(edge['source'])} → {escape(edge['target'])}: "
                   f"{edge['events']} events, {edge['cooperation']} cooperation, {edge['conflict']} conflict, "
                   f"Goldstein {edge['goldstein']}</title></path>")
    busiest = max(n["events"] for n in nodes) or 1
    for node in nodes:
        x, y = place[node["id"]]
        r = 6 + 10 * node["events"] / busiest
        out.append(f"<a href='{link}{escape(node['id'])}'><circle class=node cx={x:.1f} cy={y:.1f} r={r:.1f} "
                   f"fill='#1d2430'><title>{escape(node['id'])}: {node['as_source']} as source, {node['as_target']} "
                   f"as target</title></circle><text x={x:.1f} y={y - r - 4:.1f} text-anchor=middle>"
                   f"{escape(node['id'])}</text></a>")
    out.append("</svg>")
    return "".join(out)
