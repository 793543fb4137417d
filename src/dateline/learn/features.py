"""Features of an event proposal: the trigger and its parse, what the rules made of it (the step
that dropped it, the type, status and roles they gave it), the words around it, and what the
article said before it (a second mention of an act already coded is no new event)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..nlp import doc_text, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..extract.events import Proposal
    from ..records import Actor, Quote

_QUOTE_MARKS = frozenset('"“”«»„')
_MARK_TOKENS = _QUOTE_MARKS | {"``", "''"}  # a token's text is read once
_SPEECH_HEADS = frozenset({"say", "tell", "add", "state", "announce", "claim", "report", "insist", "warn",
                           "accord", "note", "believe", "think", "hope", "expect", "fear"})


@dataclass
class ArticleContext:
    """What the features of later proposals need to know about earlier ones in the same article."""

    quotes: Sequence["Quote"] = ()
    lemmas: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    dyads: Counter = field(default_factory=Counter)
    sentence_index: dict[int, int] = field(default_factory=dict)
    quote_marks: dict[int, list[int]] = field(default_factory=dict)
    quoted: bytearray | None = None

    def in_quote_content(self, idx: int) -> bool:
        """Whether character ``idx`` lies inside the content of one of ``quotes`` (their extent
        marked once per article)."""
        covered = self.quoted
        if covered is None:
            covered = self.quoted = bytearray(max((q.content.end for q in self.quotes), default=0))
            for q in self.quotes:
                if q.content.end > q.content.start >= 0:
                    covered[q.content.start:q.content.end] = b"\x01" * (q.content.end - q.content.start)
        return 0 <= idx < len(covered) and covered[idx] == 1

    def marks_in(self, token: "Token", sent: "SpacySpan") -> list[int]:
        """The indices of the quotation marks of the token's sentence ``sent`` (computed once per
        sentence)."""
        marks = self.quote_marks.get(sent.start)
        if marks is None:
            text = doc_text(sent.doc)[sent.start_char:sent.end_char]
            marks = self.quote_marks[sent.start] = [t.i for t in sent if t.text in _MARK_TOKENS] \
                if any(mark in text for mark in _MARK_TOKENS) else []
        return marks

    def remember(self, proposal: "Proposal") -> None:
        """Count a proposal for the features of the ones after it (:meth:`count_lemma` and
        :meth:`count_event`)."""
        self.count_lemma(proposal)
        self.count_event(proposal)

    def count_lemma(self, proposal: "Proposal") -> None:
        """Count a proposal's trigger lemma: all the features without its event know of earlier ones."""
        self.lemmas[_lemma(proposal.match.token)] += 1

    def count_event(self, proposal: "Proposal") -> None:
        """Count the type and dyad of a proposal's event (none when it has no event)."""
        if proposal.event is not None:
            self.types[proposal.event.type] += 1
            self.dyads[_dyad(proposal)] += 1


def _lemma(token: "Token") -> str:
    return (token.lemma_ or token.lower_).lower()


def _countries(actors: Sequence["Actor"]) -> str:
    return ",".join(sorted({a.country for a in actors if a.country})) or "-"


def _dyad(proposal: "Proposal") -> tuple[str, str, str]:
    e = proposal.event
    assert e is not None
    return e.type, _countries(e.source), _countries(e.target)


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n < 6 else "6+"


def _in_quote(token: "Token", marks: list[int]) -> bool:
    """Whether the token sits between quotation marks of its sentence (``marks``: their indices)."""
    return sum(1 for i in marks if i < token.i) % 2 == 1


def _governors(token: "Token", limit: int = 4) -> list["Token"]:
    out = []
    t = token
    while t.head.i != t.i and len(out) < limit:
        out.append(t)
        t = t.head
    return out


def _content_words(token: "Token", limit: int = 30) -> set[str]:
    """Lemmas of the content words under the trigger (what is said, done, named), nearest first."""
    at = token.i
    words = sorted((t for t in token.subtree if t.i != at and t.is_alpha and not t.is_stop),
                   key=lambda t: abs(t.i - at))[:limit]
    return {_lemma(t) for t in words}


