"""Coding the noun phrases that fill an event's source and target roles.

A noun token becomes one or more :class:`Actor` records: the phrase it heads is coded with the
actors package's ``code_span`` (or the ``code_span`` given), else with the actor mentions found in
the article.
A phrase that codes to nothing is looked through ("positions of X", "Security forces in X",
"X's actions"); a word that stands for another mention (a first-person word in a quote, a
pronoun, "who", "the two countries", "the spokesman") is resolved by the article's
:class:`~dateline.extract.actors.mention_resolver.MentionResolver` and its named strategies;
coordinated owners ("police from Brazil and Argentina") give one actor each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ...knowledge.actors import ActorKnowledge
from ...knowledge.event_patterns import EventLexicon
from ...nlp import doc_text
from ...records import Actor, Quote
from ..actors import code_span as actor_code_span
from ..actors.mention_resolver import MentionResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["ActorCoder", "SpanCoder"]

SpanCoder = Callable[..., "Actor | None"]
"""Codes the tokens of a doc between two character offsets: ``(doc, start, end, *, knowledge,
date, weak=False) -> Actor | None``, as :func:`dateline.extract.actors.code_span`."""

_LOOK_THROUGH_PREPS = ("of", "in", "from", "at", "on", "against", "by", "for", "to", "with", "near", "between")
_LEFT_DEPS_SKIPPED = {"conj", "cc", "punct", "prep", "relcl", "acl", "appos", "advmod", "preconj"}
_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
#: Sectors of the weak roles that name people by what they are ("a man", "the family",
#: "critics", "the school"), which may fill an event's role without a country of their own.
_WEAK_SECTORS = frozenset({"CVL", "BUS", "EDU", "MED", "REL", "LAB", "JRN", "SOC", "OPP"})


class ActorCoder:
    """Codes role nouns of one document; remembers what it coded."""

    def __init__(self, doc: "Doc", *, actors: Sequence[Actor], knowledge: ActorKnowledge | None, date: str | None,
                 lexicon: EventLexicon, quotes: Sequence[Quote] = (),
                 event_nouns: frozenset[str] = frozenset(), code_span: SpanCoder | None = None) -> None:
        """``code_span`` codes a phrase by its offsets (default: the actors package's ``code_span``)."""
        self.doc = doc
        self.text = doc_text(doc)  # Doc.text is rebuilt on every access: read it once
        self.knowledge = knowledge
        self.date = date
        self.event_nouns = event_nouns | lexicon.event_nouns
        spans = [a for a in actors if a.start is not None and a.end is not None]
        self.actors = [a for a in spans if not self._names_an_event(a)]
        self._doers = [a for a in spans if a.kind in ("person", "group") and (a.sector or a.country)
                       and self._names_an_event(a)]
        self.lexicon = lexicon
        self._code_span = code_span or actor_code_span
        self._cache: dict[tuple[int, int], Actor | None] = {}
        self._nouns: dict[tuple[int, int], list[Actor]] = {}
        self.resolver = MentionResolver(doc, actors=self.actors, quotes=quotes, codes=self._codes,
                                        pronouns=frozenset(lexicon.lists.get("pronouns", ())), has=lexicon.has)

    # -- spans -------------------------------------------------------------------------------

    def phrase_bounds(self, noun: "Token") -> tuple[int, int]:
        """Token bounds [start, end) of the phrase a noun heads, without clauses and coordination."""
        start = noun.i
        for child in noun.lefts:
            if child.dep_ not in _LEFT_DEPS_SKIPPED:
                start = min(start, child.left_edge.i)
        end = noun.i + 1
        for child in noun.rights:
            if child.dep_ in ("compound", "flat", "nummod") or (child.dep_ == "appos" and child.ent_type_ == "PERSON"
                                                                and noun.ent_type_ != "PERSON"):
                end = max(end, child.right_edge.i + 1)
            else:
                break
        return start, end

    def code_tokens(self, start: int, end: int) -> Actor | None:
        """The actor coded for tokens [start, end), or None.

        The article's actor mentions are used first (the actor module has coded them already);
        ``code_span`` is asked only about phrases no mention covers.
        """
        key = (start, end)
        if key in self._cache:
            return self._cache[key]
        span = self.doc[start:end]
        result = self._from_mentions(span.start_char, span.end_char, head=span.root.idx)
        if result is None:
            result = self._coded_by_actor_module(span)
        if result is None:
            result = self._from_mentions(span.start_char, span.end_char)
        self._cache[key] = result
        return result

    def _names_an_event(self, mention: Actor) -> bool:
        """A mention headed by an event noun ("the embassy bombings") is not an actor."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")  # type: ignore[arg-type]
        return span is not None and len(span) > 0 and span.root.pos_ == "NOUN" \
            and span.root.lemma_.lower() in self.event_nouns

    def doer(self, noun: "Token") -> Actor | None:
        """The person or group an event noun names as the one who acts, when the actor module
        coded it so ("a suicide bomber blew himself up"): only a verb's subject is read this way."""
        if noun.lemma_.lower() not in self.event_nouns:
            return None
        return next((a for a in self._doers if a.start <= noun.idx < a.end), None)  # type: ignore[operator]

    def _worth_coding(self, span: "SpacySpan") -> bool:
        """Whether a phrase no mention covers may still name an actor (a name or nationality)."""
        return any(t.pos_ == "PROPN" or t.ent_type_ in _ENTITY_LABELS for t in span)

    def _from_mentions(self, start: int, end: int, head: int | None = None) -> Actor | None:
        """The best mention overlapping [start, end) (covering ``head`` and coded, when given)."""
        inside = [a for a in self.actors if a.start < end and a.end > start]  # type: ignore[operator]
        if head is not None:
            inside = [a for a in inside if a.start <= head < a.end and (a.country or a.sector)]  # type: ignore[operator]
        if not inside:
            return None
        coded = [a for a in inside if a.country] or inside
        best = max(coded, key=lambda a: (a.end - a.start))  # type: ignore[operator]
        return best

    # -- nouns -------------------------------------------------------------------------------

    def code_noun(self, noun: "Token", *, depth: int = 0) -> list[Actor]:
        """The actors a role noun stands for (coordinated nouns give several).

        Remembered per noun and depth: the answer depends on the document alone (the coder and
        its resolver keep no other state), and the roles of several triggers ask about the
        same subject."""
        key = (noun.i, depth)
        found = self._nouns.get(key)
        if found is None:
            out: list[Actor] = []
            for n in [noun, *self._conjuncts(noun)]:
                out.extend(self._code_one(n, depth=depth))
            found = self._nouns[key] = _unique(out)
        return list(found)

    def _conjuncts(self, noun: "Token") -> list["Token"]:
        found: list[Token] = []
        frontier = [noun]
        while frontier:
            t = frontier.pop()
            for c in t.children:
                if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                    found.append(c)
                    frontier.append(c)
        return found

    def _code_one(self, noun: "Token", *, depth: int) -> list[Actor]:
        # "we" in a quote, a pronoun, "who", "the two countries": the mention resolver's strategies
        referred = self.resolver.reference(noun, self._code_at, depth)
        if referred is not None:
            return referred
        start, end = self.phrase_bounds(noun)
        # "the blasts killed 10": an event is not an actor (though "the release of X" points at X)
        event = noun.pos_ == "NOUN" and noun.lemma_.lower() in self.event_nouns
        actor = None if event else self.code_tokens(start, end)
        split = [] if event else (self._coordinated_modifiers(noun) or self._coordinated_owners(noun, depth)
                                  or self._coordinated_inside(noun, start, end))
        if split:
            return split
        if actor is not None and actor.country:
            return [actor]
        if not event and depth < 2 and (actor is None or actor.kind != "person" or not actor.name):
            span = self.doc[start:end]
            described = self.resolver.description(noun, span.start_char, span.end_char)
            if described is not None and described.country:  # "the father": the one named before
                return [described]
        # "leaders of X", "the president of X", "their forces", "workers affiliated with X":
        # a phrase without a country takes the one of the phrase it belongs to
        named: list[Actor] = []
        if depth < 2:
            for inner in self._look_through(noun):
                got = self.code_noun(inner, depth=depth + 1)
                if any(a.country for a in got):
                    return got
                if got and not named and noun.lemma_.lower() in self.lexicon.carrier_nouns:
                    named = got  # "52 members of MASSOB": the group, even without a code
        if actor is not None:
            return [actor]
        if named:
            return named
        if not event and noun.ent_type_ in _ENTITY_LABELS and noun.pos_ == "PROPN":
            span = self.doc[start:end]
            return [Actor(span.start_char, span.end_char, span.text, name=span.text)]
        if not event and noun.pos_ == "NOUN":
            weak = self._weak_role(self.doc[start:end])  # "the family", "a man": unnamed people
            if weak is not None:
                return [weak]
        return []

    def _weak_role(self, span: "SpacySpan") -> Actor | None:
        """A role the actor module codes only with a country or a count ("the family", "a man",
        "supporters"), which as an event's source or target is an actor all the same (the scene
        may give it a country)."""
        found = self._code_span(self.doc, span.start_char, span.end_char, knowledge=self.knowledge,
                                date=self.date, weak=True)
        if found is None or found.sector not in _WEAK_SECTORS:
            return None  # "drones", "positions": weapons and places; "the coach", "the head": titles
        return found

    def _look_through(self, noun: "Token") -> list["Token"]:
        """Nouns a role noun belongs to: its possessor, then objects of its prepositions."""
        out = [c for c in noun.children if c.dep_ == "poss"]
        out += [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]  # "Darfur rebels"
        heads = [noun, *[c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]]
        for h in heads:
            for child in h.children:
                if child.dep_ == "prep" and child.lower_ in _LOOK_THROUGH_PREPS:
                    out.extend(p for p in child.children if p.dep_ == "pobj")
        return out

    def _coordinated_modifiers(self, noun: "Token") -> list[Actor]:
        """``French and Egyptian warships``: one actor per coordinated modifier."""
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and any(c.dep_ == "conj" for c in child.children):
                mods = [child, *[c for c in child.subtree if c.dep_ == "conj" and c.head.i >= child.i]]
                out = [a for m in mods if (a := self.code_tokens(m.i, m.i + 1)) is not None and a.country]
                if len(out) >= 2:
                    return out
        return []

    def _coordinated_inside(self, noun: "Token", start: int, end: int) -> list[Actor]:
        """``Sudan's government and southern rebels`` parsed as one phrase (the first conjunct a
        modifier of the second): the actor mentions on each side of the "and", when the actor
        module found two or more."""
        if not any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in self.doc[start + 1:noun.i]):
            return []
        span = self.doc[start:end]
        inside = [a for a in self.actors if span.start_char <= a.start and a.end <= span.end_char  # type: ignore[operator]
                  and (a.country or a.sector)]
        return inside if len(inside) >= 2 else []

    def _coordinated_owners(self, noun: "Token", depth: int) -> list[Actor]:
        """``police from Brazil and Argentina``, ``leaders of X and Y``: one actor per country."""
        if depth >= 2:
            return []
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and any(c.dep_ == "conj" for c in pobj.children):
                    out = [a for n in [pobj, *self._conjuncts(pobj)] if (a := self._code_exact(n)) is not None
                           and a.country]
                    if len({a.country for a in out}) >= 2:
                        return out
        return []

    def code_exact(self, noun: "Token") -> list[Actor]:
        """The country-coded actor of exactly the phrase a noun heads ("Saudi" in "Saudi-led",
        which a mention of the whole may code as the coalition), if any."""
        a = self._code_exact(noun)
        return [a] if a is not None and a.country else []

    def _code_exact(self, noun: "Token") -> Actor | None:
        """The actor of exactly the phrase a noun heads, not of a longer mention around it."""
        start, end = self.phrase_bounds(noun)
        span = self.doc[start:end]
        return self._coded_by_actor_module(span) or self.code_tokens(start, end)

    def _coded_by_actor_module(self, span: "SpacySpan") -> Actor | None:
        """The actors package's coding of a phrase worth coding, or None."""
        if not self._worth_coding(span):
            return None
        return self._code_span(self.doc, span.start_char, span.end_char, knowledge=self.knowledge, date=self.date)

    # -- the resolver ---------------------------------------------------------------------

    def is_pronoun(self, token: "Token") -> bool:
        return self.resolver.is_pronoun(token)

    def _code_at(self, noun: "Token", depth: int) -> list[Actor]:
        """:meth:`code_noun` as the resolver's strategies call it."""
        return self.code_noun(noun, depth=depth)

    def _codes(self, noun: "Token") -> bool:
        s, e = self.phrase_bounds(noun)
        a = self.code_tokens(s, e)
        return a is not None and bool(a.country or a.sector)


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple[Any, ...]] = set()
    out: list[Actor] = []
    for a in actors:
        key = (a.start, a.end, a.country, a.name)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out
