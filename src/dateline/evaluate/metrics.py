"""Precision, recall and F1 for events, quotes, times and places (the referee's definitions).

The definitions are those of the shared evaluation README: one-to-one greedy pairing (best score
first, ties in document order), ratios with a zero denominator are 0. Every scorer takes the
:class:`~dateline.evaluate.io.DocPair` list of :func:`~dateline.evaluate.io.pair_documents` and
returns a flat dict of figures (plus nested per-type tables).
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from typing import Any

from ..knowledge.cache import SHARED
from .io import TASKS, DocPair, EvaluationError, pair_documents

__all__ = [
    "HEADLINES", "score", "score_pairs", "score_events", "score_quotes", "score_times", "score_places",
    "prf", "span_of_item", "overlap", "greedy_pairs", "country_set", "name_tokens", "speaker_correct",
    "content_match", "active_events", "dyad_matches", "haversine_km", "coords", "norm_value",
    "WITHIN_KM", "event_type", "quote_items", "geo_pairs", "cue_correct", "speaker_name_correct",
]

Item = Mapping[str, Any]

#: The headline figures of each task, in the order the referee prints them.
HEADLINES: dict[str, tuple[str, ...]] = {
    "events": ("type_f1", "dyad_f1"),
    "quotes": ("content_f1", "speaker_acc", "direct_content_f1"),
    "times": ("relaxed_f1", "value_f1"),
    "places": ("f1", "acc161"),
}

IGNORED_STATUS = frozenset({"negated", "hypothetical"})
#: CAMEO-era gold codes the UN and the EU as IGO; PLOVER codes them UNO and EUR.
COUNTRY_EQUIVALENTS = {"UNO": "IGO", "EUR": "IGO"}
WITHIN_KM = 161.0
EARTH_RADIUS_KM = 6371.0088


# -- shared helpers -------------------------------------------------------------------------------


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1; a zero denominator gives 0."""
    p = _ratio(tp_pred, n_pred)
    r = _ratio(tp_gold, n_gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def span_of_item(item: Any) -> tuple[int, int] | None:
    """``(start, end)`` of a span-bearing object, None when missing, malformed or empty."""
    if not isinstance(item, Mapping):
        return None
    start, end = item.get("start"), item.get("end")
    if type(start) is not int or type(end) is not int or start >= end:
        return None
    return start, end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def greedy_pairs(gold: Sequence[Any], pred: Sequence[Any],
                 score: Callable[[Any, Any], float | None]) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, pred index)`` pairs, highest score first; None means no pair."""
    candidates = sorted((-s, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                        if (s := score(g, p)) is not None)
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in taken_gold or j in taken_pred:
            continue
        taken_gold.add(i)
        taken_pred.add(j)
        pairs.append((i, j))
    return pairs


def _spanned(items: Iterable[Item]) -> list[Item]:
    return [x for x in items if span_of_item(x)]


def _overlap_score(g: Item, p: Item) -> int | None:
    return overlap(span_of_item(g), span_of_item(p)) or None


# -- events ---------------------------------------------------------------------------------------


def active_events(events: Iterable[Item]) -> list[Item]:
    """Events that are scored: not negated, not hypothetical."""
    return [e for e in events if not (isinstance(e.get("status"), str) and e["status"] in IGNORED_STATUS)]


def event_type(event: Item) -> str:
    """The event's type, upper-cased ('' when absent)."""
    return str(event.get("type") or "").upper()


def country_set(actors: Any) -> set[str]:
    """The country codes of a list of actors, with UN/EU codes folded into IGO."""
    out: set[str] = set()
    if not isinstance(actors, list):
        return out
    for actor in actors:
        code = actor.get("country") if isinstance(actor, Mapping) else None
        if isinstance(code, str) and code.strip():
            code = code.strip().upper()
            out.add(COUNTRY_EQUIVALENTS.get(code, code))
    return out


def _sides_agree(gold: set[str], pred: set[str]) -> bool:
    return bool(gold & pred) if gold or pred else True


