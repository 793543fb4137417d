"""Actors: mentions of people, organisations, states and groups, coded with country and sector.

Offers :func:`actors` (every actor mention of an article), :func:`code_span` (code any stretch
of a parsed text), :func:`code_phrase` (code plain text), :func:`load_knowledge` (the actor
knowledge for a :class:`~dateline.settings.Settings`), and the mention resolver quotes and
events share (:func:`resolve_mention`, :func:`mention_span`, :func:`gender_of`). Modules: ``stage``
(the extractor), ``mentions`` (finding mentions), ``coding`` (coding words against the knowledge),
``locate`` (actors without a state located by their sentence), ``mention_resolver`` (the one
resolver: short names, titles, pronouns and counted groups resolved to the actor they stand
for, by named strategies; :class:`MentionResolver`).
"""

from .mention_resolver import gender_of, mention_span, resolve_mention
from .stage import ActorCode, ActorKnowledge, actors, code_phrase, code_span, load_knowledge

__all__ = ["actors", "code_span", "code_phrase", "load_knowledge", "ActorKnowledge", "ActorCode",
           "resolve_mention", "mention_span", "gender_of"]
