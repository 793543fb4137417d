"""Shared pieces of the quote extractors: the candidate record, cue and speaker spans."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...knowledge.quote_cues import QuoteCues
from ..actors.mention_resolver import mention_span
from ..syntax.labels import NOMINAL_POS, VERBAL_POS

__all__ = ["Found", "lemmas", "cue_span", "speaker_of", "speaker_span", "is_cue_verb", "trim_span",
           "according_frame", "covers"]

_AUX_DEPS = ("aux", "auxpass", "neg")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_INHERIT_DEPS = ("conj", "xcomp", "advcl", "acl", "dep", "ccomp", "parataxis", "pcomp", "prep", "acomp")


@dataclass(frozen=True, slots=True)
class Found:
    """A statement found before speakers are resolved (offsets into the input text).

    ``tail`` is where the quote and its attribution end (for joining a quote split by "he said").
    ``inherit`` marks a quote with no attribution of its own that takes the previous speaker.
    ``via`` says how reported speech was found: ``clause`` (a reported clause), ``object``
    (the object of a speech act or attitude verb), ``according`` or ``parenthetical``; a quotation
    after "that" is found as ``that`` (reported speech unless a clause takes it in). ``gaps`` are the unquoted stretches inside a quotation
    joined across its attribution ('"A," he said, referring to X, "B."').
    """

    kind: str
    start: int
    end: int
    speaker: tuple[int, int] | None
    cue: tuple[int, int] | None
    tail: int
    inherit: bool = False
    cue_token: int | None = None
    via: str = "clause"
    gaps: tuple[tuple[int, int], ...] = ()


def covers(spans: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """The test whether a character offset lies inside one of ``spans`` (start, end; end excluded),
    with the spans' characters marked once (a reader asks it of every token)."""
    top = max((e for _, e in spans), default=0)
    if min((s for s, _ in spans), default=0) < 0:
        return lambda i: any(s <= i < e for s, e in spans)
    mask = bytearray(top)
    for s, e in spans:
        mask[s:e] = b"\x01" * max(0, e - s)
    return lambda i: 0 <= i < top and mask[i] == 1


def lemmas(token) -> set[str]:
    """The token's lemma and its plain inflection-stripped forms (the tagger's lemma is sometimes
    wrong: "hopes" -> "hop")."""
    low = token.lower_
    out = {token.lemma_.lower(), low}
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.add(low[: -len(suffix)] + repl)
    return out


