"""Typed, frozen records for everything that leaves a stage (the article record of FORMAT.md).

Every record with a span carries ``start``/``end`` character offsets into the input text exactly
as given, end-exclusive, so ``text[start:end] == span.text``. ``to_dict()`` yields FORMAT.md's
field names; unknown values are ``None`` or ``[]``, never invented.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "Span", "Zone", "Dateline", "Layout", "SourceDocument", "Actor", "Quote", "TimeExpr",
    "Place", "Location", "Event", "Article", "Failure", "span_of", "record_to_dict",
]

ZoneKind = Literal["navigation", "title", "standfirst", "caption", "credit", "dateline", "body"]
QuoteKind = Literal["direct", "indirect"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
EventStatus = Literal["asserted", "planned", "hypothetical", "negated", "reported"]


def record_to_dict(value: Any) -> Any:
    """Plain JSON-ready data from a record, tuple or list of records (FORMAT.md shape)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [record_to_dict(v) for v in value]
    if isinstance(value, dict):
        return {k: record_to_dict(v) for k, v in value.items()}
    return value


def _fields_dict(record: Any) -> dict[str, Any]:
    return {f.name: record_to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the input text: ``text == input[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


def span_of(text: str, start: int, end: int) -> Span:
    """The span of ``text`` between two offsets."""
    return Span(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Zone:
    """A labelled region of the article's layout (headline, caption, body ...)."""

    kind: ZoneKind
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Dateline:
    """A wire lead such as ``RIYADH, October 14. /TASS/.``; ``date`` is ISO or None."""

    start: int
    end: int
    text: str
    place: str | None
    date: str | None
    agency: str | None
    place_span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"place": self.place, "date": self.date, "agency": self.agency,
                "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the parts of a wire story are. Offsets into the input text.

    ``excluded`` zones (navigation, captions, credits) are never read by the extractors.
    """

    zones: tuple[Zone, ...]
    title: Span | None
    standfirst: tuple[Span, ...]
    dateline: Dateline | None
    body: Span | None

    @property
    def excluded(self) -> tuple[Zone, ...]:
        return tuple(z for z in self.zones if z.kind in ("navigation", "caption", "credit"))


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One input article as read, before any analysis.

    ``origin`` says where it came from (``path`` or ``path:line``) for error reports.
    ``encoding`` names the encoding its bytes were decoded from when that was a guess (they were
    not UTF-8 and declared no encoding); None otherwise.
    """

    text: str
    id: str | None = None
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    origin: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A mention of a person, organisation, state or group, coded when known.

    Offsets may be None for an actor inferred without a mention (e.g. an implied source).
    ``antecedent`` is the span a pronoun, title or short name was resolved to (``kind``
    "resolved"); it is left out of ``to_dict()`` when there is none.
    """

    start: int | None
    end: int | None
    text: str | None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    antecedent: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        out = _fields_dict(self)
        if self.antecedent is None:
            del out["antecedent"]
        return out


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement: its content, who made it (resolved when possible), the cue and the date."""

    kind: QuoteKind
    content: Span
    speaker: Actor | None
    cue: Span | None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression with its TimeML value (``2019-10-14``, ``PAST_REF``, ``P3D``)."""

    start: int
    end: int
    text: str
    value: str | None
    type: TimeType

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved against the gazetteer (``geonameid`` None when unresolved).

    ``role`` says how the text uses the name, when it is not plainly as a location: ``demonym``
    (a nationality word, "Syrian troops"), ``modifier`` (a name qualifying a noun, "the Moscow
    talks"), ``metonym`` (a place standing for its government or people, "Washington said") or
    ``embedded`` (inside another name, "Toronto Police"); None for a literal use.
    """

    start: int
    end: int
    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None
    score: float | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: a place mention reduced to what event data needs."""

    text: str | None
    name: str | None
    lat: float | None
    lon: float | None
    country: str | None
    start: int | None = None
    end: int | None = None
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event with its CAMEO/QuadClass/Goldstein equivalents."""

    type: str
    trigger: Span
    sentence: Span
    source: tuple[Actor, ...] = ()
    target: tuple[Actor, ...] = ()
    mode: str | None = None
    context: tuple[str, ...] = ()
    date: str | None = None
    location: Location | None = None
    cameo: str | None = None
    quad: int | None = None
    goldstein: float | None = None
    status: EventStatus = "asserted"
    attributed_to: str | None = None
    confidence: float | None = None
    evidence: dict[str, Any] | None = dataclasses.field(default=None, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        out = _fields_dict(self)
        out["sentence"] = {"start": self.sentence.start, "end": self.sentence.end}
        return out


@dataclass(frozen=True, slots=True)
class Article:
    """The article record of FORMAT.md."""

    id: str
    text: str
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    dateline: Dateline | None = None
    body: Span | None = None
    zones: tuple[Zone, ...] = ()
    sentences: tuple[Span, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    origin: str | None = None
    encoding: str | None = None

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """FORMAT.md's record; the input text itself only when asked for.

        ``encoding`` is there only when the text was decoded from a guessed encoding.
        """
        out: dict[str, Any] = {
            "id": self.id, "published": self.published, "source": self.source,
            "title": self.title, "url": self.url,
            "dateline": record_to_dict(self.dateline),
            "body": {"start": self.body.start, "end": self.body.end} if self.body else None,
            "zones": record_to_dict(self.zones),
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
            "actors": record_to_dict(self.actors),
            "quotes": record_to_dict(self.quotes),
            "times": record_to_dict(self.times),
            "places": record_to_dict(self.places),
            "events": record_to_dict(self.events),
        }
        if self.encoding is not None:
            out["encoding"] = self.encoding
        if include_text:
            out["text"] = self.text
        return out


@dataclass(frozen=True, slots=True)
class Failure:
    """An article that could not be processed: where it came from, at which stage, and why."""

    origin: str
    stage: str
    reason: str
    id: str | None = None
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "origin": self.origin, "stage": self.stage, "reason": self.reason,
                "detail": self.detail}
