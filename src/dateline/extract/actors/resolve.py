"""Resolving a mention to the actor it names: kept for callers of the old name; the resolver
is :mod:`.mention_resolver`, which quotes, actors and events share."""

from __future__ import annotations

from .mention_resolver import gender_of, mention_span, resolve_mention

__all__ = ["resolve_mention", "mention_span", "gender_of"]
