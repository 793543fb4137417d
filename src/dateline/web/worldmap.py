"""A world map as inline SVG: country outlines from the installed ``countryinfo`` package (its data
files carry each country's GeoJSON outline), events as dots. No tile server, nothing fetched.

The projection is equirectangular (longitude and latitude as x and y), cropped to 60°S–84°N; the
view is fitted to the events shown, so a map of one region is not a speck on the globe.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable, Sequence
from html import escape
from importlib import resources
from typing import Any

from ..knowledge.cache import SHARED

__all__ = ["outlines", "map_svg", "project", "QUAD_COLOURS"]

log = logging.getLogger(__name__)

WIDTH, HEIGHT = 1080.0, 432.0  # 360° × 144° at 3 px per degree
_NORTH, _SOUTH = 84.0, -60.0
#: Dot colours by QuadClass.
QUAD_COLOURS = {1: "#1a7f37", 2: "#0b6e4f", 3: "#d97706", 4: "#b42318", None: "#555"}


def project(lon: float, lat: float) -> tuple[float, float]:
    """Map coordinates of a longitude and latitude."""
    return (lon + 180.0) * WIDTH / 360.0, (_NORTH - max(_SOUTH, min(_NORTH, lat))) * HEIGHT / (_NORTH - _SOUTH)


def _rings(geometry: dict[str, Any]) -> Iterable[list[list[float]]]:
    if geometry.get("type") == "Polygon":
        yield from geometry.get("coordinates") or []
    elif geometry.get("type") == "MultiPolygon":
        for polygon in geometry.get("coordinates") or []:
            yield from polygon


def _path(rings: Iterable[list[list[float]]]) -> str:
    parts = []
    for ring in rings:
        points, last = [], None
        for lon, lat, *_ in ring:
            x, y = project(lon, lat)
            point = (round(x, 1), round(y, 1))
            if point != last:
                points.append(f"{point[0]:g},{point[1]:g}")
                last = point
        if len(points) >= 3:
            parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def outlines() -> dict[str, tuple[str, str]]:
    """``{ISO alpha-3: (name, SVG path)}`` for every country whose outline ``countryinfo`` ships
    (empty, with a warning, when the package or its data is missing); read once per process and
    kept in :data:`~dateline.knowledge.cache.SHARED`."""
    return SHARED.get("country outlines", (), _read_outlines)


def _read_outlines() -> dict[str, tuple[str, str]]:
    """Read :func:`outlines` from ``countryinfo``'s data files."""
    found: dict[str, tuple[str, str]] = {}
    try:
        folder = resources.files("countryinfo") / "data"
        files = [f for f in folder.iterdir() if f.name.endswith(".json")]
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        log.warning("no country outlines (countryinfo is not installed?): %s", exc)
        return found
    for file in sorted(files, key=lambda f: f.name):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        code = (data.get("ISO") or {}).get("alpha3") if isinstance(data.get("ISO"), dict) else None
        features = (data.get("geoJSON") or {}).get("features") or []
        rings = [ring for feature in features for ring in _rings(feature.get("geometry") or {})]
        if code and rings:
            found[code] = (data.get("name") or code, _path(rings))
    return found


def _view(points: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    """The viewBox that shows every point with a margin (the whole world when none)."""
    if not points:
        return 0.0, 0.0, WIDTH, HEIGHT
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    margin = 40.0
    x0, x1, y0, y1 = min(xs) - margin, max(xs) + margin, min(ys) - margin, max(ys) + margin
    w, h = max(x1 - x0, 150.0), max(y1 - y0, 60.0)
    ratio = WIDTH / HEIGHT
    if w / h > ratio:
        h = w / ratio
    else:
        w = h * ratio
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w, h = min(w, WIDTH), min(h, HEIGHT)
    return max(0.0, min(cx - w / 2, WIDTH - w)), max(0.0, min(cy - h / 2, HEIGHT - h)), w, h


def map_svg(events: Sequence[dict[str, Any]], *, counts: dict[str, int] | None = None, fit: bool = True) -> str:
    """The map: countries shaded by ``counts`` (events per country code), and a dot per located
    event (area by mentions, colour by QuadClass) linking to its page."""
    located = [e for e in events if e.get("lat") is not None and e.get("lon") is not None]
    points = [project(e["lon"], e["lat"]) for e in located]
    x, y, w, h = _view(points) if fit else (0.0, 0.0, WIDTH, HEIGHT)
    scale = w / WIDTH
    top = max((counts or {}).values(), default=0) or 1
    out = [f"<svg class=map role=img aria-label='map of events' viewBox='{x:.1f} {y:.1f} {w:.1f} {h:.1f}' "
           f"width='100%' preserveAspectRatio='xMidYMid meet' style='background:#eaf2f8'>"]
    for code, (name, path) in outlines().items():
        n = (counts or {}).get(code, 0)
        fill = f"rgba(31,95,191,{0.12 + 0.5 * math.sqrt(n / top):.2f})" if n else "#f4f4f0"
        out.append(f"<path class=country data-code='{code}' d='{path}' fill='{fill}' stroke='#9aa3ad' "
                   f"stroke-width='{0.5 * scale:.2f}'><title>{escape(name)}{f': {n} events' if n else ''}</title></path>")
    for event, (px, py) in sorted(zip(located, points), key=lambda item: -(item[0].get("num_mentions") or 1)):
        r = (2.5 + 2.0 * math.sqrt(event.get("num_mentions") or 1)) * scale
        colour = QUAD_COLOURS.get(event.get("quad"), QUAD_COLOURS[None])
        label = (f"{event.get('date') or ''} {event.get('type')} {event.get('location_name') or ''}: "
                 f"{event.get('num_mentions')} mentions")
        out.append(f"<a href='/events/{escape(str(event['id']), quote=True)}'><circle class=dot cx={px:.2f} cy={py:.2f} "
                   f"r={r:.2f} fill='{colour}' fill-opacity=.75 stroke='#fff' stroke-width='{0.6 * scale:.2f}'>"
                   f"<title>{escape(label)}</title></circle></a>")
    out.append("</svg>")
    return "".join(out)
