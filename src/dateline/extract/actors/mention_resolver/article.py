"""The article strategies: what a mention names among the article's coded actors and speakers.

A mention that overlaps a coded actor takes that actor's code; a surname takes the full name
given earlier; a pronoun takes the subject of its own clause chain when it is possessive, else the
nearest earlier compatible speaker or person (gender, number, person vs. organisation:
:func:`agreeing_antecedent`); a definite description ("the father", "the ministry") takes the
earlier actor introduced with the same role noun (:func:`described_antecedent`). Anonymous
mentions ("a source", "officials") stay unresolved: their text is kept, their name is None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ....knowledge.cache import SHARED
from ....knowledge.quote_cues import QuoteCues
from ....nlp import doc_text
from ....records import Actor, Span
from ...syntax.labels import SUBJECTS
from .spans import gender_of, is_body, is_person, mention_span, own_words, resolved, words_of

__all__ = ["resolve_mention", "agreeing_antecedent", "described_antecedent"]

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
# How far back (characters) a pronoun looks for a previous speaker before any person will do.
_SPEAKER_WINDOW = 1500


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


def _earlier(pool: Sequence[Actor], start: int) -> list[Actor]:
    """Candidates ending before ``start``, nearest first."""
    found = [a for a in pool if a.end is not None and a.end <= start and a.name]
    found.sort(key=lambda a: a.end or 0, reverse=True)
    return found


def agreeing_antecedent(start: int, word: str, *, actors: Sequence[Actor], speakers: Sequence[Actor],
                     cues: QuoteCues) -> Actor | None:
    feats = cues.pronouns[word]
    if feats.person != 3:
        return None

    def fits(a: Actor) -> bool:
        if feats.gender in ("m", "f"):
            if not is_person(a, cues) and a.kind is not None:
                return False
            g = gender_of(a, cues)
            return g is None or g == feats.gender
        if feats.gender == "n":
            return is_body(a, cues)
        return feats.number != "pl" or not is_person(a, cues)  # they: a body, or people, not one person

    for a in _earlier(speakers, start):
        if start - (a.end or 0) <= _SPEAKER_WINDOW and fits(a):
            return a
    people = [a for a in _earlier(actors, start) if fits(a)]
    if feats.gender in ("m", "f"):
        people = [a for a in people if is_person(a, cues)]
    return people[0] if people else None


def described_antecedent(doc, head, start: int, *, actors: Sequence[Actor],
                         speakers: Sequence[Actor], cues: QuoteCues) -> Actor | None:
    """The earlier actor introduced with the same role noun ("the spokesman" -> "Kremlin
    spokesman Dmitry Peskov"); a possessor ("Erdogan's spokesman") must match too."""
    lemma = head.lemma_.lower()
    modifiers = {t.lower_ for t in head.lefts if t.dep_ in ("compound", "amod") and t.lower_ not in
                 _DETERMINERS}
    owners = {t.lower_ for t in head.lefts if t.dep_ == "poss" and t.tag_ != "PRP$"}
    for a in _earlier(list(speakers) + list(actors), start):
        words, own = words_of(a.text), own_words(a.text)
        if (lemma in own or head.lower_ in own) and owners <= words:
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
        found = agreeing_antecedent(start, word, actors=actors, speakers=speakers, cues=cues)
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
            found = described_antecedent(doc, head, start, actors=actors, speakers=speakers, cues=cues)
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
