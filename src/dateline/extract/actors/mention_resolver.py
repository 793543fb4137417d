"""The mention resolver: what a pronoun, title or short name stands for, across the article.

One resolver for quotes, actors and events. A mention that overlaps a coded actor takes that
actor's code; a surname takes the full name given earlier; a pronoun takes first the subject its
clause chain or the sentences before name (:meth:`MentionResolver.antecedent_token`, the parse
decides), else the nearest earlier compatible speaker or person (gender, number, person vs.
organisation); a definite description ("the father", "the ministry") takes the earlier actor
introduced with the same role noun. Anonymous mentions ("a source", "officials") stay unresolved:
their text is kept, their name is None.

A resolved mention keeps both spans: its own (``start``/``end``/``text``) and the antecedent's
(``Actor.antecedent``), with ``kind`` "resolved" (:func:`resolved`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ...knowledge.cache import SHARED
from ...knowledge.quote_cues import QuoteCues
from ...nlp import doc_text
from ...records import Actor, Span
from ..syntax.labels import NOMINAL_POS, OBJECTS, SUBJECTS, VERBAL_POS
from ..syntax.tree import lost_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["MentionResolver", "resolve_mention", "resolved", "marked", "refers_to", "mention_span", "gender_of"]

_PERSON_KINDS = {"person"}
_BODY_KINDS = {"organization", "organisation", "state", "group"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
# How far back (characters) a pronoun looks for a previous speaker before any person will do.
_SPEAKER_WINDOW = 1500


def mention_span(doc, token) -> tuple[int, int]:
    """Character offsets of the noun phrase headed by ``token`` (modifiers, no clauses)."""
    left = token
    for child in token.lefts:
        if child.dep_ in ("det", "compound", "amod", "poss", "nmod", "nummod", "quantmod",
                          "case", "predet", "advmod", "punct") and child.left_edge.i < left.i:
            left = child.left_edge
    # keep the span contiguous from the leftmost modifier; never start on punctuation
    while left.i < token.i and (left.is_punct or left.is_space):
        left = doc[left.i + 1]
    right = token
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "case") and child.i == right.i + 1:
            right = child
    return left.idx, right.idx + len(right.text)


def _words_of(text: str | None) -> set[str]:
    """Lower-cased words of a text without punctuation or a possessive 's."""
    out = set()
    for w in (text or "").replace("’", "'").split():
        w = w.lower().strip(".,;:()\"")
        if w.endswith("'s"):
            w = w[:-2]
        if w:
            out.add(w.rstrip("'"))
    return out


def gender_of(actor: Actor, cues: QuoteCues) -> str | None:
    """``m``/``f`` when the actor's text or name says it (title, role noun, given name)."""
    for w in _words_of(actor.text) | _words_of(actor.name):
        g = cues.gendered.get(w) or cues.gendered.get(w + ".")
        if g:
            return g
    name_words = (actor.name or actor.text or "").split()
    if name_words:
        return cues.given_names.get(name_words[0].lower().strip(".,"))
    return None


def _is_person(actor: Actor, cues: QuoteCues) -> bool:
    if actor.kind in _PERSON_KINDS:
        return True
    if actor.kind in _BODY_KINDS:
        return False
    words = _words_of(actor.text)
    if words & cues.organisation_nouns:
        return False
    return bool(words & cues.person_roles) or gender_of(actor, cues) is not None


def _is_body(actor: Actor, cues: QuoteCues) -> bool:
    if actor.kind in _BODY_KINDS:
        return True
    if actor.kind in _PERSON_KINDS:
        return False
    return bool(_words_of(actor.text) & cues.organisation_nouns)