def proposal_features(proposal: "Proposal", context: ArticleContext, *, with_event: bool = True) -> list[str]:
    """The binary features of one proposal (names of the features that fire); without those of the
    event the rules built from it when ``with_event`` is false."""
    m, step = proposal.match, proposal.step
    t, pat = m.token, m.pattern
    lemma = _lemma(t)
    pos, dep = t.pos_, t.dep_
    f = ["bias", f"lemma={lemma}", f"pos={pos}", f"tag={t.tag_}", f"dep={dep}",
         f"head={_lemma(t.head)}", f"head_dep={t.head.dep_}", f"pat_type={pat.type}", f"pat_mode={pat.mode}",
         f"pat_lemma={pat.lemma}", f"pat_pos={pat.pos}", f"pat_weight={round(pat.weight, 1)}",
         f"pat_needs={pat.needs}", f"step={step}", f"step+type={step}+{pat.type}", f"lemma+type={lemma}+{pat.type}"]
    if pat.intent:
        f.append("pat_intent")
    if m.obj is not None:
        f += [f"obj={_lemma(m.obj)}", f"lemma+obj={lemma}+{_lemma(m.obj)}"]
    children = [(c, c.dep_) for c in t.children]  # each spaCy attribute read looks its string up
    for c, c_dep in children:
        if c_dep in ("neg", "aux", "auxpass", "mark", "det", "poss", "prt", "advmod"):
            f.append(f"child_{c_dep}={c.lower_}")
        if c_dep in ("nsubj", "nsubjpass", "dobj", "agent", "dative"):
            f.append(f"has_{c_dep}")
            f.append(f"{c_dep}_ent={c.ent_type_ or c.pos_}")
    verb = t if pos in ("VERB", "AUX") else t.head
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            c_pos = c.pos_
            f += [f"subj={_lemma(c)}", f"subj_pos={c_pos}", f"lemma+subj_pos={lemma}+{c_pos}"]
    f += [f"lemma+step={lemma}+{step}", f"lemma+dep={lemma}+{dep}"]
    sent = sentence_of(t)
    marks = context.marks_in(t, sent)
    if marks:
        f.append("sentence_quoted")
    path = _governors(t)
    f.append("path=" + ">".join(x.dep_ for x in path[:3]))
    for depth, g in enumerate(path[:3], 1):
        governor = _lemma(g.head)
        f.append(f"gov{depth}={governor}")
        if governor in _SPEECH_HEADS:
            f.append(f"under_speech_{depth}")
    for c, c_dep in children:
        if c_dep in ("dobj", "xcomp", "ccomp", "attr", "acomp", "oprd", "prep"):
            f.append(f"{c_dep}_lemma={_lemma(c)}")
    for w in sorted(_content_words(t)):
        f.append(f"sub={w}")
    doc = t.doc
    for k in (-2, -1, 1, 2):
        j = t.i + k
        if sent.start <= j < sent.end:
            f.append(f"w{k:+d}={_lemma(doc[j])}")
    if _in_quote(t, marks):
        f += ["in_quote", f"lemma+in_quote={lemma}"]
    if context.in_quote_content(t.idx):
        f.append(f"in_quote_span+{pat.type}")
    position = context.sentence_index.get(sent.start, 0)
    f.append(f"sentence={_bucket(position)}")
    seen = context.lemmas[lemma]
    f.append(f"seen_lemma={_bucket(seen)}")
    if not with_event:
        return f
    return f + event_features(proposal, context)


def event_features(proposal: "Proposal", context: ArticleContext) -> list[str]:
    """The features of the event the rules built from a proposal (what :func:`proposal_features`
    adds to the others when ``with_event`` is true)."""
    e, step = proposal.event, proposal.step
    f: list[str] = []
    if e is not None:
        f += [f"rule_type={e.type}", f"rule_status={e.status}", f"rule_type+step={e.type}+{step}",
              f"rule_status+type={e.status}+{e.type}", f"rule_mode={e.mode}"]
        src, tgt = [a for a in e.source if a.country], [a for a in e.target if a.country]
        f += [f"src={'yes' if src else 'no' if not e.source else 'uncoded'}",
              f"tgt={'yes' if tgt else 'no' if not e.target else 'uncoded'}",
              f"src_sector={e.source[0].sector if e.source else '-'}",
              f"tgt_sector={e.target[0].sector if e.target else '-'}",
              f"src_kind={e.source[0].kind if e.source else '-'}",
              f"dyad_shape={'S' if src else '-'}{'T' if tgt else '-'}+{e.type}"]
        if src and tgt and _countries(src) == _countries(tgt):
            f.append("domestic_dyad")
        f.append(f"seen_type={_bucket(context.types[e.type])}")
        f.append(f"seen_dyad={_bucket(context.dyads[_dyad(proposal)])}+{e.quad}")
        if e.attributed_to:
            f.append("attributed")
    else:
        f.append("no_event_built")
    return f
