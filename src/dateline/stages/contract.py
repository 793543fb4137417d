"""The stage contract: every extractor is run by the pipeline the same way.

A :class:`Stage` has a ``name``, the results it ``requires`` (found by earlier stages) and the
results it ``assigns``, and a ``run(doc, context, knowledge, found) -> {name: results}`` function,
where ``context`` is the article's :class:`ArticleContext` (its text, layout, anchor date and the
run's settings), ``knowledge`` the pipeline's :class:`~dateline.stages.knowledge.Knowledge` and
``found`` what the earlier stages assigned. :func:`check_order` refuses a list of stages in which a
stage requires what no earlier stage assigns, when the pipeline is built rather than on the first
article.

>>> first = Stage("first", requires=(), assigns=("a",), run=lambda doc, ctx, kn, found: {"a": []})
>>> second = Stage("second", requires=("a",), assigns=("b",), run=lambda doc, ctx, kn, found: {"b": []})
>>> check_order([first, second])
>>> check_order([second, first])
Traceback (most recent call last):
...
dateline.stages.contract.StageOrderError: stage 'second' requires 'a', which no earlier stage assigns (earlier stages assign nothing); reorder the stages or add one that assigns it
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import DatelineError
from ..records import Layout
from ..settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .knowledge import Knowledge

__all__ = ["Stage", "ArticleContext", "StageRun", "StageOrderError", "check_order"]


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What a stage knows of the article besides its parse: the text the parse is of (an article,
    or a segment of one), its layout, the date relative expressions are read against, and the
    run's settings (the stage options: demonyms, scene actors, minimum confidence...)."""

    text: str
    layout: Layout
    anchor: str | None
    settings: Settings


StageRun = Callable[["Doc", ArticleContext, "Knowledge", Mapping[str, Sequence[Any]]], Mapping[str, list[Any]]]
"""``run(doc, context, knowledge, found) -> {assigned name: results}``."""


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of the pipeline: ``run`` reads ``requires`` from what earlier stages found and
    returns the results it ``assigns`` (each a list, in the parse's offsets)."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: StageRun

    def __call__(self, doc: "Doc", context: ArticleContext, knowledge: "Knowledge",
                 found: Mapping[str, Sequence[Any]]) -> dict[str, list[Any]]:
        """Run the stage; its results, checked to be exactly what it assigns."""
        results = self.run(doc, context, knowledge, {name: found[name] for name in self.requires})
        if set(results) != set(self.assigns):
            raise StageOrderError(f"stage {self.name!r} returned {sorted(results)}, but assigns "
                                  f"{sorted(self.assigns)}")
        return {name: list(results[name]) for name in self.assigns}


class StageOrderError(DatelineError):
    """A list of stages in which one requires what no earlier stage assigns (or two assign one name)."""


def check_order(stages: Sequence[Stage]) -> None:
    """Raise :class:`StageOrderError` unless each stage's ``requires`` are assigned by an earlier
    stage, and no two stages assign the same name."""
    assigned: dict[str, str] = {}
    for stage in stages:
        for name in stage.requires:
            if name not in assigned:
                earlier = ", ".join(f"{v}: {k}" for k, v in assigned.items()) or "nothing"
                raise StageOrderError(
                    f"stage {stage.name!r} requires {name!r}, which no earlier stage assigns (earlier stages "
                    f"assign {earlier}); reorder the stages or add one that assigns it")
        for name in stage.assigns:
            if name in assigned:
                raise StageOrderError(f"stages {assigned[name]!r} and {stage.name!r} both assign {name!r}")
            assigned[name] = stage.name
