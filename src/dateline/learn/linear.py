"""A multinomial linear model over sparse binary features, stored as one ``.npz`` file and
scored with numpy alone (no scikit-learn at run time)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np


@dataclass(frozen=True)
class LinearModel:
    """``weights[feature index, class index]`` plus ``bias``; ``vocabulary`` maps feature names to rows."""

    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    meta: dict[str, Any]

    def probabilities(self, features: list[str]) -> dict[str, float]:
        """Class probabilities for one item's features (unknown features are ignored)."""
        rows = [self.vocabulary[f] for f in features if f in self.vocabulary]
        scores = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        scores = scores - scores.max()
        exp = np.exp(scores)
        probs = exp / exp.sum()
        return {c: float(p) for c, p in zip(self.classes, probs)}

    def save(self, path: Path) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez_compressed(path, classes=np.array(self.classes), features=np.array(names),
                            weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32),
                            meta=np.array([json.dumps(self.meta, sort_keys=True)]))

    @classmethod
    def load(cls, path: Path) -> "LinearModel":
        with np.load(path, allow_pickle=False) as data:
            names = [str(n) for n in data["features"]]
            return cls(classes=tuple(str(c) for c in data["classes"]),
                       vocabulary={n: i for i, n in enumerate(names)},
                       weights=data["weights"].astype(np.float64), bias=data["bias"].astype(np.float64),
                       meta=json.loads(str(data["meta"][0])))
