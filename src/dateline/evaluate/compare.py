"""What changed between two runs on the same gold set: figure deltas, errors fixed and new."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .metrics import HEADLINES
from .misses import Miss, worst
from .report import misses_report

__all__ = ["Comparison", "compare", "compare_report"]


def _identity(m: Miss) -> tuple[Any, ...]:
    return (m.doc_id, m.kind, m.start, m.end, m.text, m.label)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Headline figures of a baseline run and the current run, and the errors that differ."""

    task: str
    before: dict[str, float]
    after: dict[str, float]
    fixed: tuple[Miss, ...]
    new: tuple[Miss, ...]

    @property
    def delta(self) -> dict[str, float]:
        return {k: self.after[k] - self.before[k] for k in self.after}

    def to_dict(self) -> dict[str, Any]:
        return {"task": self.task, "before": self.before, "after": self.after, "delta": self.delta,
                "fixed": len(self.fixed), "new": len(self.new)}


def compare(task: str, before: Mapping[str, Any], after: Mapping[str, Any], before_misses: Sequence[Miss],
            after_misses: Sequence[Miss]) -> Comparison:
    """Compare two scorings of one task on the same gold documents."""
    old = {_identity(m) for m in before_misses}
    cur = {_identity(m) for m in after_misses}
    return Comparison(task=task, before={k: before[k] for k in HEADLINES[task]},
                      after={k: after[k] for k in HEADLINES[task]},
                      fixed=tuple(m for m in before_misses if _identity(m) not in cur),
                      new=tuple(m for m in after_misses if _identity(m) not in old))


def compare_report(c: Comparison, n: int = 0) -> str:
    """Deltas of the headline figures, counts of fixed and new errors, and up to ``n`` of each."""
    lines = [f"{c.task}: against the baseline"]
    for k in c.after:
        lines.append(f"  {k:20} {c.before[k]:.4f} -> {c.after[k]:.4f}  ({c.delta[k]:+.4f})")
    lines.append(f"  errors fixed {len(c.fixed)}, new errors {len(c.new)}")
    out = "\n".join(lines) + "\n"
    if n:
        out += "\n" + misses_report(c.task, worst(c.new, n), title="new errors")
        out += "\n" + misses_report(c.task, worst(c.fixed, n), title="fixed errors")
    return out
