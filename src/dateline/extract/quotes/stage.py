"""Quotations and reported speech, each attributed to a speaker resolved to a name.

``quotes`` finds direct quotations (quotation marks, split and multi-paragraph quotes) and
reported speech ("X said that ...", "according to X, ..."), then resolves every speaker
mention ("he", "the spokesman", "Peskov") against the article's actors and earlier speakers.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from ...knowledge.cache import SHARED
from ...knowledge.quote_cues import QuoteCues
from ...nlp import doc_text, sentence_of
from ...records import Actor, Layout, Quote, Span, TimeExpr
from .common import Found, trim_span
from .direct import direct_quotes
from .headline import sentence_case
from .reported import colon_lines, reported_speech
from .stance import stances
from ..actors.mention_resolver import marked, resolve_mention
from ..syntax.labels import VERBAL_POS
from ..times import time_for_span

__all__ = ["quotes", "quote_region"]

log = logging.getLogger(__name__)

# An unattributed quotation takes the previous speaker only when that one spoke this recently.
_INHERIT_WINDOW = 2500
# Statements found this way are dropped when they sit inside what another statement reports
# ("he said Moscow favored ..." is one statement, not two).
_NESTED_VIA = ("object", "stance")
# How an act hangs inside the object of another act when it is part of that object ("accused him
# of lying, calling ...", "wants to show ..."), not a clause of its own (relative, prepositional).
_JOINED_ACT_DEPS = frozenset({"advcl", "conj", "xcomp", "acomp"})


def quote_region(layout: Layout | None, length: int) -> tuple[int, int]:
    """Where quotes are read: the headline and the body zone ("Sanders: Clinton is qualified",
    "Obama Says Museum Will Tell of ..." attribute too), or the whole text when there is no body."""
    if layout is not None and layout.body is not None:
        title = layout.title
        if title is not None and title.end <= layout.body.start and not layout.body.start - title.end > 4:
            return title.start, layout.body.end
        return layout.body.start, layout.body.end
    return 0, length


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _quoted_parts(f: Found) -> list[tuple[int, int]]:
    """The stretches of a statement's content that are its own words: all of it, less the
    attribution between the parts of a joined quotation."""
    parts, at = [], f.start
    for g_start, g_end in f.gaps:
        parts.append((at, g_start))
        at = g_end
    parts.append((at, f.end))
    return [p for p in parts if p[1] > p[0]]


def _quoted_overlap(span: tuple[int, int], f: Found) -> int:
    return sum(_overlap(span, part) for part in _quoted_parts(f))


def _clause_heads(doc, found: Found) -> set[int]:
    """The tokens that head what a statement reports: the root of its content span and the verbs
    that root's open complement chain runs through ("he said she wants to insist that ...")."""
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return set()
    root = span.root
    heads = {root.i}
    cur = root
    for _ in range(3):
        nxt = next((c for c in cur.children if c.dep_ == "xcomp"), None)
        if nxt is None:
            break
        heads.add(nxt.i)
        cur = nxt
    return heads


# Dependencies that open a clause of its own inside what a statement reports: a coordinated act
# ("accuses X ... and suggests Y"), an adverbial one ("..., arguing that"), a relative one ("Trump,
# who says ..."), a prepositional one ("by focusing on ..."). A statement found under one of these
# is a statement of its own; any other one is part of the statement around it.
_OWN_CLAUSE_DEPS = frozenset({"conj", "advcl", "parataxis", "relcl", "pcomp"})


def _embedded(doc, inner: Found, outer: Found, root_of: dict[int, int]) -> bool:
    """Whether ``inner`` (content and cue) lies inside what ``outer`` reports and its cue hangs
    from that content's root through complements only ("said that reports showed he called ...")."""
    if inner.cue_token is None or not (outer.start <= inner.start and inner.end <= outer.end) \
            or (inner.start, inner.end) == (outer.start, outer.end):
        return False
    cue = doc[inner.cue_token]
    if not outer.start <= cue.idx < outer.end:
        return False
    root = root_of.get(id(outer))
    cur = cue
    for _ in range(12):
        if cur.i == root:
            return True
        if cur.dep_ in _OWN_CLAUSE_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _reports_clause(doc, root: int) -> bool:
    """Whether a statement whose content has the root ``root`` reports a clause ("claim that the
    vote was fair", "promise to rebuild ...") rather than a topic ("remarks about the port")."""
    return root >= 0 and doc[root].pos_ in VERBAL_POS