def _overlapping(actors: Sequence[Actor], start: int, end: int, head_start: int, *,
                 cover_head: bool = True) -> Actor | None:
    """The actor mention inside ``start:end`` that names its head (or any, if not ``cover_head``)."""
    best, best_key = None, None
    for a in actors:
        if a.start is None or a.end is None or a.end <= start or a.start >= end:
            continue
        if cover_head and not a.start <= head_start < a.end:
            continue
        key = (a.start <= head_start < a.end, a.kind == "person", a.end - a.start)
        if best_key is None or key > best_key:
            best, best_key = a, key
    return best


def _full_name(actor: Actor, actors: Sequence[Actor], speakers: Sequence[Actor]) -> Actor:
    """A short name ("Peskov") linked to the full name given elsewhere ("Dmitry Peskov")."""
    name = actor.name or actor.text or ""
    parts = name.replace("’s", "").replace("'s", "").split()
    if not parts:
        return actor
    last = parts[-1].lower()
    best = None
    for other in list(speakers) + list(actors):
        other_name = other.name or ""
        other_parts = other_name.split()
        if len(other_parts) > len(parts) and other_parts[-1].lower() == last:
            if best is None or (other.start or 0) < (best.start or 0):
                best = other
    if best is None:
        return actor
    ante = best.antecedent or (Span(best.start, best.end, best.text)
                               if best.start is not None and best.end is not None and best.text else None)
    return replace(actor, name=best.name, country=actor.country or best.country,
                   sector=actor.sector or best.sector, kind=actor.kind or best.kind, antecedent=ante)


def _coded(mention: Actor, source: Actor) -> Actor:
    """The mention with the code of an actor over the same words (or the one it was linked to)."""
    if source.start is not None and (source.start, source.end) != (mention.start, mention.end) \
            and not (source.start < (mention.end or 0) and (mention.start or 0) < (source.end or 0)):
        return resolved(mention, source)
    return Actor(mention.start, mention.end, mention.text, name=source.name, country=source.country,
                 sector=source.sector, kind=source.kind, antecedent=source.antecedent)


def refers_to(actor: Actor) -> tuple[int | None, int | None]:
    """Which mention an actor is, for telling two actors apart: its antecedent's span when it
    was resolved ("it" after "Switzerland" is Switzerland), else its own."""
    if actor.antecedent is not None:
        return actor.antecedent.start, actor.antecedent.end
    return actor.start, actor.end


def marked(actor: Actor | None) -> Actor | None:
    """The actor as it leaves the article: ``kind`` "resolved" when it has an antecedent (inside
    the pipeline a resolved actor keeps its antecedent's kind, which later rules read)."""
    if actor is None or actor.antecedent is None or actor.kind == "resolved":
        return actor
    return replace(actor, kind="resolved")


def resolved(mention: Actor, antecedent: Actor) -> Actor:
    """The mention coded as its antecedent, both spans kept (the antecedent's own antecedent
    when it was resolved itself); :func:`marked` gives it ``kind`` "resolved" on output."""
    ante = antecedent.antecedent
    if ante is None and antecedent.start is not None and antecedent.end is not None and antecedent.text:
        ante = Span(antecedent.start, antecedent.end, antecedent.text)
    if ante is not None and (ante.start, ante.end) == (mention.start, mention.end):
        ante = None
    return Actor(mention.start, mention.end, mention.text, name=antecedent.name, country=antecedent.country,
                 sector=antecedent.sector, kind=antecedent.kind, antecedent=ante)


def _earlier(pool: Sequence[Actor], start: int) -> list[Actor]:
    """Candidates ending before ``start``, nearest first."""
    found = [a for a in pool if a.end is not None and a.end <= start and a.name]
    found.sort(key=lambda a: a.end or 0, reverse=True)
    return found


