"""dateline: political event data from news wire copy.

Who did what to whom, when and where, and who said what, every fact traced back to the
characters of the sentence it came from.

>>> import dateline
>>> article = dateline.extract("MOSCOW, March 4. /TASS/. Russia and Turkey held talks.",
...                            published="2020-03-04")             # doctest: +SKIP
>>> article.to_dict()["dateline"]["place"]                         # doctest: +SKIP
'Moscow'

Many articles: ``dateline.analyse(inputs, settings)`` yields their records (in worker processes
with ``Settings(processes=N)``, on Dask with ``execution=Execution(dask=...)``);
``dateline.ingest_articles(inputs, store, settings)`` stores them (:mod:`dateline.store.ingest`).
"""

from __future__ import annotations

import logging

from .errors import DatelineError
from .pipeline import Pipeline, extract
from .records import Article, Failure
from .settings import Settings
from .stages import Knowledge, Stage
from .store.ingest import Execution, RunSummary, analyse
from .store.ingest import ingest as ingest_articles
from .version import __version__

__all__ = ["extract", "analyse", "ingest_articles", "Pipeline", "Settings", "Article", "Failure", "DatelineError",
           "Stage", "Knowledge", "Execution", "RunSummary", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
