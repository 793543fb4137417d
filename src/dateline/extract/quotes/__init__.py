"""Quotations and reported speech, each attributed to a speaker resolved against the actors.

Offers :func:`quotes` (every quote of an article) and :func:`quote_region` (the stretch a quote
covers). Modules: ``stage`` (the extractor), ``marks`` (quotation-mark stretches), ``direct``
(direct quotations), ``reported`` (reported speech and colon lines), ``common`` (cue verbs,
speaker phrases shared by both).
"""

from .stage import quote_region, quotes

__all__ = ["quotes", "quote_region"]