def _resolve_pronoun(start: int, word: str, *, actors: Sequence[Actor], speakers: Sequence[Actor],
                     cues: QuoteCues) -> Actor | None:
    feats = cues.pronouns[word]
    if feats.person != 3:
        return None

    def fits(a: Actor) -> bool:
        if feats.gender in ("m", "f"):
            if not _is_person(a, cues) and a.kind is not None:
                return False
            g = gender_of(a, cues)
            return g is None or g == feats.gender
        if feats.gender == "n":
            return _is_body(a, cues)
        return feats.number != "pl" or not _is_person(a, cues)  # they: a body, or people, not one person

    for a in _earlier(speakers, start):
        if start - (a.end or 0) <= _SPEAKER_WINDOW and fits(a):
            return a
    people = [a for a in _earlier(actors, start) if fits(a)]
    if feats.gender in ("m", "f"):
        people = [a for a in people if _is_person(a, cues)]
    return people[0] if people else None


def _resolve_description(doc, head, start: int, *, actors: Sequence[Actor],
                         speakers: Sequence[Actor], cues: QuoteCues) -> Actor | None:
    """The earlier actor introduced with the same role noun ("the spokesman" -> "Kremlin
    spokesman Dmitry Peskov"); a possessor ("Erdogan's spokesman") must match too."""
    lemma = head.lemma_.lower()
    modifiers = {t.lower_ for t in head.lefts if t.dep_ in ("compound", "amod") and t.lower_ not in
                 _DETERMINERS}
    owners = {t.lower_ for t in head.lefts if t.dep_ == "poss" and t.tag_ != "PRP$"}
    for a in _earlier(list(speakers) + list(actors), start):
        words = _words_of(a.text)
        if (lemma in words or head.lower_ in words) and owners <= words:
            if not modifiers or modifiers & words:
                return a
    return None


def _clause_subject(pronoun):
    """For a possessive pronoun, the nominal subject before it in its own clause chain ("the
    senators renewed their call"), or None."""
    t = pronoun.head
    for _ in range(6):
        for c in t.children:
            if c.dep_ in SUBJECTS and c.i < pronoun.i and c.pos_ in ("NOUN", "PROPN"):
                return c
        if t.head.i == t.i or t.dep_ in ("ccomp", "relcl", "advcl"):
            return None
        t = t.head
    return None


def resolve_mention(doc, start: int, end: int, *, actors: Sequence[Actor],
                    speakers: Sequence[Actor] = (), cues: QuoteCues | None = None) -> Actor:
    """The actor a mention names: the mention's own span and text, with name/country/sector.

    ``actors`` are the article's coded actor mentions; ``speakers`` are already resolved
    speakers earlier in the article (they are preferred antecedents for pronouns). An
    unresolvable mention comes back with its text and ``name`` None.
    """
    cues = cues or SHARED.quote_cues()
    text = doc_text(doc)[start:end]
    mention = Actor(start, end, text)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return mention
    head = span.root
    word = head.lower_
    if len(span) <= 2 and word in cues.pronouns:
        if cues.pronouns[word].relative:
            target = head.head.head if head.head.dep_ == "relcl" else None
            if target is not None and target.i != head.i and target.pos_ in ("PROPN", "NOUN", "PRON"):
                s, e = mention_span(doc, target)
                found = resolve_mention(doc, s, e, actors=actors, speakers=speakers, cues=cues)
                return replace(found, start=start, end=end, text=text)
            return mention
        subject = _clause_subject(head) if head.dep_ == "poss" else None
        if subject is not None:  # "Latino Republicans were unsparing in their criticism"
            s, e = mention_span(doc, subject)
            found = resolve_mention(doc, s, e, actors=actors, speakers=speakers, cues=cues)
            return resolved(mention, found)
        found = _resolve_pronoun(start, word, actors=actors, speakers=speakers, cues=cues)
        return _coded(mention, found) if found else mention
    if head.pos_ != "PROPN" and head.lemma_.lower() in cues.anonymous \
            and not any(t.pos_ == "PROPN" for t in span):
        # "a source", "Russian officials": anonymous, left unnamed (a coded group keeps its codes)
        group = _overlapping(actors, start, end, head.idx, cover_head=False)
        if group is None:
            return mention
        return Actor(start, end, text, country=group.country, sector=group.sector, kind=group.kind)
    actor = _overlapping(actors, start, end, head.idx)
    if actor is not None and actor.name:
        return _coded(mention, _full_name(actor, actors, speakers))
    lemma = head.lemma_.lower()
    if head.pos_ != "PROPN":
        if lemma in cues.person_roles or lemma in cues.organisation_nouns or head.lower_ in cues.organisation_nouns:
            found = _resolve_description(doc, head, start, actors=actors, speakers=speakers, cues=cues)
            if found is not None:
                return _coded(mention, found)
        owner = next((t for t in head.lefts if t.dep_ == "poss" and t.pos_ == "PROPN"), None)
        if owner is not None:
            # "Erdogan's spokesman": unnamed, but speaking for the owner's side
            s, e = mention_span(doc, owner)
            side = resolve_mention(doc, s, e, actors=actors, speakers=speakers, cues=cues)
            return Actor(start, end, text, country=side.country, sector=side.sector, kind="person"
                         if lemma in cues.person_roles else None)
        if not any(t.pos_ == "PROPN" for t in span):
            return mention
    proper = [t for t in span if t.pos_ == "PROPN" or (t.i == head.i and t.is_title)]
    if not proper:
        return mention
    if head.pos_ == "PROPN":
        name = " ".join(t.text for t in span if t.pos_ == "PROPN" and t.lower_ not in cues.gendered
                        and t.lower_.rstrip(".") not in cues.gendered)
    else:
        name = " ".join(t.text for t in span if t.lower_ not in _DETERMINERS and t.dep_ != "poss"
                        and t.tag_ != "POS")
    name = name.strip() or None
    if name is None:
        return mention
    return _full_name(Actor(start, end, text, name=name), actors, speakers)