def _root(doc, found: Found) -> int:
    """The token index of the root of a statement's content (-1 when it covers no token)."""
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    return span.root.i if span is not None and len(span) else -1


def _owned(cue) -> bool:
    """Whether a cue noun names its own holder ("rejected Berg's claim that ...": Berg's claim
    is a statement of its own inside the rejection)."""
    return cue.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" for c in cue.children)


# A quotation takes less than this share of a reported statement around it to be part of it.
_ABSORBED_SHARE = 0.7
# What trimming may have cut off a statement's end (a full stop, a closing mark).
_TRIMMED = 2


def _absorbs(outer: Found, quote: Found) -> bool:
    """Whether a reported statement takes a shorter direct quotation inside it as part of what it
    reports ("Sanders said the process could be messy, adding, 'Democracy is messy.'"): the
    quotation lies inside its content, the statement's cue stands outside the quotation and the
    statement reports a clause (not the object of an act)."""
    if outer.via not in ("clause", "according") or outer.cue is None:
        return False
    if not (outer.start <= quote.start and quote.end <= outer.end + _TRIMMED):
        return False
    if quote.start <= outer.cue[0] < quote.end:
        return False
    return quote.end - quote.start < _ABSORBED_SHARE * (outer.end - outer.start)


# Unquoted words of its own a reported clause must open with for a quotation that finishes it to
# be part of it however long the quotation ('said he had a hard time imagining that "our ..."').
_LEAD_IN_WORDS = 3


def _mixed(outer: Found, quote: Found, text: str) -> bool:
    """Whether a quotation attributed by the same cue as a reported clause finishes that clause
    after unquoted words of its own ('he said he had a hard time imagining that "our ..."'): one
    mixed statement, reported speech. The cue comes first, as it does in such sentences."""
    inner_cue = quote.cue is not None and outer.start <= quote.cue[0] < quote.start  # "said she recalled thinking, '...'"
    if outer.cue_token is None or (outer.cue_token != quote.cue_token and not inner_cue) or outer.via != "clause" \
            or outer.cue is None or outer.cue[1] > outer.start or not outer.start <= quote.start or len(text[outer.start:quote.start].split()) < _LEAD_IN_WORDS:
        return False
    # inside the clause, or right after where the parse ended it ("... a negotiator, 'like you folks.'")
    return quote.end <= outer.end + _TRIMMED or (outer.end <= quote.start
                                                 and not text[outer.end:quote.start].strip(_BETWEEN))


_BETWEEN = " ,;:—–-\"“”'‘’"


def _with_mixed(f: Found, direct: Sequence[Found], text: str) -> Found:
    """A reported clause stretched over the quotation that finishes it (see ``_mixed``)."""
    end = max([d.end for d in direct if d.start >= f.end and _mixed(f, d, text)], default=f.end)
    if end <= f.end:
        return f
    end = trim_span(text, f.start, end)[1]  # as any statement ends: no final full stop
    return replace(f, end=end, tail=max(f.tail, end))


# What may join quotations that together are one object ('chanting "A" and "B"').
_QUOTATION_JOINERS = r"\s*(?:,\s*)?(?:\band\b|\bor\b|,)\s*"


def _joined_quotations(inner: str, closing: frozenset[str], opening: frozenset[str]) -> str:
    """``inner`` with the joints between quotations ('" and "') taken out."""
    close = "|".join(re.escape(m) for m in sorted(closing, key=len, reverse=True))
    open_ = "|".join(re.escape(m) for m in sorted(opening, key=len, reverse=True))
    return re.sub(rf"[.,!?]?(?:{close}){_QUOTATION_JOINERS}(?:{open_})", " ", inner)


