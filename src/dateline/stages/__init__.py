"""The stage contract, the Knowledge bundle, and dateline's own stages.

Offers :class:`Stage` (``name``, ``requires``, ``assigns``, ``run(doc, context, knowledge, found)``),
:class:`ArticleContext`, :func:`check_order` (each stage's ``requires`` assigned by an earlier one,
else :class:`StageOrderError`), :class:`Knowledge` (every table, model and file the stages read,
built once from the Settings) and :data:`DEFAULT_STAGES` (actors, times, places, quotes, events,
sentences). Modules: ``contract``, ``knowledge``, ``builtin``.
"""

from .builtin import DEFAULT_STAGES
from .contract import ArticleContext, Stage, StageOrderError, check_order
from .knowledge import KNOWLEDGE_FIELDS, Knowledge

__all__ = ["Stage", "ArticleContext", "StageOrderError", "check_order", "Knowledge", "KNOWLEDGE_FIELDS",
           "DEFAULT_STAGES"]