def is_cue_verb(token, verbs: frozenset[str]) -> bool:
    """Whether ``token`` is a verb whose lemma is among ``verbs``."""
    if not (token.pos_ in VERBAL_POS or token.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VBN")):
        return False
    return token.lemma_.lower() in verbs or bool(lemmas(token) & verbs)


def cue_span(token, cues: QuoteCues) -> tuple[int, int]:
    """The cue around a reporting verb: auxiliaries and negation before it, particles after."""
    doc = token.doc
    left = token
    for child in sorted(token.lefts, key=lambda t: -t.i):
        if child.dep_ in _AUX_DEPS and child.i == left.i - 1:
            left = child
    right = token
    follow = cues.phrasal.get(token.lemma_.lower(), ())
    for words in follow:
        n = len(words)
        if token.i + n < len(doc) and tuple(t.lower_ for t in doc[token.i + 1: token.i + 1 + n]) == words:
            right = doc[token.i + n]
            break
    else:
        for child in token.rights:
            if child.dep_ == "prt" and child.i == right.i + 1:
                right = child
    return left.idx, right.idx + len(right.text)


def subject_of(token):
    """The grammatical subject of a verb, looking up through conjoined and embedded verbs."""
    seen = 0
    cur = _matrix_of_participle(token)
    while cur is not None and seen < 5:
        for child in cur.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if cur.dep_ in _INHERIT_DEPS and cur.head is not cur and cur.dep_ != "ccomp":
            cur = cur.head
            seen += 1
            if token.tag_ == "VBG" and cur.pos_ == "NOUN" and cur.dep_ in _MESSAGE_DEPS and not cur.ent_type_ \
                    and cur.head.pos_ in VERBAL_POS:
                cur = cur.head  # "issued a statement saying ...": the issuer says it
            continue
        return None
    return None


# The roles of a noun a participle hangs on ("issued a statement saying", "planted articles
# alleging") whose verb's subject is the one who speaks through it.
_MESSAGE_DEPS = ("dobj",)
# How far up embedded clauses a participial adjunct of speech may belong ("X said the process
# could be messy, adding ...").
_MATRIX_CLIMB = 4


def _matrix_of_participle(token):
    """Where to look for the subject of a participial adjunct with none of its own ("..., adding",
    "..., saying"): the parser often hangs it on a clause inside the sentence ("X said the process
    could be messy, adding ...", "X rejected the idea that ..., saying ..."); it belongs to the
    clause that the embedded ones follow. Any other token is its own place to look."""
    if token.tag_ != "VBG" or token.dep_ != "advcl" or any(c.dep_ in _SUBJECT_DEPS for c in token.children):
        return token
    cur = token.head
    for _ in range(_MATRIX_CLIMB):
        if any(c.dep_ in _SUBJECT_DEPS for c in cur.children) and cur.dep_ not in ("ccomp", "acl", "relcl"):
            return cur
        head = cur.head
        if head.i >= cur.i or cur.dep_ not in ("ccomp", "acl", "relcl", "conj", "dobj", "pobj", "prep"):
            return cur
        cur = head
    return cur


def speaker_span(doc, head) -> tuple[int, int]:
    """The mention span of a speaker whose head token is ``head``."""
    return mention_span(doc, head)


def speaker_of(token) -> tuple[int, int] | None:
    """The speaker mention of a reporting verb, or None (passive, impersonal)."""
    subj = subject_of(token)
    if subj is None:
        return None
    if subj.lower_ in ("it", "there") and subj.dep_ in ("nsubjpass", "expl"):
        return None
    if subj.dep_ == "nsubjpass":
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return speaker_span(token.doc, pobj) if pobj is not None else None
    return speaker_span(token.doc, subj)


def trim_span(text: str, start: int, end: int, *, strip_marks: bool = False) -> tuple[int, int]:
    """Offsets without surrounding spaces, commas, dashes and a final full stop."""
    junk = " \t\r\n\u00a0,;:—–-"
    marks = "\"“”„«»‘’'" if strip_marks else ""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and (text[start] in junk or text[start] in marks):
            start += 1
            changed = True
        while end > start and (text[end - 1] in junk or text[end - 1] in marks or text[end - 1] == "."):
            if text[end - 1] == "." and end - start > 1 and text[end - 2] == ".":
                break  # an ellipsis or an abbreviation stays
            end -= 1
            changed = True
    return start, end


def according_frame(token, cues: QuoteCues):
    """For the first word of an "according to X" frame: (last frame token, X's head) or None."""
    doc = token.doc
    lower = token.lower_
    if lower == "in" and token.dep_ == "prep":
        # "In Ash's view, the change ...", "in her words, ..."
        view = next((c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in cues.view_nouns), None)
        holder = next((c for c in view.children if c.dep_ == "poss"), None) if view is not None else None
        if holder is not None and not any(c.dep_ == "prep" for c in view.children):
            return view, holder
    if lower not in cues.according_firsts:
        return None
    for frame in cues.according:
        n = len(frame)
        if lower != frame[0] or token.i + n > len(doc):
            continue
        if tuple(t.lower_ for t in doc[token.i: token.i + n]) != frame:
            continue
        last = doc[token.i + n - 1]
        pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if pobj is None and token.i + n < len(doc):
            nxt = doc[token.i + n]
            # the noun phrase right after the frame; take its head
            pobj = nxt if nxt.head.i < nxt.i or nxt.dep_ == "ROOT" else nxt.head
            while pobj.head.i > pobj.i and pobj.head.i <= pobj.i + 6 and pobj.head.pos_ in NOMINAL_POS:
                pobj = pobj.head
        if pobj is None or pobj.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        return last, pobj
    return None
