"""The errors behind the figures: missed gold items, false positives and wrong values.

Each error is a :class:`Miss` with the offsets of the item and of the sentence around it, so a
developer can see what to fix. :func:`worst` ranks them: errors whose surface form recurs most
come first, because fixing one of them fixes the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .io import DocPair
from .metrics import (
    WITHIN_KM, active_events, content_match, country_set, dyad_matches, event_type, geo_pairs,
    greedy_pairs, norm_value, overlap, quote_items, span_of_item, speaker_correct,
)

__all__ = ["Miss", "MissGroup", "find_misses", "worst", "KIND_ORDER"]

Item = Mapping[str, Any]

#: Error kinds, most serious first (used to break ties when ranking).
KIND_ORDER: tuple[str, ...] = ("missed", "false positive", "wrong dyad", "wrong speaker", "wrong value",
                               "wrong type", "far")


@dataclass(frozen=True, slots=True)
class Miss:
    """One scoring error in one document; offsets are into the gold document's text."""

    task: str
    kind: str
    doc_id: str
    start: int | None
    end: int | None
    text: str
    label: str | None = None
    detail: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    sentence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"task": self.task, "kind": self.kind, "doc_id": self.doc_id, "start": self.start,
                "end": self.end, "text": self.text, "label": self.label, "detail": self.detail,
                "sentence": None if self.sentence is None else
                {"start": self.sentence_start, "end": self.sentence_end, "text": self.sentence}}


@dataclass(frozen=True, slots=True)
class MissGroup:
    """Errors of one kind that share a surface form; ``example`` is the first of them."""

    count: int
    example: Miss
    doc_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "example": self.example.to_dict(), "doc_ids": list(self.doc_ids)}


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n")