def dyad_matches(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[int, int]]:
    """Gold events paired with predicted events of the same type and compatible dyad.

    Gold events are taken in order, each with the first unused compatible prediction.
    """
    used: set[int] = set()
    pairs = []
    for i, g in enumerate(gold):
        g_type, g_src, g_tgt = event_type(g), country_set(g.get("source")), country_set(g.get("target"))
        for j, p in enumerate(pred):
            if j in used or event_type(p) != g_type:
                continue
            if _sides_agree(g_src, country_set(p.get("source"))) and \
                    _sides_agree(g_tgt, country_set(p.get("target"))):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def score_events(pairs: Sequence[DocPair]) -> dict[str, Any]:
    """Type and dyad P/R/F1, a per-type table and how many surplus events documents get."""
    n_gold = n_pred = type_tp = dyad_tp = ignored = surplus = 0
    table: dict[str, dict[str, Any]] = {}
    for doc in pairs:
        gold = active_events(doc.gold)
        pred = active_events(doc.pred)
        ignored += len(doc.pred) - len(pred)
        g_types, p_types = Counter(map(event_type, gold)), Counter(map(event_type, pred))
        n_gold += len(gold)
        n_pred += len(pred)
        surplus += max(0, len(pred) - len(gold))
        for t in g_types.keys() | p_types.keys():
            row = table.setdefault(t, {"gold": 0, "pred": 0, "tp": 0})
            hit = min(g_types[t], p_types[t])
            row["gold"] += g_types[t]
            row["pred"] += p_types[t]
            row["tp"] += hit
            type_tp += hit
        dyad_tp += len(dyad_matches(gold, pred))
    tp_, tr_, tf_ = prf(type_tp, n_pred, type_tp, n_gold)
    dp_, dr_, df_ = prf(dyad_tp, n_pred, dyad_tp, n_gold)
    for row in table.values():
        row["p"], row["r"], row["f1"] = prf(row["tp"], row["pred"], row["tp"], row["gold"])
    return {"gold_events": n_gold, "pred_events": n_pred, "pred_ignored_status": ignored,
            "type_tp": type_tp, "type_p": tp_, "type_r": tr_, "type_f1": tf_,
            "dyad_tp": dyad_tp, "dyad_p": dp_, "dyad_r": dr_, "dyad_f1": df_,
            "extra_per_doc": _ratio(surplus, len(pairs)), "pred_per_doc": _ratio(n_pred, len(pairs)),
            "per_type": dict(sorted(table.items()))}


# -- quotes ---------------------------------------------------------------------------------------


def _non_names() -> frozenset[str]:
    """Words that never identify a speaker (packaged data file, read once per process and kept in
    :data:`~dateline.knowledge.cache.SHARED`)."""
    return SHARED.get("evaluate non-names", (), _read_non_names)


def _read_non_names() -> frozenset[str]:
    """Read :func:`_non_names` from ``evaluate_non_names.txt``."""
    try:
        text = (resources.files("dateline.knowledge") / "data" / "evaluate_non_names.txt").read_text("utf-8")
    except OSError as exc:  # pragma: no cover - broken installation
        raise EvaluationError(f"the packaged word list evaluate_non_names.txt is missing ({exc}): "
                              f"reinstall dateline") from exc
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(w for w in words if w)