def _as_quotation(text: str, f: Found, cues: QuoteCues) -> Found:
    """An act's object that is all quotation ('attacked "the hateful ideology of ..."', 'dismissed
    it as "Clinton talking points."', 'shouting "A" and "B."') is the speaker's words: direct, within
    its marks."""
    if f.via != "object" or f.kind != "indirect":
        return f
    marks = sorted(cues.open_marks | cues.both_marks, key=len, reverse=True)
    before = text[:f.start].rstrip()  # the parser may leave the opening mark out of the object
    opening = next((m for m in marks if text.startswith(m, f.start)), None)
    lead = f.start
    if opening is None:
        opening = next((m for m in marks if before.endswith(m) and f.start - len(before) <= 1), None)
        lead = len(before) - len(opening) if opening is not None else lead
    if opening is None:
        return f
    closing = cues.close_marks | cues.both_marks
    inner = _joined_quotations(text[lead + len(opening):f.end], closing, cues.open_marks | cues.both_marks)
    if any(m in inner.rstrip("".join(closing) + ".,!? ") for m in closing | cues.open_marks):
        return f  # more than one quotation, or words outside the marks
    after = text[f.end:f.end + 3].lstrip(".,!?")
    if not (any(inner.rstrip(".,!? ").endswith(m) for m in closing) or any(after.startswith(m) for m in closing)):
        return f
    start, end = trim_span(text, f.start, f.end, strip_marks=True)
    # one quoted word is the writer's scare quote ('what he considers "smart"'), not the speaker's words
    return replace(f, kind="direct", start=start, end=end) if len(text[start:end].split()) >= 2 else f


def _dedupe(doc, direct: list[Found], indirect: list[Found]) -> list[Found]:
    """Reported speech that repeats a direct quotation (same cue, or mostly the same text) goes, and
    so does a statement that only heads what another reports ("he said Obama hopes that ...": what
    he said is one statement, not two) or that a noun voices inside what another reports ("attacked
    his support for the tax": the support is part of what was attacked)."""
    text = doc_text(doc)
    mixed = [d for d in direct if any(_mixed(f, d, text) for f in indirect)]
    cue_tokens = {f.cue_token for f in direct if f.cue_token is not None and f not in mixed}
    # what repeats a quotation is no statement to nest others in ('"A," she said, referring to X, "B."')
    indirect = [f for f in indirect if f.cue_token not in cue_tokens]
    heads = {id(f): _clause_heads(doc, f) for f in indirect}
    roots = {id(f): _root(doc, f) for f in indirect}
    kept: list[Found] = []
    seen: set[tuple[int, int]] = set()
    for f in indirect:
        span = (f.start, f.end)
        if span in seen:
            continue
        length = f.end - f.start
        if any(_quoted_overlap(span, d) > 0.5 * min(length, d.end - d.start) and not _absorbs(f, d)
               and not _mixed(f, d, text) for d in direct):
            continue
        joined = f.cue_token is not None and doc[f.cue_token].dep_ in _JOINED_ACT_DEPS
        if f.via in _NESTED_VIA and any(o is not f and (o.via not in _NESTED_VIA or joined) and o.start <= f.start
                                     and f.end <= o.end and (o.start, o.end) != span
                                     and o.start <= (f.cue[0] if f.cue else f.start) < o.end for o in indirect):
            continue  # "said Moscow favored ...", "attacked him for backing X": the act is part of the other
        if f.cue_token is not None and doc[f.cue_token].pos_ == "NOUN" and not _reports_clause(doc, roots[id(f)]) \
                and any(o is not f and o.start <= f.start and f.end <= o.end and (o.start, o.end) != span
                        and o.start <= doc[f.cue_token].idx < o.end for o in indirect):
            continue  # "said Trump's remarks about X were ...", "criticized his support for X": part of the other
        if f.cue_token is not None and not _owned(doc[f.cue_token]) \
                and any(o is not f and f.cue_token in heads.get(id(o), ()) for o in indirect):
            continue  # "said she thinks America is strongest": the thinking is what was said
        if f.cue_token is not None and not _owned(doc[f.cue_token]) \
                and any(o is not f and o.kind == "indirect" and _embedded(doc, f, o, roots) for o in indirect):
            continue  # "noted that polling data showing that ...": one statement, the noting
        seen.add(span)
        kept.append(f)
    return kept


