"""Wire layout: navigation, headline, standfirst, captions, credits, dateline and body.

``analyse_layout`` labels the parts of a wire story with offsets into the input text. It is
conservative: a line is excluded (navigation, caption, credit) only on clear evidence, and a
plain text without layout is all body.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

from ..knowledge.cache import SHARED
from ..knowledge.wire import WireKnowledge
from ..records import Layout, Span, Zone
from .datelines import find_dateline
from .lines import Line, split_lines
from .published import is_stamp_line

__all__ = ["analyse_layout", "Line", "split_lines"]

log = logging.getLogger(__name__)

TITLE_MAX_CHARS = 250
TITLE_MAX_WORDS = 30
CAPTION_MAX_CHARS = 300
_SENTENCE_END = ".!?…"
_CLOSERS = "\"”’'»)]"
_EXCLUDED = ("navigation", "caption", "credit")


@dataclass(frozen=True, slots=True)
class _Patterns:
    navigation: frozenset[str]
    glued_navigation: re.Pattern[str]
    credit_line: re.Pattern[str]
    credit_tail: re.Pattern[str]
    byline: re.Pattern[str]
    agency_any: re.Pattern[str]
    openers: tuple[str, ...]
    caption_line: re.Pattern[str]

    def is_credit(self, text: str) -> bool:
        """A whole credit: an opener ("©", "Photo:") or names and agencies joined by slashes."""
        if not self.credit_line.fullmatch(text):
            return False
        return (text.startswith(self.openers) or text.lstrip("(").startswith(self.openers)
                or self.agency_any.search(text) is not None)


def _alternatives(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+")
                    for p in sorted(set(phrases), key=len, reverse=True))


_CAP = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ"  # capital letters that open a name in a credit


def _patterns(knowledge: WireKnowledge) -> _Patterns:
    agencies = _alternatives(knowledge.credit_agencies)
    openers = _alternatives(knowledge.credit_openers)
    word = rf"[{_CAP}][\w'’.\-]*"
    name = rf"{word}(?:\s+(?:{word}|de|van|von|al|el|da|di|la|le)){{0,2}}"
    short_name = rf"{word}(?:\s+{word})?"
    agency_credit = rf"(?i:{agencies})(?:\s+(?i:via)\s+(?i:{agencies}))?"
    item = rf"(?:{agency_credit}|{name}(?:\s+(?i:via)\s+{agency_credit})?)"
    first_item = rf"(?:{agency_credit}|{short_name}(?:\s+(?i:via)\s+{agency_credit})?)"
    # "Mikhail Metzel/TASS", "REUTERS/Maxim Shemetov", "Sputnik/Jo Doe/Kremlin via REUTERS",
    # "Getty Images", "Bloomberg via Getty Images": slashes between names and agencies.
    credit = rf"(?:{item}(?:\s*/\s*{item}){{1,3}}|{agency_credit}|{name}\s+(?i:via)\s+{agency_credit})"
    tail_credit = rf"(?:{first_item}(?:\s*/\s*{item}){{1,3}}|{name}\s+(?i:via)\s+{agency_credit})"
    opened = rf"(?:{openers})\s*[^\n]{{1,200}}"
    credit_line = re.compile(rf"\(?(?:{opened}|{credit})\)?\.?")
    credit_tail = re.compile(rf"(?:(?<=\s)|(?<=[.!?;,]))\(?(?:(?:{openers})\s*[^\n]{{1,80}}|{tail_credit})\)?\.?$")
    agency_any = re.compile(rf"(?<!\w)(?i:{agencies})(?!\w)")
    caption_line = re.compile(rf"(?:{_alternatives(knowledge.caption_openers)})\s*\S[^\n]*") \
        if knowledge.caption_openers else re.compile(r"(?!)")
    glued = re.compile(rf"(?<=[{re.escape(_SENTENCE_END + _CLOSERS)}])(?:{_alternatives(knowledge.navigation)})\s*$")
    byline = re.compile(rf"(?:{_alternatives(knowledge.byline_openers)})\s+[{_CAP}]\S*(?:\s+\S+){{0,10}}")
    return _Patterns(navigation=frozenset(_nav_key(p) for p in knowledge.navigation),
                     glued_navigation=glued, credit_line=credit_line, credit_tail=credit_tail, byline=byline,
                     agency_any=agency_any, openers=tuple(knowledge.credit_openers), caption_line=caption_line)


def _nav_key(line: str) -> str:
    return " ".join(line.strip().rstrip(":.»›>|").split()).lower()


def _is_navigation(line: str, patterns: _Patterns) -> bool:
    parts = [p for p in re.split(r"\s*[|·•]\s*", line) if p.strip()]
    return bool(parts) and all(_nav_key(p) in patterns.navigation for p in parts)


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def _adjacent(lines: list[Line], i: int) -> list[int]:
    """Indexes of the lines next to line ``i`` in the same paragraph."""
    out = []
    if i > 0 and not lines[i - 1].blank_after:
        out.append(i - 1)
    if i + 1 < len(lines) and not lines[i].blank_after:
        out.append(i + 1)
    return out


def _split_caption(line: Line, lines: list[Line], i: int, patterns: _Patterns) -> int | None:
    """Where the credit starts in a line "caption credit", or None."""
    for j in _adjacent(lines, i):  # a neighbour repeats the caption: split right after it
        prefix = lines[j].text
        if len(prefix) < len(line.text) and line.text.startswith(prefix):
            rest = line.text[len(prefix):]
            if rest[:1].isspace() and patterns.is_credit(rest.strip()):
                return len(prefix) + (len(rest) - len(rest.lstrip()))
    tail = patterns.credit_tail.search(line.text)
    if tail and tail.start() > 0 and len(line.text[:tail.start()].split()) >= 2 \
            and patterns.is_credit(tail.group(0)):
        return tail.start()
    return None


def _classify_credits(lines: list[Line], patterns: _Patterns) -> dict[int, list[Zone]]:
    """Credit and caption zones per line index."""
    found: dict[int, list[Zone]] = {}
    captions: dict[int, str] = {}
    for i, line in enumerate(lines):
        if len(line.text) > CAPTION_MAX_CHARS:
            continue
        if patterns.is_credit(line.text):
            found[i] = [Zone("credit", line.start, line.end)]
            continue
        cut = _split_caption(line, lines, i, patterns)
        if cut is not None:
            head = line.text[:cut].rstrip()
            found[i] = [Zone("caption", line.start, line.start + len(head)),
                        Zone("credit", line.start + cut, line.end)]
            captions[i] = head.rstrip(" .,;:")
        elif patterns.caption_line.fullmatch(line.text):
            found[i] = [Zone("caption", line.start, line.end)]
    # Caption lines: a line repeating a caption next to it, or a short line right before a credit.
    for i, line in enumerate(lines):
        if i in found or len(line.text) > CAPTION_MAX_CHARS:
            continue
        neighbours = _adjacent(lines, i)
        key = line.text.rstrip(" .,;:")
        repeats = bool(key) and any(captions.get(j) == key for j in neighbours)
        before_credit = (i > 0 and i + 1 in neighbours and i + 1 in found and len(found[i + 1]) == 1
                         and not _ends_sentence(line.text) and len(line.text.split()) <= 25)
        if repeats or before_credit:
            found[i] = [Zone("caption", line.start, line.end)]
    return found


def _locate_title(text: str, title: str, limit: int) -> Span | None:
    """The given title where it stands as a line of its own in the opening of the text."""
    words = title.split()
    if not words:
        return None
    pattern = re.compile(r"(?m)^[ \t]*(" + r"\s+".join(re.escape(w) for w in words) + r")[.!?:]?[ \t\r]*$")
    match = pattern.search(text, 0, limit) or re.compile(pattern.pattern, re.IGNORECASE).search(text, 0, limit)
    if match is None:
        return None
    start, end = match.start(1), match.end(1)
    if end < len(text) and text[end] in ".!?:" and not title.rstrip().endswith(text[end]):
        end += 1
    return Span(start, end, text[start:end])


def _looks_like_headline(line: Line, *, before_dateline: bool) -> bool:
    """A short line followed by a blank line; without a dateline also no final full stop."""
    words = line.text.split()
    if len(line.text) > TITLE_MAX_CHARS or len(words) > TITLE_MAX_WORDS or not line.blank_after:
        return False
    if before_dateline:
        return True
    if line.text.endswith((":", ",", ";")) or re.search(r"[a-z]{3}[.!?][\"”’]?\s+[A-Z]", line.text):
        return False  # a lead-in or several sentences
    if not _ends_sentence(line.text) or line.text.endswith("?"):
        return True
    # A headline in title case with a full stop added ("Leaked Documents Reveal Donors.").
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return (len(words) <= 12 and bool(long_words)
            and sum(w[:1].isupper() for w in long_words) >= 0.75 * len(long_words))


def _glued_navigation(text: str, last: Line | None, patterns: _Patterns) -> Zone | None:
    if last is None:
        return None
    match = patterns.glued_navigation.search(last.text)
    if match is None or match.start() == 0 or not match.group(0)[:1].isupper():
        return None
    return Zone("navigation", last.start + match.start(), last.start + len(match.group(0).rstrip()) + match.start())


def _resolve(zones: list[Zone]) -> list[Zone]:
    """Drop zones that overlap a zone of higher priority (dateline > title > excluded > standfirst)."""
    order = {"dateline": 0, "title": 1, "navigation": 2, "credit": 2, "caption": 2, "standfirst": 3}
    starts: list[int] = []
    kept: list[Zone] = []  # non-overlapping, sorted by start
    for zone in sorted(zones, key=lambda z: (order.get(z.kind, 4), z.start)):
        if zone.end <= zone.start:
            continue
        at = bisect.bisect_left(starts, zone.start)
        if at > 0 and kept[at - 1].end > zone.start:
            continue
        if at < len(kept) and kept[at].start < zone.end:
            continue
        starts.insert(at, zone.start)
        kept.insert(at, zone)
    return kept


def _body_pieces(text: str, start: int, end: int, taken: list[Zone]) -> list[Zone]:
    pieces: list[Zone] = []
    pos = start
    for zone in sorted(taken, key=lambda z: z.start):
        if zone.end <= pos or zone.start >= end:
            continue
        pieces.append(Zone("body", pos, max(pos, zone.start)))
        pos = max(pos, zone.end)
    pieces.append(Zone("body", pos, end))
    trimmed = []
    for piece in pieces:
        a, b = piece.start, piece.end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append(Zone("body", a, b))
    return trimmed


def analyse_layout(text: str, *, published: str | None = None, source: str | None = None,
                   title: str | None = None, knowledge: WireKnowledge | None = None) -> Layout:
    """Where the parts of the story are, with offsets into ``text``.

    ``published`` gives the dateline its year; ``title``, when known, is located in the text.
    ``knowledge`` replaces the packaged wire knowledge (see ``load_wire_knowledge`` for adding
    user files). ``source`` is accepted for agency-specific layouts and currently unused.
    """
    knowledge = knowledge or SHARED.wire()
    patterns = knowledge.derived(__name__, _patterns)
    lines = split_lines(text)
    zones: list[Zone] = []
    excluded_lines: set[int] = set()
    for i, line in enumerate(lines):
        if _is_navigation(line.text, patterns):
            zones.append(Zone("navigation", line.start, line.end))
            excluded_lines.add(i)
    for i, line_zones in _classify_credits(lines, patterns).items():
        if i not in excluded_lines:
            zones.extend(line_zones)
            excluded_lines.add(i)
    content = [i for i in range(len(lines)) if i not in excluded_lines]
    glued = _glued_navigation(text, lines[content[-1]] if content else None, patterns)
    if glued:
        zones.append(glued)

    skip = tuple((z.start, z.end) for z in zones)
    dateline = find_dateline(text, published=published, knowledge=knowledge, skip=skip)
    dl_line = next((i for i in content if dateline and lines[i].start <= dateline.start < lines[i].end + 1), None)
    header = [i for i in content if dl_line is not None and i < dl_line]

    title_span: Span | None = None
    standfirst: list[Span] = []
    body_start_line: int | None = None
    if title:
        title_span = _locate_title(text, title, dateline.start if dateline else min(len(text), 3000))
    if dateline is not None:
        for i in header:
            line = lines[i]
            if (title_span is None and not title and not standfirst and not patterns.byline.fullmatch(line.text)
                    and not is_stamp_line(line.text, knowledge) and _looks_like_headline(line, before_dateline=True)):
                title_span = Span(line.start, line.end, line.text)
            elif title_span is None or not (title_span.start <= line.start < title_span.end):
                standfirst.append(Span(line.start, line.end, line.text))
        if dl_line is not None and dateline.start > lines[dl_line].start:
            before = text[lines[dl_line].start:dateline.start].rstrip()
            if before:
                standfirst.append(Span(lines[dl_line].start, lines[dl_line].start + len(before), before))
        body_start = dateline.start
    else:
        rest = list(content)
        while len(rest) > 1 and is_stamp_line(lines[rest[0]].text, knowledge):  # "June 14, 2021" is no headline
            line = lines[rest.pop(0)]
            standfirst.append(Span(line.start, line.end, line.text))
        if title_span is not None:
            rest = [i for i in rest if lines[i].start >= title_span.end]
        elif rest and len(rest) > 1 and _looks_like_headline(lines[rest[0]], before_dateline=False):
            first = lines[rest[0]]
            title_span = Span(first.start, first.end, first.text)
            rest = rest[1:]
        if title_span is not None:
            while len(rest) > 1 and _looks_like_headline(lines[rest[0]], before_dateline=False) \
                    and not _ends_sentence(lines[rest[0]].text):
                line = lines[rest.pop(0)]
                standfirst.append(Span(line.start, line.end, line.text))
        body_start_line = rest[0] if rest else None
        body_start = lines[body_start_line].start if body_start_line is not None else len(text)

    body_end = lines[content[-1]].end if content else 0
    if glued is not None and glued.start >= body_start:
        body_end = min(body_end, glued.start)
        while body_end > body_start and text[body_end - 1].isspace():
            body_end -= 1
    body = Span(body_start, body_end, text[body_start:body_end]) if body_end > body_start else None

    if dateline is not None:
        zones.append(Zone("dateline", dateline.start, dateline.end))
    if title_span is not None:
        zones.append(Zone("title", title_span.start, title_span.end))
    zones.extend(Zone("standfirst", s.start, s.end) for s in standfirst)
    zones = _resolve(zones)
    if body is not None:
        zones = sorted(zones + _body_pieces(text, body.start, body.end, zones), key=lambda z: z.start)
    present = set(zones)
    kept_standfirst = tuple(s for s in standfirst if Zone("standfirst", s.start, s.end) in present)
    if title_span is not None and Zone("title", title_span.start, title_span.end) not in present:
        title_span = None
    return Layout(zones=tuple(zones), title=title_span, standfirst=kept_standfirst, dateline=dateline, body=body)
