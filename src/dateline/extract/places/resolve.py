"""Choosing the gazetteer entry each toponym refers to, from the evidence of the whole article.

Each distinct name is resolved once (one sense per article). A candidate's score adds a prior
(feature class, population, how the name matched) to context: countries the article mentions,
the dateline's and the agency's country, co-mentioned first-order divisions, and distance to
places resolved with confidence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...knowledge.gazetteer import Candidate, Gazetteer
from ...knowledge.gazetteer_names import normalize
from ...knowledge.gazetteer_words import GeoWords
from ...records import Place
from .demonyms import BLOC_SOURCE
from .discourse import REPEAT_SOURCE
from .mentions import Mention
from .streets import SETTLEMENT_SOURCE, STREET_SOURCE

__all__ = ["Evidence", "resolve_mentions", "haversine_km"]

_FEATURE_PRIOR = {("A", "PCLI"): 4.0, ("L", "CONT"): 4.0, ("L", "RGNE"): 3.0, ("L", "RGN"): 2.0,
                  ("A", "ADM1"): 1.5, ("P", "PPLC"): 2.5, ("P", "PPLA"): 1.0}
_CLASS_PRIOR = {"H": 1.0, "T": 1.0, "L": 1.5, "A": 0.5}
_PRIO_PENALTY = {0: 0.0, 1: 0.0, 2: 1.0}
ALTNAMES_WEIGHT = 0.4
CONTEXT_CAP = 6.0  # context tips the balance between readings; it does not outweigh everything
DATELINE_SAME = 3.0  # "CAMP MURRAY, Wash." then "at home in Washington": the state the dateline named


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Evidence:
    """What the article says about where it is."""

    countries: Counter = field(default_factory=Counter)      # ISO3 → mentions resolved as that country
    admins: Counter = field(default_factory=Counter)         # (cc2, admin1) → mentions of that division
    anchors: list[tuple[str, float, float]] = field(default_factory=list)  # (name key, lat, lon)
    dateline_country: str | None = None
    dateline_places: set[int] = field(default_factory=set)   # gazetteer ids the dateline names with confidence
    home_country: str | None = None


def prior(c: Candidate, text: str, prefer: str | None) -> float:
    """How likely a candidate is before looking at the article."""
    score = math.log10(max(c.population, 0) + 10)
    score += ALTNAMES_WEIGHT * math.log2(1 + c.altnames)  # fame: how many languages name it
    score += _FEATURE_PRIOR.get((c.fclass, c.fcode), _CLASS_PRIOR.get(c.fclass, 0.0))
    score -= _PRIO_PENALTY.get(c.prio, 1.0)
    if c.name == text:
        score += 0.5
    if prefer and c.fclass == prefer:
        score += 4.0
    if c.lat is None:
        score -= 3.0
    return score


def context(c: Candidate, key: str, ev: Evidence, own: Counter) -> float:
    """How well a candidate fits the rest of the article (``own``: this name's own evidence)."""
    score = 0.0
    if c.country:
        mentioned = ev.countries[c.country] - own[c.country]
        if mentioned > 0:
            score += 2.0 + min(mentioned, 4) * 0.25
        if c.country == ev.dateline_country and not c.is_country:
            score += 1.5
        if c.country == ev.home_country and not c.is_country:
            score += 0.5
    if c.admin1 and ev.admins[(c.cc2, c.admin1)] - own[(c.cc2, c.admin1)] > 0:
        score += 2.0 if c.is_admin else 3.0
    if c.lat is not None and ev.anchors and not c.is_country and c.fclass != "L":
        nearest = min((haversine_km(c.lat, c.lon, lat, lon) for k, lat, lon in ev.anchors if k != key),
                      default=None)
        if nearest is not None:
            score += 2.0 if nearest < 150 else 1.0 if nearest < 600 else 0.0
    return min(score, CONTEXT_CAP)


def _candidates(gazetteer: Gazetteer, mention: Mention, words: GeoWords) -> tuple[Candidate, ...]:
    """Gazetteer entries a mention may name."""
    if mention.source == "demonym":
        place = gazetteer.demonym_place(mention.name)
        return (place,) if place is not None else ()
    if mention.source == BLOC_SOURCE:  # "the West" is no point on the map
        return ()
    name = mention.name
    cands = gazetteer.lookup_text(name)
    if any(c.prio <= 1 and (c.is_country or c.fclass == "L") for c in cands):
        # "Mexico" is the country; Mexico City's alternate name "Mexico" does not compete.
        cands = tuple(c for c in cands if c.prio <= 1)
    if cands:
        return cands
    parts = name.split() if mention.source != SETTLEMENT_SOURCE else []  # "Grants Town" is not Grants
    while len(parts) > 1 and parts[-1].lower() in words.admin_nouns:  # "Idlib governorate"
        parts.pop()
        cands = gazetteer.lookup(" ".join(parts))
        if cands:
            return cands
    while len(parts) > 1 and parts[0].lower() in words.directions:  # "north west London"
        parts.pop(0)
        cands = gazetteer.lookup_text(" ".join(parts))
        if cands:
            return cands
    return ()


def _worth_keeping(mention: Mention, text: str, words: GeoWords, speaks: bool = False) -> bool:
    """Whether a toponym with no gazetteer entry still looks like a place ("Press Street", "in
    Guhdar"), rather than an entity the model mislabelled: a name that speaks ("Guhdar said")
    anywhere in the article is a person."""
    last = text[mention.start:mention.end].split()[-1].lower().rstrip(".")
    if speaks and last not in words.facility_nouns:
        return False
    return (mention.locative or mention.label in ("LOC", "FAC") or mention.source in ("dateline", BLOC_SOURCE)
            or last in words.facility_nouns or last in words.admin_nouns)


def _unresolved(ms: Sequence[Mention], text: str, words: GeoWords, speaks: bool) -> list[Place]:
    """Places with null coordinates for a name's mentions worth keeping; a repeat of a name
    ("Kasba Bonli" again) is kept when one of its first uses is."""
    kept = [m for m in ms if m.source != REPEAT_SOURCE and _worth_keeping(m, text, words, speaks)]
    if kept:
        kept += [m for m in ms if m.source == REPEAT_SOURCE]
    return [Place(m.start, m.end, text[m.start:m.end], role=m.role) for m in sorted(kept, key=lambda m: m.start)]


def _near_evidence(c: Candidate, key: str, ev: Evidence) -> bool:
    """Whether a candidate lies in the article's world: near a confident place of it."""
    if c.lat is None:
        return False
    return any(haversine_km(c.lat, c.lon, lat, lon) < 100 for k, lat, lon in ev.anchors if k != key)


def _is_facility(name: str, words: GeoWords) -> bool:
    parts = name.split()
    return len(parts) > 1 and parts[-1].lower().rstrip(".") in words.facility_nouns


def _same_name_city_first(cands: tuple[Candidate, ...], prefer: str | None) -> dict[int, float]:
    """A city and the division named after it ("Idlib", "New York"): the city, unless the text
    says "province" or "state"."""
    if prefer == "A":
        return {}
    admins = {(c.cc2, c.admin1): c.population for c in cands if c.is_admin}
    return {c.geonameid: 1.5 for c in cands if c.fclass == "P" and (c.cc2, c.admin1) in admins
            and (c.fcode in ("PPLA", "PPLC") or c.population * 10 >= admins[(c.cc2, c.admin1)])}


def resolve_mentions(mentions: Sequence[Mention], text: str, *, gazetteer: Gazetteer, words: GeoWords,
                     home_country: str | None = None, dateline: tuple[int, int] | None = None) -> list[Place]:
    """A Place per mention; a name with no gazetteer entry keeps its span with null coordinates.
    ``dateline``: the wire dateline's character bounds; a place it names with confidence ("CAMP
    MURRAY, Wash.") is the reading of the same entry's other names in the body ("Washington")."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        # "Suffolk County" and "Suffolk" may be different places: a division is its own sense.
        key = ("demonym:" if m.source == "demonym" else "") + normalize(m.name) + ("|A" if m.prefer == "A" else "")
        groups.setdefault(key, []).append(m)
    cands = {key: _candidates(gazetteer, ms[0], words) for key, ms in groups.items()}
    for key, ms in groups.items():
        wanted = next((m.prefer for m in ms if m.prefer), None)
        if wanted == "A" and cands[key] and not any(c.fclass == "A" for c in cands[key]):
            cands[key] = ()  # "Walker County" is not the town of Walker
    facility = {key: _is_facility(ms[0].name, words) or ms[0].source == STREET_SOURCE for key, ms in groups.items()}
    speaks = {key: any(m.speaks for m in ms) for key, ms in groups.items()}
    prefer = {key: next((m.prefer for m in ms if m.prefer), None) for key, ms in groups.items()}
    dateline_keys = {key for key, ms in groups.items() if any(
        m.source == "dateline" or (dateline is not None and dateline[0] <= m.start and m.end <= dateline[1])
        for m in ms)}

    def ranked(key: str, ev: Evidence | None) -> list[tuple[float, Candidate]]:
        shown = groups[key][0].name
        bonus = _same_name_city_first(cands[key], prefer[key])
        out = []
        for c in cands[key]:
            s = prior(c, shown, prefer[key]) + bonus.get(c.geonameid, 0.0)
            if ev is not None:
                s += context(c, key, ev, contributed[key])
                if c.geonameid in ev.dateline_places and key not in dateline_keys:
                    s += DATELINE_SAME
            out.append((s, c))
        out.sort(key=lambda sc: -sc[0])
        return out

    # Pass 1: priors only; confident readings become evidence.
    ev = Evidence(home_country=home_country)
    contributed: dict[str, Counter] = {key: Counter() for key in groups}
    for key, ms in groups.items():
        first = ranked(key, None)
        if not first:
            continue
        best_score, best = first[0]
        margin = best_score - first[1][0] if len(first) > 1 else 10.0
        n = len(ms)
        if any(m.source == "dateline" for m in ms):
            ev.dateline_country = best.country
        if key in dateline_keys and margin >= 1.0 and not best.is_country:
            ev.dateline_places.add(best.geonameid)
        if best.country and (best.is_country or margin >= 1.0):
            contributed[key][best.country] += n
        if best.admin1 and margin >= 1.0 and (best.is_admin or best.population >= 1000):
            contributed[key][(best.cc2, best.admin1)] += n
        for k, v in contributed[key].items():
            (ev.countries if isinstance(k, str) else ev.admins)[k] += v
        if margin >= 2.0 and best.lat is not None and not best.is_country and best.fclass != "L":
            ev.anchors.append((key, best.lat, best.lon))

    # Pass 2: with the article's evidence.
    places: list[Place] = []
    for key, ms in groups.items():
        scored = ranked(key, ev)
        if not scored:
            places.extend(_unresolved(ms, text, words, speaks[key]))
            continue
        best_score, best = scored[0]
        if facility[key] and not _near_evidence(best, key, ev):
            scored = []
        if prefer[key] == "A" and best.fclass != "A":
            scored = []  # "Suffolk County" whose best reading is the town of Suffolk: a county unknown
        if not scored:
            places.extend(_unresolved(ms, text, words, speaks[key]))
            continue
        total = sum(math.exp(s - best_score) for s, _ in scored[:10])
        confidence = round(1.0 / total, 3)
        for m in ms:
            places.append(Place(m.start, m.end, text[m.start:m.end], name=best.name, geonameid=best.public_id,
                                lat=best.lat, lon=best.lon, country=best.country, feature=best.feature,
                                score=confidence, role=m.role))
    places.sort(key=lambda p: p.start)
    return places