def _sentence_bounds(doc, offset: int) -> tuple[int, int]:
    span = doc.char_span(offset, min(offset + 1, len(doc_text(doc))), alignment_mode="expand")
    if span is None or len(span) == 0:
        return offset, offset
    sent = sentence_of(span[0])
    return sent.start_char, sent.end_char


def _date(doc, found: Found, times: Sequence[TimeExpr], anchor: str | None) -> str | None:
    """When the statement was made: a time in its sentence outside what was said, else the
    article's date."""
    at = found.cue if found.cue else (found.start, found.start + 1)
    s_start, s_end = _sentence_bounds(doc, at[0])
    candidates = [t for t in times if not (found.start <= t.start and t.end <= found.end)]
    chosen = time_for_span(candidates, at[0], at[1], s_start, s_end, doc=doc)
    return chosen.value if chosen is not None and chosen.value else anchor
    for t in candidates:
        if s_start <= t.start < s_end and t.value and t.type in ("DATE", "TIME"):
            return t.value
    return anchor


# Words that say nothing on their own: a statement of only these is a parse's leftover ("never
# asked for", "pointed to").
_EMPTY_POS = frozenset({"ADP", "PART", "PUNCT", "SPACE"})


def _says_something(doc, f: Found) -> bool:
    """Whether reported speech has a word of content (not only "for", "to", "about")."""
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    return span is None or any(t.pos_ not in _EMPTY_POS for t in span)


def _find(doc, cues: QuoteCues, start: int, end: int) -> list[Found]:
    """The statements between ``start`` and ``end``, before their speakers are resolved."""
    text = doc_text(doc)
    direct = direct_quotes(doc, cues, start=start, end=end)
    colon = colon_lines(doc, cues, start=start, end=end)
    turns = [f for f in colon if f.via == "transcript"]
    # a transcript whose paragraphs all open with a quotation mark is its speakers' turns, not
    # one quotation ('"WALLACE: ...', '"PENCE: ...')
    direct = [d for d in direct if not any(d.start <= t.speaker[0] < d.end for t in turns if t.speaker)]
    colon = [f for f in colon if not any(_overlap((f.start, f.end), (d.start, d.end)) for d in direct)]
    direct += [f for f in colon if f.kind == "direct"]
    skip = [part for f in direct + turns for part in _quoted_parts(f)]
    indirect = [f for f in colon if f.kind == "indirect"] + reported_speech(doc, cues, start=start, end=end,
                                                                           skip=skip)
    indirect += stances(doc, cues, start=start, end=end, skip=skip)
    indirect = [_with_mixed(_as_quotation(text, f, cues), direct, text) for f in _dedupe(doc, direct, indirect)]
    direct = [d for d in direct if not any(_absorbs(f, d) or _mixed(f, d, text) for f in indirect)]
    # a quotation after "that" no reported clause took is still reported speech, not a direct quote
    direct = [replace(d, kind="indirect") if d.via == "that" else d for d in direct]
    indirect = [f for f in indirect if _says_something(doc, f)]
    return sorted(direct + indirect, key=lambda f: (f.start, f.end))


def _shifted(f: Found, by: int) -> Found:
    """A statement found in a headline read on its own, in the article's offsets."""
    def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if span is None else (span[0] + by, span[1] + by)
    return replace(f, start=f.start + by, end=f.end + by, speaker=move(f.speaker), cue=move(f.cue),
                   tail=f.tail + by, cue_token=None, gaps=tuple((a + by, b + by) for a, b in f.gaps))


# Components a headline's second reading does without: its speakers are resolved in the article.
_HEADLINE_SKIPS = ("ner",)


