"""The resolver of one parsed article, and the strategies the event coder's roles try in order.

:class:`MentionResolver` holds an article's coded actor mentions, its quotes' speakers and its
parse. :meth:`MentionResolver.resolve` gives the actor any mention names (the article strategies
of :mod:`.article`, as quotes use them for speakers); :meth:`MentionResolver.reference` tries
:data:`REFERENCE_STRATEGIES` in order on a role noun (the event coder's), and
:meth:`MentionResolver.description` links a definite description once the phrase's own coding
gave no country.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from bisect import bisect_right
from typing import TYPE_CHECKING

from ....knowledge.cache import SHARED
from ....knowledge.quote_cues import QuoteCues
from ....nlp import doc_text
from ....records import Actor, Quote
from .article import agreeing_antecedent, described_antecedent, resolve_mention
from .parse import CodeNoun, antecedent_token, names_a_pair, pair_antecedent
from .spans import resolved

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["MentionResolver", "REFERENCE_STRATEGIES", "ReferenceStrategy"]


def _no_list(name: str, word: str) -> bool:
    return False


class MentionResolver:
    """The resolver of one parsed article: its coded actor mentions, quotes and speakers.

    ``codes(token)`` says whether the phrase a noun heads names a coded actor (the event
    coder's test); without it every noun or name counts. ``has(list, word)`` reads the event
    word lists (``first_person``, ``relative_pronouns``, ``pair_nouns``, ``group_count_words``);
    without it those strategies find nothing.
    """

    def __init__(self, doc: "Doc", *, actors: Sequence[Actor], speakers: Sequence[Actor] = (),
                 quotes: Sequence[Quote] = (), cues: QuoteCues | None = None,
                 codes: Callable[["Token"], bool] | None = None, pronouns: frozenset[str] = frozenset(),
                 has: Callable[[str, str], bool] | None = None) -> None:
        self.doc = doc
        self.actors = [a for a in actors if a.start is not None and a.end is not None]
        self.quotes = [q for q in quotes if q.speaker is not None]
        self.speakers = [s for s in list(speakers) + [q.speaker for q in self.quotes]  # type: ignore[misc]
                         if s.start is not None and s.name]
        self.cues = cues or SHARED.quote_cues()
        self.codes = codes or (lambda t: t.pos_ in ("NOUN", "PROPN"))
        self.pronouns = pronouns or frozenset(self.cues.pronouns)
        self.has = has or _no_list
        self._sentence_starts = [s.start for s in doc.sents]

    def resolve(self, start: int, end: int) -> Actor:
        """The actor the mention ``start:end`` names (see :func:`resolve_mention`)."""
        return resolve_mention(self.doc, start, end, actors=self.actors,
                               speakers=[s for s in self.speakers if (s.end or 0) <= start], cues=self.cues)

    def reference(self, noun: "Token", code: CodeNoun, depth: int) -> list[Actor] | None:
        """What a role noun that refers to another mention stands for: the first of
        :data:`REFERENCE_STRATEGIES` that applies (its answer may be empty), None when none does
        and the phrase is to be coded itself."""
        for _, strategy in REFERENCE_STRATEGIES:
            found = strategy(self, noun, code, depth)
            if found is not None:
                return found
        return None

    def is_pronoun(self, token: "Token") -> bool:
        return token.pos_ == "PRON" and token.lower_ in self.pronouns

    def antecedent_token(self, pronoun: "Token") -> "Token | None":
        """The noun a pronoun most likely refers to by the parse (:func:`.parse.antecedent_token`)."""
        return antecedent_token(self, pronoun)

    def sentence_start(self, i: int) -> int:
        """The index of the first token of the sentence holding token ``i``."""
        return self._sentence_starts[bisect_right(self._sentence_starts, i) - 1] if self._sentence_starts else 0

    def quote_speaker(self, offset: int) -> Actor | None:
        """The coded speaker of the quote whose content holds character ``offset``."""
        for q in self.quotes:
            if q.content.start <= offset < q.content.end and q.speaker is not None \
                    and (q.speaker.country or q.speaker.sector):
                return q.speaker
        return None

    def pronoun(self, token: "Token") -> Actor | None:
        """The earlier person a "he" or "she" stands for by agreement (speakers nearby first), as a
        resolved mention of the pronoun; None when nothing fits."""
        word = token.lower_
        feats = self.cues.pronouns.get(word)
        if feats is None or feats.relative or feats.person != 3 or feats.gender not in ("m", "f"):
            return None  # "it", "they" stand for acts and things as often as for actors
        found = agreeing_antecedent(token.idx, word, actors=self.actors,
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
        found = described_antecedent(self.doc, head, start, actors=[a for a in pool if a.kind != "resolved"],
                                     speakers=[], cues=cues)
        if found is None:
            return None
        return resolved(Actor(start, end, doc_text(self.doc)[start:end]), found)


ReferenceStrategy = Callable[[MentionResolver, "Token", CodeNoun, int], "list[Actor] | None"]
"""``(resolver, noun, code, depth) -> actors``, or None when the strategy does not apply."""


def _first_person(r: MentionResolver, noun: "Token", code: CodeNoun, depth: int) -> list[Actor] | None:
    """``"We condemn this," Peskov said``: "we" inside a quote is its speaker's side."""
    if noun.pos_ != "PRON" or not r.has("first_person", noun.text):
        return None
    speaker = r.quote_speaker(noun.idx)
    if speaker is None:
        return None
    return [resolved(Actor(noun.idx, noun.idx + len(noun.text), noun.text), speaker)]


def _pronoun(r: MentionResolver, noun: "Token", code: CodeNoun, depth: int) -> list[Actor] | None:
    """A pronoun: the noun the parse points at, coded; else the article's actors by agreement."""
    if not r.is_pronoun(noun):
        return None
    ante = r.antecedent_token(noun)
    found = code(ante, depth + 1) if ante is not None and depth < 2 else []
    if not found:  # a person named without a code is kept: the scene may give the country
        return [a for a in [r.pronoun(noun)] if a is not None and (a.country or a.sector or a.kind == "person")]
    mention = Actor(noun.idx, noun.idx + len(noun.text), noun.text)
    return [resolved(mention, a) for a in found]


def _relative(r: MentionResolver, noun: "Token", code: CodeNoun, depth: int) -> list[Actor] | None:
    """``the rebels, who attacked ...``: a relative pronoun is the noun its clause modifies."""
    if not r.has("relative_pronouns", noun.text) or noun.head.dep_ != "relcl":
        return None
    return code(noun.head.head, depth + 1) if depth < 2 else []


def _pair(r: MentionResolver, noun: "Token", code: CodeNoun, depth: int) -> list[Actor] | None:
    """``the two countries``, ``both sides``: the pair named before (None when none was)."""
    if depth >= 2 or not names_a_pair(r, noun):
        return None
    return pair_antecedent(r, noun, code) or None


#: The reference strategies, in order: a first-person word inside a quote, a pronoun, a relative
#: pronoun, a counted pair. A definite description comes after the phrase's own coding
#: (:meth:`MentionResolver.description`), since "the Russian foreign minister" codes itself.
REFERENCE_STRATEGIES: tuple[tuple[str, ReferenceStrategy], ...] = (
    ("first_person", _first_person),
    ("pronoun", _pronoun),
    ("relative", _relative),
    ("pair", _pair),
)
