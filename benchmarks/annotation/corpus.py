"""The real-news event corpus: its documents (texts from ../shared, cut and split into sentences
once, stored as offsets), stand-off annotations, and the codes an annotation may use."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO / "benchmarks" / "data" / "news_events"
DOCUMENTS = CORPUS_DIR / "documents.jsonl"
RAW_DIR = CORPUS_DIR / "raw"
GOLD_DIR = REPO.parent / "shared" / "eval" / "gold"
SOURCE_SETS = ("tbaq_times", "gwn_places", "polnear_quotes")

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "primitive", "firearms", "explosives",
                "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "destroy",
                "unconventional"),
}
STATUSES = ("asserted", "reported", "planned", "hypothetical", "negated")
SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "UAF", "SPY", "PRM", "CVL", "BUS",
           "CRM", "JRN", "LAB", "MED", "EDU", "REL", "REF", "ELI", "SOC", "PRE", "UNK", "AGR")
NON_STATE = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")
EXTRA_COUNTRIES = ("XKX", "PSE", "TWN", "HKG")
GENRES = ("intl", "domestic", "other")
CONTEXTS = ("military", "intelligence", "executive", "legislative", "election", "political_institutions",
            "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
            "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
            "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
            "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
            "misinformation", "crime", "corruption", "illegal_drugs", "trafficking")

_OCCURRENCE = re.compile(r"^(.*?)#(\d+)$", re.S)


def country_codes() -> set[str]:
    """Every code an actor's ``country`` may take."""
    import pycountry

    return {c.alpha_3 for c in pycountry.countries} | set(NON_STATE) | set(EXTRA_COUNTRIES)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def source_texts() -> dict[str, dict[str, Any]]:
    """The gold lines of the three source sets by document id (text, published, source)."""
    texts: dict[str, dict[str, Any]] = {}
    for name in SOURCE_SETS:
        for doc in read_jsonl(GOLD_DIR / f"{name}.jsonl"):
            texts[doc["id"]] = {"id": doc["id"], "set": name, "text": doc["text"],
                                "published": doc.get("published"), "source": doc.get("source"),
                                "title": doc.get("title")}
    return texts


def documents() -> dict[str, dict[str, Any]]:
    """The corpus documents by id, each joined with its (cut) text from ../shared."""
    texts = source_texts()
    docs = {}
    for meta in read_jsonl(DOCUMENTS):
        full = texts[meta["id"]]
        docs[meta["id"]] = {**meta, "text": full["text"][: meta["end"]], "published": full["published"],
                            "source": full["source"]}
    return docs


def split_unit(unit: str) -> tuple[str, int]:
    """``(document id, part)`` of an annotation unit: ``ID`` is part 1, ``ID+2`` part 2, ``ID+3`` part 3."""
    for part in (2, 3):
        if unit.endswith(f"+{part}"):
            return unit[:-2], part
    return unit, 1


def part_bounds(doc: dict[str, Any]) -> list[int]:
    """Sentence numbers where the parts of a document start, and its sentence count at the end."""
    n = len(doc["sentences"])
    bounds = [0, doc.get("part1", n)]
    if doc.get("part2") is not None:
        bounds.append(doc["part2"])
    if bounds[-1] < n:
        bounds.append(n)
    return bounds


def part_range(doc: dict[str, Any], part: int) -> tuple[int, int]:
    """The sentence numbers [first, last) of one part of a document."""
    bounds = part_bounds(doc)
    if part >= len(bounds):
        return bounds[-1], bounds[-1]
    return bounds[part - 1], bounds[part]