def _parse(nlp: Any, text: str):
    """``text`` parsed by the spaCy pipeline ``nlp`` without the components it does not need."""
    names = getattr(nlp, "pipe_names", ())
    return nlp(text, disable=[p for p in _HEADLINE_SKIPS if p in names]) if names else nlp(text)


# The longest first line of a body read as a headline the layout did not mark.
_HEADLINE_LENGTH = 200


def _headline(text: str, layout: Layout | None, start: int, end: int, nlp: Callable[[str], Any] | None,
              cues: QuoteCues) -> tuple[tuple[int, int], list[Found]] | None:
    """The statements of a title-case headline read again in sentence case ("Hillary Clinton
    Reassures House Democrats ..."): its span and what it says, or None when it is read as it is."""
    if nlp is None:
        return None
    title = layout.title if layout is not None else None
    if title is not None and start <= title.start < title.end <= end:
        h_start, h_end = title.start, title.end
    else:  # a headline the layout left in the body: its first line, when that is short
        h_start = start + len(text[start:end]) - len(text[start:end].lstrip())
        h_end = text.find("\n", h_start, min(end, h_start + _HEADLINE_LENGTH))
        if h_end < 0:
            return None
    cased = sentence_case(text[h_start:h_end], text[h_end:end])
    if cased is None:
        return None
    return (h_start, h_end), [_shifted(f, h_start) for f in _find(_parse(nlp, cased), cues, 0, len(cased))]


def quotes(doc, *, layout: Layout | None, actors: Sequence[Actor], times: Sequence[TimeExpr],
           anchor: str | None, cues: QuoteCues | None = None, nlp: Callable[[str], Any] | None = None) -> list[Quote]:
    """Every statement in the article, in text order, with its resolved speaker, cue and date.
    With ``nlp`` (text to parse), a headline in title case is parsed again in sentence case."""
    cues = cues or SHARED.quote_cues()
    text = doc_text(doc)
    start, end = quote_region(layout, len(text))
    found = _find(doc, cues, start, end)
    headline = _headline(text, layout, start, end, nlp, cues)
    if headline is not None:
        (h_start, h_end), in_headline = headline
        found = sorted([f for f in found if not h_start <= f.start < h_end] + in_headline,
                       key=lambda f: (f.start, f.end))

    out: list[Quote] = []
    speakers: list[Actor] = []
    last_direct: tuple[Actor, int] | None = None
    for f in sorted(found, key=lambda f: min(f.start, f.speaker[0] if f.speaker else f.start)):
        speaker: Actor | None = None
        if f.speaker is not None:
            speaker = resolve_mention(doc, f.speaker[0], f.speaker[1], actors=actors, speakers=speakers,
                                      cues=cues)
        elif f.inherit and last_direct is not None and f.start - last_direct[1] <= _INHERIT_WINDOW:
            speaker = last_direct[0]
        if speaker is not None and speaker.name and speaker not in speakers:
            speakers.append(speaker)
        if f.kind == "direct" and speaker is not None:
            last_direct = (speaker, f.tail)
        content = Span(f.start, f.end, text[f.start:f.end])
        cue = Span(f.cue[0], f.cue[1], text[f.cue[0]:f.cue[1]]) if f.cue else None
        out.append(Quote(kind=f.kind, content=content, speaker=marked(speaker), cue=cue,  # type: ignore[arg-type]
                         date=_date(doc, f, times, anchor)))
    out.sort(key=lambda q: (q.content.start, q.content.end))
    return [q for q in out if not _part_of_another(q, out)]


def _part_of_another(quote: Quote, found: Sequence[Quote]) -> bool:
    """Whether reported speech with no speaker lies inside what another statement says ("attacked
    the council for a budget that seemed to favor the rich": the seeming is part of the attack)."""
    if quote.kind != "indirect" or quote.speaker is not None:
        return False
    c = quote.content
    return any(o is not quote and o.content.start <= c.start and c.end <= o.content.end
               and (o.content.start, o.content.end) != (c.start, c.end) for o in found)