def _sentence_around(doc: DocPair, span: tuple[int, int] | None,
                     hint: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The sentence holding ``span``: a given one, a predicted one, else one found by punctuation."""
    if span is None:
        return hint
    if hint and hint[0] <= span[0] < hint[1]:
        return hint
    for start, end in doc.sentences:
        if start <= span[0] < end:
            return (start, max(end, span[1]))
    text = doc.text
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, span[0]):
        start = m.end()
    m = _SENTENCE_END.search(text, span[1])
    end = m.start() + 1 if m else len(text)
    return (start, min(len(text), max(end, span[1])))


def _miss(task: str, kind: str, doc: DocPair, item: Item | None, *, span_item: Any = None,
          label: str | None = None, detail: str | None = None, hint: Any = None) -> Miss:
    span = span_of_item(span_item if span_item is not None else item)
    if span and (span[0] < 0 or span[1] > len(doc.text)):
        span = None
    source = span_item if isinstance(span_item, Mapping) else item if isinstance(item, Mapping) else {}
    text = doc.text[span[0]:span[1]] if span else str(source.get("text") or "")
    sentence = _sentence_around(doc, span, span_of_item(hint))
    if sentence:
        sentence = (max(0, sentence[0]), min(len(doc.text), sentence[1]))
        sentence = sentence if sentence[0] < sentence[1] else None
    return Miss(task=task, kind=kind, doc_id=doc.id, start=span[0] if span else None,
                end=span[1] if span else None, text=text, label=None if label is None else str(label),
                detail=detail,
                sentence_start=sentence[0] if sentence else None,
                sentence_end=sentence[1] if sentence else None,
                sentence=doc.text[sentence[0]:sentence[1]] if sentence else None)


def _times(doc: DocPair) -> list[Miss]:
    gold = [t for t in doc.gold if span_of_item(t)]
    pred = [t for t in doc.pred if span_of_item(t)]
    pairs = greedy_pairs(gold, pred, lambda g, p: overlap(span_of_item(g), span_of_item(p)) or None)
    out = []
    for i, j in pairs:
        g, p = gold[i], pred[j]
        if norm_value(g.get("value")) != norm_value(p.get("value")):
            out.append(_miss("times", "wrong value", doc, g, label=str(g.get("type") or ""),
                             detail=f"predicted {p.get('value')!r} for gold {g.get('value')!r}"))
        elif norm_value(g.get("type")) != norm_value(p.get("type")):
            out.append(_miss("times", "wrong type", doc, g, label=str(g.get("type") or ""),
                             detail=f"predicted type {p.get('type')!r}"))
    out += [_miss("times", "missed", doc, g, label=str(g.get("type") or ""), detail=f"value {g.get('value')!r}")
            for i, g in enumerate(gold) if i not in {a for a, _ in pairs}]
    out += [_miss("times", "false positive", doc, p, label=str(p.get("type") or ""),
                  detail=f"value {p.get('value')!r}")
            for j, p in enumerate(pred) if j not in {b for _, b in pairs}]
    return out


def _places(doc: DocPair) -> list[Miss]:
    gold = [t for t in doc.gold if span_of_item(t)]
    pred = [t for t in doc.pred if span_of_item(t)]
    out = [_miss("places", "missed", doc, g, label=g.get("gwn_type"), detail=f"gold {g.get('name')!r}")
           for g in gold if not any(overlap(span_of_item(g), span_of_item(p)) for p in pred)]
    out += [_miss("places", "false positive", doc, p, detail=f"resolved to {p.get('name')!r}")
            for p in pred if not any(overlap(span_of_item(g), span_of_item(p)) for g in gold)]
    for i, j, km in geo_pairs(gold, pred):
        if km is not None and km > WITHIN_KM:
            g, p = gold[i], pred[j]
            out.append(_miss("places", "far", doc, g, label=g.get("gwn_type"),
                             detail=f"{km:,.0f} km off: predicted {p.get('name')!r} "
                                    f"({p.get('lat')}, {p.get('lon')}) for gold {g.get('name')!r}"))
    return out


def _speaker_text(q: Item) -> str:
    s = q.get("speaker")
    if not isinstance(s, Mapping):
        return "none"
    name = f" = {s.get('name')}" if s.get("name") else ""
    return f"{s.get('text')!r}{name}"


def _quotes(doc: DocPair) -> list[Miss]:
    gold, pred = quote_items(doc.gold, None), quote_items(doc.pred, None)
    pairs = greedy_pairs(gold, pred, content_match)
    out = []
    for i, j in pairs:
        g, p = gold[i], pred[j]
        if isinstance(g.get("speaker"), Mapping) and not speaker_correct(g, p):
            out.append(_miss("quotes", "wrong speaker", doc, g, span_item=g.get("content"), label=g.get("kind"),
                             detail=f"speaker {_speaker_text(p)}, gold {_speaker_text(g)}"))
    out += [_miss("quotes", "missed", doc, g, span_item=g.get("content"), label=g.get("kind"),
                  detail=f"speaker {_speaker_text(g)}")
            for i, g in enumerate(gold) if i not in {a for a, _ in pairs}]
    out += [_miss("quotes", "false positive", doc, p, span_item=p.get("content"), label=p.get("kind"),
                  detail=f"speaker {_speaker_text(p)}")
            for j, p in enumerate(pred) if j not in {b for _, b in pairs}]
    return out


def _dyad_text(e: Item) -> str:
    return (f"{'/'.join(sorted(country_set(e.get('source')))) or '-'} → "
            f"{'/'.join(sorted(country_set(e.get('target')))) or '-'}")


def _events(doc: DocPair) -> list[Miss]:
    gold, pred = active_events(doc.gold), active_events(doc.pred)
    matched = dyad_matches(gold, pred)
    free_gold = [i for i in range(len(gold)) if i not in {a for a, _ in matched}]
    free_pred = [j for j in range(len(pred)) if j not in {b for _, b in matched}]
    out = []
    for i in list(free_gold):
        for j in free_pred:
            if event_type(pred[j]) == event_type(gold[i]):
                g, p = gold[i], pred[j]
                out.append(_miss("events", "wrong dyad", doc, g, span_item=g.get("trigger"), label=event_type(g),
                                 detail=f"predicted {_dyad_text(p)}, gold {_dyad_text(g)}",
                                 hint=p.get("sentence")))
                free_gold.remove(i)
                free_pred.remove(j)
                break
    for i in list(free_gold):
        g_span = span_of_item(gold[i].get("trigger"))
        for j in free_pred:
            p_span = span_of_item(pred[j].get("trigger"))
            if g_span and p_span and overlap(g_span, p_span):
                out.append(_miss("events", "wrong type", doc, gold[i], span_item=gold[i].get("trigger"),
                                 label=event_type(gold[i]),
                                 detail=f"predicted {event_type(pred[j])} {_dyad_text(pred[j])} for gold "
                                        f"{event_type(gold[i])} {_dyad_text(gold[i])}",
                                 hint=pred[j].get("sentence")))
                free_gold.remove(i)
                free_pred.remove(j)
                break
    out += [_miss("events", "missed", doc, gold[i], span_item=gold[i].get("trigger"),
                  label=event_type(gold[i]), detail=f"gold {_dyad_text(gold[i])}") for i in free_gold]
    out += [_miss("events", "false positive", doc, pred[j], span_item=pred[j].get("trigger"),
                  label=event_type(pred[j]), detail=f"predicted {_dyad_text(pred[j])}",
                  hint=pred[j].get("sentence")) for j in free_pred]
    return out


_FINDERS = {"times": _times, "places": _places, "quotes": _quotes, "events": _events}


def find_misses(task: str, pairs: Iterable[DocPair]) -> list[Miss]:
    """Every scoring error of ``task`` in the paired documents, in document order."""
    finder = _FINDERS[task]
    return [m for doc in pairs for m in finder(doc)]


def _key(m: Miss) -> tuple[str, str, str]:
    surface = re.sub(r"\d", "0", " ".join(m.text.lower().split()))
    return (m.kind, m.label or "", surface)


def worst(misses: Sequence[Miss], n: int) -> list[MissGroup]:
    """The ``n`` most instructive errors: grouped by kind and surface form, biggest groups first."""
    groups: dict[tuple[str, str, str], list[Miss]] = {}
    for m in misses:
        groups.setdefault(_key(m), []).append(m)
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    ordered = sorted(groups.values(), key=lambda ms: (-len(ms), rank.get(ms[0].kind, len(rank))))
    return [MissGroup(count=len(ms), example=ms[0], doc_ids=tuple(dict.fromkeys(m.doc_id for m in ms)))
            for ms in ordered[:max(0, n)]]
