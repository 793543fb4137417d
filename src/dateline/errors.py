"""Exceptions whose messages say what went wrong and what to do next."""

from __future__ import annotations

__all__ = [
    "DatelineError", "ModelNotFoundError", "InputError", "UnreadableInputError",
    "ArticleTooLargeError", "EmptyArticleError", "BinaryInputError", "InvalidUnicodeError", "BadIdError",
    "BadDateError", "ArticleError", "StoreError",
    "KnowledgeFileError", "EvaluationError", "DistributedError", "DaskNotInstalledError",
    "SchedulerUnreachableError", "InvalidFilterError",
]


class DatelineError(Exception):
    """Base class of every error dateline raises on purpose."""


class ModelNotFoundError(DatelineError):
    """No usable spaCy pipeline is installed, or the one asked for is missing."""


class InputError(DatelineError):
    """An input article cannot be used; ``reason`` is a short machine-readable code."""

    reason = "bad-input"


class UnreadableInputError(InputError):
    reason = "unreadable"


class EmptyArticleError(InputError):
    reason = "empty"


class BinaryInputError(InputError):
    reason = "binary"


class ArticleTooLargeError(InputError):
    reason = "too-large"


class InvalidUnicodeError(InputError):
    """A text holds lone surrogates (``"\\ud800"`` in JSON): no file, database or UTF-8 stream can hold it."""

    reason = "invalid-unicode"


class BadIdError(InputError):
    """An article ``id`` that is neither a string nor an integer."""

    reason = "bad-id"


class BadDateError(InputError):
    """A ``published`` value that is not a date dateline can read."""

    reason = "bad-date"


class ArticleError(DatelineError):
    """Analysing one article failed unexpectedly; ``stage`` and ``reason`` say where.

    The Python API raises it where a run would record the article as a Failure.
    """

    def __init__(self, message: str, *, stage: str = "extract", reason: str = "extractor-error") -> None:
        super().__init__(message)
        self.stage = stage
        self.reason = reason


class StoreError(DatelineError):
    """The database cannot be opened, migrated or written."""


class InvalidFilterError(StoreError):
    """A filter value (a date, a code, a text, an offset) that a query cannot use.

    ``parameter`` names the filter, ``problem`` says what is wrong and what is accepted.
    """

    def __init__(self, parameter: str, problem: str) -> None:
        super().__init__(f"{parameter}: {problem}")
        self.parameter = parameter
        self.problem = problem


class KnowledgeFileError(DatelineError):
    """A knowledge data file (actors, patterns, gazetteer) is missing or malformed."""


class EvaluationError(DatelineError):
    """A gold or prediction file cannot be used for scoring."""


class DistributedError(DatelineError):
    """A distributed run cannot start or cannot go on."""


class DaskNotInstalledError(DistributedError):
    """``dask`` or ``distributed`` is not installed."""


class SchedulerUnreachableError(DistributedError):
    """No Dask scheduler answers at the address given."""
