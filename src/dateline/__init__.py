"""dateline: political event data from news wire copy.

Who did what to whom, when and where, and who said what, every fact traced back to the
characters of the sentence it came from.

>>> import dateline
>>> article = dateline.extract("MOSCOW, March 4. /TASS/. Russia and Turkey held talks.",
...                            published="2020-03-04")             # doctest: +SKIP
>>> article.to_dict()["dateline"]["place"]                         # doctest: +SKIP
'Moscow'
"""

from __future__ import annotations

import logging

from .errors import DatelineError
from .pipeline import Pipeline, extract
from .records import Article, Failure
from .settings import Settings

__all__ = ["extract", "Pipeline", "Settings", "Article", "Failure", "DatelineError", "__version__"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