_CAPITALIZED = re.compile(r"[A-Z][\w'’.\-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def name_tokens(*texts: Any) -> set[str]:
    """Lower-cased capitalized tokens of the texts that could identify someone."""
    stop = _non_names()
    out = set()
    for text in texts:
        if not isinstance(text, str):
            continue
        plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        for token in _CAPITALIZED.findall(plain):
            token = _POSSESSIVE.sub("", token).strip(".-").lower()
            if token and token not in stop:
                out.add(token)
    return out


def content_match(g: Item, p: Item) -> float | None:
    """Overlap of two quote contents over the shorter one's length; None below one half."""
    a, b = span_of_item(g.get("content")), span_of_item(p.get("content"))
    if not a or not b:
        return None
    shared = overlap(a, b)
    share = shared / min(a[1] - a[0], b[1] - b[0])
    return share if shared and share >= 0.5 else None


def speaker_correct(g: Item, p: Item) -> bool:
    """The predicted speaker overlaps the gold speaker or shares a name token with its text."""
    gold, pred = g.get("speaker"), p.get("speaker")
    if not isinstance(pred, Mapping) or not isinstance(gold, Mapping):
        return False
    a, b = span_of_item(gold), span_of_item(pred)
    if a and b and overlap(a, b):
        return True
    return bool(name_tokens(gold.get("text")) & name_tokens(pred.get("text"), pred.get("name")))


def speaker_name_correct(g: Item, p: Item) -> bool:
    """The predicted speaker's resolved name shares a name token with the gold speaker's name."""
    pred = p.get("speaker")
    if not isinstance(pred, Mapping):
        return False
    return bool(name_tokens(g["speaker"].get("name")) & name_tokens(pred.get("name")))


def cue_correct(g: Item, p: Item) -> bool:
    """The two cue spans overlap."""
    a, b = span_of_item(g.get("cue")), span_of_item(p.get("cue"))
    return bool(a and b and overlap(a, b))


def quote_items(items: Iterable[Item], kind: str | None) -> list[Item]:
    """Quotes with a usable content span, of one kind when ``kind`` is given."""
    out = [q for q in items if span_of_item(q.get("content"))]
    return out if kind is None else [q for q in out if q.get("kind") == kind]


def _quote_block(pairs: Sequence[DocPair], kind: str | None) -> dict[str, Any]:
    n_gold = n_pred = tp = with_speaker = 0
    spk_n = spk_ok = name_n = name_ok = cue_n = cue_ok = kind_ok = 0
    for doc in pairs:
        gold, pred = quote_items(doc.gold, kind), quote_items(doc.pred, kind)
        n_gold += len(gold)
        n_pred += len(pred)
        with_speaker += sum(isinstance(q.get("speaker"), Mapping) for q in gold)
        for i, j in greedy_pairs(gold, pred, content_match):
            g, p = gold[i], pred[j]
            tp += 1
            kind_ok += g.get("kind") == p.get("kind")
            if isinstance(g.get("speaker"), Mapping):
                spk_n += 1
                spk_ok += speaker_correct(g, p)
                if g["speaker"].get("name"):
                    name_n += 1
                    name_ok += speaker_name_correct(g, p)
            if isinstance(g.get("cue"), Mapping):
                cue_n += 1
                cue_ok += cue_correct(g, p)
    p_, r_, f_ = prf(tp, n_pred, tp, n_gold)
    return {"gold": n_gold, "pred": n_pred, "tp": tp, "content_p": p_, "content_r": r_, "content_f1": f_,
            "speaker_n": spk_n, "speaker_correct": spk_ok, "speaker_acc": _ratio(spk_ok, spk_n),
            "speaker_e2e": _ratio(spk_ok, with_speaker),
            "speaker_name_n": name_n, "speaker_name_acc": _ratio(name_ok, name_n),
            "cue_n": cue_n, "cue_correct": cue_ok, "cue_acc": _ratio(cue_ok, cue_n),
            "kind_acc": _ratio(kind_ok, tp)}


def score_quotes(pairs: Sequence[DocPair]) -> dict[str, Any]:
    """Content P/R/F1 and speaker/cue/kind accuracies, for all quotes and per kind."""
    out = _quote_block(pairs, None)
    direct = _quote_block(pairs, "direct")
    out.update({f"direct_{k}": v for k, v in direct.items()})
    out["per_kind"] = {"direct": direct, "indirect": _quote_block(pairs, "indirect")}
    return out


# -- times ----------------------------------------------------------------------------------------


def norm_value(value: Any) -> str:
    """A TimeML value or type for comparison: stripped, upper-cased, '' for null."""
    return "" if value is None else str(value).strip().upper()


def _same_span(g: Item, p: Item) -> int | None:
    return 1 if span_of_item(g) == span_of_item(p) else None


def score_times(pairs: Sequence[DocPair]) -> dict[str, Any]:
    """Strict, relaxed and value P/R/F1 (TempEval-3), accuracies, and a per-type table."""
    n_gold = n_pred = strict_tp = relaxed_tp = value_tp = type_ok = 0
    table: dict[str, dict[str, int]] = {}

    def row(t: str) -> dict[str, int]:
        return table.setdefault(t or "(none)", {"gold": 0, "pred": 0, "relaxed_gold": 0, "relaxed_pred": 0,
                                                "value_gold": 0, "value_pred": 0})

    for doc in pairs:
        gold, pred = _spanned(doc.gold), _spanned(doc.pred)
        n_gold += len(gold)
        n_pred += len(pred)
        for g in gold:
            row(norm_value(g.get("type")))["gold"] += 1
        for p in pred:
            row(norm_value(p.get("type")))["pred"] += 1
        strict_tp += len(greedy_pairs(gold, pred, _same_span))
        relaxed = greedy_pairs(gold, pred, _overlap_score)
        relaxed_tp += len(relaxed)
        for i, j in relaxed:
            g_type, p_type = norm_value(gold[i].get("type")), norm_value(pred[j].get("type"))
            same_value = norm_value(gold[i].get("value")) == norm_value(pred[j].get("value"))
            value_tp += same_value
            type_ok += g_type == p_type
            row(g_type)["relaxed_gold"] += 1
            row(p_type)["relaxed_pred"] += 1
            row(g_type)["value_gold"] += same_value
            row(p_type)["value_pred"] += same_value
    s, r, v = (prf(tp, n_pred, tp, n_gold) for tp in (strict_tp, relaxed_tp, value_tp))
    per_type = {}
    for t, c in sorted(table.items()):
        rp, rr, rf = prf(c["relaxed_pred"], c["pred"], c["relaxed_gold"], c["gold"])
        vp, vr, vf = prf(c["value_pred"], c["pred"], c["value_gold"], c["gold"])
        per_type[t] = {**c, "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
                       "value_p": vp, "value_r": vr, "value_f1": vf}
    return {"gold": n_gold, "pred": n_pred,
            "strict_tp": strict_tp, "strict_p": s[0], "strict_r": s[1], "strict_f1": s[2],
            "relaxed_tp": relaxed_tp, "relaxed_p": r[0], "relaxed_r": r[1], "relaxed_f1": r[2],
            "value_tp": value_tp, "value_p": v[0], "value_r": v[1], "value_f1": v[2],
            "value_acc": _ratio(value_tp, relaxed_tp), "type_acc": _ratio(type_ok, relaxed_tp),
            "per_type": per_type}


# -- places ---------------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def coords(item: Item) -> tuple[float, float] | None:
    """Valid ``(lat, lon)`` of an item, else None."""
    lat, lon = item.get("lat"), item.get("lon")
    for x in (lat, lon):
        if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
            return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return float(lat), float(lon)


def geo_pairs(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[int, int, float | None]]:
    """Overlap pairs of toponyms with their error in km (None when a side lacks coordinates)."""
    out = []
    for i, j in greedy_pairs(gold, pred, _overlap_score):
        a, b = coords(gold[i]), coords(pred[j])
        out.append((i, j, haversine_km(*a, *b) if a and b else None))
    return out


def score_places(pairs: Sequence[DocPair]) -> dict[str, Any]:
    """Toponym P/R/F1 by overlap, geocoding accuracy within 161 km, and a per-gwn_type table."""
    n_gold = n_pred = gold_hit = pred_hit = 0
    errors: list[float] = []
    table: dict[str, dict[str, int]] = {}
    for doc in pairs:
        gold, pred = _spanned(doc.gold), _spanned(doc.pred)
        n_gold += len(gold)
        n_pred += len(pred)
        pred_spans = [span_of_item(p) for p in pred]
        gold_spans = [span_of_item(g) for g in gold]
        found = [any(overlap(g, p) for p in pred_spans) for g in gold_spans]
        gold_hit += sum(found)
        pred_hit += sum(1 for p in pred_spans if any(overlap(g, p) for g in gold_spans))
        typed = any(g.get("gwn_type") for g in gold)
        for g, hit in zip(gold, found):
            if typed:
                row = table.setdefault(str(g.get("gwn_type") or "(none)"),
                                       {"gold": 0, "found": 0, "geo_pairs": 0, "within": 0})
                row["gold"] += 1
                row["found"] += hit
        for i, _, km in geo_pairs(gold, pred):
            if km is None:
                continue
            errors.append(km)
            if typed:
                row = table[str(gold[i].get("gwn_type") or "(none)")]
                row["geo_pairs"] += 1
                row["within"] += km <= WITHIN_KM
    p_, r_, f_ = prf(pred_hit, n_pred, gold_hit, n_gold)
    within = sum(1 for km in errors if km <= WITHIN_KM)
    per_type = {t: {**c, "r": _ratio(c["found"], c["gold"]), "acc161": _ratio(c["within"], c["geo_pairs"])}
                for t, c in sorted(table.items())}
    return {"gold": n_gold, "pred": n_pred, "gold_matched": gold_hit, "pred_matched": pred_hit,
            "p": p_, "r": r_, "f1": f_, "geo_pairs": len(errors), "acc161": _ratio(within, len(errors)),
            "median_km": statistics.median(errors) if errors else None,
            "mean_km": statistics.fmean(errors) if errors else None,
            "acc161_e2e": _ratio(within, n_gold), "per_gwn_type": per_type}


# -- entry points ---------------------------------------------------------------------------------

SCORERS: dict[str, Callable[[Sequence[DocPair]], dict[str, Any]]] = {
    "events": score_events, "quotes": score_quotes, "times": score_times, "places": score_places,
}


def score_pairs(task: str, pairs: Sequence[DocPair], info: Mapping[str, int] | None = None) -> dict[str, Any]:
    """Every figure of ``task`` over paired documents, with the bookkeeping counts first."""
    if task not in SCORERS:
        raise EvaluationError(f"unknown task {task!r}: choose one of {', '.join(TASKS)}")
    return {"task": task, **(info or {}), **SCORERS[task](pairs)}


def score(task: str, gold_docs: Iterable[Mapping[str, Any]], pred_docs: Iterable[Any], *,
          unreadable: int = 0) -> dict[str, Any]:
    """Score predicted article records against gold documents for one task."""
    pairs, info = pair_documents(task, gold_docs, pred_docs, unreadable=unreadable)
    return score_pairs(task, pairs, info)
