"""Temporal expressions normalized against the document date (TimeML TIMEX3 values).

Offers :func:`times` (every time expression of an article), :func:`tag_times`,
:func:`time_for_span` (the time expression that dates a stretch of text) and :func:`is_future`
(whether a value lies after the article's date). Modules: ``stage`` (the extractor), ``rules``
(candidates from the lexicon's rules), ``normalize`` with ``amounts``, ``relative``, ``context``
and ``calendar`` (values), ``tense`` and ``clause`` (reading direction and clause from the parse), ``narrative`` (the day
a past narrative goes on telling).
"""

from .stage import is_future, tag_times, time_for_span, times

__all__ = ["times", "tag_times", "time_for_span", "is_future"]
