"""Actors: mentions of people, organisations, states and groups, coded with country and sector.

Offers :func:`actors` (every actor mention of an article), :func:`code_span` (code any stretch
of a parsed text), :func:`code_phrase` (code plain text), :func:`load_knowledge` (the actor
knowledge for a :class:`~dateline.settings.Settings`), and the mention resolver quotes and
events share (:func:`resolve_mention`, :func:`mention_span`, :func:`gender_of`). Modules: ``stage``
(the extractor), ``mentions`` (finding mentions), ``coding`` (coding words against the knowledge),
``linking`` (short names and titles linked across the article), ``mention_resolver`` (pronouns,
titles and short names resolved to the actor they stand for, :class:`MentionResolver`),
``resolve`` (the old name of its functions).
"""

from .resolve import gender_of, mention_span, resolve_mention
from .stage import ActorCode, ActorKnowledge, actors, code_phrase, code_span, load_knowledge

__all__ = ["actors", "code_span", "code_phrase", "load_knowledge", "ActorKnowledge", "ActorCode",
           "resolve_mention", "mention_span", "gender_of"]