def _pattern(span: str) -> re.Pattern[str]:
    """A pattern for a span typed from the printed (whitespace-collapsed) sentence."""
    return re.compile(r"\s+".join(re.escape(part) for part in span.split()))


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether a match starts and ends at word boundaries (where its own edge is a word character)."""
    left = not (text[start].isalnum() and start > 0 and text[start - 1].isalnum())
    right = not (text[end - 1].isalnum() and end < len(text) and text[end].isalnum())
    return left and right


def locate(sentence_text: str, offset: int, span: str) -> tuple[int, int] | None:
    """Offsets of ``span`` (``text#N`` picks the N-th occurrence) inside a sentence starting at
    ``offset``, or None when it does not occur. Runs of whitespace match any whitespace. Occurrences
    are counted as plain substrings (as annotators counted them); a hit inside a word ("he" in
    "the") moves on to the next occurrence that stands as a word of its own, when there is one."""
    occurrence = 1
    match = _OCCURRENCE.match(span)
    if match and match.group(1):
        span, occurrence = match.group(1), int(match.group(2))
    if not span.strip():
        return None
    found = list(_pattern(span).finditer(sentence_text))
    if len(found) < occurrence:
        return None
    hits = found[occurrence - 1:]
    hit = next((h for h in hits if _bounded(sentence_text, h.start(), h.end())), hits[0])
    return offset + hit.start(), offset + hit.end()


def locate_before(text: str, limit: int, span: str) -> tuple[int, int] | None:
    """The last occurrence of ``span`` that ends at or before ``limit``, preferring whole words."""
    if not span.strip():
        return None
    found = [m for m in _pattern(span).finditer(text) if m.end() <= limit]
    bounded = [m for m in found if _bounded(text, m.start(), m.end())]
    pick = (bounded or found or [None])[-1]
    return (pick.start(), pick.end()) if pick else None


def raw_files(annotator: str | None = None) -> Iterator[Path]:
    pattern = f"{annotator}/*.jsonl" if annotator else "*/*.jsonl"
    yield from sorted(RAW_DIR.glob(pattern))


def _actor(doc: dict[str, Any], sentence: tuple[int, int], raw: Any, where: str, codes: set[str],
           errors: list[str]) -> dict[str, Any] | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        errors.append(f"{where}: an actor is an object with a 'text'")
        return None
    start, end = sentence
    span = locate(doc["text"][start:end], start, raw["text"])
    if span is None:
        errors.append(f"{where}: actor text {raw['text']!r} is not in sentence")
        return None
    actor: dict[str, Any] = {"start": span[0], "end": span[1], "text": doc["text"][span[0]:span[1]],
                             "country": raw.get("country"), "sector": raw.get("sector")}
    if actor["country"] is not None and actor["country"] not in codes:
        errors.append(f"{where}: unknown country code {actor['country']!r} (ISO alpha-3 or {', '.join(NON_STATE)})")
    if actor["sector"] is not None and actor["sector"] not in SECTORS:
        errors.append(f"{where}: unknown sector {actor['sector']!r}")
    if raw.get("name"):
        actor["name"] = str(raw["name"])
    if raw.get("ante"):
        ante = locate_before(doc["text"], end, str(raw["ante"]))
        if ante is None:
            errors.append(f"{where}: ante {raw['ante']!r} does not occur before the end of the sentence")
        else:
            actor["ante"] = {"start": ante[0], "end": ante[1], "text": doc["text"][ante[0]:ante[1]]}
    return actor


def resolve_event(doc: dict[str, Any], raw: dict[str, Any], where: str, codes: set[str],
                  errors: list[str], part: int = 1) -> dict[str, Any] | None:
    """One raw event line turned into a stand-off event with offsets (errors appended)."""
    n_errors = len(errors)
    s = raw.get("s")
    first, last = part_range(doc, part)
    if part == 1 and isinstance(s, int) and last <= s < len(doc["sentences"]):
        return None  # sentence of a later part (shown for a while by mistake): annotated with that part
    if not isinstance(s, int) or not first <= s < last:
        errors.append(f"{where}: 's' must be a sentence number {first}..{last - 1} (part {part})")
        return None
    sentence = tuple(doc["sentences"][s])
    etype, mode, status = raw.get("type"), raw.get("mode"), raw.get("status")
    if etype not in TYPES:
        errors.append(f"{where}: unknown type {etype!r}")
    elif mode is not None and mode not in MODES.get(etype, ()):
        errors.append(f"{where}: mode {mode!r} is not one of {etype}'s: {', '.join(MODES.get(etype, ())) or 'none'}")
    if status not in STATUSES:
        errors.append(f"{where}: status must be one of {', '.join(STATUSES)}")
    start, end = sentence
    trigger = locate(doc["text"][start:end], start, str(raw.get("trigger") or ""))
    if trigger is None:
        errors.append(f"{where}: trigger {raw.get('trigger')!r} is not in sentence {s}")
    context = raw.get("context") or []
    if not isinstance(context, list) or any(c not in CONTEXTS for c in context):
        errors.append(f"{where}: context must be a list of PLOVER context names")
        context = []
    roles = {}
    for role in ("source", "target"):
        items = raw.get(role) or []
        if not isinstance(items, list):
            errors.append(f"{where}: {role} must be a list")
            items = []
        roles[role] = [a for a in (_actor(doc, sentence, item, f"{where} {role}", codes, errors) for item in items) if a]
    attributed = None
    if raw.get("attributed_to"):
        span = locate(doc["text"][start:end], start, str(raw["attributed_to"]))
        if span is None:
            errors.append(f"{where}: attributed_to {raw['attributed_to']!r} is not in sentence {s}")
        else:
            attributed = {"start": span[0], "end": span[1], "text": doc["text"][span[0]:span[1]]}
    if len(errors) > n_errors:
        return None
    return {"sentence": s, "type": etype, "mode": mode, "status": status,
            "trigger": {"start": trigger[0], "end": trigger[1], "text": doc["text"][trigger[0]:trigger[1]]},
            "source": roles["source"], "target": roles["target"], "attributed_to": attributed,
            "context": context}


def resolve_file(path: Path, docs: dict[str, dict[str, Any]], codes: set[str]) -> tuple[dict[str, Any] | None, list[str]]:
    """A raw annotation file as ``{"doc", "annotator", "genre", "events"}`` and its errors."""
    errors: list[str] = []
    try:
        lines = read_jsonl(path)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return None, [f"{path.name}: not JSON Lines ({exc})"]
    if not lines or "doc" not in lines[0]:
        return None, [f"{path.name}: the first line must be {{\"doc\": ID, \"genre\": ...}}"]
    head = lines[0]
    base, part = split_unit(str(head["doc"]))
    doc = docs.get(base)
    if doc is None:
        return None, [f"{path.name}: no document {head['doc']!r} in the corpus"]
    if path.stem != head["doc"]:
        errors.append(f"{path.name}: the file must be named after its document ({head['doc']}.jsonl)")
    if head.get("genre") not in GENRES:
        errors.append(f"{path.name}: genre must be one of {', '.join(GENRES)}")
    events = []
    for n, raw in enumerate(lines[1:], 2):
        event = resolve_event(doc, raw, f"{path.name} line {n}", codes, errors, part)
        if event:
            events.append(event)
    return {"doc": base, "part": part, "annotator": path.parent.name, "genre": head.get("genre"),
            "events": events}, errors
