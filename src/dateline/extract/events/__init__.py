"""PLOVER events: who did what to whom, when, where, and how sure we are.

Offers :func:`events` (every event of an article), :func:`code_sentence_events` (the events of
one sentence) and :class:`Proposal` (a matched trigger with what the rules made of it, for the
learned decider). Modules: ``stage`` (the extractor and its sentence pass), ``match`` (trigger
patterns), ``filters``, ``status`` (tense, negation, reporting), ``roles`` with ``sources``,
``targets`` and ``owners`` (source and target from the parse), ``actor_coder`` (coding role
nouns), ``claims`` (claims of responsibility), ``readings`` (type by who acts on whom),
``where`` (date, location, implied actors), ``scene`` (the article's scene country),
``open_triggers`` (open proposals for the decider).
"""

from .stage import Proposal, code_sentence_events, events

__all__ = ["events", "code_sentence_events", "Proposal"]