class MentionResolver:
    """The resolver of one parsed article: its coded actor mentions and quote speakers.

    ``codes(token)`` says whether the phrase a noun heads names a coded actor (the event
    coder's test); without it every noun or name counts.
    """

    def __init__(self, doc: "Doc", *, actors: Sequence[Actor], speakers: Sequence[Actor] = (),
                 cues: QuoteCues | None = None, codes: Callable[["Token"], bool] | None = None,
                 pronouns: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.actors = [a for a in actors if a.start is not None and a.end is not None]
        self.speakers = [s for s in speakers if s.start is not None and s.name]
        self.cues = cues or SHARED.quote_cues()
        self.codes = codes or (lambda t: t.pos_ in ("NOUN", "PROPN"))
        self.pronouns = pronouns or frozenset(self.cues.pronouns)
        self._sentence_starts = [s.start for s in doc.sents]

    def resolve(self, start: int, end: int) -> Actor:
        """The actor the mention ``start:end`` names (see :func:`resolve_mention`)."""
        return resolve_mention(self.doc, start, end, actors=self.actors,
                               speakers=[s for s in self.speakers if (s.end or 0) <= start], cues=self.cues)

    def is_pronoun(self, token: "Token") -> bool:
        return token.pos_ == "PRON" and token.lower_ in self.pronouns

    # -- the parse first ----------------------------------------------------------------------

    def antecedent_token(self, pronoun: "Token") -> "Token | None":
        """A non-pronoun subject the pronoun most likely refers to: up the clause chain, then the
        subjects of the three sentences before (a plural pronoun wants a plural or a body)."""
        plural = pronoun.lower_ in ("they", "them", "their")
        shared = self._shared_object(pronoun) if plural else None
        if shared is not None:
            return shared
        t = pronoun.head
        own_clause = pronoun.dep_ not in ("nsubj", "nsubjpass", "poss")
        if own_clause and t.pos_ in VERBAL_POS and t.tag_ in ("VBG", "VBN"):
            # "imposed sanctions on(prep) X(nsubj), charging(advcl) her": X is the object the
            # preposition lost, not the participle's subject, and the one "her" stands for
            for c in t.children:
                if c.dep_ == "nsubj" and c.i < pronoun.i and lost_object(c, t.head) and self.codes(c):
                    return c
        while True:
            # an object pronoun never refers to its own clause's subject ("X hit them")
            if own_clause and t.pos_ in VERBAL_POS:
                own_clause = False
            else:
                for c in t.children:
                    if c.dep_ in SUBJECTS and c.i != pronoun.i and not self.is_pronoun(c) \
                            and c.i < pronoun.i and self.codes(c):
                        return c
            if t.head.i == t.i:
                break
            t = t.head
        start = self._sentence_start(pronoun.i)
        for _ in range(3):
            if start <= 0:
                break
            prev_start = self._sentence_start(start - 1)
            prev = self.doc[prev_start:start]
            subjects = [tok for tok in prev if tok.dep_ in SUBJECTS and not self.is_pronoun(tok)
                        and tok.pos_ in NOMINAL_POS and self.codes(tok)
                        and (not plural or tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ in ("GPE", "ORG", "NORP"))]
            if subjects:
                return subjects[0]
            start = prev_start
        return None

    def _shared_object(self, pronoun: "Token") -> "Token | None":
        """``shut down 25 groups, accusing them``, ``detained 200 protesters and beat several of
        them``: an object pronoun of a clause joined to a verb stands for that verb's plural object."""
        verb = pronoun.head
        while verb.pos_ not in VERBAL_POS and verb.head.i != verb.i:
            verb = verb.head
        if pronoun.dep_ == "nsubj" or verb.dep_ not in ("advcl", "conj", "xcomp") \
                or any(c.dep_ in SUBJECTS for c in verb.children):
            return None
        for obj in verb.head.children:
            if obj.dep_ in OBJECTS and obj.i < pronoun.i and obj.tag_ in ("NNS", "NNPS"):
                return obj
        return None

    def _sentence_start(self, i: int) -> int:
        """The index of the first token of the sentence holding token ``i``."""
        return self._sentence_starts[bisect_right(self._sentence_starts, i) - 1] if self._sentence_starts else 0

    # -- then the article's actors --------------------------------------------------------------

    def pronoun(self, token: "Token") -> Actor | None:
        """The earlier person a "he" or "she" stands for by agreement (speakers nearby first), as a
        resolved mention of the pronoun; None when nothing fits."""
        word = token.lower_
        feats = self.cues.pronouns.get(word)
        if feats is None or feats.relative or feats.person != 3 or feats.gender not in ("m", "f"):
            return None  # "it", "they" stand for acts and things as often as for actors
        found = _resolve_pronoun(token.idx, word, actors=self.actors,
                                 speakers=[s for s in self.speakers if (s.end or 0) <= token.idx], cues=self.cues)
        if found is None:
            return None
        return resolved(Actor(token.idx, token.idx + len(token.text), token.text), found)

    def description(self, head: "Token", start: int, end: int) -> Actor | None:
        """A definite description ("the father", "the ministry", "Erdogan's spokesman") linked to
        the earlier actor introduced with the same role noun; None when none was."""
        if head.pos_ != "NOUN" or not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "any")
                                          for c in head.children):
            return None
        lemma = head.lemma_.lower()
        cues = self.cues
        if not (lemma in cues.person_roles or lemma in cues.organisation_nouns or head.lower_ in cues.organisation_nouns):
            return None
        pool = [a for a in self.speakers + self.actors if a.end is not None and a.end <= start and a.name
                and (a.country or a.sector)]
        found = _resolve_description(self.doc, head, start, actors=[a for a in pool if a.kind != "resolved"],
                                     speakers=[], cues=cues)
        if found is None:
            return None
        return resolved(Actor(start, end, doc_text(self.doc)[start:end]), found)

