"""Spans of resolved mentions: a mention's noun phrase, a resolved actor's two spans, and what an
actor's words say of it (gender, person or body)."""

from __future__ import annotations

from dataclasses import replace

from ....knowledge.quote_cues import QuoteCues
from ....records import Actor, Span

__all__ = ["mention_span", "words_of", "gender_of", "is_person", "is_body", "refers_to", "marked", "resolved"]

_PERSON_KINDS = {"person"}
_BODY_KINDS = {"organization", "organisation", "state", "group"}


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


def _words_in_order(text: str | None) -> list[str]:
    """Lower-cased words of a text without punctuation or a possessive 's, in text order."""
    out = []
    for w in (text or "").replace("’", "'").split():
        w = w.lower().strip(".,;:()\"")
        if w.endswith("'s"):
            w = w[:-2]
        if w:
            out.append(w.rstrip("'"))
    return out


def words_of(text: str | None) -> set[str]:
    """Lower-cased words of a text without punctuation or a possessive 's."""
    return set(_words_in_order(text))


def own_words(text: str | None) -> set[str]:
    """The words of a text that are not a possessor's ("mother" in "the young man's mother", not
    "young" or "man"): what the text's own referent may be called."""
    words = (text or "").replace("’", "'").split()
    owned = [i for i, w in enumerate(words) if w.rstrip(".,;:()\"").lower().endswith(("'s", "s'"))]
    if not owned:
        return words_of(text)
    return words_of(" ".join(words[owned[-1] + 1:]))


def gender_of(actor: Actor, cues: QuoteCues) -> str | None:
    """``m``/``f`` when the actor's text or name says it (title, role noun, given name). Words
    that disagree ("the young man's mother") give way to the last, the phrase's head."""
    for w in [*reversed(_words_in_order(actor.text)), *reversed(_words_in_order(actor.name))]:
        g = cues.gendered.get(w) or cues.gendered.get(w + ".")
        if g:
            return g
    name_words = (actor.name or actor.text or "").split()
    if name_words:
        return cues.given_names.get(name_words[0].lower().strip(".,"))
    return None


def is_person(actor: Actor, cues: QuoteCues) -> bool:
    if actor.kind in _PERSON_KINDS:
        return True
    if actor.kind in _BODY_KINDS:
        return False
    words = words_of(actor.text)
    if words & cues.organisation_nouns:
        return False
    return bool(words & cues.person_roles) or gender_of(actor, cues) is not None


def is_body(actor: Actor, cues: QuoteCues) -> bool:
    if actor.kind in _BODY_KINDS:
        return True
    if actor.kind in _PERSON_KINDS:
        return False
    return bool(words_of(actor.text) & cues.organisation_nouns)


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
